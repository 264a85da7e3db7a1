package org.rpzx.smtp.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The header section of a message or body part (RFC 5322 §2.2): unfolded fields in order. Read with
 * a byte bound so a hostile header cannot grow without limit. Header bytes are UTF-8 (RFC 6532);
 * anything else falls back to ISO-8859-1 so that no byte is lost.
 */
public final class HeaderBlock {

  /** One field: the name as written and the unfolded value with surrounding white space trimmed. */
  public record Field(String name, String value) {}

  private final List<Field> fields;

  private HeaderBlock(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  /**
   * Reads up to and including the empty line that ends the header section (or to the end of the
   * stream). Lines that are neither a field nor a continuation are skipped.
   */
  static HeaderBlock read(InputStream in, int maxBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int total = 0;
    int c;
    while (true) {
      c = in.read();
      if (c < 0) {
        if (line.size() > 0) {
          lines.add(decode(line.toByteArray()));
        }
        break;
      }
      if (++total > maxBytes) {
        throw new MimeFormatException("header section larger than " + maxBytes + " bytes");
      }
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (len == 0) {
          break;
        }
        lines.add(decode(Arrays.copyOf(bytes, len)));
        line.reset();
      } else {
        line.write(c);
      }
    }
    return new HeaderBlock(unfold(lines));
  }

  private static List<Field> unfold(List<String> lines) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String l : lines) {
      boolean continuation = !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t');
      if (continuation) {
        if (name != null) {
          value.append(l); // unfolding removes only the line break (RFC 5322 §2.2.3)
        }
        continue;
      }
      if (name != null) {
        fields.add(new Field(name, value.toString().strip()));
      }
      int colon = l.indexOf(':');
      if (colon <= 0) {
        name = null;
        continue;
      }
      name = l.substring(0, colon).strip();
      value.setLength(0);
      value.append(l, colon + 1, l.length());
    }
    if (name != null) {
      fields.add(new Field(name, value.toString().strip()));
    }
    return fields;
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  public List<Field> fields() {
    return fields;
  }

  /** Every value of the field {@code name} (compared case-insensitively), in order. */
  public List<String> all(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      if (f.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        out.add(f.value());
      }
    }
    return out;
  }

  /** The first value of the field {@code name}, or null. */
  public String first(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? null : all.get(0);
  }
}
