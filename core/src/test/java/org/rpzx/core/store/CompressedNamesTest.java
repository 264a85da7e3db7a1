package org.rpzx.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CompressedNamesTest {

  @Property
  void roundTrips(
      @ForAll @Size(max = 200) List<@StringLength(max = 40) @CharRange(from = 'a', to = 'z') String>
          names) {
    assertThat(CompressedNames.decode(CompressedNames.encode(names))).isEqualTo(names);
  }

  @Test
  void largeListsRoundTrip() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      names.add("host" + i + ".example.org");
    }
    assertThat(CompressedNames.decode(CompressedNames.encode(names))).isEqualTo(names);
  }

  @Test
  void corruptBlobIsAClearError() {
    assertThatThrownBy(() -> CompressedNames.decode(new byte[] {1, 2, 3, 4}))
        .isInstanceOf(StoreException.class);
  }
}
