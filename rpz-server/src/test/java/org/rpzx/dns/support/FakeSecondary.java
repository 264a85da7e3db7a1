package org.rpzx.dns.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A UDP socket on loopback playing a secondary: records every message it receives and answers each
 * with what the responder returns (null: no answer).
 */
public final class FakeSecondary implements AutoCloseable {

  /** One received message. */
  public record Received(Message message, byte[] wire, InetSocketAddress from, long nanos) {}

  private final DatagramSocket socket;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile Function<Received, byte[]> responder;

  public FakeSecondary(Function<Received, byte[]> responder) throws SocketException {
    this.responder = responder;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "fake-secondary-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** A secondary that never answers. */
  public static FakeSecondary silent() throws SocketException {
    return new FakeSecondary(r -> null);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public void respondWith(Function<Received, byte[]> r) {
    this.responder = r;
  }

  /** The next message received within {@code seconds}, or null. */
  public Received next(long seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }

  /** Messages received and not yet taken. */
  public int waiting() {
    return received.size();
  }

  private void serve() {
    byte[] buf = new byte[65535];
    while (!socket.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        byte[] wire = Arrays.copyOf(buf, p.getLength());
        Received r =
            new Received(
                new Message(wire),
                wire,
                (InetSocketAddress) p.getSocketAddress(),
                System.nanoTime());
        received.add(r);
        byte[] answer = responder.apply(r);
        if (answer != null) {
          socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(5000);
  }
}
