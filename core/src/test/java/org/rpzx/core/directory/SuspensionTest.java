package org.rpzx.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.testing.MutableClock;

/** SPEC §8: the operator suspends an institution until a date with a reason, and resumes it. */
class SuspensionTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(START);
  private Database db;
  private Directory directory;
  private SenderAuthorizer authorizer;

  @BeforeEach
  void setUp() {
    db = Database.open(dir.resolve("rpzx.db"));
    directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("cert@uni-a.example", "Uni A");
    authorizer = new SenderAuthorizer(db, clock, false);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private SenderCheck check() {
    return authorizer.check("cert@uni-a.example", AuthMethod.FROM_HEADER);
  }

  private static Institution done(Mutation<Institution> m) {
    assertThat(m).isInstanceOf(Mutation.Done.class);
    return ((Mutation.Done<Institution>) m).value();
  }

  @Test
  void aSuspensionUntilADateRefusesWithReasonAndDateThenRunsOut() {
    Instant until = Instant.parse("2026-04-01T00:00:00Z");
    Institution i = done(directory.suspend("uni a", until, "  too many false positives "));
    assertThat(i.isSuspendedAt(clock.instant())).isTrue();
    assertThat(i.suspendedUntil()).isEqualTo(until);
    assertThat(i.suspendReason()).isEqualTo("too many false positives");

    assertThat(check())
        .isEqualTo(
            new SenderCheck.Unauthorized(
                "institution Uni A is suspended until 2026-04-01T00:00:00Z:"
                    + " too many false positives"));

    clock.advance(Duration.between(START, until).minusMillis(1));
    assertThat(check()).isInstanceOf(SenderCheck.Unauthorized.class);
    clock.advance(Duration.ofMillis(1));
    assertThat(check()).as("the suspension ran out").isInstanceOf(SenderCheck.Authorized.class);
    assertThat(directory.institution("Uni A").orElseThrow().suspensionNotice(clock.instant()))
        .isEmpty();
  }

  @Test
  void anOpenEndedSuspensionLastsUntilResumed() {
    done(directory.suspend("Uni A", null, "abuse"));
    clock.advance(Duration.ofDays(3650));
    assertThat(check())
        .isEqualTo(
            new SenderCheck.Unauthorized("institution Uni A is suspended indefinitely: abuse"));

    Institution resumed = done(directory.resume("Uni A"));
    assertThat(resumed.suspended()).isFalse();
    assertThat(resumed.suspendedUntil()).isNull();
    assertThat(resumed.suspendReason()).isNull();
    assertThat(check()).isInstanceOf(SenderCheck.Authorized.class);
    assertThat(directory.resume("Uni A"))
        .as("resume is idempotent")
        .isEqualTo(new Mutation.Done<>(resumed));
  }

  @Test
  void aSecondSuspensionReplacesTheFirst() {
    done(directory.suspend("Uni A", null, "first"));
    Instant until = START.plus(Duration.ofDays(7));
    Institution i = done(directory.suspend("Uni A", until, "second"));
    assertThat(i.suspendedUntil()).isEqualTo(until);
    assertThat(i.suspendReason()).isEqualTo("second");
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    assertThat(directory.suspend("Nobody", null, "x")).isInstanceOf(Mutation.NotFound.class);
    assertThat(directory.resume("Nobody")).isInstanceOf(Mutation.NotFound.class);
    assertThat(directory.suspend("Uni A", null, " ")).isInstanceOf(Mutation.Invalid.class);
    assertThat(directory.suspend("Uni A", null, null)).isInstanceOf(Mutation.Invalid.class);
    assertThat(directory.suspend("Uni A", null, "two\r\n250 lines"))
        .isInstanceOf(Mutation.Invalid.class);
    assertThat(directory.suspend("Uni A", null, "x".repeat(Directory.MAX_REASON + 1)))
        .isInstanceOf(Mutation.Invalid.class);
    assertThat(directory.suspend("Uni A", START, "ends now")).isInstanceOf(Mutation.Invalid.class);
    assertThat(directory.suspend("Uni A", START.minusSeconds(1), "past"))
        .isInstanceOf(Mutation.Invalid.class);

    Institution i = directory.institution("Uni A").orElseThrow();
    assertThat(i.suspended()).isFalse();
    assertThat(i.suspendReason()).isNull();
    assertThat(check()).isInstanceOf(SenderCheck.Authorized.class);
  }

  @Test
  void sendersOfOneInstitution() {
    directory.addInstitution("Uni B");
    directory.addSender("noc@uni-b.example", "Uni B");
    directory.addSender("abuse@uni-a.example", "Uni A");
    Institution a = directory.institution("Uni A").orElseThrow();
    assertThat(directory.sendersOf(a))
        .extracting(Sender::email)
        .containsExactly("abuse@uni-a.example", "cert@uni-a.example");
  }
}
