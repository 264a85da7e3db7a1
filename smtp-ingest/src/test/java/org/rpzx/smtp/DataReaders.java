package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;

/**
 * Reads a DATA section with SubEthaSMTP's own streams and with {@link DotTerminatedData}, for the
 * tests that hold the second to the first. They differ on purpose in one case: SubEthaSMTP leaves a
 * stuffed dot on the message's first line ({@code ..x} stays {@code ..x}); RFC 5321 §4.5.2 and
 * {@link DotTerminatedData} remove it. {@link #comparable} steps around that case.
 */
final class DataReaders {

  /** What a reader made of the wire: the message, or the failure, and what it left unread. */
  record Read(String message, String failure, byte[] rest) {}

  private DataReaders() {}

  /**
   * {@code wire}, or with a header-like first byte put before it when it starts with a dot that is
   * not the terminator (the one case where the readers differ on purpose).
   */
  static byte[] comparable(byte[] wire) {
    boolean terminator = wire.length >= 3 && wire[0] == '.' && wire[1] == '\r' && wire[2] == '\n';
    if (wire.length == 0 || wire[0] != '.' || terminator) {
      return wire;
    }
    byte[] out = new byte[wire.length + 1];
    out[0] = 'X';
    System.arraycopy(wire, 0, out, 1, wire.length);
    return out;
  }

  /**
   * Both readers on {@link #comparable}{@code (wire)}, ours in chunks of {@code chunk} bytes: the
   * same failure, or else the same message and the same bytes left unread (a pipelined command).
   */
  static void assertAgree(byte[] wire, int chunk) {
    byte[] input = comparable(wire);
    Read theirs = subetha(input);
    Read ours = blocks(input, chunk);
    assertThat(ours.failure()).isEqualTo(theirs.failure());
    if (theirs.failure() == null) { // after a failure the session drops what was read
      assertThat(ours.message()).isEqualTo(theirs.message());
      assertThat(ours.rest()).isEqualTo(theirs.rest());
    }
  }

  /** SubEthaSMTP's {@code DotTerminatedInputStream} and {@code DotUnstuffingInputStream}. */
  static Read subetha(byte[] wire) {
    BufferedInputStream session = new BufferedInputStream(new ByteArrayInputStream(wire));
    return read(session, new DotUnstuffingInputStream(new DotTerminatedInputStream(session)), 1);
  }

  /** {@link DotTerminatedData}, read in chunks of {@code chunk} bytes. */
  static Read blocks(byte[] wire, int chunk) {
    BufferedInputStream session = new BufferedInputStream(new ByteArrayInputStream(wire), 1024);
    return read(session, new DotTerminatedData(session), chunk);
  }

  private static Read read(InputStream session, InputStream data, int chunk) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    String failure = null;
    try {
      byte[] buf = new byte[chunk];
      for (int n = data.read(buf, 0, chunk); n >= 0; n = data.read(buf, 0, chunk)) {
        message.write(buf, 0, n);
      }
    } catch (IOException e) {
      failure = e.getClass().getSimpleName();
    }
    try {
      return new Read(
          message.toString(java.nio.charset.StandardCharsets.ISO_8859_1),
          failure,
          session.readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
