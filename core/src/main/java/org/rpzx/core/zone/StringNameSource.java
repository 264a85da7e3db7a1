package org.rpzx.core.zone;

import java.util.List;

/** Names from a list of strings that is already in canonical order. */
final class StringNameSource implements SortedNameSource {

  private final List<String> names;
  private final WireName current = new WireName();
  private int index;

  StringNameSource(List<String> names) {
    this.names = names;
  }

  @Override
  public boolean next() {
    if (index >= names.size()) {
      return false;
    }
    current.setFromString(names.get(index++));
    return true;
  }

  @Override
  public WireName current() {
    return current;
  }
}
