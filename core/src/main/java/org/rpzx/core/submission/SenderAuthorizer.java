package org.rpzx.core.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.directory.Sender;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.InstitutionStore;

/**
 * Decides whether an address may submit (SPEC §2): an authorized sender of an institution that is
 * not suspended, authenticated strongly enough for the S/MIME policy in force.
 */
public final class SenderAuthorizer {

  private final Database db;
  private final Clock clock;
  private final boolean requireSmimeGlobally;

  public SenderAuthorizer(Database db, Clock clock, boolean requireSmimeGlobally) {
    this.db = db;
    this.clock = clock;
    this.requireSmimeGlobally = requireSmimeGlobally;
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
    return new SenderCheck.Authorized(new SenderIdentity(inst.id(), inst.name(), email, method));
  }
}
