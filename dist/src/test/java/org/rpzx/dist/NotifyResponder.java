package org.rpzx.dist;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Section;

/**
 * A secondary's NOTIFY port on 127.0.0.1: acknowledges every NOTIFY (RFC 1996 §4.7: same id and
 * question, QR set, NOERROR) and counts them.
 */
final class NotifyResponder implements AutoCloseable {

  private final DatagramSocket socket;
  private final Thread thread;
  final AtomicInteger received = new AtomicInteger();

  NotifyResponder() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "notify-responder");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(buf, packet.getLength()));
        if (query.getHeader().getOpcode() != Opcode.NOTIFY) {
          continue;
        }
        received.incrementAndGet();
        Message ack = new Message(query.getHeader().getID());
        ack.getHeader().setFlag(Flags.QR);
        ack.getHeader().setFlag(Flags.AA);
        ack.getHeader().setOpcode(Opcode.NOTIFY);
        ack.addRecord(query.getQuestion(), Section.QUESTION);
        byte[] wire = ack.toWire();
        socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(5_000);
  }
}
