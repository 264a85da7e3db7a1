package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Whatever strings {@link JsonStrings} writes, SQLite's {@code json_each} reads back unchanged. */
class JsonStringsPropertyTest {

  @Property(tries = 200)
  void anyStringsRoundTripThroughJsonEach(@ForAll @Size(max = 20) List<String> values)
      throws SQLException {
    assertThat(throughJsonEach(values.toArray(String[]::new), 0, values.size()))
        .containsExactlyElementsOf(values);
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() throws SQLException {
    String[] values = {"a\"b", "c\\d", "e\u0000f\nf", "ok.example", "", "ü\uD83D\uDE00"};
    assertThat(JsonStrings.array(values, 0, 2)).isEqualTo("[\"a\\\"b\",\"c\\\\d\"]");
    assertThat(throughJsonEach(values, 0, values.length)).containsExactly(values);
    assertThat(throughJsonEach(values, 3, 4)).containsExactly("ok.example");
  }

  private static List<String> throughJsonEach(String[] values, int from, int to)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        PreparedStatement ps = c.prepareStatement("SELECT value FROM json_each(?) ORDER BY key")) {
      ps.setString(1, JsonStrings.array(values, from, to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
