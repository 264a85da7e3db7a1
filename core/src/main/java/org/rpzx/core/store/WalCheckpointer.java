package org.rpzx.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on its own thread and connection. SQLite's
 * automatic checkpoint runs inside the commit that takes the log past 1000 pages, so that commit
 * (and the SMTP {@code 250} waiting for it) paid for copying and syncing every page the transaction
 * wrote: 0.6 s of a million-name submission. The write connections turn it off ({@code
 * wal_autocheckpoint=0}) and this thread runs a {@code PASSIVE} checkpoint, which never blocks
 * readers or the writer, at most every {@link #PERIOD_MS} ms after a commit. Durability is
 * unchanged: a commit is in the fsync'd log before it returns.
 */
final class WalCheckpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  /** At most one checkpoint per this period: one per burst of small commits. */
  static final long PERIOD_MS = 1000;

  private final Path file;
  private final Supplier<Connection> connector;
  private final Thread thread;
  private final Object signal = new Object();
  private boolean pending; // guarded by signal
  private boolean closed; // guarded by signal
  private Connection connection; // the thread's own; null until first use or after a failure
  private boolean failing;

  WalCheckpointer(Path file, Supplier<Connection> connector) {
    this.file = file;
    this.connector = connector;
    this.thread = new Thread(this::run, "rpzx-store-checkpoint");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY); // background work: queries come first
    thread.start();
  }

  /** A transaction committed: the log has pages to copy back. */
  void committed() {
    synchronized (signal) {
      pending = true;
      signal.notifyAll();
    }
  }

  private void run() {
    try {
      while (true) {
        synchronized (signal) {
          while (!pending && !closed) {
            signal.wait();
          }
          if (closed) {
            return;
          }
          pending = false;
        }
        checkpoint();
        // commits during the wait below are folded into the next checkpoint
        synchronized (signal) {
          if (!closed) {
            signal.wait(PERIOD_MS);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeConnection();
    }
  }

  private void checkpoint() {
    try {
      if (connection == null) {
        connection = connector.get();
      }
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
        rs.next(); // (busy, frames in the log, frames copied)
      }
      if (failing) {
        LOG.info("store {}: checkpoints work again", file);
        failing = false;
      }
    } catch (SQLException | StoreException e) {
      // the writer reports the fault that matters; the log keeps every commit meanwhile
      if (!failing) {
        LOG.warn("store {}: checkpoint failed, will retry: {}", file, e.getMessage());
        failing = true;
      }
      closeConnection();
      synchronized (signal) {
        pending = true; // try again after the period
      }
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the checkpoint connection: {}", e.getMessage());
      }
      connection = null;
    }
  }

  /** Stops the thread (a checkpoint under way finishes first); closing the store does the last. */
  @Override
  public void close() {
    synchronized (signal) {
      closed = true;
      signal.notifyAll();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
