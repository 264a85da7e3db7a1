package org.rpzx.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.InstitutionStore;

/** The operator's view of institutions and senders. Thread-safe. */
public final class Directory {

  private static final Pattern INSTITUTION_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)"
              + "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");

  /** Reasons are quoted in SMTP replies (at most 512 octets a line). */
  static final int MAX_REASON = 200;

  private final Database db;
  private final Clock clock;

  public Directory(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Mutation<Institution> addInstitution(String rawName) {
    String name = rawName == null ? "" : rawName.strip();
    if (!INSTITUTION_NAME.matcher(name).matches()) {
      return new Mutation.Invalid<>(
          "institution name must be 1-64 characters: letters, digits, space, '.', '_', '-'");
    }
    return db.inTransaction(
        c -> {
          if (InstitutionStore.byName(c, name).isPresent()) {
            return new Mutation.Conflict<>("institution " + name + " already exists");
          }
          return new Mutation.Done<>(InstitutionStore.insert(c, name, clock.instant()));
        });
  }

  public List<Institution> institutions() {
    return db.read(InstitutionStore::all);
  }

  public Optional<Institution> institution(String name) {
    return db.read(c -> InstitutionStore.byName(c, name));
  }

  /**
   * Suspends an institution (SPEC §8): from now until {@code until} (null: until {@link #resume}),
   * mail and HTTP submissions of its senders are refused quoting {@code reason}. Its entries keep
   * their own expiry. Suspending a suspended institution replaces the date and reason.
   */
  public Mutation<Institution> suspend(String name, Instant until, String rawReason) {
    Optional<String> problem = suspensionProblem(until, rawReason);
    if (problem.isPresent()) {
      return new Mutation.Invalid<>(problem.get());
    }
    String reason = rawReason.strip();
    return db.inTransaction(
        c -> {
          Optional<Institution> inst = InstitutionStore.byName(c, name == null ? "" : name.strip());
          if (inst.isEmpty()) {
            return new Mutation.NotFound<>("no institution named " + name);
          }
          InstitutionStore.suspend(c, inst.get().id(), until, reason);
          return new Mutation.Done<>(InstitutionStore.byId(c, inst.get().id()).orElseThrow());
        });
  }

  /**
   * Why a suspension until {@code until} for {@code rawReason} cannot be made now (the reason is
   * stripped first), or empty when it can.
   */
  public Optional<String> suspensionProblem(Instant until, String rawReason) {
    String reason = rawReason == null ? "" : rawReason.strip();
    if (reason.isEmpty()) {
      return Optional.of("a reason is required: it is quoted to the refused senders");
    }
    if (reason.length() > MAX_REASON) {
      return Optional.of("the reason must be at most " + MAX_REASON + " characters");
    }
    if (reason.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("the reason must be one line without control characters");
    }
    if (until != null && !until.isAfter(clock.instant())) {
      return Optional.of("the suspension must end in the future, not " + until);
    }
    return Optional.empty();
  }

  /** Lifts a suspension; resuming an institution that is not suspended changes nothing. */
  public Mutation<Institution> resume(String name) {
    return db.inTransaction(
        c -> {
          Optional<Institution> inst = InstitutionStore.byName(c, name == null ? "" : name.strip());
          if (inst.isEmpty()) {
            return new Mutation.NotFound<>("no institution named " + name);
          }
          InstitutionStore.resume(c, inst.get().id());
          return new Mutation.Done<>(InstitutionStore.byId(c, inst.get().id()).orElseThrow());
        });
  }

  /** The authorized senders of one institution. */
  public List<Sender> sendersOf(Institution institution) {
    return db.read(c -> InstitutionStore.sendersOf(c, institution.id()));
  }

  /** Registers {@code rawEmail} (compared case-insensitively) as a sender of an institution. */
  public Mutation<Sender> addSender(String rawEmail, String institutionName) {
    String email = normaliseEmail(rawEmail);
    if (!EMAIL.matcher(email).matches()) {
      return new Mutation.Invalid<>("not an e-mail address: " + rawEmail);
    }
    return db.inTransaction(
        c -> {
          Optional<Institution> inst = InstitutionStore.byName(c, institutionName);
          if (inst.isEmpty()) {
            return new Mutation.NotFound<>("no institution named " + institutionName);
          }
          Optional<org.rpzx.core.directory.Sender> existing = InstitutionStore.sender(c, email);
          if (existing.isPresent()) {
            return new Mutation.Conflict<>(
                email + " is already a sender of " + existing.get().institution());
          }
          InstitutionStore.insertSender(c, email, inst.get().id(), clock.instant());
          return new Mutation.Done<>(InstitutionStore.sender(c, email).orElseThrow());
        });
  }

  /**
   * Withdraws a sender's authorization: its next mail is refused. Its earlier submissions and the
   * names they brought stay (they belong to the institution, not to the address).
   */
  public Mutation<Sender> removeSender(String rawEmail) {
    String email = normaliseEmail(rawEmail);
    return db.inTransaction(
        c -> {
          Optional<Sender> existing = InstitutionStore.sender(c, email);
          if (existing.isEmpty()) {
            return new Mutation.NotFound<>("no sender " + email);
          }
          InstitutionStore.deleteSender(c, email);
          return new Mutation.Done<>(existing.get());
        });
  }

  public List<Sender> senders() {
    return db.read(InstitutionStore::senders);
  }

  public Optional<Sender> sender(String email) {
    return db.read(c -> InstitutionStore.sender(c, normaliseEmail(email)));
  }

  /** Senders are compared case-insensitively, local part included, as operators expect. */
  public static String normaliseEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
