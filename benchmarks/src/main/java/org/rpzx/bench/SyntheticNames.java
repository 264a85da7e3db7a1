package org.rpzx.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic, blocklist-like names: random 6–14 character labels under about 200 TLDs with a
 * skewed popularity (com first), a quarter of them three-label hosts ({@code www.}, {@code login.}
 * … or random) below a registered domain that is often listed itself.
 */
final class SyntheticNames {

  private static final String[] GTLDS = {
    "com", "net", "org", "info", "xyz", "top", "online", "site", "ru", "de", "cn", "uk", "br", "in",
    "io", "co", "me", "biz", "club", "shop", "live", "app", "dev", "store", "icu", "vip", "tk",
    "ml", "ga", "cf", "gq", "pw", "cc", "tv", "ws", "su", "fr", "it", "nl", "pl"
  };

  private static final String[] HOSTS = {
    "www", "mail", "m", "cdn", "api", "login", "secure", "app", "static", "update", "ns1", "img"
  };

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random;
  private final String[] tlds;
  private final double[] cumulative;
  private final List<String> registered = new ArrayList<>();

  SyntheticNames(long seed) {
    random = new Random(seed);
    Set<String> t = new java.util.LinkedHashSet<>(List.of(GTLDS));
    while (t.size() < 200) {
      t.add("" + LETTERS.charAt(random.nextInt(26)) + LETTERS.charAt(random.nextInt(26)));
    }
    tlds = t.toArray(new String[0]);
    cumulative = new double[tlds.length];
    double sum = 0;
    for (int i = 0; i < tlds.length; i++) {
      sum += 1 / Math.pow(i + 1, 1.1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < tlds.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** {@code count} distinct names in generation order (not sorted). */
  List<String> distinct(int count) {
    Set<String> seen = new HashSet<>(count * 2);
    List<String> out = new ArrayList<>(count);
    while (out.size() < count) {
      String name = next();
      if (seen.add(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** One name; it may repeat an earlier one. */
  String next() {
    if (random.nextInt(4) > 0 || registered.isEmpty()) {
      String domain = label() + "." + tld();
      if (registered.size() < 200_000) {
        registered.add(domain);
      } else {
        registered.set(random.nextInt(registered.size()), domain);
      }
      return domain;
    }
    String parent =
        random.nextBoolean()
            ? registered.get(random.nextInt(registered.size()))
            : label() + "." + tld();
    String host = random.nextBoolean() ? HOSTS[random.nextInt(HOSTS.length)] : label();
    return host + "." + parent;
  }

  private String tld() {
    double x = random.nextDouble();
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return tlds[Math.min(i < 0 ? -i - 1 : i, tlds.length - 1)];
  }

  private String label() {
    int len = 6 + random.nextInt(9);
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      c[i] = CHARS.charAt(random.nextInt(CHARS.length()));
    }
    if (len > 8 && random.nextInt(5) == 0) {
      c[1 + random.nextInt(len - 2)] = '-';
    }
    return new String(c);
  }
}
