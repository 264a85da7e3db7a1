package org.rpzx.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database: one write connection used under a lock (SQLite has a single writer anyway)
 * and one read connection, so readers never wait for a long write under WAL. {@code
 * synchronous=FULL}: a commit is on disk before it returns, which is what lets SMTP say 250. A
 * write that fails with an SQL error (disk full, read-only or failing file) replaces the write
 * connection, so the store recovers by itself once the fault is cleared.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Path file;
  private Connection writer; // null after a failure until the next write reconnects
  private boolean closed;
  private final Connection reader;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final ReentrantLock readLock = new ReentrantLock();
  private final WalCheckpointer checkpointer;
  private SqlWork<?> owed; // guarded by writeLock: the next write transaction runs it first

  private Database(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
    this.checkpointer =
        new WalCheckpointer(
            file,
            () -> {
              try {
                return connect(file, false);
              } catch (SQLException e) {
                throw new StoreException("cannot connect for a checkpoint: " + e.getMessage(), e);
              }
            });
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  public static Database open(Path file) {
    try {
      createPrivately(file);
      Connection writer = connect(file, false);
      new SchemaMigrator(writer).migrate();
      Connection reader = connect(file, true);
      LOG.info("store {} at schema version {}", file, SchemaMigrator.LATEST_VERSION);
      return new Database(file, writer, reader);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new store is created owner-only (directory 0700, file 0600) whatever the umask: it names
   * every submitter (SPEC §7). SQLite gives the -wal and -shm files the store file's mode. An
   * existing store and directory keep their modes (a package may deliberately use 0750/0640).
   */
  private static void createPrivately(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (parent != null && !Files.isDirectory(parent)) {
      if (posix) {
        Files.createDirectories(
            parent,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(parent);
      }
    }
    if (posix && !Files.exists(file)) {
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        // created concurrently: keep it
      }
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
    if (!readOnly) {
      // checkpoints run on their own thread (WalCheckpointer), not inside a commit
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA wal_autocheckpoint = 0");
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    c.setAutoCommit(true);
    return c;
  }

  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in one write transaction: all of it is committed, or (on any exception) none
   * of it. SQL errors surface as {@link StoreException} carrying SQLite's own error.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    writeLock.lock();
    Connection c = null;
    try {
      c = writer();
      c.setAutoCommit(false);
      T result;
      try {
        if (owed != null) {
          owed.run(c);
        }
        result = work.run(c);
        c.commit();
        owed = null;
      } catch (SQLException | RuntimeException e) {
        abandon(c, e);
        if (e instanceof SQLException sql) {
          throw new StoreException("store write failed: " + sql.getMessage(), sql);
        }
        throw (RuntimeException) e;
      }
      endTransaction(c);
      checkpointer.committed();
      return result;
    } catch (SQLException e) {
      // connecting or beginning failed: nothing was written; the connection is replaced
      dropWriter(c);
      throw new StoreException("store write failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code work} holding the write lock, so that its transactions ({@link #inTransaction} is
   * reentrant) follow each other with no other writer's in between.
   */
  public void exclusively(Runnable work) {
    writeLock.lock();
    try {
      work.run();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Makes {@code work} the first part of the next write transaction, whoever runs it, until one
   * commits: work that must precede every later write (ADR 0012: a large submission's entry rows,
   * when writing them failed) gets done before any, or the later writes fail too.
   */
  public void owe(SqlWork<?> work) {
    writeLock.lock();
    try {
      owed = work;
    } finally {
      writeLock.unlock();
    }
  }

  /** Ends the empty transaction the driver begins after a commit; the commit itself stands. */
  private void endTransaction(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("store: after a commit: {}; write connection will be reopened", e.getMessage());
      dropWriter(c);
    }
  }

  /**
   * The write connection, reconnected if a failure dropped it. Reconnecting during a fault fails
   * here (a temporary store failure) and is tried again on the next write.
   */
  private Connection writer() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    if (writer == null) {
      writer = connect(file, false);
      LOG.info("store {}: write connection reopened", file);
    }
    return writer;
  }

  /**
   * Undoes a failed transaction without ever committing any of it. After an SQL error the write
   * connection is replaced: SQLite may already have rolled the transaction back itself (disk full,
   * I/O error), so the driver's idea of the transaction is no longer reliable, and a connection
   * reopened while a file was unwritable may have fallen back to read-only. Closing a connection
   * discards whatever transaction it still holds.
   */
  private void abandon(Connection c, Exception cause) {
    if (cause instanceof SQLException) {
      LOG.warn("store write failed, write connection will be reopened: {}", cause.getMessage());
      dropWriter(c);
      return;
    }
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      dropWriter(c);
    }
  }

  /** Closes {@code c} (discarding any transaction it holds); the next write reconnects. */
  private void dropWriter(Connection c) {
    writer = null;
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("closing a failed write connection: {}", e.getMessage());
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

  @Override
  public void close() {
    checkpointer.close(); // the last connection to close checkpoints what is left
    writeLock.lock();
    readLock.lock();
    try {
      closed = true;
      reader.close();
      if (writer != null) {
        writer.close();
        writer = null;
      }
    } catch (SQLException e) {
      LOG.warn("closing store: {}", e.getMessage());
    } finally {
      readLock.unlock();
      writeLock.unlock();
    }
  }
}
