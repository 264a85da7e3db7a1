package org.rpzx.dist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rpzx.dist.api.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A control subcommand: one API call, then a table or {@code --json}. */
public abstract class ApiCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  /** Calls the API and returns its answer. */
  protected abstract JsonNode call(ApiClient api);

  /** Prints the answer for humans. */
  protected abstract void render(JsonNode result, PrintWriter out);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      JsonNode result = call(client.client());
      if (client.json()) {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        out.flush();
      } else {
        render(result, out);
      }
      return ExitCodes.OK;
    } catch (CliException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("rpzx: " + e.getMessage());
      err.flush();
      return e.exitCode();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
