package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.submission.DomainsFile;

/** The receiver with swaks, a client nobody here wrote, sending the way an operator would. */
class SwaksIT {

  private static final Path SWAKS = Path.of("/usr/bin/swaks");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(?m)^<-  250 2\\.0\\.0 submission (\\d+): (\\d+) accepted, (\\d+) rejected$");

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private SmtpIngestServer server;
  @TempDir Path dir;

  private record Run(int exit, String output) {}

  @BeforeEach
  void start() throws IOException {
    assertThat(SWAKS).as("swaks must be installed (apt-get install swaks)").isExecutable();
    server =
        SmtpIngestServerIT.start(
            SmtpSettings.of(
                InetAddress.getLoopbackAddress(),
                0,
                "mx.community.example",
                List.of(SmtpIngestServerIT.COMMUNITY)),
            port);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Run swaks(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(SWAKS.toString());
    cmd.addAll(
        List.of(
            "--server", "127.0.0.1", "--port", Integer.toString(server.port()), "--timeout", "30"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void attachmentNamedDomainsTxtIsSubmitted() throws Exception {
    Path file = dir.resolve("blocklist-export.txt");
    Files.writeString(file, "bad.example\nworse.example\n# not a name\nthird.example\n");
    Run run =
        swaks(
            "--from", "noc@member.example",
            "--to", SmtpIngestServerIT.COMMUNITY,
            "--attach-type", "text/plain",
            "--attach-name", "domains.txt",
            "--attach", "@" + file);
    assertThat(run.exit()).as(run.output()).isZero();
    Matcher m = SUMMARY.matcher(run.output());
    assertThat(m.find()).as(run.output()).isTrue();
    assertThat(m.group(1)).isEqualTo("4701");
    assertThat(m.group(2)).isEqualTo("3");
    assertThat(m.group(3)).isEqualTo("1");
    assertThat(port.checkedSenders).containsExactly("noc@member.example");
    assertThat(port.requests.get(0).files())
        .containsExactly(
            new DomainsFile(
                "domains.txt", "bad.example\nworse.example\n# not a name\nthird.example\n"));
  }

  @Test
  void ehloAdvertisesSize() throws Exception {
    Run run =
        swaks(
            "--from", "noc@member.example",
            "--to", SmtpIngestServerIT.COMMUNITY,
            "--quit-after", "EHLO");
    assertThat(run.output()).contains("<-  250-SIZE 26214400");
  }

  @Test
  void unknownRecipientIsRefused() throws Exception {
    Run run = swaks("--from", "noc@member.example", "--to", "nobody@community.example");
    assertThat(run.exit()).isNotZero();
    assertThat(run.output())
        .contains("<** 550 5.1.1 <nobody@community.example>: no such recipient here");
    assertThat(port.requests).isEmpty();
  }

  @Test
  void mailWithoutTheAttachmentIsRefusedWithAClearReason() throws Exception {
    Run run = swaks("--from", "noc@member.example", "--to", SmtpIngestServerIT.COMMUNITY);
    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("<** 550 5.6.0 no attachment named domains.txt");
  }
}
