package org.rpzx.core.name;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Set;

/**
 * IDNA2008 through ICU4J's UTS #46 implementation, non-transitional ({@code faß.de} becomes {@code
 * xn--fa-hia.de}, not {@code fass.de}), with the Bidi, CONTEXTJ and CONTEXTO checks. STD3 rules are
 * left off on purpose: the ASCII result is checked afterwards by the same letter-digit-hyphen rules
 * as any ASCII line, so the underscore policy applies to IDN names too. ICU's {@code HYPHEN_3_4}
 * error is ignored, as UTS #46 does with CheckHyphens=false (browsers, and ASCII lines like {@code
 * ab--cd.example}, which exist in the DNS).
 *
 * <p>ICU's UTS #46 instances are immutable and thread-safe; {@link IDNA.Info} is per call.
 */
final class IdnaCodec {

  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(
          IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.NONTRANSITIONAL_TO_UNICODE
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ
              | IDNA.CHECK_CONTEXTO);

  /** Errors that are length or label-structure problems, reported as {@code syntax}. */
  private static final Set<IDNA.Error> SYNTAX_ERRORS =
      EnumSet.of(
          IDNA.Error.EMPTY_LABEL,
          IDNA.Error.LABEL_TOO_LONG,
          IDNA.Error.DOMAIN_NAME_TOO_LONG,
          IDNA.Error.LEADING_HYPHEN,
          IDNA.Error.TRAILING_HYPHEN);

  private IdnaCodec() {}

  /** The result of a conversion: the ASCII form, or the reason it failed. */
  record Conversion(String ascii, RejectReason failure, String detail) {
    boolean ok() {
      return failure == null;
    }
  }

  /** Converts a name with U-labels (no trailing dot) to its A-label form. */
  static Conversion toAscii(String name) {
    StringBuilder out = new StringBuilder(name.length() + 16);
    IDNA.Info info = new IDNA.Info();
    try {
      UTS46.nameToASCII(name, out, info);
    } catch (RuntimeException e) {
      // ICU does not throw for bad input; if it ever does, the line is still just not convertible
      return new Conversion(null, RejectReason.IDNA, "cannot be converted to an A-label");
    }
    Set<IDNA.Error> errors = relevant(info);
    if (!errors.isEmpty()) {
      for (IDNA.Error e : errors) {
        if (SYNTAX_ERRORS.contains(e)) {
          return new Conversion(null, RejectReason.SYNTAX, syntaxDetail(e));
        }
      }
      return new Conversion(
          null, RejectReason.IDNA, "cannot be converted to an A-label (" + errors + ")");
    }
    return new Conversion(out.toString(), null, null);
  }

  /**
   * True if every {@code xn--} label of the lower-case ASCII {@code name} is a valid A-label in
   * canonical form: converting the name to Unicode and back gives it unchanged and without errors.
   */
  static boolean isCanonicalAsciiName(String name) {
    try {
      StringBuilder unicode = new StringBuilder(name.length());
      IDNA.Info toUnicode = new IDNA.Info();
      UTS46.nameToUnicode(name, unicode, toUnicode);
      if (!relevant(toUnicode).isEmpty()) {
        return false;
      }
      StringBuilder ascii = new StringBuilder(name.length());
      IDNA.Info toAscii = new IDNA.Info();
      UTS46.nameToASCII(unicode, ascii, toAscii);
      return relevant(toAscii).isEmpty() && name.contentEquals(ascii);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Set<IDNA.Error> relevant(IDNA.Info info) {
    if (!info.hasErrors()) {
      return Set.of();
    }
    Set<IDNA.Error> errors = EnumSet.copyOf(info.getErrors());
    errors.remove(IDNA.Error.HYPHEN_3_4);
    return errors;
  }

  private static String syntaxDetail(IDNA.Error e) {
    switch (e) {
      case EMPTY_LABEL:
        return "empty label";
      case LABEL_TOO_LONG:
        return "label longer than 63 octets";
      case DOMAIN_NAME_TOO_LONG:
        return "name longer than 253 characters";
      default:
        return "label starts or ends with a hyphen";
    }
  }
}
