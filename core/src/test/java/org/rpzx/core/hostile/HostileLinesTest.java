package org.rpzx.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rpzx.core.directory.Directory;
import org.rpzx.core.lifecycle.LifecycleSettings;
import org.rpzx.core.lifecycle.ZoneLoader;
import org.rpzx.core.lifecycle.ZoneMaintainer;
import org.rpzx.core.name.EntryValidator;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NumberedLine;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.name.TextLines;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionReport;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.testing.MutableClock;
import org.rpzx.core.testing.TestRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The hostile line corpus ({@code hostile/lines}): every file is submitted as a {@code domains.txt}
 * to the real {@link SubmissionService} on a real store. Each line must have exactly the outcome
 * {@code expected.tsv} gives, and the store must change only as that outcome says: a file whose
 * lines are all rejected or skipped leaves entries, zone, serial and journal as they were (only its
 * report is recorded); an accepted line adds exactly its normalised name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLinesTest {

  @TempDir static Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private Database db;
  private PublishedZone zone;
  private ZoneMaintainer maintainer;
  private ValidationRules rules;
  private SubmissionService service;
  private SenderIdentity sender;

  @BeforeAll
  void setUp() {
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle = LifecycleSettings.defaults();
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("noc@uni-a.example", "Uni A");
    rules = TestRules.rules(db, clock, "google.com", "wikipedia.org");
    service =
        new SubmissionService(
            db,
            new SenderAuthorizer(db, clock, false),
            rules,
            maintainer,
            clock,
            Duration.ofDays(30),
            Duration.ofSeconds(5));
    sender =
        ((SenderCheck.Authorized) service.checkSender("noc@uni-a.example", AuthMethod.FROM_HEADER))
            .identity();
  }

  @AfterAll
  void tearDown() {
    maintainer.close();
    db.close();
  }

  List<CorpusItem> items() throws IOException {
    return CorpusItem.load("/hostile/lines/");
  }

  @Test
  void corpusHasAtLeast80ItemsCoveringEverySyntacticReason() throws IOException {
    List<CorpusItem> items = items();
    assertThat(items).hasSizeGreaterThanOrEqualTo(80);
    for (RejectReason r :
        List.of(
            RejectReason.SYNTAX,
            RejectReason.URL,
            RejectReason.IP_ADDRESS,
            RejectReason.WILDCARD,
            RejectReason.TOO_LONG,
            RejectReason.PUBLIC_SUFFIX,
            RejectReason.TOP_SITES,
            RejectReason.IDNA)) {
      assertThat(items).anySatisfy(i -> assertThat(i.expected()).contains(r.code()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("items")
  void eachLineHasItsExpectedOutcomeAndOnlyThatChangesTheStore(CorpusItem item) {
    String text = new String(item.bytes(), StandardCharsets.UTF_8); // malformed bytes -> U+FFFD
    List<String> expected = Arrays.asList(item.expected().split(" "));

    EntryValidator validator = rules.get();
    List<String> actual = new ArrayList<>();
    for (NumberedLine line : TextLines.of(text)) {
      actual.add(describe(validator.validate(line.text())));
    }
    assertThat(actual).as(item.comment()).isEqualTo(expected);

    StoreState before = StoreState.of(db, zone);
    SubmissionOutcome outcome =
        service.submit(
            new SubmissionRequest(
                sender,
                "smtp",
                "<" + item.file() + "@hostile.example>",
                List.of(new DomainsFile("domains.txt", text))));
    assertThat(outcome).isInstanceOf(SubmissionOutcome.Applied.class);
    SubmissionReport report = ((SubmissionOutcome.Applied) outcome).report();
    StoreState after = StoreState.of(db, zone);

    Set<String> accepted = new LinkedHashSet<>();
    int rejected = 0;
    for (String e : expected) {
      if (e.startsWith("=")) {
        accepted.add(e.substring(1));
      } else if (!e.equals("skip")) {
        rejected++;
      }
    }
    assertThat(report.accepted()).isEqualTo(accepted.size());
    assertThat(report.rejected()).isEqualTo(rejected);
    assertThat(report.rejectedLines())
        .extracting(l -> l.reason().code())
        .containsExactlyElementsOf(
            expected.stream()
                .filter(e -> !e.startsWith("="))
                .filter(e -> !e.equals("skip"))
                .toList());
    assertThat(after.submissions()).as("the report is kept").isEqualTo(before.submissions() + 1);
    assertThat(after.rejections()).isEqualTo(before.rejections() + rejected);

    Set<String> zoneAfter = new TreeSet<>(before.inZone());
    zoneAfter.addAll(accepted);
    assertThat(after.inZone()).as("zone = before + accepted names").isEqualTo(zoneAfter);
    if (zoneAfter.equals(before.inZone())) {
      assertThat(after.serial()).as("serial").isEqualTo(before.serial());
      assertThat(after.journalRows()).as("journal").isEqualTo(before.journalRows());
      assertThat(after.publishedSerial()).isEqualTo(before.publishedSerial());
    } else {
      assertThat(after.serial()).isNotEqualTo(before.serial());
      assertThat(after.journalRows()).isEqualTo(before.journalRows() + 1);
    }
    if (accepted.isEmpty()) {
      assertThat(after.entries()).isEqualTo(before.entries());
      assertThat(after.entrySources()).isEqualTo(before.entrySources());
    }
  }

  private static String describe(LineOutcome o) {
    if (o instanceof LineOutcome.Accepted a) {
      return "=" + a.name();
    }
    if (o instanceof LineOutcome.Rejected r) {
      return r.reason().code();
    }
    return "skip";
  }

  static byte[] read(String resource) throws IOException {
    try (InputStream in = HostileLinesTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      return in.readAllBytes();
    }
  }
}
