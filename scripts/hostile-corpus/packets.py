#!/usr/bin/env python3
"""Writes the hostile packet corpus: rpz-server/src/test/resources/hostile/packets/NNN-slug.hex +
expected.tsv (file, source, expected over UDP, expected over TCP, comment).

A .hex file is one DNS message (no TCP length; the test adds it) as hex, white space ignored.
source: 'stranger' (127.0.0.1: no consumer) or 'consumer' (127.0.0.2: a keyless consumer's subnet).
expected: 'drop' (no answer), or the answer's RCODE as dnsjava names it, with the TSIG error after
a slash for NOTAUTH, e.g. FORMERR, NOTAUTH/BADSIG.
TSIG items use key hostile-key. (hmac-sha256, secret bytes 0..31), as the test configures it.
"""
import hashlib, hmac, os, struct

OUT = os.path.join(os.path.dirname(__file__), "../../rpz-server/src/test/resources/hostile/packets")
KEY = "hostile-key."
SECRET = bytes(range(32))
SHA256 = "hmac-sha256."
SOA, NS, A, AXFR, IXFR, ANY, OPT, TSIG = 6, 2, 1, 252, 251, 255, 41, 250
IN, CH, CLASS_ANY, NONE = 1, 3, 255, 254
ZONE = "community.rpz."

def name(s):
    if s in (".", ""):
        return b"\x00"
    out = b""
    for label in s.rstrip(".").split("."):
        b = label.encode()
        out += bytes([len(b)]) + b
    return out + b"\x00"

