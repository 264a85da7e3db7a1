package org.rpzx.dns.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rpzx.dns.support.DnsTestSupport.ednsQuery;
import static org.rpzx.dns.support.DnsTestSupport.parse;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class TruncatedAnswerTest {

  @Test
  void echoesIdAndQuestionWithTcAndNothingElse() {
    Message q = ednsQuery("evil.example.community.rpz.", Type.A, 1232);
    q.getHeader().setID(4711);
    Message a = parse(TruncatedAnswer.of(q.toWire()));
    assertThat(a.getHeader().getID()).isEqualTo(4711);
    assertThat(a.getHeader().getFlag(Flags.QR)).isTrue();
    assertThat(a.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(a.getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(a.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(a.getQuestion()).isEqualTo(q.getQuestion());
    for (int s : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
      assertThat(a.getSection(s)).isEmpty();
    }
  }

  @Test
  void nothingForQueriesWithoutAWellFormedQuestion() {
    assertThat(TruncatedAnswer.of(new byte[5])).isNull();
    byte[] noQuestion = new byte[12];
    assertThat(TruncatedAnswer.of(noQuestion)).isNull();
    byte[] pointer = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12, 0, 1, 0, 1};
    assertThat(TruncatedAnswer.of(pointer)).isNull();
    byte[] cut = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c', 0, 0};
    assertThat(TruncatedAnswer.of(cut)).isNull();
  }
}
