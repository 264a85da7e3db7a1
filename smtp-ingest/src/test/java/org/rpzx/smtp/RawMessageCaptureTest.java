package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.smtp.mime.TestMessages.attachment;
import static org.rpzx.smtp.mime.TestMessages.bytes;
import static org.rpzx.smtp.mime.TestMessages.withParts;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.RawMessage;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.MimeLimits;

/** The message as received goes to core with the submission only when core keeps raw messages. */
class RawMessageCaptureTest {

  private static final String SENDER = "noc@member.example";

  private final FakeSubmissionPort port = new FakeSubmissionPort();
  private final SubmissionFlow flow =
      new SubmissionFlow(port, new AttachmentExtractor(MimeLimits.forMessageLimit(8 << 20)));

  /** A message with a large attachment the walker skips over and a domains.txt after it. */
  private static byte[] message() throws Exception {
    byte[] noise = new byte[2 << 20];
    new Random(42).nextBytes(noise);
    var big = new jakarta.mail.internet.MimeBodyPart();
    big.setContent(noise, "application/octet-stream");
    big.setFileName("capture.pcap");
    return bytes(withParts(SENDER, big, attachment("domains.txt", "a.example\n", "utf-8", null)));
  }

  @Test
  void theWholeMessageAsReceivedGoesWithTheSubmission() throws Exception {
    port.keepRawMessages = true;
    byte[] msg = message();
    InputStream in = new ByteArrayInputStream(msg);

    SmtpReply reply = flow.process(in);

    assertThat(reply.isSuccess()).as(reply.line()).isTrue();
    RawMessage raw = port.requests.get(0).rawMessage();
    assertThat(raw).isNotNull();
    assertThat(raw.size()).isEqualTo(msg.length);
    assertThat(raw.bytes()).isEqualTo(msg);
    assertThat(in.read()).as("still read to its end").isEqualTo(-1);
  }

  @Test
  void nothingIsCapturedWhenCoreDoesNotKeepRawMessages() throws Exception {
    port.keepRawMessages = false;
    SmtpReply reply = flow.process(new ByteArrayInputStream(message()));

    assertThat(reply.isSuccess()).isTrue();
    assertThat(port.requests.get(0).rawMessage()).isNull();
  }

  @Test
  void copyingSeesEverySkippedAndSingleByte() throws Exception {
    byte[] data = new byte[50_000];
    new Random(1).nextBytes(data);
    RawMessage.Capture capture = RawMessage.capture();
    try (InputStream in = new CopyingInputStream(new ByteArrayInputStream(data), capture)) {
      in.read();
      in.skip(10_000);
      in.readNBytes(new byte[333], 0, 333);
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(capture.finish().bytes()).isEqualTo(data);
  }
}
