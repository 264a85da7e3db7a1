package org.rpzx.smtp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Differential fuzzing of the DATA section's decoder against SubEthaSMTP's own streams: whatever
 * the bytes, {@link DotTerminatedData} gives the same message, the same failure and leaves the same
 * bytes unread. Seeds in {@code src/test/resources/org/rpzx/smtp/DotTerminatedDataFuzzTestInputs/}.
 * To fuzz: {@code JAZZER_FUZZ=1 mvn -pl smtp-ingest -am test -Dtest=DotTerminatedDataFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DotTerminatedDataFuzzTest {

  @FuzzTest(maxDuration = "45s")
  void decode(byte[] wire) {
    int chunk = wire.length == 0 ? 1 : 1 + (wire[0] & 0x3F);
    DataReaders.assertAgree(wire, chunk);
  }
}
