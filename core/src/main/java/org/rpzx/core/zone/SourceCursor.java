package org.rpzx.core.zone;

/**
 * A {@link NameCursor} over a {@link SortedNameSource}: the wire copy is made only when asked for,
 * as in {@link TrieCursor}.
 */
final class SourceCursor implements NameCursor {

  private final SortedNameSource source;
  private final byte[] out = new byte[WireName.MAX_WIRE];
  private boolean outValid;

  SourceCursor(SortedNameSource source) {
    this.source = source;
  }

  @Override
  public boolean next() {
    outValid = false;
    return source.next();
  }

  @Override
  public byte[] wire() {
    if (!outValid) {
      source.current().copyWireTo(out);
      outValid = true;
    }
    return out;
  }

  @Override
  public int wireLength() {
    return source.current().length;
  }

  @Override
  public int labelCount() {
    return source.current().labelCount;
  }

  @Override
  public int sharedSuffixLabels() {
    return source.sharedWithPrevious();
  }

  @Override
  public String name() {
    return source.current().toName();
  }
}
