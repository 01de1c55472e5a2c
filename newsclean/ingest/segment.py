"""Segmentation: text -> :class:`~newsclean.document.Document`.

Each non-blank line becomes a block, except that hard-wrapped lines (a fixed-width text where one
paragraph spans several lines) are joined back into one paragraph. A line is taken as the
continuation of the previous one when the previous line is long, does not end a sentence, and the
next starts in lower case; in a document whose long lines cluster at one width (hard-wrapped at
that column) a line that stops near the wrap width also continues into the next. A relative time
alone on a line (``vor 2 Std.``, ``hace 35 min``) continues nothing but a full-width line: it
stamps the headline above it. A word broken at the wrap by a hyphen is joined back without it; a
compound keeps its hyphen (:class:`~newsclean.ingest.repair.HyphenJoiner`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from newsclean.dates import RELATIVE_TIME
from newsclean.document import Block, Document
from newsclean.ingest.repair import HyphenJoiner, LineRepairer

_LINE = regex.compile(r"[^\n\r]*(?:\r\n|\n|\r|$)")
_SENTENCE_END = regex.compile(r"[.!?…:;\"'”’»“«)\]]\s*$")
_STARTS_LOWER = regex.compile(r"^\s*[\p{Ll}]")
_NAME = r"\p{Lu}[\p{L}.'’-]*"
_PARTICLES = r"(?:(?:de|van|von|der|den|da|di|del|della|le|la|du|dos|das|ten|ter|zu)\s+){0,2}"
_BYLINE_LINE = regex.compile(
    r"^\s*(?:by|di|da|par|por|von|door|av|af|przez)\s+" + _PARTICLES + _NAME
    + r"(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|i|&)\s+|\s+)" + _PARTICLES + _NAME + r"){0,6}\s*$"
)
"""A byline whose first word is in lower case (``di Giulia Bianchi e Marco Imarisio``, ``par Jean
Dupont et Marie Martin``, ``door Jan de Vries``): its own line, never the end of the paragraph
above (a wrapped sentence ends in a full stop)."""
MIN_HYPHEN_LINE = 20
"""A line of at least this length ending in a letter and a hyphen continues into the next (a word
broken at the wrap, or a compound: see :class:`~newsclean.ingest.repair.HyphenJoiner`), when the
next starts as :data:`_LOWER_NEXT` says."""
_HYPHEN_END = regex.compile(r"\p{L}-$")
_WORD_NEXT = regex.compile(r"^[\p{L}\p{N}]")
_LOWER_NEXT = regex.compile(r"^[\p{Ll}\p{N}]")
"""After a hyphen, a line in lower case (or a digit: ``COVID-`` / ``19``) continues the word; one
in upper case only in a hard-wrapped text (``pro-`` / ``European``): elsewhere it may be a new
paragraph after a line that happens to end in a hyphen."""
MIN_WRAP_LINE = 40
"""Lines shorter than this are never treated as wrapped."""


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    raw: str
    text: str


def _lines(text: str) -> list[_Line | None]:
    """Lines with offsets; ``None`` stands for a blank line."""
    out: list[_Line | None] = []
    pos = 0
    repair_line = LineRepairer(text)
    pieces = text.split("\n")
    if not text or text.endswith("\n"):
        pieces.pop()  # no line after the last newline
    for piece in pieces:
        start, pos = pos, pos + len(piece) + 1
        raw = piece[:-1] if piece.endswith("\r") else piece
        fixed = repair_line(raw)
        out.append(_Line(start, start + len(raw), raw, fixed) if fixed else None)
    return out


def _wrap_width(lines: list[_Line | None]) -> int | None:
    """The column a hard-wrapped text breaks at, or ``None`` if the text is not hard-wrapped."""
    lengths = [len(ln.text) for ln in lines if ln is not None and len(ln.text) >= MIN_WRAP_LINE]
    if len(lengths) < 5:
        return None
    if max(lengths) > 200:
        return None
    counts = Counter(min(x // 4, 60) for x in lengths)
    bucket = counts.most_common(1)[0][0]
    near = sum(c for b, c in counts.items() if abs(b - bucket) <= 1)
    if near / len(lengths) < 0.6:
        return None
    return bucket * 4 + 3


def _continues(prev: _Line, nxt: _Line, width: int | None) -> bool:
    if len(prev.text) >= MIN_HYPHEN_LINE and _HYPHEN_END.search(prev.text) and (
            _LOWER_NEXT.match(nxt.text) or (width is not None and _WORD_NEXT.match(nxt.text))):
        return True  # "... the inter-" / "national ...": a word broken at the wrap
    if len(prev.text) < MIN_WRAP_LINE or _BYLINE_LINE.match(nxt.text):
        return False
    if width is not None and len(prev.text) >= width - 12:
        return True  # a full-width line of a hard-wrapped text: the paragraph goes on
    if RELATIVE_TIME.match(nxt.text):
        return False  # a time on a line of its own ("vor 2 Std.", under a headline)
    if _SENTENCE_END.search(prev.text) and not (width and _STARTS_LOWER.match(nxt.text)):
        return False
    if _STARTS_LOWER.match(nxt.text):
        return True
    return width is not None and len(prev.text) >= width - 12 and not _SENTENCE_END.search(prev.text)


def segment(text: str, *, mode: str = "text", url: str | None = None,
            join_wrapped: bool = True) -> Document:
    """Split ``text`` into blocks (see the module docstring)."""
    lines = _lines(text)
    width = _wrap_width(lines) if join_wrapped else None
    groups: list[list[_Line]] = []
    blank_before: list[bool] = []
    blank = True
    for ln in lines:
        if ln is None:
            blank = True
            continue
        if groups and not blank and join_wrapped and _continues(groups[-1][-1], ln, width):
            groups[-1].append(ln)
        else:
            groups.append([ln])
            blank_before.append(blank)
        blank = False
    blocks: list[Block] = []
    hyphens = HyphenJoiner(text)
    for i, group in enumerate(groups):
        first, last = group[0], group[-1]
        joined = group[0].text
        for g in group[1:]:
            joined = hyphens.join(joined, g.text)
        raw = text[first.start:last.end]
        blocks.append(Block(i, joined, first.start, last.end, raw, blank_before[i], False,
                            len(group)))
    for i in range(len(blocks) - 1):
        blocks[i].blank_after = blocks[i + 1].blank_before
    if blocks:
        blocks[-1].blank_after = True
    return Document(text, blocks, url=url, mode=mode)
