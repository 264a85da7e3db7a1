package org.rpzx.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.store.EntryStore;
import org.rpzx.core.store.RawMessageStore;
import org.rpzx.core.store.RetentionStore;
import org.rpzx.core.store.SubmissionStore;
import org.rpzx.core.submission.RawMessage;
import org.rpzx.core.submission.SubmissionReport;

class RetentionJobTest {

  @TempDir Path dir;
  private PrivacyFixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  private static PrivacySettings retention(Duration submissions, boolean raw, Duration rawKept) {
    return new PrivacySettings(
        submissions, raw, rawKept, Duration.ofDays(365), Duration.ofHours(1));
  }

  private static RawMessage raw(String text) {
    return RawMessage.of(text.getBytes(StandardCharsets.US_ASCII));
  }

  private List<Long> submissionIds() {
    return f.db.read(c -> SubmissionStore.list(c, null, 1000)).stream()
        .map(SubmissionStore.SubmissionRow::id)
        .sorted()
        .toList();
  }

  private List<org.rpzx.core.submission.RejectedLine> rejections(long id) {
    return f.db.read(c -> SubmissionStore.rejections(c, id));
  }

  private java.util.Optional<RawMessage> rawOf(long id) {
    return f.db.read(c -> RawMessageStore.find(c, id));
  }

  private List<EntryStore.EntrySource> sources(String name) {
    return f.db.read(c -> EntryStore.sources(c, name));
  }

  private java.util.Optional<EntryStore.EntryRow> entry(String name) {
    return f.db.read(c -> EntryStore.entry(c, name));
  }

  @Test
  void deletesExactlyTheSubmissionsPastTheRetentionInBatchesAndKeepsTheEntries() {
    f = new PrivacyFixture(dir, true);
    // five old submissions a day apart, each with a rejected line and a raw message
    for (int i = 0; i < 5; i++) {
      f.submit("old" + i + ".example.org\nhttp://bad/\n", raw("message " + i));
      f.clock.advance(Duration.ofDays(1));
    }
    f.clock.advance(Duration.ofDays(5));
    SubmissionReport recent = f.submit("new.example.org\n192.0.2.1\n", raw("recent"));
    assertThat(f.count("submission_rejections")).isEqualTo(6);
    // now: the old ones are 5..10 days old, the recent one 0 days
    RetentionJob job =
        new RetentionJob(
            f.db, f.clock, retention(Duration.ofDays(3), true, Duration.ofDays(30)), 2);

    RetentionJob.Result result = job.runOnce();

    assertThat(result.submissions()).as("three batches of 2, 2, 1").isEqualTo(5);
    assertThat(submissionIds()).containsExactly(recent.id());
    assertThat(f.count("submission_rejections")).as("only the recent one's line").isEqualTo(1);
    assertThat(rejections(recent.id())).hasSize(1);
    assertThat(f.count("raw_messages")).isEqualTo(1);
    assertThat(rawOf(recent.id())).isPresent();
    // the names and their expiry are untouched: still in the zone, still with their submitter
    for (int i = 0; i < 5; i++) {
      assertThat(f.zone.current().contains("old" + i + ".example.org")).isTrue();
      assertThat(sources("old" + i + ".example.org")).hasSize(1);
    }
    assertThat(f.count("entries")).isEqualTo(6);
    assertThat(job.runOnce().isEmpty()).as("nothing left to delete").isTrue();
  }

  @Test
  void anIdIsNeverGivenOutAgainAfterTheNewestSubmissionWasDeleted() {
    f = new PrivacyFixture(dir, false);
    f.submit("a.example.org\n", null);
    long newest = f.submit("b.example.org\n", null).id();
    f.clock.advance(Duration.ofDays(2));
    RetentionJob job =
        new RetentionJob(f.db, f.clock, retention(Duration.ofDays(1), false, Duration.ofDays(30)));
    assertThat(job.runOnce().submissions()).isEqualTo(2);
    assertThat(f.count("submissions")).isZero();

    long next = f.submit("c.example.org\n", null).id();

    assertThat(next).isGreaterThan(newest);
  }

