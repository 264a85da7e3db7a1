package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rpzx institution stats} (SPEC §8, quality control) over mailed submissions: exact counts
 * by reason, only that institution's, with the top-sites share.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QualityStatsIT extends GovernanceTestBase {

  @Test
  void statsCountEveryLineOfTheInstitutionsSubmissions() throws Exception {
    service = startFromConfigFile();
    institution("Uni A", SENDER);
    institution("Uni B", "cert@uni-b.example");
    assertThat(
            mail(
                SENDER,
                "# our list",
                "a.example",
                "b.example",
                "b.example",
                "mail.google.com",
                "com",
                "http://x.example/"))
        .matches("250 2\\.0\\.0 submission \\d+: 2 accepted, 3 rejected");
    assertThat(mail(SENDER, "google.com", "192.0.2.1", "c.example"))
        .matches("250 2\\.0\\.0 submission \\d+: 1 accepted, 2 rejected");
    assertThat(mail("cert@uni-b.example", "google.com", "d.example")).startsWith("250");

    JsonNode s = json("institution", "stats", "Uni A");
    assertThat(s.get("institution").asText()).isEqualTo("Uni A");
    assertThat(s.get("submissions").asInt()).isEqualTo(2);
    assertThat(s.get("held").asInt()).isZero();
    assertThat(s.get("discarded").asInt()).isZero();
    assertThat(s.get("lines_accepted").asLong()).isEqualTo(3);
    assertThat(s.get("lines_rejected").asLong()).isEqualTo(5);
    assertThat(s.get("lines_skipped").asLong())
        .as("the comment and the repeated line")
        .isEqualTo(2);
    assertThat(s.get("false_positives").asLong()).isZero();
    assertThat(s.get("top_sites_share").asDouble()).isEqualTo(0.25);
    Map<String, Long> byReason = new TreeMap<>();
    s.get("rejected_by_reason")
        .fields()
        .forEachRemaining(e -> byReason.put(e.getKey(), e.getValue().asLong()));
    assertThat(byReason)
        .containsEntry("top-sites", 2L)
        .containsEntry("public-suffix", 1L)
        .containsEntry("url", 1L)
        .containsEntry("ip-address", 1L)
        .containsEntry("syntax", 0L)
        .hasSize(10);
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(s.get("since").asText()),
                java.time.Instant.parse(s.get("until").asText())))
        .as("the default window")
        .isEqualTo(java.time.Duration.ofDays(30));

    JsonNode window = json("institution", "stats", "Uni A", "--since", "2h");
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(window.get("since").asText()),
                java.time.Instant.parse(window.get("until").asText())))
        .isEqualTo(java.time.Duration.ofHours(2));
    assertThat(window.get("submissions").asInt()).isEqualTo(2);

    String table = cli("institution", "stats", "Uni A", "--window", "7d").out();
    assertThat(table)
        .contains("submissions:      2 (held 0, discarded 0)")
        .contains("lines rejected:   5")
        .containsPattern("  top-sites +2")
        .doesNotContainPattern("  syntax +0")
        .contains("top-sites share:  25.0%");

    assertThat(json("institution", "stats", "Uni B").get("lines_rejected").asLong()).isEqualTo(1);
    assertThat(cli("institution", "stats", "Nobody").exitCode()).isEqualTo(5);
    RpzxHarness.CliResult bad = cli("institution", "stats", "Uni A", "--since", "a while");
    assertThat(bad.exitCode()).isEqualTo(7);
    assertThat(bad.err()).contains("since must be a duration like 30d");
    assertThat(cli("institution", "stats", "Uni A", "--since", "0d").exitCode()).isEqualTo(7);
  }
}
