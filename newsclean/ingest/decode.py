"""Bytes to text, the way a browser would pick the encoding, plus a cheap "is this HTML?" test.

:func:`decode` never raises. The encoding is chosen in this order:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), which wins over everything else;
2. for HTML-looking bytes, a charset declared in the first 2 KB (``<meta charset=...>``,
   ``<meta http-equiv="Content-Type" content="...; charset=...">``, or an XML declaration), with
   the WHATWG label mapping (``latin-1``/``iso-8859-1``/``ascii`` mean windows-1252, ``gb2312``
   means GBK, ...). One deliberate departure from browsers: when the declared encoding is a
   single-byte one but the bytes are valid UTF-8 with non-ASCII sequences, the page is decoded as
   UTF-8 (the declaration is the usual CMS lie, and decoding it as declared would only create
   mojibake for the repair stage to undo); a warning records this;
3. strict UTF-8;
4. windows-1252 (the browser default for Western locales) when that reading looks like Western
   European text: few accented letters, no undefined bytes, only common punctuation;
5. charset-normalizer's best guess (a warning names the guess);
6. UTF-8 with ``errors="replace"`` and the warning ``"undecodable bytes replaced"``.

The text is kept faithful: NUL bytes and other control characters are *not* removed here (the HTML
parser and the repair stage deal with them).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode", "looks_like_html"]

UNDECODABLE_WARNING = "undecodable bytes replaced"

_SNIFF_BYTES = 2048
"""How much of the input is searched for a declared charset."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG encoding labels whose meaning differs from Python's codec of the same name.
_WHATWG_LABELS: dict[str, str] = {
    **dict.fromkeys(
        (
            "ascii", "us-ascii", "ansi_x3.4-1968", "iso-ir-100", "iso-8859-1", "iso8859-1",
            "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "latin-1", "cp819",
            "ibm819", "csisolatin1", "cp1252", "windows-1252", "x-cp1252", "x-user-defined",
        ),
        "windows-1252",
    ),
    **dict.fromkeys(
        ("iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "l5", "latin5", "csisolatin5",
         "iso-ir-148", "iso_8859-9:1989", "windows-1254", "cp1254", "x-cp1254"),
        "windows-1254",
    ),
    **dict.fromkeys(
        ("tis-620", "iso-8859-11", "iso8859-11", "iso885911", "dos-874", "windows-874"),
        "cp874",
    ),
    **dict.fromkeys(
        ("gb2312", "gbk", "cp936", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "gb_2312",
         "gb_2312-80", "windows-936"),
        "gbk",
    ),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), "big5hkscs"),
    **dict.fromkeys(
        ("euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
         "iso-ir-149", "korean", "windows-949"),
        "cp949",
    ),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
                     "ms932", "windows-31j"), "cp932"),
    # A document whose ASCII meta tag we could read is not UTF-16; WHATWG says use UTF-8.
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "utf-32", "unicode", "ucs-2"), "utf-8"),
    **dict.fromkeys(("utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                     "x-unicode20utf8"), "utf-8"),
}

_SINGLE_BYTE = frozenset(
    codecs.lookup(label).name
    for label in (
        "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
        "windows-1255", "windows-1256", "windows-1257", "windows-1258", "cp874", "koi8-r",
        "koi8-u", "mac-roman", "mac-cyrillic", "iso-8859-2", "iso-8859-3", "iso-8859-4",
        "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13",
        "iso-8859-14", "iso-8859-15", "iso-8859-16", "ibm866",
    )
)
"""Codec names of single-byte encodings (any byte string decodes, so a wrong label goes unseen)."""

_C1_FALLBACK_CODECS = frozenset(
    codecs.lookup(name).name for name in ("windows-1252", "windows-1254", "cp874")
)
"""Codecs with undefined bytes that WHATWG maps to the same code point instead of failing."""

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""")

_HTML_STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|meta|article|span|a|br|li|ul|ol|table|tr|td|section|header|footer|nav|main|"
    r"h[1-6]|script|style|link|title|img|iframe|form|figure|strong|em|b|i)(?:\s[^<>]*)?/?>"
    r"|<!--",
    re.IGNORECASE,
)
_HTML_SNIFF_CHARS = 1024
_MIN_WEAK_TAGS = 2


@dataclass(frozen=True, slots=True)
class Decoded:
    """The result of :func:`decode`.

    ``encoding`` is a Python codec name (``"utf-8"``, ``"windows-1252"``, ``"utf-16-le"``, ...).
    ``warnings`` lists anything a caller may want to log; ``truncated`` is True when the input was
    cut to ``max_bytes``.
    """

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()
    truncated: bool = False


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    """Map bytes that windows-125x leaves undefined to the same code point, as WHATWG does."""
    if not isinstance(err, UnicodeDecodeError):  # pragma: no cover - only registered for decoding
        raise err
    return err.object[err.start : err.end].decode("latin-1"), err.end


_C1_HANDLER = "newsclean.latin1-fallback"
codecs.register_error(_C1_HANDLER, _latin1_fallback)


def looks_like_html(text: str) -> bool:
    """Cheap check on the first ~1 KB: is this HTML rather than plain text?

    True for a doctype or an ``<html>``/``<head>``/``<body>`` tag, or for at least two well-formed
    tags among the common ones (``<p>``, ``<div ...>``, ``<meta ...>``, ``</article>``, ...).
    A stray ``<`` ("a < b", "<3", a "> quoted" e-mail line) is not enough.
    """
    head = text.lstrip("\ufeff \t\r\n\f\v")[:_HTML_SNIFF_CHARS]
    if "<" not in head:
        return False
    if _HTML_STRONG.search(head):
        return True
    return any(n >= _MIN_WEAK_TAGS for n, _ in enumerate(_HTML_TAG.finditer(head), start=1))


def _codec_name(label: str) -> str | None:
    """Map a declared charset label to a Python codec name, or None if unknown."""
    key = label.strip().strip("\"'").lower()
    if not key:
        return None
    if key in _WHATWG_LABELS:
        return _WHATWG_LABELS[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def _declared_charset(head: bytes) -> str | None:
    """The charset declared in the first bytes of an HTML/XML document, as a Python codec name."""
    for pattern in (_META_CHARSET, _XML_ENCODING):
        for match in pattern.finditer(head):
            name = _codec_name(match.group(1).decode("ascii", "replace"))
            if name is not None:
                return name
    return None


def _bytes_look_like_html(data: bytes) -> bool:
    # latin-1 maps bytes 1:1, so ASCII markup is found whatever the real encoding is
    return looks_like_html(data[:_SNIFF_BYTES].decode("latin-1"))


def _truncate(data: bytes, max_bytes: int, unit: int) -> bytes:
    """Cut ``data`` to ``max_bytes`` at a code-unit boundary (a UTF-8 one when ``unit`` is 1)."""
    cut = data[: max(0, max_bytes)]
    if unit > 1:
        return cut[: len(cut) - len(cut) % unit]
    # back off over a UTF-8 sequence the cut split in two (only if it looks like UTF-8)
    for back in range(1, min(4, len(cut)) + 1):
        byte = cut[-back]
        if byte & 0xC0 != 0x80:  # a lead byte (or ASCII)
            if byte >= 0xC0:
                need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
                if need > back:
                    return cut[:-back]
            break
    return cut


def _decode_strict(data: bytes, encoding: str, final: bool) -> str | None:
    """Strict decode; with ``final=False`` an incomplete sequence at the very end is dropped."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(
            errors=_C1_HANDLER if codecs.lookup(encoding).name in _C1_FALLBACK_CODECS else "strict"
        )
        return decoder.decode(data, final=final)
    except (UnicodeDecodeError, LookupError):
        return None


