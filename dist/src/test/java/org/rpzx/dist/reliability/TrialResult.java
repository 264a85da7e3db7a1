package org.rpzx.dist.reliability;

import java.util.List;

/** One crash trial: what was sent, when it was killed, what the restart showed. */
record TrialResult(
    int trial,
    long killDelayMillis,
    int ackedSmtp,
    int ackedHttp,
    int temporaryFailures,
    int inFlight,
    long serialBeforeKill,
    long storedSerial,
    long restartMillis,
    long firstSerial,
    String ixfrKind,
    int ixfrRecords,
    int zoneNames,
    List<String> failures) {

  TrialResult {
    failures = List.copyOf(failures);
  }

  boolean ok() {
    return failures.isEmpty();
  }

  String line() {
    return String.format(
        "trial %3d: kill after %4d ms | acked %3d (smtp %3d, http %3d), 451/503 %d, in flight %d"
            + " | serial seen %d, stored %d, after restart %d | restart %4d ms | IXFR %s %d RRs"
            + " | zone %d names | %s",
        trial,
        killDelayMillis,
        ackedSmtp + ackedHttp,
        ackedSmtp,
        ackedHttp,
        temporaryFailures,
        inFlight,
        serialBeforeKill,
        storedSerial,
        firstSerial,
        restartMillis,
        ixfrKind,
        ixfrRecords,
        zoneNames,
        ok() ? "OK" : "FAILED " + failures);
  }
}
