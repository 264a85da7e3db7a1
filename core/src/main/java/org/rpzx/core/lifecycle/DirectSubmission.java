package org.rpzx.core.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rpzx.core.store.UnderivedSubmissions.Underived;

/**
 * A large submission that the {@link ZoneMaintainer} applies directly (ADR 0012): its store work
 * runs inside the transaction that also publishes its names, and its entry rows are written in a
 * second transaction after it has been acknowledged.
 *
 * @param <R> what the submitter gets back (its report)
 */
@FunctionalInterface
public interface DirectSubmission<R> {

  /**
   * Stores the submission inside the publishing transaction; with {@code result.underived()} set,
   * it has recorded that row itself ({@link org.rpzx.core.store.UnderivedSubmissions#add}).
   */
  Stored<R> store(Connection c) throws SQLException;

  /**
   * What {@link #store} did.
   *
   * @param result for the submitter
   * @param added its accepted names in canonical order, to put in the zone (empty: nothing to
   *     publish); with {@code underived}, also the names of the entry rows still to be written
   * @param underived the entry rows still to be written, or null if there are none
   * @param encodedAdded {@link org.rpzx.core.zone.NameListCodec#encode} of {@code added}, being
   *     made on another core, or null: the journal row uses it if the change adds exactly these
   *     names
   * @param finish the rest of the submission's store work, run later in the same transaction (while
   *     the change is reduced and its snapshot built)
   */
  record Stored<R>(
      R result,
      List<String> added,
      Underived underived,
      CompletableFuture<byte[]> encodedAdded,
      Finish finish) {

    /** Stored, with nothing to publish or derive (a duplicate, a held submission). */
    public static <R> Stored<R> only(R result, Finish finish) {
      return new Stored<>(result, List.of(), null, null, finish);
    }
  }

  /**
   * Store work run later in a transaction that is already open (the rest of a {@link #store}, or
   * the maintainer's own work while a large change's snapshot builds).
   */
  @FunctionalInterface
  interface Finish {

    /** Nothing left to do. */
    Finish NONE = c -> {};

    void run(Connection c) throws SQLException;
  }
}
