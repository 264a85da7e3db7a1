package org.rpzx.dns.wire;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes transfer messages (AXFR, IXFR) straight into a reusable byte array: header, optional
 * question, SOA, NS and the RPZ pairs {@code N.<origin> CNAME .} / {@code *.N.<origin> CNAME .}.
 *
 * <p>Name compression: an owner {@code N} is written as the labels it does not share with the
 * previous owner followed by a pointer to where the shared suffix was written in this message (or
 * to the origin); {@code *.N} is {@code \001*} and a pointer to {@code N}. Pointers can only reach
 * offsets below 0x4000, so labels written beyond that are never pointer targets and the writer then
 * falls back to the nearest reachable suffix, keeping messages of any size up to 64 KiB correct.
 *
 * <p>Not thread-safe; one writer per transfer. With {@code tcpFraming} the message is preceded by
 * its RFC 1035 §4.2.2 two-byte length.
 */
public final class ZoneMessageWriter {

  public static final int TYPE_SOA = 6;
  public static final int TYPE_IXFR = 251;
  public static final int TYPE_AXFR = 252;

  private static final int POINTER_LIMIT = 0x4000;
  private static final int NOT_REACHABLE = Integer.MAX_VALUE;
  private static final int MAX_LABELS = 128;

  /** TYPE CNAME, CLASS IN (TTL follows). */
  private static final int CNAME_IN = (5 << 16) | 1;

  private final ZoneWire zone;
  private final MessageSigner signer;
  private final byte[] buf;
  private final int base;
  private final int end;
  private final int originLength;

  private int pos;
  private int answers;
  private int originOffset;
  private boolean withOpt;
  private int optPayload;

  private int[] prevOffsets = new int[MAX_LABELS];
  private int prevLabels;
  private int[] curOffsets = new int[MAX_LABELS];
  private final int[] labelStart = new int[MAX_LABELS + 1];
  private final Map<String, Integer> rdataSuffixes = new HashMap<>();

  /**
   * @param maxMessageBytes upper bound of one DNS message (without the TCP length), 512..65535
   */
  public ZoneMessageWriter(ZoneWire zone, int maxMessageBytes, boolean tcpFraming) {
    this(zone, maxMessageBytes, tcpFraming, MessageSigner.NONE);
  }

  /**
   * @param maxMessageBytes upper bound of one DNS message (without the TCP length) including what
   *     {@code signer} appends, 512..65535
   * @param signer signs every finished message (TSIG); {@link MessageSigner#NONE} for none
   */
  public ZoneMessageWriter(
      ZoneWire zone, int maxMessageBytes, boolean tcpFraming, MessageSigner signer) {
    if (maxMessageBytes < 512 || maxMessageBytes > 65535) {
      throw new IllegalArgumentException("message size out of range: " + maxMessageBytes);
    }
    if (signer.reserve() > maxMessageBytes / 2) {
      throw new IllegalArgumentException("signature does not leave room for records");
    }
    this.zone = zone;
    this.signer = signer;
    this.base = tcpFraming ? 2 : 0;
    this.buf = new byte[base + maxMessageBytes];
    this.end = buf.length;
    this.originLength = zone.origin.length;
  }

  /**
   * Starts a message: header with {@code flags} (QR, AA, RD as wanted), a question for the origin
   * when {@code questionName} (the query's name, equal to the origin ignoring case) is given, and
   * an OPT record at the end when {@code optPayload > 0}.
   */
  public void begin(int id, int flags, byte[] questionName, int qtype, int optPayload) {
    pos = base;
    answers = 0;
    rdataSuffixes.clear();
    originOffset = -1;
    prevLabels = 0;
    this.withOpt = optPayload > 0;
    this.optPayload = optPayload;
    putShort(id);
    putShort(flags);
    putShort(questionName == null ? 0 : 1);
    putShort(0); // ANCOUNT, patched in finish()
    putShort(0);
    putShort(withOpt ? 1 : 0);
    if (questionName != null) {
      originOffset = pos - base;
      rememberOrigin(originOffset);
      System.arraycopy(questionName, 0, buf, pos, questionName.length);
      pos += questionName.length;
      putShort(qtype);
      putShort(1);
    }
  }

