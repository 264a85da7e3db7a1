package org.rpzx.bench.suite;

/**
 * Start-up time: polls the server with SOA queries over UDP every 5 ms until the first good answer,
 * and prints the time since {@code --since-epoch-ns} (the script's clock reading just before it
 * started the server) and the serial.
 */
public final class SoaWait {

  private SoaWait() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    long since = a.getLong("since-epoch-ns", -1);
    long deadline = System.nanoTime() + a.getLong("timeout-s", 300) * 1_000_000_000L;
    try (SoaClient c = new SoaClient(a.host(), a.port(), a.zone())) {
      while (System.nanoTime() < deadline) {
        if (c.ask(20) >= 0) {
          long now = epochNanos();
          if (since > 0) {
            Stats.out("first_soa_ms", (now - since) / 1e6);
          }
          Stats.out("serial", c.lastSerial());
          return;
        }
        Thread.sleep(5);
      }
    }
    System.err.println("no SOA answer from " + a.host() + ":" + a.port() + " in time");
    System.exit(1);
  }

  static long epochNanos() {
    java.time.Instant t = java.time.Instant.now();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
