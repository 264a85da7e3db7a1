package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorVersionTest {

  @TempDir Path dir;

  @Test
  void theVersionIsTheNumberInTheFileName() {
    assertThat(SchemaMigrator.version("V7__privacy.sql")).isEqualTo(7);
    assertThat(SchemaMigrator.version("V12__later.sql")).isEqualTo(12);
    assertThatThrownBy(() -> SchemaMigrator.version("privacy.sql"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStoreAtAnOlderVersionGetsThePrivacyTables() {
    Path file = dir.resolve("old.db");
    List<String> all = SchemaMigrator.migrations();
    int before =
        SchemaMigrator.version(
            all.get(
                all.stream()
                        .filter(m -> m.contains("privacy"))
                        .findFirst()
                        .map(all::indexOf)
                        .orElseThrow()
                    - 1));
    try (Database db = Database.open(file)) {
      // as if it had been created before the privacy migration
      db.inTransaction(
          c -> {
            try (Statement st = c.createStatement()) {
              st.executeUpdate("DROP TABLE raw_messages");
              st.executeUpdate("DROP TABLE audit_log");
              st.executeUpdate("DROP INDEX submissions_by_time");
              st.executeUpdate("DROP TRIGGER submissions_id_floor");
              st.executeUpdate("DROP TABLE deleted_id_floor");
              // and every later migration's tables
              st.executeUpdate("DROP TABLE zone_image");
              st.executeUpdate("DROP TABLE underived_submissions");
              st.executeUpdate("PRAGMA user_version = " + before);
            }
            return null;
          });
    }
    try (Database db = Database.open(file)) {
      long tables =
          db.read(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs =
                        st.executeQuery(
                            "SELECT COUNT(*) FROM sqlite_master WHERE name IN"
                                + " ('raw_messages', 'audit_log', 'submissions_by_time',"
                                + " 'deleted_id_floor', 'submissions_id_floor', 'zone_image',"
                                + " 'underived_submissions')")) {
                  rs.next();
                  return rs.getLong(1);
                }
              });
      assertThat(tables).isEqualTo(7);
    }
  }
}
