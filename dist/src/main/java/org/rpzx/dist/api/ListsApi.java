package org.rpzx.dist.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.rpzx.core.auth.ApiToken;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.lists.AllowlistEntry;
import org.rpzx.core.lists.AllowlistFileStatus;
import org.rpzx.core.lists.NameLists;
import org.rpzx.core.lists.Reload;
import org.rpzx.core.lists.Suppression;
import org.rpzx.core.lists.TopSitesSource;
import org.rpzx.core.lists.TopSitesStatus;
import org.rpzx.core.lists.ZonePresence;
import org.rpzx.dist.lists.TopSitesFetcher;

/**
 * The operator's name lists: {@code /api/v1/allowlist}, {@code /api/v1/suppressions} and {@code
 * /api/v1/top-sites}. Listing needs {@code read}, changes and reloads {@code admin}. Adding a name
 * never removes it from the zone: the answer says what the zone holds ({@code in_zone}, {@code
 * zone_names}) so the operator can remove those entries. A failed reload answers 422, a failed
 * fetch 502; both leave the list in force.
 */
public final class ListsApi {

  /** {@code POST /api/v1/allowlist}. */
  public record NewAllowlistEntry(String name, String comment) {}

  /** {@code POST /api/v1/suppressions}; no {@code until}: until removed. */
  public record NewSuppression(String name, String reason, Instant until) {}

  /** {@code POST /api/v1/top-sites/fetch}; no {@code url}: the configured one. */
  public record FetchRequest(String url) {}

  public record AllowlistView(
      String name, String source, String comment, String addedBy, Instant added) {
    static AllowlistView of(AllowlistEntry e) {
      return new AllowlistView(e.name(), e.source().code(), e.comment(), e.addedBy(), e.addedAt());
    }
  }

  /**
   * The answer to an allowlist add: the entry, whether the name itself is in the zone, how many
   * names in the zone it matches, and a note when that is more than none.
   */
  public record AllowlistAdded(
      String name,
      String source,
      String comment,
      String addedBy,
      Instant added,
      boolean inZone,
      long zoneNames,
      String note) {}

  public record SuppressionView(
      String name, String reason, Instant until, boolean active, String addedBy, Instant added) {
    static SuppressionView of(Suppression s, Instant now) {
      return new SuppressionView(
          s.name(), s.reason(), s.until(), s.activeAt(now), s.addedBy(), s.addedAt());
    }
  }

  /** The answer to a suppression add: the suppression and whether the name is in the zone. */
  public record SuppressionAdded(
      String name,
      String reason,
      Instant until,
      String addedBy,
      Instant added,
      boolean inZone,
      String note) {}

  public record Removed(String removed) {}

  public record FetchView(
      String fetchedFrom, String writtenTo, long downloadedBytes, TopSitesStatus topSites) {}

  private final NameLists lists;
  private final TopSitesFetcher fetcher;
  private final Path fetchTarget;
  private final String defaultUrl;
  private final ReentrantLock fetching = new ReentrantLock();

