package org.rpzx.core.name;

/**
 * The settings entry validation depends on: the zone origin (for the {@code too-long} check, SPEC
 * §3) and whether underscores are allowed in labels (default: rejected as {@code syntax}).
 *
 * @param zoneOrigin the RPZ origin, normalised to absolute lower-case form, e.g. {@code
 *     community.rpz.}
 * @param allowUnderscore true to accept {@code _} as a label character (e.g. {@code
 *     _dmarc.example.org})
 */
public record ValidationPolicy(String zoneOrigin, boolean allowUnderscore) {

  public static final String DEFAULT_ORIGIN = "community.rpz.";

  public ValidationPolicy {
    zoneOrigin = OwnerNames.absolute(zoneOrigin);
    if (!OwnerNames.isValidOwnerName(zoneOrigin, true) || zoneOrigin.startsWith("*")) {
      throw new IllegalArgumentException("not a valid zone origin: " + zoneOrigin);
    }
    if (OwnerNames.wireLength(zoneOrigin) > OwnerNames.MAX_WIRE_LENGTH - 4) {
      throw new IllegalArgumentException("zone origin leaves no room for names: " + zoneOrigin);
    }
  }

  /** Origin {@code community.rpz.}, underscores rejected. */
  public static ValidationPolicy defaults() {
    return new ValidationPolicy(DEFAULT_ORIGIN, false);
  }

  /** Wire length of the origin, root octet included ({@code community.rpz.} is 15). */
  public int originWireLength() {
    return OwnerNames.wireLength(zoneOrigin);
  }

  /**
   * The longest name (characters, no trailing dot) whose {@code *.NAME.<origin>} still fits in 255
   * octets: 237 for {@code community.rpz.}.
   */
  public int maxNameLength() {
    return Math.min(253, OwnerNames.MAX_WIRE_LENGTH - 3 - originWireLength());
  }
}
