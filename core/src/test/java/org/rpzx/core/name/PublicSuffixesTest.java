package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicSuffixesTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "com,                    -",
        "co.uk,                  -",
        "github.io,              -",
        "xn--p1ai,               -",
        "notatld,                -",
        "foo.ck,                 -",
        "google.com,             google.com",
        "mail.google.com,        google.com",
        "a.b.c.bbc.co.uk,        bbc.co.uk",
        "x.foo.github.io,        foo.github.io",
        "www.ck,                 www.ck",
        "a.city.kawasaki.jp,     city.kawasaki.jp",
        "a.b.evil.corp,          evil.corp",
        "x.xn--e1afmkfd.xn--p1ai, xn--e1afmkfd.xn--p1ai",
        "evil.1com,              evil.1com",
        "_dmarc.evil.example,    evil.example",
        "a._x.co.uk,             _x.co.uk",
        "x.y_z,                  x.y_z",
      })
  void registrableDomain(String name, String expected) {
    assertThat(PublicSuffixes.registrableDomain(name).orElse(null)).isEqualTo(expected);
    assertThat(PublicSuffixes.isPublicSuffix(name)).isEqualTo(expected == null);
  }
}
