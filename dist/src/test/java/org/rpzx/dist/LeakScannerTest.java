package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakScannerTest {

  private final LeakScanner scanner = new LeakScanner(List.of("Zyxwvu", "leaky.sender"));

  @Test
  void findsANeedleInAnyCase() {
    scanner.scan("log", "accepted from LEAKY.Sender@x.example");
    scanner.scan("api", "{\"institution\":\"zYxWvU Secret\"}");
    assertThat(scanner.findings()).hasSize(2);
    assertThat(scanner.findings().get(0)).startsWith("log reveals 'leaky.sender'");
  }

  @Test
  void whatTheAskerSentIsNotALeakButEverythingElseIs() {
    scanner.scan(
        "GET /api/v1/institutions/Zyxwvu%20Secret",
        "{\"error\":\"no institution named Zyxwvu Secret\"}", List.of("Zyxwvu Secret"));
    assertThat(scanner.findings()).isEmpty();
    scanner.scan(
        "GET /api/v1/institutions/Zyxwvu%20Secret",
        "{\"name\":\"Zyxwvu Secret\",\"senders\":[\"leaky.sender@z.example\"]}",
        List.of("Zyxwvu Secret"));
    assertThat(scanner.findings()).singleElement().asString().contains("'leaky.sender'");
    scanner.scan("path echo", "see /x/Zyxwvu%20Secret/y", List.of("Zyxwvu Secret"));
    assertThat(scanner.findings()).hasSize(1);
    assertThat(scanner.scanned()).isEqualTo(3);
  }
}
