"""Text repair: mojibake through ftfy (only when a cheap pre-check suspects it), whitespace.

ftfy runs at about 2 MB/s, far slower than the rest of the pipeline, so a pre-check decides whether
a line can hold mojibake at all: UTF-8 read as Latin-1/cp1252 always leaves a lead-byte letter
(``Ã``, ``Â``, ``â``, ``Ð`` ...) followed by a continuation-range character. Lines without such a
pair go straight through. Curly quotes, ligatures and character widths are left as they are: the
output must stay the input's text. So do the invisible characters inside a line: a zero-width
non-joiner is part of a Persian or Hindi word, a zero-width joiner of an emoji, a soft hyphen of a
German compound, and a gold text that keeps them splits its words where they are. Only at a line's
edges, where they separate nothing, are they dropped (a line of nothing else is blank).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

# _MOJIBAKE_HINT, _INVISIBLE and _CONTROL are plain code-point classes, the same in ``re`` and
# ``regex``; ``re`` scans them about twice as fast, and every input is scanned whole by each.

# A cp1252/latin-1 lead byte of a multi-byte UTF-8 sequence, followed by what a continuation byte
# (0x80-0xBF) looks like in cp1252 or latin-1.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|\ufffd"
)
# Every whitespace character, not only spaces and NBSP: a run of CR, NEL (U+0085) or LINE SEPARATOR
# (U+2028) left in a line would make the rules' ``\s*``/``\s+`` patterns backtrack quadratically (a
# 64 KB line took minutes); with runs collapsed here every block has single spaces only. Vertical tab,
# form feed and the separators U+001C-U+001F are spaces too (Python's ``str.split`` splits on them):
# deleting them would glue two words into one that is not in the input. One character class (Unicode
# White_Space without the newline, plus U+001C-U+001F), not an alternation: a repeated group keeps a
# backtracking entry per character and ran out of memory on a run of 5 million spaces.
_SPACES = regex.compile(
    r"[\t\x0b\x0c\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
)
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen."""
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_EDGES = " " + _INVISIBLE_CHARS
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
# Every character the three patterns above can start a match with, in one class: a text without
# any (most pages) needs none of the three scans. A single class is scanned faster than the
# alternation of _MOJIBAKE_HINT.
_ANY_SUSPECT = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\u00c2-\u00f4\ufffd\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def may_have_mojibake(text: str) -> bool:
    """The pre-check: True when ``text`` holds a pattern that mojibake always leaves."""
    return _MOJIBAKE_HINT.search(text) is not None


@lru_cache(maxsize=1)
def _ftfy_config() -> object:
    import ftfy  # lazy: importing ftfy costs ~50 ms

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )


