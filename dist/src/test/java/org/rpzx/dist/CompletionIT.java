package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpzx completion} and {@code rpzx --version} from the packaged jar, checked by bash itself:
 * the script parses ({@code bash -n}), sourcing it registers a completion for {@code rpzx}, and its
 * function completes subcommands.
 */
class CompletionIT {

  @TempDir Path dir;

  private record Run(int exit, String out) {}

  private static Run run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** {@code java -jar target/rpzx.jar}, as a shell word list. */
  private static String rpzx() {
    Path jar = Path.of("target", "rpzx.jar").toAbsolutePath();
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return "'" + java + "' -jar '" + jar + "'";
  }

  @Test
  void bashAcceptsTheScriptAndCompletesSubcommands() throws Exception {
    Path script = dir.resolve("rpzx.bash");
    Run generated = run(List.of("bash", "-c", rpzx() + " completion bash > '" + script + "'"));
    assertThat(generated.exit()).as(generated.out()).isZero();
    assertThat(Files.readString(script)).contains("_complete_rpzx");
    Run syntax = run(List.of("bash", "-n", script.toString()));
    assertThat(syntax.exit()).as(syntax.out()).isZero();

    Run registered =
        run(List.of("bash", "-c", "source <(" + rpzx() + " completion bash); complete -p rpzx"));
    assertThat(registered.exit()).as(registered.out()).isZero();
    assertThat(registered.out().strip()).isEqualTo("complete -o default -F _complete_rpzx rpzx");

    // what bash offers for "rpzx tsig" + TAB, and for "rpzx institution s" + TAB
    String complete =
        "source '%s'; COMP_WORDS=(%s); COMP_CWORD=%d; COMP_LINE='%s'; COMP_POINT=${#COMP_LINE};"
            + " _complete_rpzx; printf '%%s\\n' \"${COMPREPLY[@]}\"";
    Run tsig = run(List.of("bash", "-c", complete.formatted(script, "rpzx tsig", 1, "rpzx tsig")));
    assertThat(tsig.out().lines()).containsExactly("tsig-key");
    Run institution =
        run(
            List.of(
                "bash",
                "-c",
                complete.formatted(script, "rpzx institution s", 2, "rpzx institution s")));
    assertThat(institution.out().lines()).containsExactlyInAnyOrder("show", "stats", "suspend");
  }

  @Test
  void theZshScriptLoadsBashcompinitFirst() throws Exception {
    Run zsh = run(List.of("bash", "-c", rpzx() + " completion zsh"));
    assertThat(zsh.exit()).isZero();
    String out = zsh.out();
    assertThat(out.indexOf("bashcompinit"))
        .isGreaterThanOrEqualTo(0)
        .isLessThan(out.indexOf("_complete_rpzx"));
    Run usage = run(List.of("bash", "-c", rpzx() + " completion fish"));
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.out()).contains("fish");
  }

  @Test
  void versionComesFromTheManifest() throws Exception {
    Run v = run(List.of("bash", "-c", rpzx() + " --version"));
    assertThat(v.exit()).isZero();
    assertThat(v.out()).matches("(?s)rpzx \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava .*");
  }
}
