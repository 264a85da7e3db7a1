package org.rpzx.core.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.rpzx.core.name.TrancoList;
import org.rpzx.core.name.ValidationPolicy;
import org.rpzx.core.store.Database;
import org.rpzx.core.submission.ValidationRules;

/** The validation rules tests submit through: default policy, a tiny Top-N list of their own. */
public final class TestRules {

  private TestRules() {}

  /** A Top-N list of exactly {@code names}, ranked in the order given. */
  public static TrancoList topSites(String... names) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      csv.append(i + 1).append(',').append(names[i]).append('\n');
    }
    try {
      return TrancoList.load(new StringReader(csv.toString()), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules of {@code db} with the default policy and {@code topSites} as the Top-N list. */
  public static ValidationRules rules(Database db, Clock clock, String... topSites) {
    return new ValidationRules(db, ValidationPolicy.defaults(), () -> topSites(topSites), clock);
  }
}
