package org.rpzx.core.name;

import java.util.Objects;
import java.util.Optional;

/**
 * Validates one line of {@code domains.txt} against all entry rules of SPEC §3 and returns a {@link
 * LineOutcome}; policy is a value, never an exception. Immutable and thread-safe (the {@link
 * SuppressionCheck} it is given must be too); the {@code with…} methods return a new validator,
 * e.g. after the Top-N list was reloaded.
 *
 * <p>Check order, first failure wins. Syntax before policy, cheap before expensive, the possibly
 * store-backed suppression lookup last:
 *
 * <ol>
 *   <li>Normalisation and syntax, see {@link NameNormalizer}: trim; blank or {@code #} line →
 *       skipped; inner white space or control character → {@code syntax}; IP forms → {@code
 *       ip-address}; URL forms → {@code url}; misplaced {@code *} → {@code wildcard}; trailing dot
 *       and {@code *.} removed; U-labels to A-labels (UTS #46 non-transitional) → {@code idna} or
 *       {@code syntax}; LDH, label and name length, numeric TLD → {@code syntax}; invalid {@code
 *       xn--} labels → {@code idna}.
 *   <li>{@code too-long}: {@code *.NAME.<origin>} would exceed 255 octets in wire form.
 *   <li>{@code public-suffix}: the name is a TLD (any single label) or a public suffix of the PSL,
 *       ICANN or private section. Names under a TLD the PSL does not know are accepted (the PSL
 *       default rule makes the TLD their public suffix).
 *   <li>{@code top-sites}: the Top-N list matches (see {@link NameList}).
 *   <li>{@code allowlist}: the operator's never-block list matches.
 *   <li>{@code suppressed}: {@link SuppressionCheck} says so.
 * </ol>
 */
public final class EntryValidator {

  private final ValidationPolicy policy;
  private final NameNormalizer normalizer;
  private final NameList topSites;
  private final NameList allowlist;
  private final SuppressionCheck suppression;

  public EntryValidator(
      ValidationPolicy policy,
      NameList topSites,
      NameList allowlist,
      SuppressionCheck suppression) {
    this.policy = Objects.requireNonNull(policy);
    this.normalizer = new NameNormalizer(policy.allowUnderscore());
    this.topSites = Objects.requireNonNull(topSites);
    this.allowlist = Objects.requireNonNull(allowlist);
    this.suppression = Objects.requireNonNull(suppression);
  }

  /** A validator with empty lists and no suppressions: syntax, length and PSL rules only. */
  public static EntryValidator of(ValidationPolicy policy) {
    return new EntryValidator(policy, NameList.empty(), NameList.empty(), SuppressionCheck.NONE);
  }

  /**
   * Validates one line (surrounding white space and a CR remnant are fine). Never throws for any
   * string; only a failing {@link SuppressionCheck} can throw.
   */
  public LineOutcome validate(String rawLine) {
    LineOutcome outcome = normalizer.normalize(rawLine);
    if (!(outcome instanceof LineOutcome.Accepted accepted)) {
      return outcome;
    }
    String name = accepted.name();
    int wire = OwnerNames.wildcardOwnerWireLength(name, policy.zoneOrigin());
    if (wire > OwnerNames.MAX_WIRE_LENGTH) {
      return LineOutcome.rejected(
          RejectReason.TOO_LONG,
          "*." + "NAME." + policy.zoneOrigin() + " would be " + wire + " octets (max 255)");
    }
    int registrable = PublicSuffixes.registrableStart(name);
    if (registrable < 0) {
      return LineOutcome.rejected(
          RejectReason.PUBLIC_SUFFIX, name + " is a top-level domain or public suffix");
    }
    Optional<String> top = topSites.match(name, registrable);
    if (top.isPresent()) {
      return LineOutcome.rejected(RejectReason.TOP_SITES, because("on the Top-N list", name, top));
    }
    Optional<String> allowed = allowlist.match(name, registrable);
    if (allowed.isPresent()) {
      return LineOutcome.rejected(
          RejectReason.ALLOWLIST, because("on the allowlist", name, allowed));
    }
    if (suppression.isSuppressed(name)) {
      return LineOutcome.rejected(RejectReason.SUPPRESSED, "delisted as a false positive");
    }
    return outcome;
  }

  private static String because(String what, String name, Optional<String> listed) {
    String hit = listed.get();
    if (hit.equals(name)) {
      return what;
    }
    return what + " as " + hit;
  }

  public ValidationPolicy policy() {
    return policy;
  }

  public NameList topSites() {
    return topSites;
  }

  public NameList allowlist() {
    return allowlist;
  }

  public EntryValidator withTopSites(NameList topSites) {
    return new EntryValidator(policy, topSites, allowlist, suppression);
  }

  public EntryValidator withAllowlist(NameList allowlist) {
    return new EntryValidator(policy, topSites, allowlist, suppression);
  }

  public EntryValidator withSuppression(SuppressionCheck suppression) {
    return new EntryValidator(policy, topSites, allowlist, suppression);
  }
}
