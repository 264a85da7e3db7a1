package org.rpzx.dist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rpzx.dist.DocSnippets;

/**
 * What {@code rpzx consumer add} prints is what {@code docs/consumers.md} shows (and its ITs run):
 * the same text for the page's example values.
 */
class ResolverSnippetsDocTest {

  private static final String SECRET = DocSnippets.EXAMPLE_TSIG_SECRET;

  private final DocSnippets doc = DocSnippets.load("consumers.md");

  @Test
  void bindSnippetIsTheDocs() {
    ResolverSnippets s =
        new ResolverSnippets(
            "community.rpz.", "192.0.2.10", 53, "uni-a-xfr", "hmac-sha256", SECRET);
    assertThat(s.bind()).isEqualTo(doc.get("bind"));
  }

  @Test
  void unboundSnippetIsTheDocs() {
    ResolverSnippets s = new ResolverSnippets("community.rpz.", "192.0.2.10", 53, null, null, null);
    assertThat(s.unbound()).isEqualTo(doc.get("unbound"));
  }

  @Test
  void powerDnsSnippetsAreTheDocs() {
    ResolverSnippets s =
        new ResolverSnippets(
            "community.rpz.", "192.0.2.10", 53, "uni-a-pdns-xfr", "hmac-sha256", SECRET);
    assertThat(s.powerDnsLua()).isEqualTo(doc.get("pdns-lua"));
    assertThat(s.powerDnsYaml()).isEqualTo(doc.get("pdns-yaml"));
    assertThat(s.powerDns()).isEqualTo(doc.get("pdns-lua") + doc.get("pdns-yaml"));
  }

  @Test
  void aKeyedUnboundSnippetSaysThatUnboundHasNoTsig() {
    ResolverSnippets s =
        new ResolverSnippets(
            "community.rpz.", "192.0.2.10", 53, "uni-a-xfr", "hmac-sha256", SECRET);
    assertThat(s.unbound())
        .contains("cannot sign zone transfers with TSIG")
        .doesNotContain(SECRET)
        .endsWith(doc.get("unbound").substring(doc.get("unbound").indexOf("server:\n")));
  }
}
