package org.rpzx.bench.suite;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Prints {@code --count} loopback ports that are free for both TCP and UDP, one per line. */
public final class FreePorts {

  private FreePorts() {}

  public static void main(String[] argv) throws IOException {
    int count = new Args(argv).getInt("count", 1);
    List<ServerSocket> held = new ArrayList<>();
    List<DatagramSocket> heldUdp = new ArrayList<>();
    try {
      while (held.size() < count) {
        ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
          heldUdp.add(new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress()));
          held.add(tcp);
        } catch (IOException e) {
          tcp.close(); // UDP side taken: try another
        }
      }
      held.forEach(s -> System.out.println(s.getLocalPort()));
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
      heldUdp.forEach(DatagramSocket::close);
    }
  }
}
