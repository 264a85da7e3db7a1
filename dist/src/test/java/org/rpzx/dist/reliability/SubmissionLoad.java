package org.rpzx.dist.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent submitters (some by SMTP, some by HTTP), each sending small submissions of fresh,
 * unique names one after the other until stopped, and recording every acknowledged one.
 */
final class SubmissionLoad {

  /** A submission the service acknowledged (250 / 201), with the names it carried. */
  record Ack(String channel, long id, List<String> names) {}

  private final Submitter submitter;
  private final String prefix;
  private final int smtpWorkers;
  private final int httpWorkers;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Ack> acks = new ArrayList<>();
  private final List<String> anomalies = new ArrayList<>();
  private final List<String> unansweredSamples = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger temporaryFailures = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final Map<Integer, AtomicInteger> replyCodes = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /** {@code prefix} makes this load's names unique (e.g. the trial number). */
  SubmissionLoad(Submitter submitter, String prefix, int smtpWorkers, int httpWorkers) {
    this.submitter = submitter;
    this.prefix = prefix;
    this.smtpWorkers = smtpWorkers;
    this.httpWorkers = httpWorkers;
  }

  void start() {
    for (int w = 0; w < smtpWorkers + httpWorkers; w++) {
      boolean smtp = w < smtpWorkers;
      String worker = prefix + "-" + (smtp ? "m" : "h") + w;
      Thread t = new Thread(() -> work(worker, smtp), "submitter-" + worker);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void work(String worker, boolean smtp) {
    int seq = 0;
    while (!stopped) {
      int n = 1 + ThreadLocalRandom.current().nextInt(3);
      List<String> names = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        names.add(worker + "-" + seq + "-" + i + ".crash.example");
      }
      seq++;
      attempts.incrementAndGet();
      Submitter.Reply r = smtp ? submitter.mail(names) : submitter.post(names);
      replyCodes.computeIfAbsent(r.code(), c -> new AtomicInteger()).incrementAndGet();
      switch (r.kind()) {
        case ACKNOWLEDGED -> {
          synchronized (this) {
            acks.add(new Ack(smtp ? "smtp" : "http", r.submissionId(), List.copyOf(names)));
            if (r.accepted() != names.size()) {
              anomalies.add("accepted " + r.accepted() + " of " + names + ": " + r.text());
            }
          }
        }
        case TEMPORARY_FAILURE -> temporaryFailures.incrementAndGet();
        case NO_ANSWER -> {
          unanswered.incrementAndGet();
          synchronized (this) {
            if (unansweredSamples.size() < 5) {
              unansweredSamples.add(r.text());
            }
          }
          pause(); // the service is (being) killed
        }
        case REFUSED -> {
          synchronized (this) {
            anomalies.add(r.code() + " " + r.text());
          }
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every submitter and waits until each has its last answer (or none). */
  void stop() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) {
      t.join(60_000);
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not finish");
      }
    }
  }

  synchronized List<Ack> acks() {
    return List.copyOf(acks);
  }

  /** What the client saw for the first few submissions without an answer. */
  synchronized List<String> unansweredSamples() {
    return List.copyOf(unansweredSamples);
  }

  synchronized List<String> anomalies() {
    return List.copyOf(anomalies);
  }

  int attempts() {
    return attempts.get();
  }

  int temporaryFailures() {
    return temporaryFailures.get();
  }

  /** How many times each final reply code came (250, 451, 421, ...; 0: no answer). */
  Map<Integer, Integer> replyCodes() {
    Map<Integer, Integer> out = new TreeMap<>();
    replyCodes.forEach((code, n) -> out.put(code, n.get()));
    return out;
  }

  /** Submissions that got no answer: in flight when the service died. */
  int unanswered() {
    return unanswered.get();
  }
}
