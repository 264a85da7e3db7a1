package org.rpzx.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints the suite's table (Markdown) from its results file ({@code SIZE SERVER KEY VALUE}, tab
 * separated): one table per zone size, rpzx and each peer side by side, each peer's figure with the
 * ratio rpzx ÷ peer in brackets, the target and whether rpzx meets it. A target is never a reason
 * for a non-zero exit: the script fails on broken steps only.
 */
public final class Report {

  static final List<String> PEERS = List.of("bind", "knot", "nsd");

  /** How a row's target is judged. */
  enum Kind {
    NONE,
    AT_LEAST_TIMES_PEER,
    AT_MOST_TIMES_PEER,
    BELOW
  }

  /**
   * One row: the figure's key, how to show it (divisor and digits), and its target: {@code factor}
   * times {@code peer}'s figure, or below {@code factor} for {@link Kind#BELOW}.
   */
  record Row(
      String label,
      String key,
      double divisor,
      int digits,
      Kind kind,
      String peer,
      double factor,
      String target) {

    /** The key of the peers' figure this row compares with: its own, unless {@link #PEER_KEYS}. */
    String peerKey() {
      return PEER_KEYS.getOrDefault(key, key);
    }
  }

  /** Rows whose peers' figure has another key: peers load their zone file on every start. */
  static final Map<String, String> PEER_KEYS = Map.of("first_soa_restart_ms", "first_soa_ms");

  static final List<Row> ROWS =
      List.of(
          new Row(
              "AXFR, raw client (M RR/s)",
              "axfr_rr_per_s",
              1e6,
              2,
              Kind.AT_LEAST_TIMES_PEER,
              "knot",
              2,
              "≥ 2× Knot"),
          new Row("AXFR time (s)", "axfr_s", 1, 2, Kind.NONE, null, 0, ""),
          new Row(
              "AXFR bytes/RR",
              "axfr_bytes_per_rr",
              1,
              2,
              Kind.AT_MOST_TIMES_PEER,
              "nsd",
              1,
              "≤ NSD"),
          new Row(
              "RSS after load, largest process (MiB)",
              "rss_mib",
              1,
              0,
              Kind.AT_MOST_TIMES_PEER,
              "bind",
              0.5,
              "≤ ½ BIND"),
          new Row("PSS of all its processes (MiB)", "pss_mib", 1, 0, Kind.NONE, null, 0, ""),
          new Row(
              "start to first SOA answer, zone built from the store (s)",
              "first_soa_ms",
              1000,
              2,
              Kind.AT_MOST_TIMES_PEER,
              "knot",
              0.2,
              "≤ ⅕ Knot"),
          new Row(
              "… after a clean stop, from the zone image (s)",
              "first_soa_restart_ms",
              1000,
              2,
              Kind.AT_MOST_TIMES_PEER,
              "knot",
              0.2,
              "≤ ⅕ Knot"),
          info("… its RSS one second later (MiB)", "restart_rss_mib", 1, 0),
          new Row(
              "SOA over UDP, dnsperf (k qps)",
              "qps",
              1000,
              1,
              Kind.AT_LEAST_TIMES_PEER,
              "knot",
              1,
              "≥ Knot"),
          info("… a fixed-answer Java UDP loop (k qps)", "nio_ceiling_qps", 1000, 1),
          new Row(
              "SOA p99 during concurrent AXFRs (ms)",
              "storm_soa_p99_ms",
              1,
              1,
              Kind.BELOW,
              null,
              50,
              "< 50 ms"),
          new Row(
              "SOA p50 during concurrent AXFRs (ms)",
              "storm_soa_p50_ms",
              1,
              1,
              Kind.NONE,
              null,
              0,
              ""),
          info("… SOA answers sampled during them", "storm_soa_n", 1, 0),
          info("… SOA queries unanswered within 1 s", "storm_soa_lost", 1, 0),
          info("… all transfers done after (s)", "storm_s", 1, 2),
          new Row(
              "big domains.txt over SMTP: 250 (s)",
              "smtp_total_s",
              1,
              2,
              Kind.BELOW,
              null,
              3,
              "< 3 s"),
          new Row("… its lines", "smtp_lines", 1, 0, Kind.NONE, null, 0, ""),
          new Row("… lines/s (k)", "smtp_lines_per_s", 1000, 0, Kind.NONE, null, 0, ""),
          new Row("10 lines → NOTIFY p50 (ms)", "notify_p50_ms", 1, 1, Kind.NONE, null, 0, ""),
          new Row(
              "10 lines → NOTIFY p99 (ms)",
              "notify_p99_ms",
              1,
              1,
              Kind.BELOW,
              null,
              100,
              "< 100 ms"),
          new Row(
              "10 lines → BIND NXDOMAIN p50 (ms)", "nxdomain_p50_ms", 1, 0, Kind.NONE, null, 0, ""),
          new Row(
              "10 lines → BIND NXDOMAIN p99 (ms)",
              "nxdomain_p99_ms",
              1,
              0,
              Kind.BELOW,
              null,
              2000,
              "< 2 s"),
          new Row("… not enforced within 30 s", "nxdomain_missing", 1, 0, Kind.NONE, null, 0, ""),
          info("… BIND's IXFR per serial, p50 (ms; its log)", "bind_ixfr_p50_ms", 1, 0),
          info("… BIND's RPZ reload per serial, p50 (ms; its log)", "bind_rpz_reload_p50_ms", 1, 0),
          info("… BIND's RPZ reload per serial, p99 (ms; its log)", "bind_rpz_reload_p99_ms", 1, 0),
          new Row(
              "BIND: SOA served to policy enforced (s)",
              "resolver_policy_ready_s",
              1,
              1,
              Kind.NONE,
              null,
              0,
              ""),
          new Row(
              "IXFR of a 1000-name delta, median (ms)",
              "ixfr_p50_ms",
              1,
              1,
              Kind.BELOW,
              null,
              20,
              "< 20 ms"),
          new Row(
              "IXFR of a 1000-name delta, max (ms)", "ixfr_max_ms", 1, 1, Kind.NONE, null, 0, ""));

