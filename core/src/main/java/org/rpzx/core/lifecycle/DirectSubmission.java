package org.rpzx.core.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
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
   */
  record Stored<R>(R result, List<String> added, Underived underived, List<String> accepted) {

    /** Stored, with nothing to publish or derive (a duplicate, a held submission). */
    public static <R> Stored<R> only(R result) {
      return new Stored<>(result, List.of(), null, null);
    }
  }
}
