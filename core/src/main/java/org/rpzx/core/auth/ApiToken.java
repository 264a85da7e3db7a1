package org.rpzx.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A stored token (never its secret). {@code owner} is {@code operator} or {@code institution:<id>}.
 * Limits as at deSEC: {@code maxAge} since creation and {@code maxUnusedPeriod} since the last use
 * (null: none); {@code allowedSubnets} canonical CIDRs (empty: any source).
 */
public record ApiToken(
    String id,
    String owner,
    Set<String> scopes,
    String name,
    Instant createdAt,
    Instant lastUsed,
    Duration maxAge,
    Duration maxUnusedPeriod,
    List<String> allowedSubnets) {

  public static final String OPERATOR = "operator";
  public static final String INSTITUTION_PREFIX = "institution:";

  public ApiToken {
    scopes = Set.copyOf(scopes);
    allowedSubnets = allowedSubnets == null ? List.of() : List.copyOf(allowedSubnets);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope) || scopes.contains("admin");
  }

  public boolean isOperator() {
    return OPERATOR.equals(owner);
  }

  /** Whether the token has expired at {@code now} by its age or by disuse. */
  public boolean isExpiredAt(Instant now) {
    if (maxAge != null && !now.isBefore(createdAt.plus(maxAge))) {
      return true;
    }
    Instant since = lastUsed == null ? createdAt : lastUsed;
    return maxUnusedPeriod != null && !now.isBefore(since.plus(maxUnusedPeriod));
  }
}
