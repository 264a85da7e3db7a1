package org.rpzx.smtp.mime;

/**
 * Bounds of the MIME walk: multipart nesting levels, bytes of one header section, and decoded bytes
 * of all {@code domains.txt} parts together (at most the message size limit, so the text kept in
 * memory never exceeds what was allowed on the wire).
 */
public record MimeLimits(int maxDepth, int maxHeaderBytes, int maxDecodedBytes) {

  public static final int DEFAULT_MAX_DEPTH = 8;
  public static final int DEFAULT_MAX_HEADER_BYTES = 256 * 1024;

  public MimeLimits {
    if (maxDepth < 1 || maxHeaderBytes < 1 || maxDecodedBytes < 1) {
      throw new IllegalArgumentException("MIME limits must be positive");
    }
  }

  /** The defaults with {@code maxDecodedBytes} equal to the message size limit. */
  public static MimeLimits forMessageLimit(int maxMessageBytes) {
    return new MimeLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_HEADER_BYTES, maxMessageBytes);
  }
}
