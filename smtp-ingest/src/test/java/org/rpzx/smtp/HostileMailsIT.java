package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.ZoneStore;
import org.rpzx.core.submission.SenderAuthorizer;
import org.rpzx.core.submission.SubmissionService;
import org.rpzx.core.submission.ValidationRules;
import org.rpzx.core.zone.PublishedZone;
import org.rpzx.core.zone.ZoneSettings;

/**
 * The hostile mail corpus ({@code hostile/mails}, written by {@code
 * scripts/hostile-corpus/mails.py}) sent over SMTP to the real listener on 127.0.0.1, backed by the
 * real core (SQLite store, {@link SubmissionService}, zone maintainer) and the corpus' S/MIME trust
 * anchor. Each message must get the reply {@code expected.tsv} names (code, enhanced status and a
 * text fragment), and the store must not change, except that items marked {@code report} add
 * exactly one submission report whose lines were all rejected: never an entry, a zone change or a
 * new serial.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMailsIT {

  static final String COMMUNITY = "rpz@community.example";
  static final String DIR = "/hostile/mails/";

  @TempDir static Path dir;
  private Database db;
  private PublishedZone zone;
  private ZoneMaintainer maintainer;
  private SmtpIngestServer server;

  record MailItem(
      String file, String sender, String reply, String fragment, String state, String comment) {
    @Override
    public String toString() {
      return file;
    }
  }

  record State(
      long entries,
      long submissions,
      long rejections,
      long journal,
      long serial,
      long published,
      Set<String> inZone) {}

  @BeforeAll
  void start() throws IOException {
    Clock clock = Clock.systemUTC();
    db = Database.open(dir.resolve("rpzx.db"));
    LifecycleSettings lifecycle = LifecycleSettings.defaults();
    zone = ZoneLoader.load(db, ZoneSettings.defaults(), lifecycle, clock);
    maintainer = new ZoneMaintainer(db, zone, clock, lifecycle);
    Directory directory = new Directory(db, clock);
    directory.addInstitution("Uni A");
    directory.addSender("noc@uni-a.example", "Uni A");
    directory.addInstitution("Uni S");
    directory.addSender("noc@uni-s.example", "Uni S");
    directory.addInstitution("Uni X");
    directory.addSender("noc@uni-x.example", "Uni X");
    directory.suspend("Uni X", Instant.now().plus(Duration.ofDays(30)), "hostile test");
    db.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate(
                "UPDATE institutions SET require_smime = 1 WHERE name = 'Uni S'");
          }
        });
    ValidationRules rules =
        new ValidationRules(
            db,
            ValidationPolicy.defaults(),
            () -> {
              try {
                return TrancoList.load(new StringReader("1,google.com\n"), 10);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            clock);
    SubmissionService service =
        new SubmissionService(
            db,
            new SenderAuthorizer(db, clock, false),
            rules,
            maintainer,
            clock,
            Duration.ofDays(30),
            Duration.ofSeconds(5));
    Path anchor = dir.resolve("trust-anchor.pem");
    Files.write(anchor, read(DIR + "pki/trust-anchor.pem"));
    SmtpSettings settings =
        SmtpSettings.of(
                InetAddress.getLoopbackAddress(), 0, "mx.community.example", List.of(COMMUNITY))
            .withMaxMessageBytes(400 * 1024)
            .withMessagesPerMinutePerSource(100_000)
            .withSmimeTrustAnchors(anchor);
    server = new SmtpIngestServer(settings, service);
    server.start();
  }

  @AfterAll
  void stop() {
    server.close();
    maintainer.close();
    db.close();
  }

  List<MailItem> items() throws IOException {
    String tsv = new String(read(DIR + "expected.tsv"), StandardCharsets.UTF_8);
    List<MailItem> items = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 6) {
        throw new IOException("expected.tsv: need 6 tab-separated columns: " + line);
      }
      items.add(new MailItem(c[0], c[1], c[2], c[3], c[4], c[5]));
    }
    return items;
  }

  @Test
  void corpusHasAtLeast60Items() throws IOException {
    assertThat(items()).hasSizeGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("items")
  void eachMailGetsItsReplyAndChangesNothingElse(MailItem item) throws IOException {
    byte[] message = read(DIR + item.file());
    State before = state();
    String reply = send(item.sender(), message);
    State after = state();
    String what = item.file() + ": " + item.comment();

    assertThat(reply).as(what).startsWith(item.reply() + " ");
    assertThat(reply).as(what).containsIgnoringCase(item.fragment());
    assertThat(after.entries()).as(what + " entries").isEqualTo(before.entries());
    assertThat(after.inZone()).as(what + " zone").isEqualTo(before.inZone());
    assertThat(after.serial()).as(what + " serial").isEqualTo(before.serial());
    assertThat(after.published()).as(what + " published serial").isEqualTo(before.published());
    assertThat(after.journal()).as(what + " journal").isEqualTo(before.journal());
    if (item.state().equals("report")) {
      assertThat(after.submissions()).as(what + " report kept").isEqualTo(before.submissions() + 1);
      assertThat(after.rejections()).isGreaterThanOrEqualTo(before.rejections());
    } else {
      assertThat(item.state()).isEqualTo("none");
      assertThat(after.submissions()).as(what + " submissions").isEqualTo(before.submissions());
      assertThat(after.rejections()).isEqualTo(before.rejections());
    }
  }

  /** One SMTP transaction; the reply to DATA (also when it comes while the body is written). */
  private String send(String sender, byte[] message) throws IOException {
    try (RawSmtpClient c = new RawSmtpClient(server.port())) {
      c.reply();
      c.command("EHLO client.example");
      assertThat(c.command("MAIL FROM:<" + sender + ">")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + COMMUNITY + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      try {
        byte[] body = RawSmtpClient.dotStuff(message);
        c.output().write(body);
        if (body.length > 0 && body[body.length - 2] != '\r') {
          // bare LF line ends: the end of data is still CRLF.CRLF, or the server waits for it
          c.output().write('\r');
          c.output().write('\n');
        }
        c.output().write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        c.output().flush();
      } catch (IOException e) {
        // the server answered early (too large) and closed: its reply is already on the wire
      }
      return c.reply();
    }
  }

  private State state() {
    return db.read(
        c ->
            new State(
                count(c, "entries"),
                count(c, "submissions"),
                count(c, "submission_rejections"),
                count(c, "journal"),
                ZoneStore.serial(c).orElse(-1L),
                zone.current().serial(),
                new TreeSet<>(EntryStore.inZone(c))));
  }

  private static long count(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = HostileMailsIT.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      return in.readAllBytes();
    }
  }
}
