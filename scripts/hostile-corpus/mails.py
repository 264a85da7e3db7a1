#!/usr/bin/env python3
"""Writes the hostile mail corpus: smtp-ingest/src/test/resources/hostile/mails/NNN-slug.eml +
expected.tsv (file, envelope sender, expected reply start, reply text fragment, state, comment)
and pki/ (the trust anchor; signers' keys are thrown away).

Senders the test sets up: noc@uni-a.example (unsigned allowed), noc@uni-s.example (its institution
requires S/MIME), noc@uni-x.example (suspended). state: 'none' (nothing stored) or 'report' (a
submission report with only rejected lines: no entry, zone or serial change).
Needs openssl (3.x). Certificates are valid 2025-2125 (the expired one 2020-2021).
"""
import base64, os, shutil, subprocess, tempfile

OUT = os.path.join(os.path.dirname(__file__), "../../smtp-ingest/src/test/resources/hostile/mails")
A, S, X = "noc@uni-a.example", "noc@uni-s.example", "noc@uni-x.example"
TO = "rpz@community.example"
BAD = "192.0.2.1\nhttp://evil.example/x\ncom\n"  # three lines, all rejected

def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")

def hdr(frm=A, extra=""):
    h = "From: %s\nTo: %s\nSubject: hostile\nMessage-ID: <%%ID%%@hostile.example>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n" % (frm, TO)
    return h + extra

def part(name="domains.txt", body=BAD, ctype="text/plain; charset=utf-8", cte=None, disp=None):
    p = "Content-Type: %s\n" % ctype
    if disp is None:
        disp = 'attachment; filename="%s"' % name
    if disp:
        p += "Content-Disposition: %s\n" % disp
    if cte:
        p += "Content-Transfer-Encoding: %s\n" % cte
    return p + "\n" + body

def multipart(parts, boundary="b1", sub="mixed", extra=""):
    out = 'Content-Type: multipart/%s; boundary="%s"%s\n\n' % (sub, boundary, extra)
    for p in parts:
        out += "--%s\n%s\n" % (boundary, p)
    return out + "--%s--\n" % boundary

def msg(frm=A, body=None, extra=""):
    return hdr(frm, extra) + (body if body is not None else multipart(["Content-Type: text/plain\n\nhello\n", part()]))

ITEMS = []
def item(slug, data, reply, fragment, state="none", comment="", sender=A, raw=False):
    if isinstance(data, str):
        data = (data if raw else crlf(data)).encode("utf-8", "surrogateescape")
    ITEMS.append((slug, data, sender, reply, fragment, state, comment))

NO_ATT = "no attachment named domains.txt"
REPORT = "0 accepted, 3 rejected"

