package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx sender add|list}. */
@Command(
    name = "sender",
    description = "Manage the authorized senders of institutions.",
    mixinStandardHelpOptions = true,
    subcommands = {SenderCommand.Add.class, SenderCommand.List.class},
    footer = {
      "%nExamples:",
      "  rpzx sender add cert@uni.example --institution \"Example University\"",
      "  rpzx sender list --json"
    })
public final class SenderCommand {

  @Command(
      name = "add",
      description = "Authorize an e-mail address to submit for an institution.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx sender add cert@uni.example --institution \"Example University\"",
        "  rpzx sender add abuse@uni.example --institution \"Example University\" --json"
      })
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "EMAIL", description = "the sender's address")
    String email;

    @Option(
        names = "--institution",
        required = true,
        paramLabel = "NAME",
        description = "the institution it submits for")
    String institution;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/senders", Map.of("email", email, "institution", institution));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(
          "sender " + r.get("email").asText() + " added to " + r.get("institution").asText());
      out.flush();
    }
  }

  @Command(
      name = "list",
      description = "List authorized senders.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx sender list", "  rpzx sender list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/senders");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "email", "institution", "created");
    }
  }
}
