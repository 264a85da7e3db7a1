package org.rpzx.bench.suite;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A minimal SMTP client that mails one {@code domains.txt} as a 7bit {@code text/plain} attachment
 * (no base64, so a 25 MB list stays under the 25 MiB message limit). It times the final reply from
 * the end of DATA ({@code .}), which is when the receiver has the whole list.
 */
final class SmtpSubmitter {

  /**
   * The final reply, when the end of DATA was sent ({@code System.nanoTime()}) and how long the
   * reply took after it and from the connect.
   */
  record Reply(
      int code, String text, long dotAt, long afterDotNanos, long totalNanos, long messageBytes) {}

  private static final String BOUNDARY = "rpzx-bench-boundary";

  private final String host;
  private final int port;
  private final String from;
  private final String to;

  SmtpSubmitter(String host, int port, String from, String to) {
    this.host = host;
    this.port = port;
    this.from = from;
    this.to = to;
  }

  /** Sends {@code lines} (none may start with a dot) and waits for the reply to DATA. */
  Reply send(List<String> lines) throws IOException {
    long start = System.nanoTime();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setSoTimeout(
          900_000); // rpzx may take minutes for a 25 MB list; its session limit is 10 min
      s.setTcpNoDelay(true);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
      expect(in, 220);
      command(out, in, "EHLO bench.localhost", 250);
      command(out, in, "MAIL FROM:<" + from + ">", 250);
      command(out, in, "RCPT TO:<" + to + ">", 250);
      command(out, in, "DATA", 354);
      Counting body = new Counting(out);
      line(
          body,
          "From: <"
              + from
              + ">\r\nTo: <"
              + to
              + ">\r\nSubject: bench\r\nMessage-ID: <"
              + UUID.randomUUID()
              + "@bench.localhost>\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: multipart/mixed; boundary=\""
              + BOUNDARY
              + "\"\r\n\r\n--"
              + BOUNDARY
              + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nbench\r\n--"
              + BOUNDARY
              + "\r\nContent-Type: text/plain; charset=us-ascii; name=\"domains.txt\"\r\n"
              + "Content-Disposition: attachment; filename=\"domains.txt\"\r\n"
              + "Content-Transfer-Encoding: 7bit\r\n");
      for (String l : lines) {
        if (l.startsWith(".")) {
          throw new IllegalArgumentException("line starts with a dot: " + l);
        }
        line(body, l);
      }
      line(body, "--" + BOUNDARY + "--");
      out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long dot = System.nanoTime();
      String reply = readReply(in);
      long end = System.nanoTime();
      try {
        command(out, in, "QUIT", 221);
      } catch (IOException e) {
        // the reply to DATA is what counts
      }
      return new Reply(
          Integer.parseInt(reply.substring(0, 3)), reply, dot, end - dot, end - start, body.count);
    }
  }

  private static void line(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.write('\r');
    out.write('\n');
  }

  private static void command(OutputStream out, BufferedReader in, String cmd, int code)
      throws IOException {
    line(out, cmd);
    out.flush();
    expect(in, code);
  }

  private static void expect(BufferedReader in, int code) throws IOException {
    String reply = readReply(in);
    if (!reply.startsWith(Integer.toString(code))) {
      throw new IOException("SMTP: expected " + code + ", got: " + reply);
    }
  }

  /** The last line of a (possibly multi-line) reply. */
  private static String readReply(BufferedReader in) throws IOException {
    while (true) {
      String l = in.readLine();
      if (l == null) {
        throw new IOException("SMTP: connection closed");
      }
      if (l.length() < 4 || l.charAt(3) != '-') {
        return l;
      }
    }
  }

  /** Counts the message bytes written. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }
  }
}
