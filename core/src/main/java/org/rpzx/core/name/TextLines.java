package org.rpzx.core.name;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
  private final int from;
  private final int to;

  private TextLines(CharSequence text, int from, int to) {
    this.text = Objects.requireNonNull(text);
    this.from = from;
    this.to = to;
  }

  /** The lines of {@code text}; iterable any number of times. */
  public static TextLines of(CharSequence text) {
    return new TextLines(text, 0, text.length());
  }

  /**
   * {@code text} cut at line starts into pieces of about {@code pieceChars} characters or more (one
   * piece if it has no LF after that), for working on the pieces in parallel. Read one after the
   * other, the pieces' lines are the lines of {@link #of}; each piece numbers its own lines from 1.
   */
  public static List<TextLines> pieces(CharSequence text, int pieceChars) {
    if (pieceChars < 1) {
      throw new IllegalArgumentException("piece size " + pieceChars);
    }
    List<TextLines> out = new ArrayList<>();
    int length = text.length();
    int start = 0;
    do {
      int end = length - start <= pieceChars ? length : lineStartFrom(text, start + pieceChars);
      out.add(new TextLines(text, start, end));
      start = end;
    } while (start < length);
    return out;
  }

  /** The first position at or after {@code at} (≥ 1) that follows an LF, or the text's end. */
  private static int lineStartFrom(CharSequence text, int at) {
    for (int i = at; i < text.length(); i++) {
      if (text.charAt(i - 1) == '\n') {
        return i;
      }
    }
    return text.length();
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
    return new LineIterator(text, from, to);
  }

  private static final class LineIterator implements Iterator<NumberedLine> {
    private final CharSequence text;
    private final int length;
    private int pos;
    private int number;

    LineIterator(CharSequence text, int from, int to) {
      this.text = text;
      this.length = to;
      this.pos = from == 0 && to > 0 && text.charAt(0) == BOM ? 1 : from;
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
