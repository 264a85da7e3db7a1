package org.rpzx.dist.reliability;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * DNS on the wire without parsing into objects, for the load generators: a query built once by
 * dnsjava and re-used with a new ID, and an AXFR reader that walks the records of each message only
 * far enough to count them and spot the closing SOA (the test JVM shares two cores with the
 * server).
 */
final class RawDns {

  /** One complete AXFR: messages, resource records, bytes on the wire, and how long it took. */
  record Transfer(int messages, long records, long bytes, long nanos) {}

  private RawDns() {}

  /** A query for {@code origin}/{@code type} (class IN) in wire form, ID 0. */
  static byte[] query(String origin, int type) {
    Message m =
        Message.newQuery(Record.newRecord(Name.fromConstantString(origin), type, DClass.IN));
    m.getHeader().setID(0);
    return m.toWire();
  }

  static void setId(byte[] message, int id) {
    message[0] = (byte) (id >> 8);
    message[1] = (byte) id;
  }

  static int id(ByteBuffer message) {
    return ((message.get(0) & 0xFF) << 8) | (message.get(1) & 0xFF);
  }

  static int rcode(ByteBuffer message) {
    return message.get(3) & 0x0F;
  }

  /** An AXFR of {@code origin} over a new TCP connection, read to its closing SOA. */
  static Transfer axfr(InetSocketAddress server, String origin, Duration readTimeout)
      throws IOException {
    return axfr(server, query(origin, Type.AXFR), readTimeout, new Socket[1]);
  }

  /**
   * As {@link #axfr(InetSocketAddress, String, Duration)} with a prepared query; the socket is put
   * in {@code holder[0]} so another thread can cut the transfer by closing it.
   */
  static Transfer axfr(
      InetSocketAddress server, byte[] query, Duration readTimeout, Socket[] holder)
      throws IOException {
    long started = System.nanoTime();
    try (Socket s = new Socket()) {
      holder[0] = s;
      s.connect(server, 3000);
      s.setSoTimeout((int) readTimeout.toMillis());
      OutputStream out = s.getOutputStream();
      byte[] framed = new byte[query.length + 2];
      framed[0] = (byte) (query.length >> 8);
      framed[1] = (byte) query.length;
      System.arraycopy(query, 0, framed, 2, query.length);
      out.write(framed);
      out.flush();
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
      byte[] buf = new byte[65535];
      int messages = 0;
      long records = 0;
      long bytes = 0;
      int soas = 0;
      while (soas < 2) {
        int len = in.readUnsignedShort();
        in.readFully(buf, 0, len);
        messages++;
        bytes += len + 2;
        if (len < 12) {
          throw new IOException("short DNS message: " + len + " bytes");
        }
        int rcode = buf[3] & 0x0F;
        if (rcode != 0) {
          throw new IOException("AXFR answered with rcode " + rcode);
        }
        int qd = u16(buf, 4);
        int an = u16(buf, 6);
        int p = 12;
        for (int i = 0; i < qd; i++) {
          p = skipName(buf, p) + 4;
        }
        for (int i = 0; i < an; i++) {
          p = skipName(buf, p);
          int type = u16(buf, p);
          int rdlength = u16(buf, p + 8);
          p += 10 + rdlength;
          if (p > len) {
            throw new IOException("record runs past the message end");
          }
          records++;
          if (type == Type.SOA) {
            soas++;
          }
        }
      }
      return new Transfer(messages, records, bytes, System.nanoTime() - started);
    } finally {
      holder[0] = null;
    }
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  /** The offset after the (possibly compressed) name at {@code p}. */
  private static int skipName(byte[] b, int p) {
    while (true) {
      int len = b[p] & 0xFF;
      if (len == 0) {
        return p + 1;
      }
      if ((len & 0xC0) == 0xC0) {
        return p + 2;
      }
      p += len + 1;
    }
  }
}
