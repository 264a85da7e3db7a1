package org.rpzx.core.name;

import java.util.Objects;

/** One line of a text: its 1-based number and its content without the line break. */
public record NumberedLine(int number, String text) {
  public NumberedLine {
    if (number < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + number);
    }
    Objects.requireNonNull(text);
  }
}
