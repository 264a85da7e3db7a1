package org.rpzx.dist.cli;

import org.rpzx.dist.serve.ServeCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      AllowlistCommand.class,
      SuppressionCommand.class,
      TopSitesCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footer = {
      "%nRun the service:   rpzx serve",
      "Control it:        rpzx institution add NAME; rpzx sender add EMAIL --institution NAME",
      "Resolvers:         rpzx consumer add NAME --institution NAME --tsig-key KEY",
      "Exit codes: 0 ok, 1 error, 2 usage, 3 API unreachable, 4 unauthorized, 5 not found,"
          + " 6 conflict, 7 invalid input"
    })
public final class RpzxCommand {

  /** A command line with rpzx's conventions (exit codes, case-sensitive options). */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new RpzxCommand());
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("rpzx: " + e.getMessage());
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