  @Test
  void aBatchDeletesAtMostItsLimitOldestFirst() {
    f = new PrivacyFixture(dir, false);
    long first = f.submit("a.example.org\n", null).id();
    f.clock.advance(Duration.ofMinutes(1));
    long second = f.submit("b.example.org\n", null).id();
    f.clock.advance(Duration.ofMinutes(1));
    long third = f.submit("c.example.org\n", null).id();
    long cutoff = f.clock.millis() + 1;

    int deleted = f.db.inTransaction(c -> RetentionStore.deleteSubmissions(c, cutoff, 2));

    assertThat(deleted).isEqualTo(2);
    assertThat(submissionIds()).containsExactly(third).doesNotContain(first, second);
  }

  @Test
  void rawMessagesGoAfterTheirOwnRetentionWhileTheSubmissionStays() {
    f = new PrivacyFixture(dir, true);
    SubmissionReport old = f.submit("a.example.org\n", raw("old"));
    f.clock.advance(Duration.ofDays(2));
    SubmissionReport young = f.submit("b.example.org\n", raw("young"));
    RetentionJob job =
        new RetentionJob(f.db, f.clock, retention(Duration.ofDays(180), true, Duration.ofDays(1)));

    RetentionJob.Result result = job.runOnce();

    assertThat(result.rawMessages()).isEqualTo(1);
    assertThat(result.submissions()).isZero();
    assertThat(rawOf(old.id())).isEmpty();
    assertThat(rawOf(young.id())).isPresent();
    assertThat(submissionIds()).containsExactly(old.id(), young.id());
  }

  @Test
  void switchingRawMessagesOffDeletesTheOnesKeptBefore() {
    f = new PrivacyFixture(dir, true);
    f.submit("a.example.org\n", raw("kept while it was on"));
    RetentionJob job =
        new RetentionJob(
            f.db, f.clock, retention(Duration.ofDays(180), false, Duration.ofDays(30)));

    assertThat(job.runOnce().rawMessages()).isEqualTo(1);
    assertThat(f.count("raw_messages")).isZero();
    assertThat(f.count("submissions")).isEqualTo(1);
  }

  @Test
  void theLinkToTheSubmitterGoesOnlyOnceTheEntryHasExpiredAndTheRetentionHasPassed() {
    f = new PrivacyFixture(dir, false);
    f.submit("gone.example.org\n", null);
    f.clock.advance(Duration.ofDays(20));
    f.submit("kept.example.org\n", null);
    // 40 days later: gone.example.org expired after 30 days, kept.example.org on day 50
    f.clock.advance(Duration.ofDays(20));
    f.maintainer.publishNow();
    assertThat(f.zone.current().contains("gone.example.org")).isFalse();
    RetentionJob job =
        new RetentionJob(f.db, f.clock, retention(Duration.ofDays(10), false, Duration.ofDays(30)));

    RetentionJob.Result result = job.runOnce();

    assertThat(result.submissions()).isEqualTo(2);
    assertThat(result.entrySources()).isEqualTo(1);
    assertThat(sources("gone.example.org")).isEmpty();
    assertThat(sources("kept.example.org"))
        .as("still active: the link stays while the entry is processed")
        .hasSize(1);
    assertThat(entry("gone.example.org")).isPresent();
    assertThat(f.zone.current().contains("kept.example.org")).isTrue();
  }

  @Test
  void auditRecordsGoAfterTheirRetention() {
    f = new PrivacyFixture(dir, false);
    AuditLog audit = new AuditLog(f.db, f.clock);
    audit.record(
        new AuditEvent(
            "t1", "operator", "POST", "/api/v1/institutions", java.util.Map.of(), 201, "::1"));
    f.clock.advance(Duration.ofDays(2));
    audit.record(
        new AuditEvent(
            "t1",
            "operator",
            "DELETE",
            "/api/v1/tokens/{id}",
            java.util.Map.of("id", "x"),
            200,
            "::1"));
    RetentionJob job =
        new RetentionJob(
            f.db,
            f.clock,
            new PrivacySettings(
                Duration.ofDays(180),
                false,
                Duration.ofDays(30),
                Duration.ofDays(1),
                Duration.ofHours(1)));

    assertThat(job.runOnce().auditRecords()).isEqualTo(1);
    assertThat(audit.since(java.time.Instant.EPOCH, 10))
        .extracting(AuditRecord::method)
        .containsExactly("DELETE");
  }
}
