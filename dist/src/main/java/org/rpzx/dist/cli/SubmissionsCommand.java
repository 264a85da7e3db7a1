package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.rpzx.dist.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx submissions list|show|held|release|discard|raw}. */
@Command(
    name = "submissions",
    description =
        "Submissions and their per-line reports; review of submissions the plausibility guard"
            + " held.",
    mixinStandardHelpOptions = true,
    subcommands = {
      SubmissionsCommand.List.class,
      SubmissionsCommand.Show.class,
      HeldSubmissionsCommand.Held.class,
      HeldSubmissionsCommand.Release.class,
      HeldSubmissionsCommand.Discard.class,
      SubmissionsCommand.Raw.class
    },
    footer = {
      "%nExamples:",
      "  rpzx submissions list --institution \"Example University\"",
      "  rpzx submissions show 4711",
      "  rpzx submissions held; rpzx submissions release 4712",
      "  rpzx submissions raw 4711 > submission-4711.eml"
    })
public final class SubmissionsCommand {

  @Command(
      name = "list",
      description = "Newest submissions first.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx submissions list --limit 20",
        "  rpzx submissions list --institution \"Example University\" --json",
        "  rpzx submissions list --held"
      })
  static final class List extends ApiCommand {
    @Option(names = "--institution", paramLabel = "NAME", description = "only this institution's")
    String institution;

    @Option(
        names = "--held",
        description = "only those held for operator review (see `rpzx submissions held`)")
    boolean held;

    @Option(
        names = "--limit",
        defaultValue = "100",
        paramLabel = "N",
        description = "at most N (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    protected JsonNode call(ApiClient api) {
      String q = "/api/v1/submissions?limit=" + limit;
      if (institution != null) {
        q += "&institution=" + URLEncoder.encode(institution, StandardCharsets.UTF_8);
      }
      if (held) {
        q += "&status=held";
      }
      return api.get(q);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(
          out,
          r,
          "id",
          "received",
          "institution",
          "sender",
          "authenticated",
          "accepted",
          "rejected",
          "status");
    }
  }

  @Command(
      name = "show",
      description = "One submission with its per-line report.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx submissions show 4711",
        "  rpzx submissions show 4711 --json"
      })
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the submission id (from the SMTP reply or list)")
    long id;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/submissions/" + id);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode s = r.get("submission");
      out.printf(
          "submission %s from %s (%s), authenticated by %s, %s%n",
          s.get("id").asText(),
          s.get("sender").asText(),
          s.get("institution").asText(),
          s.get("authenticated").asText(),
          s.get("received").asText());
      out.printf(
          "accepted %s, rejected %s, skipped %s%n",
          s.get("accepted").asText(), s.get("rejected").asText(), s.get("skipped").asText());
      JsonNode status = s.get("status");
      if (status != null && !"applied".equals(status.asText())) {
        JsonNode why = s.get("hold_reason");
        out.printf(
            "status: %s%s%n",
            status.asText(), why == null || why.isNull() ? "" : " (" + why.asText() + ")");
      }
      out.println();
      Table.print(out, r.get("rejected_lines"), "file", "line", "reason", "text");
    }
  }

  @Command(
      name = "raw",
      description =
          "The mail of a submission exactly as it arrived (message/rfc822), when the service keeps"
              + " raw messages (privacy.keep-raw-messages). Operator token only; every access is"
              + " audited.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx submissions raw 4711 > submission-4711.eml",
        "  rpzx submissions raw 4711 --output submission-4711.eml",
        "  rpzx submissions raw 4711 --json   # size and the message in base64"
      })
  static final class Raw extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the submission id (from the SMTP reply or list)")
    long id;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "write the message to FILE instead of standard output")
    Path output;

    @Override
    protected JsonNode call(ApiClient api) {
      byte[] message = api.getBytes("/api/v1/submissions/" + id + "/raw", "message/rfc822");
      if (client.json()) {
        return Json.MAPPER
            .createObjectNode()
            .put("submission", id)
            .put("size", message.length)
            .put("message_base64", Base64.getEncoder().encodeToString(message));
      }
      write(message);
      return null;
    }

    /** The bytes unchanged: a character writer would mangle a message that is not UTF-8. */
    private void write(byte[] message) {
      try {
        if (output != null) {
          Files.write(output, message);
        } else {
          System.out.write(message);
          System.out.flush();
        }
      } catch (IOException e) {
        throw new CliException(ExitCodes.ERROR, "cannot write the message: " + e.getMessage());
      }
    }

    @Override
    protected void render(JsonNode result, PrintWriter out) {
      // written by call: the message is bytes, not text
    }
  }
}
