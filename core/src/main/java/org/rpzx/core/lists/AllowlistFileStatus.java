package org.rpzx.core.lists;

import java.time.Instant;

/**
 * The operator's allowlist file as last read, and the size of the store's allowlist.
 *
 * @param file the configured file (null: none, the store's allowlist only)
 * @param fileNames distinct names read from the file
 * @param storeNames names on the store's allowlist
 * @param loadedAt when the file was read
 * @param fileModified the file's modification time (null: no file)
 * @param sha256 hex SHA-256 of the file's bytes (null: no file)
 */
public record AllowlistFileStatus(
    String file,
    int fileNames,
    int storeNames,
    Instant loadedAt,
    Instant fileModified,
    String sha256) {}
