package org.rpzx.core.privacy;

import java.util.Map;
import java.util.Objects;

/**
 * One audited API request as the API reports it: who (token id and owner, never the secret), what
 * (method, route template, the path parameters naming the target, the answer's status) and from
 * where.
 *
 * @param tokenId the token's id, or {@link #UNKNOWN} when no token was recognised
 * @param owner {@code operator}, {@code institution:<id>}, or {@link #UNKNOWN}
 * @param route the route template ({@code /api/v1/tokens/{id}}), or the path when none matched
 * @param target the route's path parameters by name, decoded; empty for none
 * @param client the client's IP address
 */
public record AuditEvent(
    String tokenId,
    String owner,
    String method,
    String route,
    Map<String, String> target,
    int status,
    String client) {

  public static final String UNKNOWN = "-";

  public AuditEvent {
    Objects.requireNonNull(tokenId);
    Objects.requireNonNull(owner);
    Objects.requireNonNull(method);
    Objects.requireNonNull(route);
    Objects.requireNonNull(client);
    target = Map.copyOf(target);
  }
}
