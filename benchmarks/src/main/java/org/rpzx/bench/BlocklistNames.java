package org.rpzx.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic blocklist names for the AXFR benchmarks, in two shapes.
 *
 * <p><b>uniform</b> (the first generator, kept for comparison): 60 % {@code label.tld}, 32 % one
 * and 8 % two host labels in front; every label 4–16 characters, uniformly (mean 10); 20 suffixes,
 * {@code com} four times as likely as the rest; no name shares more than its suffix on purpose.
 *
 * <p><b>realistic</b>: what a community blocklist of malicious domains looks like.
 *
 * <ul>
 *   <li>70 % registrable domains {@code label.suffix}, 25 % {@code host.label.suffix}, 5 % {@code
 *       host.host.label.suffix};
 *   <li>half of the host names sit under a registrable domain that is itself on the list (lists
 *       carry {@code evil.example} and {@code login.evil.example}), the other half under one that
 *       is not (hosts on shared or compromised sites);
 *   <li>registrable labels have the length distribution of registered domain names: rare below 5,
 *       most common 7–10, a long tail to 30 (table {@link #SLD_LENGTH_WEIGHTS}, mean ≈ 9.7);
 *   <li>host labels: half from the words phishing and malware hosts use ({@code www}, {@code
 *       login}, {@code secure}, {@code cdn} …), half random with the same length distribution;
 *   <li>characters: letters 93 %, digits 5 %, hyphens 2 % (never first or last);
 *   <li>suffixes weighted as in abuse feeds: {@code com} 40 %, then {@code net}, {@code org},
 *       {@code xyz}, {@code top}, {@code ru}, … and two-label suffixes such as {@code co.uk} and
 *       {@code com.br} (table {@link #SUFFIXES}).
 * </ul>
 */
final class BlocklistNames {

  /** Weight of each registrable-label length, index = length. */
  static final int[] SLD_LENGTH_WEIGHTS = {
    0, 0, 1, 2, 4, 6, 9, 11, 12, 11, 10, 8, 7, 6, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
  };

  /** Suffix and its weight in per cent. */
  static final Object[][] SUFFIXES = {
    {"com", 40},
    {"net", 6},
    {"org", 4},
    {"xyz", 4},
    {"top", 4},
    {"ru", 4},
    {"info", 3},
    {"online", 3},
    {"site", 3},
    {"shop", 2},
    {"cn", 2},
    {"de", 2},
    {"io", 2},
    {"app", 2},
    {"icu", 2},
    {"co.uk", 1},
    {"com.br", 1},
    {"club", 1},
    {"vip", 1},
    {"cc", 1},
    {"live", 1},
    {"store", 1},
    {"fr", 1},
    {"nl", 1},
    {"pl", 1},
    {"in", 1},
    {"br", 1},
    {"com.au", 1},
    {"co.in", 1},
    {"tk", 1},
    {"me", 1}
  };

  private static final String[] HOST_WORDS = {
    "www", "mail", "m", "login", "secure", "app", "api", "cdn", "account", "update", "verify",
    "portal", "admin", "webmail", "support", "docs", "drive", "auth", "signin", "my"
  };

  private static final String[] UNIFORM_TLDS = {
    "com", "com", "com", "com", "net", "org", "de", "ru", "info", "xyz", "top", "co.uk", "com.br",
    "io", "online", "site", "cn", "nl", "fr", "pl"
  };
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-";

  private BlocklistNames() {}

  static Set<String> generate(String shape, int count, long seed) {
    return switch (shape) {
      case "uniform" -> uniform(count, seed);
      case "realistic" -> realistic(count, seed);
      default -> throw new IllegalArgumentException("unknown zone shape " + shape);
    };
  }

  static Set<String> uniform(int count, long seed) {
    Random random = new Random(seed);
    Set<String> names = new HashSet<>(count * 2);
    while (names.size() < count) {
      StringBuilder sb = new StringBuilder();
      int depth = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
      for (int d = 0; d < depth; d++) {
        sb.append(uniformLabel(random)).append('.');
      }
      sb.append(uniformLabel(random)).append('.');
      sb.append(UNIFORM_TLDS[random.nextInt(UNIFORM_TLDS.length)]);
      names.add(sb.toString());
    }
    return names;
  }

  static Set<String> realistic(int count, long seed) {
    Random random = new Random(seed);
    Set<String> names = new HashSet<>(count * 2);
    List<String> listedDomains = new ArrayList<>(count);
    while (names.size() < count) {
      int shape = random.nextInt(100);
      if (shape < 70 || listedDomains.isEmpty()) {
        String d = registrable(random);
        if (names.add(d)) {
          listedDomains.add(d);
        }
        continue;
      }
      String parent =
          random.nextBoolean()
              ? listedDomains.get(random.nextInt(listedDomains.size()))
              : registrable(random);
      String host = hostLabel(random) + "." + parent;
      if (shape >= 95) {
        host = hostLabel(random) + "." + host;
      }
      names.add(host);
    }
    return names;
  }

  /** Mean registrable-label length of the table. */
  static double meanSldLength() {
    long sum = 0;
    long weights = 0;
    for (int len = 0; len < SLD_LENGTH_WEIGHTS.length; len++) {
      sum += (long) len * SLD_LENGTH_WEIGHTS[len];
      weights += SLD_LENGTH_WEIGHTS[len];
    }
    return (double) sum / weights;
  }

  private static String registrable(Random random) {
    return label(random, sldLength(random)) + "." + suffix(random);
  }

  private static String hostLabel(Random random) {
    if (random.nextBoolean()) {
      return HOST_WORDS[random.nextInt(HOST_WORDS.length)];
    }
    return label(random, sldLength(random));
  }

  private static int sldLength(Random random) {
    int total = 0;
    for (int w : SLD_LENGTH_WEIGHTS) {
      total += w;
    }
    int pick = random.nextInt(total);
    for (int len = 0; len < SLD_LENGTH_WEIGHTS.length; len++) {
      pick -= SLD_LENGTH_WEIGHTS[len];
      if (pick < 0) {
        return len;
      }
    }
    throw new IllegalStateException();
  }

  private static String suffix(Random random) {
    int total = 0;
    for (Object[] s : SUFFIXES) {
      total += (Integer) s[1];
    }
    int pick = random.nextInt(total);
    for (Object[] s : SUFFIXES) {
      pick -= (Integer) s[1];
      if (pick < 0) {
        return (String) s[0];
      }
    }
    throw new IllegalStateException();
  }

  private static String label(Random random, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      int r = random.nextInt(100);
      boolean inner = i > 0 && i < len - 1;
      if (r < 93 || (r >= 98 && !inner)) {
        sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      } else if (r < 98) {
        sb.append((char) ('0' + random.nextInt(10)));
      } else {
        sb.append('-');
      }
    }
    return sb.toString();
  }

  private static String uniformLabel(Random random) {
    int len = 4 + random.nextInt(13);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      int max = (i == 0 || i == len - 1) ? ALPHABET.length() - 1 : ALPHABET.length();
      sb.append(ALPHABET.charAt(random.nextInt(max)));
    }
    return sb.toString();
  }
}
