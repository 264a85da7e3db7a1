package org.rpzx.dist.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.AuthMethod;
import org.rpzx.core.submission.SenderCheck;
import org.rpzx.core.submission.SenderIdentity;
import org.rpzx.core.submission.SubmissionOutcome;
import org.rpzx.core.submission.SubmissionPort;
import org.rpzx.core.submission.SubmissionRequest;
import org.rpzx.core.submission.SyntheticDomains;
import org.rpzx.smtp.SmtpIngestServer;
import org.rpzx.smtp.SmtpReply;
import org.rpzx.smtp.SmtpSettings;

/** The warm-up's mails reach the submission port with their list intact, in both encodings. */
class IngestWarmupTest {

  @Test
  void bothEncodingsOfTheWarmUpMailCarryTheListToThePort() throws Exception {
    List<SubmissionRequest> seen = new ArrayList<>();
    SubmissionPort port =
        new SubmissionPort() {
          @Override
          public SenderCheck checkSender(String address, AuthMethod method) {
            return new SenderCheck.Authorized(new SenderIdentity(1, "x", address, method));
          }

          @Override
          public SubmissionOutcome submit(SubmissionRequest request) {
            seen.add(request);
            return new SubmissionOutcome.Refused("test");
          }
        };
    SmtpIngestServer smtp =
        new SmtpIngestServer(
            SmtpSettings.of(
                InetAddress.getLoopbackAddress(), 0, "mx.test", List.of("community@rpzx.invalid")),
            port);
    String list = SyntheticDomains.text(5_000, 3);

    for (int round = 0; round < 2; round++) {
      SmtpReply reply =
          smtp.rehearse(port, new ByteArrayInputStream(IngestWarmup.message(list, round)));
      assertThat(reply.code()).isEqualTo(550);
    }

    assertThat(seen).hasSize(2);
    for (SubmissionRequest r : seen) {
      assertThat(r.files()).hasSize(1);
      assertThat(r.files().get(0).text().replace("\r\n", "\n").strip()).isEqualTo(list.strip());
      assertThat(r.identity().sender()).isEqualTo("warm-up@rpzx.invalid");
    }
  }
}
