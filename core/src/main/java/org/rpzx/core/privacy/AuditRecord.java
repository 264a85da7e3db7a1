package org.rpzx.core.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * A stored audit record: the {@link AuditEvent} with its id and time; {@code institution} is the
 * name of the owning institution when the owner is one that still exists.
 */
public record AuditRecord(
    long id,
    Instant at,
    String tokenId,
    String owner,
    String institution,
    String method,
    String route,
    Map<String, String> target,
    int status,
    String client) {}
