package org.rpzx.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.rpzx.core.zone.ChangeSet;
import org.rpzx.core.zone.NameCursor;
import org.rpzx.core.zone.ZoneSettings;

/**
 * An incremental transfer (RFC 1995 §4): SOA(new), then per change set SOA(old), the removed names'
 * records, SOA(next), the added names' records, and finally SOA(new); split into as many messages
 * as needed, the question in the first only.
 */
public final class IxfrStream implements ResponseStream {

  private record Segment(long serial, List<String> names) {}

  private final ZoneMessageWriter writer;
  private final List<Segment> segments = new ArrayList<>();
  private final int id;
  private final int flags;
  private final byte[] question;
  private final int optPayload;

  private int segment;
  private boolean soaWritten;
  private NameCursor cursor;
  private boolean pending;
  private boolean started;
  private boolean done;

  /**
   * @param changeSets contiguous change sets from the client's serial to the current one
   * @param signer signs every message (TSIG), in order; {@link MessageSigner#NONE} for none
   */
  public IxfrStream(
      ZoneSettings settings,
      List<ChangeSet> changeSets,
      int id,
      int flags,
      byte[] question,
      int optPayload,
      int maxMessageBytes,
      boolean tcpFraming,
      MessageSigner signer) {
    if (changeSets.isEmpty()) {
      throw new IllegalArgumentException("an incremental transfer needs a change");
    }
    this.writer = new ZoneMessageWriter(ZoneWire.of(settings), maxMessageBytes, tcpFraming, signer);
    long newest = changeSets.get(changeSets.size() - 1).toSerial();
    segments.add(new Segment(newest, List.of()));
    for (ChangeSet cs : changeSets) {
      segments.add(new Segment(cs.fromSerial(), cs.removed()));
      segments.add(new Segment(cs.toSerial(), cs.added()));
    }
    segments.add(new Segment(newest, List.of()));
    this.id = id;
    this.flags = flags;
    this.question = question.clone();
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
   * Encodes the whole transfer into one message if it fits.
   *
   * @return bytes of {@link #buffer()} in use, or -1 when it needs more than one message
   */
  public int encodeSingle() {
    int length = encodeNext();
    return done ? length : -1;
  }

  /** Encodes the next message into {@link #buffer()}; returns the bytes in use. */
  public int encodeNext() {
    if (done) {
      throw new IllegalStateException("transfer already complete");
    }
    writer.begin(id, flags, started ? null : question, ZoneMessageWriter.TYPE_IXFR, optPayload);
    started = true;
    while (segment < segments.size()) {
      Segment s = segments.get(segment);
      if (!soaWritten) {
        if (!writer.hasRoomForSoa()) {
          return finishPartial();
        }
        writer.writeSoa(s.serial());
        soaWritten = true;
        cursor = NameCursor.over(s.names());
        pending = false;
      }
      while (pending || cursor.next()) {
        pending = true; // loaded, not yet written: a full message resumes with it
        if (!writer.hasRoomForPair(cursor.wireLength())) {
          return finishPartial();
        }
        writer.writePair(
            cursor.wire(), cursor.wireLength(), cursor.labelCount(), cursor.sharedSuffixLabels());
        pending = false;
      }
      segment++;
      soaWritten = false;
    }
    done = true;
    return writer.finish();
  }

  public byte[] buffer() {
    return writer.buffer();
  }

  private int finishPartial() {
    if (writer.answerCount() == 0) {
      throw new IllegalStateException("message size too small for one record");
    }
    return writer.finish();
  }
}
