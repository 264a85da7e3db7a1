package org.rpzx.core.lists;

import java.time.Instant;

/**
 * A name the operator never wants blocked. Entries from the store carry who added them, when and
 * why; entries from the allowlist file carry only the name (and the file's modification time).
 */
public record AllowlistEntry(
    String name, Source source, String comment, String addedBy, Instant addedAt) {

  /** Where an entry comes from; only store entries can be removed through the API. */
  public enum Source {
    STORE("store"),
    FILE("file");

    private final String code;

    Source(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
