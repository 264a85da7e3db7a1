package org.rpzx.smtp;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare SMTP client for what real clients cannot show: the reply that arrives while the client is
 * still writing an oversized body, or replies around connection limits and timeouts.
 */
final class RawSmtpClient implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  RawSmtpClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    out = socket.getOutputStream();
  }

  /**
   * The next complete reply (all lines of a multi-line reply joined by newlines), or null at EOF.
   */
  String reply() throws IOException {
    StringBuilder sb = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      sb.append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return sb.toString();
      }
      sb.append('\n');
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  String command(String command) throws IOException {
    send(command + "\r\n");
    return reply();
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  OutputStream output() {
    return out;
  }

  /**
   * One whole mail transaction after the greeting: EHLO, MAIL, RCPT, DATA with {@code message}
   * dot-stuffed, QUIT; returns the reply to the end of DATA.
   */
  String transaction(String from, String to, byte[] message) throws IOException {
    reply();
    command("EHLO client.example");
    assertReply(command("MAIL FROM:<" + from + ">"), "250");
    assertReply(command("RCPT TO:<" + to + ">"), "250");
    assertReply(command("DATA"), "354");
    out.write(dotStuff(message));
    out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String reply = reply();
    command("QUIT");
    return reply;
  }

  private static void assertReply(String reply, String code) {
    if (reply == null || !reply.startsWith(code)) {
      throw new AssertionError("expected " + code + ", got " + reply);
    }
  }

  /** Bare LF becomes CRLF, as an MTA carries a message; CRLF stays. */
  static byte[] crlf(byte[] in) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(in.length + in.length / 20);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
        o.write('\r');
      }
      o.write(in[i]);
    }
    return o.toByteArray();
  }

  /** RFC 5321 §4.5.2: a line starting with a dot gets another; the end gets a CRLF if missing. */
  static byte[] dotStuff(byte[] in) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(in.length + 16);
    boolean lineStart = true;
    for (byte b : in) {
      if (lineStart && b == '.') {
        o.write('.');
      }
      o.write(b);
      lineStart = b == '\n';
    }
    if (!lineStart) {
      o.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return o.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
