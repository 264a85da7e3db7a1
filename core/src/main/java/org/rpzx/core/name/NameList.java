package org.rpzx.core.name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of names with the matching rule of SPEC §3 for {@code top-sites} and {@code
 * allowlist}. A name matches if
 *
 * <ol>
 *   <li>it is on the list, or
 *   <li>one of its ancestors down to and including its registrable domain (eTLD+1) is on the list
 *       ({@code mail.google.com} matches {@code google.com}), the nearest ancestor first; ancestors
 *       above the registrable domain are public suffixes and never count ({@code evil.blogspot.com}
 *       does not match a listed {@code blogspot.com}), or
 *   <li>it is an ancestor of a listed name, again only down to that name's registrable domain
 *       ({@code example-top.org} matches a listed {@code docs.example-top.org}; {@code org} does
 *       not).
 * </ol>
 *
 * <p>Entries are normalised like submitted lines (lower case, A-labels, trailing dot and {@code *.}
 * removed; underscores tolerated); entries that are not names are skipped and counted. Lookups are
 * hash lookups: the ancestors of every listed name are indexed when the list is built. Thread-safe.
 */
public final class NameList {

  private static final NameList EMPTY = new NameList(Set.of(), Map.of(), 0);
  private static final NameNormalizer ENTRY_NORMALIZER = new NameNormalizer(true);

  private final Set<String> names;

  /** Ancestor (down to the registrable domain) of a listed name, mapped to that listed name. */
  private final Map<String, String> listedDescendant;

  private final int invalidEntries;

  private NameList(Set<String> names, Map<String, String> listedDescendant, int invalidEntries) {
    this.names = names;
    this.listedDescendant = listedDescendant;
    this.invalidEntries = invalidEntries;
  }

  /** The empty list: matches nothing. */
  public static NameList empty() {
    return EMPTY;
  }

  /** A list of the given entries; see {@link #of(Iterable)}. */
  public static NameList of(String... entries) {
    return of(Arrays.asList(entries));
  }

  /**
   * A list of the given entries, each normalised as a submitted line would be; blank lines and
   * {@code #} comments are ignored, other entries that are not names are skipped and counted in
   * {@link #invalidEntries()}. When several listed names share an ancestor, the first one explains
   * the ancestor's match.
   */
  public static NameList of(Iterable<String> entries) {
    List<String> normalised = new ArrayList<>();
    int invalid = 0;
    for (String entry : entries) {
      if (entry == null) {
        invalid++;
        continue;
      }
      LineOutcome o = ENTRY_NORMALIZER.normalize(entry);
      if (o instanceof LineOutcome.Accepted a) {
        normalised.add(a.name());
      } else if (o instanceof LineOutcome.Rejected) {
        invalid++;
      }
    }
    Set<String> names = new HashSet<>(Math.max(16, normalised.size() * 4 / 3 + 1));
    Map<String, String> descendants = new HashMap<>();
    for (String name : normalised) {
      if (!names.add(name)) {
        continue;
      }
      int firstDot = name.indexOf('.');
      if (firstDot < 0 || firstDot == name.lastIndexOf('.')) {
        continue; // one or two labels: the only proper ancestor is the TLD, a public suffix
      }
      int registrable = PublicSuffixes.registrableStart(name);
      for (int dot = firstDot;
          dot >= 0 && dot + 1 <= registrable;
          dot = name.indexOf('.', dot + 1)) {
        descendants.putIfAbsent(name.substring(dot + 1), name);
      }
    }
    if (names.isEmpty() && invalid == 0) {
      return EMPTY;
    }
    return new NameList(
        Collections.unmodifiableSet(names), Collections.unmodifiableMap(descendants), invalid);
  }

  /**
   * The listed name that makes {@code name} match, if any.
   *
   * @param name a normalised name (as {@link LineOutcome.Accepted} gives it)
   * @return the name itself, the listed ancestor or the listed descendant that caused the match
   */
  public Optional<String> match(String name) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    return match(name, PublicSuffixes.registrableStart(name));
  }

  /** As {@link #match(String)}, with the registrable domain's start already known (-1: none). */
  Optional<String> match(String name, int registrableStart) {
    if (names.isEmpty()) {
      return Optional.empty();
    }
    if (names.contains(name)) {
      return Optional.of(name);
    }
    for (int dot = name.indexOf('.');
        dot >= 0 && dot + 1 <= registrableStart;
        dot = name.indexOf('.', dot + 1)) {
      String ancestor = name.substring(dot + 1);
      if (names.contains(ancestor)) {
        return Optional.of(ancestor);
      }
    }
    return Optional.ofNullable(listedDescendant.get(name));
  }

  /** True if exactly {@code name} is listed. */
  public boolean contains(String name) {
    return names.contains(name);
  }

  /** The listed names, normalised, unmodifiable. */
  public Set<String> names() {
    return names;
  }

  /** Number of distinct listed names. */
  public int size() {
    return names.size();
  }

  /** Number of entries that were skipped because they are not names. */
  public int invalidEntries() {
    return invalidEntries;
  }

  @Override
  public String toString() {
    return "NameList[" + names.size() + " names, " + invalidEntries + " invalid entries]";
  }
}
