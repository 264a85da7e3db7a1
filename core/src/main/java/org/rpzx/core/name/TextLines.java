package org.rpzx.core.name;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Splits a whole {@code domains.txt} into numbered lines without copying the text: a leading
 * byte-order mark is dropped; LF, CRLF and a lone CR each end a line; a final line break does not
 * start another (empty) line. Only one line at a time is materialised, so a 25 MB text costs no
 * more than its longest line on top of itself.
 */
public final class TextLines implements Iterable<NumberedLine> {

  private static final char BOM = '\uFEFF';

  private final CharSequence text;

  private TextLines(CharSequence text) {
    this.text = Objects.requireNonNull(text);
  }

  /** The lines of {@code text}; iterable any number of times. */
  public static TextLines of(CharSequence text) {
    return new TextLines(text);
  }

  /** The lines of {@code text} as a sequential stream. */
  public static Stream<NumberedLine> stream(CharSequence text) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            of(text).iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public Iterator<NumberedLine> iterator() {
    return new LineIterator(text);
  }

  private static final class LineIterator implements Iterator<NumberedLine> {
    private final CharSequence text;
    private final int length;
    private int pos;
    private int number;

    LineIterator(CharSequence text) {
      this.text = text;
      this.length = text.length();
      this.pos = length > 0 && text.charAt(0) == BOM ? 1 : 0;
    }

    @Override
    public boolean hasNext() {
      return pos < length;
    }

    @Override
    public NumberedLine next() {
      if (pos >= length) {
        throw new NoSuchElementException();
      }
      int start = pos;
      int end = start;
      while (end < length) {
        char c = text.charAt(end);
        if (c == '\n' || c == '\r') {
          break;
        }
        end++;
      }
      int next = end;
      if (next < length) {
        next +=
            text.charAt(next) == '\r' && next + 1 < length && text.charAt(next + 1) == '\n' ? 2 : 1;
      }
      pos = next;
      number++;
      return new NumberedLine(number, text.subSequence(start, end).toString());
    }
  }
}
