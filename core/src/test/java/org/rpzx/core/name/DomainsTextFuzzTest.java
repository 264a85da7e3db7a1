package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes the path a {@code domains.txt} takes in core: {@link TextLines} splits it, {@link
 * EntryValidator} (with {@link NameNormalizer} inside) judges every line. The bytes are read twice,
 * as UTF-8 (what the extractor produces for most files) and as UTF-16LE (any UTF-16 code unit, lone
 * surrogates included). Invariants:
 *
 * <ul>
 *   <li>the lines are exactly those of an independent split (LF, CRLF, lone CR; a leading BOM
 *       dropped; no empty line after a final break), numbered 1..n;
 *   <li>every line gets exactly one outcome, and no input throws;
 *   <li>an accepted name is lower-case LDH A-label form: labels of 1..63 octets without a leading
 *       or trailing hyphen, at least two labels, at most 253 octets, a last label that is not
 *       all-numeric, {@code *.NAME.community.rpz.} within 255 octets, every {@code xn--} label
 *       valid Punycode of a non-ASCII label; and it is a fixed point (validating it again accepts
 *       it unchanged);
 *   <li>a rejection carries a reason and a non-blank detail.
 * </ul>
 *
 * <p>Every build replays the seeds in {@code DomainsTextFuzzTestInputs/lines/}. To fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl core test -Dtest=DomainsTextFuzzTest
 * </pre>
 */
class DomainsTextFuzzTest {

  private static final Pattern LDH_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  /** The validation table's lists: Top-N, allowlist and suppressions all take part. */
  private static final EntryValidator VALIDATOR = TestFixtures.VALIDATOR;

  @FuzzTest(maxDuration = "45s")
  void lines(byte[] bytes) {
    check(new String(bytes, StandardCharsets.UTF_8));
    check(new String(bytes, StandardCharsets.UTF_16LE));
  }

  private static void check(String text) {
    List<String> expected = independentSplit(text);
    int number = 0;
    int outcomes = 0;
    for (NumberedLine line : TextLines.of(text)) {
      assertThat(line.number()).isEqualTo(++number);
      assertThat(line.text()).isEqualTo(expected.get(number - 1));
      LineOutcome outcome = VALIDATOR.validate(line.text());
      assertThat(outcome).isNotNull();
      outcomes++;
      if (outcome instanceof LineOutcome.Accepted a) {
        checkAccepted(a.name());
      } else if (outcome instanceof LineOutcome.Rejected r) {
        assertThat(r.reason()).isNotNull();
        assertThat(r.detail()).isNotBlank();
      } else {
        assertThat(outcome).isInstanceOf(LineOutcome.Skipped.class);
      }
    }
    assertThat(number).as("lines").isEqualTo(expected.size());
    assertThat(outcomes).as("one outcome per line").isEqualTo(expected.size());
  }

  /** Lines as SPEC §3 describes them, written without {@link TextLines}' scanner. */
  static List<String> independentSplit(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>(List.of(LINE_BREAK.split(t, -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the text ends with a break (or is empty)
    }
    return lines;
  }

  private static void checkAccepted(String name) {
    assertThat(name.length()).as("length of %s", name).isLessThanOrEqualTo(253);
    assertThat(LDH_NAME.matcher(name).matches()).as("LDH A-label form: %s", name).isTrue();
    String last = name.substring(name.lastIndexOf('.') + 1);
    assertThat(last.chars().allMatch(Character::isDigit)).as("numeric TLD: %s", name).isFalse();
    int owner = OwnerNames.wildcardOwnerWireLength(name, ValidationPolicy.DEFAULT_ORIGIN);
    assertThat(owner).as("*.%s.%s", name, ValidationPolicy.DEFAULT_ORIGIN).isLessThan(256);
    for (String label : name.split("\\.")) {
      if (label.startsWith("xn--")) {
        checkPunycode(name, label);
      }
    }
    assertThat(VALIDATOR.validate(name))
        .as("fixed point")
        .isEqualTo(new LineOutcome.Accepted(name));
  }

  private static void checkPunycode(String name, String label) {
    String unicode = punycodeDecode(label.substring(4));
    assertThat(unicode).as("%s in %s is valid Punycode", label, name).isNotNull();
    assertThat(unicode.chars().anyMatch(c -> c >= 0x80))
        .as("%s in %s decodes to a non-ASCII label", label, name)
        .isTrue();
  }

  /** RFC 3492 §6.2 decoding, written here so that the check does not reuse ICU; null if invalid. */
  static String punycodeDecode(String input) {
    int base = 36;
    int n = 128;
    int i = 0;
    int bias = 72;
    int delimiter = input.lastIndexOf('-');
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < Math.max(0, delimiter); j++) {
      out.appendCodePoint(input.charAt(j));
    }
    for (int in = delimiter > 0 ? delimiter + 1 : 0; in < input.length(); ) {
      int oldi = i;
      int w = 1;
      for (int k = base; ; k += base) {
        if (in >= input.length()) {
          return null;
        }
        char c = input.charAt(in++);
        int digit = c >= '0' && c <= '9' ? c - 22 : c >= 'a' && c <= 'z' ? c - 'a' : c - 'A';
        if (digit < 0 || digit >= base || digit > (Integer.MAX_VALUE - i) / w) {
          return null;
        }
        i += digit * w;
        int t = k <= bias ? 1 : Math.min(k - bias, 26);
        if (digit < t) {
          break;
        }
        if (w > Integer.MAX_VALUE / (base - t)) {
          return null;
        }
        w *= base - t;
      }
      int length = out.codePointCount(0, out.length()) + 1;
      int delta = oldi == 0 ? (i - oldi) / 700 : (i - oldi) / 2;
      delta += delta / length;
      int k = 0;
      while (delta > ((base - 1) * 26) / 2) {
        delta /= base - 1;
        k += base;
      }
      bias = k + (base * delta) / (delta + 38);
      if (i / length > Integer.MAX_VALUE - n) {
        return null;
      }
      n += i / length;
      i %= length;
      if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF)) {
        return null;
      }
      out.insert(out.offsetByCodePoints(0, i), Character.toChars(n));
      i++;
    }
    return out.toString();
  }
}
