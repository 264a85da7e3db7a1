package org.rpzx.bench.suite;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One AXFR or IXFR over TCP with length-prefixed reads into a reused buffer: no message objects,
 * only the RR walk of {@link DnsWire} to count RRs and find the closing SOA. Times from writing the
 * query to reading the last byte of the transfer.
 */
final class ZoneTransfer {

  /** What one transfer moved; {@code firstSerial} is the serial of its opening SOA. */
  record Result(long rrs, long bytes, int messages, long nanos, long firstSerial, boolean full) {

    double seconds() {
      return nanos / 1e9;
    }
  }

  private ZoneTransfer() {}

  /** Full transfer of {@code zone}. */
  static Result axfr(String host, int port, String zone, int timeoutMs) throws IOException {
    return run(host, port, DnsWire.query(zone, 252), -1, timeoutMs);
  }

  /** Incremental transfer from {@code serial}. */
  static Result ixfr(String host, int port, String zone, long serial, int timeoutMs)
      throws IOException {
    return run(host, port, DnsWire.ixfr(zone, serial), serial, timeoutMs);
  }

  private static Result run(String host, int port, byte[] query, long fromSerial, int timeoutMs)
      throws IOException {
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.setReceiveBufferSize(1 << 20);
      s.connect(new InetSocketAddress(host, port), timeoutMs);
      s.setSoTimeout(timeoutMs);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(new BufferedIn(s.getInputStream()));
      byte[] framed = new byte[query.length + 2];
      framed[0] = (byte) (query.length >> 8);
      framed[1] = (byte) query.length;
      System.arraycopy(query, 0, framed, 2, query.length);
      long start = System.nanoTime();
      out.write(framed);
      out.flush();
      Counter c = new Counter(fromSerial);
      byte[] buf = new byte[65536];
      long bytes = 0;
      int messages = 0;
      while (!c.done) {
        int len = in.readUnsignedShort();
        in.readFully(buf, 0, len);
        bytes += len + 2;
        messages++;
        int rcode = DnsWire.rcode(buf);
        if (rcode != 0) {
          throw new IOException("transfer answered with RCODE " + rcode);
        }
        if (DnsWire.id(buf) != DnsWire.id(query)) {
          throw new IOException("answer id does not match the query");
        }
        DnsWire.walkAnswers(buf, 0, c);
        if (c.rrs == 1 && messages == 1 && DnsWire.ancount(buf, 0) == 1 && fromSerial >= 0) {
          c.done = true; // IXFR: the client is up to date, the answer is the SOA alone
        }
      }
      long nanos = System.nanoTime() - start;
      return new Result(c.rrs, bytes, messages, nanos, c.first, c.full);
    }
  }

  /**
   * Counts RRs and decides when the transfer is complete: AXFR (and an AXFR-style IXFR answer) ends
   * at the second SOA, an incremental IXFR at the third SOA with the new serial.
   */
  private static final class Counter implements DnsWire.AnswerVisitor {
    private final long fromSerial;
    long rrs;
    long first = -1;
    int soaWithFirst;
    boolean full;
    boolean done;

    Counter(long fromSerial) {
      this.fromSerial = fromSerial;
      this.full = fromSerial < 0;
    }

    @Override
    public void answer(int type, long serial) {
      rrs++;
      if (rrs == 1) {
        if (type != DnsWire.TYPE_SOA) {
          throw new IllegalStateException("transfer does not start with an SOA");
        }
        first = serial;
        soaWithFirst = 1;
        return;
      }
      if (rrs == 2 && fromSerial >= 0) {
        full = type != DnsWire.TYPE_SOA;
      }
      if (type == DnsWire.TYPE_SOA && serial == first) {
        soaWithFirst++;
        done = full ? soaWithFirst == 2 : soaWithFirst == 3;
      }
    }
  }

  /** A plain buffered stream with a large buffer (the JDK's default 8 KiB costs syscalls). */
  private static final class BufferedIn extends java.io.BufferedInputStream {
    BufferedIn(InputStream in) {
      super(in, 1 << 18);
    }
  }
}
