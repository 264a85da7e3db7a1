package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryValidatorTest {

  private static final ValidationPolicy UNDERSCORE =
      new ValidationPolicy(ValidationPolicy.DEFAULT_ORIGIN, true);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "_dmarc.evil-domain.com | _dmarc.evil-domain.com",
        "ev_il.example          | ev_il.example",
        "_._.evil.example       | _._.evil.example",
        "*._tcp.evil.example    | _tcp.evil.example",
        "_ACME.Evil.Example.    | _acme.evil.example",
        "_x.bücher.example      | _x.xn--bcher-kva.example",
        "evil.ex_ample          | evil.ex_ample",
      })
  void underscoreAllowedByPolicy(String line, String expected) {
    assertThat(EntryValidator.of(UNDERSCORE).validate(line))
        .isEqualTo(LineOutcome.accepted(expected));
    assertThat(reason(EntryValidator.of(ValidationPolicy.defaults()).validate(line)))
        .isEqualTo("syntax");
  }

  @Test
  void underscoreAllowedDoesNotRelaxOtherRules() {
    EntryValidator v = EntryValidator.of(UNDERSCORE);
    // an underscore label is never part of a public suffix
    assertThat(v.validate("_.com")).isEqualTo(LineOutcome.accepted("_.com"));
    assertThat(reason(v.validate("_"))).isEqualTo("public-suffix");
    assertThat(reason(v.validate("-_.example"))).isEqualTo("syntax");
    assertThat(reason(v.validate("_x-.example"))).isEqualTo("syntax");
    assertThat(reason(v.validate("a_b example"))).isEqualTo("syntax");
  }

  @Test
  void tooLongBoundaryFollowsTheOrigin() {
    String name237 =
        label('a', 63)
            + "."
            + label('b', 63)
            + "."
            + label('c', 63)
            + "."
            + label('d', 41)
            + ".com";
    assertThat(name237).hasSize(237);
    assertThat(ValidationPolicy.defaults().maxNameLength()).isEqualTo(237);
    assertThat(ValidationPolicy.defaults().originWireLength()).isEqualTo(15);

    // a longer origin lowers the boundary by its extra length
    ValidationPolicy longer = new ValidationPolicy("blocklist.community.rpz", false);
    assertThat(longer.maxNameLength()).isEqualTo(227);
    assertThat(reason(EntryValidator.of(longer).validate(name237))).isEqualTo("too-long");
    String name227 = name237.substring(10);
    assertThat(EntryValidator.of(longer).validate(name227))
        .isEqualTo(LineOutcome.accepted(name227));

    // the root origin leaves room for 251 characters, but names stop at 253 / syntax
    ValidationPolicy root = new ValidationPolicy(".", false);
    assertThat(root.maxNameLength()).isEqualTo(251);
  }

  @Test
  void detailsExplainTheListMatch() {
    LineOutcome top = TestFixtures.VALIDATOR.validate("mail.google.com");
    assertThat(top).isInstanceOf(LineOutcome.Rejected.class);
    assertThat(((LineOutcome.Rejected) top).detail()).contains("google.com");
    LineOutcome allow = TestFixtures.VALIDATOR.validate("partner.example");
    assertThat(((LineOutcome.Rejected) allow).detail()).contains("mail.partner.example");
    LineOutcome tooLong =
        TestFixtures.VALIDATOR.validate(
            label('a', 63)
                + "."
                + label('b', 63)
                + "."
                + label('c', 63)
                + "."
                + label('d', 42)
                + ".com");
    assertThat(((LineOutcome.Rejected) tooLong).detail())
        .contains("256")
        .contains("community.rpz.");
  }

  @Test
  void suppressionIsConsultedLastAndOnlyForOtherwiseAcceptedNames() {
    List<String> asked = new ArrayList<>();
    EntryValidator v =
        TestFixtures.VALIDATOR.withSuppression(
            name -> {
              asked.add(name);
              return name.equals("suppressed.example");
            });
    v.validate("com");
    v.validate("mail.google.com");
    v.validate("example-uni.edu");
    v.validate("http://suppressed.example/");
    v.validate("# suppressed.example");
    assertThat(asked).isEmpty();
    assertThat(reason(v.validate("*.SUPPRESSED.example."))).isEqualTo("suppressed");
    assertThat(v.validate("fine.example")).isEqualTo(LineOutcome.accepted("fine.example"));
    assertThat(asked).containsExactly("suppressed.example", "fine.example");
  }

  @Test
  void aFailingSuppressionStoreIsAnExceptionNotAVerdict() {
    EntryValidator v =
        TestFixtures.VALIDATOR.withSuppression(
            name -> {
              throw new IllegalStateException("store down");
            });
    assertThatThrownBy(() -> v.validate("fine.example")).hasMessage("store down");
    assertThat(reason(v.validate("com"))).isEqualTo("public-suffix");
  }

  @Test
  void withMethodsReplaceOnlyTheirPart() {
    EntryValidator base = EntryValidator.of(ValidationPolicy.defaults());
    assertThat(base.validate("google.com")).isEqualTo(LineOutcome.accepted("google.com"));
    EntryValidator withTop = base.withTopSites(NameList.of("google.com"));
    assertThat(reason(withTop.validate("google.com"))).isEqualTo("top-sites");
    assertThat(base.validate("google.com")).isEqualTo(LineOutcome.accepted("google.com"));
    EntryValidator withAllow = withTop.withAllowlist(NameList.of("example-uni.edu"));
    assertThat(reason(withAllow.validate("www.example-uni.edu"))).isEqualTo("allowlist");
    assertThat(reason(withAllow.validate("google.com"))).isEqualTo("top-sites");
    assertThat(withAllow.policy()).isEqualTo(ValidationPolicy.defaults());
    assertThat(withAllow.topSites().contains("google.com")).isTrue();
    assertThat(withAllow.allowlist().contains("example-uni.edu")).isTrue();
  }

  @Test
  void topSitesIsReportedBeforeAllowlist() {
    EntryValidator v =
        new EntryValidator(
            ValidationPolicy.defaults(),
            NameList.of("both.example"),
            NameList.of("both.example"),
            SuppressionCheck.NONE);
    assertThat(reason(v.validate("both.example"))).isEqualTo("top-sites");
  }

  @Test
  void policyNormalisesAndChecksTheOrigin() {
    assertThat(new ValidationPolicy(" Community.RPZ ", false).zoneOrigin())
        .isEqualTo("community.rpz.");
    assertThatThrownBy(() -> new ValidationPolicy("", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationPolicy("bad origin.", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidationPolicy("*.rpz.", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ValidationPolicy(
                    label('a', 63)
                        + "."
                        + label('b', 63)
                        + "."
                        + label('c', 63)
                        + "."
                        + label('d', 60),
                    false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void skippedIsTheSharedValue() {
    assertThat(TestFixtures.VALIDATOR.validate("   ")).isSameAs(LineOutcome.SKIPPED);
  }

  private static String reason(LineOutcome o) {
    return o instanceof LineOutcome.Rejected r ? r.reason().code() : String.valueOf(o);
  }

  private static String label(char c, int n) {
    return String.valueOf(c).repeat(n);
  }
}
