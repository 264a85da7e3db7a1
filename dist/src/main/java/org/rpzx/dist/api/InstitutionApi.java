package org.rpzx.dist.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Sender;
import org.rpzx.core.governance.Participation;
import org.rpzx.core.governance.ParticipationPolicy;
import org.rpzx.core.governance.Suspensions;

/**
 * {@code /api/v1/institutions}: add, list, show, suspend (optionally purging its entries) and
 * resume institutions (operator only). A suspension is shown only while it is in force; every
 * institution is shown with its last zone contact and whether it participates (SPEC §8).
 */
public final class InstitutionApi {

  /** {@code POST /api/v1/institutions}. */
  public record NewInstitution(String name) {}

  /**
   * {@code POST /api/v1/institutions/{name}/suspend}: {@code until} a time ({@code
   * 2026-12-31T00:00:00Z}) or a date ({@code 2026-12-31}, 00:00 UTC that day); none: until resumed.
   * {@code purge}: also remove the names only this institution supports, in one change set.
   */
  public record Suspension(String until, String reason, Boolean purge) {}

  /**
   * An institution as listed.
   *
   * @param lastZoneContact the latest SOA check or transfer by any of its consumers; null: never
   * @param participating whether one of them checked the zone within the participation window
   */
  public record InstitutionView(
      String name,
      String status,
      Instant suspendedUntil,
      String suspendReason,
      Instant created,
      Instant lastZoneContact,
      boolean participating) {
    static InstitutionView of(Institution i, Participation p) {
      boolean suspended = i.isSuspendedAt(Instant.now());
      return new InstitutionView(
          i.name(),
          suspended ? "suspended" : "active",
          suspended ? i.suspendedUntil() : null,
          suspended ? i.suspendReason() : null,
          i.createdAt(),
          p.lastZoneContact(),
          p.participating());
    }
  }

  /**
   * The answer to a suspension: the institution, and with {@code purge} how many names left the
   * zone and the serial without them (null without purge, or when nothing was removed).
   */
  public record SuspensionView(
      String name,
      String status,
      Instant suspendedUntil,
      String suspendReason,
      Instant created,
      Integer purgedNames,
      Long serial) {}

  /** {@code GET /api/v1/institutions/{name}}: the institution with its senders and consumers. */
  public record InstitutionDetail(
      String name,
      String status,
      Instant suspendedUntil,
      String suspendReason,
      Instant created,
      List<String> senders,
      List<String> consumers,
      Instant lastZoneContact,
      boolean participating,
      String participation) {}

  private final Directory directory;
  private final ConsumerRegistry consumers;
  private final ParticipationPolicy participation;
  private final Suspensions suspensions;

  public InstitutionApi(
      Directory directory,
      ConsumerRegistry consumers,
      ParticipationPolicy participation,
      Suspensions suspensions) {
    this.directory = directory;
    this.consumers = consumers;
    this.participation = participation;
    this.suspensions = suspensions;
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
    Map<String, Participation> byName = new HashMap<>();
    for (Participation p : participation.all()) {
      byName.put(p.institution(), p);
    }
    return ApiResponse.ok(
        directory.institutions().stream()
            .map(
                i -> {
                  Participation p = byName.get(i.name());
                  return InstitutionView.of(i, p != null ? p : participation.of(i));
                })
            .toList());
  }

  private InstitutionView view(Institution i) {
    return InstitutionView.of(i, participation.of(i));
  }

  private ApiResponse add(ApiRequest r) {
    NewInstitution body = r.json(NewInstitution.class);
    return ControlApi.answer(directory.addInstitution(body.name()), this::view);
  }

  private ApiResponse show(ApiRequest r) {
    String name = r.decodedParam(0);
    Institution i =
        directory
            .institution(name)
            .orElseThrow(() -> new ApiError(404, "no institution named " + name));
    Participation p = participation.of(i);
    InstitutionView v = InstitutionView.of(i, p);
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
            ownConsumers,
            p.lastZoneContact(),
            p.participating(),
            p.notice().orElse(null)));
  }

  private ApiResponse suspend(ApiRequest r) {
    Suspension body = r.json(Suspension.class);
    return ControlApi.answer(
        suspensions.suspend(
            r.decodedParam(0),
            until(body.until()),
            body.reason(),
            Boolean.TRUE.equals(body.purge())),
        s -> {
          InstitutionView v = view(s.institution());
          return new SuspensionView(
              v.name(),
              v.status(),
              v.suspendedUntil(),
              v.suspendReason(),
              v.created(),
              s.purgedNames(),
              s.serial());
        },
        200);
  }

  private ApiResponse resume(ApiRequest r) {
    return ControlApi.answer(directory.resume(r.decodedParam(0)), this::view, 200);
  }

  /** A time with offset, or a date (its start in UTC); null stays null. */
  static Instant until(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    Instant until;
    try {
      until = OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        until = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new ApiError(
            400, "until must be a date (2026-12-31) or a time (2026-12-31T00:00:00Z), not " + t);
      }
    }
    return storable(until, "until");
  }

  /** The latest time the store keeps (epoch milliseconds); later years are a typo anyway. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** {@code t} if the store can keep it; 400 otherwise (found by {@code ApiBodyFuzzTest}). */
  static Instant storable(Instant t, String field) {
    if (t != null && (t.isAfter(LATEST) || t.isBefore(Instant.EPOCH))) {
      throw new ApiError(400, field + " must be between 1970 and 9999");
    }
    return t;
  }
}
