package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new store is private to its owner whatever the umask (the test JVM's is usually 022, which
 * would make SQLite's files 0644): directory 0700, store, WAL and shared-memory files 0600.
 */
class DatabaseFileModesTest {

  @TempDir Path tmp;

  @Test
  void newStoreDirectoryAndFilesAreOwnerOnly() {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path dir = tmp.resolve("data");
    Path file = dir.resolve("rpzx.db");
    try (Database db = Database.open(file)) {
      db.inTransaction(
          c -> {
            try (var s = c.createStatement()) {
              return s.executeUpdate(
                  "INSERT INTO institutions (name, status, created_at) VALUES ('x', 'active', 0)");
            }
          });
      assertThat(mode(dir)).isEqualTo("rwx------");
      for (String name : new String[] {"rpzx.db", "rpzx.db-wal", "rpzx.db-shm"}) {
        assertThat(Files.exists(dir.resolve(name))).as(name).isTrue();
        assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anExistingStoreKeepsItsMode() throws Exception {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = tmp.resolve("rpzx.db");
    Database.open(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Database.open(file).close();
    assertThat(mode(file)).isEqualTo("rw-r-----");
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
