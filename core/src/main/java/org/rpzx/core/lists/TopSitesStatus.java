package org.rpzx.core.lists;

import java.time.Instant;

/**
 * The Top-N list in force.
 *
 * @param source {@code bundled} or {@code file}
 * @param file the file it was read from (null: bundled)
 * @param configuredFile the file a reload reads (null: the bundled list is configured); differs
 *     from {@code file} while that file does not exist yet
 * @param n the rank cut-off
 * @param names distinct valid names kept
 * @param rows data rows read, including those beyond {@code n}
 * @param badRows rows that are not {@code rank,domain}
 * @param invalidNames rows within the top {@code n} whose domain is not a name
 * @param loadedAt when it was read
 * @param fileModified the file's modification time (null: bundled)
 * @param sha256 hex SHA-256 of the file's bytes (null: bundled)
 */
public record TopSitesStatus(
    String source,
    String file,
    String configuredFile,
    int n,
    int names,
    int rows,
    int badRows,
    int invalidNames,
    Instant loadedAt,
    Instant fileModified,
    String sha256) {

  public static final String BUNDLED = "bundled";
  public static final String FILE = "file";
}
