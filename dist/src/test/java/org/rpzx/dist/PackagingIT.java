package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.Packages.Run;
import org.rpzx.dist.config.ConfigLoader;
import org.rpzx.dist.config.RpzxConfig;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The packages {@code mvn package} leaves in {@code target/}: {@code rpzx-VERSION.tar.gz} unpacked
 * and run (its launcher serves a zone that dnsjava queries), and {@code rpzx_VERSION_all.deb} read
 * with {@code dpkg-deb} (control fields, conffiles, maintainer scripts, paths) and extracted, its
 * launcher run through a symlink as {@code /usr/bin/rpzx} is.
 */
class PackagingIT {

  private static final Path TARGET = Packages.TARGET;
  private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
  private static final Pattern SERVING =
      Pattern.compile("rpzx serving zone (\\S+) .*DNS (\\d+) udp/tcp");

  @TempDir static Path work;
  private static String version;
  private static Path tarHome;
  private static Path debRoot;
  private static Path debControl;

  private Process server;

  @BeforeAll
  static void unpack() throws Exception {
    version = Packages.version();
    Path tarDir = Files.createDirectories(work.resolve("tar"));
    assertThat(run(List.of("tar", "-xzf", Packages.tarball().toString(), "-C", tarDir.toString())))
        .extracting(Run::exit)
        .isEqualTo(0);
    try (Stream<Path> top = Files.list(tarDir)) {
      assertThat(top.map(p -> p.getFileName().toString()))
          .as("one top directory")
          .containsExactly("rpzx-" + version);
    }
    tarHome = tarDir.resolve("rpzx-" + version).toRealPath();

    debRoot = Files.createDirectories(work.resolve("deb-root"));
    debControl = work.resolve("deb-control");
    assertThat(run(List.of("dpkg-deb", "-x", deb().toString(), debRoot.toString())).exit())
        .isZero();
    assertThat(run(List.of("dpkg-deb", "-e", deb().toString(), debControl.toString())).exit())
        .isZero();
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Path deb() throws IOException {
    return Packages.deb();
  }

  private static Run run(List<String> command) throws Exception {
    return Packages.run(work, command, Map.of());
  }

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    return Packages.run(work, command, env);
  }

  // ---- the tarball ----

  @Test
  void theTarballHoldsLauncherLibrariesConfigAndUnit() throws Exception {
    assertThat(tarHome.resolve("bin/rpzx")).isRegularFile().isExecutable();
    assertThat(tarHome.resolve("lib/rpzx.jar")).isRegularFile();
    assertThat(tarHome.resolve("systemd/rpzx.service")).isRegularFile();
    assertThat(tarHome.resolve("README.md")).isRegularFile();

    Set<String> expectedJars = Packages.jarNames(TARGET.resolve("lib"));
    expectedJars.add("rpzx.jar");
    assertThat(Packages.jarNames(tarHome.resolve("lib"))).isEqualTo(expectedJars);
    assertThat(expectedJars).anyMatch(n -> n.startsWith("dnsjava-"));

    RpzxConfig conf = ConfigLoader.load(tarHome.resolve("conf/rpzx.yaml"));
    assertThat(conf).isEqualTo(RpzxConfig.defaults());
    assertThat(Files.readString(tarHome.resolve("conf/rpzx.yaml")))
        .contains("production: 0.0.0.0:25", "production: /var/lib/rpzx");
  }

  @Test
  void theLauncherPrintsTheVersionOfItsJar() throws Exception {
    Run r = run(List.of(tarHome.resolve("bin/rpzx").toString(), "--version"), Packages.realJava());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("rpzx " + version);
  }

  @Test
  void theLauncherHonoursJavaHomeJavaOptsAndPassesArgumentsIntact() throws Exception {
    // a "java" that prints its arguments one per line shows exactly what the launcher executes
    Path fakeJdk = Files.createDirectories(work.resolve("fake-jdk/bin")).getParent();
    Path fakeJava = fakeJdk.resolve("bin/java");
    Packages.shellScript(fakeJava, "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    // called through a relative symlink elsewhere: lib/ must still be the package's
    Path links = Files.createDirectories(work.resolve("links-tar"));
    Path link = links.resolve("rpzx");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, links.relativize(tarHome.resolve("bin/rpzx")));

    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_HOME", fakeJdk.toString());
    env.put("JAVA_OPTS", "-Xmx64m  -Drpzx.test=1");
    Run r = run(List.of(link.toString(), "entries", "list", "--name", "a b.example", ""), env);
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out().split("\n", -1))
        .containsExactly(
            "-Xmx64m",
            "-Drpzx.test=1",
            "-cp",
            tarHome + "/lib/*",
            "org.rpzx.dist.Main",
            "entries",
            "list",
            "--name",
            "a b.example",
            "",
            "");

