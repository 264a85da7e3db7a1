package org.rpzx.bench.suite;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A registered consumer's NOTIFY target on UDP: records when each NOTIFY arrives and answers it
 * (the query's header and question with QR set and no other sections), so rpzx does not retry.
 */
final class NotifyListener implements AutoCloseable {

  private static final int OPCODE_NOTIFY = 4;

  private final DatagramSocket socket;
  private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
  private final Thread thread;

  NotifyListener(int port) throws IOException {
    socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
    thread = new Thread(this::run, "notify-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        long at = System.nanoTime();
        if (p.getLength() < 12 || ((buf[2] >> 3) & 0x0F) != OPCODE_NOTIFY || (buf[2] & 0x80) != 0) {
          continue;
        }
        int end = 12;
        for (int q = 0; q < DnsWire.u16(buf, 4); q++) {
          end = DnsWire.skipName(buf, end) + 4;
        }
        byte[] answer = java.util.Arrays.copyOf(buf, end);
        answer[2] |= (byte) 0x84; // QR, AA
        answer[3] = 0;
        for (int i = 6; i < 12; i++) {
          answer[i] = 0;
        }
        socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
        arrivals.add(at);
      } catch (SocketException e) {
        return; // closed
      } catch (IOException | RuntimeException e) {
        System.err.println("notify listener: " + e);
      }
    }
  }

  /** The first NOTIFY that arrived after {@code sinceNanos}, or -1 if none within the timeout. */
  long awaitAfter(long sinceNanos, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      Long at = arrivals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (at == null) {
        return -1;
      }
      if (at > sinceNanos) {
        return at;
      }
    }
  }

  void drain() {
    arrivals.clear();
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(1000);
  }
}
