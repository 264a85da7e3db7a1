package org.rpzx.core.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Sender;
import org.rpzx.core.governance.ParticipationCheck;
import org.rpzx.core.governance.ParticipationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.InstitutionStore;

/**
 * Decides whether an address may submit (SPEC §2): an authorized sender of an institution that is
 * not suspended, authenticated strongly enough for the S/MIME policy in force, and, when the
 * operator made participation a condition (SPEC §8, {@code refuse}), participating in the zone.
 */
public final class SenderAuthorizer {

  private final Database db;
  private final Clock clock;
  private final boolean requireSmimeGlobally;
  private final ParticipationPolicy participation;

  /** Without a participation rule. */
  public SenderAuthorizer(Database db, Clock clock, boolean requireSmimeGlobally) {
    this(db, clock, requireSmimeGlobally, null);
  }

  /**
   * @param participation refuses senders of non-participating institutions in {@code refuse} mode;
   *     null: participation is not checked here
   */
  public SenderAuthorizer(
      Database db, Clock clock, boolean requireSmimeGlobally, ParticipationPolicy participation) {
    this.db = db;
    this.clock = clock;
    this.requireSmimeGlobally = requireSmimeGlobally;
    this.participation = participation;
  }

  public SenderCheck check(String address, AuthMethod method) {
    String email = Directory.normaliseEmail(address);
    record Found(Sender sender, Institution institution) {}
    Optional<Found> found =
        db.read(
            c -> {
              Optional<Sender> s = InstitutionStore.sender(c, email);
              if (s.isEmpty()) {
                return Optional.empty();
              }
              return InstitutionStore.byId(c, s.get().institutionId())
                  .map(i -> new Found(s.get(), i));
            });
    if (found.isEmpty()) {
      return new SenderCheck.Unauthorized(email + " is not an authorized sender");
    }
    Institution inst = found.get().institution();
    Instant now = clock.instant();
    Optional<String> suspended = inst.suspensionNotice(now);
    if (suspended.isPresent()) {
      return new SenderCheck.Unauthorized(suspended.get());
    }
    boolean smimeRequired =
        inst.requireSmime() != null ? inst.requireSmime() : requireSmimeGlobally;
    if (smimeRequired && method == AuthMethod.FROM_HEADER) {
      return new SenderCheck.Unauthorized("an S/MIME signature is required for " + inst.name());
    }
    if (participation != null
        && participation.check(inst) instanceof ParticipationCheck.Refused refused) {
      return new SenderCheck.Unauthorized(refused.notice());
    }
    return new SenderCheck.Authorized(new SenderIdentity(inst.id(), inst.name(), email, method));
  }
}
