package org.rpzx.core.submission;

import java.util.Objects;

/**
 * One {@code domains.txt} as decoded text (charset and transfer encoding already undone by the edge
 * that received it). A leading byte-order mark is tolerated.
 */
public record DomainsFile(String filename, String text) {
  public DomainsFile {
    Objects.requireNonNull(filename);
    Objects.requireNonNull(text);
  }
}
