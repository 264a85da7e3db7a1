package org.rpzx.dns.testzone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.NameMatch;

/** The oracle itself, checked by hand against RFC 4592 examples. */
class TestSnapshotTest {

  private final TestSnapshot s =
      TestZone.of(1, "example", "a.b.example", "z.test", "a-b.test", "a.test").current();

  @Test
  void matches() {
    assertThat(s.match("")).isEqualTo(NameMatch.APEX);
    assertThat(s.match("example")).isEqualTo(NameMatch.NAME);
    assertThat(s.match("*.example")).isEqualTo(NameMatch.WILDCARD_OWNER);
    assertThat(s.match("x.example")).isEqualTo(NameMatch.WILDCARD_MATCH);
    assertThat(s.match("b.example")).isEqualTo(NameMatch.EMPTY_NON_TERMINAL);
    assertThat(s.match("x.b.example")).isEqualTo(NameMatch.NX_DOMAIN);
    assertThat(s.match("y.x.a.b.example")).isEqualTo(NameMatch.WILDCARD_MATCH);
    assertThat(s.match("test")).isEqualTo(NameMatch.EMPTY_NON_TERMINAL);
    assertThat(s.match("q.test")).isEqualTo(NameMatch.NX_DOMAIN);
    assertThat(s.match("x.*.example")).isEqualTo(NameMatch.NX_DOMAIN);
    assertThat(s.match("other")).isEqualTo(NameMatch.NX_DOMAIN);
  }

  @Test
  void canonicalOrderAndSharedSuffixes() {
    assertThat(s.names()).containsExactly("example", "a.b.example", "a.test", "a-b.test", "z.test");
    NameCursor c = s.cursor();
    List<Integer> shared = new java.util.ArrayList<>();
    while (c.next()) {
      shared.add(c.sharedSuffixLabels());
      assertThat(c.wireLength()).isEqualTo(c.name().length() + 1);
    }
    assertThat(shared).containsExactly(0, 1, 0, 1, 1);
  }
}
