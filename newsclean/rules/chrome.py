"""Site chrome: menus, share/follow/newsletter prompts, comment counters and forms, cookie and
consent text, "Advertisement", copyright and footer lines, "Read more"/"Related" labels.

Phrases come from per-language data files (``newsclean/data/chrome/``, see :mod:`newsclean.phrases`);
three shapes are recognised without any word list: breadcrumbs (``Home > World > Europe``), pipe
menus (``News | Sport | Weather | Contact``), and a blog's category or archive widget (three or more
lines ``WordPress (53)``, ``November 2019 (12)``: a label and a post count).

Confidence follows the evidence: a whole-line match is strong; a prefix or substring match in a
short line is a little weaker; "weak" categories (a bare agency credit, a timestamp) are weak enough
that the article core protects them.

Must not catch: body sentences that mention these words ("The newsletter now reaches 2 million
readers."; "He shared the post on Facebook"), which the phrase matcher refuses for sentence-shaped
lines; short quotes; the rows of a data table (``| HD | Home Depot | 225.86 |``, as the extractor
writes ``<table>`` rows, or ``Home Size | Crew Size | Estimated Cost`` over ``Studio | 2 | $400``; see
:func:`~newsclean.rules.shapes.table_rows`): the menu shapes are not applied to them; lines of code
and quoted titles (``WHERE created_at > '2024-01-01'``, ``E -->|Yes| F[Add index]``): the menu
shapes refuse code punctuation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean import phrases
from newsclean.confidence import FIRM, PHRASE, STRONG, TENTATIVE
from newsclean.consent import consent_notices
from newsclean.document import Block, Document
from newsclean.kinds import Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import caption_credit, table_rows

_BREADCRUMB = regex.compile(r"^[^>›»]{1,30}(?:\s[>›»]\s[^>›»]{1,40}){1,6}$")
_PIPE_MENU = regex.compile(r"^[^|]{1,30}(?:\s?\|\s?[^|]{1,30}){2,}$")
_CODE_MARK = regex.compile(r"[;={}()\[\]]|'[^']*'|\"[^\"]*\"")
"""Punctuation of code and of quoted text (``WHERE created_at > '2024-01-01'``, ``.box > * {``,
``E -->|Yes| F[Add index]``, ``'Taylor Swift | The Eras Tour'``): a trail of links or a menu holds
none. On the dev corpora's trafilatura output, 47 of the 59 such lines that had a menu's shape were
gold (code in tutorials, a quoted title); without these marks, 9 of 53."""
_COUNTED = regex.compile(
    r"^\s*(?:[►▸▶»›•·*+-]\s*)?(?P<label>[^★☆()]{1,60}?)\s*\((?!(?:18|19|20)\d\d\))\d{1,5}\)\s*$")
"""A line of a blog's category or archive widget: a label and its number of posts (``WordPress
(53)``, ``November 2019 (12)``, ``► PC (65)``). A rating's count (``★★★★☆(29)``) is no post count,
and a year is no count (``Roma (2018)`` in a list of films)."""


def counted_runs(doc: Document, min_run: int = 3, max_words: int = 6) -> set[int]:
    """Blocks of runs of ``min_run`` or more lines of :data:`_COUNTED` with labels of at most
    ``max_words`` words: a widget listing the site's categories or months with their post counts.
    One such line is a heading with a count (``Comments (12)``, which the phrase lists know)."""
    if "(" not in doc.source:
        return set()
    found: set[int] = set()
    run: list[int] = []
    for block in doc.blocks:
        text = block.text
        m = _COUNTED.match(text) if block.n_chars <= 80 and text.rstrip().endswith(")") else None
        if m is not None and len(m.group("label").split()) <= max_words:
            run.append(block.index)
            continue
        if len(run) >= min_run:
            found.update(run)
        run = []
    if len(run) >= min_run:
        found.update(run)
    return found


@dataclass(frozen=True)
class SiteChromeOptions(RuleOptions):
    max_words: int = phrases.DEFAULT_MAX_WORDS
    """Prefix and substring phrase matches only apply to lines of at most this many words."""
    shapes: bool = True
    """Also recognise breadcrumbs, pipe menus and category or archive widgets by shape."""
    consent_notices: bool = True
    """Also drop a cookie banner's text: a paragraph naming cookies beside the banner's buttons
    (:mod:`newsclean.consent`; the article core leaves it out either way)."""
    captions: bool = True
    """Also drop a photo's caption that ends on its credit (``... Ilha Grande — Foto: Rodrigo
    Albuquerque``; :func:`~newsclean.rules.shapes.caption_credit`)..."""
    caption_words: int = 120
    """...of at most this many words (aeb-dev's page texts hold captions of 100): an extractor's
    output can glue a whole story into one block that ends on its picture's credit (two jusText
    outputs of aeb-dev, of 290 and 651 words)."""


class SiteChrome(Rule):
    """Drop lines that are site chrome by phrase (per language) or by menu shape."""

    name = "site_chrome"
    Options = SiteChromeOptions
    options: SiteChromeOptions
    provides = frozenset({Fact.CHROME_LINE})

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        table = table_rows(doc)
        counted = counted_runs(doc) if self.options.shapes else set()
        hits = [phrases.match_block(doc, block, max_words=self.options.max_words)
                if block.n_words <= phrases.DEFAULT_MAX_REGEX_WORDS else None  # no entry matches
                for block in doc.blocks]                                        # a longer line
        notices = consent_notices(doc) if self.options.consent_notices else frozenset()
        for block, hit in zip(doc.blocks, hits, strict=True):
            if hit is not None and block.index in table and hit.category == "navigation":
                continue  # a menu shape, but a row of a data table
            if hit is not None:
                yield self.drop(block, Kind.SITE_CHROME, hit.reason(block.text),
                                self._confidence(hit), establishes=Fact.CHROME_LINE)
                continue
            if block.index in notices:
                yield self.drop(block, Kind.SITE_CHROME,
                                "cookie/consent notice: it names cookies beside the banner's buttons",
                                PHRASE, establishes=Fact.CHROME_LINE)
                continue
            credit = (caption_credit(block.text) if self.options.captions
                      and 4 <= block.n_words <= self.options.caption_words else None)
            if credit is not None:
                yield self.drop(block, Kind.SITE_CHROME,
                                f"photo caption: it ends on the photo's credit ({credit[:40]!r})",
                                PHRASE, establishes=Fact.CHROME_LINE)
                continue
            if block.index in counted:
                yield self.drop(block, Kind.SITE_CHROME,
                                "category or archive list with post counts", 0.8,
                                establishes=Fact.CHROME_LINE)
                continue
            if self.options.shapes and block.index not in table:
                shape = self._shape(block)
                if shape:
                    yield self.drop(block, Kind.SITE_CHROME, shape, FIRM,
                                    establishes=Fact.CHROME_LINE)

    @staticmethod
    def _confidence(hit: phrases.PhraseHit) -> float:
        if hit.weak:
            return TENTATIVE
        return PHRASE if hit.mode in ("line", "regex") else STRONG

    @staticmethod
    def _shape(block: Block) -> str | None:
        text = block.text
        if block.n_words > 16 or (block.ends_sentence and text.rstrip()[-1:] in ".!?"):
            return None
        # each shape needs its separator: skip the regexes when the line has none
        crumb = "›" in text or ">" in text or "»" in text
        pipe = "|" in text
        if not (crumb or pipe) or _CODE_MARK.search(text):
            return None
        if crumb and _BREADCRUMB.match(text):
            return "breadcrumb navigation"
        if pipe and _PIPE_MENU.match(text):
            parts = [p.strip() for p in text.split("|")]
            if all(1 <= len(p.split()) <= 4 for p in parts) and not any(
                    ch.isdigit() for ch in text):
                return "menu of pipe-separated links"
        return None
