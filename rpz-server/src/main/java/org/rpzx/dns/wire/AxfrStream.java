package org.rpzx.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.ZoneSnapshot;

/**
 * The full zone of one snapshot as a sequence of messages (RFC 5936): SOA, NS, the two records of
 * every name in cursor order, SOA. Only the first message carries the question. The snapshot is
 * fixed when the stream is made, so the transfer stays consistent while new snapshots are
 * published.
 */
public final class AxfrStream implements ResponseStream {

  private final long serial;
  private final ZoneMessageWriter writer;
  private final NameCursor cursor;
  private final int id;
  private final int flags;
  private final byte[] question;
  private final int qtype;
  private final int optPayload;

  private boolean started;
  private boolean pending;
  private boolean cursorDone;
  private boolean done;

  /**
   * @param question wire form of the query's name (the origin), echoed in the first message
   * @param qtype {@link ZoneMessageWriter#TYPE_AXFR}, or IXFR when this is its full-zone form
   * @param optPayload EDNS payload size to advertise in an OPT record per message; 0 for none
   */
  public AxfrStream(
      ZoneSnapshot snapshot,
      int id,
      int flags,
      byte[] question,
      int qtype,
      int optPayload,
      int maxMessageBytes,
      boolean tcpFraming) {
    this(
        snapshot,
        id,
        flags,
        question,
        qtype,
        optPayload,
        maxMessageBytes,
        tcpFraming,
        MessageSigner.NONE);
  }

  /**
   * As {@link #AxfrStream(ZoneSnapshot, int, int, byte[], int, int, int, boolean)}, every message
   * signed by {@code signer}.
   */
  public AxfrStream(
      ZoneSnapshot snapshot,
      int id,
      int flags,
      byte[] question,
      int qtype,
      int optPayload,
      int maxMessageBytes,
      boolean tcpFraming,
      MessageSigner signer) {
    this.serial = snapshot.serial();
    this.writer =
        new ZoneMessageWriter(
            ZoneWire.of(snapshot.settings()), maxMessageBytes, tcpFraming, signer);
    this.cursor = snapshot.cursor();
    this.id = id;
    this.flags = flags;
    this.question = question.clone();
    this.qtype = qtype;
    this.optPayload = optPayload;
  }

  @Override
  public boolean hasNext() {
    return !done;
  }

  @Override
  public ByteBuf next(ByteBufAllocator alloc) {
    int length = encodeNext();
    return alloc.buffer(length).writeBytes(writer.buffer(), 0, length);
  }

  /**
   * Encodes the next message into {@link #buffer()}.
   *
   * @return bytes of the buffer in use
   */
  public int encodeNext() {
    if (done) {
      throw new IllegalStateException("transfer already complete");
    }
    writer.begin(id, flags, started ? null : question, qtype, optPayload);
    if (!started) {
      if (!writer.hasRoomForNs()) {
        throw new IllegalStateException("SOA and NS do not fit in one transfer message");
      }
      writer.writeSoa(serial);
      writer.writeNs();
      started = true;
    }
    while (true) {
      if (!pending) {
        pending = !cursorDone && cursor.next();
        cursorDone = !pending;
      }
      if (!pending) {
        break;
      }
      if (!writer.hasRoomForPair(cursor.wireLength())) {
        return writer.finish();
      }
      writer.writePair(
          cursor.wire(), cursor.wireLength(), cursor.labelCount(), cursor.sharedSuffixLabels());
      pending = false;
    }
    if (writer.hasRoomForSoa()) {
      writer.writeSoa(serial);
      done = true;
    }
    return writer.finish();
  }

  /** The message encoded by the last {@link #encodeNext()}. */
  public byte[] buffer() {
    return writer.buffer();
  }

  /** Records in the message encoded last. */
  public int lastAnswerCount() {
    return writer.answerCount();
  }
}
