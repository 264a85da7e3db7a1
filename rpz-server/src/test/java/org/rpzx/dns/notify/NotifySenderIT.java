package org.rpzx.dns.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rpzx.dns.access.ConsumerDirectory;
import org.rpzx.dns.access.ConsumerInfo;
import org.rpzx.dns.notify.NotifyResult.Outcome;
import org.rpzx.dns.support.DnsTestSupport;
import org.rpzx.dns.support.FakeSecondary;
import org.rpzx.dns.support.FakeSecondary.Received;
import org.rpzx.dns.support.TsigTestKeys;
import org.rpzx.dns.testzone.TestZone;
import org.rpzx.dns.tsig.TsigAlgorithm;
import org.rpzx.dns.tsig.TsigKey;
import org.rpzx.dns.tsig.TsigKeyring;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/** NOTIFY to fake secondaries (UDP sockets in the test), messages read with dnsjava. */
class NotifySenderIT {

  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final TsigKey KEY =
      TsigTestKeys.key("notify.example.", TsigAlgorithm.HMAC_SHA256, 5);

  private final TestZone zone = TestZone.of(10, "a.example");
  private final BlockingQueue<NotifyResult> results = new LinkedBlockingQueue<>();
  private final List<FakeSecondary> secondaries = new ArrayList<>();
  private NotifySender sender;

