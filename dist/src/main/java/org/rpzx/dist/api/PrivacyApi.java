package org.rpzx.dist.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rpzx.core.privacy.AuditLog;
import org.rpzx.core.privacy.AuditRecord;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.RawMessageStore;
import org.rpzx.core.submission.RawMessage;
import org.rpzx.dist.config.Durations;

/**
 * The operator's privacy routes (SPEC §7): a kept raw message ({@code message/rfc822}) and the
 * audit log. Both need an operator-owned token with the {@code admin} scope.
 */
public final class PrivacyApi {

  static final String RAW_MESSAGE = "/api/v1/submissions/{id}/raw";
  static final int DEFAULT_AUDIT_LIMIT = 1000;
  static final int MAX_AUDIT_LIMIT = 100_000;

  /** One audit record; {@code token} is the token's id, never its secret. */
  public record AuditView(
      long id,
      Instant at,
      String token,
      String owner,
      String institution,
      String method,
      String route,
      Map<String, String> target,
      int status,
      String client) {
    static AuditView of(AuditRecord r) {
      return new AuditView(
          r.id(),
          r.at(),
          r.tokenId(),
          r.owner(),
          r.institution(),
          r.method(),
          r.route(),
          r.target(),
          r.status(),
          r.client());
    }
  }

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;

  public PrivacyApi(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", RAW_MESSAGE, "admin", this::raw),
        new Route("GET", "/api/v1/audit", "admin", this::audit));
  }

  private ApiResponse raw(ApiRequest r) {
    ControlApi.requireOperator(r);
    long id;
    try {
      id = Long.parseLong(r.param(0));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "submission id must be a number");
    }
    Optional<RawMessage> raw = db.read(c -> RawMessageStore.find(c, id));
    if (raw.isEmpty()) {
      throw new ApiError(
          404,
          "no raw message for submission "
              + id
              + " (not kept: privacy.keep-raw-messages is off, past its retention, or not mail)");
    }
    return new ApiResponse(
        200,
        raw.get().bytes(),
        Map.of(
            "Content-Type",
            "message/rfc822",
            "Content-Disposition",
            "attachment; filename=\"submission-" + id + ".eml\""));
  }

  /** {@code ?since=24h} (a duration back from now) or an ISO-8601 instant; {@code limit}. */
  private ApiResponse audit(ApiRequest r) {
    ControlApi.requireOperator(r);
    Instant since = since(r.queryParam("since"));
    int limit = r.intQuery("limit", DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT);
    return ApiResponse.ok(audit.since(since, limit).stream().map(AuditView::of).toList());
  }

  private Instant since(String value) {
    if (value == null || value.isBlank()) {
      return clock.instant().minus(Duration.ofHours(24));
    }
    try {
      Duration back = Durations.parse(value);
      try {
        return clock.instant().minus(back);
      } catch (java.time.DateTimeException | ArithmeticException beforeTime) {
        return Instant.EPOCH;
      }
    } catch (IllegalArgumentException notADuration) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new ApiError(
            400, "since must be a duration like 24h or 7d, or a time like 2026-01-31T00:00:00Z");
      }
    }
  }
}
