package org.rpzx.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.mime.AttachmentExtractor;
import org.rpzx.smtp.mime.ExtractedMessage;
import org.rpzx.smtp.mime.Extraction;
import org.rpzx.smtp.mime.MimeLimits;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.rpzx.smtp.smime.TrustAnchors;

/**
 * Fuzzes the signed-mail path as a submission takes it: {@link AttachmentExtractor} (MIME walk,
 * {@code multipart/signed} digests, opaque {@code pkcs7-mime} unwrapped while streaming) and then
 * {@link SignatureGate} with a {@link SmimeVerifier} that trusts one fixed CA. Invariants:
 *
 * <ul>
 *   <li>the extraction is a value (a message or a rejection with a reason), never an exception, and
 *       the decoded text stays within the limits whatever lengths the message claims;
 *   <li>the gate answers "valid" or refuses with 550 and a reason; never the 451 it gives for an
 *       unexpected exception of the verifier;
 *   <li>"valid" only for the one address the trusted CA certified ({@code cert@uni.example}), as
 *       the header {@code From}.
 * </ul>
 *
 * <p>The seeds in {@code SignedMailFuzzTestInputs/signedMail/} were made with {@code openssl smime}
 * and {@code openssl cms} (detached and opaque, SHA-1/256/512, with and without certificates, by a
 * trusted and an untrusted signer, tampered after signing, for another From); the CA is {@code
 * signed-mail-fuzz-ca.pem} (valid until 2126). To fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl smtp-ingest -am test -Dtest=SignedMailFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class SignedMailFuzzTest {

  static {
    // the gate logs every refusal at INFO: quiet, so that the fuzzer is not slowed down by it
    System.setProperty("org.slf4j.simpleLogger.log.org.rpzx.smtp", "warn");
  }

  static final String SIGNER = "cert@uni.example";

  /** Small bounds, so that the fuzzer reaches them. */
  private static final MimeLimits LIMITS = new MimeLimits(4, 4096, 16 * 1024);

  private static final AttachmentExtractor EXTRACTOR = new AttachmentExtractor(LIMITS);

  /** After the certificates' start (2026-11-24), long before their end. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static final SignatureGate GATE =
      new SignatureGate(new SmimeVerifier(trustAnchor(), CLOCK));

  @FuzzTest(maxDuration = "60s")
  void signedMail(byte[] message) throws IOException {
    SmtpReply refusal = verdict(message);
    if (refusal != null) {
      assertThat(refusal.code()).as(refusal.text()).isEqualTo(550);
      assertThat(refusal.text()).isNotBlank();
    }
  }

  /**
   * Null when the message is signed and the gate accepts it; the refusal for a signed message it
   * refuses; a 554 stand-in for an unsigned or unusable message (not the gate's business).
   */
  static SmtpReply verdict(byte[] message) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(message);
    Extraction result = EXTRACTOR.extract(in);
    if (result instanceof Extraction.Rejected r) {
      assertThat(r.reason()).isNotBlank();
      return new SmtpReply(550, "rejected: " + r.reason());
    }
    ExtractedMessage m = ((Extraction.Extracted) result).message();
    long chars = m.files().stream().map(DomainsFile::text).mapToLong(String::length).sum();
    assertThat(chars).isLessThanOrEqualTo(LIMITS.maxDecodedBytes());
    if (!m.signed()) {
      return new SmtpReply(550, "unsigned");
    }
    SmtpReply refusal = GATE.refusal(m);
    if (refusal == null) {
      assertThat(m.from()).as("accepted signature for").isEqualToIgnoringCase(SIGNER);
    }
    return refusal;
  }

  /** The seeds mean what their names say: the corpus reaches both verdicts of the gate. */
  @Test
  void seedsGiveTheirVerdicts() throws IOException {
    Map<String, Boolean> accepted =
        Map.of(
            "detached-valid.eml", true,
            "opaque-valid.eml", true,
            "cms-detached-sha512.eml", true,
            "cms-opaque-with-ca.eml", true,
            "detached-tampered.eml", false,
            "opaque-tampered-base64.eml", false,
            "detached-wrong-from.eml", false,
            "detached-untrusted.eml", false,
            "detached-sha1.eml", false,
            "detached-no-certs.eml", false);
    for (Map.Entry<String, Boolean> e : accepted.entrySet()) {
      byte[] message;
      try (InputStream in = seed(e.getKey())) {
        message = in.readAllBytes();
      }
      SmtpReply reply = verdict(message);
      assertThat(reply == null).as("%s accepted (%s)", e.getKey(), reply).isEqualTo(e.getValue());
    }
  }

  private static InputStream seed(String name) {
    return SignedMailFuzzTest.class.getResourceAsStream(
        "SignedMailFuzzTestInputs/signedMail/" + name);
  }

  private static List<java.security.cert.X509Certificate> trustAnchor() {
    try {
      return TrustAnchors.load(
          Path.of(SignedMailFuzzTest.class.getResource("signed-mail-fuzz-ca.pem").toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
