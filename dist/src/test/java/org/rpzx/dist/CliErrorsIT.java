package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.dist.cli.RpzxCommand;
import picocli.CommandLine;

/** What the CLI prints when the API is not there or the token cannot be read: one line, a code. */
class CliErrorsIT {

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cmd = RpzxCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void anUnreachableApiIsOneClearLineAndExitCode3() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Path token = Files.writeString(dir.resolve("token"), "rpzx_x\n");
    String api = "http://127.0.0.1:" + port;
    for (String[] command :
        new String[][] {
          {"institution", "list"}, {"zone", "status", "--json"}, {"tsig-key", "rotate", "k"}
        }) {
      String[] args = new String[command.length + 4];
      System.arraycopy(command, 0, args, 0, command.length);
      System.arraycopy(
          new String[] {"--api", api, "--token-file", token.toString()},
          0,
          args,
          command.length,
          4);
      Result r = run(args);
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              "rpzx: cannot reach the rpzx API at "
                  + api
                  + ": connection refused (is `rpzx serve` running?)\n");
    }
  }

  @Test
  void aMissingTokenFileIsExitCode4() {
    Result r =
        run(
            "institution",
            "list",
            "--api",
            "http://127.0.0.1:1",
            "--token-file",
            dir.resolve("none").toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).startsWith("rpzx: cannot read token file ").hasLineCount(1);
  }
}
