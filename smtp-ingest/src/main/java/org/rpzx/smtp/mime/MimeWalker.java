package org.rpzx.smtp.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams through a message once, in bounded memory: header sections are capped at {@code
 * maxHeaderBytes}, multiparts nest at most {@code maxDepth} levels, and bodies pass through a small
 * look-ahead buffer. Parts are handed to a {@link MimeVisitor} in message order. Why not Bouncy
 * Castle's {@code BasicMimeParser}: it recognises multiparts and transfer encodings only in lower
 * case, fails the whole parse on a stray {@code ;} in {@code Content-Type}, buffers header and
 * preamble lines without bound and has no nesting bound; RFC 2045 makes all of those
 * case-insensitive and a public listener must not be open to unbounded buffering.
 */
public final class MimeWalker {

  private static final int LOOKAHEAD_BYTES = 1024;

  private final int maxDepth;
  private final int maxHeaderBytes;

  public MimeWalker(int maxDepth, int maxHeaderBytes) {
    if (maxDepth < 1 || maxHeaderBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxDepth = maxDepth;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /**
   * Walks the whole message and reads {@code message} to its end.
   *
   * @return the message itself (its header section and type)
   * @throws MimeFormatException when the structure breaks a bound or cannot be read
   * @throws IOException when {@code message} itself fails
   */
  public MimePart walk(InputStream message, MimeVisitor visitor) throws IOException {
    MimePart top = walkEntity(message, 0, "", visitor);
    message.transferTo(OutputStream.nullOutputStream());
    return top;
  }

  /**
   * Walks an entity found inside another one (the content of an opaque S/MIME signature) as if it
   * sat at {@code depth} with part number {@code path}, and reads {@code entity} to its end.
   */
  public MimePart walkInner(InputStream entity, int depth, String path, MimeVisitor visitor)
      throws IOException {
    MimePart part = walkEntity(entity, depth, path, visitor);
    entity.transferTo(OutputStream.nullOutputStream());
    return part;
  }

  private MimePart walkEntity(InputStream raw, int depth, String path, MimeVisitor visitor)
      throws IOException {
    HeaderBlock headers = HeaderBlock.read(raw, maxHeaderBytes);
    MimePart part =
        new MimePart(headers, MediaType.parse(headers.first("Content-Type")), depth, path);
    if (part.type().isMultipart()) {
      walkMultipart(raw, part, visitor);
    } else {
      visitor.leaf(part, raw);
    }
    raw.transferTo(OutputStream.nullOutputStream());
    return part;
  }

  private void walkMultipart(InputStream body, MimePart multipart, MimeVisitor visitor)
      throws IOException {
    if (multipart.depth() >= maxDepth) {
      throw new MimeFormatException(
          "MIME structure nested deeper than " + maxDepth + " multipart levels");
    }
    String boundary = multipart.type().parameter("boundary");
    if (boundary == null) {
      throw new MimeFormatException(
          multipart.describe() + " is " + multipart.type() + " without a boundary");
    }
    Lookahead in = new Lookahead(body, LOOKAHEAD_BYTES);
    BodyPartStream section = new BodyPartStream(in, boundary); // the preamble
    section.transferTo(OutputStream.nullOutputStream());
    int index = 0;
    while (section.end() == BodyPartStream.End.NEXT) {
      section = new BodyPartStream(in, boundary);
      String path =
          multipart.path().isEmpty()
              ? Integer.toString(index + 1)
              : multipart.path() + "." + (index + 1);
      InputStream child = visitor.child(multipart, index, section);
      walkEntity(child, multipart.depth() + 1, path, visitor);
      section.transferTo(OutputStream.nullOutputStream());
      index++;
    }
    in.drain(); // the epilogue
  }
}
