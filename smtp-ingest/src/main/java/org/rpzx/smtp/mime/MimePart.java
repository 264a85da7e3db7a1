package org.rpzx.smtp.mime;

/**
 * One entity of the message as the walk meets it: its header section, its parsed type, how deep it
 * sits and its IMAP-style part number ({@code ""} for the message itself, then {@code 1}, {@code
 * 2.1}, ...), which error messages use to say which part they mean.
 */
public record MimePart(HeaderBlock headers, MediaType type, int depth, String path) {

  /** The path as written for the sender, e.g. {@code part 2.1} or {@code the message body}. */
  public String describe() {
    return path.isEmpty() ? "the message body" : "part " + path;
  }
}
