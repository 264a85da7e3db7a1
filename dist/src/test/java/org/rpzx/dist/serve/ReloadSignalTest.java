package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.lists.NameLists;
import org.rpzx.core.lists.TopSitesSource;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.RejectReason;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;

/** What the SIGHUP handler does, called directly (a test cannot safely signal its own JVM). */
class ReloadSignalTest {

  @TempDir Path dir;
  private Database db;
  private Path top;
  private Path allow;
  private NameLists lists;

  @BeforeEach
  void setUp() throws Exception {
    db = Database.open(dir.resolve("rpzx.db"));
    top = dir.resolve("top.csv");
    allow = dir.resolve("allow.txt");
    Files.writeString(top, "1,first-top.example\n");
    Files.writeString(allow, "first-own.example\n");
    lists =
        NameLists.open(
            db,
            ValidationPolicy.defaults(),
            new TopSitesSource(top, 100),
            allow,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private RejectReason reason(String name) {
    LineOutcome o = lists.rules().get().validate(name);
    return o instanceof LineOutcome.Rejected r ? r.reason() : null;
  }

  @Test
  void reloadsBothFilesAndSaysSo() throws Exception {
    Files.writeString(top, "1,second-top.example\n2,third-top.example\n");
    Files.writeString(allow, "second-own.example\n");

    List<ReloadSignal.Outcome> lines = ReloadSignal.reload(lists);

    assertThat(lines).extracting(ReloadSignal.Outcome::reloaded).containsExactly(true, true);
    assertThat(lines.get(0).line())
        .startsWith("SIGHUP: top-sites reloaded from " + top + ": 2 names, sha256 ")
        .endsWith(lists.topSites().sha256());
    assertThat(lines.get(1).line())
        .isEqualTo("SIGHUP: allowlist reloaded: " + allow + " 1 names, store 0 names");
    assertThat(reason("second-top.example")).isEqualTo(RejectReason.TOP_SITES);
    assertThat(reason("second-own.example")).isEqualTo(RejectReason.ALLOWLIST);
    assertThat(reason("first-top.example")).isNull();
  }

  @Test
  void aBadFileKeepsItsListAndTheOtherStillReloads() throws Exception {
    Files.writeString(top, "");
    Files.writeString(allow, "second-own.example\n");

    List<ReloadSignal.Outcome> lines = ReloadSignal.reload(lists);

    assertThat(lines).extracting(ReloadSignal.Outcome::reloaded).containsExactly(false, true);
    assertThat(lines.get(0).line())
        .isEqualTo(
            "SIGHUP: top-sites not reloaded, 1 names kept: "
                + top
                + ": no rank,domain rows"
                + " (empty, or a header only)");
    assertThat(reason("first-top.example")).isEqualTo(RejectReason.TOP_SITES);
    assertThat(reason("second-own.example")).isEqualTo(RejectReason.ALLOWLIST);

    Files.writeString(allow, "not a name\n");
    assertThat(ReloadSignal.reload(lists).get(1).line())
        .startsWith(
            "SIGHUP: allowlist file not reloaded, previous names kept: " + allow + " line 1");
    assertThat(reason("second-own.example")).isEqualTo(RejectReason.ALLOWLIST);
  }
}
