package org.rpzx.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir Path dir;

  @Test
  void recordsWhoWhatWhenAndWhereAndListsNewestFirstSince() {
    try (PrivacyFixture f = new PrivacyFixture(dir, false)) {
      AuditLog log = new AuditLog(f.db, f.clock);
      Instant start = f.clock.instant();
      log.record(
          new AuditEvent(
              "tok1",
              "institution:1",
              "POST",
              "/api/v1/institutions/{name}/suspend",
              Map.of("name", "Uni A & Co/x"),
              200,
              "192.0.2.7"));
      f.clock.advance(Duration.ofMinutes(5));
      log.record(
          new AuditEvent(
              AuditEvent.UNKNOWN,
              AuditEvent.UNKNOWN,
              "GET",
              "/api/v1/zone",
              Map.of(),
              401,
              "2001:db8::1"));

      List<AuditRecord> all = log.since(start, 10);
      assertThat(all).extracting(AuditRecord::status).containsExactly(401, 200);
      AuditRecord suspend = all.get(1);
      assertThat(suspend.at()).isEqualTo(start);
      assertThat(suspend.tokenId()).isEqualTo("tok1");
      assertThat(suspend.owner()).isEqualTo("institution:1");
      assertThat(suspend.institution()).as("the owner's name, joined").isEqualTo("Uni A");
      assertThat(suspend.route()).isEqualTo("/api/v1/institutions/{name}/suspend");
      assertThat(suspend.target()).containsExactly(Map.entry("name", "Uni A & Co/x"));
      assertThat(suspend.client()).isEqualTo("192.0.2.7");
      assertThat(all.get(0).institution()).isNull();
      assertThat(all.get(0).target()).isEmpty();

      assertThat(log.since(start.plusSeconds(1), 10)).hasSize(1);
      assertThat(log.since(start, 1)).extracting(AuditRecord::status).containsExactly(401);
    }
  }
}
