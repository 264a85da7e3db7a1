package org.rpzx.smtp.mime;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.rpzx.core.submission.DomainsFile;
import org.rpzx.smtp.smime.SignatureVerdict;
import org.rpzx.smtp.smime.SmimeVerifier;
import org.rpzx.smtp.smime.TestPki;

/**
 * Fuzzes the whole extraction (MIME walk, transfer and charset decoding, S/MIME unwrapping with
 * Bouncy Castle) and the signature verifier behind it: whatever the bytes, the result is a value (a
 * message or a rejection with a reason), never an exception, and the bounds hold.
 *
 * <p>By default (regression mode) it runs on the seeds in {@code
 * src/test/resources/org/rpzx/smtp/mime/AttachmentExtractorFuzzTestInputs/extract/} and on any
 * finding saved there. To fuzz, for at most {@code maxDuration}:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl smtp-ingest -am test -Dtest=AttachmentExtractorFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class AttachmentExtractorFuzzTest {

  /** Small bounds, so that the fuzzer reaches them. */
  private static final MimeLimits LIMITS = new MimeLimits(4, 4096, 16 * 1024);

  private static final AttachmentExtractor EXTRACTOR = new AttachmentExtractor(LIMITS);
  private static final SmimeVerifier VERIFIER =
      new SmimeVerifier(List.of(TestPki.ca("Fuzz CA").cert()), Clock.systemUTC());

  @FuzzTest(maxDuration = "60s")
  void extract(byte[] message) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(message);
    Extraction result = EXTRACTOR.extract(in); // a byte array never fails: no IOException either
    assertThat(in.available()).as("read to the end").isZero();
    if (result instanceof Extraction.Rejected r) {
      assertThat(r.reason()).isNotBlank();
      return;
    }
    ExtractedMessage m = ((Extraction.Extracted) result).message();
    assertThat(m.from()).contains("@");
    long chars = m.files().stream().map(DomainsFile::text).mapToLong(String::length).sum();
    assertThat(chars).isLessThanOrEqualTo(LIMITS.maxDecodedBytes());
    assertThat(m.signed()).isEqualTo(m.signature() != null);
    if (m.signed()) {
      SignatureVerdict verdict = VERIFIER.verify(m.signature(), m.from());
      if (verdict instanceof SignatureVerdict.Invalid invalid) {
        assertThat(invalid.reason()).isNotBlank();
      }
    }
  }
}