    // without readlink -f (old BSD/busybox userlands) the launcher follows the links itself
    Path noReadlink = Files.createDirectories(work.resolve("no-readlink"));
    Packages.shellScript(noReadlink.resolve("readlink"), "exit 1\n");
    Map<String, String> bare = new LinkedHashMap<>(env);
    bare.put("PATH", noReadlink + ":" + System.getenv("PATH"));
    Run fallback = run(List.of(link.toString(), "--version"), bare);
    assertThat(fallback.out().split("\n"))
        .containsExactly(
            "-Xmx64m",
            "-Drpzx.test=1",
            "-cp",
            tarHome + "/lib/*",
            "org.rpzx.dist.Main",
            "--version");

    env.put("JAVA_HOME", work.resolve("no-such-jdk").toString());
    Run broken = run(List.of(link.toString(), "--version"), env);
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("JAVA_HOME", "no-such-jdk");
  }

  @Test
  void theTarballServesItsZoneAndStopsOnSigterm() throws Exception {
    Path data = work.resolve("serve-data");
    Path log = work.resolve("serve.log");
    server = startServe(data, log, Map.of("CACHE_DIRECTORY", work.resolve("cds-serve").toString()));

    Matcher serving = awaitLog(log, SERVING, Duration.ofSeconds(60));
    assertThat(serving.group(1)).isEqualTo("packaged.rpz.");
    int dnsPort = Integer.parseInt(serving.group(2));
    assertThat(dnsPort).isPositive();
    // exec: the launcher's process is the JVM itself, so systemd's signals reach it
    assertThat(server.info().command().orElse("")).endsWith("java");

    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(dnsPort);
    resolver.setTimeout(Duration.ofSeconds(5));
    Name origin = Name.fromString("packaged.rpz.");
    Message answer = resolver.send(Message.newQuery(Record.newRecord(origin, Type.SOA, DClass.IN)));
    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
    List<Record> records = answer.getSection(Section.ANSWER);
    assertThat(records).hasSize(1).first().isInstanceOf(SOARecord.class);
    SOARecord soa = (SOARecord) records.get(0);
    assertThat(soa.getName()).isEqualTo(origin);
    assertThat(soa.getHost()).isEqualTo(Name.fromString("localhost."));
    assertThat(soa.getAdmin()).isEqualTo(Name.fromString("hostmaster.packaged.rpz."));
    assertThat(soa.getRefresh()).isEqualTo(300);
    assertThat(soa.getExpire()).isEqualTo(1_209_600);

    assertThat(data.resolve("rpzx.db")).exists();
    assertThat(data.resolve("operator.token")).exists();

    server.destroy(); // SIGTERM to the JVM
    assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(server.exitValue()).as("JVM exit on SIGTERM: 128+15").isEqualTo(143);
    assertThat(Files.readString(log)).doesNotContain("Exception");
  }

  @Test
  void theSystemdUnitIsHardened() throws Exception {
    Path unit = tarHome.resolve("systemd/rpzx.service");
    assertThat(unit).hasSameBinaryContentAs(debRoot.resolve("lib/systemd/system/rpzx.service"));
    Map<String, List<String>> d = directives(unit);
    assertThat(d.get("User")).containsExactly("rpzx");
    assertThat(d.get("Group")).containsExactly("rpzx");
    assertThat(d.get("ExecStart"))
        .containsExactly("/usr/bin/rpzx serve --config /etc/rpzx/rpzx.yaml");
    assertThat(d.get("ExecReload")).containsExactly("/bin/kill -HUP $MAINPID");
    assertThat(d.get("Restart")).containsExactly("on-failure");
    assertThat(d.get("ProtectSystem")).containsExactly("strict");
    assertThat(d.get("ReadWritePaths")).containsExactly("/var/lib/rpzx");
    assertThat(d.get("StateDirectory")).containsExactly("rpzx");
    assertThat(d.get("CacheDirectory")).containsExactly("rpzx");
    assertThat(d.get("NoNewPrivileges")).containsExactly("yes");
    assertThat(d.get("AmbientCapabilities")).containsExactly("CAP_NET_BIND_SERVICE");
    assertThat(d.get("CapabilityBoundingSet")).containsExactly("CAP_NET_BIND_SERVICE");
    assertThat(d.get("PrivateTmp")).containsExactly("yes");
    assertThat(d.get("ProtectHome")).containsExactly("yes");
    for (String k : List.of("ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs")) {
      assertThat(d.get(k)).as(k).containsExactly("yes");
    }
    assertThat(d.get("RestrictAddressFamilies")).containsExactly("AF_INET AF_INET6 AF_UNIX");
    assertThat(d.get("WantedBy")).containsExactly("multi-user.target");
    assertThat(d).doesNotContainKey("MemoryDenyWriteExecute");
  }

  /**
   * systemd itself reads the unit: {@code systemd-analyze verify} (unknown keys, bad values,
   * missing executables; ExecStart pointed at the extracted launcher) and the exposure score of
   * {@code systemd-analyze security} (0 = fully confined, 10 = unconfined).
   */
  @Test
  void systemdAcceptsTheUnitAndRatesItsExposureLow() throws Exception {
    assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed");
    Path dir = Files.createDirectories(work.resolve("unit-check"));
    Path unit = dir.resolve("rpzx.service");
    Files.writeString(
        unit,
        Files.readString(debRoot.resolve("lib/systemd/system/rpzx.service"))
            .replace("/usr/bin/rpzx", debRoot.resolve("usr/share/rpzx/bin/rpzx").toString()));
    Run verify = run(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", unit.toString()));
    assertThat(verify.exit()).as(verify.out()).isZero();
    assertThat(verify.out()).as("no warnings").isBlank();

    Run security =
        run(List.of(SYSTEMD_ANALYZE.toString(), "security", "--offline=true", unit.toString()));
    Matcher level =
        Pattern.compile("Overall exposure level for rpzx.service: (\\d+\\.\\d)")
            .matcher(security.out());
    assertThat(level.find()).as(security.out()).isTrue();
    assertThat(Double.parseDouble(level.group(1))).isLessThanOrEqualTo(4.0);
  }

  // ---- the .deb ----

  @Test
  void theDebControlFieldsAndMaintainerScripts() throws Exception {
    Run fields =
        run(
            List.of(
                "dpkg-deb",
                "--field",
                deb().toString(),
                "Package",
                "Version",
                "Architecture",
                "Depends"));
    assertThat(fields.exit()).isZero();
    assertThat(fields.out())
        .contains(
            "Package: rpzx\n",
            "Version: " + Packages.debVersion() + "\n",
            "Architecture: all\n",
            "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless");

    Run info = run(List.of("dpkg-deb", "--info", deb().toString()));
    assertThat(info.exit()).isZero();
    for (String script : List.of("postinst", "prerm", "postrm")) {
      // dpkg-deb marks executable control members with '*'
      assertThat(info.out()).containsPattern("\\*\\s+" + script + "\\s+#!/bin/sh");
      Path file = debControl.resolve(script);
      assertThat(file).isExecutable();
      String text = Files.readString(file);
      assertThat(text).startsWith("#!/bin/sh\n").contains("\nset -e\n");
      Run syntax = run(List.of("sh", "-n", file.toString()));
      assertThat(syntax.exit()).as(script + ": " + syntax.out()).isZero();
    }
    assertThat(Files.readString(debControl.resolve("conffiles")).strip())
        .isEqualTo("/etc/rpzx/rpzx.yaml");

    String postinst = Files.readString(debControl.resolve("postinst"));
    assertThat(postinst)
        .contains("getent passwd rpzx")
        .contains("adduser --system --group --home \"$STATE_DIR\" --no-create-home")
        .contains("chown rpzx:rpzx \"$STATE_DIR\"", "chmod 0750 \"$STATE_DIR\"")
        .containsPattern(
            "if \\[ -d /run/systemd/system \\]; then\\s+systemctl --system daemon-reload");
    assertThat(Files.readString(debControl.resolve("prerm")))
        .containsPattern("\\[ -d /run/systemd/system \\]")
        .contains("stop rpzx.service");
    String postrm = Files.readString(debControl.resolve("postrm"));
    int purge = postrm.indexOf("  purge)");
    assertThat(purge).isPositive();
    int purgeEnd = postrm.indexOf(";;", purge);
    assertThat(postrm.indexOf("rm -rf /var/lib/rpzx"))
        .as("user data goes only on purge")
        .isBetween(purge, purgeEnd);
    assertThat(postrm.lastIndexOf("rm -rf")).isEqualTo(postrm.indexOf("rm -rf"));
  }

  @Test
  void theDebInstallsTheExpectedPaths() throws Exception {
    Run contents = run(List.of("dpkg-deb", "--contents", deb().toString()));
    assertThat(contents.exit()).isZero();
    Map<String, String> entries = new LinkedHashMap<>(); // path -> "mode owner"
    for (String line : contents.out().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 6) {
        String path = f[5].startsWith("./") ? f[5].substring(1) : f[5];
        entries.put(
            path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path,
            f[0] + " " + f[1] + (f.length >= 8 ? " " + f[6] + " " + f[7] : ""));
      }
    }
    assertThat(entries.get("/usr/share/rpzx/bin/rpzx")).startsWith("-rwxr-xr-x root/root");
    assertThat(entries.get("/usr/bin/rpzx"))
        .startsWith("l")
        .endsWith("-> /usr/share/rpzx/bin/rpzx");
    assertThat(entries.get("/etc/rpzx/rpzx.yaml")).startsWith("-rw-r--r-- root/root");
    assertThat(entries.get("/lib/systemd/system/rpzx.service")).startsWith("-rw-r--r--");
    assertThat(entries.get("/var/lib/rpzx")).startsWith("drwxr-x---");
    assertThat(entries.get("/usr/share/rpzx/lib/rpzx.jar")).startsWith("-rw-r--r--");

    Set<String> libs =
        entries.keySet().stream()
            .filter(p -> p.startsWith("/usr/share/rpzx/lib/") && p.endsWith(".jar"))
            .map(p -> p.substring("/usr/share/rpzx/lib/".length()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(libs).isEqualTo(Packages.jarNames(tarHome.resolve("lib")));

    RpzxConfig conf = ConfigLoader.load(debRoot.resolve("etc/rpzx/rpzx.yaml"));
    assertThat(conf.dataDir()).isEqualTo("/var/lib/rpzx");
    assertThat(conf.smtp()).isEqualTo(RpzxConfig.defaults().smtp());
  }

  @Test
  void theExtractedDebLauncherRunsThroughASymlink() throws Exception {
    Path launcher = debRoot.resolve("usr/share/rpzx/bin/rpzx");
    assertThat(launcher).isExecutable().hasSameBinaryContentAs(tarHome.resolve("bin/rpzx"));
    assertThat(Files.readSymbolicLink(debRoot.resolve("usr/bin/rpzx")))
        .isEqualTo(Path.of("/usr/share/rpzx/bin/rpzx"));
    // as /usr/bin/rpzx -> /usr/share/rpzx/bin/rpzx, but rooted in the extraction
    Path bin = Files.createDirectories(work.resolve("deb-links/bin"));
    Path link = bin.resolve("rpzx");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, launcher);

    Run r = run(List.of(link.toString(), "--version"), Packages.realJava());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("rpzx " + version);
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(launcher);
    assertThat(perms).contains(PosixFilePermission.OTHERS_EXECUTE);
  }

  /**
   * The launcher's class-data-sharing archive for {@code serve}: the first run records one when it
   * stops, the next start checks and uses it; a truncated archive (a serve killed while writing it)
   * is dropped instead of crashing the JVM; {@code RPZX_CDS=off} turns it off.
   */
  @Test
  void theLauncherKeepsAClassDataSharingArchiveForServe() throws Exception {
    Path cache = work.resolve("cds");
    Map<String, String> env = Map.of("CACHE_DIRECTORY", cache.toString());
    Path data = work.resolve("cds-data");

    serveOnceAndStop(data, work.resolve("cds-1.log"), env);
    List<Path> recorded = archives(cache);
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).getFileName().toString()).matches("serve-\\d+\\.jsa\\.new");

    List<String> args = serveOnceAndStop(data, work.resolve("cds-2.log"), env);
    List<Path> used = archives(cache);
    assertThat(used).hasSize(1);
    Path archive = used.get(0);
    assertThat(archive.getFileName().toString()).matches("serve-\\d+\\.jsa");
    assertThat(args).contains("-XX:SharedArchiveFile=" + archive);

    // a serve killed while writing its archive leaves it truncated
    byte[] whole = Files.readAllBytes(archive);
    Files.delete(archive);
    Path truncated = Path.of(archive + ".new");
    Files.write(truncated, java.util.Arrays.copyOf(whole, 4096));
    args = serveOnceAndStop(data, work.resolve("cds-3.log"), env);
    assertThat(args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    assertThat(args).contains("-XX:ArchiveClassesAtExit=" + truncated);
    assertThat(work.resolve("cds-3.log")).content().doesNotContain("fatal error");
    assertThat(Files.size(truncated)).as("recorded afresh at exit").isGreaterThan(4096);

    Map<String, String> off = new java.util.HashMap<>(env);
    off.put("RPZX_CDS", "off");
    args = serveOnceAndStop(data, work.resolve("cds-4.log"), off);
    assertThat(args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    assertThat(args).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
  }

  /**
   * The launcher has the JVM apply thread priorities for {@code serve}: the transfer (TCP) threads
   * run at nice 10, the UDP query threads at the process's own; {@code RPZX_PRIORITIES=off} leaves
   * every thread at one priority. Read from /proc, as the scheduler sees them.
   */
  @Test
  void theLauncherRunsTransfersBelowQueriesInPriority() throws Exception {
    Path data = work.resolve("prio-data");
    Path log = work.resolve("prio-1.log");
    server = startServe(data, log, Map.of("RPZX_CDS", "off"));
    awaitLog(log, SERVING, Duration.ofSeconds(60));
    assertThat(List.of(server.info().arguments().orElse(new String[0])))
        .contains("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=10");
    Map<String, Integer> nice = threadNiceness(server.pid());
    assertThat(nice).containsEntry("rpzx-dns-tcp", 10).containsEntry("rpzx-dns-udp", 0);
    assertThat(log).content().contains("thread priorities: transfers, SMTP sessions");
    terminateServer();

    Path offLog = work.resolve("prio-2.log");
    server = startServe(data, offLog, Map.of("RPZX_CDS", "off", "RPZX_PRIORITIES", "off"));
    awaitLog(offLog, SERVING, Duration.ofSeconds(60));
    assertThat(List.of(server.info().arguments().orElse(new String[0])))
        .noneMatch(a -> a.startsWith("-XX:ThreadPriorityPolicy"));
    assertThat(threadNiceness(server.pid()))
        .containsEntry("rpzx-dns-tcp", 0)
        .containsEntry("rpzx-dns-udp", 0);
    assertThat(offLog).content().contains("thread priorities: off");
    terminateServer();
  }

  /** The highest nice value among the threads of each name prefix (Netty's "-N-M" cut off). */
  private static Map<String, Integer> threadNiceness(long pid) throws IOException {
    Map<String, Integer> out = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip().replaceAll("-[\\d-]*$", "");
          String stat = Files.readString(task.resolve("stat"));
          // fields after "(comm) ": state is 3rd, nice the 19th of the whole line
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.merge(name, Integer.parseInt(f[16]), Math::max);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return out;
  }

  private void terminateServer() throws InterruptedException {
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  /** Starts serve, waits for its SOA answer, stops it with SIGTERM; the JVM's arguments. */
  private List<String> serveOnceAndStop(Path data, Path log, Map<String, String> env)
      throws Exception {
    server = startServe(data, log, env);
    Matcher serving = awaitLog(log, SERVING, Duration.ofSeconds(60));
    List<String> args = List.of(server.info().arguments().orElse(new String[0]));
    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(Integer.parseInt(serving.group(2)));
    resolver.setTimeout(Duration.ofSeconds(5));
    Name origin = Name.fromString(serving.group(1));
    Message answer = resolver.send(Message.newQuery(Record.newRecord(origin, Type.SOA, DClass.IN)));
    assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(server.exitValue()).isEqualTo(143);
    return args;
  }

  private static List<Path> archives(Path cache) throws IOException {
    try (var files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().startsWith("serve-")).sorted().toList();
    }
  }

  private Process startServe(Path data, Path log, Map<String, String> env) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                tarHome.resolve("bin/rpzx").toString(),
                "serve",
                "--config",
                tarHome.resolve("conf/rpzx.yaml").toString(),
                "--data-dir",
                data.toString(),
                "--smtp-listen",
                "127.0.0.1:0",
                "--dns-listen",
                "127.0.0.1:0",
                "--api-listen",
                "127.0.0.1:0",
                "--zone",
                "packaged.rpz")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().putAll(Packages.realJava());
    pb.environment().putAll(env);
    return pb.start();
  }

  private Matcher awaitLog(Path log, Pattern pattern, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      text = Files.exists(log) ? Files.readString(log) : "";
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m;
      }
      if (!server.isAlive()) {
        throw new AssertionError("rpzx serve exited with " + server.exitValue() + ":\n" + text);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("rpzx serve did not log its ports in " + timeout + ":\n" + text);
  }

  /** {@code Key=value} lines of a unit file (comments and sections skipped), in order. */
  private static Map<String, List<String>> directives(Path unit) throws IOException {
    Map<String, List<String>> d = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("[")) {
        continue;
      }
      int eq = t.indexOf('=');
      d.computeIfAbsent(t.substring(0, eq), k -> new ArrayList<>()).add(t.substring(eq + 1));
    }
    return d;
  }
}
