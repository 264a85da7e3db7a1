package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rpzx.core.name.TrancoList;
import org.rpzx.dist.api.Json;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dist.lists.TopSitesFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpzx top-sites status|reload|fetch}. */
@Command(
    name = "top-sites",
    description = {
      "The Top-N list (Tranco): names on it, their registrable domains and their parents are"
          + " rejected 'top-sites'.",
      "It is read from top-sites.file (default <data-dir>/top-sites.csv; the bundled top 10 000"
          + " while that does not exist)."
    },
    footer = {"%nExamples:%n  rpzx top-sites status%n  rpzx top-sites fetch"},
    mixinStandardHelpOptions = true,
    subcommands = {
      TopSitesCommand.Status.class,
      TopSitesCommand.Reload.class,
      TopSitesCommand.Fetch.class
    })
public final class TopSitesCommand {

  static void printStatus(JsonNode s, PrintWriter out) {
    String source =
        s.get("file").isNull() ? "the bundled Tranco list" : "file " + s.get("file").asText();
    out.printf("source:    %s%n", source);
    JsonNode configured = s.get("configured_file");
    if (!configured.isNull() && !configured.asText().equals(s.get("file").asText(""))) {
      out.printf("           (%s does not exist yet: rpzx top-sites fetch)%n", configured.asText());
    }
    out.printf(
        "names:     %s of the top %s (%s rows, %s bad rows, %s invalid names)%n",
        s.get("names").asText(),
        s.get("n").asText(),
        s.get("rows").asText(),
        s.get("bad_rows").asText(),
        s.get("invalid_names").asText());
    out.printf("loaded:    %s%n", s.get("loaded_at").asText());
    if (!s.get("file").isNull()) {
      out.printf("modified:  %s%n", s.get("file_modified").asText());
      out.printf("sha256:    %s%n", s.get("sha256").asText());
    }
    out.flush();
  }

  @Command(
      name = "status",
      description = "Where the list in force comes from, its size and when it was loaded.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx top-sites status%n  rpzx top-sites status --json"})
  static final class Status extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/top-sites");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      printStatus(r, out);
    }
  }

  @Command(
      name = "reload",
      description = {
        "Re-read top-sites.file (also done by SIGHUP to rpzx serve).",
        "An unreadable, empty or non-Tranco file is an error (exit 7); the list in force stays."
      },
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:%n  rpzx top-sites reload%n  rpzx top-sites reload --json"})
  static final class Reload extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.post("/api/v1/top-sites/reload", Map.of());
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("reloaded");
      printStatus(r, out);
    }
  }

  @Command(
      name = "fetch",
      description = {
        "Have the service download the Tranco list (top-sites.url, or --url), check it, replace"
            + " top-sites.file atomically and reload it. The service's configuration and"
            + " network are used; a failure (HTTP error, timeout, more than 100 MiB, not a"
            + " Tranco list) changes nothing.",
        "With --output the command downloads the list itself into FILE and does not contact"
            + " the service (e.g. to prepare a file on a machine with Internet access)."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:%n  rpzx top-sites fetch",
        "  rpzx top-sites fetch --url https://tranco-list.eu/download/X5QNN/1000000",
        "  rpzx top-sites fetch --output /srv/rpzx/top-1m.csv"
      })
  static final class Fetch extends ApiCommand {
    @Option(
        names = "--url",
        paramLabel = "URL",
        description = "zip or CSV to download (default: the service's top-sites.url)")
    String url;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        description = "download here yourself instead of asking the service")
    Path output;

    @Override
    public Integer call() {
      return output == null ? super.call() : fetchLocally();
    }

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("url", url);
      return api.post("/api/v1/top-sites/fetch", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.printf(
          "fetched %s (%s bytes) into %s%n",
          r.get("fetched_from").asText(),
          r.get("downloaded_bytes").asText(),
          r.get("written_to").asText());
      printStatus(r.get("top_sites"), out);
    }

    private int fetchLocally() {
      String from = url != null ? url : RpzxConfig.DEFAULT_TOP_SITES_URL;
      TopSitesFetcher.Result result =
          new TopSitesFetcher(TopSitesFetcher.Limits.defaults())
              .fetch(from, output, TrancoList.DEFAULT_TOP_N);
      PrintWriter out = spec.commandLine().getOut();
      if (result instanceof TopSitesFetcher.Result.Failed f) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("rpzx: " + f.message() + "; " + output + " unchanged");
        err.flush();
        return ExitCodes.ERROR;
      }
      var fetched = (TopSitesFetcher.Result.Fetched) result;
      if (client.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fetched_from", fetched.url());
        json.put("written_to", fetched.file().toString());
        json.put("downloaded_bytes", fetched.downloadedBytes());
        json.put("rows", fetched.rows());
        try {
          out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else {
        out.printf(
            "fetched %s (%d bytes): %d rows written to %s%n",
            fetched.url(), fetched.downloadedBytes(), fetched.rows(), fetched.file());
        out.println(
            "use it with top-sites.file: " + fetched.file() + ", then rpzx top-sites reload");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
