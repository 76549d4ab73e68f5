#!/usr/bin/env python3
"""Generates the malformed-input corpus of tests/corpus/ (issue 9), deterministically.

    python3 scripts/gen_corpus.py            # rewrite tests/corpus/<category>/ and expect.tsv
    python3 scripts/gen_corpus.py --big DIR  # the inputs too big to commit, into DIR (test time)

Every file is derived from the samples and fixtures in the repository or built from scratch here,
with fixed seeds and fixed zip timestamps, so running the script twice gives identical bytes.
tests/corpus/replay.py runs `xxgk check` on each file and checks exit code, message, time,
memory and that the input is left untouched; expect.tsv adds per-file expectations:

    path <TAB> allowed exit codes <TAB> regex the stderr must match <TAB> regex stdout must not match

(empty fields mean "no extra expectation"). Files under schema/ are passed as --schema.
"""

import argparse
import bz2
import io
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
CATEGORIES = ["truncated", "bitflip", "zip", "xml", "text", "numbers", "tables", "schema", "pdf"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = (2024, 1, 1, 0, 0, 0)


def read(rel):
    return (ROOT / rel).read_bytes()


# Files up to this size are committed; larger ones are written at test time (--big).
COMMIT_MAX = 64 * 1024


class Writer:
    """mode "commit" keeps files up to COMMIT_MAX bytes, mode "big" only the larger ones."""

    def __init__(self, base, mode):
        self.base = Path(base)
        self.mode = mode
        self.expect = []
        self.count = 0

    def put(self, rel, data, exits="", stderr="", stdout_not=""):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if (len(data) > COMMIT_MAX) != (self.mode == "big"):
            return
        path = self.base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.count += 1
        if exits or stderr or stdout_not:
            self.expect.append((rel, exits, stderr, stdout_not))


# --- zip building ---------------------------------------------------------------------------


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    """entries: list of (name, bytes) or (ZipInfo, bytes); fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name, DATE)
            if not isinstance(name, zipfile.ZipInfo):
                info.compress_type = compression
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def docx_entries(rel="tests/data/docx/hongxing-2021.docx"):
    with zipfile.ZipFile(ROOT / rel) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def docx_with(document_xml, rels=None, extra=(), drop=()):
    out = []
    for name, data in docx_entries():
        if name in drop:
            continue
        if name == "word/document.xml":
            data = document_xml
        elif name == "_rels/.rels" and rels is not None:
            data = rels
        out.append((name, data))
    out.extend(extra)
    return zip_bytes(out)


def streamed_zip_entry(name, method, chunks, total):
    """A zip with one entry whose data is compressed chunk by chunk (the inflated size can be far
    larger than memory). method: zipfile.ZIP_DEFLATED or zipfile.ZIP_BZIP2. Zip64 sizes."""
    if method == zipfile.ZIP_DEFLATED:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        version = 45
    else:
        comp = bz2.BZ2Compressor(9)
        version = 46
    crc = 0
    data = bytearray()
    done = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        data += comp.compress(chunk)
        done += len(chunk)
    data += comp.flush()
    assert done == total
    name_b = name.encode()
    zip64_local = struct.pack("<HHQQ", 1, 16, total, len(data))
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, version, 0, method, 0, 0x5821, crc,
                        0xFFFFFFFF, 0xFFFFFFFF, len(name_b), len(zip64_local))
    local += name_b + zip64_local
    zip64_cd = struct.pack("<HHQQQ", 1, 24, total, len(data), 0)
    cd = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, version, version, 0, method, 0, 0x5821, crc,
                     0xFFFFFFFF, 0xFFFFFFFF, len(name_b), len(zip64_cd), 0, 0, 0, 0o644 << 16,
                     0xFFFFFFFF)
    cd += name_b + zip64_cd
    cd_offset = len(local) + len(data)
    z64_eocd_offset = cd_offset + len(cd)
    z64_eocd = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, version, version, 0, 0, 1, 1, len(cd),
                           cd_offset)
    z64_loc = struct.pack("<IIQI", 0x07064B50, 0, z64_eocd_offset, 1)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(cd), cd_offset, 0)
    return bytes(local) + bytes(data) + cd + z64_eocd + z64_loc + eocd


def repeat_chunks(head, filler, total, tail=b"", chunk=1 << 24):
    """head + filler… + tail, exactly `total` bytes, in chunks."""
    body = total - len(head) - len(tail)
    yield head
    block = (filler * (chunk // len(filler) + 1))[:chunk]
    while body > 0:
        n = min(body, chunk)
        yield block[:n]
        body -= n
    if tail:
        yield tail


def deflate_bomb(name, total, head=b"", filler=b" "):
    """A deflate bomb built fast: identical full-flushed blocks repeat, so they are compressed once."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = (filler * ((1 << 24) // len(filler) + 1))[: 1 << 24]
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    n_blocks, rest = divmod(total - len(head), len(chunk))
    data = bytearray(first)
    crc = zlib.crc32(head)
    for _ in range(n_blocks):
        data += block
        crc = zlib.crc32(chunk, crc)
    tail = chunk[:rest]
    data += comp.compress(tail) + comp.flush()
    crc = zlib.crc32(tail, crc)
    name_b = name.encode()
    big = total >= 0xFFFFFFFF
    extra_l = struct.pack("<HHQQ", 1, 16, total, len(data)) if big else b""
    size_field = 0xFFFFFFFF if big else total
    csize_field = 0xFFFFFFFF if big else len(data)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x5821, crc, csize_field,
                        size_field, len(name_b), len(extra_l)) + name_b + extra_l
    extra_c = struct.pack("<HHQQQ", 1, 24, total, len(data), 0) if big else b""
    cd = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x5821, crc, csize_field,
                     size_field, len(name_b), len(extra_c), 0, 0, 0, 0o644 << 16,
                     0xFFFFFFFF if big else 0) + name_b + extra_c
    cd_offset = len(local) + len(data)
    out = bytearray(local) + data + cd
    if big:
        z64_eocd_offset = cd_offset + len(cd)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(cd), cd_offset)
        out += struct.pack("<IIQI", 0x07064B50, 0, z64_eocd_offset, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(cd), cd_offset, 0)
    return bytes(out)


