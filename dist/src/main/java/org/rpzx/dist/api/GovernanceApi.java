package org.rpzx.dist.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.governance.HeldSubmissions;
import org.rpzx.core.governance.QualityReport;
import org.rpzx.core.governance.QualityStats;
import org.rpzx.core.governance.Release;
import org.rpzx.dist.config.Durations;

/**
 * Quality control (SPEC §8), operator only: {@code GET /api/v1/institutions/{name}/stats?since=30d}
 * and the review of submissions the plausibility guard held, {@code POST
 * /api/v1/submissions/{id}/release} and {@code .../discard} (409 for a submission that is not
 * held). Held submissions are listed by {@code GET /api/v1/submissions?status=held}.
 */
public final class GovernanceApi {

  /** An institution's quality over a window; {@code rejected_by_reason} has every reason code. */
  public record StatsView(
      String institution,
      Instant since,
      Instant until,
      int submissions,
      int held,
      int discarded,
      long linesAccepted,
      long linesRejected,
      Map<String, Long> rejectedByReason,
      long linesSkipped,
      long falsePositives,
      double topSitesShare) {
    static StatsView of(QualityStats s) {
      return new StatsView(
          s.institution(),
          s.since(),
          s.until(),
          s.submissions(),
          s.held(),
          s.discarded(),
          s.linesAccepted(),
          s.linesRejected(),
          s.rejectedByReason(),
          s.linesSkipped(),
          s.falsePositives(),
          s.topSitesShare());
    }
  }

  /** A released submission: how many names went in, how many the rules refuse now, the serial. */
  public record ReleaseView(
      ControlApi.SubmissionView submission, int applied, int dropped, Long serial) {
    static ReleaseView of(Release r) {
      return new ReleaseView(
          ControlApi.SubmissionView.of(r.submission()), r.applied(), r.dropped(), r.serial());
    }
  }

  private final QualityReport quality;
  private final HeldSubmissions held;

  public GovernanceApi(QualityReport quality, HeldSubmissions held) {
    this.quality = quality;
    this.held = held;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/v1/institutions/{name}/stats", "admin", this::stats),
        new Route("POST", "/api/v1/submissions/{id}/release", "admin", this::release),
        new Route("POST", "/api/v1/submissions/{id}/discard", "admin", this::discard));
  }

  private ApiResponse stats(ApiRequest r) {
    ControlApi.requireOperator(r);
    String name = r.decodedParam(0);
    Duration window = window(r.queryParam("since"));
    return ApiResponse.ok(
        StatsView.of(
            quality
                .stats(name, window)
                .orElseThrow(() -> new ApiError(404, "no institution named " + name))));
  }

  /** {@code 30d}, {@code 12h}, …; the default window when absent. */
  static Duration window(String text) {
    if (text == null || text.isBlank()) {
      return QualityReport.DEFAULT_WINDOW;
    }
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ApiError(400, "since must be a duration like 30d, 12h or 90m, not " + text);
    }
    if (d.isZero()) {
      throw new ApiError(400, "since must be a positive duration, not " + text);
    }
    return d;
  }

  private ApiResponse release(ApiRequest r) {
    ControlApi.requireOperator(r);
    Mutation<Release> m = held.release(id(r));
    return ControlApi.answer(m, ReleaseView::of, 200);
  }

  private ApiResponse discard(ApiRequest r) {
    ControlApi.requireOperator(r);
    return ControlApi.answer(held.discard(id(r)), ControlApi.SubmissionView::of, 200);
  }

  private static long id(ApiRequest r) {
    try {
      return Long.parseLong(r.param(0));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "submission id must be a number");
    }
  }
}
