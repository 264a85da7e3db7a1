package org.rpzx.dist;

import org.rpzx.dist.cli.RpzxCommand;
import picocli.CommandLine;

/** Entry point of the {@code rpzx} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = RpzxCommand.commandLine(args).execute(args);
    if (code != 0 || !RpzxCommand.isServe(args)) {
      System.exit(code);
    }
  }

  /** For tests: runs the command line in-process and returns its exit code. */
  public static int run(CommandLine cmd, String... args) {
    return cmd.execute(args);
  }
}
