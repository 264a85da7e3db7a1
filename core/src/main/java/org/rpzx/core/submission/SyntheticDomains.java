package org.rpzx.core.submission;

import java.util.SplittableRandom;

/**
 * A made-up {@code domains.txt} shaped like a real blocklist: mostly new registrable domains and
 * host names under common TLDs and multi-label public suffixes, a few wildcards, upper-case and
 * trailing-dot forms, IDN, comments, and lines that are rejected (URLs, addresses, public
 * suffixes). Only for rehearsing the ingest path ({@link SubmissionRehearsal}), which stores
 * nothing: the names are random, and some may exist.
 */
public final class SyntheticDomains {

  private static final String[] SUFFIXES = {
    "com",
    "com",
    "com",
    "com",
    "net",
    "org",
    "info",
    "xyz",
    "top",
    "online",
    "site",
    "io",
    "ru",
    "de",
    "cn",
    "shop",
    "co.uk",
    "com.br",
    "com.au",
    "co.jp",
    "github.io",
    "blogspot.com"
  };
  private static final String[] HOSTS = {"www", "login", "mail", "secure", "cdn", "api", "m"};
  private static final String[] REJECTS = {
    "http://evil.example/login.php", "evil.example:8080", "192.0.2.1", "co.uk", "com", "a..b.com"
  };
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private SyntheticDomains() {}

  /** {@code lines} lines ending in LF, the same for the same {@code seed}. */
  public static String text(int lines, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(lines * 20);
    for (int i = 0; i < lines; i++) {
      int kind = rnd.nextInt(1000);
      if (kind < 10) {
        out.append("# reported ").append(i);
      } else if (kind < 40) {
        out.append(REJECTS[rnd.nextInt(REJECTS.length)]);
      } else if (kind < 45) {
        out.append("bücher-").append(rnd.nextInt(100_000)).append(".de");
      } else {
        if (kind < 60) {
          out.append("*.");
        } else if (kind < 300) {
          out.append(HOSTS[rnd.nextInt(HOSTS.length)]).append('.');
        }
        label(out, rnd, 4 + rnd.nextInt(13));
        if (rnd.nextInt(8) == 0) {
          out.append('-');
          label(out, rnd, 2 + rnd.nextInt(6));
        }
        out.append('.').append(SUFFIXES[rnd.nextInt(SUFFIXES.length)]);
        if (kind > 990) {
          out.append('.');
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void label(StringBuilder out, SplittableRandom rnd, int length) {
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(rnd.nextInt(i == 0 ? 26 : ALPHABET.length())));
    }
  }
}
