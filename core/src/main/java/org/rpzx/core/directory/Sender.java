package org.rpzx.core.directory;

import java.time.Instant;

/** An authorized sender address (lower-case) of an institution. */
public record Sender(String email, long institutionId, String institution, Instant createdAt) {}
