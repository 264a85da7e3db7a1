package org.rpzx.core.submission;

/** How the submitter of a submission was identified (SPEC §2). */
public enum AuthMethod {
  /** A valid S/MIME signature by an authorized sender's certificate. */
  SMIME("smime"),
  /** The header {@code From} of an unsigned message. */
  FROM_HEADER("from-header"),
  /** An institution's API token with the {@code submit} scope. */
  TOKEN("token");

  private final String code;

  AuthMethod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static AuthMethod fromCode(String code) {
    for (AuthMethod m : values()) {
      if (m.code.equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown auth method: " + code);
  }
}
