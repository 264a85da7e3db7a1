package org.rpzx.core.auth;

import java.time.Instant;
import java.util.Set;

/** A stored token (never its secret). {@code owner} is {@code operator} or an institution. */
public record ApiToken(
    String id, String owner, Set<String> scopes, String name, Instant createdAt, Instant lastUsed) {

  public static final String OPERATOR = "operator";

  public boolean hasScope(String scope) {
    return scopes.contains(scope) || scopes.contains("admin");
  }

  public boolean isOperator() {
    return OPERATOR.equals(owner);
  }
}
