package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

/** {@code rpzx sender remove}: the address's next mail is refused; what it submitted stays. */
class SenderRemovalIT extends ServiceTestBase {

  @Test
  void aRemovedSenderIsRefusedAndItsNamesStay() throws Exception {
    service = startFromConfigFile();
    assertThat(RpzxHarness.cli(service, "institution", "add", "Example University").exitCode())
        .isZero();
    assertThat(
            RpzxHarness.cli(service, "sender", "add", SENDER, "--institution", "Example University")
                .exitCode())
        .isZero();
    assertThat(RpzxHarness.mail(service, SENDER, COMMUNITY, "kept.example\n")).startsWith("250");

    RpzxHarness.CliResult removed =
        RpzxHarness.cli(service, "sender", "remove", "CERT@uni.example", "--json");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(removed.out()).contains("\"email\" : \"cert@uni.example\"");

    assertThatThrownBy(() -> RpzxHarness.mail(service, SENDER, COMMUNITY, "new.example\n"))
        .isInstanceOf(MessagingException.class)
        .hasMessageContaining("550");
    assertThat(RpzxHarness.cli(service, "sender", "list", "--json").out())
        .doesNotContain("cert@uni.example");
    assertThat(RpzxHarness.cli(service, "entries", "list", "--json").out())
        .contains("kept.example")
        .doesNotContain("new.example");

    RpzxHarness.CliResult again = RpzxHarness.cli(service, "sender", "remove", SENDER);
    assertThat(again.exitCode()).isEqualTo(5);
    assertThat(again.err()).contains("no sender cert@uni.example");
  }
}
