package org.rpzx.core.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RawMessageTest {

  @Test
  void aCaptureGivesBackExactlyTheBytesWrittenInAnyChunking() {
    byte[] message = new byte[300_000];
    new Random(7).nextBytes(message);
    RawMessage.Capture capture = RawMessage.capture();
    int off = 0;
    int step = 1;
    while (off < message.length) {
      int n = Math.min(step, message.length - off);
      if (n == 1) {
        capture.write(message[off]);
      } else {
        capture.write(message, off, n);
      }
      off += n;
      step = step * 3 + 1;
    }
    RawMessage raw = capture.finish();

    assertThat(raw.size()).isEqualTo(message.length);
    assertThat(raw.bytes()).isEqualTo(message);
    assertThat(RawMessage.ofCompressed(raw.compressed(), raw.size()).bytes()).isEqualTo(message);
  }

  @Test
  void mailTextIsHeldCompressed() {
    byte[] text =
        "Received: from x\r\nSubject: y\r\n\r\nevil.example.org\r\n".repeat(2000).getBytes();
    RawMessage raw = RawMessage.of(text);
    assertThat(raw.compressed().length).isLessThan(text.length / 10);
    assertThat(raw.bytes()).isEqualTo(text);
  }

  @Test
  void aFinishedCaptureTakesNoMoreBytes() {
    RawMessage.Capture capture = RawMessage.capture();
    capture.write(new byte[] {1, 2}, 0, 2);
    capture.finish();
    assertThatThrownBy(() -> capture.write(3)).isInstanceOf(IllegalStateException.class);
  }
}
