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
   * @param added the names to put in the zone, in canonical order (empty: nothing to publish)
   * @param underived the entry rows still to be written, or null if there are none
   * @param accepted its accepted names, with {@code underived} (sorted for the store only after the
   *     acknowledgement)
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
      List<String> accepted,
      CompletableFuture<byte[]> encodedAdded,
      Finish finish) {

    /** Stored, with nothing to publish or derive (a duplicate, a held submission). */
    public static <R> Stored<R> only(R result, Finish finish) {
      return new Stored<>(result, List.of(), null, null, null, finish);
    }
  }

  /** Store work that finishes a {@link #store}, in its transaction. */
  @FunctionalInterface
  interface Finish {

    /** Nothing left to do. */
    Finish NONE = c -> {};

    void run(Connection c) throws SQLException;
  }
}
