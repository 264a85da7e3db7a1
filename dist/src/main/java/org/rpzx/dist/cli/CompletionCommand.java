package org.rpzx.dist.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rpzx completion [bash|zsh]}: prints a completion script for every rpzx command and option.
 * The zsh script is picocli's bash script behind zsh's {@code bashcompinit}, which makes zsh run
 * bash completion functions.
 */
@Command(
    name = "completion",
    description = "Print a shell completion script for rpzx (bash, or zsh via bashcompinit).",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  source <(rpzx completion bash)        # bash: this shell",
      "  rpzx completion bash > /etc/bash_completion.d/rpzx",
      "  source <(rpzx completion zsh)         # zsh: in ~/.zshrc"
    })
public final class CompletionCommand implements Callable<Integer> {

  /** The shells there is a script for. */
  public enum Shell {
    bash,
    zsh
  }

  /** Makes zsh run the bash completion function below (bashcompinit), then defines it. */
  static final String ZSH_PREAMBLE =
      String.join(
          "\n",
          "# rpzx completion for zsh: picocli's bash completion, run by zsh's bashcompinit.",
          "# Use: source <(rpzx completion zsh), e.g. in ~/.zshrc",
          "if ! type compdef > /dev/null 2>&1; then",
          "  autoload -U +X compinit && compinit",
          "fi",
          "autoload -U +X bashcompinit && bashcompinit",
          "");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      defaultValue = "bash",
      paramLabel = "SHELL",
      description = "bash (default) or zsh")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("rpzx", spec.root().commandLine());
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      out.print(ZSH_PREAMBLE);
    }
    out.print(script);
    out.flush();
    return ExitCodes.OK;
  }
}
