package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx sender add|remove|list}. */
@Command(
    name = "sender",
    description = "Manage the authorized senders of institutions.",
    mixinStandardHelpOptions = true,
    subcommands = {SenderCommand.Add.class, SenderCommand.Remove.class, SenderCommand.List.class},
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
      name = "remove",
      description = {
        "Withdraw an address's authorization: its next mail is refused (550 5.7.1).",
        "Submissions it made and the names they brought stay."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx sender remove cert@uni.example",
        "  rpzx sender remove cert@uni.example --json"
      })
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "EMAIL", description = "the sender's address")
    String email;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete("/api/v1/senders/" + ApiPaths.segment(email));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(
          "sender " + r.get("email").asText() + " removed from " + r.get("institution").asText());
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
