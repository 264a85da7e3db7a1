package org.rpzx.smtp.mime;

import java.io.IOException;
import java.io.InputStream;

/** What a {@link MimeWalker} tells about the message while it streams through it. */
public interface MimeVisitor {

  /**
   * A part that is not a multipart. {@code body} is the raw, still transfer-encoded body; read as
   * much as needed, the walker drains the rest.
   */
  void leaf(MimePart part, InputStream body) throws IOException;

  /**
   * The raw bytes (header section and body, exactly as between the delimiters) of child {@code
   * index} (0-based) of {@code multipart}, before the walker reads them. A visitor may return a
   * wrapping stream, e.g. one that digests the first child of a {@code multipart/signed} for S/MIME
   * verification. The default leaves the stream as it is.
   *
   * @throws MimeFormatException to refuse the message because of this child
   */
  default InputStream child(MimePart multipart, int index, InputStream raw) throws IOException {
    return raw;
  }
}
