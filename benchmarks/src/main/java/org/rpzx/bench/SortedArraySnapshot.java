package org.rpzx.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * A minimal snapshot for encoder benchmarks: names pre-encoded in canonical order, with label
 * counts and shared suffixes computed up front, so the measured cost is the encoder's alone.
 */
final class SortedArraySnapshot implements ZoneSnapshot {

  private static final String[] TLDS = {
    "com", "com", "com", "com", "net", "org", "de", "ru", "info", "xyz", "top", "co.uk", "com.br",
    "io", "online", "site", "cn", "nl", "fr", "pl"
  };
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-";

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

  /**
   * {@code count} distinct blocklist-like names: mostly registrable domains, some host names below
   * them, random labels of 4 to 16 characters under common TLDs.
   */
  static SortedArraySnapshot generate(int count, long seed) {
    Random random = new Random(seed);
    Set<String> names = new HashSet<>(count * 2);
    while (names.size() < count) {
      StringBuilder sb = new StringBuilder();
      int depth = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
      for (int d = 0; d < depth; d++) {
        sb.append(label(random)).append('.');
      }
      sb.append(label(random)).append('.').append(TLDS[random.nextInt(TLDS.length)]);
      names.add(sb.toString());
    }
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

  private static String label(Random random) {
    int len = 4 + random.nextInt(13);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      int max = (i == 0 || i == len - 1) ? ALPHABET.length() - 1 : ALPHABET.length();
      sb.append(ALPHABET.charAt(random.nextInt(max)));
    }
    return sb.toString();
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
