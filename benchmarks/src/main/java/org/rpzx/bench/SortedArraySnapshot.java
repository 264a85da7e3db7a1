package org.rpzx.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * A minimal snapshot for encoder benchmarks: names pre-encoded in canonical order, with label
 * counts and shared suffixes computed up front, so the measured cost is the encoder's alone.
 */
final class SortedArraySnapshot implements ZoneSnapshot {

  private final ZoneSettings settings;
  private final long serial;
  private final byte[][] wires;
  private final byte[] labels;
  private final byte[] shared;

  private SortedArraySnapshot(ZoneSettings settings, long serial, String[] sortedNames) {
    this.settings = settings;
    this.serial = serial;
    int n = sortedNames.length;
    wires = new byte[n][];
    labels = new byte[n];
    shared = new byte[n];
    String[] previous = new String[0];
    for (int i = 0; i < n; i++) {
      String[] l = sortedNames[i].split("\\.");
      wires[i] = wire(l);
      labels[i] = (byte) l.length;
      int s = 0;
      for (int a = l.length - 1, b = previous.length - 1;
          a >= 0 && b >= 0 && l[a].equals(previous[b]);
          a--, b--) {
        s++;
      }
      shared[i] = (byte) s;
      previous = l;
    }
  }

  /** The names of {@link BlocklistNames#generate} in canonical order. */
  static SortedArraySnapshot generate(String shape, int count, long seed) {
    return of(BlocklistNames.generate(shape, count, seed));
  }

  /** A snapshot of {@code names} (relative, lower-case), sorted into canonical order here. */
  static SortedArraySnapshot of(java.util.Collection<String> names) {
    int count = names.size();
    // canonical order = order of the reversed label sequence, each label ended by \0
    String[][] keyed = new String[count][];
    int i = 0;
    for (String name : names) {
      String[] l = name.split("\\.");
      StringBuilder key = new StringBuilder();
      for (int k = l.length - 1; k >= 0; k--) {
        key.append(l[k]).append('\0');
      }
      keyed[i++] = new String[] {key.toString(), name};
    }
    Arrays.sort(keyed, (a, b) -> a[0].compareTo(b[0]));
    String[] sorted = new String[count];
    for (int k = 0; k < count; k++) {
      sorted[k] = keyed[k][1];
    }
    return new SortedArraySnapshot(ZoneSettings.defaults(), 2026_01_01L, sorted);
  }

  private static byte[] wire(String[] labels) {
    int len = 0;
    for (String l : labels) {
      len += l.length() + 1;
    }
    byte[] out = new byte[len];
    int p = 0;
    for (String l : labels) {
      out[p++] = (byte) l.length();
      byte[] b = l.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, out, p, b.length);
      p += b.length;
    }
    return out;
  }

  /** Mean wire length of the relative names (without the origin). */
  double meanWireLength() {
    long sum = 0;
    for (byte[] w : wires) {
      sum += w.length;
    }
    return (double) sum / wires.length;
  }

  @Override
  public long serial() {
    return serial;
  }

  @Override
  public ZoneSettings settings() {
    return settings;
  }

  @Override
  public int nameCount() {
    return wires.length;
  }

  @Override
  public boolean contains(String name) {
    throw new UnsupportedOperationException("benchmark snapshot");
  }

  @Override
  public NameMatch match(String relativeName) {
    throw new UnsupportedOperationException("benchmark snapshot");
  }

  @Override
  public NameCursor cursor() {
    return new NameCursor() {
      private int index = -1;

      @Override
      public boolean next() {
        return ++index < wires.length;
      }

      @Override
      public byte[] wire() {
        return wires[index];
      }

      @Override
      public int wireLength() {
        return wires[index].length;
      }

      @Override
      public int labelCount() {
        return labels[index];
      }

      @Override
      public int sharedSuffixLabels() {
        return shared[index];
      }

      @Override
      public String name() {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Override
  public long retainedBytes() {
    return 0;
  }
}
