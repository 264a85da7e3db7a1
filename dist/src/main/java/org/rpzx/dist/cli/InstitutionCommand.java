package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rpzx institution add|list}. */
@Command(
    name = "institution",
    description = "Manage participating institutions.",
    mixinStandardHelpOptions = true,
    subcommands = {InstitutionCommand.Add.class, InstitutionCommand.List.class})
public final class InstitutionCommand {

  @Command(
      name = "add",
      description = "Register an institution.",
      mixinStandardHelpOptions = true,
      footer = {"%nExample:%n  rpzx institution add \"Example University\""})
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the institution's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/institutions", Map.of("name", name));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("institution " + r.get("name").asText() + " added");
      out.flush();
    }
  }

  @Command(name = "list", description = "List institutions.", mixinStandardHelpOptions = true)
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/institutions");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "name", "status", "suspended_until", "created");
    }
  }
}
