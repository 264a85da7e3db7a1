package org.rpzx.core.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, a zip or gzip of them reads back as them, and plain bytes pass unchanged. */
class ListFilesProperties {

  private static byte[] decompressed(byte[] data) throws Exception {
    try (InputStream in = ListFiles.decompressed(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  @Property
  void plainBytesPassUnchanged(@ForAll @Size(max = 2000) byte[] data) throws Exception {
    Assume.that(data.length < 2 || !(data[0] == 'P' && data[1] == 'K'));
    Assume.that(data.length < 2 || !((data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b));
    assertThat(decompressed(data)).isEqualTo(data);
  }

  @Property
  void gzipAndZipReadBackAsTheirContent(@ForAll @Size(max = 2000) byte[] data) throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(data);
    }
    assertThat(decompressed(gz.toByteArray())).isEqualTo(data);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("x.csv"));
      out.write(data);
      out.closeEntry();
    }
    assertThat(decompressed(zip.toByteArray())).isEqualTo(data);
  }
}
