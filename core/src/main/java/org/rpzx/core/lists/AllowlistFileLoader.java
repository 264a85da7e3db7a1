package org.rpzx.core.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rpzx.core.name.LineOutcome;
import org.rpzx.core.name.NameNormalizer;
import org.rpzx.core.name.PublicSuffixes;

/**
 * Reads the operator's allowlist file: one name per line ({@code *.} and a trailing dot allowed,
 * U-labels converted), blank lines and {@code #} comments skipped, also after a name ({@code
 * example.org # our own}). Strict: one line that is not a name fails the whole file, with its line
 * number, so a typo never silently leaves a name unprotected.
 */
public final class AllowlistFileLoader {

  private static final NameNormalizer NORMALIZER = new NameNormalizer(true);

  /** A load: the normalised names with the file's identity, or why there are none. */
  public sealed interface Result {
    record Loaded(ListFiles.Read<List<String>> read) implements Result {}

    record Failed(String message) implements Result {}
  }

  /** A line that is not a name; carries its line number out of the parser. */
  private static final class BadLine extends IOException {
    BadLine(String message) {
      super(message, null);
    }
  }

  private AllowlistFileLoader() {}

  public static Result load(Path file) {
    try {
      return new Result.Loaded(ListFiles.read(file, AllowlistFileLoader::parse));
    } catch (BadLine e) {
      return new Result.Failed(file + " " + e.getMessage());
    } catch (NoSuchFileException e) {
      return new Result.Failed(file + " does not exist");
    } catch (IOException e) {
      return new Result.Failed("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static List<String> parse(java.io.Reader text) throws IOException {
    BufferedReader in = new BufferedReader(text);
    Set<String> names = new LinkedHashSet<>();
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      LineOutcome o = NORMALIZER.normalize(withoutTrailingComment(line));
      if (o instanceof LineOutcome.Rejected r) {
        throw new BadLine(
            "line " + lineNo + ": " + r.detail() + " (" + r.reason().code() + "): " + line.strip());
      }
      if (o instanceof LineOutcome.Accepted a) {
        if (PublicSuffixes.isPublicSuffix(a.name())) {
          throw new BadLine(
              "line " + lineNo + ": " + a.name() + " is a public suffix, never accepted anyway");
        }
        names.add(a.name());
      }
    }
    return new ArrayList<>(names);
  }

  private static String withoutTrailingComment(String line) {
    int hash = line.indexOf('#');
    if (hash > 0 && Character.isWhitespace(line.charAt(hash - 1))) {
      return line.substring(0, hash);
    }
    return line;
  }
}