  /** Whether the SOA still fits (keeping room for OPT). */
  public boolean hasRoomForSoa() {
    return pos + zone.soaRecordLength() + originLength + reserve() <= end;
  }

  /** Whether the SOA and the apex NS RRset still fit. */
  public boolean hasRoomForNs() {
    int need = originLength + reserve() + zone.soaRecordLength();
    for (ZoneWire.RdataName ns : zone.nameServers) {
      need += 12 + ns.literalLength();
    }
    return pos + need <= end;
  }

  /** Whether the two records of a name of {@code wireLength} bytes certainly fit. */
  public boolean hasRoomForPair(int wireLength) {
    return pos + 2 * wireLength + originLength + 32 + reserve() <= end;
  }

  /** Writes {@code <origin> SOA} with {@code serial}. */
  public void writeSoa(long serial) {
    writeOriginRef();
    putInt((TYPE_SOA << 16) | 1);
    putInt(zone.ttl);
    int rdlength = pos;
    pos += 2;
    writeRdataName(zone.mname);
    writeRdataName(zone.rname);
    putInt((int) serial);
    putInt(zone.refresh);
    putInt(zone.retry);
    putInt(zone.expire);
    putInt(zone.minimum);
    int n = pos - rdlength - 2;
    buf[rdlength] = (byte) (n >>> 8);
    buf[rdlength + 1] = (byte) n;
    answers++;
    prevLabels = 0;
  }

  /** Writes the apex NS RRset. */
  public void writeNs() {
    for (ZoneWire.RdataName ns : zone.nameServers) {
      writeOriginRef();
      putInt((2 << 16) | 1);
      putInt(zone.ttl);
      int rdlength = pos;
      pos += 2;
      writeRdataName(ns);
      int n = pos - rdlength - 2;
      buf[rdlength] = (byte) (n >>> 8);
      buf[rdlength + 1] = (byte) n;
      answers++;
    }
    prevLabels = 0;
  }

  /**
   * Writes {@code N.<origin> CNAME .} and {@code *.N.<origin> CNAME .}.
   *
   * @param wire relative wire name of N (no root label)
   * @param length bytes of {@code wire} in use
   * @param labels label count of N
   * @param sharedSuffix rightmost labels N shares with the name of the previous call
   */
  public void writePair(byte[] wire, int length, int labels, int sharedSuffix) {
    int[] starts = labelStart;
    int p = 0;
    for (int i = 0; i < labels; i++) {
      starts[i] = p;
      p += (wire[p] & 0xff) + 1;
    }
    starts[labels] = length;

    int shared = Math.min(sharedSuffix, Math.min(labels, prevLabels));
    int firstShared = labels - shared;
    int[] cur = curOffsets;
    Arrays.fill(cur, 0, firstShared, NOT_REACHABLE);
    System.arraycopy(prevOffsets, prevLabels - shared, cur, firstShared, shared);

    writeTail(wire, labels, 0); // owner N
    writeCnameDot();
    buf[pos] = 1;
    buf[pos + 1] = '*';
    pos += 2;
    writeTail(wire, labels, 0); // owner *.N: a pointer to N
    writeCnameDot();
    answers += 2;

    curOffsets = prevOffsets;
    prevOffsets = cur;
    prevLabels = labels;
  }

  /**
   * Ends the message: appends OPT, patches ANCOUNT, signs, writes the TCP length.
   *
   * @return bytes of {@link #buffer()} in use, starting at index 0
   */
  public int finish() {
    if (withOpt) {
      buf[pos++] = 0; // root owner
      putShort(41);
      putShort(optPayload);
      putInt(0); // extended rcode, version 0, flags
      putShort(0);
    }
    buf[base + 6] = (byte) (answers >>> 8);
    buf[base + 7] = (byte) answers;
    int len = signer.sign(buf, base, pos - base);
    pos = base + len;
    if (base == 2) {
      buf[0] = (byte) (len >>> 8);
      buf[1] = (byte) len;
    }
    return pos;
  }

