package org.rpzx.dist.api;

import java.time.Instant;
import java.util.List;
import org.rpzx.core.auth.ApiToken;
import org.rpzx.core.report.FalsePositiveReport;
import org.rpzx.core.report.FileResult;
import org.rpzx.core.report.ReportFilter;
import org.rpzx.core.report.ReportService;
import org.rpzx.core.report.ReportStatus;
import org.rpzx.core.report.Reporter;

/**
 * {@code /api/v1/reports}: false-positive reports (SPEC §8). Filing, listing and showing need the
 * {@code report} scope; an institution's token sees only its own institution's reports (another's
 * is 404), in {@link ReportView} form, which never says who submitted the name (SPEC §7). Operator
 * tokens see every report with its reporter and the submitting institutions. Confirming and
 * dismissing need {@code admin}.
 */
public final class ReportApi {

  static final String CHANNEL = "api";
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

  /** {@code POST /api/v1/reports}. */
  public record NewReport(String name, String reason) {}

  /** {@code POST /api/v1/reports/{id}/confirm} and {@code /dismiss}; the body may be empty. */
  public record Decision(String note) {}

  /** A report as its reporter sees it: no submitter, no reporter, no operator's note. */
  public record ReportView(
      long id,
      String name,
      String reportedName,
      String reason,
      String status,
      Instant filed,
      Instant decided) {
    static ReportView of(FalsePositiveReport r) {
      return new ReportView(
          r.id(),
          r.name(),
          r.reportedName(),
          r.reason(),
          r.status().code(),
          r.filedAt(),
          r.decidedAt());
    }
  }

  /**
   * A report as the operator sees it: also how and by whom it was filed and decided, and the
   * institutions that submitted the name ({@code reporter} is {@code operator} for the operator's
   * own reports).
   */
  public record OperatorReportView(
      long id,
      String name,
      String reportedName,
      String reason,
      String status,
      Instant filed,
      Instant decided,
      String channel,
      String reporter,
      String reportedBy,
      String decidedBy,
      String note,
      List<String> submitters) {}

  private final ReportService reports;

  public ReportApi(ReportService reports) {
    this.reports = reports;
  }

  public List<Route> routes() {
    return List.of(
        new Route("POST", "/api/v1/reports", "report", this::file),
        new Route("GET", "/api/v1/reports", "report", this::list),
        new Route("GET", "/api/v1/reports/{id}", "report", this::show),
        new Route("POST", "/api/v1/reports/{id}/confirm", "admin", r -> decide(r, true)),
        new Route("POST", "/api/v1/reports/{id}/dismiss", "admin", r -> decide(r, false)));
  }

  private ApiResponse file(ApiRequest r) {
    NewReport body = r.json(NewReport.class);
    ApiToken t = r.token();
    Long own = ControlApi.ownInstitution(r);
    String label = ListsApi.addedBy(t);
    Reporter reporter = own == null ? Reporter.operator(label) : Reporter.institution(own, label);
    FileResult result = reports.file(reporter, body.name(), body.reason(), CHANNEL);
    if (result instanceof FileResult.Invalid i) {
      throw new ApiError(400, i.reason());
    }
    FileResult.Filed filed = (FileResult.Filed) result;
    return new ApiResponse(filed.alreadyOpen() ? 200 : 201, view(r, filed.report()));
  }

  private ApiResponse list(ApiRequest r) {
    String s = r.queryParam("status");
    ReportStatus status = null;
    if (s != null) {
      status =
          ReportStatus.fromCode(s)
              .orElseThrow(() -> new ApiError(400, "status must be open, confirmed or dismissed"));
    }
    int limit = r.intQuery("limit", DEFAULT_LIMIT, MAX_LIMIT);
    Long own = ControlApi.ownInstitution(r);
    return ApiResponse.ok(
        reports.list(new ReportFilter(status, own, limit)).stream()
            .map(report -> view(r, report))
            .toList());
  }

  private ApiResponse show(ApiRequest r) {
    long id = id(r);
    Long own = ControlApi.ownInstitution(r);
    FalsePositiveReport report =
        reports
            .report(id)
            .filter(rep -> own == null || own.equals(rep.reporterInstitutionId()))
            .orElseThrow(() -> new ApiError(404, "no report #" + id));
    return ApiResponse.ok(view(r, report));
  }

  private ApiResponse decide(ApiRequest r, boolean confirm) {
    long id = id(r);
    Decision body = r.body().length == 0 ? new Decision(null) : r.json(Decision.class);
    String operator = ListsApi.addedBy(r.token());
    return ControlApi.answer(
        confirm
            ? reports.confirm(id, operator, body.note())
            : reports.dismiss(id, operator, body.note()),
        report -> operatorView(report),
        200);
  }

  /** The operator's view for operator tokens, the reporter's view for everyone else. */
  private Object view(ApiRequest r, FalsePositiveReport report) {
    return r.token().isOperator() ? operatorView(report) : ReportView.of(report);
  }

  private OperatorReportView operatorView(FalsePositiveReport r) {
    return new OperatorReportView(
        r.id(),
        r.name(),
        r.reportedName(),
        r.reason(),
        r.status().code(),
        r.filedAt(),
        r.decidedAt(),
        r.channel(),
        r.reporterInstitutionId() == null ? ApiToken.OPERATOR : r.reporterInstitution(),
        r.reporter(),
        r.decidedBy(),
        r.note(),
        reports.submitters(r));
  }

  private static long id(ApiRequest r) {
    try {
      return Long.parseLong(r.param(0));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "report id must be a number");
    }
  }
}