_CP1252_PUNCT = frozenset("’‘“”„‚–—…€«»°·•©®™§×£¥¢ªº´\u00a0")
"""Non-letters a Western text in windows-1252 commonly has (no superscripts: those are what
Polish ł/ą become when windows-1250 is read as windows-1252)."""
_CP1252_RARE_LETTERS = frozenset("ðþÐÞ")
"""Icelandic letters; in practice they are Turkish ğ/ş read as windows-1252."""
_CP1252_SAMPLE = 200_000
"""Characters examined by the windows-1252 plausibility test."""
_CP1252_MAX_ACCENTED = 0.25
"""Most letters of a Western text are ASCII; Cyrillic or Greek read as windows-1252 are not."""


def _plausible_cp1252(data: bytes) -> str | None:
    """The windows-1252 reading of ``data`` if it looks like Western European text, else None.

    The browser default for undeclared legacy pages. Tried before charset-normalizer, which often
    prefers mac_latin2 or cp775 for short French or German texts ("ťtť", "B³rgermeister").
    """
    try:
        text = data.decode("cp1252")  # strict: an undefined byte (0x81, 0x8D ...) rules it out
    except UnicodeDecodeError:
        return None
    letters = accented = odd = non_ascii = 0
    previous = " "
    for char in text[:_CP1252_SAMPLE]:
        if char.isalpha():
            letters += 1
        if char > "\x7f":
            non_ascii += 1
            if char.isalpha():
                accented += 1
                if char in _CP1252_RARE_LETTERS:
                    odd += 1
            elif char in "¿¡":
                odd += previous.isalpha()
            elif char not in _CP1252_PUNCT:
                odd += 1
        previous = char
    if non_ascii == 0 or odd > 0.02 * non_ascii or accented > _CP1252_MAX_ACCENTED * letters:
        return None
    return text


