package org.rpzx.dns.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.xbill.DNS.Message;

/** Minimal socket clients for what dnsjava's resolvers hide (message boundaries, raw bytes). */
public final class RawDns {

  private RawDns() {}

  public static Message udp(InetSocketAddress server, byte[] query) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(5000);
      s.send(new DatagramPacket(query, query.length, server));
      byte[] buf = new byte[65535];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      s.receive(p);
      return new Message(Arrays.copyOf(buf, p.getLength()));
    }
  }

  public static Socket tcp(InetSocketAddress server) throws IOException {
    Socket s = new Socket();
    s.connect(server, 5000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Writes several queries in one segment (RFC 7766 pipelining). */
  public static void send(Socket s, byte[]... queries) throws IOException {
    int total = 0;
    for (byte[] q : queries) {
      total += q.length + 2;
    }
    byte[] out = new byte[total];
    int p = 0;
    for (byte[] q : queries) {
      out[p++] = (byte) (q.length >>> 8);
      out[p++] = (byte) q.length;
      System.arraycopy(q, 0, out, p, q.length);
      p += q.length;
    }
    s.getOutputStream().write(out);
    s.getOutputStream().flush();
  }

  /** Reads one framed message; null at end of stream. */
  public static Message read(Socket s) throws IOException {
    byte[] b = readBytes(s);
    return b == null ? null : new Message(b);
  }

  /** Reads one framed message's bytes (without the length); null at end of stream. */
  public static byte[] readBytes(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    int len;
    try {
      len = in.readUnsignedShort();
    } catch (EOFException e) {
      return null;
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return b;
  }

  /** Sends one datagram and returns the answer's bytes. */
  public static byte[] udpBytes(InetSocketAddress server, byte[] query) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(5000);
      s.send(new DatagramPacket(query, query.length, server));
      byte[] buf = new byte[65535];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      s.receive(p);
      return Arrays.copyOf(buf, p.getLength());
    }
  }
}
