package org.rpzx.dist.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameNormalizer;
import org.rpzx.core.report.Delisted;
import org.rpzx.core.report.EntryOverrides;
import org.rpzx.core.report.OperatorEntry;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.EntryStore.EntryFilter;
import org.rpzx.core.store.EntryStore.EntryRow;
import org.rpzx.core.store.ReportStore;
import org.rpzx.dist.config.Durations;

/**
 * {@code /api/v1/entries}: the operator's view of entries, with who submitted each (SPEC §4, §7).
 * These routes need an operator-owned token: who submitted a name is never shown to an institution,
 * so an institution's token gets 403 here whatever its scopes. With {@link EntryOverrides} the
 * operator also removes an entry at once ({@code DELETE}, which suppresses it) and adds one as the
 * operator's ({@code POST}); see {@link #overrideRoutes()}.
 */
public final class EntryApi {

  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 100_000;

  public record EntryView(
      String name, boolean active, Instant firstSubmitted, Instant lastSubmitted, Instant expires) {
    static EntryView of(EntryRow e) {
      return new EntryView(
          e.name(), e.inZone(), e.firstSubmitted(), e.lastSubmitted(), e.expiresAt());
    }
  }

  /** One page of entries; {@code nextAfter} is the {@code after} of the next page (null: last). */
  public record EntryPage(List<EntryView> entries, String nextAfter) {}

  public record SubmitterView(String institution, Instant firstSubmitted, Instant lastSubmitted) {}

  /** The operator as a source of the entry ({@code rpzx entries add}); null when never added. */
  public record OperatorSourceView(
      String addedBy, String reason, Instant firstAdded, Instant lastAdded) {
    static OperatorSourceView of(OperatorEntry e) {
      return new OperatorSourceView(e.addedBy(), e.reason(), e.firstAdded(), e.lastAdded());
    }
  }

  public record EntryDetail(
      String name,
      boolean active,
      Instant firstSubmitted,
      Instant lastSubmitted,
      Instant expires,
      List<SubmitterView> submitters,
      OperatorSourceView operator) {}

  /** {@code POST /api/v1/entries}. */
  public record NewEntry(String name, String reason) {}

  /** {@code DELETE /api/v1/entries/{name}} body (or the query parameters of the same names). */
  public record Removal(String reason, @JsonProperty("for") String duration) {}

  /** The answer to a removal: the name left the zone and is suppressed as given. */
  public record RemovedEntry(
      String name, Instant suppressedUntil, String suppressionReason, String note) {
    static RemovedEntry of(Delisted d) {
      Suppression s = d.suppression();
      return new RemovedEntry(
          d.name(),
          s.until(),
          s.reason(),
          "removed from the zone; submissions of it are rejected 'suppressed'"
              + (s.until() == null ? " until the suppression is removed" : " until " + s.until()));
    }
  }

  private static final NameNormalizer NAMES = new NameNormalizer(true);

  private final Database db;
  private final EntryOverrides overrides;

  /** The read routes only. */
  public EntryApi(Database db) {
    this(db, null);
  }

  public EntryApi(Database db, EntryOverrides overrides) {
    this.db = db;
    this.overrides = overrides;
  }

