package org.rpzx.dist.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's resident memory, sampled from {@code /proc/PID/status} ({@code VmRSS}, {@code
 * VmHWM}) every {@code periodMillis}, with the machine's 1-minute load average from {@code
 * /proc/loadavg} alongside (the figures mean little without it on a shared machine).
 */
final class ProcessMemory {

  /** RSS at start, highest sampled, at the end, in MiB; the kernel's high-water mark; load. */
  record Result(
      double startMiB,
      double maxMiB,
      double endMiB,
      double hwmMiB,
      double loadStart,
      double loadMax,
      double loadEnd,
      int samples) {}

  private final long pid;
  private final long periodMillis;
  private Thread thread;
  private volatile boolean stopped;
  private long startKb = -1;
  private long maxKb;
  private long lastKb;
  private long hwmKb;
  private double loadStart = -1;
  private double loadMax;
  private double loadLast;
  private int samples;

  ProcessMemory(long pid, long periodMillis) {
    this.pid = pid;
    this.periodMillis = periodMillis;
  }

  void start() {
    sample();
    thread = new Thread(this::run, "rss-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!stopped) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private synchronized void sample() {
    try {
      long rss = -1;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kb(line);
        } else if (line.startsWith("VmHWM:")) {
          hwmKb = Math.max(hwmKb, kb(line));
        }
      }
      if (rss >= 0) {
        if (startKb < 0) {
          startKb = rss;
        }
        maxKb = Math.max(maxKb, rss);
        lastKb = rss;
        samples++;
      }
      double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      if (loadStart < 0) {
        loadStart = load;
      }
      loadMax = Math.max(loadMax, load);
      loadLast = load;
    } catch (IOException | RuntimeException e) {
      // the process is gone (or no /proc): keep what was sampled
    }
  }

  private static long kb(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  Result stop() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join(5_000);
    sample();
    synchronized (this) {
      return new Result(
          startKb / 1024.0,
          maxKb / 1024.0,
          lastKb / 1024.0,
          hwmKb / 1024.0,
          loadStart,
          loadMax,
          loadLast,
          samples);
    }
  }
}
