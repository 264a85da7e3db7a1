package org.rpzx.dist.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A consumer polling the SOA over UDP every few milliseconds: the newest serial it saw, and every
 * time the serial went backwards (RFC 1982) between two answers.
 */
final class SerialMonitor {

  private final ZoneClient dns;
  private final Thread thread;
  private final List<String> regressions = new ArrayList<>();
  private volatile boolean stopped;
  private long latest;

  SerialMonitor(ZoneClient dns, long floor) {
    this.dns = dns;
    this.latest = floor;
    this.thread = new Thread(this::poll, "serial-monitor");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void poll() {
    while (!stopped) {
      OptionalLong s = dns.soaSerial(Duration.ofMillis(200));
      if (s.isPresent()) {
        synchronized (this) {
          long now = s.getAsLong();
          if (ZoneView.newer(latest, now)) {
            regressions.add("serial went back from " + latest + " to " + now);
          } else {
            latest = now;
          }
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The newest serial answered so far (or the floor it started from). */
  synchronized long latest() {
    return latest;
  }

  synchronized List<String> regressions() {
    return List.copyOf(regressions);
  }

  void stop() throws InterruptedException {
    stopped = true;
    thread.join(5_000);
  }
}
