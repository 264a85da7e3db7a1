package org.rpzx.dns.testzone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;
import org.rpzx.core.zone.ZoneSettings;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * A plain, obviously-correct {@link ZoneSnapshot} for tests (the oracle): a sorted list of names
 * plus hash sets of every owner and empty non-terminal. Independent of the production code.
 */
public final class TestSnapshot implements ZoneSnapshot {

  /** RFC 4034 §6.1: labels compared right to left as unsigned octets. */
  public static final Comparator<String> CANONICAL =
      (a, b) -> {
        String[] x = labels(a);
        String[] y = labels(b);
        for (int i = x.length - 1, j = y.length - 1; i >= 0 && j >= 0; i--, j--) {
          int c = compareOctets(x[i], y[j]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };

  private final long serial;
  private final ZoneSettings settings;
  private final List<String> names;
  private final Set<String> nameSet;
  private final Set<String> existing = new HashSet<>();

  public TestSnapshot(long serial, ZoneSettings settings, Collection<String> names) {
    this.serial = serial;
    this.settings = settings;
    TreeSet<String> sorted = new TreeSet<>(CANONICAL);
    sorted.addAll(names);
    this.names = List.copyOf(sorted);
    this.nameSet = new HashSet<>(sorted);
    for (String n : sorted) {
      existing.add("*." + n);
      String s = n;
      while (true) {
        existing.add(s);
        int dot = s.indexOf('.');
        if (dot < 0) {
          break;
        }
        s = s.substring(dot + 1);
      }
    }
  }

  public List<String> names() {
    return names;
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
    return names.size();
  }

  @Override
  public boolean contains(String name) {
    return nameSet.contains(name);
  }

  @Override
  public NameMatch match(String q) {
    if (q.isEmpty()) {
      return NameMatch.APEX;
    }
    if (nameSet.contains(q)) {
      return NameMatch.NAME;
    }
    if (q.startsWith("*.") && nameSet.contains(q.substring(2))) {
      return NameMatch.WILDCARD_OWNER;
    }
    if (existing.contains(q)) {
      return NameMatch.EMPTY_NON_TERMINAL;
    }
    // closest encloser (RFC 4592 §3.3.1): strip labels until an existing node or the apex
    String s = q;
    while (true) {
      int dot = s.indexOf('.');
      if (dot < 0) {
        return NameMatch.NX_DOMAIN; // the apex has no wildcard
      }
      s = s.substring(dot + 1);
      if (existing.contains(s)) {
        return nameSet.contains(s) ? NameMatch.WILDCARD_MATCH : NameMatch.NX_DOMAIN;
      }
    }
  }

  @Override
  public NameCursor cursor() {
    return new Cursor(names);
  }

  @Override
  public long retainedBytes() {
    return 64L * names.size();
  }

  private static String[] labels(String name) {
    return name.isEmpty() ? new String[0] : name.split("\\.", -1);
  }

  private static int compareOctets(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.ISO_8859_1);
    byte[] y = b.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = (x[i] & 0xff) - (y[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return x.length - y.length;
  }

  private static final class Cursor implements NameCursor {
    private final List<String> names;
    private int index = -1;
    private String[] previous = new String[0];
    private String[] current;
    private byte[] wire = new byte[0];
    private int shared;

    Cursor(List<String> names) {
      this.names = names;
    }

    @Override
    public boolean next() {
      if (index + 1 >= names.size()) {
        index = names.size();
        return false;
      }
      index++;
      if (current != null) {
        previous = current;
      }
      current = labels(names.get(index));
      List<Byte> out = new ArrayList<>();
      for (String l : current) {
        out.add((byte) l.length());
        for (byte b : l.getBytes(StandardCharsets.US_ASCII)) {
          out.add(b);
        }
      }
      wire = new byte[out.size()];
      for (int i = 0; i < wire.length; i++) {
        wire[i] = out.get(i);
      }
      shared = 0;
      for (int i = current.length - 1, j = previous.length - 1;
          i >= 0 && j >= 0 && current[i].equals(previous[j]);
          i--, j--) {
        shared++;
      }
      return true;
    }

    @Override
    public byte[] wire() {
      return wire;
    }

    @Override
    public int wireLength() {
      return wire.length;
    }

    @Override
    public int labelCount() {
      return current.length;
    }

    @Override
    public int sharedSuffixLabels() {
      return shared;
    }

    @Override
    public String name() {
      return names.get(index);
    }
  }
}