  /** {@code GET} of the list and of one entry. */
  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/entries", "admin", this::list),
        new Route("GET", "/api/v1/entries/{name}", "admin", this::show));
  }

  /** The operator's overrides: {@code POST} adds an entry, {@code DELETE} removes one. */
  public List<Route> overrideRoutes() {
    if (overrides == null) {
      throw new IllegalStateException("no entry overrides given");
    }
    return List.of(
        new Route("POST", "/api/v1/entries", "admin", this::add),
        new Route("DELETE", "/api/v1/entries/{name}", "admin", this::remove));
  }

  /**
   * {@code ?name=N} exactly, or {@code ?suffix=S} (S and the names under it); {@code state=all}
   * includes entries no longer in the zone; {@code limit} and {@code after} page by name.
   */
  private ApiResponse list(ApiRequest r) {
    ControlApi.requireOperator(r);
    String name = normalised(r.queryParam("name"), "name");
    String suffix = normalised(r.queryParam("suffix"), "suffix");
    if (name != null && suffix != null) {
      throw new ApiError(400, "give name or suffix, not both");
    }
    boolean activeOnly = !"all".equals(r.queryParam("state"));
    int limit = r.intQuery("limit", DEFAULT_LIMIT, MAX_LIMIT);
    String after = r.queryParam("after");
    if (after != null && (after.isEmpty() || after.length() > NameNormalizer.MAX_NAME_LENGTH)) {
      throw new ApiError(400, "after must be a name from a previous page");
    }
    List<EntryRow> rows =
        db.read(
            c -> EntryStore.find(c, new EntryFilter(name, suffix, activeOnly, after, limit + 1)));
    boolean more = rows.size() > limit;
    List<EntryView> page = rows.stream().limit(limit).map(EntryView::of).toList();
    return ApiResponse.ok(new EntryPage(page, more ? page.get(page.size() - 1).name() : null));
  }

  private ApiResponse show(ApiRequest r) {
    ControlApi.requireOperator(r);
    String name = normalised(r.decodedParam(0), "name");
    EntryDetail detail =
        db.read(
            c -> {
              var row = EntryStore.entry(c, name);
              return row.isEmpty() ? null : detail(c, row.get());
            });
    if (detail == null) {
      throw new ApiError(404, "no entry " + name);
    }
    return ApiResponse.ok(detail);
  }

  /** An entry with its submitters and, if the operator added it, the operator as its source. */
  private static EntryDetail detail(Connection c, EntryRow e) throws SQLException {
    return new EntryDetail(
        e.name(),
        e.inZone(),
        e.firstSubmitted(),
        e.lastSubmitted(),
        e.expiresAt(),
        EntryStore.sources(c, e.name()).stream()
            .map(s -> new SubmitterView(s.institution(), s.firstSubmitted(), s.lastSubmitted()))
            .toList(),
        ReportStore.operatorEntry(c, e.name()).map(OperatorSourceView::of).orElse(null));
  }

  private ApiResponse add(ApiRequest r) {
    ControlApi.requireOperator(r);
    NewEntry body = r.json(NewEntry.class);
    Mutation<EntryRow> added =
        overrides.add(body.name(), body.reason(), ListsApi.addedBy(r.token()));
    return ControlApi.answer(added, e -> db.read(c -> detail(c, e)), 201);
  }

  /** The reason and period from a JSON body or, without one, from {@code ?reason=&for=}. */
  private ApiResponse remove(ApiRequest r) {
    ControlApi.requireOperator(r);
    Removal body =
        r.body().length == 0
            ? new Removal(r.queryParam("reason"), r.queryParam("for"))
            : r.json(Removal.class);
    Duration period = null;
    if (body.duration() != null) {
      try {
        period = Durations.parse(body.duration());
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, "for: " + e.getMessage());
      }
      if (period.compareTo(Duration.between(Instant.now(), InstitutionApi.LATEST)) > 0) {
        throw new ApiError(400, "for: the suppression must end before the year 10000");
      }
    }
    Mutation<Delisted> removed =
        overrides.remove(r.decodedParam(0), body.reason(), period, ListsApi.addedBy(r.token()));
    return ControlApi.answer(removed, RemovedEntry::of, 200);
  }

  /** A name as entries store it (lower case, A-labels, no trailing dot); null stays null. */
  private static String normalised(String raw, String what) {
    if (raw == null) {
      return null;
    }
    LineOutcome o = NAMES.normalize(raw);
    if (o instanceof LineOutcome.Accepted a) {
      return a.name();
    }
    String why = o instanceof LineOutcome.Rejected rej ? rej.detail() : "empty";
    throw new ApiError(400, what + " is not a domain name: " + why);
  }
}
