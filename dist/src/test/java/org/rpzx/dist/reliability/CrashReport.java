package org.rpzx.dist.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/** All trials of one harness run and the figures over them. */
public record CrashReport(
    int requestedTrials,
    List<TrialResult> trials,
    Duration firstStart,
    Duration wallTime,
    Path log) {

  public CrashReport {
    trials = List.copyOf(trials);
  }

  /** Every requested trial ran and passed every check. */
  public boolean ok() {
    return trials.size() == requestedTrials && trials.stream().allMatch(TrialResult::ok);
  }

  public List<String> failures() {
    return trials.stream()
        .filter(t -> !t.ok())
        .map(t -> "trial " + t.trial() + ": " + t.failures())
        .toList();
  }

  public long acknowledged() {
    return sum(t -> t.ackedSmtp() + t.ackedHttp());
  }

  public long inFlight() {
    return sum(TrialResult::inFlight);
  }

  private long sum(ToLongFunction<TrialResult> f) {
    return trials.stream().mapToLong(f).sum();
  }

  private String spread(ToLongFunction<TrialResult> f) {
    long[] v = trials.stream().mapToLong(f).filter(x -> x >= 0).sorted().toArray();
    if (v.length == 0) {
      return "-";
    }
    return String.format(
        "min %d / median %d / p95 %d / max %d",
        v[0],
        v[v.length / 2],
        v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.95) - 1)],
        v[v.length - 1]);
  }

  public String summary() {
    long ixfr = trials.stream().filter(t -> t.ixfrKind().equals("ixfr")).count();
    long axfrForm = trials.stream().filter(t -> t.ixfrKind().equals("axfr")).count();
    long current = trials.stream().filter(t -> t.ixfrKind().equals("current")).count();
    return String.join(
        "\n",
        "summary: "
            + trials.size()
            + "/"
            + requestedTrials
            + " trials, "
            + failures().size()
            + " failed, wall time "
            + wallTime.toSeconds()
            + " s, first start "
            + firstStart.toMillis()
            + " ms",
        "  acknowledged submissions: "
            + acknowledged()
            + " (smtp "
            + sum(TrialResult::ackedSmtp)
            + ", http "
            + sum(TrialResult::ackedHttp)
            + "), 451/503: "
            + sum(TrialResult::temporaryFailures)
            + ", unanswered (in flight at the kill): "
            + inFlight(),
        "  kill delay ms: " + spread(TrialResult::killDelayMillis),
        "  restart to first SOA answer ms: " + spread(TrialResult::restartMillis),
        "  IXFR from the pre-crash consumer: "
            + ixfr
            + " incremental, "
            + axfrForm
            + " AXFR-form, "
            + current
            + " already current; RRs "
            + spread(TrialResult::ixfrRecords),
        "  zone size at the end: "
            + (trials.isEmpty() ? 0 : trials.get(trials.size() - 1).zoneNames())
            + " names",
        "  log: " + log);
  }
}
