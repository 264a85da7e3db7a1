package org.rpzx.bench.suite;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** SOA queries over UDP from one socket; an answer counts when it is NOERROR with an SOA in it. */
final class SoaClient implements AutoCloseable {

  private final DatagramSocket socket;
  private final InetSocketAddress server;
  private final String zone;
  private final byte[] answer = new byte[4096];

  SoaClient(String host, int port, String zone) throws IOException {
    this.socket = new DatagramSocket();
    this.server = new InetSocketAddress(host, port);
    this.zone = zone;
  }

  /**
   * Asks once; returns the round trip in nanoseconds, or -1 when no good answer came within {@code
   * timeoutMs} (no answer, an error RCODE, or no SOA yet).
   */
  long ask(int timeoutMs) throws IOException {
    byte[] q = DnsWire.query(zone, DnsWire.TYPE_SOA);
    int id = DnsWire.id(q);
    long start = System.nanoTime();
    long deadline = start + timeoutMs * 1_000_000L;
    socket.send(new DatagramPacket(q, q.length, server));
    DatagramPacket p = new DatagramPacket(answer, answer.length);
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return -1;
      }
      socket.setSoTimeout((int) Math.max(1, left));
      try {
        socket.receive(p);
      } catch (SocketTimeoutException e) {
        return -1;
      }
      if (p.getLength() < 12 || DnsWire.id(answer) != id) {
        continue; // a late answer to an earlier query
      }
      long rtt = System.nanoTime() - start;
      if (DnsWire.rcode(answer) != 0 || DnsWire.ancount(answer, 0) == 0) {
        return -1;
      }
      long[] serial = {-1};
      DnsWire.walkAnswers(
          answer,
          0,
          (type, s) -> {
            if (type == DnsWire.TYPE_SOA) {
              serial[0] = s;
            }
          });
      lastSerial = serial[0];
      return serial[0] >= 0 ? rtt : -1;
    }
  }

  private long lastSerial = -1;

  /** The serial of the last good answer. */
  long lastSerial() {
    return lastSerial;
  }

  @Override
  public void close() {
    socket.close();
  }
}