def zipcrypto_encrypt(data, password, crc):
    """Traditional PKWARE encryption (what `zip -e` writes)."""
    keys = [0x12345678, 0x23456789, 0x34567890]

    def crc_update(value, byte):
        return zlib.crc32(bytes([byte]), value ^ 0xFFFFFFFF) ^ 0xFFFFFFFF

    def update(byte):
        keys[0] = crc_update(keys[0], byte)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_update(keys[2], keys[1] >> 24)

    def stream_byte():
        t = (keys[2] | 2) & 0xFFFF
        return ((t * (t ^ 1)) >> 8) & 0xFF

    for byte in password:
        update(byte)
    rng = random.Random(7)
    header = bytes(rng.randrange(256) for _ in range(11)) + bytes([crc >> 24])
    out = bytearray()
    for byte in header + data:
        out.append(byte ^ stream_byte())
        update(byte)
    return bytes(out)


def encrypted_docx():
    """The fixture with word/document.xml encrypted (flag bit 0, ZipCrypto), built by hand."""
    entries = docx_entries()
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        name_b = name.encode()
        crc = zlib.crc32(data)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        cdata = comp.compress(data) + comp.flush()
        flags = 0
        if name == "word/document.xml":
            cdata = zipcrypto_encrypt(cdata, b"secret", crc)
            flags = 1
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, 0, 0x5821, crc, len(cdata),
                           len(data), len(name_b), 0) + name_b + cdata
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, 0, 0x5821, crc,
                               len(cdata), len(data), len(name_b), 0, 0, 0, 0, 0o644 << 16,
                               offset) + name_b
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       cd_offset, 0)
    return bytes(out)


def patch_method(zip_data, entry, method, flags=None):
    """Changes the compression method (and flags) of one entry in both headers."""
    data = bytearray(zip_data)
    name = entry.encode()
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        nlen = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30: pos + 30 + nlen] == name:
            struct.pack_into("<H", data, pos + 8, method)
            if flags is not None:
                struct.pack_into("<H", data, pos + 6, flags)
        pos += 4
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46: pos + 46 + nlen] == name:
            struct.pack_into("<H", data, pos + 10, method)
            if flags is not None:
                struct.pack_into("<H", data, pos + 8, flags)
        pos += 4
    return bytes(data)


