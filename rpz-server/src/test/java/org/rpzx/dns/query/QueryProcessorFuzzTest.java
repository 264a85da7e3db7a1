package org.rpzx.dns.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import org.rpzx.dns.access.CidrMatcher;
import org.rpzx.dns.access.TransferAuthorizer;
import org.rpzx.dns.testzone.TestZone;
import org.xbill.DNS.Message;

/**
 * Fuzzes the query path with arbitrary bytes, as UDP and as TCP. Whatever arrives, the processor
 * neither throws nor answers with something broken: a single answer is a parseable DNS response to
 * the query's id within the UDP size limit, a transfer stream yields framed messages until it ends.
 *
 * <p>Every build runs it over the seed corpus in {@code QueryProcessorFuzzTestInputs} (regression
 * mode); {@code JAZZER_FUZZ=1 mvn -pl rpz-server -am test -Dtest=QueryProcessorFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for {@code maxDuration}.
 */
class QueryProcessorFuzzTest {

  private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
  private static final int UDP_LIMIT = 1232;
  private static final int MAX_STREAM_MESSAGES = 10_000;

  private final QueryProcessor processor =
      new QueryProcessor(
          TestZone.of(100, "evil.example", "a.b.example", "bad.test"),
          TransferAuthorizer.bySubnet(CidrMatcher.of("127.0.0.0/8")),
          TransferLog.NONE,
          UDP_LIMIT,
          16_384);

  @FuzzTest(maxDuration = "60s")
  void anyBytes(byte[] wire) throws IOException {
    check(wire, processor.process(wire.clone(), LOCAL, false), false);
    check(wire, processor.process(wire.clone(), LOCAL, true), true);
  }

  private static void check(byte[] query, Reply reply, boolean tcp) throws IOException {
    if (reply instanceof Reply.Message m) {
      byte[] answer = m.wire();
      assertThat(answer.length).isGreaterThanOrEqualTo(12);
      if (!tcp) {
        assertThat(answer.length).isLessThanOrEqualTo(UDP_LIMIT);
      }
      assertThat(answer[0]).isEqualTo(query[0]);
      assertThat(answer[1]).isEqualTo(query[1]);
      assertThat(answer[2] & 0x80).as("QR").isNotZero();
      new Message(answer); // parseable by an independent decoder
    } else if (reply instanceof Reply.Stream s) {
      assertThat(tcp).as("streams only over TCP").isTrue();
      int messages = 0;
      while (s.stream().hasNext()) {
        assertThat(++messages).isLessThanOrEqualTo(MAX_STREAM_MESSAGES);
        ByteBuf framed = s.stream().next(UnpooledByteBufAllocator.DEFAULT);
        try {
          assertThat(framed.getUnsignedShort(0)).isEqualTo(framed.readableBytes() - 2);
          byte[] one = new byte[framed.readableBytes() - 2];
          framed.getBytes(2, one);
          new Message(one);
        } finally {
          framed.release();
        }
      }
      assertThat(messages).isPositive();
    } else {
      assertThat(reply).isInstanceOf(Reply.Drop.class);
    }
  }
}
