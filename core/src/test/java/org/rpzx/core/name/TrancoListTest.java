package org.rpzx.core.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrancoListTest {

  private static TrancoList load(String csv, int topN) throws IOException {
    return TrancoList.load(new StringReader(csv), topN);
  }

  @Test
  void keepsTheTopNByRank() throws IOException {
    TrancoList t = load("1,google.com\n2,youtube.com\n3,facebook.com\n4,baidu.com\n", 2);
    assertThat(t.names().names()).containsExactlyInAnyOrder("google.com", "youtube.com");
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.badRows()).isZero();
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void theRankDecidesNotThePosition() throws IOException {
    TrancoList t = load("3,c.example\n1,a.example\n10,j.example\n2,b.example\n", 3);
    assertThat(t.names().names()).containsExactlyInAnyOrder("a.example", "b.example", "c.example");
  }

  @Test
  void toleratesHeaderBomCrlfBlankLinesSpacesAndExtraColumns() throws IOException {
    String csv =
        "\uFEFFrank,domain\r\n"
            + "\r\n"
            + "1,google.com\r\n"
            + "  2 , YouTube.com \r\n"
            + "\r\n"
            + "3,facebook.com,extra,columns\r\n"
            + "   \r\n"
            + "4,baidu.com";
    TrancoList t = load(csv, 10);
    assertThat(t.names().names())
        .containsExactlyInAnyOrder("google.com", "youtube.com", "facebook.com", "baidu.com");
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.badRows()).isZero();
  }

  @Test
  void aBomWithoutHeaderStillReadsTheFirstRow() throws IOException {
    TrancoList t = load("\uFEFF1,google.com\n2,youtube.com\n", 10);
    assertThat(t.names().names()).containsExactlyInAnyOrder("google.com", "youtube.com");
  }

  @Test
  void badRowsAndInvalidNamesAreSkippedAndCounted() throws IOException {
    String csv =
        "1,google.com\n"
            + "no comma here\n"
            + "x,notanumber.com\n"
            + "0,zero.com\n"
            + "-5,negative.com\n"
            + "7,\n"
            + "8,http://url.example/\n"
            + "9,bad..name\n"
            + "10,good.example\n"
            + "99999999999,huge.example\n";
    TrancoList t = load(csv, 100);
    assertThat(t.names().names()).containsExactlyInAnyOrder("google.com", "good.example");
    assertThat(t.badRows()).isEqualTo(6);
    assertThat(t.invalidNames()).isEqualTo(2);
    assertThat(t.rows()).isEqualTo(10);
    assertThat(t.toString()).contains("2 names").contains("6 bad rows").contains("2 invalid names");
  }

  @Test
  void aNonNumericFirstLineIsAHeaderNotABadRow() throws IOException {
    assertThat(load("Rank,Domain\n1,a.example\n", 5).badRows()).isZero();
    assertThat(load("1,a.example\nRank,Domain\n", 5).badRows()).isEqualTo(1);
  }

  @Test
  void topNZeroKeepsNothingAndNegativeIsRefused() throws IOException {
    assertThat(load("1,a.example\n", 0).size()).isZero();
    assertThatThrownBy(() -> load("1,a.example\n", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadsPlainGzipAndZipFiles(@TempDir Path dir) throws IOException {
    String csv = "1,google.com\r\n2,youtube.com\r\n3,facebook.com\r\n";
    Path plain = dir.resolve("top-1m.csv");
    Files.writeString(plain, csv);
    Path gz = dir.resolve("top-1m.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    Path zip = dir.resolve("top-1m.csv.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("top-1m.csv"));
      out.write(csv.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    for (Path p : new Path[] {plain, gz, zip}) {
      TrancoList t = TrancoList.load(p, 2);
      assertThat(t.names().names())
          .as(p.toString())
          .containsExactlyInAnyOrder("google.com", "youtube.com");
    }
    Path emptyZip = dir.resolve("empty.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(emptyZip))) {
      out.finish();
    }
    assertThatThrownBy(() -> TrancoList.load(emptyZip, 2)).isInstanceOf(IOException.class);
  }

  @Test
  void bundledDefaultIsTheRealTop10k() {
    TrancoList t = TrancoList.bundled();
    assertThat(t.rows()).isEqualTo(10_000);
    assertThat(t.badRows()).isZero();
    assertThat(t.invalidNames()).isZero();
    assertThat(t.size()).isEqualTo(10_000);
    NameList top = t.names();
    assertThat(top.contains("google.com")).isTrue();
    assertThat(top.contains("thisiscm.com")).isTrue(); // rank 10000
    assertThat(top.match("mail.google.com")).contains("google.com");
    assertThat(top.match("www.gov.uk")).contains("www.gov.uk");
  }

  @Test
  void bundledCanBeCutShorter() {
    TrancoList t = TrancoList.bundled(100);
    assertThat(t.size()).isEqualTo(100);
    assertThat(t.rows()).isEqualTo(10_000);
    assertThat(t.names().contains("reddit.com")).isTrue(); // rank 100
    assertThat(t.names().contains("root-servers.net")).isFalse(); // rank 101
  }
}
