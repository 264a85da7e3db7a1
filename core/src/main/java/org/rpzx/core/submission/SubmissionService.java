package org.rpzx.core.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.rpzx.core.governance.ParticipationCheck;
import org.rpzx.core.governance.ParticipationPolicy;
import org.rpzx.core.governance.PlausibilityGuard;
import org.rpzx.core.governance.PlausibilitySettings;
import org.rpzx.core.governance.PlausibilityVerdict;
import org.rpzx.core.lifecycle.DirectSubmission;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.GovernanceStore;
import org.rpzx.core.store.RawMessageStore;
import org.rpzx.core.store.StoreException;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.store.UnderivedSubmissions;
import org.rpzx.core.store.UnderivedSubmissions.Underived;
import org.rpzx.core.zone.NameKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes submissions: validates every line, stores the submission with its per-line results and
 * the entries in one transaction, then waits (bounded) until the zone maintainer has published the
 * change, so that "250" means "in the zone". Validation runs outside the write lock. With
 * governance, a non-participating institution's submission is refused or carries a warning, and the
 * plausibility guard may store a submission as held instead of applying it (its "250" says so).
 */
public final class SubmissionService implements SubmissionPort {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);

  /** Below this many names encoding takes well under a millisecond: not worth another thread. */
  private static final int ENCODE_ASYNC_FROM = 10_000;

  /**
   * Accepted names from which a submission is applied directly (ADR 0012): acknowledged once it is
   * stored and in the zone, its entry rows written right after.
   */
  static final int DIRECT_APPLY_FROM = 50_000;

  /**
   * {@value #DIRECT_APPLY_FROM}, or the system property {@code rpzx.directApplyFrom}: the crash
   * harness lowers it so that kills also land between a direct submission's two transactions.
   */
  private volatile int directApplyFrom =
      Math.max(1, Integer.getInteger("rpzx.directApplyFrom", DIRECT_APPLY_FROM));

  private final Database db;
  private final SenderAuthorizer authorizer;
  private final Supplier<EntryValidator> validator;
  private final ZoneMaintainer maintainer;
  private final Clock clock;
  private final Duration entryLifetime;
  private final Duration publishWait;
  private final ParticipationPolicy participation;
  private final PlausibilityGuard guard;
  private final boolean keepRawMessages;

  /** Without governance: participation is not checked, nothing is held. */
  public SubmissionService(
      Database db,
      SenderAuthorizer authorizer,
      Supplier<EntryValidator> validator,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration entryLifetime,
      Duration publishWait) {
    this(
        db,
        authorizer,
        validator,
        maintainer,
        clock,
        entryLifetime,
        publishWait,
        null,
        PlausibilitySettings.disabled(),
        false);
  }

  /**
   * @param participation the participation rule (SPEC §8): a non-participating institution's
   *     submission is refused or carries a warning, by its mode; null: not checked
   * @param plausibility the plausibility guard: an implausible submission is stored as held, its
   *     names not applied, until the operator releases it ({@link
   *     org.rpzx.core.governance.HeldSubmissions})
   * @param keepRawMessages store a request's {@link SubmissionRequest#rawMessage()} with its
   *     submission (SPEC §7: only when the operator enabled it)
   */
  public SubmissionService(
      Database db,
      SenderAuthorizer authorizer,
      Supplier<EntryValidator> validator,
      ZoneMaintainer maintainer,
      Clock clock,
      Duration entryLifetime,
      Duration publishWait,
      ParticipationPolicy participation,
      PlausibilitySettings plausibility,
      boolean keepRawMessages) {
    this.keepRawMessages = keepRawMessages;
    this.db = db;
    this.authorizer = authorizer;
    this.validator = validator;
    this.maintainer = maintainer;
    this.clock = clock;
    this.entryLifetime = entryLifetime;
    this.publishWait = publishWait;
    this.participation = participation;
    this.guard = new PlausibilityGuard(plausibility);
  }

  /** Tests: apply submissions of {@code names} or more accepted names directly. */
  SubmissionService directApplyFrom(int names) {
    this.directApplyFrom = names;
    return this;
  }

  /**
   * A {@link StoreException} from here means "try later": edges answer with a temporary failure.
   */
  @Override
  public SenderCheck checkSender(String address, AuthMethod method) {
    return authorizer.check(address, method);
  }

  @Override
  public boolean keepsRawMessages() {
    return keepRawMessages;
  }

  /**
   * Submits the bytes of one {@code domains.txt} (UTF-8, with or without BOM; invalid bytes only
   * fail their own lines) for an authenticated identity, e.g. an HTTP body.
   */
  public SubmissionOutcome submit(SenderIdentity identity, String channel, byte[] domainsTxt) {
    String text = new String(domainsTxt, StandardCharsets.UTF_8); // malformed bytes become U+FFFD
    return submit(
        new SubmissionRequest(
            identity, channel, null, List.of(new DomainsFile("domains.txt", text))));
  }

  @Override
  public SubmissionOutcome submit(SubmissionRequest request) {
    if (request.files().isEmpty()) {
      return new SubmissionOutcome.Refused("no attachment named domains.txt");
    }
    SenderIdentity who = request.identity();
    byte[] hash = contentHash(request.files());
    try {
      Optional<SubmissionReport> earlier = findDuplicate(who.sender(), request.messageId(), hash);
      if (earlier.isPresent()) {
        return new SubmissionOutcome.Applied(earlier.get());
      }
      Optional<String> warning = Optional.empty();
      if (participation != null) {
        ParticipationCheck pc = participation.check(who.institutionId(), who.institution());
        if (pc instanceof ParticipationCheck.Refused refused) {
          return new SubmissionOutcome.Refused(refused.notice());
        }
        if (pc instanceof ParticipationCheck.Warned warned) {
          warning = Optional.of(warned.notice());
        }
      }
      long started = System.nanoTime();
      ValidatedFiles validated = ValidatedFiles.of(validator.get(), request.files());
      long validatedAt = System.nanoTime();
      boolean direct = validated.accepted().size() >= directApplyFrom;
      // The store's costly inputs, prepared before the write lock: the names in key order for
      // the entry tables and in line order, encoded for the submission row (on another core); for
      // a submission applied directly, in canonical order for the zone, and encoded in that order
      // (on another core, while the maintainer reduces the change), so that its journal row can
      // use the same bytes (ADR 0012).
      List<String> canonical = direct ? NameKeys.sortedCanonically(validated.accepted()) : null;
      List<String> rowOrder = direct ? canonical : validated.accepted();
      CompletableFuture<byte[]> encoded =
          rowOrder.size() < ENCODE_ASYNC_FROM
              ? CompletableFuture.completedFuture(SubmissionStore.encodeNames(rowOrder))
              : CompletableFuture.supplyAsync(() -> SubmissionStore.encodeNames(rowOrder));
      long now = clock.millis();
      Pending p =
          new Pending(
              who,
              request,
              hash,
              validated,
              direct ? null : EntryStore.sortedForStore(validated.accepted()),
              canonical,
              encoded,
              now,
              now + entryLifetime.toMillis());
      SubmissionReport report;
      long storedAt;
      if (direct) {
        report = join(maintainer.applyDirectly(c -> storeDirect(c, p)));
        storedAt = System.nanoTime(); // stored and published in one
      } else {
        report = db.inTransaction(c -> store(c, p, true).report());
        storedAt = System.nanoTime();
        if (!report.duplicate() && !report.held() && report.accepted() > 0) {
          awaitPublication(report.id());
        }
      }
      long publishedAt = System.nanoTime();
      LOG.info(
          "submission {} via {}: {} accepted, {} rejected{} (validated in {} ms, stored in {} ms,"
              + " published in {} ms)",
          report.id(),
          request.channel(),
          report.accepted(),
          report.rejected(),
          report.held() ? ", held for operator review: " + report.holdReason() : "",
          millis(validatedAt - started),
          millis(storedAt - validatedAt),
          millis(publishedAt - storedAt));
      if (warning.isPresent()) {
        // SPEC §7: neither the sender nor the institution at the default level
        LOG.info(
            "submission {} accepted although its institution is not participating", report.id());
        LOG.debug("submission {}: {}", report.id(), warning.get());
        report = report.withWarning(warning.get());
      }
      return new SubmissionOutcome.Applied(report);
    } catch (StoreException e) {
      LOG.error("submission could not be stored: {}", e.getMessage());
      return new SubmissionOutcome.TemporaryFailure("the store is unavailable");
    }
  }

  /** A validated submission with the inputs its store transaction needs. */
  private record Pending(
      SenderIdentity who,
      SubmissionRequest request,
      byte[] hash,
      ValidatedFiles validated,
      String[] sortedForStore,
      List<String> canonical,
      CompletableFuture<byte[]> encoded,
      long now,
      long expiresAt) {}

  /**
   * What the store transaction did: {@code applied} unless a duplicate or held; {@code
   * namesDeferred} if the row's names are still to be set ({@link #storeDirect}).
   */
  private record Recorded(
      SubmissionReport report, ValidatedFiles accepted, boolean applied, boolean namesDeferred) {}

  /**
   * The submission's store transaction: its row and rejected lines, and with {@code withEntries}
   * its entry rows (to be published by the maintainer).
   */
  private Recorded store(Connection c, Pending p, boolean withEntries) throws SQLException {
    SenderIdentity who = p.who();
    SubmissionRequest request = p.request();
    Optional<Long> dup =
        SubmissionStore.findDuplicate(c, who.sender(), request.messageId(), p.hash());
    if (dup.isPresent()) {
      return new Recorded(
          SubmissionStore.report(c, dup.get(), true).orElseThrow(), null, false, false);
    }
    // validation ran outside the lock: a suppression committed since then still wins
    ValidatedFiles v = p.validated().withoutSuppressed(EntryStore.activeSuppressions(c, p.now()));
    boolean unchanged = v == p.validated();
    String holdReason = holdReason(c, who.institutionId(), v);
    // a direct submission's names are still being encoded: its row gets them later in the same
    // transaction, while the maintainer reduces the change
    boolean deferNames = !withEntries && unchanged;
    if (holdReason == null && withEntries) {
      EntryStore.recordSortedSubmission(
          c,
          unchanged ? p.sortedForStore() : EntryStore.sortedForStore(v.accepted()),
          who.institutionId(),
          p.now(),
          p.expiresAt());
    }
    long id =
        SubmissionStore.insert(
            c,
            new SubmissionStore.NewSubmission(
                who.institutionId(),
                who.sender(),
                who.method(),
                request.channel(),
                request.messageId(),
                p.hash(),
                p.now(),
                v.accepted(),
                v.rejected().size(),
                v.skipped(),
                holdReason == null ? SubmissionStatus.APPLIED : SubmissionStatus.HELD,
                holdReason),
            v.rejected(),
            deferNames
                ? SubmissionStore.encodeNames(List.of())
                : unchanged ? join(p.encoded()) : SubmissionStore.encodeNames(v.accepted()));
    if (keepRawMessages && request.rawMessage() != null) {
      RawMessageStore.insert(c, id, p.now(), request.rawMessage());
    }
    SubmissionReport report =
        new SubmissionReport(
            id,
            v.accepted().size(),
            v.rejected().size(),
            v.skipped(),
            v.rejected(),
            false,
            holdReason,
            List.of());
    return new Recorded(report, v, holdReason == null, deferNames);
  }

  /**
   * A large submission's part of the maintainer's transaction (ADR 0012): stored without its entry
   * rows, which the maintainer writes after the acknowledgement; its names go to the zone.
   */
  private DirectSubmission.Stored<SubmissionReport> storeDirect(Connection c, Pending p)
      throws SQLException {
    Recorded r = store(c, p, false);
    long id = r.report().id();
    DirectSubmission.Finish finish =
        r.namesDeferred()
            ? c2 -> SubmissionStore.setAcceptedNames(c2, id, join(p.encoded()))
            : DirectSubmission.Finish.NONE;
    if (!r.applied() || r.accepted().accepted().isEmpty()) {
      return DirectSubmission.Stored.only(r.report(), finish);
    }
    Underived u = new Underived(id, p.who().institutionId(), p.now(), p.expiresAt());
    UnderivedSubmissions.add(c, u);
    // deferred names: no suppression changed the list, so p's canonical list and encoding stand
    return r.namesDeferred()
        ? new DirectSubmission.Stored<>(r.report(), p.canonical(), u, p.encoded(), finish)
        : new DirectSubmission.Stored<>(
            r.report(), NameKeys.sortedCanonically(r.accepted().accepted()), u, null, finish);
  }

  /** Why the plausibility guard holds this submission, or null to apply it. */
  private String holdReason(Connection c, long institutionId, ValidatedFiles v)
      throws SQLException {
    if (!guard.enabled()) {
      return null;
    }
    PlausibilityVerdict verdict =
        guard.assess(
            v.accepted().size(), v.rejected().size(), GovernanceStore.history(c, institutionId));
    return verdict instanceof PlausibilityVerdict.Hold hold ? hold.reason() : null;
  }

  private Optional<SubmissionReport> findDuplicate(String sender, String messageId, byte[] hash) {
    if (messageId == null) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          Optional<Long> id = SubmissionStore.findDuplicate(c, sender, messageId, hash);
          return id.isPresent() ? SubmissionStore.report(c, id.get(), true) : Optional.empty();
        });
  }

  /** The submission is stored either way; waiting only makes the reply mean "in the zone". */
  private void awaitPublication(long id) {
    try {
      maintainer.requestPublish().get(publishWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("submission {} stored; zone publication still pending: {}", id, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The value of {@code f}; its failure rethrown as it was thrown. */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static byte[] contentHash(List<DomainsFile> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (DomainsFile f : files) {
        sha.update(f.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
