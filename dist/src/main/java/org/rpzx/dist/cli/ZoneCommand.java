package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code rpzx zone status}. */
@Command(
    name = "zone",
    description = "The served zone.",
    mixinStandardHelpOptions = true,
    subcommands = {ZoneCommand.Status.class},
    footer = {"%nExamples:", "  rpzx zone status", "  rpzx zone status --json"})
public final class ZoneCommand {

  @Command(
      name = "status",
      description =
          "Serial, size and journal of the zone; each consumer's last contact and serial.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx zone status", "  rpzx zone status --json"})
  static final class Status extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/zone");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf("origin:   %s%n", r.get("origin").asText());
      out.printf("serial:   %s%n", r.get("serial").asText());
      out.printf("names:    %s (%s records)%n", r.get("names").asText(), r.get("records").asText());
      JsonNode oldest = r.get("journal_oldest_serial");
      out.printf(
          "journal:  %s change sets, from serial %s%n",
          r.get("journal_change_sets").asText(),
          oldest == null || oldest.isNull() ? "-" : oldest.asText());
      JsonNode consumers = r.get("consumers");
      if (consumers != null && !consumers.isEmpty()) {
        out.println();
        Table.print(out, consumers, "name", "institution", "last_contact", "serial", "state");
      }
      out.flush();
    }
  }
}
