package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpzx entries list}. */
@Command(
    name = "entries",
    description = "Inspect the entries of the zone.",
    mixinStandardHelpOptions = true,
    subcommands = {EntriesCommand.List.class})
public final class EntriesCommand {

  @Command(
      name = "list",
      description = "List active entries (or all with --all), optionally under a name.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx entries list%n  rpzx entries list --name example.org --json"})
  static final class List extends ApiCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "the name and names below it")
    String name;

    @Option(names = "--all", description = "include expired entries")
    boolean all;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many")
    int limit;

    @Override
    protected JsonNode call(ApiClient api) {
      StringBuilder q = new StringBuilder("/api/v1/entries?limit=").append(limit);
      if (name != null) {
        q.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
      }
      if (all) {
        q.append("&state=all");
      }
      return api.get(q.toString());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "name", "active", "first_submitted", "last_submitted", "expires");
    }
  }
}
