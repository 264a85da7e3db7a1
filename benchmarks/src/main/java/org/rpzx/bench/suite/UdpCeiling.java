package org.rpzx.bench.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The most a Java 17 process can answer over UDP on one socket, for comparison with rpzx's SOA qps:
 * one blocking {@link DatagramChannel}, one thread, no DNS work at all: the query's header and
 * question are copied and one fixed SOA record appended (a well-formed answer for dnsperf). rpzx
 * and this loop pay the same two system calls per datagram ({@code recvfrom}, {@code sendto}); Knot
 * and NSD batch them with {@code recvmmsg}/{@code sendmmsg}, which the JDK does not offer.
 *
 * <p>Usage: {@code UdpCeiling --port P}; runs until killed.
 */
public final class UdpCeiling {

  /** SOA at the question's name (pointer to offset 12), TTL 3600, RDATA of 24 bytes. */
  private static final byte[] SOA = {
    (byte) 0xc0,
    0x0c,
    0,
    6,
    0,
    1,
    0,
    0,
    0x0e,
    0x10,
    0,
    24,
    (byte) 0xc0,
    0x0c,
    (byte) 0xc0,
    0x0c,
    0,
    0,
    0,
    1,
    0,
    0,
    0x0e,
    0x10,
    0,
    0,
    0x03,
    (byte) 0x84,
    0,
    0x09,
    0x3a,
    (byte) 0x80,
    0,
    0,
    0,
    60
  };

  private UdpCeiling() {}

  public static void main(String[] argv) throws IOException {
    int port = new Args(argv).getInt("port", 0);
    try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
      channel.bind(new InetSocketAddress("127.0.0.1", port));
      ByteBuffer in = ByteBuffer.allocateDirect(1500);
      ByteBuffer out = ByteBuffer.allocateDirect(1500);
      while (true) {
        in.clear();
        SocketAddress from = channel.receive(in);
        int end = questionEnd(in);
        if (end < 0) {
          continue;
        }
        out.clear();
        in.limit(end).position(0);
        out.put(in);
        out.put(2, (byte) (out.get(2) | 0x84)).put(3, (byte) 0); // QR, AA; NOERROR, no RA/AD
        out.putShort(6, (short) 1).putInt(8, 0); // ANCOUNT 1, NSCOUNT and ARCOUNT 0
        out.put(SOA).flip();
        channel.send(out, from);
      }
    }
  }

  /** The offset after the (single) question, or -1 for anything else. */
  private static int questionEnd(ByteBuffer in) {
    int length = in.position();
    if (length < 17 || in.getShort(4) != 1) {
      return -1;
    }
    int pos = 12;
    while (pos < length && in.get(pos) != 0) {
      int label = in.get(pos) & 0xff;
      if (label > 63) {
        return -1;
      }
      pos += label + 1;
    }
    return pos + 5 <= length ? pos + 5 : -1;
  }
}