_GUESS_PREFERENCE = ("utf_8", "cp1252")
"""Among equally plausible guesses, prefer these (charset-normalizer breaks ties alphabetically,
which turns French windows-1252 into windows-1250 "trčs"); otherwise keep its own order."""
_GUESS_TIE = 0.01


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, as (text, encoding), or None."""
    try:
        from charset_normalizer import from_bytes

        results = from_bytes(data)
        best = results.best()
        if best is None or best.encoding is None:
            return None
        ties = [
            m
            for m in results
            if m.chaos <= best.chaos + _GUESS_TIE and m.coherence >= best.coherence - _GUESS_TIE
        ]
        rank = {name: i for i, name in enumerate(_GUESS_PREFERENCE)}
        pick = min(ties or [best], key=lambda m: rank.get(m.encoding, len(rank)))
        encoding = "windows-1252" if pick.encoding == "cp1252" else pick.encoding
        return str(pick), encoding
    except Exception:  # pragma: no cover - defensive: a third-party detector must not break us
        return None


def decode(data: bytes, *, max_bytes: int | None = None) -> Decoded:
    """Decode ``data`` to text, choosing the encoding like a browser; never raises.

    ``max_bytes`` cuts the input to that many bytes first (at a character boundary where the
    encoding allows), with a warning and ``truncated=True``.
    """
    try:
        data = bytes(data)
    except Exception:  # pragma: no cover - not bytes-like at all
        return Decoded("", "utf-8", ("input is not bytes",), False)
    warnings: list[str] = []

    bom_encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            bom_encoding = name
            data = data[len(bom) :]
            break

    truncated = False
    if max_bytes is not None and len(data) > max_bytes:
        unit = {"utf-32-le": 4, "utf-32-be": 4, "utf-16-le": 2, "utf-16-be": 2}.get(
            bom_encoding or "", 1
        )
        original = len(data)
        data = _truncate(data, max_bytes, unit)
        truncated = True
        warnings.append(f"input truncated from {original} to {len(data)} bytes")
    final = not truncated

    if bom_encoding is not None:
        text = _decode_strict(data, bom_encoding, final)
        if text is None:
            text = data.decode(bom_encoding, errors="replace")
            warnings.append(UNDECODABLE_WARNING)
        return Decoded(text, bom_encoding, tuple(warnings), truncated)

    declared = _declared_charset(data[:_SNIFF_BYTES]) if _bytes_look_like_html(data) else None
    if declared is not None:
        if codecs.lookup(declared).name in _SINGLE_BYTE and not data.isascii():
            as_utf8 = _decode_strict(data, "utf-8", final)
            if as_utf8 is not None:
                warnings.append(f"declared charset {declared} ignored: the bytes are valid UTF-8")
                return Decoded(as_utf8, "utf-8", tuple(warnings), truncated)
        text = _decode_strict(data, declared, final)
        if text is None:
            try:
                text = data.decode(declared, errors="replace")
            except LookupError:  # pragma: no cover - _codec_name only returns known codecs
                text = data.decode("utf-8", errors="replace")
                declared = "utf-8"
            warnings.append(UNDECODABLE_WARNING)
        return Decoded(text, declared, tuple(warnings), truncated)

    text = _decode_strict(data, "utf-8", final)
    if text is not None:
        return Decoded(text, "utf-8", tuple(warnings), truncated)

    western = _plausible_cp1252(data)
    if western is not None:
        warnings.append("encoding guessed: windows-1252")
        return Decoded(western, "windows-1252", tuple(warnings), truncated)

    guess = _guess(data)
    if guess is not None:
        text, encoding = guess
        warnings.append(f"encoding guessed: {encoding}")
        return Decoded(text, encoding, tuple(warnings), truncated)

    warnings.append(UNDECODABLE_WARNING)
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", tuple(warnings), truncated)
