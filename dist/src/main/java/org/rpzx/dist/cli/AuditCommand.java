package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rpzx.dist.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpzx audit}: the audit log of API actions (operator token only). */
@Command(
    name = "audit",
    description =
        "The audit log of API actions, newest first: every change (POST, DELETE), every refused"
            + " token (401, 403) and every read of a raw message or of who submitted an entry;"
            + " with the token id and owner (never a secret), route, target, status and client"
            + " address. Operator token only.",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  rpzx audit",
      "  rpzx audit --since 7d --limit 50",
      "  rpzx audit --since 2026-01-01T00:00:00Z --json"
    })
public final class AuditCommand extends ApiCommand {

  @Option(
      names = "--since",
      defaultValue = "24h",
      paramLabel = "AGE|TIME",
      description =
          "records from this long ago (30m, 24h, 7d) or this time (ISO-8601) on"
              + " (default ${DEFAULT-VALUE})")
  String since;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      paramLabel = "N",
      description = "at most N records (default ${DEFAULT-VALUE}, at most 100000)")
  int limit;

  @Override
  protected JsonNode call(ApiClient api) {
    return api.get("/api/v1/audit?since=" + ApiPaths.query(since) + "&limit=" + limit);
  }

  @Override
  protected void render(JsonNode result, PrintWriter out) {
    ArrayNode rows = Json.MAPPER.createArrayNode();
    for (JsonNode r : result) {
      ObjectNode row = ((ObjectNode) r).deepCopy();
      row.put("who", who(r));
      row.put("target", target(r.get("target")));
      rows.add(row);
    }
    Table.print(out, rows, "at", "token", "who", "method", "route", "target", "status", "client");
  }

  private static String who(JsonNode r) {
    JsonNode institution = r.get("institution");
    return institution != null && !institution.isNull()
        ? institution.asText()
        : r.get("owner").asText();
  }

  private static String target(JsonNode t) {
    if (t == null || t.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    t.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(" ", parts);
  }
}