  @AfterEach
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    for (FakeSecondary s : secondaries) {
      s.close();
    }
  }

  private FakeSecondary secondary(Function<Received, byte[]> responder) throws Exception {
    FakeSecondary s = new FakeSecondary(responder);
    secondaries.add(s);
    return s;
  }

  private static ConsumerInfo consumer(String name, TsigKey key, FakeSecondary... targets) {
    List<InetSocketAddress> t = new ArrayList<>();
    for (FakeSecondary s : targets) {
      t.add(s.address());
    }
    return new ConsumerInfo(
        name,
        "inst",
        Optional.ofNullable(key).map(TsigKey::name),
        key == null ? List.of(org.rpzx.dns.access.CidrBlock.parse("127.0.0.0/8")) : List.of(),
        t);
  }

  private void start(int maxAttempts, ConsumerInfo... consumers) throws Exception {
    sender =
        NotifySender.start(
            zone,
            ConsumerDirectory.of(List.of(consumers)),
            TsigKeyring.of(KEY),
            NotifySettings.defaults()
                .withSource(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withRetries(FIRST_RETRY, maxAttempts),
            results::add);
  }

  /** An acknowledgement as BIND sends it: same id, QR, opcode NOTIFY, the question echoed. */
  private static byte[] ack(Received r, int rcode, TSIG key) {
    Message q = r.message();
    Message a = new Message(q.getHeader().getID());
    a.getHeader().setFlag(Flags.QR);
    a.getHeader().setFlag(Flags.AA);
    a.getHeader().setOpcode(Opcode.NOTIFY);
    a.getHeader().setRcode(rcode);
    a.addRecord(q.getQuestion(), Section.QUESTION);
    if (key != null) {
      a.setTSIG(key, Rcode.NOERROR, q.getTSIG());
    }
    return a.toWire(512);
  }

  private NotifyResult result() throws InterruptedException {
    NotifyResult r = results.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("a NOTIFY result").isNotNull();
    return r;
  }

  private static void assertIsNotify(Received r, long serial) {
    Message m = r.message();
    assertThat(m.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(m.getHeader().getFlag(Flags.QR)).isFalse();
    Record q = m.getQuestion();
    assertThat(q.getName()).isEqualTo(DnsTestSupport.ORIGIN);
    assertThat(q.getType()).isEqualTo(Type.SOA);
    assertThat(q.getDClass()).isEqualTo(DClass.IN);
    SOARecord soa = (SOARecord) m.getSection(Section.ANSWER).get(0);
    assertThat(soa.getSerial()).isEqualTo(serial);
  }

  @Test
  void acknowledgedByEveryTargetOfEveryConsumer() throws Exception {
    FakeSecondary a = secondary(r -> ack(r, Rcode.NOERROR, null));
    FakeSecondary b = secondary(r -> ack(r, Rcode.NOERROR, null));
    FakeSecondary c = secondary(r -> ack(r, Rcode.NOERROR, null));
    start(5, consumer("one", null, a, b), consumer("two", null, c));

    sender.serialChanged(11);
    List<NotifyResult> got = List.of(result(), result(), result());
    assertThat(got).extracting(NotifyResult::outcome).containsOnly(Outcome.ACKNOWLEDGED);
    assertThat(got).extracting(NotifyResult::attempts).containsOnly(1);
    assertThat(got).extracting(NotifyResult::serial).containsOnly(11L);
    assertThat(got)
        .extracting(NotifyResult::target)
        .containsExactlyInAnyOrder(a.address(), b.address(), c.address());
    for (FakeSecondary s : List.of(a, b, c)) {
      Received r = s.next(1);
      assertIsNotify(r, 11);
      assertThat(r.message().getTSIG()).isNull();
      assertThat(r.from()).isEqualTo(sender.localAddress());
    }
    assertThat(sender.pendingTargets()).isZero();
  }

  @Test
  void signedForAConsumerWithAKeyAndTheAnswerVerified() throws Exception {
    TSIG secondaryKey = TsigTestKeys.client(KEY);
    List<Integer> verified = new CopyOnWriteArrayList<>();
    FakeSecondary s =
        secondary(
            r -> {
              verified.add(secondaryKey.verify(r.message(), r.wire(), null));
              return ack(r, Rcode.NOERROR, secondaryKey);
            });
    start(5, consumer("signed", KEY, s));

    sender.serialChanged(12);
    NotifyResult r = result();
    assertThat(r.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(r.consumer()).isEqualTo("signed");
    Received got = s.next(1);
    assertIsNotify(got, 12);
    assertThat(got.message().getTSIG().getName()).isEqualTo(KEY.name());
    assertThat(verified).containsExactly(Rcode.NOERROR);
  }

  @Test
  void answersThatDoNotMatchAreNoAcknowledgement() throws Exception {
    TSIG wrongKey =
        TsigTestKeys.client(TsigTestKeys.key("notify.example.", TsigAlgorithm.HMAC_SHA256, 6));
    List<Function<Received, byte[]>> answers =
        List.of(
            r -> { // wrong id
              Message m = DnsTestSupport.parse(ack(r, Rcode.NOERROR, null));
              m.getHeader().setID((r.message().getHeader().getID() + 1) & 0xffff);
              return m.toWire();
            },
            r -> ack(r, Rcode.NOERROR, null), // unsigned answer to a signed NOTIFY
            r -> ack(r, Rcode.NOERROR, wrongKey)); // signed with another secret
    AtomicInteger seen = new AtomicInteger();
    FakeSecondary s = secondary(r -> answers.get(Math.min(2, seen.getAndIncrement())).apply(r));
    start(3, consumer("signed", KEY, s));

    sender.serialChanged(13);
    NotifyResult r = result();
    assertThat(r.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(r.attempts()).isEqualTo(3);
  }

  @Test
  void silentSecondaryIsRetriedWithBackoffThenGivenUp() throws Exception {
    FakeSecondary s = secondary(r -> null);
    start(4, consumer("quiet", null, s));

    sender.serialChanged(14);
    NotifyResult r = result();
    assertThat(r.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(r.attempts()).isEqualTo(4);
    // sent at 0, 100, 300, 700 ms; given up at 1500 ms
    assertThat(r.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    List<Received> sends = new ArrayList<>();
    Received x;
    while ((x = s.next(0)) != null) {
      sends.add(x);
    }
    assertThat(sends).hasSize(4);
    int id = sends.get(0).message().getHeader().getID();
    for (Received each : sends) {
      assertIsNotify(each, 14);
      assertThat(each.message().getHeader().getID()).isEqualTo(id);
    }
    // each wait at least the doubled interval (timers never fire early)
    for (int i = 1; i < sends.size(); i++) {
      long gap = sends.get(i).nanos() - sends.get(i - 1).nanos();
      long expected = FIRST_RETRY.toNanos() << (i - 1);
      assertThat(gap).as("gap before send %d", i + 1).isGreaterThanOrEqualTo(expected * 9 / 10);
    }
  }

  @Test
  void aNewerSerialSupersedesPendingRetries() throws Exception {
    FakeSecondary s = secondary(r -> null);
    start(5, consumer("quiet", null, s));

    sender.serialChanged(15);
    assertIsNotify(s.next(5), 15);
    sender.serialChanged(15); // the same serial again changes nothing
    sender.serialChanged(16);
    NotifyResult superseded = result();
    assertThat(superseded.outcome()).isEqualTo(Outcome.SUPERSEDED);
    assertThat(superseded.serial()).isEqualTo(15);
    Received next = s.next(5);
    assertIsNotify(next, 16);
    s.respondWith(r -> ack(r, Rcode.NOERROR, null));
    NotifyResult acked = result();
    assertThat(acked.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(acked.serial()).isEqualTo(16);
  }

  @Test
  void errorAnswerIsARejectionAndAMissingKeyIsNotSent() throws Exception {
    FakeSecondary refusing = secondary(r -> ack(r, Rcode.REFUSED, null));
    FakeSecondary unreachable = secondary(r -> null);
    TsigKey unknown = TsigTestKeys.key("not-in-keyring.example.", TsigAlgorithm.HMAC_SHA1, 1);
    start(5, consumer("refuses", null, refusing), consumer("keyless", unknown, unreachable));

    sender.serialChanged(17);
    List<NotifyResult> got = List.of(result(), result());
    NotifyResult rejected =
        got.stream().filter(r -> r.consumer().equals("refuses")).findFirst().orElseThrow();
    assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(rejected.detail()).isEqualTo("REFUSED");
    assertThat(rejected.attempts()).isEqualTo(1);
    NotifyResult notSent =
        got.stream().filter(r -> r.consumer().equals("keyless")).findFirst().orElseThrow();
    assertThat(notSent.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(notSent.attempts()).isZero();
    assertThat(unreachable.next(0)).isNull();
  }
}
