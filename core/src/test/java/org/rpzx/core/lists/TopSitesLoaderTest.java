package org.rpzx.core.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopSitesLoaderTest {

  static final String CSV = "1,google.com\r\n2,facebook.com\r\n3,docs.example-top.org\r\n";
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  static byte[] zip(String csv, boolean directoryFirst) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (directoryFirst) {
        zip.putNextEntry(new ZipEntry("lists/"));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("top-1m.csv"));
      zip.write(csv.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(String csv) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private TopSitesStatus loaded(Path file, int n) {
    TopSitesLoader.Result r = TopSitesLoader.load(new TopSitesSource(file, n), NOW);
    assertThat(r).as(r.toString()).isInstanceOf(TopSitesLoader.Result.Loaded.class);
    return ((TopSitesLoader.Result.Loaded) r).status();
  }

  private String failure(Path file) {
    TopSitesLoader.Result r = TopSitesLoader.load(new TopSitesSource(file, 100), NOW);
    assertThat(r).isInstanceOf(TopSitesLoader.Result.Failed.class);
    return ((TopSitesLoader.Result.Failed) r).message();
  }

  @Test
  void theFormatIsToldByTheContentNotTheName() throws Exception {
    byte[][] contents = {
      CSV.getBytes(StandardCharsets.UTF_8), zip(CSV, false), zip(CSV, true), gzip(CSV)
    };
    for (byte[] content : contents) {
      Path file = dir.resolve("list.csv"); // a zip under a .csv name
      Files.write(file, content);
      TopSitesStatus s = loaded(file, 2);
      assertThat(s.names()).isEqualTo(2);
      assertThat(s.rows()).isEqualTo(3);
      assertThat(s.source()).isEqualTo("file");
      assertThat(s.file()).isEqualTo(file.toString());
      assertThat(s.loadedAt()).isEqualTo(NOW);
      assertThat(s.fileModified()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
      assertThat(s.sha256())
          .isEqualTo(
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }
  }

  @Test
  void unusableFilesAreRefusedWithAReason() throws Exception {
    Path file = dir.resolve("top.csv");
    assertThat(failure(file)).contains("does not exist");
    Files.writeString(file, "");
    assertThat(failure(file)).contains("no rank,domain rows");
    Files.writeString(file, "rank,domain\n");
    assertThat(failure(file)).contains("no rank,domain rows");
    Files.writeString(file, "<!DOCTYPE html>\n<html>\n<p>404</p>\n</html>\n");
    assertThat(failure(file)).contains("not a Tranco CSV");
    Files.writeString(file, "1,ok.example\nfoo\nbar\nbaz\n");
    assertThat(failure(file)).contains("3 of 4 rows");
    Files.writeString(file, "1,ok.example\n2,-bad-\n3,also bad\n");
    assertThat(failure(file)).contains("not domain names");
    Files.write(file, zip("", false));
    assertThat(failure(file)).contains("no rank,domain rows");
    Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0});
    assertThat(failure(file)).startsWith("cannot read " + file);
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1});
    assertThat(failure(file)).startsWith("cannot read " + file);
  }

  @Test
  void theBundledListNeedsNoFile() {
    TopSitesLoader.Result r = TopSitesLoader.load(TopSitesSource.bundled(500), NOW);
    TopSitesStatus s = ((TopSitesLoader.Result.Loaded) r).status();
    assertThat(s.source()).isEqualTo("bundled");
    assertThat(s.file()).isNull();
    assertThat(s.sha256()).isNull();
    assertThat(s.n()).isEqualTo(500);
    assertThat(s.names()).isBetween(490, 500);
  }
}
