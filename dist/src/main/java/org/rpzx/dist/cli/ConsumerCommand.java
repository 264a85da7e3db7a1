package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpzx consumer add|list|show|remove}: the resolvers that transfer the zone. */
@Command(
    name = "consumer",
    description = "Manage the consumers (resolvers) that transfer the zone.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ConsumerCommand.Add.class,
      ConsumerCommand.List.class,
      ConsumerCommand.Show.class,
      ConsumerCommand.Remove.class
    },
    footer = {
      "%nExamples:",
      "  rpzx consumer add uni-a-bind --institution \"Example University\" \\",
      "      --tsig-key uni-a-xfr",
      "  rpzx consumer list",
      "  rpzx consumer show uni-a-bind --json"
    })
public final class ConsumerCommand {

  static String path(String name) {
    return "/api/v1/consumers/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  @Command(
      name = "add",
      description = {
        "Register a consumer. With --tsig-key a secret is generated and printed ONCE, together",
        "with configuration for BIND, Unbound and PowerDNS Recursor."
      },
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx consumer add uni-a-bind --institution \"Example University\" \\",
        "      --tsig-key uni-a-xfr --notify 192.0.2.53:53",
        "  rpzx consumer add uni-a-unbound --institution \"Example University\" \\",
        "      --allow 192.0.2.0/24 --notify 192.0.2.54:53"
      })
  static final class Add extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the consumer's name, e.g. uni-a-resolvers")
    String name;

    @Option(
        names = "--institution",
        required = true,
        paramLabel = "NAME",
        description = "the institution whose resolver it is")
    String institution;

    @Option(names = "--tsig-key", paramLabel = "KEY", description = "generate a TSIG key KEY")
    String tsigKey;

    @Option(
        names = "--algorithm",
        paramLabel = "ALG",
        description = "hmac-sha256 (default), hmac-sha384, hmac-sha512, hmac-sha1")
    String algorithm;

    @Option(
        names = "--allow",
        paramLabel = "CIDR",
        description = "source subnet it transfers from (repeatable)")
    java.util.List<String> allow = new java.util.ArrayList<>();

    @Option(
        names = "--notify",
        paramLabel = "IP:PORT",
        description = "where NOTIFY is sent, e.g. 192.0.2.53:53 or [2001:db8::53]:53 (repeatable)")
    java.util.List<String> notifyTargets = new java.util.ArrayList<>();

    @Option(
        names = "--primary",
        paramLabel = "ADDRESS",
        description =
            "the address resolvers reach rpzx at, for the snippets (default: its listener)")
    String primary;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("institution", institution);
      body.put("tsig_key", tsigKey);
      body.put("algorithm", algorithm);
      body.put("allow", allow);
      body.put("notify_targets", notifyTargets);
      return api.post("/api/v1/consumers", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode c = r.get("consumer");
      out.printf(
          "consumer %s added for %s%n", c.get("name").asText(), c.get("institution").asText());
      JsonNode key = c.get("tsig_key");
      boolean keyed = key != null && !key.isNull();
      String secret = text(r.get("secret"));
      if (keyed) {
        out.printf(
            "%nTSIG key %s (%s). The secret is shown this once; store it now:%n%n  %s%n",
            key.get("name").asText(), key.get("algorithm").asText(), secret);
      }
      ResolverSnippets snippets =
          new ResolverSnippets(
              r.get("zone").asText(),
              primary != null ? primary : r.get("primary").asText(),
              r.get("primary_port").asInt(),
              keyed ? key.get("name").asText() : null,
              keyed ? key.get("algorithm").asText() : null,
              secret);
      out.println();
      out.println(snippets.bind());
      out.println(snippets.unbound());
      out.print(snippets.powerDns());
      out.flush();
    }
  }

  @Command(
      name = "list",
      description = "List consumers with their last contact, serial and state.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx consumer list", "  rpzx consumer list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/consumers");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(
          out,
          flatten(r),
          "name",
          "institution",
          "key",
          "allow",
          "last_contact",
          "serial",
          "state");
    }

    private static JsonNode flatten(JsonNode r) {
      for (JsonNode c : r) {
        com.fasterxml.jackson.databind.node.ObjectNode o =
            (com.fasterxml.jackson.databind.node.ObjectNode) c;
        JsonNode key = c.get("tsig_key");
        o.put("key", key == null || key.isNull() ? "-" : key.get("name").asText());
        java.util.List<String> nets = new java.util.ArrayList<>();
        c.get("allow").forEach(n -> nets.add(n.asText()));
        o.put("allow", nets.isEmpty() ? "-" : String.join(",", nets));
      }
      return r;
    }
  }

  @Command(
      name = "show",
      description = "One consumer with its transfer log.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx consumer show uni-a-bind"})
  static final class Show extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the consumer's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.get(path(name));
    }

    @Override
    protected void render(JsonNode c, PrintWriter out) {
      JsonNode key = c.get("tsig_key");
      JsonNode log = c.get("transfer_log");
      out.printf("consumer:        %s (%s)%n", text(c.get("name")), text(c.get("institution")));
      out.printf(
          "tsig key:        %s%n",
          key == null || key.isNull()
              ? "-"
              : key.get("name").asText() + " (" + key.get("algorithm").asText() + ")");
      out.printf("allowed from:    %s%n", list(c.get("allow")));
      out.printf("notify:          %s%n", list(c.get("notify_targets")));
      out.printf("state:           %s (serial %s)%n", text(c.get("state")), text(c.get("serial")));
      out.printf(
          "last SOA check:  %s (serial %s, from %s)%n",
          text(log.get("last_soa_check")),
          text(log.get("soa_serial")),
          text(log.get("soa_client")));
      out.printf(
          "last transfer:   %s %s to serial %s, %s bytes in %s ms, from %s%s%n",
          text(log.get("last_transfer")),
          text(log.get("transfer_type")),
          text(log.get("transfer_serial")),
          text(log.get("transfer_bytes")),
          text(log.get("transfer_ms")),
          text(log.get("transfer_client")),
          log.get("transfer_complete") != null && !log.get("transfer_complete").asBoolean(true)
              ? " (incomplete)"
              : "");
      out.printf("transfers:       %s%n", text(log.get("transfers")));
      out.flush();
    }
  }

  @Command(
      name = "remove",
      description = "Remove a consumer, its TSIG key and its transfer log.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx consumer remove uni-a-bind"})
  static final class Remove extends ApiCommand {
    @Parameters(paramLabel = "NAME", description = "the consumer's name")
    String name;

    @Override
    protected JsonNode call(ApiClient api) {
      return api.delete(path(name));
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      out.println("consumer " + r.get("name").asText() + " removed");
      out.flush();
    }
  }

  static String text(JsonNode v) {
    return v == null || v.isNull() ? "-" : v.asText();
  }

  private static String list(JsonNode array) {
    java.util.List<String> items = new java.util.ArrayList<>();
    if (array != null) {
      array.forEach(n -> items.add(n.asText()));
    }
    return items.isEmpty() ? "-" : String.join(", ", items);
  }
}
