package org.rpzx.core.directory;

/** The result of an operator's change: done (with the new state) or refused with a reason. */
public sealed interface Mutation<T> {

  record Done<T>(T value) implements Mutation<T> {}

  /** The thing already exists (HTTP 409). */
  record Conflict<T>(String message) implements Mutation<T> {}

  /** Something the change refers to does not exist (HTTP 404). */
  record NotFound<T>(String message) implements Mutation<T> {}

  /** The request itself is not acceptable (HTTP 400). */
  record Invalid<T>(String message) implements Mutation<T> {}
}
