package org.rpzx.dist.api;

import java.time.Instant;
import java.util.List;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameNormalizer;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.EntryStore.EntryFilter;
import org.rpzx.core.store.EntryStore.EntryRow;

/**
 * {@code /api/v1/entries}: the operator's view of entries, with who submitted each (SPEC §4, §7).
 * These routes need an operator-owned token: who submitted a name is never shown to an institution,
 * so an institution's token gets 403 here whatever its scopes.
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

  public record EntryDetail(
      String name,
      boolean active,
      Instant firstSubmitted,
      Instant lastSubmitted,
      Instant expires,
      List<SubmitterView> submitters) {}

  private static final NameNormalizer NAMES = new NameNormalizer(true);

  private final Database db;

  public EntryApi(Database db) {
    this.db = db;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/entries", "admin", this::list),
        new Route("GET", "/api/v1/entries/{name}", "admin", this::show));
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
              if (row.isEmpty()) {
                return null;
              }
              EntryRow e = row.get();
              return new EntryDetail(
                  e.name(),
                  e.inZone(),
                  e.firstSubmitted(),
                  e.lastSubmitted(),
                  e.expiresAt(),
                  EntryStore.sources(c, name).stream()
                      .map(
                          s ->
                              new SubmitterView(
                                  s.institution(), s.firstSubmitted(), s.lastSubmitted()))
                      .toList());
            });
    if (detail == null) {
      throw new ApiError(404, "no entry " + name);
    }
    return ApiResponse.ok(detail);
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
