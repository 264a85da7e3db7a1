package org.rpzx.core.zone;

/** Bytes given to {@link TrieImage#decode} are not an image {@link TrieImage#encode} wrote. */
public final class CorruptTrieImageException extends IllegalArgumentException {

  public CorruptTrieImageException(String message) {
    super(message);
  }

  public CorruptTrieImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
