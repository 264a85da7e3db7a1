package org.rpzx.dist.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.governance.ParticipationCheck;
import org.rpzx.core.governance.ParticipationPolicy;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;

/**
 * {@code POST /api/v1/submissions}: a {@code domains.txt} as the request body, by an institution's
 * token with the {@code submit} scope; the answer is the report a mail gets: 201 when applied, 202
 * when the plausibility guard held it for operator review, 403 for a suspended institution or (with
 * {@code governance.participation: refuse}) one that does not participate.
 */
public final class SubmissionApi {

  static final String CHANNEL = "http";

  /** The report of an applied submission. */
  public record SubmissionResult(
      long id,
      int accepted,
      int rejected,
      int skipped,
      boolean duplicate,
      boolean held,
      String holdReason,
      List<String> warnings,
      String summary,
      List<ControlApi.LineView> rejectedLines) {
    static SubmissionResult of(SubmissionReport r) {
      return new SubmissionResult(
          r.id(),
          r.accepted(),
          r.rejected(),
          r.skipped(),
          r.duplicate(),
          r.held(),
          r.holdReason(),
          r.warnings(),
          r.summary(),
          r.rejectedLines().stream().map(ControlApi.LineView::of).toList());
    }
  }

  private final SubmissionPort submissions;
  private final Directory directory;
  private final ParticipationPolicy participation;

  /**
   * @param participation refuses (403) submissions of non-participating institutions in {@code
   *     refuse} mode; null: not checked here
   */
  public SubmissionApi(
      SubmissionPort submissions, Directory directory, ParticipationPolicy participation) {
    this.submissions = submissions;
    this.directory = directory;
    this.participation = participation;
  }

  public List<Route> routes() {
    return List.of(new Route("POST", "/api/v1/submissions", "submit", this::submit));
  }

  private ApiResponse submit(ApiRequest r) {
    if (r.token().isOperator()) {
      throw new ApiError(403, "operator tokens do not submit: use an institution's token");
    }
    long id = ControlApi.ownInstitution(r);
    Institution institution =
        directory.institutions().stream()
            .filter(i -> i.id() == id)
            .findFirst()
            .orElseThrow(() -> new ApiError(403, "this token's institution no longer exists"));
    institution
        .suspensionNotice(Instant.now())
        .ifPresent(
            notice -> {
              throw new ApiError(403, notice);
            });
    if (participation != null
        && participation.check(institution) instanceof ParticipationCheck.Refused refused) {
      throw new ApiError(403, refused.notice());
    }
    if (r.body().length == 0) {
      throw new ApiError(400, "the body must be a domains.txt (text/plain, one name per line)");
    }
    SenderIdentity who =
        new SenderIdentity(id, institution.name(), "token:" + r.token().id(), AuthMethod.TOKEN);
    // malformed UTF-8 becomes U+FFFD and fails only its own line
    String text = new String(r.body(), StandardCharsets.UTF_8);
    SubmissionOutcome outcome =
        submissions.submit(
            new SubmissionRequest(
                who, CHANNEL, null, List.of(new DomainsFile("domains.txt", text))));
    if (outcome instanceof SubmissionOutcome.Applied applied) {
      SubmissionResult result = SubmissionResult.of(applied.report());
      return result.held() ? new ApiResponse(202, result) : ApiResponse.created(result);
    }
    if (outcome instanceof SubmissionOutcome.Refused refused) {
      throw new ApiError(400, refused.reason());
    }
    throw new ApiError(
        503, ((SubmissionOutcome.TemporaryFailure) outcome).reason() + "; try again");
  }
}