# --- attachments
item("baseline-rejected-lines", msg(), "250 2.0.0", REPORT, "report", "well-formed; every line rejected: only the report is stored")
item("no-attachment", hdr() + "Content-Type: text/plain\n\nevil.example\n", "550 5.6.0", NO_ATT, comment="names in the body, no attachment")
item("wrong-name", msg(body=multipart([part("domain.txt")])), "550 5.6.0", NO_ATT, comment="domain.txt")
item("name-with-suffix", msg(body=multipart([part("domains.txt.exe")])), "550 5.6.0", NO_ATT, comment="domains.txt.exe")
item("name-csv", msg(body=multipart([part("domains.csv")])), "550 5.6.0", NO_ATT, comment="domains.csv")
item("name-path", msg(body=multipart([part("../../etc/domains.txt")])), "250 2.0.0", REPORT, "report", comment="path in the file name: only the last segment counts, nothing is ever written to a path")
item("name-nul", msg(body=multipart([part("domains.txt\x00.exe")])), "550 5.6.0", NO_ATT, comment="NUL inside the file name")
item("name-rfc2047-bad", msg(body=multipart([part(disp='attachment; filename="=?x-bogus?Q?domains.txt?="')])), "550 5.6.0", NO_ATT, comment="encoded word with an unknown charset")
item("name-rfc2231-bad-charset", msg(body=multipart([part(disp="attachment; filename*=x-bogus''domains.txt")])), "250 2.0.0", REPORT, "report", comment="RFC 2231 name in an unknown charset: its ASCII bytes still read domains.txt")
item("name-unbalanced-quote", msg(body=multipart([part(disp='attachment; filename="domains.txt')])), "550 5.6.0", NO_ATT, comment="unbalanced quote: no file name")
item("name-upper", msg(body=multipart([part("DOMAINS.TXT")])), "250 2.0.0", REPORT, "report", comment="name compared case-insensitively")
item("gzip-attachment", msg(body=multipart([part("domains.txt.gz", base64.b64encode(b"\x1f\x8b\x08\x00" + b"\x00" * 40).decode() + "\n", "application/gzip", "base64")])), "550 5.6.0", NO_ATT, comment="compressed list: never unpacked (no zip bombs)")
item("zip-as-domains-txt", msg(body=multipart([part("domains.txt", base64.b64encode(b"PK\x03\x04" + b"\x00\xff" * 200).decode() + "\n", "application/zip", "base64")])), "250 2.0.0", "0 accepted, 1 rejected", "report", comment="zip bytes named domains.txt: read as text, never unpacked")
item("empty-body", hdr() + "\n", "550 5.6.0", NO_ATT, comment="headers only")
item("empty-message", "", "550 5.7.1", "sender", comment="no headers, no body")
item("empty-attachment", msg(body=multipart([part(body="")])), "250 2.0.0", "0 accepted, 0 rejected", "report", comment="domains.txt of zero bytes: an empty submission, recorded")
item("comments-only-attachment", msg(body=multipart([part(body="# nothing\n\n")])), "250 2.0.0", "0 accepted, 0 rejected", "report", comment="domains.txt with only a comment and a blank line")
# --- MIME structure
item("boundary-mismatch", hdr() + 'Content-Type: multipart/mixed; boundary="abc"\n\n--xyz\n' + part() + "\n--xyz--\n", "550 5.6.0", NO_ATT, comment="parts use another boundary")
item("boundary-missing-param", hdr() + "Content-Type: multipart/mixed\n\n--b1\n" + part() + "\n--b1--\n", "550 5.6.0", "boundary", comment="multipart without a boundary parameter")
item("boundary-empty", hdr() + 'Content-Type: multipart/mixed; boundary=""\n\n--\n' + part() + "\n----\n", "550 5.6.0", "boundary", comment="empty boundary")
item("boundary-too-long", msg(body=multipart([part()], boundary="x" * 200)), "250 2.0.0", REPORT, "report", comment="boundary of 200 characters (RFC 2046: at most 70): tolerated")
item("no-closing-boundary", hdr() + 'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n' + part() + "\n", "250 2.0.0", REPORT, "report", comment="closing delimiter missing: the part ends with the message")
item("nested-ok", msg(body=multipart([multipart([multipart([part()], "b3")], "b2", "alternative")])), "250 2.0.0", REPORT, "report", comment="three levels")
deep = part()
for i in range(60):
    deep = multipart([deep], "n%d" % i)
