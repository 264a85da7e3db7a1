package org.rpzx.dist.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rpzx.core.consumer.ConsumerRegistry;
import org.rpzx.core.consumer.ConsumerStatus;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.directory.Sender;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.submission.RejectedLine;
import org.rpzx.core.submission.SubmissionStatus;
import org.rpzx.core.zone.ChangeJournal;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSnapshot;

/** The routes of the control API and the JSON shapes they answer with. */
public final class ControlApi {

  /** {@code POST /api/v1/senders}. */
  public record NewSender(String email, String institution) {}

  public record SenderView(String email, String institution, Instant created) {
    static SenderView of(Sender s) {
      return new SenderView(s.email(), s.institution(), s.createdAt());
    }
  }

  public record ZoneStatus(
      String origin,
      long serial,
      int names,
      long records,
      Long journalOldestSerial,
      int journalChangeSets,
      List<ConsumerApi.ConsumerContact> consumers) {}

  public record SubmissionView(
      long id,
      String institution,
      String sender,
      String authenticated,
      String channel,
      Instant received,
      int accepted,
      int rejected,
      int skipped,
      String status,
      String holdReason) {
    static SubmissionView of(SubmissionStore.SubmissionRow r) {
      return new SubmissionView(
          r.id(),
          r.institution(),
          r.sender(),
          r.authMethod().code(),
          r.channel(),
          r.receivedAt(),
          r.accepted(),
          r.rejected(),
          r.skipped(),
          r.status().code(),
          r.holdReason());
    }
  }

  public record LineView(int file, int line, String text, String reason, String detail) {
    static LineView of(RejectedLine r) {
      return new LineView(r.fileIndex(), r.lineNumber(), r.text(), r.reason().code(), r.detail());
    }
  }

  public record SubmissionDetail(
      SubmissionView submission, List<String> acceptedNames, List<LineView> rejectedLines) {}

  private final Directory directory;
  private final Database db;
  private final PublishedZone zone;
  private final ConsumerRegistry consumers;

  public ControlApi(
      Directory directory, Database db, PublishedZone zone, ConsumerRegistry consumers) {
    this.directory = directory;
    this.db = db;
    this.zone = zone;
    this.consumers = consumers;
  }

  public List<Route> routes() {
    List<Route> routes =
        new ArrayList<>(
            List.of(
                new Route("GET", "/api/v1/senders", "admin", r -> listSenders()),
                new Route("POST", "/api/v1/senders", "admin", this::addSender),
                new Route(
                    "DELETE",
                    "/api/v1/senders/{email}",
                    "admin",
                    r -> answer(directory.removeSender(r.decodedParam(0)), SenderView::of)),
                new Route("GET", "/api/v1/submissions", "read", this::listSubmissions),
                new Route("GET", "/api/v1/submissions/{id}", "read", this::showSubmission),
                new Route("GET", "/api/v1/zone", "read", this::showZone)));
    routes.addAll(new EntryApi(db).routes());
    routes.addAll(new TsigKeyApi(consumers).routes());
    return List.copyOf(routes);
  }

  /** Routes that need no token. */
  public Map<String, Route.Handler> openRoutes() {
    return Map.of(
        "/healthz", r -> ApiResponse.ok(Map.of("status", "ok", "serial", zone.current().serial())));
  }

  private ApiResponse listSenders() {
    return ApiResponse.ok(directory.senders().stream().map(SenderView::of).toList());
  }

  private ApiResponse addSender(ApiRequest r) {
    NewSender body = r.json(NewSender.class);
    if (body.email() == null || body.institution() == null) {
      throw new ApiError(400, "email and institution are required");
    }
    return answer(directory.addSender(body.email(), body.institution()), SenderView::of);
  }

  private ApiResponse listSubmissions(ApiRequest r) {
    int limit = r.intQuery("limit", 100, 10_000);
    String institution = r.queryParam("institution");
    String statusText = r.queryParam("status");
    SubmissionStatus status = null;
    if (statusText != null) {
      status =
          SubmissionStatus.ofCode(statusText)
              .orElseThrow(() -> new ApiError(400, "status must be applied, held or discarded"));
    }
    Long id = null;
    if (institution != null) {
      id =
          directory
              .institution(institution)
              .orElseThrow(() -> new ApiError(404, "no institution named " + institution))
              .id();
    }
    Long own = ownInstitution(r);
    if (own != null) {
      if (id != null && !id.equals(own)) {
        throw new ApiError(404, "no institution named " + institution);
      }
      id = own; // an institution sees only its own submissions
    }
    Long instId = id;
    SubmissionStatus only = status;
    return ApiResponse.ok(
        db.read(c -> SubmissionStore.list(c, instId, only, limit)).stream()
            .map(SubmissionView::of)
            .toList());
  }

