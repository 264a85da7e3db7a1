package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rpzx submissions held|release|discard}: the operator's review of submissions the
 * plausibility guard held (SPEC §8).
 */
final class HeldSubmissionsCommand {

  private HeldSubmissionsCommand() {}

  @Command(
      name = "held",
      description =
          "Submissions held for review by the plausibility guard (governance.plausibility):"
              + " stored, answered 250 \"held for operator review\", their names not in the zone.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx submissions held", "  rpzx submissions held --json"})
  static final class Held extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/submissions?status=held&limit=10000");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "id", "received", "institution", "accepted", "rejected", "hold_reason");
    }
  }

  @Command(
      name = "release",
      description =
          "Apply a held submission: its accepted names (checked again against the rules in force"
              + " now) enter the zone in one change set, with a full lifetime from now.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx submissions release 4712"})
  static final class Release extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the held submission's id")
    long id;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/submissions/" + id + "/release", Map.of());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode serial = r.get("serial");
      out.printf(
          "submission %d released: %d names applied%s%s%n",
          id,
          r.get("applied").asInt(),
          r.get("dropped").asInt() == 0
              ? ""
              : ", " + r.get("dropped").asInt() + " left out (rejected by the rules now)",
          serial == null || serial.isNull() ? "" : " (zone serial " + serial.asText() + ")");
      out.flush();
    }
  }

  @Command(
      name = "discard",
      description =
          "Drop a held submission for good: its names never enter the zone; the record and its"
              + " per-line report stay.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx submissions discard 4712"})
  static final class Discard extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "the held submission's id")
    long id;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/submissions/" + id + "/discard", Map.of());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf("submission %d discarded%n", id);
      out.flush();
    }
  }
}