def ole_file(stream_names):
    """A minimal OLE compound file header with directory entries naming the given streams."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 32, 6)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # directory starts at sector 1
    struct.pack_into("<I", header, 56, 4096)
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    struct.pack_into("<I", header, 76, 0)
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray()
    for name in ["Root Entry"] + stream_names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes((-len(directory)) % 512)
    return bytes(header + fat + directory)


# --- XML building ---------------------------------------------------------------------------


def wdoc(body, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def wp(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def wtable(rows):
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append(f"<w:tc>{wp(cell)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


LAUGHS = ('<!DOCTYPE w:document [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + "]>")
XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_PARAM = ('<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "file:///etc/passwd">%remote;'
             '<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd">%ext;]>')


def html_page(body, head=""):
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}"
            "</body></html>")


# --- generators per category ----------------------------------------------------------------

TEXT_SAMPLES = ["samples/dongfanghong-2023.txt", "samples/hongxing-2021.txt",
                "samples/lishui-bureau-2020.txt", "samples/qingshan-county-2022.txt"]
DOCX_SAMPLES = ["tests/data/docx/hongxing-2021.docx", "tests/data/docx/hongxing-2021-wps.docx",
                "tests/data/docx/lishui-bureau-2020-libreoffice.docx",
                "tests/data/docx/qingshan-county-2022.docx"]
XML_SAMPLES = ["tests/data/docx/hongxing-2021.document.xml",
               "tests/data/docx/lishui-bureau-2020.flat.xml",
               "tests/data/docx/qingshan-county-2022.word2003.xml"]
OTHER_TEXT = ["tests/data/textforms/hongxing-2021.utf16le.txt",
              "tests/data/textforms/lishui-bureau-2020.gbk.txt",
              "tests/data/textforms/qingshan-county-2022.md",
              "tests/data/textforms/hongxing-2021.grid.txt",
              "tests/data/textforms/lishui-bureau-2020.tsv.txt",
              "tests/data/html/hongxing-2021.html"]


def stem(rel):
    return Path(rel).name.replace(".", "-")


def gen_truncated(w):
    for rel in TEXT_SAMPLES:
        data = read(rel)
        n = len(data)
        for off in sorted({1, 2, 3, 5, 100, n // 8, n // 4, n // 3, n // 2, 2 * n // 3, n - 7,
                           n - 1}):
            w.put(f"truncated/{stem(rel)}-{off}.txt", data[:off])
    for rel in OTHER_TEXT:
        data = read(rel)
        n = len(data)
        suffix = Path(rel).suffix
        for off in sorted({3, n // 5, n // 2, 4 * n // 5 + 1}):
            w.put(f"truncated/{stem(rel)}-{off}{suffix}", data[:off])
    for rel in DOCX_SAMPLES:
        data = read(rel)
        n = len(data)
        eocd = data.rfind(b"PK\x05\x06")
        cd = data.rfind(b"PK\x01\x02")
        for off in sorted({4, 30, 200, n // 4, n // 2, 3 * n // 4, cd, cd + 10, eocd, eocd + 10,
                           n - 1}):
            w.put(f"truncated/{stem(rel)}-{off}.docx", data[:off], exits="2", stderr="")
    for rel in XML_SAMPLES:
        data = read(rel)
        n = len(data)
        for off in sorted({50, n // 3, n // 2, n - 20}):
            w.put(f"truncated/{stem(rel)}-{off}.xml", data[:off])


def gen_bitflip(w):
    rng = random.Random(20240901)
    for rel in DOCX_SAMPLES[:2] + TEXT_SAMPLES[:2] + OTHER_TEXT[:2]:
        data = read(rel)
        suffix = Path(rel).suffix
        for i in range(8):
            b = bytearray(data)
            flips = 1 if i < 4 else 16
            for _ in range(flips):
                pos = rng.randrange(len(b))
                b[pos] ^= 1 << rng.randrange(8)
            w.put(f"bitflip/{stem(rel)}-{i}{suffix}", bytes(b))
    # Flips in the zip structures themselves (central directory, local header, sizes).
    data = read(DOCX_SAMPLES[0])
    cd = data.find(b"PK\x01\x02")
    eocd = data.rfind(b"PK\x05\x06")
    for i, pos in enumerate([6, 8, 14, 18, 22, 26, cd + 10, cd + 20, cd + 24, cd + 28, cd + 42,
                             eocd + 8, eocd + 10, eocd + 12, eocd + 16]):
        b = bytearray(data)
        b[pos] ^= 0xFF
        w.put(f"bitflip/zip-header-{i}.docx", bytes(b))


def gen_zip(w):
    big_xml_head = wdoc("")[: -len("</w:body></w:document>")].encode()
    # 4 GiB of spaces inside w:body in a zip of a few KB (bzip2, which libzip reads).
    total = 4 << 30
    if w.mode == "commit":  # 30 s of bzip2 for a 3 KiB file: not at test time
        w.put("zip/bomb-bzip2-4gib.docx",
            streamed_zip_entry("word/document.xml", zipfile.ZIP_BZIP2,
                               repeat_chunks(big_xml_head, b" ", total), total),
            exits="2", stderr="limit")
    # 100 MiB (deflate's ratio is at most ~1000:1, so a committed deflate bomb stays modest).
    w.put("zip/bomb-deflate-100mib.docx",
          deflate_bomb("word/document.xml", 100 << 20, big_xml_head), exits="2", stderr="limit")
    # 8 MiB inflating from ~8 KiB: below the size cap, above the ratio cap.
    w.put("zip/bomb-deflate-ratio.docx",
          deflate_bomb("word/document.xml", 8 << 20, big_xml_head), exits="2", stderr="limit")
    # The relationships part as the bomb.
    rels_bomb = deflate_bomb("_rels/.rels", 100 << 20, b"<Relationships>")
    w.put("zip/bomb-in-rels.docx", rels_bomb, exits="2")
    # Many entries (the 100,000-entry version is generated at test time: --big).
    w.put("zip/many-entries-300.docx",
          zip_bytes([(f"word/media/e{i:05d}.bin", b"") for i in range(300)]
                    + docx_entries(), zipfile.ZIP_STORED))
    # The end of central directory claims far more entries than there are.
    data = bytearray(read(DOCX_SAMPLES[0]))
    eocd = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, eocd + 8, 0xFFFF, 0xFFFF)
    w.put("zip/eocd-lying-count.docx", bytes(data), exits="2")
    data = bytearray(read(DOCX_SAMPLES[0]))
    struct.pack_into("<I", data, eocd + 12, 0x7FFFFFFF)
    w.put("zip/eocd-lying-cd-size.docx", bytes(data), exits="2")
    # Path traversal in entry names and in the relationship target: nothing is ever written.
    doc = dict(docx_entries())["word/document.xml"]
    w.put("zip/dotdot-entries.docx",
          docx_with(doc, extra=[("../../evil.txt", b"evil"), ("/etc/xxgk-evil", b"evil"),
                                ("word/../../../evil2.txt", b"evil"),
                                ("..\\..\\evil3.txt", b"evil")]),
          exits="0,1")
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="'
            b'../../../../etc/passwd"/></Relationships>')
    w.put("zip/rels-target-dotdot.docx", docx_with(doc, rels=rels), stdout_not="root:")
    rels_abs = rels.replace(b"../../../../etc/passwd", b"/etc/passwd")
    w.put("zip/rels-target-absolute.docx", docx_with(doc, rels=rels_abs), stdout_not="root:")
    rels_ext = rels.replace(b'Target="', b'TargetMode="External" Target="http://127.0.0.1:9/x')
    w.put("zip/rels-target-external.docx", docx_with(doc, rels=rels_ext))
    rels_self = rels.replace(b"../../../../etc/passwd", b"_rels/.rels")
    w.put("zip/rels-target-self.docx", docx_with(doc, rels=rels_self))
    w.put("zip/document-entry-dotdot.docx",
          zip_bytes([("../word/document.xml", doc)]), exits="2")
    # Encryption, OLE compound files with a .docx name, legacy .doc.
    w.put("zip/encrypted-zipcrypto.docx", encrypted_docx(), exits="2", stderr="encrypt")
    w.put("zip/encrypted-aes-flag.docx", patch_method(read(DOCX_SAMPLES[0]), "word/document.xml",
                                                      99, flags=1), exits="2")
    w.put("zip/ole-encrypted-package.docx",
          ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]), exits="2",
          stderr="encrypted|password")
    w.put("zip/ole-legacy-doc.docx", ole_file(["WordDocument", "1Table", "\x05SummaryInformation"]),
          exits="2", stderr="doc")
    w.put("zip/ole-header-only.docx", bytes.fromhex("D0CF11E0A1B11AE1"), exits="2")
    w.put("zip/ole-truncated.docx", ole_file(["WordDocument"])[:600], exits="2")
    # Other odd archives.
    w.put("zip/empty-archive.docx", b"PK\x05\x06" + bytes(18), exits="2")
    w.put("zip/magic-only.docx", b"PK\x03\x04", exits="2")
    w.put("zip/no-document.docx", zip_bytes([("word/styles.xml", b"<w:styles/>")]), exits="2",
          stderr="document")
    w.put("zip/document-is-directory.docx", zip_bytes([("word/document.xml/", b"")]), exits="2")
    w.put("zip/document-empty.docx", docx_with(b""), exits="2")
    w.put("zip/document-not-xml.docx", docx_with(b"\x00\x01\x02binary"), exits="2")
    w.put("zip/unsupported-method.docx",
          patch_method(read(DOCX_SAMPLES[0]), "word/document.xml", 97), exits="2")
    w.put("zip/stored-method-lie.docx",
          patch_method(read(DOCX_SAMPLES[0]), "word/document.xml", 0))
    w.put("zip/duplicate-document.docx",
          zip_bytes(docx_entries() + [("word/document.xml", wdoc(wp("second")).encode())]))
    w.put("zip/xlsx.docx", zip_bytes([("xl/workbook.xml", b"<workbook/>")]), exits="2",
          stderr="Excel")
    w.put("zip/odt.docx", zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"),
                                     ("content.xml", b"<office:document-content/>")]),
          exits="2")
    w.put("zip/nested-docx.docx", zip_bytes([("word/document.xml", read(DOCX_SAMPLES[0]))]),
          exits="2")
    w.put("zip/zip-comment-huge.docx", read(DOCX_SAMPLES[0])[:-2] + struct.pack("<H", 0xFFFF),
          exits="0,1,2")
    w.put("zip/upper-case-names.docx",
          zip_bytes([(n.upper(), d) for n, d in docx_entries()]))
    w.put("zip/backslash-names.docx",
          zip_bytes([(n.replace("/", "\\"), d) for n, d in docx_entries()]))


def gen_xml(w):
    body = wp("某县2021年政府信息公开工作年度报告") + wtable([["信息内容", "本年制发件数"], ["规章", "1"]])
    # Entity expansion and external entities, in every XML form (and inside a .docx, and HTML).
    for name, prolog in [("billion-laughs", LAUGHS), ("xxe-file", XXE), ("xxe-param", XXE_PARAM)]:
        ent = "&lol9;" if name == "billion-laughs" else ("&xxe;" if name == "xxe-file" else "")
        doc = wdoc(wp("标题" + ent) + body, prolog)
        w.put(f"xml/{name}.document.xml", doc, stdout_not="root:")
        w.put(f"xml/{name}.docx", docx_with(doc.encode()), stdout_not="root:")
        flat = ('<?xml version="1.0"?>' + prolog.replace("w:document", "pkg:package")
                + '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
                '<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>'
                + wdoc(wp("标题" + ent) + body).split("?>", 1)[1]
                + "</pkg:xmlData></pkg:part></pkg:package>")
        w.put(f"xml/{name}.flat.xml", flat, stdout_not="root:")
        w2003 = ('<?xml version="1.0"?>' + prolog.replace("w:document", "w:wordDocument")
                 + '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'
                 f'<w:body><w:p><w:r><w:t>标题{ent}</w:t></w:r></w:p></w:body></w:wordDocument>')
        w.put(f"xml/{name}.word2003.xml", w2003, stdout_not="root:")
        html = ("<!DOCTYPE html [" + prolog.split("[", 1)[1].replace("w:document", "html")
                + f"<html><body><p>标题{ent}</p><table><tr><td>a</td></tr></table></body></html>")
        w.put(f"xml/{name}.html", html, stdout_not="root:")
    # Deep nesting: 100,000 levels.
    deep = 100_000
    w.put("xml/deep-100k-paragraph.document.xml",
          wdoc("<w:p>" + "<w:r>" * deep + "</w:r>" * deep + "</w:p>"), exits="2", stderr="deep|nest")
    w.put("xml/deep-100k-tables.document.xml",
          wdoc("<w:tbl><w:tr><w:tc>" * 2000 + wp("x") + "</w:tc></w:tr></w:tbl>" * 2000),
          exits="0,1,2")
    w.put("xml/deep-100k-unclosed.document.xml", wdoc("<w:sdt><w:sdtContent>" * (deep // 2)),
          exits="2")
    w.put("xml/deep-100k.docx", docx_with(wdoc("<w:p>" + "<w:r>" * deep + "</w:r>" * deep
                                               + "</w:p>").encode()), exits="2")
    w.put("xml/deep-100k.word2003.xml",
          '<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/'
          'word/2003/wordml"><w:body>' + "<w:sect>" * deep + "</w:sect>" * deep
          + "</w:body></w:wordDocument>", exits="2")
    w.put("xml/deep-100k.html", html_page("<div>" * deep + "报告" + "</div>" * deep))
    w.put("xml/deep-100k-table.html", html_page("<table><tr><td>" * 20000 + "x"
                                                + "</td></tr></table>" * 20000))
    w.put("xml/deep-100k-unclosed.html", html_page("<span>" * deep))
    # Unclosed and broken markup.
    w.put("xml/unclosed-body.document.xml", wdoc(body)[: -len("</w:body></w:document>")],
          exits="2")
    w.put("xml/unclosed-cell.document.xml", wdoc("<w:tbl><w:tr><w:tc>" + wp("x")), exits="2")
    w.put("xml/unclosed.docx", docx_with(wdoc(body).encode()[:-30]), exits="2")
    w.put("xml/unclosed.html", "<html><body><table><tr><td>表三<td>1<tr><td>2")
    w.put("xml/mismatched.document.xml", wdoc("<w:p><w:r></w:p></w:r>"), exits="2")
    w.put("xml/attr-garbage.document.xml", wdoc('<w:p w:x="1" w:x="2">' + "</w:p>"))
    # Numbers in attributes beyond every type.
    for i, val in enumerate(["2147483648", "-1", "99999999999999999999999", "0", "1e9", "abc",
                             "4294967296", ""]):
        tbl = ("<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>"
               f'<w:trPr><w:gridBefore w:val="{val}"/><w:gridAfter w:val="{val}"/></w:trPr>'
               f'<w:tc><w:tcPr><w:gridSpan w:val="{val}"/><w:vMerge w:val="restart"/></w:tcPr>'
               + wp("信息内容") + "</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>"
               + wp("") + "</w:tc></w:tr></w:tbl>")
        w.put(f"xml/attr-number-{i}.document.xml", wdoc(tbl))
    for i, val in enumerate(["1000000000", "-5", "99999999999999999999", "0"]):
        w.put(f"xml/html-span-{i}.html",
              html_page(f'<table><tr><td colspan="{val}" rowspan="{val}">信息内容</td><td>1</td>'
                        f'</tr><tr><td>2</td></tr></table>'))
    # Encodings inside XML.
    w.put("xml/invalid-utf8.document.xml", wdoc(wp("a")).encode().replace(b">a<", b">\xff\xfe<"),
          exits="2")
    w.put("xml/utf16-odd-length.document.xml", wdoc(wp("报告")).encode("utf-16-le")[:-1])
    w.put("xml/utf16be-bom.document.xml", b"\xfe\xff" + wdoc(wp("报告")).encode("utf-16-be"))
    w.put("xml/declared-gbk.document.xml",
          wdoc(wp("报告")).replace("UTF-8", "GBK").encode("gbk"))
    w.put("xml/nul-inside.document.xml", wdoc(wp("a\0b")).encode())
    w.put("xml/cdata-huge.document.xml", wdoc("<w:p><w:r><w:t><![CDATA[" + "]" * 200_000
                                              + "]]></w:t></w:r></w:p>"))
    w.put("xml/many-attributes.document.xml",
          wdoc("<w:p " + " ".join(f'a{i}="{i}"' for i in range(50_000)) + "/>"))
    w.put("xml/long-name.document.xml", wdoc("<w:" + "p" * 300_000 + "/>"))
    w.put("xml/pi-and-comments.document.xml", wdoc("<!--" + "-" * 1000 + "-->" * 1 + "<?x y?>" * 5000))
    w.put("xml/namespace-rebind.document.xml",
          wdoc('<w:p xmlns:w="urn:other"><w:r><w:t>不是正文</w:t></w:r></w:p>'))
    w.put("xml/root-only.document.xml", f'<w:document xmlns:w="{W_NS}"/>', exits="2")
    w.put("xml/flat-opc-no-document.flat.xml",
          '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>',
          exits="2")
    w.put("xml/flat-opc-binary-part.flat.xml",
          '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
          '<pkg:part pkg:name="/word/document.xml"><pkg:binaryData>UEsDBA==</pkg:binaryData>'
          '</pkg:part></pkg:package>')
    w.put("xml/word-ml-many-revisions.document.xml",
          wdoc("".join(f"<w:p><w:ins><w:r><w:t>{i}</w:t></w:r></w:ins><w:del><w:r><w:delText>x"
                       "</w:delText></w:r></w:del></w:p>" for i in range(5000))))


def gen_text(w):
    sample = read(TEXT_SAMPLES[1])
    w.put("text/empty.txt", b"", exits="2")
    w.put("text/one-newline.txt", b"\n")
    w.put("text/only-tabs.txt", b"\t" * 5000)
    w.put("text/only-newlines.txt", b"\n" * 100_000)
    w.put("text/only-cr.txt", sample.replace(b"\n", b"\r"))
    w.put("text/bom-only.txt", b"\xef\xbb\xbf")
    w.put("text/utf16-bom-only.txt", b"\xff\xfe")
    w.put("text/nul-bytes.txt", sample[:2000] + b"\0" * 64 + sample[2000:], exits="2")
    w.put("text/nul-only.txt", b"\0" * 4096, exits="2")
    w.put("text/nul-in-utf16.txt", b"\xff\xfe" + "报告\0表".encode("utf-16-le"))
    w.put("text/invalid-utf8-lead.txt", sample[:3000] + b"\xc3\x28" + sample[3000:])
    w.put("text/invalid-utf8-continuation.txt", b"\x80\x81\x82" + sample)
    w.put("text/invalid-utf8-overlong.txt", sample + b"\xc0\xaf\xe0\x80\xaf")
    w.put("text/invalid-utf8-surrogate.txt", sample + b"\xed\xa0\x80\xed\xbf\xbf")
    w.put("text/invalid-utf8-beyond.txt", sample + b"\xf4\x90\x80\x80\xf8\x88\x80\x80\x80")
    w.put("text/invalid-utf8-truncated-end.txt", sample + b"\xe4\xb8")
    w.put("text/utf8-bom-then-invalid.txt", b"\xef\xbb\xbf" + sample + b"\xff")
    gbk = read("tests/data/textforms/lishui-bureau-2020.gbk.txt")
    w.put("text/mixed-gbk-utf8.txt", sample[:3000] + gbk[3000:6000] + sample[3000:])
    w.put("text/mixed-utf16-utf8.txt", b"\xff\xfe" + sample[:200] + "报告".encode("utf-16-le"))
    w.put("text/utf16le-odd-length.txt", read(OTHER_TEXT[0])[:-1])
    w.put("text/utf16le-lone-surrogates.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 1000
          + b"\x00\xdc" * 1000)
    w.put("text/utf16be-no-bom-claimed.txt", "报告\t1\n".encode("utf-16-be") * 100, exits="0,1,2")
    w.put("text/latin1.txt", "Année 2021 Rapport café\n\tcellule\n".encode("latin-1") * 50)
    w.put("text/shift-jis.txt", "政府情報公開年次報告書\n\t表\n".encode("shift_jis") * 50)
    w.put("text/control-chars.txt", bytes(range(1, 32)) * 100 + sample)
    w.put("text/ansi-escapes.txt", sample.replace(b"\t", b"\t\x1b[31m\x1b]0;title\x07", 20))
    w.put("text/bidi-and-zero-width.txt",
          sample.replace("报告".encode(), "报\u202e告\u200b\ufeff".encode()))
    w.put("text/combining-marks.txt", sample + ("a" + "\u0301" * 5000 + "\n").encode())
    w.put("text/long-line-256k.txt", sample + b"\t" + "数".encode() * 90_000 + b"\n")
    w.put("text/long-cell-run.txt", b"\t" + b"1" * 200_000 + b"\n")
    w.put("text/many-tabs-one-line.txt", b"\t1" * 100_000)
    w.put("text/many-bookmarks.txt", b"[bookmark: x]" * 20_000 + b"\n")
    w.put("text/unclosed-bookmark.txt", b"[bookmark:" * 20_000 + b"\n")
    w.put("text/page-numbers-only.txt", b"- 1 -\n" * 20_000)
    w.put("text/headings-only.txt", "一、总体情况\n二、主动公开政府信息情况\n".encode() * 5000)
    w.put("text/title-huge.txt", ("某" * 50_000 + "2021年政府信息公开工作年度报告\n").encode() + sample)
    w.put("text/years-weird.txt", sample.replace(b"2021", b"99999", 1))
    w.put("text/year-zero.txt", sample.replace(b"2021", b"0000", 1))
    w.put("text/markdown-deep-quote.md", b"> " * 50_000 + b"text\n")
    w.put("text/markdown-deep-list.md", b"".join(b"  " * i + b"- x\n" for i in range(2000)))
    w.put("text/markdown-pipes.md", b"|" * 100_000 + b"\n|---|\n")
    w.put("text/markdown-table-ragged.md",
          b"| a | b |\n|---|---|\n" + b"".join(b"|" * (i % 50) + b"\n" for i in range(5000)))
    w.put("text/markdown-emphasis.md", b"*" * 50_000 + b"_" * 50_000 + b"`" * 50_000 + b"\n")
    w.put("text/markdown-links.md", b"[" * 30_000 + b"](" * 30_000 + b"\n")
    w.put("text/markdown-entities.md", b"&#99999999999;&#x110000;&#0;&amp" * 5000 + b"\n")
    w.put("text/grid-broken.txt", b"+---+---+\n| a | b |\n+===+\n| 1 |\n+-+\n" * 500)
    w.put("text/grid-wide.txt", b"+" + b"-+" * 20_000 + b"\n|" + b"x|" * 20_000 + b"\n")
    w.put("text/grid-tall-span.txt",
          b"+---+---+\n" + b"| a |   |\n" * 5000 + b"+---+---+\n")
    w.put("text/tsv-quotes.txt", b'"' * 100_001 + b"\t\"a\n" * 1000)
    w.put("text/tsv-unterminated-quote.txt", b'\t"' + b"x\n" * 20_000)
    w.put("text/html-like-text.txt", b"<table" + b"<" * 50_000)


def gen_numbers(w):
    sample = read(TEXT_SAMPLES[1]).decode()
    lines = sample.split("\n")
    value_lines = [i for i, l in enumerate(lines) if l.startswith("\t") and l.strip().isdigit()]
    cases = {
        "beyond-64-bits": "99999999999999999999999",
        "int64-max": "9223372036854775807",
        "int64-max-plus-1": "9223372036854775808",
        "int64-min": "-9223372036854775808",
        "uint64-max": "18446744073709551615",
        "many-digits": "1" * 5000,
        "decimal-many-zeros": "0." + "0" * 5000 + "1",
        "decimal-long": "1." + "9" * 400,
        "exponent": "1e400",
        "fullwidth-huge": "９" * 40,
        "thousands-huge": ",".join(["999"] * 30),
        "negative-zero": "-0",
        "chinese-huge": "九千九百九十九亿亿亿亿亿",
        "unicode-digits": "١٢٣",
        "mixed-sign": "+-1",
        "nan": "NaN",
    }
    for name, value in cases.items():
        out = list(lines)
        for i in value_lines[:: max(1, len(value_lines) // 12)]:
            out[i] = "\t" + value
        w.put(f"numbers/{name}.txt", "\n".join(out))
    # Two INT64_MAX cells that a sum must add: overflow, never wraparound.
    out = list(lines)
    for i in value_lines[:40]:
        out[i] = "\t9223372036854775807"
    w.put("numbers/sum-overflow.txt", "\n".join(out))
    out = list(lines)
    for k, i in enumerate(value_lines[:40]):
        out[i] = "\t-9223372036854775808" if k % 2 else "\t9223372036854775807"
    w.put("numbers/sum-mixed-extremes.txt", "\n".join(out))
    out = list(lines)
    for k, i in enumerate(value_lines[:40]):
        out[i] = "\t0." + "0" * (k * 3) + "5"
    w.put("numbers/scales-differ.txt", "\n".join(out))
    # The same in a .docx.
    doc = dict(docx_entries())["word/document.xml"].decode()
    w.put("numbers/beyond-64-bits.docx",
          docx_with(doc.replace("<ns0:t>0</ns0:t>", "<ns0:t>99999999999999999999999</ns0:t>", 5)
                    .replace("<ns0:t>1</ns0:t>", "<ns0:t>9223372036854775807</ns0:t>")
                    .encode()))


def tika_rows(n, cells=8):
    out = ["某县2021年政府信息公开工作年度报告", "", "三、收到和处理政府信息公开申请情况", ""]
    out += ["\t本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "",
            "\t申请人情况", "", "\t自然人", ""]
    for i in range(n):
        out.append(f"\t行{i}")
        out += [f"\t{i % 10}"] * (cells - 1)
        out.append("")
    return "\n".join(out) + "\n"


def long_lines(size):
    """Text inputs with one line of about `size` bytes, in shapes that are expensive per line."""
    table = "| 信息内容 | 本年制发件数 |\n|---|---|\n"
    n = size
    return {
        "markdown-brackets": table + "| " + "[" * (n - 10) + " | 1 |\n",
        "markdown-emphasis": table + "| " + "*a " * (n // 6) + "a~~ " * (n // 8) + " | 1 |\n",
        "markdown-backticks": table + "| " + "".join(
            "`" * k + "a" for k in range(1, int((2 * n) ** 0.5) - 1)) + " | 1 |\n",
        "tika-cell": tika_rows(3).replace("\t行0", "\t" + "行" * (n // 3 - 10)),
        "grid-wide": "+" + "-+" * (n // 2 - 2) + "\n|" + "x|" * (n // 2 - 2) + "\n+"
        + "-+" * (n // 2 - 2) + "\n",
        "tsv-wide": ("\t".join(["1"] * (n // 2 - 2)) + "\n") * 2,
    }


def gen_tables(w):
    # Lines just under max_line_bytes (64 KiB) in expensive shapes: each must stay fast.
    for name, line in long_lines(60_000).items():
        w.put(f"tables/long-line-{name}.{'md' if name.startswith('markdown') else 'txt'}", line)

    # Committed versions are moderate; the 100,000-row versions are generated with --big.
    w.put("tables/rows-5000.txt", tika_rows(5000))
    w.put("tables/rows-5000.tsv.txt", "".join(f"行{i}\t1\t2\t3\t4\t5\t6\t7\n" for i in range(5000)))
    w.put("tables/cells-one-row-20000.txt", "\t" + "\t".join(["1"] * 20000) + "\n")
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    rows += [[f"行{i}", "1", "2", "3"] for i in range(100_000)]
    w.put("tables/rows-100k.docx", docx_with(wdoc(wp("某县2021年政府信息公开工作年度报告")
                                                  + wtable(rows)).encode()), exits="0,1,2")
    wide = [[f"c{i}" for i in range(3000)] for _ in range(3)]
    w.put("tables/wide-3000.document.xml", wdoc(wtable(wide)))
    w.put("tables/many-tables.document.xml", wdoc(wtable([["信息内容", "1"]]) * 5000))
    w.put("tables/rows-5000.html", html_page("<table>" + "".join(
        f"<tr><td>行{i}</td><td>1</td><td>2</td></tr>" for i in range(5000)) + "</table>"))
    w.put("tables/rows-2000.md", "| a | b | c |\n|---|---|---|\n"
          + "".join(f"| 行{i} | 1 | 2 |\n" for i in range(2000)))


def gen_schema(w):
    base = read("schemas/2021.json")
    n = len(base)
    for off in [0, 1, n // 10, n // 3, n // 2, n - 2]:
        w.put(f"schema/truncated-{off}.json", base[:off], exits="2")
    rng = random.Random(99)
    for i in range(6):
        b = bytearray(base)
        for _ in range(3):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        w.put(f"schema/bitflip-{i}.json", bytes(b), exits="0,1,2")
    w.put("schema/deep-100k-arrays.json", b"[" * 100_000 + b"]" * 100_000, exits="2")
    w.put("schema/deep-100k-objects.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, exits="2")
    w.put("schema/deep-unclosed.json", b"[" * 100_000, exits="2")
    w.put("schema/number-huge.json", base.replace(b'"version"', b'"version_x"', 1)
          .replace(b": 1", b": 1" + b"0" * 400, 3), exits="0,1,2")
    w.put("schema/empty.json", b"", exits="2")
    w.put("schema/not-object.json", b"[]", exits="2")
    w.put("schema/invalid-utf8.json", base.replace("表".encode(), b"\xff", 3), exits="2")
    w.put("schema/nul.json", base[:100] + b"\0" + base[100:], exits="2")


# --- PDF (issue 15) ---------------------------------------------------------------------------


def pdf_bytes(objects, root=1, size=None, xref_garbage=False):
    """A PDF from object bodies (object i+1 = objects[i]), with a correct xref table unless
    xref_garbage; `size` overrides the trailer's /Size."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        if isinstance(body, str):
            body = body.encode("latin-1")
        out += f"{i + 1} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += (f"{(off * 7919) % 10 ** 10 if xref_garbage else off:010d} 00000 n \n").encode()
    out += (f"trailer\n<< /Size {size or len(objects) + 1} /Root {root} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def pdf_stream(data, extra=""):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


def pdf_page_doc(content, resources="<< /Font << /F1 5 0 R >> >>", font=None, rotate=0):
    """One A4 page with this content stream."""
    return [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate {rotate} "
        f"/Resources {resources} /Contents 4 0 R >>",
        pdf_stream(content),
        font or "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


PDF_TABLE = "".join(f"72 {700 - 20 * i} m 372 {700 - 20 * i} l S\n" for i in range(4)) + "".join(
    f"{72 + 100 * i} 640 m {72 + 100 * i} 700 l S\n" for i in range(4)) + (
    "BT /F1 10 Tf 76 686 Td (Row one) Tj 100 0 Td (1) Tj 100 0 Td (2) Tj ET\n"
    "BT /F1 10 Tf 76 666 Td (Row two) Tj 100 0 Td (3) Tj 100 0 Td (4) Tj ET\n")


def gen_pdf(w):
    text = "BT /F1 12 Tf 72 760 Td (Annual report 2023) Tj ET\n" + PDF_TABLE
    minimal = pdf_bytes(pdf_page_doc(text))
    w.put("pdf/minimal.pdf", minimal, exits="0,1")
    w.put("pdf/rotated.pdf", pdf_bytes(pdf_page_doc(text, rotate=90)), exits="0,1")
    w.put("pdf/corrupt-xref.pdf", pdf_bytes(pdf_page_doc(text), xref_garbage=True))
    w.put("pdf/huge-size.pdf", pdf_bytes(pdf_page_doc(text), size=2_000_000_000))
    for off in sorted({9, 60, len(minimal) // 3, len(minimal) // 2, len(minimal) - 30}):
        w.put(f"pdf/truncated-minimal-{off}.pdf", minimal[:off], exits="0,1,2")
    real = read("tests/data/pdf/real/002_huaian_hongzequ_2023.pdf")
    for off in (1024, 16384, 60000):
        w.put(f"pdf/truncated-real-{off}.pdf", real[:off], exits="2")
    # A scan: one page that only draws an image.
    image = pdf_stream(bytes(range(256)) * 4, "/Type /XObject /Subtype /Image /Width 32 "
                       "/Height 32 /ColorSpace /DeviceGray /BitsPerComponent 8 ")
    scan = pdf_page_doc("q 500 0 0 700 40 70 cm /Im1 Do Q\n",
                        resources="<< /XObject << /Im1 5 0 R >> >>", font=image)
    w.put("pdf/image-only.pdf", pdf_bytes(scan), exits="2", stderr="no text layer")
    w.put("pdf/zero-pages.pdf", pdf_bytes(["<< /Type /Catalog /Pages 2 0 R >>",
                                           "<< /Type /Pages /Kids [] /Count 0 >>"]),
          exits="2")
    # 2,500 pages: past max_pages (2,000). Over COMMIT_MAX: written at test time.
    pages = ["<< /Type /Catalog /Pages 2 0 R >>",
             "<< /Type /Pages /Kids [" + "".join(f" {i + 3} 0 R" for i in range(2500))
             + "] /Count 2500 >>"]
    pages += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 2500
    w.put("pdf/pages-2500.pdf", pdf_bytes(pages), exits="2", stderr="max_pages")
    # Fonts whose Unicode map gives private-use characters: garbled text, said so.
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            "1 beginbfrange <20> <7E> <E020> endbfrange\nendcmap end end\n")
    garbled = pdf_page_doc(text, font="<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                           "/ToUnicode 6 0 R >>")
    garbled.append(pdf_stream(cmap))
    w.put("pdf/garbled-fonts.pdf", pdf_bytes(garbled), exits="2", stderr="Unicode map")
    # A CID font (Identity-H, Adobe-Identity) without ToUnicode or embedded font file: poppler
    # cannot name its characters. Shown, not extractable.
    cid_text = ("BT /F1 12 Tf 72 760 Td <" + "0123" * 40 + "> Tj ET\n"
                "BT /F1 12 Tf 72 740 Td <" + "4567" * 40 + "> Tj ET\n")
    cid = pdf_page_doc(cid_text, font="<< /Type /Font /Subtype /Type0 /BaseFont /SimSun "
                       "/Encoding /Identity-H /DescendantFonts [6 0 R] >>")
    cid.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
               "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
    w.put("pdf/cid-font-without-unicode.pdf", pdf_bytes(cid), exits="2", stderr="Unicode map")
    # A content stream of 200,000 nested saves and a page tree that loops.
    w.put("pdf/nested-q.pdf", pdf_bytes(pdf_page_doc("q " * 200_000 + text)), exits="0,1,2")
    loop = pdf_page_doc(text)
    loop[1] = "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    w.put("pdf/page-tree-loop.pdf", pdf_bytes(loop), exits="0,1,2")
    # Encrypted with a user password (qpdf; skipped without it). AES-256's salts are random: this
    # one file differs on every run of the generator.
    if shutil.which("qpdf"):
        with tempfile.TemporaryDirectory() as tmp:
            plain = Path(tmp) / "plain.pdf"
            locked = Path(tmp) / "locked.pdf"
            plain.write_bytes(minimal)
            subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "user",
                            "owner", "256", "--", str(plain), str(locked)], check=True)
            w.put("pdf/encrypted-user-password.pdf", locked.read_bytes(), exits="2",
                  stderr="password")
    w.put("pdf/not-a-pdf-after-magic.pdf", b"%PDF-1.7\n" + b"\x00\xff" * 500, exits="2")
    rng = random.Random(20261203)
    for i in range(8):
        b = bytearray(minimal)
        for _ in range(1 if i < 4 else 12):
            pos = rng.randrange(len(b))
            b[pos] ^= 1 << rng.randrange(8)
        w.put(f"pdf/bitflip-minimal-{i}.pdf", bytes(b))


GENERATORS = [gen_truncated, gen_bitflip, gen_zip, gen_xml, gen_text, gen_numbers, gen_tables,
              gen_schema, gen_pdf]


# --- test-time inputs -----------------------------------------------------------------------


def gen_big(w):
    """Inputs too big to commit; written by tests/corpus/replay.py into a temporary directory."""
    line = b"\t" + b"9" * (100 << 20) + b"\n"
    w.put("big/line-100mib.txt", read(TEXT_SAMPLES[0]) + line, exits="2", stderr="line")
    w.put("big/line-100mib-no-newline.txt", b"x" * (100 << 20), exits="2", stderr="line")
    w.put("big/rows-100k.txt", tika_rows(100_000), exits="0,1,2")
    w.put("big/rows-100k.tsv.txt", "".join(f"行{i}\t1\t2\t3\t4\t5\t6\t7\n" for i in range(100_000)),
          exits="0,1,2")
    w.put("big/rows-100k.md", "| a | b | c |\n|---|---|---|\n"
          + "".join(f"| 行{i} | 1 | 2 |\n" for i in range(100_000)), exits="0,1,2")
    w.put("big/rows-100k.html", html_page("<table>" + "".join(
        f"<tr><td>行{i}</td><td>1</td><td>2</td></tr>" for i in range(100_000)) + "</table>"),
          exits="0,1,2")
    w.put("big/rows-100k.document.xml",
          wdoc(wtable([[f"行{i}", "1", "2"] for i in range(100_000)])), exits="0,1,2")
    # 1 MiB lines of the shapes that make some readers' work grow with the square of the line
    # length: refused by max_line_bytes (64 KiB; the committed 60 KB versions must be fast).
    for name, line in long_lines(1 << 20).items():
        w.put(f"big/{name}-1mib.{'md' if name.startswith('markdown') else 'txt'}", line,
              exits="2", stderr="max_line_bytes")
    # One cell of 100 MB: a Tika cell continues over short lines.
    w.put("big/tika-cell-100mb.txt", "某县2021年政府信息公开工作年度报告\n\n\t信息内容\n"
          + ("续" * 300 + "\n") * 110_000)
    w.put("big/bomb-deflate-2gib.docx", deflate_bomb("word/document.xml", 2 << 30,
                                                     wdoc("")[:-22].encode()),
          exits="2", stderr="limit")
    w.put("big/many-entries-100k.docx",
          zip_bytes(docx_entries() + [(f"e/{i:06d}", b"") for i in range(100_000)],
                    zipfile.ZIP_STORED), exits="0,1,2")


def write_expect(w, path):
    lines = ["# path\texits\tstderr regex\tstdout must not match (written by scripts/gen_corpus.py)"]
    for rel, exits, stderr, stdout_not in sorted(w.expect):
        lines.append("\t".join([rel, exits, stderr, stdout_not]))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    warnings.simplefilter("ignore")  # zipfile: "Duplicate name" is the point of one case
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", metavar="DIR", help="write the test-time inputs into DIR instead")
    args = ap.parse_args()
    if args.big:
        w = Writer(args.big, "big")
        for gen in GENERATORS + [gen_big]:
            gen(w)
        write_expect(w, Path(args.big) / "expect.tsv")
        print(f"gen_corpus: {w.count} inputs over {COMMIT_MAX} bytes in {args.big}",
              file=sys.stderr)
        return
    for cat in CATEGORIES:
        shutil.rmtree(CORPUS / cat, ignore_errors=True)
    w = Writer(CORPUS, "commit")
    for gen in GENERATORS:
        gen(w)
    write_expect(w, CORPUS / "expect.tsv")
    print(f"gen_corpus: {w.count} files in {CORPUS}", file=sys.stderr)


if __name__ == "__main__":
    main()
