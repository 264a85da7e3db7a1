package org.rpzx.smtp;

import java.io.BufferedReader;
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

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