  /**
   * @param fetchTarget the file a fetch writes (the configured Top-N file)
   * @param defaultUrl where a fetch downloads from unless the request names a URL
   */
  public ListsApi(NameLists lists, TopSitesFetcher fetcher, Path fetchTarget, String defaultUrl) {
    this.lists = lists;
    this.fetcher = fetcher;
    this.fetchTarget = fetchTarget;
    this.defaultUrl = defaultUrl;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/allowlist", "read", r -> allowlist()),
        new Route("POST", "/api/v1/allowlist", "admin", this::allow),
        new Route("DELETE", "/api/v1/allowlist/{name}", "admin", this::disallow),
        new Route("POST", "/api/v1/allowlist/reload", "admin", r -> reloadAllowlist()),
        new Route("GET", "/api/v1/suppressions", "read", this::suppressions),
        new Route("POST", "/api/v1/suppressions", "admin", this::suppress),
        new Route("DELETE", "/api/v1/suppressions/{name}", "admin", this::unsuppress),
        new Route("GET", "/api/v1/top-sites", "read", r -> ApiResponse.ok(lists.topSites())),
        new Route("POST", "/api/v1/top-sites/reload", "admin", r -> reloadTopSites()),
        new Route("POST", "/api/v1/top-sites/fetch", "admin", this::fetch));
  }

  private ApiResponse allowlist() {
    return ApiResponse.ok(lists.allowlist().stream().map(AllowlistView::of).toList());
  }

  private ApiResponse allow(ApiRequest r) {
    NewAllowlistEntry body = r.json(NewAllowlistEntry.class);
    Mutation<AllowlistEntry> m = lists.allow(body.name(), body.comment(), addedBy(r.token()));
    return ControlApi.answer(
        m,
        e -> {
          ZonePresence z = lists.zonePresence(e.name(), true);
          return new AllowlistAdded(
              e.name(),
              e.source().code(),
              e.comment(),
              e.addedBy(),
              e.addedAt(),
              z.inZone(),
              z.matchingNames(),
              z.matchingNames() == 0
                  ? null
                  : z.matchingNames()
                      + " name(s) in the zone match "
                      + e.name()
                      + " and stay until they expire or are removed as entries;"
                      + " new submissions of them are rejected");
        });
  }

  private ApiResponse disallow(ApiRequest r) {
    return ControlApi.answer(lists.disallow(pathName(r)), Removed::new, 200);
  }

  private ApiResponse reloadAllowlist() {
    Reload<AllowlistFileStatus> result = lists.reloadAllowlistFile();
    if (result instanceof Reload.Failed<AllowlistFileStatus> f) {
      throw new ApiError(422, f.message() + "; the previous allowlist stays in force");
    }
    return ApiResponse.ok(((Reload.Reloaded<AllowlistFileStatus>) result).status());
  }

  private ApiResponse suppressions(ApiRequest r) {
    boolean all = "all".equals(r.queryParam("state"));
    Instant now = Instant.now();
    return ApiResponse.ok(
        lists.suppressions(all).stream().map(s -> SuppressionView.of(s, now)).toList());
  }

  private ApiResponse suppress(ApiRequest r) {
    NewSuppression body = r.json(NewSuppression.class);
    Mutation<Suppression> m =
        lists.suppress(
            body.name(),
            body.reason(),
            InstitutionApi.storable(body.until(), "until"),
            addedBy(r.token()));
    return ControlApi.answer(
        m,
        s -> {
          boolean inZone = lists.zonePresence(s.name(), false).inZone();
          return new SuppressionAdded(
              s.name(),
              s.reason(),
              s.until(),
              s.addedBy(),
              s.addedAt(),
              inZone,
              inZone
                  ? s.name()
                      + " is in the zone and stays until it expires or is removed as an entry;"
                      + " new submissions of it are rejected"
                  : null);
        });
  }

  private ApiResponse unsuppress(ApiRequest r) {
    return ControlApi.answer(lists.unsuppress(pathName(r)), Removed::new, 200);
  }

  private ApiResponse reloadTopSites() {
    return topSitesAnswer(lists.reloadTopSites());
  }

  private ApiResponse fetch(ApiRequest r) {
    FetchRequest body = r.body().length == 0 ? new FetchRequest(null) : r.json(FetchRequest.class);
    String url = body.url() == null || body.url().isBlank() ? defaultUrl : body.url();
    if (!fetching.tryLock()) {
      throw new ApiError(409, "a top-sites fetch is already running");
    }
    try {
      int n = lists.topSites().n();
      TopSitesFetcher.Result result = fetcher.fetch(url, fetchTarget, n);
      if (result instanceof TopSitesFetcher.Result.Failed f) {
        throw new ApiError(502, f.message() + "; nothing changed");
      }
      var fetched = (TopSitesFetcher.Result.Fetched) result;
      ApiResponse reloaded = topSitesAnswer(lists.useTopSites(new TopSitesSource(fetchTarget, n)));
      return ApiResponse.ok(
          new FetchView(
              fetched.url(),
              fetched.file().toString(),
              fetched.downloadedBytes(),
              (TopSitesStatus) reloaded.body()));
    } finally {
      fetching.unlock();
    }
  }

  private static ApiResponse topSitesAnswer(Reload<TopSitesStatus> result) {
    if (result instanceof Reload.Failed<TopSitesStatus> f) {
      TopSitesStatus kept = f.kept();
      throw new ApiError(
          422,
          f.message()
              + "; the previous list stays in force ("
              + kept.names()
              + " names from "
              + (kept.file() == null ? "the bundled list" : kept.file())
              + ")");
    }
    return ApiResponse.ok(((Reload.Reloaded<TopSitesStatus>) result).status());
  }

  /** The {@code {name}} path parameter, percent-decoded. */
  private static String pathName(ApiRequest r) {
    try {
      return URLDecoder.decode(r.param(0), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "bad percent-encoding in " + r.param(0));
    }
  }

  /** Who made a change, as the store keeps it: the token's id, and its name if it has one. */
  static String addedBy(ApiToken t) {
    return "token:"
        + t.id()
        + (t.name() == null || t.name().isBlank() ? "" : " (" + t.name() + ")");
  }
}
