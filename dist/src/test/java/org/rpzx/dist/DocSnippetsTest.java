package org.rpzx.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocSnippetsTest {

  @Test
  void aMarkedBlockIsItsTextAndUnmarkedBlocksAreIgnored() {
    String page =
        "# t\n```\nnot marked\n```\n<!-- snippet: a-1 -->\n```sh\necho one\n\necho two\n```\n"
            + "text\n<!-- snippet: b -->\n```\n```\n";
    assertThat(DocSnippets.parse(page))
        .containsExactly(Map.entry("a-1", "echo one\n\necho two\n"), Map.entry("b", ""));
  }

  @Test
  void aMarkerWithoutABlockOrATwiceUsedIdIsAnError() {
    assertThatThrownBy(() -> DocSnippets.parse("<!-- snippet: a -->\ntext\n```\nx\n```\n"))
        .hasMessageContaining("no code block");
    assertThatThrownBy(() -> DocSnippets.parse("<!-- snippet: a -->\n```\nx\n"))
        .hasMessageContaining("not closed");
    assertThatThrownBy(
            () ->
                DocSnippets.parse(
                    "<!-- snippet: a -->\n```\nx\n```\n<!-- snippet: a -->\n```\ny\n```\n"))
        .hasMessageContaining("twice");
  }

  @Test
  void shellWordsSplitLikeSh() {
    assertThat(
            DocSnippets.shellWords(
                "rpzx consumer add uni-a --institution \"Example University\" \\\n"
                    + "    --allow 'a b' x\\ y \"q\\\"\"  # comment\n"))
        .containsExactly(
            "consumer",
            "add",
            "uni-a",
            "--institution",
            "Example University",
            "--allow",
            "a b",
            "x y",
            "q\"");
    assertThat(DocSnippets.shellWords("./rpzx zone status")).isEqualTo(List.of("zone", "status"));
    assertThatThrownBy(() -> DocSnippets.shellWords("a 'b")).hasMessageContaining("unclosed");
  }

  @Test
  void everyReplacedExampleValueMustBeThere() {
    DocSnippets doc = DocSnippets.load("consumers.md");
    assertThat(doc.get("kresd-token", Map.of("192.0.2.56/32", "127.0.0.1/32")))
        .contains("--allow 127.0.0.1/32");
    assertThatThrownBy(() -> doc.get("kresd-token", Map.of("203.0.113.1", "x")))
        .hasMessageContaining("no longer contains '203.0.113.1'");
    assertThatThrownBy(() -> doc.get("no-such-snippet")).hasMessageContaining("no snippet");
  }
}
