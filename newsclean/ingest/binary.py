"""Is this byte string text at all? Executables, images, archives and NUL-heavy data are refused.

Decoding never fails (any bytes "decode" with replacement characters), so without this check
``newsclean clean /bin/ls`` returned hundreds of paragraphs of ELF garbage with exit code 0. Two
tests, both on the first :data:`SAMPLE` bytes, both cheap:

1. **Magic numbers** of common non-text formats at offset 0 (ELF, PE, Mach-O, images, archives and
   compressed streams, PDF, audio/video, fonts, SQLite, Java classes, WebAssembly).
2. **Control bytes.** Text, in any encoding newsclean decodes, has almost no C0 control bytes other
   than tab, newline, form feed, carriage return and escape. The data is binary when more than
   :data:`MAX_CONTROL_SHARE` of the sample is such bytes, or more than :data:`MIN_CONTROL_SHARE`
   and the sample is not UTF-8 either (random or compressed data: about 10 % control bytes),
   unless it reads as UTF-16 or UTF-32 (ASCII text in UTF-16 is half NUL bytes).

What it must not refuse: text in any 8-bit or multibyte encoding (high bytes are never counted),
UTF-16/32 without a BOM, and text with a few stray NULs or control characters (a scraper's
artefacts; the repair stage removes them). Only ``bytes`` are checked: a ``str`` is text by
definition.
"""

from __future__ import annotations

import codecs

__all__ = ["MAX_CONTROL_SHARE", "MIN_CONTROL_SHARE", "SAMPLE", "NotTextError", "check_text", "sniff_binary"]

SAMPLE = 8192
"""Bytes examined at the start of the data."""

MAX_CONTROL_SHARE = 0.25
"""Share of C0 control bytes (not whitespace or ESC) above which the data is not text."""

MIN_CONTROL_SHARE = 0.05
"""Above this share of control bytes, data that is not valid UTF-8 is not text."""

_MIN_PRINTABLE = 0.95
"""Share of printable characters a UTF-16/32 reading needs to count as text."""

_MIN_SPACES = 0.03
"""Share of whitespace a UTF-16/32 reading needs: pairs of control bytes read as UTF-16 are often
printable letters (``\x01\x02`` is U+0201), but never with spaces between words."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows (PE/DOS) executable"),
    (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Java class file or Mach-O universal binary"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an ICO image"),
    (b"PK\x03\x04", "a ZIP archive (or a docx/xlsx/jar/epub)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
)
"""Signatures at offset 0 and what they are. Each one has bytes no text starts with (``BM``,
``MZ``, ``ID3`` and ``BZh`` are checked for a following control byte or digit, see
:func:`_magic`)."""

_WEAK = {b"MZ", b"BM", b"ID3", b"BZh"}
"""Short signatures that a text could start with ("MZ Motors", "BMW", "ID3 ..."): they count only
when the control-byte test agrees that the data is binary, or, for ``BZh``, a block-size digit and
the bzip2 block magic follow."""

_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROL_TABLE = bytes(1 if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F else 0 for b in range(256))


class NotTextError(ValueError):
    """The input is not text or HTML (an executable, an image, an archive, NUL-heavy data).

    ``what`` says what it looks like (``"an ELF executable"``).
    """

    def __init__(self, what: str) -> None:
        super().__init__(f"not text or HTML: looks like {what}")
        self.what = what


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(sample.translate(_CONTROL_TABLE)) / len(sample)


def _reads_as_wide_text(sample: bytes) -> bool:
    """True when ``sample`` decodes as UTF-16 or UTF-32 (either byte order) to printable text."""
    for codec, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        cut = sample[: len(sample) - len(sample) % unit]
        if not cut:
            continue
        text = codecs.decode(cut, codec, "replace")
        printable = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
        spaces = sum(ch.isspace() for ch in text)
        if (printable >= _MIN_PRINTABLE * len(text) and spaces >= _MIN_SPACES * len(text)
                and text.count("\ufffd") <= 0.01 * len(text) + 1):
            return True
    return False


def _valid_utf8(sample: bytes, complete: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _looks_binary(sample: bytes, complete: bool) -> bool:
    share = _control_share(sample)
    if share <= MIN_CONTROL_SHARE:
        return False
    if share <= MAX_CONTROL_SHARE and _valid_utf8(sample, complete):
        return False
    return not _reads_as_wide_text(sample)


def _magic(head: bytes, binary_bytes: bool) -> str | None:
    for magic, what in _MAGIC:
        if not head.startswith(magic):
            continue
        if magic not in _WEAK:
            return what
        if magic == b"BZh" and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
            return what
        if binary_bytes:
            return what
    return None


def sniff_binary(data: bytes) -> str | None:
    """What ``data`` looks like when it is not text (``"an ELF executable"``), else ``None``."""
    sample = bytes(data[:SAMPLE])
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                codecs.BOM_UTF16_BE):
        if sample.startswith(bom):
            return None  # a byte-order mark says text; decode() reads it in that encoding
    binary_bytes = _looks_binary(sample, complete=len(data) <= SAMPLE)
    what = _magic(sample, binary_bytes)
    if what is not None:
        return what
    if binary_bytes:
        share = _control_share(sample)
        return f"binary data ({share:.0%} of the first {len(sample):,} bytes are control bytes)"
    return None


def check_text(data: bytes) -> None:
    """Raise :class:`NotTextError` when ``data`` is not text (see :func:`sniff_binary`)."""
    what = sniff_binary(data)
    if what is not None:
        raise NotTextError(what)