  /** Records in the answer section so far. */
  public int answerCount() {
    return answers;
  }

  /** The encoded message; valid up to {@link #finish()}'s result until the next {@link #begin}. */
  public byte[] buffer() {
    return buf;
  }

  /**
   * Writes labels {@code from..} of the current name: literal labels up to the first one whose
   * position in this message is reachable by a pointer, then that pointer (or the origin).
   */
  private void writeTail(byte[] wire, int labels, int from) {
    int[] cur = curOffsets;
    int j = from;
    while (j < labels && cur[j] >= POINTER_LIMIT) {
      j++;
    }
    int startByte = labelStart[from];
    int n = labelStart[j] - startByte;
    if (n > 0) {
      int msgPos = pos - base - startByte;
      for (int i = from; i < j; i++) {
        cur[i] = msgPos + labelStart[i];
      }
      System.arraycopy(wire, startByte, buf, pos, n);
      pos += n;
    }
    if (j < labels) {
      putShort(0xC000 | cur[j]);
    } else {
      writeOriginRef();
    }
  }

  private void writeCnameDot() {
    byte[] b = buf;
    int p = pos;
    int ttl = zone.ttl;
    b[p] = 0;
    b[p + 1] = 5;
    b[p + 2] = 0;
    b[p + 3] = 1;
    b[p + 4] = (byte) (ttl >>> 24);
    b[p + 5] = (byte) (ttl >>> 16);
    b[p + 6] = (byte) (ttl >>> 8);
    b[p + 7] = (byte) ttl;
    b[p + 8] = 0;
    b[p + 9] = 1;
    b[p + 10] = 0; // RDATA: the root name
    pos = p + 11;
  }

  /** A pointer to the origin, writing it literally the first time in a message. */
  private void writeOriginRef() {
    if (originOffset >= 0) {
      putShort(0xC000 | originOffset);
    } else {
      originOffset = pos - base;
      if (originOffset >= POINTER_LIMIT) {
        throw new IllegalStateException("origin must be written at the start of a message");
      }
      rememberOrigin(originOffset);
      System.arraycopy(zone.origin, 0, buf, pos, zone.origin.length);
      pos += zone.origin.length;
    }
  }

  /** Registers the origin's suffixes written at {@code offset} as RDATA compression targets. */
  private void rememberOrigin(int offset) {
    int p = offset;
    for (int i = 0; i < zone.originSuffixes.length - 1; i++) {
      rememberSuffix(zone.originSuffixes[i], p);
      p += (zone.origin[p - offset] & 0xff) + 1;
    }
  }

  /**
   * Writes an SOA or NS RDATA name, compressed against the longest suffix already written in this
   * message (the origin, earlier RDATA names); these are few and cold, so a map is fine here.
   */
  private void writeRdataName(ZoneWire.RdataName name) {
    byte[][] labels = name.labels();
    String[] suffixes = name.suffixes();
    for (int i = 0; i < labels.length; i++) {
      Integer at = rdataSuffixes.get(suffixes[i]);
      if (at != null) {
        putShort(0xC000 | at);
        return;
      }
      rememberSuffix(suffixes[i], pos - base);
      System.arraycopy(labels[i], 0, buf, pos, labels[i].length);
      pos += labels[i].length;
    }
    buf[pos++] = 0;
  }

  private void rememberSuffix(String suffix, int offset) {
    if (offset < POINTER_LIMIT) {
      rdataSuffixes.putIfAbsent(suffix, offset);
    }
  }

  private int reserve() {
    return (withOpt ? 11 : 0) + signer.reserve();
  }

  private void putShort(int v) {
    buf[pos] = (byte) (v >>> 8);
    buf[pos + 1] = (byte) v;
    pos += 2;
  }

  private void putInt(int v) {
    buf[pos] = (byte) (v >>> 24);
    buf[pos + 1] = (byte) (v >>> 16);
    buf[pos + 2] = (byte) (v >>> 8);
    buf[pos + 3] = (byte) v;
    pos += 4;
  }
}
