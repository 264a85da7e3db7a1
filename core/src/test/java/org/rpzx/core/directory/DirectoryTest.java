package org.rpzx.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rpzx.core.store.Database;

class DirectoryTest {

  @TempDir Path dir;

  @Test
  void institutionsAndSendersWithConflictsAndBadInput() {
    try (Database db = Database.open(dir.resolve("rpzx.db"))) {
      Directory d = new Directory(db, Clock.systemUTC());
      assertThat(d.addInstitution("Uni A")).isInstanceOf(Mutation.Done.class);
      assertThat(d.addInstitution("uni a")).isInstanceOf(Mutation.Conflict.class);
      assertThat(d.addInstitution("")).isInstanceOf(Mutation.Invalid.class);
      assertThat(d.addInstitution("x;DROP TABLE institutions"))
          .isInstanceOf(Mutation.Invalid.class);

      assertThat(d.addSender("CERT@Uni-A.example", "Uni A")).isInstanceOf(Mutation.Done.class);
      assertThat(d.addSender("cert@uni-a.example", "Uni A")).isInstanceOf(Mutation.Conflict.class);
      assertThat(d.addSender("x@y.example", "Nobody")).isInstanceOf(Mutation.NotFound.class);
      assertThat(d.addSender("not an address", "Uni A")).isInstanceOf(Mutation.Invalid.class);
      assertThat(d.sender("Cert@UNI-A.example"))
          .get()
          .extracting(Sender::institution)
          .isEqualTo("Uni A");
      assertThat(d.institutions()).extracting(Institution::name).containsExactly("Uni A");
    }
  }
}
