package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.Packages.Run;

/**
 * The .deb's maintainer scripts run for real, with their absolute paths moved into a temporary root
 * and adduser, getent, chown, systemctl and the deb-systemd helpers replaced by stubs that log
 * their calls: install, upgrade, remove and purge, with and without systemd running.
 */
class DebMaintainerScriptsIT {

  @TempDir Path root;
  private Path state;
  private Path systemdRun;
  private Path calls;
  private final Map<String, Path> scripts = new LinkedHashMap<>();
  private Map<String, String> env;

  @BeforeEach
  void extractScriptsAndStubs() throws Exception {
    Path control = root.resolve("control");
    assertThat(
            Packages.run(
                    root,
                    List.of("dpkg-deb", "-e", Packages.deb().toString(), control.toString()),
                    Map.of())
                .exit())
        .isZero();
    state = root.resolve("var/lib/rpzx");
    systemdRun = root.resolve("run/systemd/system");
    calls = root.resolve("calls.log");
    Path stubs = Files.createDirectories(root.resolve("stubs"));
    String logCall = "echo \"$(basename \"$0\") $*\" >> '" + calls + "'\n";
    for (String name :
        List.of(
            "adduser",
            "addgroup",
            "chown",
            "systemctl",
            "deb-systemd-helper",
            "deb-systemd-invoke")) {
      // adduser leaves a marker that the getent stub reports as "the user exists"
      Packages.shellScript(
          stubs.resolve(name),
          logCall + (name.equals("adduser") ? "touch '" + root + "/user'\n" : ""));
    }
    Packages.shellScript(stubs.resolve("getent"), "[ -f '" + root + "/user' ]\n");
    for (String name : List.of("postinst", "prerm", "postrm")) {
      String text =
          Files.readString(control.resolve(name))
              .replace("/var/lib/rpzx", state.toString())
              .replace("/run/systemd/system", systemdRun.toString())
              .replace("/etc/rpzx", root.resolve("etc/rpzx").toString());
      Path copy = root.resolve(name);
      Files.writeString(copy, text);
      scripts.put(name, copy);
    }
    env = Map.of("PATH", stubs + ":" + System.getenv("PATH"));
  }

  private Run script(String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", scripts.get(name).toString()));
    cmd.addAll(List.of(args));
    return Packages.run(root, cmd, env);
  }

  private List<String> takeCalls() throws Exception {
    if (!Files.exists(calls)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(calls);
    Files.delete(calls);
    return lines;
  }

  @Test
  void installUpgradeRemoveAndPurgeUnderSystemd() throws Exception {
    Files.createDirectories(systemdRun);

    // fresh install: user created, state directory owned and private, daemon-reload, not started
    assertThat(script("postinst", "configure").exit()).isZero();
    assertThat(takeCalls())
        .contains(
            "adduser --system --group --home "
                + state
                + " --no-create-home --gecos rpzx blocklist exchange --quiet rpzx",
            "chown rpzx:rpzx " + state,
            "systemctl --system daemon-reload")
        .noneMatch(c -> c.contains("restart") || c.contains("enable") || c.contains("start"));
    assertThat(Files.getPosixFilePermissions(state))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));

    // upgrade: the user exists (no second adduser), a running service is restarted, data kept
    Files.writeString(state.resolve("rpzx.db"), "data");
    assertThat(script("postinst", "configure", "0.0.9").exit()).isZero();
    assertThat(takeCalls())
        .noneMatch(c -> c.startsWith("adduser"))
        .contains("chown rpzx:rpzx " + state, "deb-systemd-invoke try-restart rpzx.service");
    assertThat(state.resolve("rpzx.db")).exists();

    // prerm stops the service on remove only
    assertThat(script("prerm", "upgrade").exit()).isZero();
    assertThat(takeCalls()).isEmpty();
    assertThat(script("prerm", "remove").exit()).isZero();
    assertThat(takeCalls()).containsExactly("deb-systemd-invoke stop rpzx.service");

    // remove keeps the data; purge deletes it
    assertThat(script("postrm", "remove").exit()).isZero();
    assertThat(state.resolve("rpzx.db")).exists();
    assertThat(script("postrm", "purge").exit()).isZero();
    assertThat(state).doesNotExist();
    assertThat(takeCalls()).contains("deb-systemd-helper purge rpzx.service");
  }

  @Test
  void withoutSystemdNothingTalksToSystemctl() throws Exception {
    // a container or chroot: no /run/systemd/system
    assertThat(script("postinst", "configure").exit()).isZero();
    assertThat(script("postinst", "configure", "0.0.9").exit()).isZero();
    assertThat(script("prerm", "remove").exit()).isZero();
    assertThat(script("postrm", "remove").exit()).isZero();
    List<String> made = takeCalls();
    assertThat(made).filteredOn(c -> c.startsWith("adduser")).hasSize(1);
    assertThat(made)
        .noneMatch(c -> c.startsWith("systemctl") || c.startsWith("deb-systemd-invoke"));
    assertThat(state).isDirectory();
  }

  @Test
  void anUnknownActionFails() throws Exception {
    Run r = script("postinst", "bogus");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("unknown argument 'bogus'");
    assertThat(script("postrm", "bogus").exit()).isEqualTo(1);
  }
}
