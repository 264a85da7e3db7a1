package org.rpzx.core.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rpzx.core.directory.Mutation;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameNormalizer;
import org.rpzx.core.name.PublicSuffixes;
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.store.NameListStore;
import org.rpzx.core.submission.ValidationRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's name lists: the allowlist (the store's entries merged with an optional file), the
 * suppressions and the Top-N list. Every change and every successful reload is applied to {@link
 * #rules()} before the call returns, so the next submission is validated against it; a failed
 * reload changes nothing. A list change never touches the zone: names already published stay until
 * they expire or are removed as entries ({@link #zonePresence} says what is there). Thread-safe.
 */
public final class NameLists {

  private static final Logger LOG = LoggerFactory.getLogger(NameLists.class);
  private static final NameNormalizer NORMALIZER = new NameNormalizer(true);
  private static final int MAX_TEXT = 500;

  private final Database db;
  private final Clock clock;
  private final Path allowlistFile;
  private final ValidationRules rules;
  private volatile TopSitesSource topSitesSource;
  private volatile TrancoList topSites;
  private volatile TopSitesStatus topSitesStatus;
  private volatile List<String> fileNames = List.of();
  private volatile AllowlistFileStatus fileStatus;

  private NameLists(
      Database db,
      Clock clock,
      ValidationPolicy policy,
      TopSitesSource source,
      TopSitesLoader.Result.Loaded top,
      Path allowlistFile) {
    this.db = db;
    this.clock = clock;
    this.allowlistFile = allowlistFile;
    this.topSitesSource = source;
    this.topSites = top.list();
    this.topSitesStatus = top.status();
    this.rules = new ValidationRules(db, policy, () -> topSites, clock);
  }

  /**
   * Loads the lists and builds the rules. While the Top-N file does not exist (it has not been
   * fetched yet) the bundled list is used; a Top-N file that exists but is bad, or an allowlist
   * file that is missing or bad, is an {@link IllegalArgumentException} with a clear message.
   *
   * @param allowlistFile the operator's allowlist file, or null
   */
  public static NameLists open(
      Database db,
      ValidationPolicy policy,
      TopSitesSource topSites,
      Path allowlistFile,
      Clock clock) {
    Instant now = clock.instant();
    TopSitesLoader.Result first = TopSitesLoader.load(topSites, now);
    if (first instanceof TopSitesLoader.Result.Failed f) {
      if (topSites.isBundled() || Files.exists(topSites.file())) {
        throw new IllegalArgumentException("cannot load the Top-N list: " + f.message());
      }
      LOG.info(
          "top-sites file {} does not exist (yet): using the bundled list until it does",
          topSites.file());
      first = bundledFallback(topSites, now);
    }
    NameLists lists =
        new NameLists(
            db, clock, policy, topSites, (TopSitesLoader.Result.Loaded) first, allowlistFile);
    if (lists.reloadAllowlistFile() instanceof Reload.Failed<AllowlistFileStatus> f) {
      throw new IllegalArgumentException("cannot load the allowlist file: " + f.message());
    }
    return lists;
  }

  private static TopSitesLoader.Result.Loaded bundledFallback(TopSitesSource source, Instant now) {
    var loaded =
        (TopSitesLoader.Result.Loaded) TopSitesLoader.load(TopSitesSource.bundled(source.n()), now);
    TopSitesStatus s = loaded.status();
    return new TopSitesLoader.Result.Loaded(
        loaded.list(),
        new TopSitesStatus(
            s.source(),
            s.file(),
            source.file().toString(),
            s.n(),
            s.names(),
            s.rows(),
            s.badRows(),
            s.invalidNames(),
            s.loadedAt(),
            s.fileModified(),
            s.sha256()));
  }

  /** The entry rules these lists feed; give them to the submission service. */
  public ValidationRules rules() {
    return rules;
  }

  // ---- allowlist

  /** The store's entries and the file's names, by name (a name may come from both). */
  public List<AllowlistEntry> allowlist() {
    List<AllowlistEntry> out = new ArrayList<>(db.read(NameListStore::allowlist));
    Instant fileModified = fileStatus.fileModified();
    for (String name : fileNames) {
      out.add(new AllowlistEntry(name, AllowlistEntry.Source.FILE, null, null, fileModified));
    }
    out.sort(Comparator.comparing(AllowlistEntry::name).thenComparing(AllowlistEntry::source));
    return out;
  }

  /** Adds {@code rawName} (normalised as a submitted line) to the store's allowlist. */
  public Mutation<AllowlistEntry> allow(String rawName, String comment, String addedBy) {
    Optional<String> refusal = checkText("comment", comment, false);
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    Mutation<String> name = listableName(rawName);
    if (!(name instanceof Mutation.Done<String> n)) {
      return refused(name);
    }
    AllowlistEntry entry =
        new AllowlistEntry(
            n.value(), AllowlistEntry.Source.STORE, blankToNull(comment), addedBy, clock.instant());
    Mutation<AllowlistEntry> result =
        db.inTransaction(
            c -> {
              if (NameListStore.isAllowlisted(c, entry.name())) {
                return new Mutation.Conflict<>(entry.name() + " is already on the allowlist");
              }
              NameListStore.insertAllowlisted(c, entry);
              return new Mutation.Done<>(entry);
            });
    if (result instanceof Mutation.Done<AllowlistEntry>) {
      rules.reloadAllowlist();
      LOG.info("allowlist: {} added by {}", entry.name(), addedBy);
    }
    return result;
  }

  /** Removes {@code rawName} from the store's allowlist (names of the file stay: edit the file). */
  public Mutation<String> disallow(String rawName) {
    Mutation<String> name = normalised(rawName);
    if (!(name instanceof Mutation.Done<String> n)) {
      return name;
    }
    boolean removed = db.inTransaction(c -> NameListStore.deleteAllowlisted(c, n.value()));
    if (!removed) {
      if (fileNames.contains(n.value())) {
        return new Mutation.NotFound<>(
            n.value()
                + " is in the allowlist file "
                + allowlistFile
                + ", not in the store: edit the file and reload it");
      }
      return new Mutation.NotFound<>(n.value() + " is not on the allowlist");
    }
    rules.reloadAllowlist();
    LOG.info("allowlist: {} removed", n.value());
    return name;
  }

  // ---- suppressions

  /** Suppressions by name; with {@code includeExpired} also those no longer in force. */
  public List<Suppression> suppressions(boolean includeExpired) {
    Instant now = clock.instant();
    return db.read(NameListStore::suppressions).stream()
        .filter(s -> includeExpired || s.activeAt(now))
        .toList();
  }

  /**
   * Suppresses exactly {@code rawName} until {@code until} (null: until removed). An expired
   * suppression of the name is replaced; one in force is a conflict.
   */
  public Mutation<Suppression> suppress(
      String rawName, String reason, Instant until, String addedBy) {
    Optional<String> refusal = checkText("reason", reason, true);
    Instant now = clock.instant();
    if (refusal.isEmpty() && until != null && !until.isAfter(now)) {
      refusal = Optional.of("until must be in the future");
    }
    if (refusal.isPresent()) {
      return new Mutation.Invalid<>(refusal.get());
    }
    Mutation<String> name = listableName(rawName);
    if (!(name instanceof Mutation.Done<String> n)) {
      return refused(name);
    }
    Suppression s = new Suppression(n.value(), reason.strip(), until, addedBy, now);
    Mutation<Suppression> result =
        db.inTransaction(
            c -> {
              Optional<Suppression> existing = NameListStore.suppression(c, s.name());
              if (existing.isPresent() && existing.get().activeAt(now)) {
                Instant u = existing.get().until();
                return new Mutation.Conflict<>(
                    s.name()
                        + " is already suppressed "
                        + (u == null ? "without expiry" : "until " + u)
                        + ": remove it first to change it");
              }
              NameListStore.putSuppression(c, s);
              return new Mutation.Done<>(s);
            });
    if (result instanceof Mutation.Done<Suppression>) {
      rules.reloadSuppressions();
      LOG.info("suppression: {} until {} added by {}", s.name(), until, addedBy);
    }
    return result;
  }

  /** Removes the suppression of {@code rawName}, expired or not. */
  public Mutation<String> unsuppress(String rawName) {
    Mutation<String> name = normalised(rawName);
    if (!(name instanceof Mutation.Done<String> n)) {
      return name;
    }
    if (!db.inTransaction(c -> NameListStore.deleteSuppression(c, n.value()))) {
      return new Mutation.NotFound<>(n.value() + " is not suppressed");
    }
    rules.reloadSuppressions();
    LOG.info("suppression: {} removed", n.value());
    return name;
  }

  /**
   * What the zone holds of a (normalised) name; with {@code allowlistRule} ancestors down to the
   * registrable domain count too, as the allowlist matches them.
   */
  public ZonePresence zonePresence(String name, boolean allowlistRule) {
    return db.read(
        c -> {
          boolean exact = NameListStore.inZone(c, name);
          long matching = NameListStore.inZoneAtOrBelow(c, name);
          if (allowlistRule) {
            int shortest = PublicSuffixes.registrableDomain(name).map(String::length).orElse(0);
            for (int dot = name.indexOf('.');
                dot >= 0 && name.length() - dot - 1 >= shortest && shortest > 0;
                dot = name.indexOf('.', dot + 1)) {
              if (NameListStore.inZone(c, name.substring(dot + 1))) {
                matching++;
              }
            }
          }
          return new ZonePresence(exact, matching);
        });
  }

  // ---- top-sites

  public TopSitesStatus topSites() {
    return topSitesStatus;
  }

  /** Re-reads the configured Top-N source; on failure the list in force stays. */
  public Reload<TopSitesStatus> reloadTopSites() {
    return useTopSites(topSitesSource);
  }

  /**
   * Reads {@code source} and, if it is a usable list, makes it the list in force and the source of
   * later reloads; otherwise nothing changes.
   */
  public synchronized Reload<TopSitesStatus> useTopSites(TopSitesSource source) {
    TopSitesLoader.Result result = TopSitesLoader.load(source, clock.instant());
    if (result instanceof TopSitesLoader.Result.Failed f) {
      LOG.warn("top-sites reload failed, previous list kept: {}", f.message());
      return new Reload.Failed<>(f.message(), topSitesStatus);
    }
    TopSitesLoader.Result.Loaded loaded = (TopSitesLoader.Result.Loaded) result;
    topSites = loaded.list();
    topSitesSource = source;
    topSitesStatus = loaded.status();
    rules.reloadTopSites();
    LOG.info(
        "top-sites reloaded from {}: {} names",
        source.isBundled() ? "the bundled list" : source.file(),
        loaded.list().size());
    return new Reload.Reloaded<>(loaded.status());
  }

  // ---- allowlist file

  /** The allowlist file as last read, with the store's allowlist counted now. */
  public AllowlistFileStatus allowlistFile() {
    AllowlistFileStatus s = fileStatus;
    int store = db.read(NameListStore::allowlist).size();
    return new AllowlistFileStatus(
        s.file(), s.fileNames(), store, s.loadedAt(), s.fileModified(), s.sha256());
  }

  /**
   * Re-reads the allowlist file (and the store's allowlist); a missing or bad file keeps the names
   * in force.
   */
  public synchronized Reload<AllowlistFileStatus> reloadAllowlistFile() {
    Instant now = clock.instant();
    if (allowlistFile == null) {
      int store = rules.setAllowlistFile(List.of()).size();
      fileStatus = new AllowlistFileStatus(null, 0, store, now, null, null);
      return new Reload.Reloaded<>(fileStatus);
    }
    AllowlistFileLoader.Result result = AllowlistFileLoader.load(allowlistFile);
    if (result instanceof AllowlistFileLoader.Result.Failed f) {
      LOG.warn("allowlist file reload failed, previous names kept: {}", f.message());
      return new Reload.Failed<>(f.message(), fileStatus == null ? null : allowlistFile());
    }
    ListFiles.Read<List<String>> read = ((AllowlistFileLoader.Result.Loaded) result).read();
    fileNames = List.copyOf(read.value());
    rules.setAllowlistFile(fileNames);
    int store = db.read(NameListStore::allowlist).size();
    fileStatus =
        new AllowlistFileStatus(
            allowlistFile.toString(), fileNames.size(), store, now, read.modified(), read.sha256());
    LOG.info("allowlist file {} loaded: {} names", allowlistFile, fileNames.size());
    return new Reload.Reloaded<>(fileStatus);
  }

  // ---- helpers

  /** A name that may be listed: valid, and not a public suffix (those are never accepted). */
  private static Mutation<String> listableName(String raw) {
    Mutation<String> name = normalised(raw);
    if (name instanceof Mutation.Done<String> n && PublicSuffixes.isPublicSuffix(n.value())) {
      return new Mutation.Invalid<>(
          n.value() + " is a public suffix: submissions of it are always rejected");
    }
    return name;
  }

  private static Mutation<String> normalised(String raw) {
    LineOutcome o = NORMALIZER.normalize(raw == null ? "" : raw);
    if (o instanceof LineOutcome.Accepted a) {
      return new Mutation.Done<>(a.name());
    }
    if (o instanceof LineOutcome.Rejected r) {
      return new Mutation.Invalid<>(
          "not a domain name: " + raw.strip() + " (" + r.reason().code() + ": " + r.detail() + ")");
    }
    return new Mutation.Invalid<>("a domain name is required");
  }

  private static Optional<String> checkText(String what, String text, boolean required) {
    if (text == null || text.isBlank()) {
      return required ? Optional.of("a " + what + " is required") : Optional.empty();
    }
    if (text.length() > MAX_TEXT) {
      return Optional.of("the " + what + " is longer than " + MAX_TEXT + " characters");
    }
    return Optional.empty();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A refused name check as the refusal of another change (the checks only say Invalid). */
  private static <T> Mutation<T> refused(Mutation<String> check) {
    return new Mutation.Invalid<>(((Mutation.Invalid<String>) check).message());
  }
}