item("nested-60", msg(body=deep), "550 5.6.0", "nest", comment="60 nested multiparts")
item("many-parts", msg(body=multipart(["Content-Type: text/plain\n\nx\n"] * 3000 + [part()])), "250 2.0.0", REPORT, "report", comment="3000 parts: bounded by the size limit, walked")
item("many-domains-txt", msg(body=multipart([part()] * 300)), "250 2.0.0", "0 accepted, 900 rejected", "report", comment="300 domains.txt attachments: all processed (SPEC 2)")
item("message-rfc822", msg(body="Content-Type: message/rfc822\n\n" + msg()), "550 5.6.0", NO_ATT, comment="the list inside a forwarded message is not the sender's attachment")
item("multipart-with-cte-base64", hdr() + 'Content-Type: multipart/mixed; boundary="b1"\nContent-Transfer-Encoding: base64\n\n--b1\n' + part() + "\n--b1--\n", "250 2.0.0", REPORT, "report", comment="multipart container with a transfer encoding (RFC 2045 forbids): ignored")
item("bare-lf", msg(), "250 2.0.0", REPORT, "report", comment="bare LF line ends throughout", raw=True)
item("bare-cr", msg().replace("\n", "\r"), "550 5.7.1", "sender", comment="bare CR line ends: one long header line", raw=True)
item("nul-in-body", msg(body=multipart([part(body="192.0.2.1\x00\nhttp://evil.example/x\ncom\n")])), "250 2.0.0", REPORT, "report", comment="NUL in the attachment")
item("long-line", msg(body=multipart([part(body="a" * 200000 + "\n")])), "250 2.0.0", "0 accepted, 1 rejected", "report", comment="one 200 000-character line")
# --- transfer encodings and charsets
item("base64-garbage", msg(body=multipart([part(body="!!!! not base64 @@@@ ****\n", cte="base64")])), "550 5.6.0", "", comment="base64 with no valid characters")
item("base64-truncated", msg(body=multipart([part(body=base64.b64encode(BAD.encode()).decode()[:-3] + "\n", cte="base64")])), "550 5.6.0", "broken base64", comment="base64 without its final quantum")
item("qp-broken", msg(body=multipart([part(body="192.0.2.1=ZZ\nhttp://evil.example/x\ncom\n", cte="quoted-printable")])), "250 2.0.0", REPORT, "report", comment="QP with an invalid escape")
item("cte-unknown", msg(body=multipart([part(cte="x-uuencode")])), "550 5.6.0", "", comment="unknown transfer encoding")
item("charset-unknown", msg(body=multipart([part(ctype="text/plain; charset=x-klingon")])), "550 5.6.0", "charset", comment="unknown charset")
item("charset-empty", msg(body=multipart([part(ctype='text/plain; charset=""')])), "250 2.0.0", REPORT, "report", comment="empty charset: UTF-8")
item("charset-utf16-no-bom", msg(body=multipart([part(body=BAD, ctype="text/plain; charset=utf-16")])), "250 2.0.0", "0 accepted, 1 rejected", "report", comment="ASCII bytes declared UTF-16: one line of CJK garbage")
item("charset-lie-latin1", msg(body=multipart([part(body="b\xfccher\u00e9.192.0.2.1\n", ctype="text/plain; charset=iso-8859-1", cte="8bit")])), "250 2.0.0", "0 accepted, 1 rejected", "report", comment="UTF-8 bytes declared ISO-8859-1")
# --- headers
item("no-from", "To: %s\nSubject: x\nMIME-Version: 1.0\n" % TO + multipart([part()]), "550 5.7.1", "sender", comment="no From header")
item("two-froms", "From: %s\n" % A + msg(), "550 5.7.1", "sender", comment="two From headers")
item("from-two-addresses", msg(frm="%s, evil@evil.example" % A), "550 5.7.1", "sender", comment="From with two mailboxes")
item("from-group", msg(frm="friends: %s;" % A), "550 5.7.1", "sender", comment="From as a group")
item("from-unknown", msg(frm="evil@evil.example"), "550 5.7.1", "", comment="not a registered sender")
item("from-display-spoof", msg(frm='"%s" <evil@evil.example>' % A), "550 5.7.1", "", comment="display name spoofs the sender")
item("from-encoded-injection", msg(frm="=?utf-8?q?noc@uni-a.example=0D=0ABcc:_x?= <evil@evil.example>"), "550 5.7.1", "", comment="CRLF inside an encoded word")
item("from-8bit", msg(frm="n\u00f6c@uni-a.example"), "550 5.7.1", "", comment="raw UTF-8 in the From address")
item("from-homograph", msg(frm="noc@uni-\u0430.example"), "550 5.7.1", "", comment="Cyrillic a in the domain")
item("from-suspended", msg(frm=X), "550 5.7.1", "suspended", sender=X, comment="institution suspended")
item("from-comment-trick", msg(frm="evil@evil.example (noc@uni-a.example)"), "550 5.7.1", "", comment="authorized address only in a comment")
item("sender-header-only", msg(frm="evil@evil.example", extra="Sender: %s\nReply-To: %s\n" % (A, A)), "550 5.7.1", "", comment="Sender/Reply-To are not the identity")
item("header-280k", msg(extra="X-Big: " + "a" * (280 * 1024) + "\n"), "550 5.6.0", "header", comment="a 280 KiB header line (header section limit 256 KiB)")
item("headers-42000", msg(extra="X-H: v\n" * 42000), "550 5.6.0", "header", comment="42 000 header fields (336 KB)")
item("header-no-colon", msg(extra="this is not a header\n"), "250 2.0.0", REPORT, "report", comment="a line without a colon in the header section")
item("header-8bit-subject", msg(extra="X-Note: Gr\u00fc\u00dfe \u2603\n"), "250 2.0.0", REPORT, "report", comment="raw 8-bit in an unrelated header")
item("header-leading-continuation", " folded\n" + msg(), "250 2.0.0", REPORT, "report", comment="message starts with a continuation line: ignored")
item("crlf-injection-subject", msg(extra="X-Inj: a\r\rFrom: evil@evil.example\n"), "250 2.0.0", REPORT, "report", comment="bare CRs in a header value do not start a From header")
item("oversize", msg(body=multipart([part(body="a.example\n" * 43000)])), "552 5.3.4", "", comment="430 KB, over the test's 400 KiB limit (the real limit is 25 MB)")

