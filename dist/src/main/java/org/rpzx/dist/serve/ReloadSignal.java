package org.rpzx.dist.serve;

import java.util.ArrayList;
import java.util.List;
import org.rpzx.core.lists.AllowlistFileStatus;
import org.rpzx.core.lists.NameLists;
import org.rpzx.core.lists.Reload;
import org.rpzx.core.lists.TopSitesStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -HUP} re-reads the Top-N file and the allowlist file, as daemons do; a list that
 * fails to load keeps the one in force. Uses {@code sun.misc.Signal} (module jdk.unsupported,
 * present on every JDK rpzx supports); where SIGHUP is not available the lists are still reloaded
 * through the API.
 */
public final class ReloadSignal {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

  private ReloadSignal() {}

  /** Installs the SIGHUP handler; false if this platform or JVM does not let rpzx have SIGHUP. */
  public static boolean install(NameLists lists) {
    try {
      SignalHandler previous = Signal.handle(new Signal("HUP"), s -> reloadAndLog(lists));
      if (previous == SignalHandler.SIG_IGN) {
        LOG.warn("SIGHUP is ignored by this process (nohup?): reload the lists through the API");
        return false;
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warn("no SIGHUP reload ({}): reload the lists through the API", e.getMessage());
      return false;
    }
  }

  /** What one list's reload did, as a log line. */
  record Outcome(boolean reloaded, String line) {}

  private static void reloadAndLog(NameLists lists) {
    try {
      for (Outcome o : reload(lists)) {
        if (o.reloaded()) {
          LOG.info(o.line());
        } else {
          LOG.warn(o.line());
        }
      }
    } catch (RuntimeException e) {
      LOG.error("SIGHUP: reload failed, the lists in force stay: {}", e.toString());
    }
  }

  /** Reloads both lists; one line per list says what happened. */
  static List<Outcome> reload(NameLists lists) {
    List<Outcome> lines = new ArrayList<>();
    Reload<TopSitesStatus> top = lists.reloadTopSites();
    if (top instanceof Reload.Reloaded<TopSitesStatus> ok) {
      TopSitesStatus s = ok.status();
      lines.add(
          ok(
              "SIGHUP: top-sites reloaded from "
                  + (s.file() == null ? "the bundled list" : s.file())
                  + ": "
                  + s.names()
                  + " names"
                  + (s.sha256() == null ? "" : ", sha256 " + s.sha256())));
    } else if (top instanceof Reload.Failed<TopSitesStatus> f) {
      lines.add(
          failed(
              "SIGHUP: top-sites not reloaded, "
                  + f.kept().names()
                  + " names kept: "
                  + f.message()));
    }
    Reload<AllowlistFileStatus> allow = lists.reloadAllowlistFile();
    if (allow instanceof Reload.Reloaded<AllowlistFileStatus> ok) {
      AllowlistFileStatus s = ok.status();
      lines.add(
          ok(
              "SIGHUP: allowlist reloaded: "
                  + (s.file() == null ? "no file" : s.file() + " " + s.fileNames() + " names")
                  + ", store "
                  + s.storeNames()
                  + " names"));
    } else if (allow instanceof Reload.Failed<AllowlistFileStatus> f) {
      lines.add(failed("SIGHUP: allowlist file not reloaded, previous names kept: " + f.message()));
    }
    return lines;
  }

  private static Outcome ok(String line) {
    return new Outcome(true, line);
  }

  private static Outcome failed(String line) {
    return new Outcome(false, line);
  }
}