def header(id=0x1234, flags=0x0000, qd=1, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", id, flags, qd, an, ns, ar)

def question(n=ZONE, t=SOA, c=IN):
    return (n if isinstance(n, bytes) else name(n)) + struct.pack("!HH", t, c)

def rr(n, t, c, ttl, rdata):
    return (n if isinstance(n, bytes) else name(n)) + struct.pack("!HHIH", t, c, ttl, len(rdata)) + rdata

def soa_rr(serial=1, owner=ZONE):
    rdata = name("ns.") + name("h.") + struct.pack("!IIIII", serial, 0, 0, 0, 0)
    return rr(owner, SOA, IN, 0, rdata)

def opt(payload=1232, ext=0, version=0, flags=0, rdata=b"", owner=b"\x00"):
    return owner + struct.pack("!HHBBHH", OPT, payload, ext, version, flags, len(rdata)) + rdata

def tsig_rdata(alg, time, fudge, mac, orig_id, error=0, other=b""):
    return (name(alg) + struct.pack("!HIH", time >> 32, time & 0xffffffff, fudge)
            + struct.pack("!H", len(mac)) + mac + struct.pack("!HHH", orig_id, error, len(other)) + other)

def signed(msg_wo_tsig, key=KEY, alg=SHA256, time=1577836800, fudge=300, secret=SECRET, corrupt=False, orig_id=None):
    """Appends a TSIG (RFC 8945) to a message whose ARCOUNT does not count it yet."""
    id = struct.unpack("!H", msg_wo_tsig[:2])[0]
    orig_id = id if orig_id is None else orig_id
    variables = (name(key) + struct.pack("!HI", CLASS_ANY, 0) + name(alg)
                 + struct.pack("!HIH", time >> 32, time & 0xffffffff, fudge) + struct.pack("!HH", 0, 0))
    mac = hmac.new(secret, msg_wo_tsig + variables, hashlib.sha256).digest()
    if corrupt:
        mac = bytes([mac[0] ^ 1]) + mac[1:]
    ar = struct.unpack("!H", msg_wo_tsig[10:12])[0] + 1
    m = msg_wo_tsig[:10] + struct.pack("!H", ar) + msg_wo_tsig[12:]
    return m + rr(key, TSIG, CLASS_ANY, 0, tsig_rdata(alg, time, fudge, mac, orig_id))

def q(n=ZONE, t=SOA, c=IN, flags=0, ar=0, extra=b"", qd=1, an=0, ns=0, id=0x1234):
    return header(id, flags, qd, an, ns, ar) + question(n, t, c) + extra

def opcode(op):
    return op << 11

ITEMS = []
def item(slug, data, udp, tcp=None, source="stranger", comment=""):
    ITEMS.append((slug, data, source, udp, udp if tcp is None else tcp, comment))

# --- header and counts
item("empty", b"", "drop", comment="zero bytes (over TCP a zero-length frame)")
item("one-byte", b"\x12", "drop", comment="one byte")
item("eleven-bytes", header()[:11], "drop", comment="one byte short of a header")
item("header-only-qd0", header(qd=0), "FORMERR", comment="QDCOUNT 0, nothing else")
item("qd1-no-question", header(qd=1), "FORMERR", comment="QDCOUNT 1 but the message ends after the header")
item("qd2", header(qd=2) + question() + question(ZONE, NS), "FORMERR", comment="two questions")
item("qd2-same", header(qd=2) + question() + question(), "FORMERR", comment="the same question twice")
item("qd65535", header(qd=65535) + question(), "FORMERR", comment="QDCOUNT 65535 with one question")
item("an1-garbage", header(an=1) + question() + b"\xde\xad\xbe\xef", "FORMERR", comment="ANCOUNT 1, garbage record")
item("ar1000-none", header(ar=1000) + question(), "FORMERR", comment="ARCOUNT 1000, no records")
item("question-truncated-type", header() + name(ZONE) + b"\x00", "FORMERR", comment="question ends inside QTYPE")
item("trailing-garbage", q() + b"\x00" * 7, "FORMERR", comment="7 bytes after the last counted section")
item("qr-set", q(flags=0x8000), "drop", comment="QR=1: a response, never answered (no reflection loops)")
item("qr-set-notify", q(flags=0x8000 | opcode(4)), "drop", comment="a NOTIFY response from a stranger")
# --- opcodes
item("opcode-iquery", q(flags=opcode(1)), "NOTIMP", comment="IQUERY (obsolete)")
item("opcode-status", q(flags=opcode(2)), "NOTIMP", comment="STATUS")
item("opcode-3", q(flags=opcode(3)), "NOTIMP", comment="unassigned opcode 3")
item("opcode-update", header(flags=opcode(5), qd=1, ns=1) + question(ZONE, SOA) + rr("x." + ZONE, A, IN, 60, b"\x7f\x00\x00\x01"), "NOTIMP", comment="DNS UPDATE adding a record")
item("opcode-dso", header(flags=opcode(6), qd=0), "NOTIMP", comment="DSO (RFC 8490) over UDP")
item("opcode-15", q(flags=opcode(15)), "NOTIMP", comment="opcode 15")
item("notify-stranger", q(flags=opcode(4) | 0x0400), "REFUSED", comment="NOTIFY to a primary, from a stranger")
item("notify-consumer", q(flags=opcode(4) | 0x0400), "REFUSED", source="consumer", comment="NOTIFY from a consumer: a primary takes none")
item("notify-signed-badsig", signed(q(flags=opcode(4) | 0x0400), corrupt=True), "NOTAUTH/BADSIG", comment="NOTIFY signed with a bad MAC")
# --- names
item("label-64", header() + b"\x40" + b"a" * 64 + name(ZONE) + struct.pack("!HH", SOA, IN), "FORMERR", comment="length byte 0x40: label over 63 (an extended label type)")
item("label-type-10", header() + b"\x80\x01a" + name(ZONE) + struct.pack("!HH", SOA, IN), "FORMERR", comment="label type 10 (reserved)")
item("pointer-to-self", header() + b"\xc0\x0c" + struct.pack("!HH", SOA, IN), "FORMERR", comment="compression pointer to itself")
item("pointer-loop-2", header() + b"\x01a\xc0\x0e\xc0\x0c" + struct.pack("!HH", SOA, IN), "FORMERR", comment="a -> ptr(14) -> ptr(12) -> a ... loop")
item("pointer-forward", header() + b"\xc0\x12" + struct.pack("!HH", SOA, IN) + name(ZONE), "FORMERR", comment="pointer forward, past the question")
item("pointer-past-end", header() + b"\xc3\xff" + struct.pack("!HH", SOA, IN), "FORMERR", comment="pointer beyond the message")
item("pointer-into-header", header() + b"\xc0\x02" + struct.pack("!HH", SOA, IN), "REFUSED", comment="pointer into the header: its zero flag bytes read as the root name, which is not our zone")
item("pointer-truncated", header() + b"\xc0", "FORMERR", comment="message ends inside a pointer")
item("name-256", header() + (b"\x3f" + b"a" * 63) * 4 + b"\x00" + struct.pack("!HH", SOA, IN), "FORMERR", comment="name of 257 octets")
item("name-255-outside", header() + (b"\x3f" + b"a" * 63) * 3 + b"\x3d" + b"a" * 61 + b"\x00" + struct.pack("!HH", SOA, IN), "REFUSED", comment="name of exactly 255 octets, not in the zone")
item("name-via-pointers-too-long", header(qd=1, ar=1) + question() + (b"\x3f" + b"a" * 63) * 3 + b"\xc0\x0c" + struct.pack("!HHIH", A, IN, 0, 0), "FORMERR", comment="additional record whose name grows past 255 through a pointer")
item("label-past-end", header() + b"\x3fabc", "FORMERR", comment="label length beyond the message")
item("no-root-label", header() + b"\x09community\x03rpz", "FORMERR", comment="name without its terminating root label")
item("binary-label-in-zone", q(b"\x03\x00\xff\x2e" + name(ZONE), A), "NXDOMAIN", comment="binary label (NUL, 0xFF, '.') under the origin: an ordinary miss")
item("root-name", q(".", SOA), "REFUSED", comment="the root: not our zone")
item("outside-zone", q("example.com.", A), "REFUSED", comment="a name outside the zone: no recursion")
item("parent-of-zone", q("rpz.", SOA), "REFUSED", comment="the origin's parent")
item("zone-suffix-lookalike", q("xcommunity.rpz.", SOA), "REFUSED", comment="same suffix, not a subdomain")
# --- class / type
item("class-ch", q(ZONE, SOA, CH), "REFUSED", comment="CHAOS class")
item("class-none", q(ZONE, SOA, NONE), "REFUSED", comment="class NONE")
item("class-0", q(ZONE, SOA, 0), "REFUSED", comment="class 0")
item("version-bind", q("version.bind.", 16, CH), "REFUSED", comment="version.bind CH TXT: no fingerprinting")
item("type-0", q(ZONE, 0), "NOERROR", comment="QTYPE 0 at the apex")
item("type-65535", q(ZONE, 65535), "NOERROR", comment="QTYPE 65535 at the apex")
item("type-opt-question", q(ZONE, OPT), "FORMERR", comment="QTYPE OPT is a meta type, never a question")
item("type-tsig-question", q(ZONE, TSIG), "FORMERR", comment="QTYPE TSIG is a meta type, never a question")
# --- EDNS
item("opt-two", q(ar=2, extra=opt() + opt()), "FORMERR", comment="two OPT records (RFC 6891 6.1.1)")
item("opt-in-answer", header(an=1) + question() + opt(), "FORMERR", comment="OPT in the answer section")
item("opt-owner-not-root", q(ar=1, extra=opt(owner=name(ZONE))), "FORMERR", comment="OPT owner is not the root")
item("opt-version-1", q(ar=1, extra=opt(version=1)), "BADVERS", comment="EDNS version 1")
item("opt-payload-0", q(ar=1, extra=opt(payload=0)), "NOERROR", comment="payload 0 is read as 512")
item("opt-option-overruns", q(ar=1, extra=opt(rdata=b"\x00\x0a\x00\x20abcd")), "FORMERR", comment="option length beyond the RDATA")
item("opt-rdlen-overruns", q(ar=1) + name(ZONE)[:0] + b"\x00" + struct.pack("!HHBBHH", OPT, 1232, 0, 0, 0, 200) + b"\x00\x0a", "FORMERR", comment="RDLENGTH beyond the message")
item("opt-cookie-short", q(ar=1, extra=opt(rdata=b"\x00\x0a\x00\x05abcde")), "FORMERR", comment="COOKIE option of 5 bytes (RFC 7873: 8 or 16-40)")
# --- TSIG
tsig_unknown = signed(q(ar=0), key="nobody.example.")
item("tsig-unknown-key", tsig_unknown, "NOTAUTH/BADKEY", comment="TSIG with a key the server does not have")
item("tsig-unknown-algorithm", signed(q(), alg="hmac-whirlpool."), "NOTAUTH/BADKEY", comment="TSIG with an unknown algorithm")
item("tsig-bad-mac", signed(q(), corrupt=True), "NOTAUTH/BADSIG", comment="MAC with one bit flipped")
item("tsig-wrong-secret", signed(q(), secret=b"\x01" * 32), "NOTAUTH/BADSIG", comment="MAC made with another secret")
item("tsig-time-skew", signed(q()), "NOTAUTH/BADTIME", comment="valid MAC, signed 2020-01-01 (outside the fudge)")
item("tsig-time-future", signed(q(), time=0xffffffffff), "NOTAUTH/BADTIME", comment="valid MAC, signed in the year 36812")
item("tsig-axfr-time-skew", signed(q(ZONE, AXFR)), "NOTAUTH/BADTIME", comment="AXFR with a valid MAC but outside the fudge: no transfer")
item("tsig-not-last", signed(q()) [:0] + (lambda m: m[:10] + struct.pack("!H", 2) + m[12:] + opt())(signed(q())), "FORMERR", comment="TSIG followed by an OPT (RFC 8945 5.1: TSIG must be last)")
item("tsig-two", (lambda m: m[:10] + struct.pack("!H", 2) + m[12:] + m[len(q()):])(signed(q())), "FORMERR", comment="two TSIG records")
item("tsig-in-answer", header(an=1) + question() + signed(q())[len(q()):], "FORMERR", comment="TSIG in the answer section")
item("tsig-truncated-rdata", (lambda m: m[:-10])(signed(q())), "FORMERR", comment="TSIG RDATA cut short")
item("tsig-mac-empty", q(ar=1) + rr(KEY, TSIG, CLASS_ANY, 0, tsig_rdata(SHA256, 1577836800, 300, b"", 0x1234)), "NOTAUTH/BADSIG", comment="MAC of length 0")
item("tsig-mac-huge-len", q(ar=1) + rr(KEY, TSIG, CLASS_ANY, 0, name(SHA256) + b"\x00\x00\x5e\x0b\xe1\x00\x01\x2c\xff\xff"), "FORMERR", comment="MAC length 65535 beyond the RDATA")
# --- transfers
item("axfr-udp-stranger", q(ZONE, AXFR), "REFUSED", "REFUSED", comment="AXFR from a stranger: refused over UDP and TCP")
item("axfr-udp-consumer", q(ZONE, AXFR), "REFUSED", "NOERROR", source="consumer", comment="AXFR over UDP is refused even for a consumer (no amplification); over TCP it is served")
item("ixfr-stranger", q(ZONE, IXFR, ns=1, extra=soa_rr(1)), "REFUSED", comment="IXFR from a stranger")
item("ixfr-no-soa", q(ZONE, IXFR), "FORMERR", source="consumer", comment="IXFR without the client's SOA in the authority section")
item("ixfr-soa-in-answer", q(ZONE, IXFR, an=1, extra=soa_rr(1)), "FORMERR", source="consumer", comment="IXFR with the SOA in the answer section")
item("ixfr-soa-other-owner", q(ZONE, IXFR, ns=1, extra=soa_rr(1, "example.com.")), "FORMERR", source="consumer", comment="IXFR whose SOA names another zone")
item("axfr-not-apex", q("sub." + ZONE, AXFR), "REFUSED", source="consumer", comment="AXFR for a name below the apex")
item("axfr-class-ch", q(ZONE, AXFR, CH), "REFUSED", source="consumer", comment="AXFR in class CH")
item("axfr-other-zone", q("example.com.", AXFR), "REFUSED", source="consumer", comment="AXFR of a zone we do not serve")
item("ixfr-class-any", q(ZONE, IXFR, CLASS_ANY, ns=1, extra=soa_rr(1)), "REFUSED", source="consumer", comment="IXFR in class ANY")
# --- TC on a query: dnsjava's parser keeps what it could read and resets the counts
item("tc-ar-beyond-message", q(flags=0x0200, ar=5), "FORMERR", comment="TC set, ARCOUNT 5, no records: the header counts records that are not there")
item("tc-tsig-ar-beyond-message", (lambda m: m[:2] + b"\x02\x00" + m[4:10] + struct.pack("!H", 9) + m[12:])(signed(q())), "FORMERR", comment="TC set, a TSIG that the header says is followed by 8 more records (the fuzzer's finding)")

def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".hex") or f == "expected.tsv":
            os.remove(os.path.join(OUT, f))
    rows = ["# file\tsource\texpected over UDP\texpected over TCP\tcomment"]
    for i, (slug, data, source, udp, tcp, comment) in enumerate(ITEMS, 1):
        fn = "%03d-%s.hex" % (i, slug)
        hexs = data.hex()
        with open(os.path.join(OUT, fn), "w") as fh:
            fh.write("\n".join(hexs[j:j + 64] for j in range(0, len(hexs), 64)) + "\n")
        rows.append("\t".join([fn, source, udp, tcp, comment]))
    with open(os.path.join(OUT, "expected.tsv"), "w") as fh:
        fh.write("\n".join(rows) + "\n")
    print(len(ITEMS), "items in", os.path.normpath(OUT))

main()
