package org.rpzx.core.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rpzx.core.directory.Institution;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.GovernanceStore;
import org.rpzx.core.store.GovernanceStore.ZoneContact;
import org.rpzx.core.store.InstitutionStore;

/**
 * Applies {@link Participation} to institutions from the consumers' transfer log, under the
 * configured {@link ParticipationMode}. Thread-safe; every call reads the store afresh (one small
 * aggregate query), so a consumer's first SOA check counts at once.
 */
public final class ParticipationPolicy {

  private final Database db;
  private final Clock clock;
  private final ParticipationMode mode;
  private final Duration window;

  public ParticipationPolicy(Database db, Clock clock, ParticipationMode mode, Duration window) {
    this.db = db;
    this.clock = clock;
    this.mode = Objects.requireNonNull(mode);
    this.window = Objects.requireNonNull(window);
  }

  public ParticipationMode mode() {
    return mode;
  }

  public Duration window() {
    return window;
  }

  /** The participation of one institution now. */
  public Participation of(Institution institution) {
    return of(institution.id(), institution.name());
  }

  /** The participation now of the institution with id {@code institutionId}, named {@code name}. */
  public Participation of(long institutionId, String name) {
    ZoneContact contact = db.read(c -> GovernanceStore.zoneContact(c, institutionId));
    return assess(name, contact, clock.instant());
  }

  /** The participation of every institution now, in the directory's order. */
  public List<Participation> all() {
    record Snapshot(List<Institution> institutions, Map<Long, ZoneContact> contacts) {}
    Snapshot s =
        db.read(c -> new Snapshot(InstitutionStore.all(c), GovernanceStore.zoneContacts(c)));
    Instant now = clock.instant();
    List<Participation> out = new ArrayList<>();
    for (Institution i : s.institutions()) {
      out.add(assess(i.name(), s.contacts().getOrDefault(i.id(), ZoneContact.NONE), now));
    }
    return out;
  }

  /** The rule applied to a submission of institution {@code institution} under the mode. */
  public ParticipationCheck check(Institution institution) {
    return check(institution.id(), institution.name());
  }

  /** The rule applied to a submission of the institution {@code institutionId} under the mode. */
  public ParticipationCheck check(long institutionId, String name) {
    Participation p = of(institutionId, name);
    if (p.participating()) {
      return new ParticipationCheck.Participating();
    }
    String notice = p.notice().orElseThrow();
    return mode == ParticipationMode.REFUSE
        ? new ParticipationCheck.Refused(notice)
        : new ParticipationCheck.Warned(notice);
  }

  private Participation assess(String name, ZoneContact contact, Instant now) {
    return Participation.assess(name, contact.consumers(), contact.lastContact(), now, window);
  }
}
