package org.rpzx.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on a connection, run by {@link Database} inside a transaction or a read. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