# --- S/MIME (filled in by smime())
def openssl(*args, **kw):
    subprocess.run(["openssl", *args], check=True, capture_output=True, **kw)

def smime(tmp):
    cnf = os.path.join(tmp, "ca.cnf")
    with open(cnf, "w") as f:
        f.write("""[ca]\ndefault_ca=c\n[c]\ndir=%s\ndatabase=$dir/index.txt\nnew_certs_dir=$dir\nserial=$dir/serial\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n[p]\ncommonName=supplied\n[ext]\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=emailProtection\nsubjectAltName=$ENV::SAN\n""" % tmp)
    open(os.path.join(tmp, "index.txt"), "w").close()
    with open(os.path.join(tmp, "serial"), "w") as f:
        f.write("1000\n")
    def ca(name):
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{tmp}/{name}.key", "-out", f"{tmp}/{name}.pem",
                "-subj", f"/CN={name}", "-days", "36500", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign,cRLSign")
    ca("hostile-ca"); ca("rogue-ca")
    def ee(name, email, issuer="hostile-ca", start="20250101000000Z", end="21250101000000Z"):
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{tmp}/{name}.key", "-out", f"{tmp}/{name}.csr", "-subj", f"/CN={name}")
        openssl("ca", "-batch", "-config", cnf, "-cert", f"{tmp}/{issuer}.pem", "-keyfile", f"{tmp}/{issuer}.key", "-in", f"{tmp}/{name}.csr",
                "-out", f"{tmp}/{name}.pem", "-startdate", start, "-enddate", end, "-extensions", "ext", "-notext",
                env={**os.environ, "SAN": "email:" + email})
    ee("signer-s", S); ee("signer-a", A); ee("expired", S, start="20200101000000Z", end="20210101000000Z")
    ee("untrusted", S, issuer="rogue-ca"); ee("other", "other@uni-s.example")
    os.makedirs(os.path.join(OUT, "pki"), exist_ok=True)
    shutil.copy(f"{tmp}/hostile-ca.pem", os.path.join(OUT, "pki", "trust-anchor.pem"))
    content = crlf(multipart(["Content-Type: text/plain\n\nsigned\n", part()]))
    with open(f"{tmp}/content", "w", newline="") as f:
        f.write(content)
    def sign(signer, opaque=False, md="sha256"):
        args = ["smime", "-sign", "-in", f"{tmp}/content", "-signer", f"{tmp}/{signer}.pem", "-inkey", f"{tmp}/{signer}.key", "-md", md, "-binary"]
        if not opaque:
            pass
        else:
            args.append("-nodetach")
        r = subprocess.run(["openssl", *args], check=True, capture_output=True)
        out = r.stdout.decode().replace("\r\n", "\n")
        return out.split("\n\n", 1)  # (MIME headers from openssl, body)
    def signed_msg(signer, frm=S, opaque=False, md="sha256", mangle=None):
        head, body = sign(signer, opaque, md)
        head = "\n".join(l for l in head.split("\n") if not l.startswith("MIME-Version"))
        if mangle:
            head, body = mangle(head, body)
        return hdr(frm) + head + "\n\n" + body
    item("smime-required-unsigned", msg(frm=S), "550 5.7.1", "S/MIME", sender=S, comment="institution requires S/MIME; unsigned")
    item("smime-valid-other-from", signed_msg("signer-s", frm=A), "550 5.7.1", "", comment="valid signature of noc@uni-s, From names noc@uni-a")
    item("smime-expired", signed_msg("expired"), "550 5.7.1", "", sender=S, comment="certificate expired 2021")
    item("smime-untrusted", signed_msg("untrusted"), "550 5.7.1", "", sender=S, comment="chains to an unknown CA")
    item("smime-other-address", signed_msg("other"), "550 5.7.1", "", sender=S, comment="certificate for another address")
    item("smime-tampered", signed_msg("signer-s", mangle=lambda h, b: (h, b.replace("192.0.2.1", "192.0.2.9", 1))), "550 5.7.1", "", sender=S, comment="content changed after signing")
    item("smime-sig-garbage", signed_msg("signer-s", mangle=lambda h, b: (h, b.rsplit("\n\n", 1)[0] + "\n\n" + base64.b64encode(os.urandom(300)).decode() + "\n\n" + b.rsplit("\n\n", 1)[1].split("\n", 1)[-1] if False else _replace_sig(b))), "550 5.7.1", "", sender=S, comment="signature part replaced by random bytes")
    item("smime-sig-missing", signed_msg("signer-s", mangle=lambda h, b: (h, _drop_sig(b))), "550 5.7.1", "", sender=S, comment="multipart/signed with only one part")
    item("smime-md5", signed_msg("signer-s", md="md5"), "550 5.7.1", "", sender=S, comment="MD5 digest")
    item("smime-opaque-ok-then-garbage", hdr(S) + 'Content-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\nContent-Transfer-Encoding: base64\n\n' + base64.b64encode(b"\x30\x82\x01\x00" + os.urandom(64)).decode() + "\n", "550 5.7.1", "", sender=S, comment="opaque pkcs7 with DER garbage")
    item("smime-opaque-empty", hdr(S) + 'Content-Type: application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\nContent-Transfer-Encoding: base64\n\n', "550 5.7.1", "", sender=S, comment="opaque pkcs7 with no body")
    item("smime-opaque-truncated", signed_msg("signer-s", opaque=True, mangle=lambda h, b: (h, b[: len(b) // 2] + "\n")), "550 5.7.1", "", sender=S, comment="opaque pkcs7 cut in half")
    item("smime-enveloped", hdr(S) + 'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggE=\n', "550 5.7.1", "", sender=S, comment="encrypted mail (enveloped-data)")
    item("smime-protocol-mismatch", signed_msg("signer-s", mangle=lambda h, b: (h.replace("application/x-pkcs7-signature", "application/pgp-signature"), b)), "550 5.7.1", "", sender=S, comment="multipart/signed claiming PGP")
    item("smime-valid-lines-rejected", signed_msg("signer-a", frm=A, mangle=None), "250 2.0.0", REPORT, "report", sender=A, comment="valid signature of an authorized sender (the corpus PKI works): only the report, all lines rejected")

def _replace_sig(body):
    # the last part of a detached signature: replace its base64 with random bytes
    marker = "Content-Disposition: attachment; filename=\"smime.p7s\""
    i = body.index(marker)
    j = body.index("\n\n", i) + 2
    k = body.index("\n\n", j) if "\n\n" in body[j:] else len(body)
    end = body.index("\n------", j)
    return body[:j] + base64.b64encode(os.urandom(300)).decode() + body[end:]

def _drop_sig(body):
    marker = "Content-Type: application/x-pkcs7-signature"
    i = body.index(marker)
    start = body.rindex("\n------", 0, i)
    end = body.index("\n------", i)
    return body[:start] + body[end:]

# the reply text each refusal must carry (items whose fragment above is only the code)
FRAGMENTS = {
    'from-unknown': 'evil@evil.example is not an authorized sender',
    'from-display-spoof': 'evil@evil.example is not an authorized sender',
    'from-encoded-injection': 'the From header is not a valid address',
    'from-8bit': 'is not an authorized sender',
    'from-homograph': 'is not an authorized sender',
    'from-comment-trick': 'evil@evil.example is not an authorized sender',
    'sender-header-only': 'evil@evil.example is not an authorized sender',
    'empty-message': 'the message has no From header',
    'no-from': 'the message has no From header',
    'two-froms': '2 From headers',
    'from-two-addresses': 'names 2 addresses',
    'from-group': 'is a group',
    'bare-cr': 'exactly one is required',
    'base64-garbage': 'broken base64 encoding',
    'cte-unknown': 'broken x-uuencode encoding',
    'charset-unknown': 'unsupported charset',
    'boundary-missing-param': 'without a boundary',
    'boundary-empty': 'boundary must be',
    'nested-60': 'nested deeper than 8',
    'header-280k': 'header section larger than',
    'headers-42000': 'header section larger than',
    'oversize': 'exceeds fixed maximum size',
    'from-suspended': 'institution Uni X is suspended',
    'smime-required-unsigned': 'S/MIME signature is required',
    'smime-valid-other-from': 'not for the From address noc@uni-a.example',
    'smime-expired': 'not valid at the signing time',
    'smime-untrusted': 'does not chain to a trusted CA',
    'smime-other-address': 'is for other@uni-s.example',
    'smime-tampered': 'digest mismatch',
    'smime-sig-garbage': 'signature (part 2) cannot be read',
    'smime-sig-missing': 'needs two parts',
    'smime-md5': 'digest MD5, which is not accepted',
    'smime-opaque-ok-then-garbage': 'signed message cannot be read',
    'smime-opaque-empty': 'signed message cannot be read',
    'smime-opaque-truncated': 'signed message cannot be read',
    'smime-enveloped': 'is encrypted',
    'smime-protocol-mismatch': 'only S/MIME signatures',
}


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory() as tmp:
        smime(tmp)
    rows = ["# file\tenvelope sender\texpected reply start\treply text fragment\tstate\tcomment"]
    for i, (slug, data, sender, reply, frag, state, comment) in enumerate(ITEMS, 1):
        fn = "%03d-%s.eml" % (i, slug)
        frag = FRAGMENTS.get(slug, frag)
        assert frag, slug + ": no reply text fragment"
        data = data.replace(b"%ID%", ("%03d" % i).encode())
        with open(os.path.join(OUT, fn), "wb") as f:
            f.write(data)
        rows.append("\t".join([fn, sender, reply, frag, state, comment]))
    with open(os.path.join(OUT, "expected.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(len(ITEMS), "items in", os.path.normpath(OUT))

main()
