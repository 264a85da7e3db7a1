package org.rpzx.core.zone;

/** Bytes given to {@link NameListCodec#decode} are not a valid encoded name list. */
public final class CorruptNameListException extends IllegalArgumentException {

  public CorruptNameListException(String message) {
    super(message);
  }

  public CorruptNameListException(String message, Throwable cause) {
    super(message, cause);
  }
}
