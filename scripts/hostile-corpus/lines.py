#!/usr/bin/env python3
"""Writes the hostile line corpus: core/src/test/resources/hostile/lines/NNN-slug.txt + expected.tsv.

Each file is the raw bytes of one domains.txt (mostly one line). expected.tsv: file, the outcome
of every line in order separated by ' ' (a reason code, 'skip', or '=name' for accepted with that
exact normalised A-label), and a comment. Rerun after editing; the files are committed.
"""
import os, sys

OUT = os.path.join(os.path.dirname(__file__), "../../core/src/test/resources/hostile/lines")
L63 = "a" * 63
ITEMS = [
  # --- lengths
  ("label-64", (("a"*64)+".example.org\n").encode(), "syntax", "label of 64 octets"),
  ("label-63-ok", (L63+".example.org\n").encode(), "="+L63+".example.org", "label of exactly 63 octets"),
  ("name-254-chars", (".".join(["a"*49]*5)+".example").encode(), "syntax", "name over 253 characters"),
  ("name-too-long-for-origin", (".".join([L63]*3)+"."+"x"*40+".example").encode(), "too-long", "240 characters: fits 253, but *.NAME.community.rpz. would be 258 octets"),
  ("name-10k-chars", ("a."*5000 + "example").encode(), "syntax", "10 000 characters"),
  ("label-1000-unicode", ("ä"*1000 + ".example").encode(), "syntax", "1000 U-label characters"),
  ("unicode-line-2000", ("ä."*1000 + "example").encode(), "syntax", "non-ASCII line over the ICU cap"),
  # --- empty labels / dots
  ("empty-label", b"a..example.org\n", "syntax", "a..b"),
  ("leading-dot", b".example.org\n", "syntax", "leading dot"),
  ("two-trailing-dots", b"example.org..\n", "syntax", "two trailing dots"),
  ("dot-only", b".\n", "syntax", "root alone"),
  ("dots-only", b"...\n", "syntax", "dots only"),
  ("trailing-dot-ok", b"Evil.Example.ORG.\n", "=evil.example.org", "one trailing dot, upper case"),
  # --- hyphens
  ("leading-hyphen", b"-evil.example.org\n", "syntax", "label starts with hyphen"),
  ("trailing-hyphen", b"evil-.example.org\n", "syntax", "label ends with hyphen"),
  ("hyphen-tld", b"evil.example.org-\n", "syntax", "TLD ends with hyphen"),
  ("inner-hyphens-ok", b"e--vil.example.org\n", "=e--vil.example.org", "double hyphen inside (not xn--) is LDH"),
  ("hyphen-only-label", b"-.example.org\n", "syntax", "label is one hyphen"),
  # --- underscore and other characters
  ("underscore", b"_dmarc.example.org\n", "syntax", "underscore rejected by default policy"),
  ("underscore-inner", b"ev_il.example.org\n", "syntax", "inner underscore"),
  ("dollar", b"ev$il.example.org\n", "syntax", "punctuation"),
  ("quote", b"'evil.example.org'\n", "syntax", "quoted name"),
  ("double-quote", b"\"evil.example.org\"\n", "syntax", "double-quoted"),
  ("semicolon-comment", b"evil.example.org ; zone comment\n", "syntax", "inner white space"),
  ("backslash-escape", b"evil\\.example.org\n", "syntax", "zone-file escape"),
  ("percent-encoded", b"evil%2eexample.org\n", "syntax", "URL-encoded dot"),
  ("comma-list", b"a.example.org,b.example.org\n", "syntax", "comma-separated"),
  # --- IP literals
  ("ipv4", b"192.0.2.1\n", "ip-address", "IPv4"),
  ("ipv4-trailing-dot", b"192.0.2.1.\n", "ip-address", "IPv4 with trailing dot"),
  ("ipv4-cidr", b"192.0.2.0/24\n", "ip-address", "IPv4 CIDR"),
  ("ipv6", b"2001:db8::1\n", "ip-address", "IPv6"),
  ("ipv6-brackets", b"[2001:db8::1]\n", "ip-address", "IPv6 in brackets"),
  ("ipv6-zone", b"fe80::1%eth0\n", "ip-address", "IPv6 with zone id"),
  ("ipv4-mapped", b"::ffff:192.0.2.1\n", "ip-address", "IPv4-mapped IPv6"),
  ("numeric-tld", b"evil.123\n", "syntax", "all-numeric TLD, not an address"),
  ("ipv4-5-octets", b"1.2.3.4.5\n", "syntax", "five numeric labels"),
  ("reverse-name", b"1.2.0.192.in-addr.arpa\n", "=1.2.0.192.in-addr.arpa", "reverse name is a name (arpa suffix)"),
  # --- URLs
  ("url-http", b"http://evil.example/path\n", "url", "URL"),
  ("url-port", b"evil.example:8080\n", "url", "port"),
  ("url-userinfo", b"user@evil.example\n", "url", "e-mail"),
  ("url-query", b"evil.example?x=1\n", "url", "query"),
  ("url-fragment", b"evil.example#frag\n", "url", "fragment after a name (not a comment)"),
  ("url-path-only", b"evil.example/\n", "url", "path"),
  # --- public suffixes / TLDs / top sites
  ("tld", b"com\n", "public-suffix", "TLD"),
  ("tld-dot", b"COM.\n", "public-suffix", "TLD with trailing dot"),
  ("co-uk", b"co.uk\n", "public-suffix", "ICANN multi-label suffix"),
  ("github-io", b"github.io\n", "public-suffix", "PSL private section"),
  ("wildcard-tld", b"*.com\n", "public-suffix", "wildcard over a TLD"),
  ("unknown-tld", b"zzzunknown\n", "public-suffix", "single unknown label"),
  ("idn-tld", "рф\n".encode(), "public-suffix", "IDN TLD"),
  ("top-site", b"google.com\n", "top-sites", "Top-N name"),
  ("top-site-sub", b"mail.google.com\n", "top-sites", "below a Top-N registrable domain"),
  ("top-site-wild", b"*.google.com\n", "top-sites", "wildcard of a Top-N name"),
  ("top-site-upper", b"GOOGLE.COM.\n", "top-sites", "Top-N name in another spelling"),
  ("top-site-idn-spoof", "gооgle.com\n".encode(), "=xn--ggle-55da.com", "homograph of a Top-N name with Cyrillic o: a different, valid name (mixed script is registry policy, not IDNA)"),
  # --- wildcards
  ("star-prefix-no-dot", b"*evil.example.org\n", "wildcard", "*evil"),
  ("inner-star", b"a.*.evil.example.org\n", "wildcard", "inner star"),
  ("star-alone", b"*\n", "wildcard", "star alone"),
  ("double-star", b"**.evil.example.org\n", "wildcard", "**"),
  ("star-dot-star", b"*.*.evil.example.org\n", "wildcard", "*.*."),
  ("star-dot", b"*.\n", "wildcard", "*. without a name"),
  ("trailing-star", b"evil.example.*\n", "wildcard", "trailing star"),
  ("wildcard-ok", b"*.Evil.Example.org.\n", "=evil.example.org", "wildcard, upper case, trailing dot"),
  # --- IDN
  ("idn-ok", "Bücher.example\n".encode(), "=xn--bcher-kva.example", "U-label to A-label"),
  ("idn-nontransitional", "faß.example\n".encode(), "=xn--fa-hia.example", "non-transitional: ß kept"),
  ("idn-fullwidth-dot", "bücher。example\n".encode(), "=xn--bcher-kva.example", "ideographic full stop"),
  ("bad-punycode", b"xn--zzzzzzz-.example\n", "syntax", "xn-- label ending in hyphen"),
  ("invalid-ace", b"xn--a.example\n", "idna", "invalid Punycode"),
  ("ace-not-canonical", b"xn--Bcher-kva.example\n", "=xn--bcher-kva.example", "upper-case ACE lower-cased"),
  ("ace-uppercase-encoded", b"xn--ls8h.example\n", "=xn--ls8h.example", "ACE of an emoji: UTS #46 valid (resolvers look it up), kept as is"),
  ("emoji", "💩.example\n".encode(), "=xn--ls8h.example", "emoji label: UTS #46 converts it"),
  ("bidi-mixed", "aא.example\n".encode(), "idna", "LTR and RTL in one label (bidi rule)"),
  ("bidi-override", "evil\u202e.example\n".encode(), "idna", "RIGHT-TO-LEFT OVERRIDE"),
  ("bidi-lrm", "evil\u200e.example\n".encode(), "idna", "LEFT-TO-RIGHT MARK"),
  ("zero-width-space", "ev\u200bil.example\n".encode(), "=evil.example", "ZERO WIDTH SPACE: UTS #46 maps it to nothing"),
  ("zero-width-joiner", "ev\u200dil.example\n".encode(), "idna", "ZWJ outside a joining context"),
  ("zero-width-non-joiner", "ev\u200cil.example\n".encode(), "idna", "ZWNJ outside a joining context"),
  ("soft-hyphen", "ev\u00adil.example\n".encode(), "=evil.example", "SOFT HYPHEN: UTS #46 maps it to nothing"),
  ("combining-start", "\u0301evil.example\n".encode(), "idna", "label starts with combining mark"),
  ("fullwidth-letters", "ｅｖｉｌ.example\n".encode(), "=evil.example", "full-width letters map to ASCII"),
  ("fraction-slash", "evil\u2044x.example\n".encode(), "=xn--evilx-g33b.example", "FRACTION SLASH is a valid UTS #46 character (not '/'), no URL"),
  ("mapping-to-dot", "evil\u2488.example\n".encode(), "idna", "DIGIT ONE FULL STOP maps to '1.' (label count changes)"),
  ("private-use", "ev\ue000il.example\n".encode(), "idna", "private use character"),
  ("unassigned", "ev\U000e0001il.example\n".encode(), "idna", "LANGUAGE TAG"),
  ("lone-surrogate-bytes", b"ev\xed\xa0\x80il.example\n", "idna", "CESU surrogate bytes: invalid UTF-8 -> U+FFFD"),
  # --- NUL / control / bytes
  ("nul-inside", b"evil\x00.example.org\n", "syntax", "NUL inside"),
  ("nul-after", b"evil.example.org\x00\n", "syntax", "NUL after the name (not trimmed: not white space)"),
  ("bell", b"evil\x07.example.org\n", "syntax", "BEL"),
  ("escape-seq", b"\x1b[31mevil.example.org\x1b[0m\n", "syntax", "ANSI escape sequence"),
  ("del", b"evil\x7f.example.org\n", "syntax", "DEL"),
  ("c1-control", "evil\u0085x.example.org\n".encode(), "syntax", "NEL (C1) inside"),
  ("vertical-tab", b"evil\x0bexample.org\n", "syntax", "vertical tab inside"),
  ("form-feed-around", b"\x0cevil.example.org\x0c\n", "=evil.example.org", "form feeds around are white space"),
  ("invalid-utf8", b"ev\xffil.example.org\n", "idna", "0xFF -> U+FFFD"),
  ("overlong-utf8-dot", b"evil\xc0\xaeexample.org\n", "idna", "overlong UTF-8 for '.'"),
  ("latin1-bytes", b"b\xfccher.example\n", "idna", "ISO-8859-1 bytes read as UTF-8"),
  ("truncated-utf8", b"evil.example.or\xc3\n", "idna", "truncated multi-byte at end"),
  # --- white space, BOM, line endings, comments
  ("tabs-around", b"\tevil.example.org\t\n", "=evil.example.org", "tabs around"),
  ("tab-inside", b"evil.example.org\tfoo.example.org\n", "syntax", "tab inside"),
  ("nbsp-inside", "evil\u00a0example.org\n".encode(), "syntax", "NBSP inside"),
  ("ideographic-space-around", "\u3000evil.example.org\u3000\n".encode(), "=evil.example.org", "ideographic spaces around"),
  ("hosts-line", b"0.0.0.0 evil.example.org\n", "syntax", "hosts-file line"),
  ("bom-utf8", b"\xef\xbb\xbfevil.example.org\r\n", "=evil.example.org", "UTF-8 BOM then CRLF"),
  ("bom-twice", b"\xef\xbb\xbf\xef\xbb\xbfevil.example.org\n", "=evil.example.org", "two BOMs: second trimmed as stray U+FEFF"),
  ("bom-mid-line", b"evil\xef\xbb\xbf.example.org\n", "=evil.example.org", "BOM (ZWNBSP) inside a label: UTS #46 maps it to nothing"),
  ("crlf-lf-mix", b"a.example.org\r\nb.example.org\nc.example.org\r\n", "=a.example.org =b.example.org =c.example.org", "CRLF and LF mixed"),
  ("lone-cr", b"a.example.org\rb.example.org\r", "=a.example.org =b.example.org", "old Mac line ends"),
  ("cr-cr-lf", b"a.example.org\r\r\nb.example.org\n", "=a.example.org skip =b.example.org", "CR CR LF: an empty line"),
  ("no-final-newline", b"evil.example.org", "=evil.example.org", "no line end"),
  ("comment", b"# evil.example.org\n", "skip", "comment"),
  ("comment-indented", b"   # comment\n", "skip", "indented comment"),
  ("comment-after-name", b"evil.example.org # note\n", "syntax", "trailing comment is inner white space"),
  ("comment-hash-glued", b"evil.example.org#note\n", "url", "'#' glued: fragment"),
  ("blank-spaces", b"   \t  \n", "skip", "white space only"),
  ("many-blank-lines", b"\n\n\r\n\n", "skip skip skip skip", "blank lines only"),
  ("duplicate", b"dup.example.org\nDUP.example.org.\n*.dup.example.org\n", "=dup.example.org =dup.example.org =dup.example.org", "three spellings of one name"),
  ("utf16le-no-bom", "evil.example.org\n".encode("utf-16-le"), "syntax syntax", "UTF-16LE without BOM read as UTF-8: NULs; the NUL after LF is a second line"),
  ("html", b"<a href=\"http://evil.example\">x</a>\n", "syntax", "HTML"),
  ("json", b"{\"domain\":\"evil.example\"}\n", "url", "JSON with ':'"),
  ("sql", b"evil.example'; DROP TABLE entries;--\n", "syntax", "SQL injection attempt"),
  ("format-string", b"%s%s%n.example.org\n", "syntax", "format string"),
  ("log4shell", b"${jndi:ldap://evil.example/a}\n", "url", "JNDI lookup string"),
  ("localhost", b"localhost\n", "public-suffix", "single label"),
  ("arpa", b"in-addr.arpa\n", "public-suffix", "arpa suffix"),
  ("origin-itself", b"community.rpz\n", "=community.rpz", "the zone origin as a name: registrable under the unknown TLD rpz, harmless owner community.rpz.community.rpz."),
]

def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".txt") or f == "expected.tsv":
            os.remove(os.path.join(OUT, f))
    rows = ["# file\texpected outcome of each line (reason code, skip, or =normalised-name)\tcomment"]
    seen = set()
    for i, (slug, data, expected, comment) in enumerate(ITEMS, 1):
        assert slug not in seen, slug
        seen.add(slug)
        name = "%03d-%s.txt" % (i, slug)
        with open(os.path.join(OUT, name), "wb") as fh:
            fh.write(data)
        rows.append("%s\t%s\t%s" % (name, expected, comment))
    with open(os.path.join(OUT, "expected.tsv"), "w") as fh:
        fh.write("\n".join(rows) + "\n")
    print(len(ITEMS), "items in", os.path.normpath(OUT))

main()
