package org.rpzx.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database: one write connection used under a lock (SQLite has a single writer anyway)
 * and one read connection, so readers never wait for a long write under WAL. {@code
 * synchronous=FULL}: a commit is on disk before it returns, which is what lets SMTP say 250.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Path file;
  private final Connection writer;
  private final Connection reader;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final ReentrantLock readLock = new ReentrantLock();

  private Database(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection writer = connect(file, false);
      new SchemaMigrator(writer).migrate();
      Connection reader = connect(file, true);
      LOG.info("store {} at schema version {}", file, SchemaMigrator.LATEST_VERSION);
      return new Database(file, writer, reader);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    if (readOnly) {
      config.setReadOnly(true);
    }
    Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    c.setAutoCommit(true);
    return c;
  }

  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in one write transaction: all of it is committed, or (on any exception) none
   * of it. SQL errors surface as {@link StoreException}.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    writeLock.lock();
    try {
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        if (e instanceof SQLException sql) {
          throw new StoreException("store write failed: " + sql.getMessage(), sql);
        }
        throw (RuntimeException) e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store write failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on the read connection (a consistent WAL snapshot per statement). */
  public <T> T read(SqlWork<T> work) {
    readLock.lock();
    try {
      reader.setAutoCommit(false); // one read transaction: a consistent view across statements
      try {
        return work.run(reader);
      } finally {
        reader.rollback();
        reader.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("store read failed: " + e.getMessage(), e);
    } finally {
      readLock.unlock();
    }
  }

  private void rollbackQuietly() {
    try {
      writer.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    readLock.lock();
    try {
      reader.close();
      writer.close();
    } catch (SQLException e) {
      LOG.warn("closing store: {}", e.getMessage());
    } finally {
      readLock.unlock();
      writeLock.unlock();
    }
  }
}
