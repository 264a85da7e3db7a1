package org.rpzx.core.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Optional;
import org.rpzx.core.name.TrancoList;

/**
 * Reads a {@link TopSitesSource} and decides whether what it read is a usable Tranco list: a file
 * that is empty, mostly not {@code rank,domain} rows (an HTML error page, say), or without a valid
 * name in the top N is refused, so a bad file never replaces a good list.
 */
public final class TopSitesLoader {

  /** A load: the list with its status, or why there is none. */
  public sealed interface Result {
    record Loaded(TrancoList list, TopSitesStatus status) implements Result {}

    record Failed(String message) implements Result {}
  }

  private TopSitesLoader() {}

  public static Result load(TopSitesSource source, Instant now) {
    if (source.isBundled()) {
      TrancoList list = TrancoList.bundled(source.n());
      return new Result.Loaded(list, status(source, list, now, null, null));
    }
    ListFiles.Read<TrancoList> read;
    try {
      read = ListFiles.read(source.file(), text -> TrancoList.load(text, source.n()));
    } catch (NoSuchFileException e) {
      return new Result.Failed(source.file() + " does not exist");
    } catch (IOException | UncheckedIOException e) {
      return new Result.Failed("cannot read " + source.file() + ": " + e.getMessage());
    }
    Optional<String> problem = problem(read.value());
    if (problem.isPresent()) {
      return new Result.Failed(source.file() + ": " + problem.get());
    }
    return new Result.Loaded(
        read.value(), status(source, read.value(), now, read.modified(), read.sha256()));
  }

  /** Why {@code list} is not a usable Top-N list, if it is not. */
  public static Optional<String> problem(TrancoList list) {
    if (list.rows() == 0) {
      return Optional.of("no rank,domain rows (empty, or a header only)");
    }
    if (2L * list.badRows() > list.rows()) {
      return Optional.of(
          list.badRows() + " of " + list.rows() + " rows are not rank,domain: not a Tranco CSV");
    }
    if (list.size() == 0) {
      return Optional.of("no valid domain names within the top N");
    }
    if (list.invalidNames() > list.size()) {
      return Optional.of(
          list.invalidNames() + " of the domains within the top N are not domain names");
    }
    return Optional.empty();
  }

  private static TopSitesStatus status(
      TopSitesSource source, TrancoList list, Instant now, Instant modified, String sha256) {
    String file = source.isBundled() ? null : source.file().toString();
    return new TopSitesStatus(
        source.isBundled() ? TopSitesStatus.BUNDLED : TopSitesStatus.FILE,
        file,
        file,
        source.n(),
        list.size(),
        list.rows(),
        list.badRows(),
        list.invalidNames(),
        now,
        modified,
        sha256);
  }
}
