package org.rpzx.core.name;

/** Why a line of {@code domains.txt} was not accepted (SPEC §3). The code is the public name. */
public enum RejectReason {
  SYNTAX("syntax"),
  URL("url"),
  IP_ADDRESS("ip-address"),
  WILDCARD("wildcard"),
  TOO_LONG("too-long"),
  PUBLIC_SUFFIX("public-suffix"),
  TOP_SITES("top-sites"),
  ALLOWLIST("allowlist"),
  SUPPRESSED("suppressed"),
  IDNA("idna");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The reason code as reports, the API and the store spell it. */
  public String code() {
    return code;
  }

  /** Parses a reason code; throws {@link IllegalArgumentException} for an unknown one. */
  public static RejectReason fromCode(String code) {
    for (RejectReason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reject reason: " + code);
  }
}