def fix_mojibake(text: str) -> str:
    """Run ftfy's encoding fixes on ``text`` when the pre-check suspects mojibake."""
    if not may_have_mojibake(text):
        return text
    import ftfy

    return str(ftfy.fix_text(text, config=_ftfy_config()))  # type: ignore[arg-type]


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (spaces, NBSP, tabs, CR, U+2028 ...) to one space, drop control
    characters, and invisible characters at the edges (the ones inside stay: see the module)."""
    text = _CONTROL.sub("", text)
    return _strip_edges(str(_SPACES.sub(" ", text)))


def _strip_edges(line: str) -> str:
    """``line`` (its spaces collapsed) without spaces and invisible characters at either end."""
    return line.strip(_EDGES)


def repair_line(text: str) -> str:
    """Everything a single line gets: mojibake fix, then whitespace normalisation."""
    return normalize_space(fix_mojibake(text))


_SPLIT_JOIN_MAX = 100_000
"""Up to this length a line's spaces are collapsed with ``str.split``/``join`` (several times faster
than the regex; Python splits on exactly the characters of ``_SPACES``). A longer line takes the
regex, which does not build a list of every word."""


class LineRepairer:
    """:func:`repair_line` for the lines of one text, skipping the steps the whole text cannot need.

    One search over the whole text tells whether any line can hold mojibake, invisible or control
    characters; for a typical page none can, and a line costs one ``split``/``join``. The result is
    the same as :func:`repair_line` on every line.
    """

    __slots__ = ("_control", "_invisible", "_mojibake")

    def __init__(self, text: str) -> None:
        suspect = _ANY_SUSPECT.search(text) is not None
        ascii_only = text.isascii()  # mojibake and invisible characters are all non-ASCII
        self._mojibake = suspect and not ascii_only and may_have_mojibake(text)
        self._invisible = suspect and not ascii_only and _INVISIBLE.search(text) is not None
        self._control = suspect and _CONTROL.search(text) is not None

    def __call__(self, line: str) -> str:
        if self._mojibake:  # a fix may bring in characters the text did not have: the full path
            return repair_line(line)
        if self._control:
            line = _CONTROL.sub("", line)
        if len(line) > _SPLIT_JOIN_MAX:
            return _strip_edges(str(_SPACES.sub(" ", line)))
        line = " ".join(line.split())
        return _strip_edges(line) if self._invisible else line


_BROKEN = regex.compile(r"(?<=\p{L})-$")
"""A line that ends in a hyphen right after a letter: a word broken at the wrap, or a compound."""
_WORD_START = regex.compile(r"^(\p{L}[\p{L}'’]*)")
_LAST_WORD = regex.compile(r"(?r)([\p{L}\p{N}][\p{L}\p{N}'’-]*)-$")
"""Searched from the end (``(?r)``): the same match as a forward search, without scanning to the
line's end from every word start of a long run of hyphenated words."""
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]")
_VOWELS = frozenset("aeiouyàâäéèêëíîïóôöúùûü")
COMPOUND_HEADS = frozenset({
    "well", "self", "non", "ex", "all", "half", "cross", "so", "ill", "far", "long", "short", "high",
    "low", "full", "part", "best", "first", "last", "old", "year", "day", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty",
})
"""Words that head an English compound written with a hyphen (``well-known``, ``self-driving``,
``non-profit``, ``five-year``): a hyphen after one of them at a line end is the compound's own."""


class HyphenJoiner:
    """Joins a hard-wrapped line that ends in a hyphen to the next line.

    A word broken at the wrap (``govern-`` / ``ment``) is joined without the hyphen and without a
    space; a compound hyphenated anyway keeps its hyphen (``de-`` / ``escalation``, ``well-`` /
    ``known``). Which one it is, the text itself tells first: the same word elsewhere in it, with
    the hyphen or without. Else the hyphen is kept when the next part starts with a capital or a
    digit (``pro-`` / ``European``, ``COVID-`` / ``19``), the first part is a compound already
    (``five-year-`` / ``old``) or one of :data:`COMPOUND_HEADS`, or a vowel meets the same vowel
    (``de-`` / ``escalation``, ``co-`` / ``operate``), which English spells with a hyphen.
    """

    __slots__ = ("_text", "_tokens")

    def __init__(self, text: str) -> None:
        self._text = text
        self._tokens: frozenset[str] | None = None

    def _known(self, token: str) -> bool:
        if self._tokens is None:  # built on the first hyphen at a line end only
            self._tokens = frozenset(t.casefold() for t in _TOKEN.findall(self._text))
        return token.casefold() in self._tokens

    def join(self, prev: str, nxt: str) -> str:
        """``prev`` and ``nxt`` as one line."""
        if not _BROKEN.search(prev):
            return f"{prev} {nxt}"
        left_m, right_m = _LAST_WORD.search(prev), _WORD_START.match(nxt)
        if left_m is None or right_m is None:
            return f"{prev}{nxt}"  # "COVID-" / "19": a digit after the hyphen keeps it
        if self._keeps_hyphen(left_m.group(1), right_m.group(1)):
            return f"{prev}{nxt}"
        return f"{prev[:-1]}{nxt}"

    def _keeps_hyphen(self, left: str, right: str) -> bool:
        if self._known(f"{left}-{right}"):
            return True
        if self._known(f"{left}{right}"):
            return False
        if right[:1].isupper() or "-" in left:
            return True
        head = left.casefold()
        if head in COMPOUND_HEADS:
            return True
        return head[-1:] in _VOWELS and head[-1:] == right[:1].casefold()
