package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTest {

  @Test
  void passesAMessageOfExactlyTheLimit() throws Exception {
    InputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[1000]), 1000);
    assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(1000);
  }

  @Test
  void failsOnTheFirstByteOverTheLimit() {
    SizeLimitedInputStream in =
        new SizeLimitedInputStream(new ByteArrayInputStream(new byte[5000]), 1000);
    assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
        .isInstanceOf(MessageTooLargeException.class);
    assertThat(in.count()).isEqualTo(1001); // read no further than needed to know
  }

  @Test
  void countsSingleByteReadsToo() throws Exception {
    SizeLimitedInputStream in =
        new SizeLimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
    in.read();
    in.read();
    assertThatThrownBy(in::read).isInstanceOf(MessageTooLargeException.class);
  }
}
