package org.rpzx.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderIdentity;

class MailReportsTest {

  @TempDir Path dir;
  private ReportFixture f;
  private ReportService reports;
  private MailReports mail;
  private SenderIdentity nocB;

  @BeforeEach
  void setUp() {
    f = new ReportFixture(dir);
    reports = f.reports();
    mail = new MailReports(reports);
    nocB = new SenderIdentity(f.uniB, "Uni B", "noc@uni-b.example", AuthMethod.FROM_HEADER);
    f.submitAndPublish(f.uniA, "evil.example.org", "other.example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void oneReportPerNameLineWithTheSubjectAsReason() {
    ReportBatch batch =
        mail.fileByMail(
            nocB,
            " our shop\r\n and CDN ",
            List.of(
                "Hello,\r\n\r\n# names:\r\nshop.evil.example.org\r\nother.example.net\r\n"
                    + "evil.example.org\r\n\r\n-- \r\nNOC Uni B\r\nnoc.example.com\r\n"));

    assertThat(batch.filed())
        .extracting(FalsePositiveReport::name)
        .as("one report per entry: the second line on evil.example.org returns the first")
        .containsExactly("evil.example.org", "other.example.net");
    assertThat(batch.refused()).containsExactly("line 1: not a domain name: Hello, (syntax)");
    FalsePositiveReport r = batch.filed().get(0);
    assertThat(r.reason()).isEqualTo("our shop and CDN");
    assertThat(r.channel()).isEqualTo("smtp");
    assertThat(r.reporterInstitutionId()).isEqualTo(f.uniB);
    assertThat(r.reporter()).isEqualTo("sender:noc@uni-b.example");
    assertThat(batch.summary())
        .isEqualTo(
            "reports #"
                + r.id()
                + " #"
                + batch.filed().get(1).id()
                + " filed; 1 line not filed: line 1: not a domain name: Hello, (syntax)");
    assertThat(batch.summary()).doesNotContain("Uni A");
    assertThat(reports.list(ReportFilter.all(10))).hasSize(2);
  }

  @Test
  void withoutASubjectTheReasonSaysMailAndNothingListedFilesNothing() {
    ReportBatch batch = mail.fileByMail(nocB, null, List.of("evil.example.org\n"));
    assertThat(batch.filed().get(0).reason()).isEqualTo("reported by mail");

    ReportBatch none = mail.fileByMail(nocB, "x", List.of("example.com\n", "\n# only\n"));
    assertThat(none.filed()).isEmpty();
    assertThat(none.refused()).containsExactly("text 1 line 1: example.com is not listed");
    assertThat(none.summary())
        .isEqualTo("no report filed; 1 line not filed: text 1 line 1: example.com is not listed");
    assertThat(mail.fileByMail(nocB, "x", List.of("\n\n")).isEmpty()).isTrue();
  }

  @Test
  void aMailWithTooManyNamesStopsReading() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < MailReports.MAX_NAMES + 5; i++) {
      many.append("n").append(i).append(".unlisted.example\n");
    }
    ReportBatch batch = mail.fileByMail(nocB, "x", List.of(many.toString()));
    assertThat(batch.refused()).hasSize(MailReports.MAX_NAMES + 1);
    assertThat(batch.refused().get(MailReports.MAX_NAMES))
        .isEqualTo("more than 100 names, the rest was not read");
  }
}
