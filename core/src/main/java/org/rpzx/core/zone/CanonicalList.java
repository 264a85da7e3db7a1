package org.rpzx.core.zone;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of names known to be in canonical order ({@link CanonicalNameOrder}; equal
 * names adjacent). Only this package's sorts and sorted merges make one, so a later "sort it first"
 * can skip the sort: checking the order of an already sorted million names costs a comparison per
 * name, about half a second on the path of a large submission's acknowledgement.
 */
public final class CanonicalList extends AbstractList<String> implements RandomAccess {

  private static final CanonicalList EMPTY = new CanonicalList(List.of());

  private final List<String> names;

  private CanonicalList(List<String> names) {
    this.names = names;
  }

  /**
   * {@code names} in canonical order: the list itself if it is a {@code CanonicalList}, else a
   * sorted copy (TimSort: one linear pass if it is sorted already).
   */
  public static CanonicalList sortedCopy(Collection<String> names) {
    if (names instanceof CanonicalList known) {
      return known;
    }
    List<String> list = new ArrayList<>(names);
    list.sort(CanonicalNameOrder.INSTANCE);
    return trusted(list);
  }

  /**
   * Wraps {@code sorted}, which the caller made in canonical order and hands over: nobody may
   * change it afterwards.
   */
  static CanonicalList trusted(List<String> sorted) {
    if (sorted instanceof CanonicalList known) {
      return known;
    }
    return sorted.isEmpty() ? EMPTY : new CanonicalList(sorted);
  }

  /**
   * {@code sorted}, which the caller says is in canonical order, as an immutable list: itself if it
   * is a {@code CanonicalList}, else a copy (whose order is only as good as the caller's word).
   */
  static CanonicalList copyOfSorted(List<String> sorted) {
    return sorted instanceof CanonicalList known ? known : trusted(List.copyOf(sorted));
  }

  @Override
  public String get(int index) {
    return names.get(index);
  }

  @Override
  public int size() {
    return names.size();
  }
}
