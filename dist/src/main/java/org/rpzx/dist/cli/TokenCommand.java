package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpzx.dist.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx token create|list|revoke}. */
@Command(
    name = "token",
    description = "Manage API tokens (deSEC-style: scopes, max age, max unused period, subnets).",
    mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class},
    footer = {
      "%nExamples:",
      "  rpzx token create --institution \"Example University\" --scope submit \\",
      "      --scope read",
      "  rpzx token list",
      "  rpzx token revoke 3q2-7wEAAAAA"
    })
public final class TokenCommand {

  @Command(
      name = "create",
      description = "Create a token; prints its secret once.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx token create --institution \"Example University\" --scope submit \\",
        "      --scope read --max-unused 30d --allow 192.0.2.0/24",
        "  rpzx token create --scope admin --name backup-operator --max-age 90d"
      })
  static final class Create extends ApiCommand {
    @Option(
        names = "--institution",
        paramLabel = "NAME",
        description = "the owning institution (default: an operator token)")
    String institution;

    @Option(
        names = "--scope",
        required = true,
        paramLabel = "SCOPE",
        description = "read, submit, report, or admin (operator tokens only); repeatable")
    java.util.List<String> scopes = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "a label for the token")
    String name;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "e.g. 30d; default none")
    String maxAge;

    @Option(
        names = "--max-unused",
        paramLabel = "DURATION",
        description = "expires after this long unused, e.g. 7d; default none")
    String maxUnused;

    @Option(
        names = "--allow",
        paramLabel = "CIDR",
        description = "a subnet it may be used from (repeatable; default any)")
    java.util.List<String> allow = new ArrayList<>();

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("institution", institution);
      body.put("scopes", scopes);
      body.put("name", name);
      body.put("max_age", seconds("--max-age", maxAge));
      body.put("max_unused_period", seconds("--max-unused", maxUnused));
      body.put("allowed_subnets", allow);
      return api.post("/api/v1/tokens", body);
    }

    private static Long seconds(String option, String text) {
      if (text == null) {
        return null;
      }
      try {
        Duration d = Durations.parse(text);
        if (d.toSeconds() < 1) {
          throw new CliException(ExitCodes.INVALID, option + " must be at least 1s");
        }
        return d.toSeconds();
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.INVALID, option + ": " + e.getMessage());
      }
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println(
          "token " + r.get("info").get("id").asText() + " created; its secret (shown once):");
      out.println(r.get("token").asText());
      out.flush();
    }
  }

  @Command(
      name = "list",
      description = "List live tokens (never secrets).",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx token list", "  rpzx token list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/tokens");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(
          out,
          r,
          "id",
          "owner",
          "institution",
          "scopes",
          "name",
          "last_used",
          "max_age",
          "max_unused_period",
          "allowed_subnets");
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a token.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx token revoke 3q2-7wEAAAAA"})
  static final class Revoke extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the token's id (see token list)")
    String id;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete(
          "/api/v1/tokens/"
              + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("token " + id + " revoked");
      out.flush();
    }
  }
}
