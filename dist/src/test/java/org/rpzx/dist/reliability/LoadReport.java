package org.rpzx.dist.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The figures of one {@link LoadHarness} run, the failed checks, and the table printed for both.
 */
record LoadReport(
    LoadHarness.Settings settings,
    List<String> rows,
    List<String> failures,
    List<String> findings,
    int acknowledged,
    Latencies.Summary soa,
    Map<Integer, Integer> smtpCodes,
    int axfrCompleted,
    Map<SlowLoris.Kind, SlowLoris.KindResult> slowLoris) {

  boolean ok() {
    return failures.isEmpty();
  }

  /** A Markdown table of every figure, then the failures and findings. */
  String table() {
    StringJoiner out = new StringJoiner("\n");
    out.add("| measure | figure |").add("| --- | --- |");
    rows.forEach(out::add);
    out.add(failures.isEmpty() ? "checks: all passed" : "FAILED checks:");
    failures.forEach(f -> out.add("  - " + f));
    findings.forEach(f -> out.add("finding: " + f));
    return out.toString();
  }

  /** Collects the parts as the harness measures them. */
  static final class Builder {
    private final LoadHarness.Settings s;
    private final List<String> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private int acknowledged;
    private Latencies.Summary soa = new Latencies.Summary(0, 0, 0, 0, 0);
    private Map<Integer, Integer> smtpCodes = Map.of();
    private int axfrCompleted;
    private Map<SlowLoris.Kind, SlowLoris.KindResult> slow = Map.of();

    Builder(LoadHarness.Settings s) {
      this.s = s;
    }

    private void row(String measure, String figure, Object... args) {
      rows.add("| " + measure + " | " + String.format(figure, args) + " |");
    }

    void fail(String failure) {
      failures.add(failure);
    }

    void preload(int names, double seconds) {
      row("names preloaded (store, before start)", "%,d in %.1f s", names, seconds);
    }

    void startup(double seconds) {
      row("`rpzx serve` start to first SOA answer", "%.1f s (JVM %s)", seconds, s.jvmOptions());
    }

    void generatorPriority(String detail) {
      row("load generators (AXFR, SMTP, slow clients)", "%s", detail);
    }

    void smtp(SubmissionLoad load, double seconds) {
      acknowledged = load.acks().size();
      smtpCodes = load.replyCodes();
      row(
          "SMTP sessions (" + s.smtpSessions() + " concurrent, Jakarta Mail, 1-3 names each)",
          "%,d in %.0f s (%.1f/s); replies %s; no answer %d",
          load.attempts(),
          seconds,
          load.attempts() / seconds,
          smtpCodes,
          load.unanswered());
      if (acknowledged == 0) {
        fail("no SMTP submission was answered 250");
      }
      if (load.unanswered() > 0) {
        findings.add(
            load.unanswered()
                + " SMTP submissions without an answer (not acknowledged, so not lost); first: "
                + load.unansweredSamples());
      }
    }

    void axfr(AxfrLoop.Result r) {
      axfrCompleted = r.completed();
      row(
          "AXFR clients (" + s.axfrClients() + " in a loop, raw TCP)",
          "%d complete, %d failed, %d cut at the end; %,d RRs per transfer; slowest %.1f s; %.0f MB",
          r.completed(),
          r.failed(),
          r.cutAtStop(),
          r.maxRecords(),
          r.maxSeconds(),
          r.bytes() / 1e6);
      if (r.completed() == 0) {
        fail("no AXFR completed during the load");
      }
      if (r.failed() > 0) {
        fail(r.failed() + " AXFRs failed: " + r.errors());
      }
    }

    void udp(UdpSoaLoad.Result r) {
      row(
          "UDP SOA load (Java, one channel, paced)",
          "target %,d qps, sent %,.0f qps; answered %,d of %,d (%d errors, %,d lost); %s",
          r.targetQps(),
          r.achievedQps(),
          r.answered(),
          r.sent(),
          r.errors(),
          r.lost(),
          r.latency().line());
    }

    void udpDrops(long drops) {
      row(
          "queries dropped at the server's UDP socket (full receive buffer, /proc/net/udp)",
          "%,d",
          drops);
    }

    void sampler(SoaSampler.Result r) {
      soa = r.latency();
      row(
          "**SOA latency** (sampler: 1 UDP query / 10 ms)",
          "**%s**; %,d queries, %d never answered (counted as 1 s)",
          r.latency().line(),
          r.queries(),
          r.lost());
      if (r.answered() == 0) {
        fail("the SOA sampler got no answer");
      }
    }

    void slowLoris(Map<SlowLoris.Kind, SlowLoris.KindResult> results) {
      slow = results;
      results.forEach(
          (kind, k) -> {
            row(
                "slow client " + kind,
                "%d opened, %d refused at connect, %d closed by the server after %.1f-%.1f s, %d"
                    + " still open",
                k.opened(),
                k.refused(),
                k.closed(),
                k.minSeconds(),
                k.maxSeconds(),
                k.open());
            if (k.open() > 0 && LoadHarness.MUST_CLOSE.contains(kind)) {
              fail(k.open() + " " + kind + " connections were not closed by the server");
            }
          });
    }

    void memory(ProcessMemory.Result m) {
      row(
          "server RSS (VmRSS every 0.5 s)",
          "start %.0f MiB, max %.0f MiB, end %.0f MiB; VmHWM %.0f MiB",
          m.startMiB(),
          m.maxMiB(),
          m.endMiB(),
          m.hwmMiB());
      row(
          "load average (1 min, 2 vCPU shared)",
          "%.2f at start, %.2f max, %.2f at end",
          m.loadStart(),
          m.loadMax(),
          m.loadEnd());
    }

    void health(String healthz) {
      row("after the load: /healthz", "%s", healthz.replace('|', '/'));
    }

    void lost(int acked, int notStored, int notInZone, int zoneNames, int storeNames) {
      row(
          "after the load: names answered 250",
          "%,d; missing from the store %d, from the AXFR %d; zone %,d names, store %,d",
          acked,
          notStored,
          notInZone,
          zoneNames,
          storeNames);
    }

    LoadReport build() {
      return new LoadReport(
          s,
          List.copyOf(rows),
          List.copyOf(failures),
          List.copyOf(findings),
          acknowledged,
          soa,
          smtpCodes,
          axfrCompleted,
          slow);
    }
  }
}
