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
  public static final String ADMIN = "admin";

  public ApiToken {
    scopes = Set.copyOf(scopes);
    allowedSubnets = allowedSubnets == null ? List.of() : List.copyOf(allowedSubnets);
  }

  /**
   * Whether the token may act with {@code scope}. {@code admin} (which implies every scope) counts
   * only on an operator-owned token: an institution's token never administers rpzx or sees other
   * institutions' data, even if one was issued with {@code admin} (the API no longer issues those).
   */
  public boolean hasScope(String scope) {
    boolean admin = isOperator() && scopes.contains(ADMIN);
    return admin || (!ADMIN.equals(scope) && scopes.contains(scope));
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
