package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityAddressesTest {

  private final CommunityAddresses community =
      CommunityAddresses.of(List.of("rpz@Community.example", "blocklist@other.example"));

  @Test
  void comparesLocalPartAndDomainCaseInsensitively() {
    assertThat(community.accepts("rpz@community.example")).isTrue();
    assertThat(community.accepts("RPZ@COMMUNITY.EXAMPLE")).isTrue();
    assertThat(community.accepts("<Blocklist@Other.Example>")).isTrue();
  }

  @Test
  void refusesEverythingElse() {
    assertThat(community.accepts("rpz@community.example.org")).isFalse();
    assertThat(community.accepts("rpz2@community.example")).isFalse();
    assertThat(community.accepts("")).isFalse();
    assertThat(community.accepts(null)).isFalse();
  }

  @Test
  void validatesConfiguration() {
    assertThatThrownBy(() -> CommunityAddresses.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommunityAddresses.of(List.of("no-at-sign")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommunityAddresses.of(List.of("rpz@")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
