package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameListTest {

  private final NameList list =
      NameList.of(
          "google.com",
          "docs.example-top.org",
          "blogspot.com",
          "a.b.deep.example",
          "www.bbc.co.uk",
          "evil.corp");

  @Test
  void exactMatchNamesItself() {
    assertThat(list.match("google.com")).contains("google.com");
    assertThat(list.match("docs.example-top.org")).contains("docs.example-top.org");
  }

  @Test
  void descendantsMatchTheirListedAncestorDownToTheRegistrableDomain() {
    assertThat(list.match("mail.google.com")).contains("google.com");
    assertThat(list.match("x.y.z.google.com")).contains("google.com");
    assertThat(list.match("x.docs.example-top.org")).contains("docs.example-top.org");
    assertThat(list.match("host.www.bbc.co.uk")).contains("www.bbc.co.uk");
    assertThat(list.match("sub.evil.corp")).contains("evil.corp");
  }

  @Test
  void ancestorsAboveTheRegistrableDomainNeverCount() {
    // blogspot.com is a public suffix: its children are separate registrable domains
    assertThat(list.match("evil.blogspot.com")).isEmpty();
    assertThat(list.match("a.evil.blogspot.com")).isEmpty();
    assertThat(list.match("blogspot.com")).contains("blogspot.com");
  }

  @Test
  void ancestorsOfAListedNameMatchDownToItsRegistrableDomain() {
    assertThat(list.match("example-top.org")).contains("docs.example-top.org");
    assertThat(list.match("b.deep.example")).contains("a.b.deep.example");
    assertThat(list.match("deep.example")).contains("a.b.deep.example");
    assertThat(list.match("bbc.co.uk")).contains("www.bbc.co.uk");
    // public suffixes above a listed name are not its registrable ancestors
    assertThat(list.match("org")).isEmpty();
    assertThat(list.match("co.uk")).isEmpty();
    assertThat(list.match("com")).isEmpty();
    assertThat(list.match("example")).isEmpty();
  }

  @Test
  void siblingsAndLookAlikesDoNotMatch() {
    assertThat(list.match("other.example-top.org")).isEmpty();
    assertThat(list.match("notgoogle.com")).isEmpty();
    assertThat(list.match("google.com.evil.example")).isEmpty();
    assertThat(list.match("google.co.uk")).isEmpty();
    assertThat(list.match("c.b.deep.example")).isEmpty();
    assertThat(list.match("news.bbc.co.uk")).isEmpty();
  }

  @Test
  void theNearestListedAncestorExplainsTheMatch() {
    NameList nested = NameList.of("google.com", "mail.google.com");
    assertThat(nested.match("imap.mail.google.com")).contains("mail.google.com");
    assertThat(nested.match("drive.google.com")).contains("google.com");
  }

  @Test
  void theFirstListedDescendantExplainsAnAncestorMatch() {
    NameList l = NameList.of("a.shared.example", "b.shared.example");
    assertThat(l.match("shared.example")).contains("a.shared.example");
  }

  @Test
  void entriesAreNormalisedLikeSubmittedLines() {
    NameList l =
        NameList.of(
            " Google.COM. ",
            "*.wildcard.example",
            "bücher.example",
            "faß.de",
            "_wildcard_.ph",
            "# a comment",
            "",
            "http://url.example/",
            "192.0.2.1",
            "bad..name",
            null);
    assertThat(l.names())
        .containsExactlyInAnyOrder(
            "google.com",
            "wildcard.example",
            "xn--bcher-kva.example",
            "xn--fa-hia.de",
            "_wildcard_.ph");
    assertThat(l.invalidEntries()).isEqualTo(4);
    assertThat(l.size()).isEqualTo(5);
    assertThat(l.match("www.xn--bcher-kva.example")).contains("xn--bcher-kva.example");
    assertThat(l.contains("google.com")).isTrue();
    assertThat(l.contains("Google.COM")).isFalse();
  }

  @Test
  void duplicatesCountOnce() {
    NameList l = NameList.of("a.example", "A.EXAMPLE", "*.a.example", "a.example.");
    assertThat(l.size()).isEqualTo(1);
    assertThat(l.invalidEntries()).isZero();
  }

  @Test
  void emptyListMatchesNothing() {
    assertThat(NameList.empty().match("google.com")).isEmpty();
    assertThat(NameList.of().size()).isZero();
    assertThat(NameList.of(List.of("# only a comment")).match("x.example")).isEmpty();
  }

  @Test
  void namesViewIsUnmodifiable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.names().add("x.example"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aMillionEntriesBuildAndAnswer() {
    List<String> entries = new ArrayList<>(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      entries.add(i % 10 == 0 ? "www.site" + i + ".co.uk" : "site" + i + ".com");
    }
    NameList big = NameList.of(entries);
    assertThat(big.size()).isEqualTo(1_000_000);
    assertThat(big.match("mail.site999999.com")).contains("site999999.com");
    assertThat(big.match("site10.co.uk")).contains("www.site10.co.uk");
    assertThat(big.match("site11.co.uk")).isEmpty();
    assertThat(big.match("evil.example")).isEmpty();
  }

  @Test
  void toStringSummarises() {
    assertThat(NameList.of(Arrays.asList("a.example", "b..example")).toString())
        .isEqualTo("NameList[1 names, 1 invalid entries]");
  }
}
