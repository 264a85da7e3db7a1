package org.rpzx.core.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.testing.MutableClock;

class NameListsTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private Database db;
  private Path topFile;
  private Path allowFile;
  private NameLists lists;

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("rpzx.db"));
    topFile = dir.resolve("top.csv");
    Files.writeString(topFile, "1,google.com\n2,top-example.org\n");
    allowFile = dir.resolve("allow.txt");
    Files.writeString(
        allowFile, "# participants\nown-uni.example   # ours\n\n*.Partner.EXAMPLE.\n");
    lists = open(new TopSitesSource(topFile, 100));
  }

  private NameLists open(TopSitesSource top) {
    return NameLists.open(db, ValidationPolicy.defaults(), top, allowFile, clock);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private LineOutcome validate(String line) {
    return lists.rules().get().validate(line);
  }

  private RejectReason reason(String line) {
    LineOutcome o = validate(line);
    return o instanceof LineOutcome.Rejected r ? r.reason() : null;
  }

  @Test
  void anAllowlistedNameIsRejectedUntilItIsRemoved() {
    assertThat(validate("mail.evil-allowed.example")).isInstanceOf(LineOutcome.Accepted.class);

    Mutation<AllowlistEntry> added = lists.allow(" EVIL-Allowed.example. ", "ours", "token:t1");

    assertThat(added).isInstanceOf(Mutation.Done.class);
    AllowlistEntry e = ((Mutation.Done<AllowlistEntry>) added).value();
    assertThat(e.name()).isEqualTo("evil-allowed.example");
    assertThat(e.source()).isEqualTo(AllowlistEntry.Source.STORE);
    assertThat(e.comment()).isEqualTo("ours");
    assertThat(e.addedBy()).isEqualTo("token:t1");
    assertThat(e.addedAt()).isEqualTo(clock.instant());
    assertThat(reason("mail.evil-allowed.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(lists.allow("evil-allowed.example", null, "x"))
        .isInstanceOf(Mutation.Conflict.class);

    assertThat(lists.disallow("evil-allowed.example"))
        .isEqualTo(new Mutation.Done<>("evil-allowed.example"));
    assertThat(validate("mail.evil-allowed.example")).isInstanceOf(LineOutcome.Accepted.class);
    assertThat(lists.disallow("evil-allowed.example")).isInstanceOf(Mutation.NotFound.class);
  }

  @Test
  void badNamesAndTextAreRefusedAndChangeNothing() {
    assertThat(lists.allow("http://x.example/", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.allow("co.uk", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.allow("", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.allow("ok.example", "x".repeat(501), "op"))
        .isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.suppress("ok.example", " ", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.suppress("192.0.2.1", "fp", null, "op")).isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.suppress("ok.example", "fp", clock.instant(), "op"))
        .as("an expiry that is not in the future")
        .isInstanceOf(Mutation.Invalid.class);
    assertThat(lists.allowlist())
        .extracting(AllowlistEntry::source)
        .containsOnly(AllowlistEntry.Source.FILE);
    assertThat(lists.suppressions(true)).isEmpty();
    assertThat(validate("ok.example")).isInstanceOf(LineOutcome.Accepted.class);
  }

  @Test
  void theFileAndTheStoreAreMergedAndFileNamesCannotBeRemovedThroughTheStore() {
    lists.allow("store-only.example", "via API", "op");
    assertThat(lists.allowlist())
        .extracting(AllowlistEntry::name, AllowlistEntry::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("own-uni.example", AllowlistEntry.Source.FILE),
            org.assertj.core.groups.Tuple.tuple("partner.example", AllowlistEntry.Source.FILE),
            org.assertj.core.groups.Tuple.tuple("store-only.example", AllowlistEntry.Source.STORE));
    assertThat(reason("www.own-uni.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(reason("partner.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(reason("store-only.example")).isEqualTo(RejectReason.ALLOWLIST);

    Mutation<String> r = lists.disallow("own-uni.example");
    assertThat(r).isInstanceOf(Mutation.NotFound.class);
    assertThat(((Mutation.NotFound<String>) r).message()).contains(allowFile.toString());
    assertThat(lists.allowlistFile().fileNames()).isEqualTo(2);
    assertThat(lists.allowlistFile().storeNames()).isEqualTo(1);
  }

  @Test
  void theAllowlistFileReloadsAndABadFileKeepsTheNamesInForce() throws Exception {
    AllowlistFileStatus before = lists.allowlistFile();
    Files.writeString(allowFile, "new-own.example\n");

    Reload<AllowlistFileStatus> ok = lists.reloadAllowlistFile();

    assertThat(ok).isInstanceOf(Reload.Reloaded.class);
    AllowlistFileStatus now = ((Reload.Reloaded<AllowlistFileStatus>) ok).status();
    assertThat(now.fileNames()).isEqualTo(1);
    assertThat(now.sha256()).isNotEqualTo(before.sha256()).hasSize(64);
    assertThat(reason("new-own.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(validate("own-uni.example")).isInstanceOf(LineOutcome.Accepted.class);

    Files.writeString(allowFile, "fine.example\nnot a name\n");
    Reload<AllowlistFileStatus> bad = lists.reloadAllowlistFile();

    assertThat(bad).isInstanceOf(Reload.Failed.class);
    assertThat(((Reload.Failed<AllowlistFileStatus>) bad).message()).contains("line 2");
    assertThat(((Reload.Failed<AllowlistFileStatus>) bad).kept()).isEqualTo(now);
    assertThat(lists.allowlistFile()).isEqualTo(now);
    assertThat(reason("new-own.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(validate("fine.example")).isInstanceOf(LineOutcome.Accepted.class);

    Files.delete(allowFile);
    assertThat(lists.reloadAllowlistFile()).isInstanceOf(Reload.Failed.class);
    assertThat(reason("new-own.example")).isEqualTo(RejectReason.ALLOWLIST);
  }

  @Test
  void aMissingOrBadAllowlistFileStopsTheStart() throws Exception {
    Files.writeString(allowFile, "com\n");
    assertThatThrownBy(() -> open(new TopSitesSource(topFile, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("public suffix");
    Files.delete(allowFile);
    assertThatThrownBy(() -> open(new TopSitesSource(topFile, 100)))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aSuppressionRejectsExactlyItsNameUntilItExpires() {
    Instant until = clock.instant().plus(Duration.ofDays(10));
    Mutation<Suppression> m = lists.suppress("Bad.Example", "false positive", until, "token:t1");

    assertThat(m).isInstanceOf(Mutation.Done.class);
    Suppression s = ((Mutation.Done<Suppression>) m).value();
    assertThat(s)
        .isEqualTo(
            new Suppression("bad.example", "false positive", until, "token:t1", clock.instant()));
    assertThat(reason("bad.example")).isEqualTo(RejectReason.SUPPRESSED);
    assertThat(validate("sub.bad.example")).isInstanceOf(LineOutcome.Accepted.class);
    assertThat(lists.suppress("bad.example", "again", null, "op"))
        .isInstanceOf(Mutation.Conflict.class);

    clock.advance(Duration.ofDays(10));
    assertThat(validate("bad.example")).isInstanceOf(LineOutcome.Accepted.class);
    assertThat(lists.suppressions(false)).isEmpty();
    assertThat(lists.suppressions(true)).containsExactly(s);

    Mutation<Suppression> forever = lists.suppress("bad.example", "for good", null, "op");
    assertThat(forever).as("an expired suppression is replaced").isInstanceOf(Mutation.Done.class);
    clock.advance(Duration.ofDays(3650));
    assertThat(reason("bad.example")).isEqualTo(RejectReason.SUPPRESSED);
    assertThat(lists.suppressions(false))
        .extracting(Suppression::until)
        .containsExactly((Instant) null);

    assertThat(lists.unsuppress("bad.example")).isEqualTo(new Mutation.Done<>("bad.example"));
    assertThat(validate("bad.example")).isInstanceOf(LineOutcome.Accepted.class);
    assertThat(lists.unsuppress("bad.example")).isInstanceOf(Mutation.NotFound.class);
  }

  @Test
  void topSitesReloadFromAChangedFileAndABadFileKeepsTheOldList() throws Exception {
    TopSitesStatus first = lists.topSites();
    assertThat(first.source()).isEqualTo("file");
    assertThat(first.names()).isEqualTo(2);
    assertThat(reason("mail.google.com")).isEqualTo(RejectReason.TOP_SITES);
    clock.advance(Duration.ofMinutes(1));

    Files.writeString(topFile, "1,new-top.example\n2,other-top.example\n");
    Reload<TopSitesStatus> ok = lists.reloadTopSites();

    assertThat(ok).isInstanceOf(Reload.Reloaded.class);
    TopSitesStatus now = lists.topSites();
    assertThat(now.names()).isEqualTo(2);
    assertThat(now.loadedAt()).isEqualTo(clock.instant());
    assertThat(now.sha256()).isNotEqualTo(first.sha256());
    assertThat(reason("www.new-top.example")).isEqualTo(RejectReason.TOP_SITES);
    assertThat(validate("mail.google.com")).isInstanceOf(LineOutcome.Accepted.class);

    for (String garbage :
        new String[] {
          "", "rank,domain\n", "<html>\n<body>Not found</body>\n</html>\n", "1,\n2,\n"
        }) {
      Files.writeString(topFile, garbage);
      Reload<TopSitesStatus> bad = lists.reloadTopSites();
      assertThat(bad).as(garbage).isInstanceOf(Reload.Failed.class);
      assertThat(((Reload.Failed<TopSitesStatus>) bad).kept()).isEqualTo(now);
      assertThat(lists.topSites()).isEqualTo(now);
      assertThat(reason("www.new-top.example")).isEqualTo(RejectReason.TOP_SITES);
    }
  }

  @Test
  void aTopSitesFileThatDoesNotExistYetMeansTheBundledListUntilItIsThere() throws Exception {
    Path later = dir.resolve("later.csv");
    lists = open(new TopSitesSource(later, 10_000));
    TopSitesStatus s = lists.topSites();
    assertThat(s.source()).isEqualTo("bundled");
    assertThat(s.file()).isNull();
    assertThat(s.configuredFile()).isEqualTo(later.toString());
    assertThat(s.names()).isGreaterThan(9_000);
    assertThat(reason("mail.google.com")).isEqualTo(RejectReason.TOP_SITES);
    assertThat(lists.reloadTopSites()).isInstanceOf(Reload.Failed.class);

    Files.writeString(later, "1,late-top.example\n");
    assertThat(lists.reloadTopSites()).isInstanceOf(Reload.Reloaded.class);
    assertThat(lists.topSites().file()).isEqualTo(later.toString());
    assertThat(reason("late-top.example")).isEqualTo(RejectReason.TOP_SITES);
    assertThat(validate("mail.google.com")).isInstanceOf(LineOutcome.Accepted.class);
  }

  @Test
  void anExistingBadTopSitesFileStopsTheStart() throws Exception {
    Files.writeString(topFile, "not,a,list\nat,all\n");
    assertThatThrownBy(() -> open(new TopSitesSource(topFile, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Tranco CSV");
  }

  @Test
  void zonePresenceCountsWhatTheNewEntryMatches() {
    db.inTransaction(
        c -> {
          try (var st = c.createStatement()) {
            for (String n :
                new String[] {"example.org", "a.example.org", "b.a.example.org", "xexample.org"}) {
              st.executeUpdate(
                  "INSERT INTO entries (name, first_submitted, last_submitted, expires_at, in_zone)"
                      + " VALUES ('"
                      + n
                      + "', 0, 0, 9999999999999, 1)");
            }
          }
          return null;
        });
    assertThat(lists.zonePresence("a.example.org", false)).isEqualTo(new ZonePresence(true, 2));
    assertThat(lists.zonePresence("a.example.org", true))
        .as("the allowlist also matches the ancestor down to the registrable domain")
        .isEqualTo(new ZonePresence(true, 3));
    assertThat(lists.zonePresence("c.example.org", true)).isEqualTo(new ZonePresence(false, 1));
    assertThat(lists.zonePresence("other.example", true)).isEqualTo(new ZonePresence(false, 0));
  }
}