  private Report() {}

  /** A row without a target. */
  static Row info(String label, String key, double divisor, int digits) {
    return new Row(label, key, divisor, digits, Kind.NONE, null, 0, "");
  }

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    // size -> server -> key -> value
    Map<Long, Map<String, Map<String, Double>>> results = new LinkedHashMap<>();
    TreeSet<Long> sizes = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(a.get("results")))) {
      String[] f = line.split("\t");
      if (f.length != 4) {
        continue;
      }
      long size = Long.parseLong(f[0]);
      sizes.add(size);
      results
          .computeIfAbsent(size, k -> new LinkedHashMap<>())
          .computeIfAbsent(f[1], k -> new LinkedHashMap<>())
          .put(f[2], Double.parseDouble(f[3]));
    }
    for (long size : sizes) {
      System.out.print(table(size, results.get(size)));
      System.out.println();
    }
  }

  static String table(long size, Map<String, Map<String, Double>> bySever) {
    StringBuilder sb = new StringBuilder();
    List<String> peers = new ArrayList<>();
    for (String p : PEERS) {
      if (bySever.containsKey(p)) {
        peers.add(p);
      }
    }
    sb.append(String.format(Locale.ROOT, "%,d names (peer cells: figure (rpzx ÷ peer))%n%n", size));
    sb.append("| figure | rpzx |");
    peers.forEach(p -> sb.append(' ').append(label(p)).append(" |"));
    sb.append(" target | rpzx meets it |\n|---|---|");
    peers.forEach(p -> sb.append("---|"));
    sb.append("---|---|\n");
    Map<String, Double> rpzx = bySever.getOrDefault("rpzx", Map.of());
    for (Row row : ROWS) {
      Double mine = rpzx.get(row.key());
      boolean anyPeer = peers.stream().anyMatch(p -> bySever.get(p).containsKey(row.peerKey()));
      if (mine == null && !anyPeer) {
        continue;
      }
      sb.append("| ").append(row.label()).append(" | ").append(fmt(mine, row)).append(" |");
      for (String p : peers) {
        Double theirs = bySever.get(p).get(row.peerKey());
        sb.append(' ').append(fmt(theirs, row));
        if (theirs != null && mine != null && theirs != 0) {
          sb.append(String.format(Locale.ROOT, " (%.3g)", mine / theirs));
        }
        sb.append(" |");
      }
      sb.append(' ').append(row.target()).append(" | ").append(verdict(row, mine, bySever));
      sb.append(" |\n");
    }
    return sb.toString();
  }

  static String verdict(Row row, Double mine, Map<String, Map<String, Double>> bySever) {
    if (row.kind() == Kind.NONE) {
      return "";
    }
    if (mine == null) {
      return "not measured";
    }
    if (row.kind() == Kind.BELOW) {
      return mine < row.factor()
          ? "yes"
          : String.format(Locale.ROOT, "no (%.3g× the bound)", mine / row.factor());
    }
    Double peer = bySever.getOrDefault(row.peer(), Map.of()).get(row.peerKey());
    if (peer == null) {
      return "n/a (" + label(row.peer()) + " not measured)";
    }
    double bound = peer * row.factor();
    boolean ok = row.kind() == Kind.AT_LEAST_TIMES_PEER ? mine >= bound : mine <= bound;
    return ok ? "yes" : String.format(Locale.ROOT, "no (%.3g× the bound)", mine / bound);
  }

  static String fmt(Double v, Row row) {
    if (v == null) {
      return "—";
    }
    return String.format(Locale.ROOT, "%,." + row.digits() + "f", v / row.divisor());
  }

  static String label(String server) {
    return switch (server) {
      case "bind" -> "BIND";
      case "knot" -> "Knot";
      case "nsd" -> "NSD";
      default -> server;
    };
  }
}
