package org.rpzx.core.lists;

/**
 * The result of re-reading a list from its source: reloaded with its new status, or failed with a
 * reason and the status of the list that stays in force.
 */
public sealed interface Reload<S> {

  record Reloaded<S>(S status) implements Reload<S> {}

  record Failed<S>(String message, S kept) implements Reload<S> {}
}
