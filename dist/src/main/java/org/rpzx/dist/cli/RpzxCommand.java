package org.rpzx.dist.cli;

import org.rpzx.dist.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: {@code rpzx <subcommand>}. */
@Command(
    name = "rpzx",
    description = "Community blocklist exchange: SMTP in, Response Policy Zone out.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {
      ServeCommand.class,
      InstitutionCommand.class,
      SenderCommand.class,
      ConsumerCommand.class,
      EntriesCommand.class,
      SubmissionsCommand.class,
      ZoneCommand.class,
      TokenCommand.class,
      TsigKeyCommand.class,
      AllowlistCommand.class,
      SuppressionCommand.class,
      ReportCommand.class,
      TopSitesCommand.class,
      AuditCommand.class,
      CompletionCommand.class
    },
    footer = {
      "%nExamples:",
      "  rpzx serve                                        run the service",
      "  rpzx institution add NAME; rpzx sender add EMAIL --institution NAME",
      "  rpzx consumer add NAME --institution NAME --tsig-key KEY",
      "  rpzx entries list --suffix example.org --json",
      "%nEvery control command takes --api URL, --token-file FILE and --json.",
      ExitCodes.HELP
    })
public final class RpzxCommand {

  /** A command line with rpzx's conventions (exit codes, case-sensitive options). */
  public static CommandLine commandLine() {
    return withConventions(new CommandLine(new RpzxCommand()));
  }

  /**
   * The command line for {@code args}: for {@code rpzx serve …} a root with only {@code serve}
   * under it. picocli builds the model of every subcommand by reflection when the root is made,
   * about a quarter of a second at start-up that the service does not need before its first answer
   * (measured with {@code -Xlog:class+load}). Every other command line gets the full tree.
   */
  public static CommandLine commandLine(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      return commandLine();
    }
    CommandSpec root = CommandSpec.wrapWithoutInspection(new RpzxCommand());
    root.name("rpzx");
    root.mixinStandardHelpOptions(true);
    root.addSubcommand("serve", new CommandLine(new ServeCommand()));
    return withConventions(new CommandLine(root));
  }

  private static CommandLine withConventions(CommandLine cmd) {
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // one line, never a stack trace
          String message = e.getMessage();
          commandLine
              .getErr()
              .println("rpzx: " + (message == null ? e.getClass().getSimpleName() : message));
          return e instanceof CliException c ? c.exitCode() : ExitCodes.ERROR;
        });
    return cmd;
  }

  /** Whether {@code args} run the long-lived service (the JVM must not exit after it returns). */
  public static boolean isServe(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a.equals("serve");
      }
    }
    return false;
  }
}
