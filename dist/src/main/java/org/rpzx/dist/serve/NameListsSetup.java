package org.rpzx.dist.serve;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.rpzx.core.lists.NameLists;
import org.rpzx.core.lists.TopSitesSource;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.dist.api.ListsApi;
import org.rpzx.dist.api.Route;
import org.rpzx.dist.config.ConfigException;
import org.rpzx.dist.config.RpzxConfig;
import org.rpzx.dist.lists.TopSitesFetcher;

/**
 * The name lists as the configuration describes them. The Top-N file is {@code top-sites.file}, or
 * {@code <data-dir>/top-sites.csv} when that key is empty; while the file does not exist the
 * bundled top 10 000 is used, and {@code rpzx top-sites fetch} writes it. {@code allowlist.file},
 * when set, must exist.
 */
public final class NameListsSetup {

  /** Where a fetched list goes when {@code top-sites.file} is not set. */
  static final String FETCHED_FILE = "top-sites.csv";

  private NameListsSetup() {}

  static NameLists open(
      RpzxConfig cfg, Path dataDir, Database db, ValidationPolicy policy, Clock clock) {
    RpzxConfig.Allowlist allow = cfg.allowlist();
    Path allowlistFile =
        allow == null || allow.file() == null || allow.file().isBlank()
            ? null
            : Path.of(allow.file());
    TopSitesSource topSites;
    try {
      topSites = new TopSitesSource(topSitesFile(cfg, dataDir), cfg.topSites().n());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("top-sites.n: " + e.getMessage());
    }
    try {
      return NameLists.open(db, policy, topSites, allowlistFile, clock);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The routes of {@link ListsApi}; a fetch writes the Top-N file. */
  static List<Route> routes(NameLists lists, RpzxConfig cfg, Path dataDir) {
    return new ListsApi(
            lists,
            new TopSitesFetcher(TopSitesFetcher.Limits.defaults()),
            topSitesFile(cfg, dataDir),
            cfg.topSites().url())
        .routes();
  }

  static Path topSitesFile(RpzxConfig cfg, Path dataDir) {
    String file = cfg.topSites().file();
    return file == null || file.isBlank() ? dataDir.resolve(FETCHED_FILE) : Path.of(file);
  }
}
