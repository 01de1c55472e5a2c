"""News tickers: several headlines run together on one line, and the label that announces them.

A ticker line splits, on runs of three or more spaces (or NBSPs, tabs) or on spaced separators
(``|``, ``•``, ``·``, ``—``, ``/``, ``++`` or ``+++``; the full-width ``｜`` of Chinese and Japanese
with or without spaces), into three or more pieces that each look like a headline (a few words as a
reader counts them, a capital or a letter of a script without case first, no full stop); a ticker
label opening the line (``+++ Eilmeldung +++ ...``) is not a piece, nor are the pluses a strip
opens and closes with. A first piece of one to three words before four or more whole headlines is
a label of its own, known or not (``URGENTE | ...``, ``Ahora mismo — ...``). A short label line next to it
("Latest News", "BREAKING", "Eilmeldung", from ``data/ticker_labels.txt``) goes with it.

Headlines that name their topic before a colon (``++ Verkehr: Stau auf der A8 ++``) are a ticker,
though each piece has the shape of a specification.

Must not catch: prose with two spaces after a full stop; a table row of one-word cells, or any row
of a data table (:func:`~newsclean.rules.shapes.table_rows`); a sentence with a single ``|``; a row
of specifications (``CPU: Intel Core Ultra | RAM: 32GB | ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from newsclean.confidence import CERTAIN
from newsclean.document import SPACELESS, UNSPACED, Block, Document, word_units
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import (
    CASELESS_START,
    HEADLINE_START,
    is_byline_text,
    is_stamp_text,
    table_rows,
)

# ``(?<!\s)``: the separator's leading whitespace is matched only from the start of a whitespace run
# (where the leftmost match starts anyway). Without it a long run of CR or U+2028 in the unrepaired
# ``raw`` text was rescanned from every position inside it: quadratic, minutes for a 32 KB line.
_SPLIT = regex.compile(
    r"(?:[ \t\u00a0\u2000-\u200a\u202f\u3000]{3,}"
    r"|(?<!\s)\s+(?:\||•|·|—|/|\+\++|:::|///|►|▶|■|◆|\*\*\*)\s+"
    r"|(?<!\s)\s*｜\s*)"  # the full-width bar, spaced or not: Chinese and Japanese write no spaces
)
# What every match of _SPLIT holds (three spaces in a row, or a separator mark), found with ``re``:
# a line without any is one piece, and the costly split is skipped.
_MAY_SPLIT = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{3}|[|•·—/►▶■◆｜]|\+\+|:::|\*\*\*")
_END_MARKS = " +"
"""The marks a strip may also open and close with (``+++ a +++ b +++``): not part of a piece. (A
leading ``|`` opens a table's row: ``| Variety | Colour | First bloom |`` stays a row.)"""
_KEY_VALUE = regex.compile(r"^\p{L}[\p{L}\p{N}&/'’-]*(?: [\p{L}\p{N}&/'’-]+)?:\s")
"""A piece that is a key of one or two words and its value (``RAM: 32GB``, ``Year Founded: 2022``):
when every piece but the first is one, the row lists specifications, not headlines, unless the
values are whole headlines or the strip is set with pluses (:meth:`Ticker._topics`)."""
_WEAK = frozenset({"/", "—"})
"""Separators that also stand inside names and sentences: a strip of only these is held to more."""
_LABEL_CLEAN = regex.compile(r"(?:^|\s)\S{1,2}(?=\s|$)|[^\p{L}\p{N}' -]")


@lru_cache(maxsize=1)
def ticker_labels() -> frozenset[str]:
    """Ticker labels, all languages (package data ``data/ticker_labels.txt``)."""
    text = resources.files("newsclean").joinpath("data/ticker_labels.txt").read_text("utf-8")
    return frozenset(
        ln.strip().casefold() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def is_ticker_label(text: str) -> bool:
    """``Latest News``, ``X :Latest News``, ``BREAKING:``, ``+++ Eilmeldung +++``."""
    if len(text.split()) > 5:
        return False
    cleaned = " ".join(_LABEL_CLEAN.sub(" ", text.casefold()).split())
    return cleaned in ticker_labels()


@dataclass(frozen=True)
class TickerOptions(RuleOptions):
    min_pieces: int = 3
    """A ticker line splits into at least this many headline-shaped pieces."""
    min_headline_share: float = 0.7
    """...and at least this share of its pieces look like headlines."""


class Ticker(Rule):
    """Drop ticker lines (headlines run together on one line) and their labels."""

    name = "ticker"
    Options = TickerOptions
    options: TickerOptions

    def is_ticker(self, block: Block) -> bool:
        if self.options.min_pieces > 1 and _MAY_SPLIT.search(block.raw) is None:
            return False  # no separator: one piece at most
        pieces = [q for p in _SPLIT.split(block.raw) if (q := p.strip().strip(_END_MARKS).strip())]
        if pieces and is_ticker_label(pieces[0]):
            pieces = pieces[1:]  # "+++ Eilmeldung +++ a +++ b +++ c": the label opens the strip
        if len(pieces) < self.options.min_pieces:
            return False
        if is_byline_text(pieces[0]) or sum(map(is_stamp_text, pieces)) * 2 >= len(pieces):
            return False  # a header row: "By Sarah Lee • Published July 15, 2024 • Updated ..."
        if all(_KEY_VALUE.match(p) for p in pieces[1:]) and not self._topics(block, pieces[1:]):
            return False  # a row of specifications: "CPU: Intel Core Ultra | RAM: 32GB | ..."
        if (len(pieces) > self.options.min_pieces and _words(pieces[0]) <= 3
                and not pieces[0].endswith((".", "。")) and self._strict(pieces[1:], 4)):
            # a label of its own, known or not ("URGENTE | a | b | c", "Ahora mismo — a — b"),
            # before whole headlines: a menu's items ("Products | Cloud storage | ...") are shorter
            return "\n" not in block.raw.strip()
        flags = [self._headline_piece(p) for p in pieces]
        if not (flags[0] and flags[-1]):
            return False  # a sentence with a few pipes or spaced runs inside, not a ticker
        heads = sum(flags)
        words = sum(map(_words, pieces)) / len(pieces)
        if not (heads / len(pieces) >= self.options.min_headline_share and words >= 3):
            return False
        if {m.strip() for m in _SPLIT.findall(block.raw)} <= _WEAK:
            # "/" and "—" also join alternatives in a name ("Men's / Women's", "NSX-T / Cisco
            # ACI") and clauses in a sentence: every piece must be a whole headline
            # and a strip is one line, not hard-wrapped lines joined (the rows of a table)
            return "\n" not in block.raw.strip() and self._strict(pieces)
        return True

    @staticmethod
    def _topics(block: Block, pieces: list[str]) -> bool:
        """Headlines that name their topic before a colon (``++ Verkehr: Stau auf der A8 bei
        Stuttgart ++``, ``| AFL: Blues hold off Magpies by four points |``), not specifications:
        the strip is set with pluses, or the values after the keys are whole headlines, five
        words or more on average (a specification's value is a figure or a name: ``RAM: 32GB``)."""
        if "++" in block.raw:
            return True
        values = [len(_KEY_VALUE.sub("", p, count=1).split()) for p in pieces]
        return sum(values) >= 5 * len(values)

    def _strict(self, pieces: list[str], words: int = 3) -> bool:
        """Every piece a whole headline of ``words`` words or more, brackets closed in it."""
        return all(len(p.split()) >= words and self._headline_piece(p) and _balanced(p) for p in pieces)

    @staticmethod
    def _headline_piece(piece: str) -> bool:
        """A few words (as a reader counts them: ``県立高校 218校が臨時休校`` is about six), a
        capital, a figure or a letter of a script without case first, no full stop at the end."""
        n = _words(piece)
        return (2 <= n <= 25 and bool(HEADLINE_START.match(piece) or CASELESS_START.match(piece))
                and not piece.endswith((".", "。")))

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        tickers = {b.index for b in doc.blocks if b.n_words >= 6 and self.is_ticker(b)}
        tickers -= table_rows(doc)  # a row of a data table, among rows of its shape
        for i in sorted(tickers):
            yield self.drop(doc.blocks[i], Kind.TICKER,
                            "several headlines run together on one line", CERTAIN)
        for b in doc.blocks:
            if b.index in tickers or not (b.index + 1 in tickers or b.index - 1 in tickers):
                continue
            if is_ticker_label(b.text):
                yield self.drop(b, Kind.TICKER, "label of a news ticker", CERTAIN)


def _words(piece: str) -> float:
    """The piece's words: as a reader counts them in scripts written without spaces between words
    (``県立高校 218校が臨時休校`` is about six; Thai, Burmese: :func:`~newsclean.document.word_units`),
    else what the spaces part."""
    if SPACELESS.search(piece) or UNSPACED.search(piece):
        return word_units(piece)
    return float(len(piece.split()))


def _balanced(piece: str) -> bool:
    """No bracket opened and left open, or closed without opening: a piece cut out of
    ``(Arrowhead Plant / Butterfly plant)`` is no headline."""
    return piece.count("(") == piece.count(")") and piece.count("[") == piece.count("]")
