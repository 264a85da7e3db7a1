package org.rpzx.dist.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the bulk load generators at a lower CPU priority than the server and the latency probes.
 * On one machine the 20 AXFR readers and 200 SMTP clients are as many runnable threads as the
 * server has, and Linux shares the cores between runnable threads fairly; remote clients would not
 * take the server's cores at all. A thread that raises its own nice value (allowed without
 * privilege) passes it to every thread it creates, so the generators are started from one such
 * thread; the server process and the SOA probes keep nice 0.
 */
final class GeneratorPriority {

  /** The nice value of the generator threads (0 is normal, 19 the lowest). */
  static final int NICE = 10;

  private GeneratorPriority() {}

  /** What {@link #startNiced} did: the nice value applied, or why none. */
  record Outcome(boolean niced, String detail) {}

  /** Runs {@code starter} on a thread reniced to {@link #NICE}; threads it creates inherit it. */
  static Outcome startNiced(Starter starter) throws Exception {
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              outcome.set(reniceCurrentThread());
              try {
                starter.start();
              } catch (Exception e) {
                failure.set(e);
              }
            },
            "generator-starter");
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
    return outcome.get();
  }

  /** Starts generator threads. */
  interface Starter {
    void start() throws Exception;
  }

  private static Outcome reniceCurrentThread() {
    Path self = Path.of("/proc/thread-self");
    if (!Files.exists(self)) {
      return new Outcome(false, "no /proc/thread-self (not Linux): generators at normal priority");
    }
    try {
      // "/proc/thread-self" links to "<pid>/task/<tid>": setpriority(2) takes the thread id
      String tid = Files.readSymbolicLink(self).getFileName().toString();
      Process renice =
          new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
              .redirectErrorStream(true)
              .start();
      String out = new String(renice.getInputStream().readAllBytes()).strip();
      if (!renice.waitFor(10, TimeUnit.SECONDS) || renice.exitValue() != 0) {
        return new Outcome(false, "renice failed: " + out);
      }
      return new Outcome(true, "generator threads at nice " + NICE + " (server and probes at 0)");
    } catch (IOException e) {
      return new Outcome(false, "renice not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }
}
