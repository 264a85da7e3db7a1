package org.rpzx.core.name;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * The Top-N list loaded from a standard Tranco CSV ({@code rank,domain}, no header). Tolerated: a
 * header line, a byte-order mark, CRLF, blank lines, white space around fields and extra columns.
 * Rows whose rank is greater than N are left out (the rank decides, not the position). Rows without
 * a positive integer rank and a domain are bad rows; domains that are not names are counted
 * separately. Immutable.
 *
 * <p>A default, the first 10 000 rows of a real Tranco list, is bundled: {@link #bundled()}.
 */
public final class TrancoList {

  /** The default N (SPEC §3: Tranco top 10 000). */
  public static final int DEFAULT_TOP_N = 10_000;

  static final String BUNDLED_RESOURCE = "tranco-top10k.csv.gz";

  private final NameList names;
  private final int rows;
  private final int badRows;

  private TrancoList(NameList names, int rows, int badRows) {
    this.names = names;
    this.rows = rows;
    this.badRows = badRows;
  }

  /** Reads a Tranco CSV, keeping the rows of rank 1 to {@code topN}. Does not close the reader. */
  public static TrancoList load(Reader reader, int topN) throws IOException {
    if (topN < 0) {
      throw new IllegalArgumentException("topN must not be negative: " + topN);
    }
    BufferedReader in =
        reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    List<String> kept = new ArrayList<>(Math.min(topN, 1 << 20));
    int rows = 0;
    int bad = 0;
    boolean first = true;
    String line;
    while ((line = in.readLine()) != null) {
      if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean header = first;
      first = false;
      int comma = line.indexOf(',');
      long rank = comma > 0 ? parseRank(line.substring(0, comma).strip()) : -1;
      if (rank < 1) {
        if (!header) {
          rows++;
          bad++;
        }
        continue;
      }
      rows++;
      int end = line.indexOf(',', comma + 1);
      String domain = line.substring(comma + 1, end < 0 ? line.length() : end).strip();
      if (domain.isEmpty()) {
        bad++;
      } else if (rank <= topN) {
        kept.add(domain);
      }
    }
    return new TrancoList(NameList.of(kept), rows, bad);
  }

  /**
   * Reads a Tranco CSV file; {@code .gz} files are gunzipped and of a {@code .zip} file (as
   * tranco-list.eu serves it) the first entry is read.
   */
  public static TrancoList load(Path path, int topN) throws IOException {
    String file = path.getFileName() == null ? "" : path.getFileName().toString();
    try (InputStream raw = Files.newInputStream(path)) {
      return load(raw, file.toLowerCase(Locale.ROOT), topN);
    }
  }

  /** The bundled default: the Tranco top 10 000. */
  public static TrancoList bundled() {
    return bundled(DEFAULT_TOP_N);
  }

  /** The bundled list cut to {@code topN} (at most 10 000 rows are bundled). */
  public static TrancoList bundled(int topN) {
    try (InputStream raw = TrancoList.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("bundled Tranco list missing: " + BUNDLED_RESOURCE);
      }
      return load(raw, BUNDLED_RESOURCE, topN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled Tranco list", e);
    }
  }

  private static TrancoList load(InputStream raw, String fileName, int topN) throws IOException {
    InputStream in = raw;
    if (fileName.endsWith(".gz")) {
      in = new GZIPInputStream(raw, 1 << 16);
    } else if (fileName.endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(raw);
      if (zip.getNextEntry() == null) {
        throw new IOException("empty zip file: " + fileName);
      }
      in = zip;
    }
    return load(new InputStreamReader(in, StandardCharsets.UTF_8), topN);
  }

  private static long parseRank(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The kept names as a {@link NameList}. */
  public NameList names() {
    return names;
  }

  /** Data rows read (blank lines and a header not counted), including rows beyond N. */
  public int rows() {
    return rows;
  }

  /** Rows that are not {@code rank,domain} with a positive integer rank. */
  public int badRows() {
    return badRows;
  }

  /** Rows within the top N whose domain is not a valid name. */
  public int invalidNames() {
    return names.invalidEntries();
  }

  /** Distinct names kept. */
  public int size() {
    return names.size();
  }

  @Override
  public String toString() {
    return "TrancoList["
        + size()
        + " names from "
        + rows
        + " rows, "
        + badRows
        + " bad rows, "
        + invalidNames()
        + " invalid names]";
  }
}
