package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rpzx tsig-key list|rotate}. A TSIG key belongs to exactly one consumer: it is created by
 * {@code rpzx consumer add --tsig-key} and removed by {@code rpzx consumer remove}, so there is no
 * separate add or remove here.
 */
@Command(
    name = "tsig-key",
    description =
        "The consumers' TSIG keys: list them (never their secrets) and rotate them. A key is"
            + " created with its consumer (rpzx consumer add --tsig-key KEY) and removed with it.",
    mixinStandardHelpOptions = true,
    subcommands = {TsigKeyCommand.List.class, TsigKeyCommand.Rotate.class},
    footer = {"%nExamples:", "  rpzx tsig-key list", "  rpzx tsig-key rotate uni-a-xfr"})
public final class TsigKeyCommand {

  @Command(
      name = "list",
      description = "List TSIG keys: algorithm, consumer, institution, when the secret was made.",
      mixinStandardHelpOptions = true,
      footer = {"%nExamples:", "  rpzx tsig-key list", "  rpzx tsig-key list --json"})
  static final class List extends ApiCommand {
    @Override
    protected JsonNode call(ApiClient api) {
      return api.get("/api/v1/tsig-keys");
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      Table.print(out, r, "name", "algorithm", "consumer", "institution", "created");
    }
  }

  @Command(
      name = "rotate",
      description =
          "Give a key a new random secret, printed ONCE. The old secret stops working at once:"
              + " the consumer's transfers fail until its resolver is configured with the new"
              + " one.",
      mixinStandardHelpOptions = true,
      footer = {
        "%nExamples:",
        "  rpzx tsig-key rotate uni-a-xfr",
        "  rpzx tsig-key rotate uni-a-xfr --algorithm hmac-sha512 --json"
      })
  static final class Rotate extends ApiCommand {
    @Parameters(paramLabel = "KEY", description = "the key's name")
    String name;

    @Option(
        names = "--algorithm",
        paramLabel = "ALG",
        description =
            "switch to hmac-sha256, hmac-sha384, hmac-sha512 or hmac-sha1 (default: keep)")
    String algorithm;

    @Override
    protected JsonNode call(ApiClient api) {
      Map<String, Object> body = new HashMap<>();
      body.put("algorithm", algorithm);
      return api.post("/api/v1/tsig-keys/" + ApiPaths.segment(name) + "/rotate", body);
    }

    @Override
    protected void render(JsonNode r, PrintWriter out) {
      JsonNode k = r.get("key");
      String key = k.get("name").asText();
      String alg = k.get("algorithm").asText();
      String secret = r.get("secret").asText();
      out.printf(
          "TSIG key %s (%s) of consumer %s rotated. The new secret is shown this once;"
              + " the old one no longer works:%n%n  %s%n%n",
          key, alg, ConsumerCommand.text(k.get("consumer")), secret);
      out.printf(
          "# BIND (named.conf):%nkey \"%s\" { algorithm %s; secret \"%s\"; };%n", key, alg, secret);
      out.flush();
    }
  }
}
