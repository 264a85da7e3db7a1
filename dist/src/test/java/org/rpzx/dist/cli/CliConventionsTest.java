package org.rpzx.dist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The conventions every rpzx (sub)command follows, checked over the whole picocli tree so a new
 * command cannot forget them: a description, {@code --help}, an "Examples:" footer, a description
 * on every option and parameter, and {@code --json} on every leaf that prints data.
 */
class CliConventionsTest {

  /** Leaves that print no API data: the long-running service and the completion script. */
  private static final Set<String> NO_JSON = Set.of("rpzx serve", "rpzx completion");

  private static List<CommandLine> tree(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    out.add(root);
    for (CommandLine sub : root.getSubcommands().values()) {
      if (!out.contains(sub) && sub.getCommandSpec().parent() == root.getCommandSpec()) {
        for (CommandLine c : tree(sub)) {
          if (!out.contains(c)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  private static String name(CommandSpec spec) {
    return spec.qualifiedName();
  }

  @Test
  void everyCommandIsDescribedHasHelpAndExamples() {
    List<CommandLine> all = tree(RpzxCommand.commandLine());
    assertThat(all.size()).as("the tree is walked").isGreaterThan(25);
    SoftAssertions soft = new SoftAssertions();
    for (CommandLine c : all) {
      CommandSpec spec = c.getCommandSpec();
      String name = name(spec);
      soft.assertThat(String.join(" ", spec.usageMessage().description()))
          .as(name + " has a description")
          .isNotBlank();
      soft.assertThat(spec.optionsMap()).as(name + " has --help").containsKey("--help");
      soft.assertThat(String.join("\n", spec.usageMessage().footer()))
          .as(name + " has an Examples footer")
          .contains("Examples:")
          .contains("rpzx ");
      for (ArgSpec arg : spec.args()) {
        if (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
          continue;
        }
        soft.assertThat(String.join(" ", arg.description()))
            .as(name + " " + (arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel()))
            .isNotBlank();
      }
    }
    soft.assertAll();
  }

  @Test
  void everyDataPrintingLeafTakesJson() {
    List<String> leaves = new ArrayList<>();
    for (CommandLine c : tree(RpzxCommand.commandLine())) {
      CommandSpec spec = c.getCommandSpec();
      if (!spec.subcommands().isEmpty()) {
        continue;
      }
      leaves.add(name(spec));
      if (NO_JSON.contains(name(spec))) {
        assertThat(spec.optionsMap()).doesNotContainKey("--json");
        continue;
      }
      assertThat(spec.optionsMap()).as(name(spec) + " has --json").containsKey("--json");
      assertThat(spec.userObject()).as(name(spec)).isInstanceOf(ApiCommand.class);
    }
    assertThat(leaves)
        .contains(
            "rpzx institution suspend",
            "rpzx institution resume",
            "rpzx institution show",
            "rpzx tsig-key list",
            "rpzx tsig-key rotate",
            "rpzx entries show",
            "rpzx completion")
        .containsAll(NO_JSON);
  }

  @Test
  void theRootHelpDocumentsEveryExitCode() throws Exception {
    CommandSpec root = RpzxCommand.commandLine().getCommandSpec();
    assertThat(root.usageMessage().footer()).contains(ExitCodes.HELP);
    int codes = 0;
    for (Field f : ExitCodes.class.getFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
        String word = f.getName().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        assertThat(ExitCodes.HELP)
            .as("exit code " + f.getName())
            .containsPattern("\\b" + f.getInt(null) + " (API )?" + word);
        codes++;
      }
    }
    assertThat(codes).isEqualTo(8);
    StringWriter help = new StringWriter();
    RpzxCommand.commandLine().usage(new PrintWriter(help));
    assertThat(help.toString()).contains("completion").contains("tsig-key").contains("Examples:");
  }

  @Test
  void versionNamesRpzxAndJava() {
    StringWriter out = new StringWriter();
    CommandLine cmd = RpzxCommand.commandLine();
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("rpzx ").contains("Java ");
  }

  @Test
  void aCommandGroupWithoutSubcommandIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cmd = RpzxCommand.commandLine();
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute("institution")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Missing required subcommand");
  }

  /**
   * {@code rpzx serve} gets a command line without the other subcommands (start-up time, ADR 0011):
   * the same help, the same usage error and exit code as through the whole tree.
   */
  @Test
  void theServeOnlyCommandLineBehavesAsTheWholeTree() {
    for (String[] args : new String[][] {{"serve", "--help"}, {"serve", "--no-such-option"}}) {
      StringWriter fullOut = new StringWriter();
      StringWriter fullErr = new StringWriter();
      CommandLine full = RpzxCommand.commandLine();
      full.setOut(new PrintWriter(fullOut));
      full.setErr(new PrintWriter(fullErr));
      StringWriter fastOut = new StringWriter();
      StringWriter fastErr = new StringWriter();
      CommandLine fast = RpzxCommand.commandLine(args);
      fast.setOut(new PrintWriter(fastOut));
      fast.setErr(new PrintWriter(fastErr));

      assertThat(fast.execute(args)).as(String.join(" ", args)).isEqualTo(full.execute(args));
      assertThat(fastOut.toString()).isEqualTo(fullOut.toString());
      assertThat(fastErr.toString()).isEqualTo(fullErr.toString());
    }
    assertThat(RpzxCommand.commandLine(new String[] {"serve"}).getSubcommands().keySet())
        .containsExactly("serve");
    assertThat(RpzxCommand.commandLine(new String[] {"--help", "serve"}).getSubcommands())
        .as("anything else gets the whole tree")
        .containsKey("institution");
  }
}
