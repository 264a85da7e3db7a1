package org.rpzx.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recipient addresses the receiver accepts. Both parts compare case-insensitively: the local
 * part because SPEC §2 says so, the domain because DNS names are case-insensitive anyway. Domains
 * compare as written (an IDN must be configured in the form senders use, normally its A-label).
 */
final class CommunityAddresses {
  private final Set<String> addresses;

  private CommunityAddresses(Set<String> addresses) {
    this.addresses = addresses;
  }

  static CommunityAddresses of(List<String> configured) {
    if (configured.isEmpty()) {
      throw new IllegalArgumentException("at least one community address is required");
    }
    for (String a : configured) {
      int at = a.lastIndexOf('@');
      if (at <= 0 || at == a.length() - 1 || a.strip().length() != a.length()) {
        throw new IllegalArgumentException("not an e-mail address: \"" + a + "\"");
      }
    }
    return new CommunityAddresses(
        configured.stream().map(CommunityAddresses::fold).collect(Collectors.toUnmodifiableSet()));
  }

  /** Whether an envelope recipient ({@code addr} or {@code <addr>}) is a community address. */
  boolean accepts(String recipient) {
    return recipient != null && addresses.contains(fold(bare(recipient)));
  }

  static String bare(String recipient) {
    String r = recipient.strip();
    if (r.length() >= 2 && r.charAt(0) == '<' && r.charAt(r.length() - 1) == '>') {
      r = r.substring(1, r.length() - 1).strip();
    }
    return r;
  }

  private static String fold(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
