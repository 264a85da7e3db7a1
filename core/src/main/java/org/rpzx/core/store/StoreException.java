package org.rpzx.core.store;

/**
 * The store could not do what was asked (I/O error, disk full, read-only file, corruption). Edges
 * turn it into a temporary failure (SMTP 451, HTTP 503): nothing of the failed call was kept.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
