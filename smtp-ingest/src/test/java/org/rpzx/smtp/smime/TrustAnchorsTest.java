package org.rpzx.smtp.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

  @TempDir Path dir;

  @Test
  void readsEveryCertificateOfABundleIgnoringTextBetween() throws Exception {
    TestPki.Issued a = TestPki.ca("A");
    TestPki.Issued b = TestPki.ca("B");
    Path bundle = dir.resolve("anchors.pem");
    Files.writeString(
        bundle,
        "# Community CA bundle\nSubject: CN=A\n"
            + TestPki.pem(a.cert())
            + "\nSubject: CN=B\n"
            + TestPki.pem(b.cert()));
    assertThat(TrustAnchors.load(bundle)).containsExactly(a.cert(), b.cert());
  }

  @Test
  void refusesWhatIsNotABundleOfCertificates() throws Exception {
    TestPki.Issued a = TestPki.ca("A");
    Path withKey = dir.resolve("with-key.pem");
    Files.writeString(withKey, TestPki.pem(a.cert()) + TestPki.pkcs8Pem(a.keys().getPrivate()));
    assertThatThrownBy(() -> TrustAnchors.load(withKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2 is")
        .hasMessageContaining("not a CERTIFICATE");

    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "nothing here\n");
    assertThatThrownBy(() -> TrustAnchors.load(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no PEM CERTIFICATE");

    Path broken = dir.resolve("broken.pem");
    Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> TrustAnchors.load(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not valid PEM");

    assertThatThrownBy(() -> TrustAnchors.load(dir.resolve("missing.pem")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
