package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LenientParametersTest {

  @Test
  void findsPlainQuotedAndEscapedValues() {
    String v = "attachment; size=3; FileName = \"a \\\"b\\\";c.txt\" ; name=my file.txt";
    assertThat(LenientParameters.get(v, "filename")).isEqualTo("a \"b\";c.txt");
    assertThat(LenientParameters.get(v, "size")).isEqualTo("3");
    assertThat(LenientParameters.get(v, "name")).isEqualTo("my file.txt");
    assertThat(LenientParameters.get(v, "missing")).isNull();
    assertThat(LenientParameters.get("attachment", "filename")).isNull();
    assertThat(LenientParameters.get("attachment; filename=\"unterminated", "filename"))
        .isEqualTo("\"unterminated");
  }
}
