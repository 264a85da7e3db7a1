package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.ExtractorFixtures.FROM;
import static org.rpzx.smtp.mime.ExtractorFixtures.extracted;
import static org.rpzx.smtp.mime.ExtractorFixtures.rejected;
import static org.rpzx.smtp.mime.TestMessages.raw;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The header {@code From} and {@code Message-ID} of a submission. */
class SenderHeadersTest {

  // --- From and Message-ID -------------------------------------------------------------------

  @Test
  void readsFromWithEncodedDisplayName() throws Exception {
    assertThat(fromOf("=?UTF-8?Q?M=C3=BCller_NOC?= <noc@member.example>"))
        .isEqualTo("noc@member.example");
    assertThat(fromOf("\"Doe, John (NOC)\" <john@member.example> (comment)"))
        .isEqualTo("john@member.example");
    assertThat(fromOf("plain@member.example")).isEqualTo("plain@member.example");
    assertThat(fromOf("Folded Name\n <folded@member.example>")).isEqualTo("folded@member.example");
  }

  private String fromOf(String header) throws IOException {
    return extracted(raw("From: " + header + "\nSubject: x\n\nbody\n")).from();
  }

  @Test
  void rejectsMissingOrAmbiguousFrom() throws Exception {
    assertThat(senderProblem("Subject: x\n\nbody\n")).contains("no From header");
    assertThat(senderProblem("From: a@member.example\nFrom: b@member.example\n\nbody\n"))
        .contains("2 From headers");
    assertThat(senderProblem("From: a@member.example, b@member.example\n\nbody\n"))
        .contains("names 2 addresses");
    assertThat(senderProblem("From: NOC: a@member.example, b@member.example;\n\nbody\n"))
        .contains("group");
    assertThat(senderProblem("From: not an address\n\nbody\n")).contains("not a valid address");
    assertThat(senderProblem("From: \n\nbody\n")).contains("no address");
  }

  private String senderProblem(String message) throws IOException {
    Extraction.Rejected r = rejected(raw(message));
    assertThat(r.kind()).isEqualTo(Extraction.Kind.SENDER);
    return r.reason();
  }

  @Test
  void readsMessageId() throws Exception {
    assertThat(
            extracted(raw("From: " + FROM + "\nMessage-ID:\n <abc.1@host.example>\n\nx\n"))
                .messageId())
        .isEqualTo("<abc.1@host.example>");
    assertThat(extracted(raw("From: " + FROM + "\n\nx\n")).messageId()).isNull();
  }
}
