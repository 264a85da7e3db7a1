package org.rpzx.core.auth;

import java.time.Duration;
import java.util.List;

/**
 * The limits a new token gets: {@code maxAge}, {@code maxUnusedPeriod} (null: none) and the subnets
 * it may be used from (empty: any).
 */
public record TokenLimits(Duration maxAge, Duration maxUnusedPeriod, List<String> allowedSubnets) {

  public static final TokenLimits NONE = new TokenLimits(null, null, List.of());

  public TokenLimits {
    allowedSubnets = allowedSubnets == null ? List.of() : List.copyOf(allowedSubnets);
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      throw new IllegalArgumentException("max_age must be positive");
    }
    if (maxUnusedPeriod != null && (maxUnusedPeriod.isNegative() || maxUnusedPeriod.isZero())) {
      throw new IllegalArgumentException("max_unused_period must be positive");
    }
  }
}
