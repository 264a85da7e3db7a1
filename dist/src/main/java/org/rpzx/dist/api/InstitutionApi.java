package org.rpzx.dist.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Sender;

/**
 * {@code /api/v1/institutions}: add, list, show, suspend and resume institutions (operator only). A
 * suspension is shown only while it is in force.
 */
public final class InstitutionApi {

  /** {@code POST /api/v1/institutions}. */
  public record NewInstitution(String name) {}

  /**
   * {@code POST /api/v1/institutions/{name}/suspend}: {@code until} a time ({@code
   * 2026-12-31T00:00:00Z}) or a date ({@code 2026-12-31}, 00:00 UTC that day); none: until resumed.
   */
  public record Suspension(String until, String reason) {}

  public record InstitutionView(
      String name, String status, Instant suspendedUntil, String suspendReason, Instant created) {
    static InstitutionView of(Institution i) {
      boolean suspended = i.isSuspendedAt(Instant.now());
      return new InstitutionView(
          i.name(),
          suspended ? "suspended" : "active",
          suspended ? i.suspendedUntil() : null,
          suspended ? i.suspendReason() : null,
          i.createdAt());
    }
  }

  /** {@code GET /api/v1/institutions/{name}}: the institution with its senders and consumers. */
  public record InstitutionDetail(
      String name,
      String status,
      Instant suspendedUntil,
      String suspendReason,
      Instant created,
      List<String> senders,
      List<String> consumers) {}

  private final Directory directory;
  private final ConsumerRegistry consumers;

  public InstitutionApi(Directory directory, ConsumerRegistry consumers) {
    this.directory = directory;
    this.consumers = consumers;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/institutions", "admin", r -> list()),
        new Route("POST", "/api/v1/institutions", "admin", this::add),
        new Route("GET", "/api/v1/institutions/{name}", "admin", this::show),
        new Route("POST", "/api/v1/institutions/{name}/suspend", "admin", this::suspend),
        new Route("POST", "/api/v1/institutions/{name}/resume", "admin", this::resume));
  }

  private ApiResponse list() {
    return ApiResponse.ok(directory.institutions().stream().map(InstitutionView::of).toList());
  }

  private ApiResponse add(ApiRequest r) {
    NewInstitution body = r.json(NewInstitution.class);
    return ControlApi.answer(directory.addInstitution(body.name()), InstitutionView::of);
  }

  private ApiResponse show(ApiRequest r) {
    String name = r.decodedParam(0);
    Institution i =
        directory
            .institution(name)
            .orElseThrow(() -> new ApiError(404, "no institution named " + name));
    InstitutionView v = InstitutionView.of(i);
    List<String> ownConsumers =
        consumers.list().stream()
            .filter(c -> c.consumer().institution().equals(i.name()))
            .map(c -> c.consumer().name())
            .toList();
    return ApiResponse.ok(
        new InstitutionDetail(
            v.name(),
            v.status(),
            v.suspendedUntil(),
            v.suspendReason(),
            v.created(),
            directory.sendersOf(i).stream().map(Sender::email).toList(),
            ownConsumers));
  }

  private ApiResponse suspend(ApiRequest r) {
    Suspension body = r.json(Suspension.class);
    return ControlApi.answer(
        directory.suspend(r.decodedParam(0), until(body.until()), body.reason()),
        InstitutionView::of,
        200);
  }

  private ApiResponse resume(ApiRequest r) {
    return ControlApi.answer(directory.resume(r.decodedParam(0)), InstitutionView::of, 200);
  }

  /** A time with offset, or a date (its start in UTC); null stays null. */
  static Instant until(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // not a time: try a date
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, "until must be a date (2026-12-31) or a time (2026-12-31T00:00:00Z), not " + t);
    }
  }
}