  private ApiResponse showSubmission(ApiRequest r) {
    long id;
    try {
      id = Long.parseLong(r.param(0));
    } catch (NumberFormatException e) {
      throw new ApiError(400, "submission id must be a number");
    }
    SubmissionDetail detail =
        db.read(
            c -> {
              var row = SubmissionStore.row(c, id);
              Long own = ownInstitution(r);
              if (row.isEmpty() || (own != null && row.get().institutionId() != own)) {
                return null;
              }
              return new SubmissionDetail(
                  SubmissionView.of(row.get()),
                  SubmissionStore.acceptedNames(c, id),
                  SubmissionStore.rejections(c, id).stream().map(LineView::of).toList());
            });
    if (detail == null) {
      throw new ApiError(404, "no submission " + id);
    }
    return ApiResponse.ok(detail);
  }

  /**
   * The institution a token belongs to, or null for the operator. Owners are {@code operator} or
   * {@code institution:<id>}.
   */
  static Long ownInstitution(ApiRequest r) {
    String owner = r.token().owner();
    if (r.token().isOperator()) {
      return null;
    }
    if (owner.startsWith("institution:")) {
      return Long.parseLong(owner.substring("institution:".length()));
    }
    throw new ApiError(403, "this token has no owner");
  }

  /**
   * Refuses (403) a token not owned by the operator: for routes that show who submitted what,
   * whatever scopes an institution's token may carry.
   */
  static void requireOperator(ApiRequest r) {
    if (!r.token().isOperator()) {
      throw new ApiError(403, "this route needs an operator token");
    }
  }

  /**
   * The zone with who transferred it last: every consumer for the operator, an institution's own
   * consumers for its token (SPEC §7: which institutions take part is not told to the others).
   */
  private ApiResponse showZone(ApiRequest r) {
    if (r.token().isOperator()) {
      return ApiResponse.ok(zoneStatus(c -> true));
    }
    Long own = ownInstitution(r);
    String name =
        own == null
            ? null
            : directory.institutions().stream()
                .filter(i -> i.id() == own)
                .map(org.rpzx.core.directory.Institution::name)
                .findFirst()
                .orElse(null);
    return ApiResponse.ok(
        zoneStatus(c -> name != null && c.consumer().institution().equalsIgnoreCase(name)));
  }

  /** The zone and the consumers {@code shown} lets through, with their last contact. */
  ZoneStatus zoneStatus(java.util.function.Predicate<ConsumerStatus> shown) {
    ZoneSnapshot s = zone.current();
    ChangeJournal journal = zone.journal();
    return new ZoneStatus(
        s.settings().origin(),
        s.serial(),
        s.nameCount(),
        2L * s.nameCount() + 3, // SOA, NS, two owners per name, closing SOA of a transfer
        journal.isEmpty() ? null : journal.oldestSerial(),
        journal.size(),
        consumers.list().stream()
            .filter(shown)
            .map(c -> ConsumerApi.ConsumerContact.of(c, s.serial()))
            .toList());
  }

  static <T, V> ApiResponse answer(Mutation<T> m, java.util.function.Function<T, V> view) {
    return answer(m, view, 201);
  }

  /** {@code status} for a done change, the matching 4xx error for a refused one. */
  static <T, V> ApiResponse answer(
      Mutation<T> m, java.util.function.Function<T, V> view, int status) {
    if (m instanceof Mutation.Done<T> d) {
      return new ApiResponse(status, view.apply(d.value()));
    } else if (m instanceof Mutation.Conflict<T> c) {
      throw new ApiError(409, c.message());
    } else if (m instanceof Mutation.NotFound<T> n) {
      throw new ApiError(404, n.message());
    } else if (m instanceof Mutation.Invalid<T> i) {
      throw new ApiError(400, i.message());
    }
    throw new IllegalStateException("unknown mutation result " + m);
  }
}
