package org.rpzx.core.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of a hostile corpus: a resource file, its expected outcome as {@code expected.tsv}
 * spells it, and why it is there.
 */
record CorpusItem(String file, byte[] bytes, String expected, String comment) {

  /** The items {@code <dir>expected.tsv} lists, with their bytes; {@code #} lines are comments. */
  static List<CorpusItem> load(String dir) throws IOException {
    String tsv = new String(HostileLinesTest.read(dir + "expected.tsv"), StandardCharsets.UTF_8);
    List<CorpusItem> items = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new IOException("expected.tsv: need 3 tab-separated columns: " + line);
      }
      items.add(new CorpusItem(cols[0], HostileLinesTest.read(dir + cols[0]), cols[1], cols[2]));
    }
    return items;
  }

  @Override
  public String toString() {
    return file + " -> " + expected;
  }
}
