"""Lists of headlines of other stories: runs of short, title-shaped lines, often separated by
``-`` or bullet lines, glued above or below the article.

A run is dropped (kind ``headline_list``) when its lines share few content words with the article
core. Relatedness, not position alone, decides: inside the story a list must be almost unrelated
before it goes, so a bulleted list of the story's own points, or a run of short quotes, survives.
Outside the story a run sharing under a quarter of its words goes for sure, else only weakly (the
line scorer may keep its lines); a run of plain lines that ends the page, no prose after it and
not mostly questions, goes for sure under half: the story's own subheads have text under them.
On the junk benchmark's bare headlines after a gold body, 96.2% -> 97.5% of the lines removed,
at a cost of 0.06% of the gold paragraphs cleaned alone (listing, service and product pages'
closing lists, a catalogue's last entries); no change on the dev pages' own texts.
A run the article goes on past (more prose beyond it than in the core: a meal plan or a deals list
whose densest paragraph is its intro) is judged as inside it.
A run at the core's edge that the core reaches only through the run's own question headlines
(``... Is It a Good Fit for You?`` reads as a sentence) is judged against the core without it; so
is a run above the story's title (the ``title`` fact) that the core took in: the story starts at
its title. A headline with its day or time (``- Fog delays flights (12.01.2025, 08:10)``,
``14:05 – Fog delays flights``, ``vor 35 Min. – ...``, ``... – hace 2 horas``) is a headline, however
many digits or marks the stamp adds; a run of such lines inside the story is weighed against the
story without its own words. Stamped with how long ago it was posted (``(12 minutes ago)``, ``|
2 days ago``), a run is a feed of other stories wherever it stands: inside the story with three
headlines, weighed with ``related_box``, whatever sentence stands above it; a stamped run is no
list of specifications (``- Rugby: coach names squad (11:45)`` has the shape of ``Key: value``).
The article's own list right under its lead-in sentence ending in ``:``, the story going on under
it, stays whatever its words (``These are the tips I would pass on:`` / ``Ride Tram 28 Before
9am`` / ...; a lead-in short enough for the run to take it in needs seven words: a shorter line
ending in ``:`` is a box's label). A run from outside ends before the story's first or last paragraph
(a line of the core reading as prose) instead of taking it along.
A box whose every headline has its short line (a kicker ``SPORT``, a rank ``1`` on a line of its
own, a time ``il y a 2 h``, a chrome line) is one run, inside the story too with three headlines
(a plain run there needs four) when they are plain headlines (four words or more, not in
capitals, no final ``,`` ``;`` ``!``: not a comment thread's names and dates; its label, the
line over its first short line, is no headline of it); put between two of the story's paragraphs,
such a box is weighed against the story without its own words (``related_box``: two of its
headlines sharing a word with the story by chance kept it), and so is a ranking box put there
(``1 Liège : ...`` / ``2 Pensions : ...``: numbered without a dot, counting up from 1). A box of one list
shape among plain lines or other items (``Top 5`` / ``1. ...`` / ``2. ...`` under the story's
subhead; ``Other news`` / ``> ...`` / ``> ...`` between two of the story's ``– ...`` points: bullet
glyphs ``▪ ► > »`` count as bullets) is judged on its own; the label left above a list removed
without it goes too. A numbered run sharing under ``sure_outside`` of the
story's words goes like any other; sharing more, it is only tentative (the story's own points).

Must not catch: a short heading over several of the page's own lines (``Water`` over a packing list:
a section, not a kicker); a catalogue whose items repeat the product's name under their codes and
prices; list items and table cells between headlines (never taken for kickers); the phases or
steps of the story under their short lines (``Phase 1`` / a point naming the project); the boxes of
a listing page, between its other headlines and bylines rather than two paragraphs; the story's subhead
above a box put under it; a list inside the story about its subject; short quotes (they end in
punctuation); a single subhead; the article's own list under a lead-in sentence ending in ``:``;
specifications and enumerations (``Processor: ...``, ``MacBook Air, 13-inch, M5 Chip, ...``); a
price in brackets (``- Corsages ($25-40 each)``: no stamp); lines
that continue something (a hard-wrapped sentence starting in lower case, ``-- code comments``, table
rows of ``|`` cells); a page that is one long list of one shape (a listing page: the list is the
page).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass
from itertools import accumulate, pairwise

import regex

from newsclean.confidence import FIRM, SURE, TENTATIVE, WEAK
from newsclean.dates import RELATIVE_TIME
from newsclean.document import Block, Document, content_union
from newsclean.kinds import Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import (
    BULLET_ITEM,
    CLOCK,
    GLOSS_ITEM,
    NUMBERED_ITEM,
    SPEC_ITEM,
    has_day,
    is_continuation,
    is_date_line,
    is_heading_like,
    is_link,
    is_separator,
    overlap,
)

_SPACELESS_STOPS = ("。", "！", "？", "．")
"""Sentence ends of Chinese and Japanese: a line ending in one is a sentence, not a headline."""
_BARE_NUMBER = regex.compile(r"^\s*(\d{1,2})\s+(?=\S)")
_DIGIT = regex.compile(r"\d")


def _filler(block: Block) -> bool:
    """Lines a run carries without counting them as headlines: separators, bare links (a list of
    items each followed by its shop or source link is still a list of those items) and lines
    ending in ``:`` (a lead-in: ``Please log in to post your comment:`` in a comment form; no
    headline ends so)."""
    return (is_separator(block) or is_link(block)
            or (block.n_words <= 25 and block.text.rstrip().endswith(":")))


def _short_line(block: Block, chrome: Container[int]) -> bool:
    """A line a run carries between its headlines without counting it, besides :func:`_filler`
    (asked of the lines that are none):
    a line of one or two words, a date stamp, a relative time or a line read as chrome
    (``chrome``: the ``CHROME_LINE`` fact): a kicker above each headline (``SPORT``,
    ``Politik``), a rank printed on a line of its own (``1`` / headline / ``2`` / headline), the
    time of each item (``14:32``, ``il y a 2 h``). A list item (``- Slim fit``, ``2. Salt``) or a
    table cell (``| ► AI | |``) is none: those are the items of the page's own lists and tables."""
    text = block.text
    if "|" in text or BULLET_ITEM.match(text) or NUMBERED_ITEM.match(text):
        return False
    return (block.n_units <= 2 or block.index in chrome or RELATIVE_TIME.match(text) is not None
            or (_DIGIT.search(text) is not None and is_date_line(block)))  # no stamp without one


@dataclass(frozen=True)
class _Lines:
    """Which lines of a document are fillers (:func:`_filler`) and which are short lines
    (:func:`_short_line`), each read once: the run helpers ask again and again."""

    filler: frozenset[int]
    short: frozenset[int]

    @classmethod
    def of(cls, doc: Document, chrome: Container[int]) -> _Lines:
        filler = frozenset(b.index for b in doc.blocks if _filler(b))
        short = frozenset(b.index for b in doc.blocks
                          if b.index not in filler and _short_line(b, chrome))
        return cls(filler, short)

    def is_filler(self, block: Block) -> bool:
        return block.index in self.filler

    def is_short(self, block: Block) -> bool:
        return block.index in self.short

    def between(self, block: Block) -> bool:
        """Carried by a run, not one of its headlines: a filler or a short line."""
        return block.index in self.filler or block.index in self.short


def _kicker_runs(run: list[Block], lines: _Lines,
                 stops: frozenset[str] = frozenset()) -> list[list[Block]]:
    """``run`` whole when its short lines (:func:`_short_line`) stand between nearly every two of its
    headlines (a box whose every item has its kicker, rank or time: ``SPORT`` / headline /
    ``WEATHER`` / headline), else split at them: a short line that heads several lines is a
    section heading of the page (``Pricing``, ``Water`` over a packing list), and the sections
    are judged each on their own, as before; a stretch of single headlines each under its short
    line stays together (a kicker box right after the page's own list)."""
    if not any(lines.is_short(b) for b in run):
        return [run]
    if _kicker_box(run, lines) and _diverse(run, lines, stops):
        return [run]
    # split at the short lines; consecutive parts of one headline each, with the short lines
    # between and before them, are a box of their own (a page's own list, then a kicker box)
    parts: list[tuple[list[Block], list[Block]]] = [([], [])]  # (short lines before, part)
    for b in run:
        if lines.is_short(b):
            if parts[-1][1]:
                parts.append(([], []))
            parts[-1][0].append(b)
        else:
            parts[-1][1].append(b)
    out: list[list[Block]] = []
    box: list[Block] = []
    for shorts, part in parts:
        one = sum(1 for b in part if not lines.is_filler(b)) == 1
        if one and shorts:
            box += shorts + part
            continue
        if box:
            out.append(box)
            box = []
        if part:
            out.append(part)
    if box:
        out.append(box)
    return [part for run_part in out for part in (
        [run_part] if _diverse(run_part, lines, stops) else _split_at_short(run_part, lines))]


def _kicker_box(run: list[Block], lines: _Lines) -> bool:
    """A short line (:func:`_short_line`) stands between nearly every two of the run's headlines
    (all gaps but one, and two gaps at least): each headline has its kicker, rank or time."""
    gaps = marked = 0
    seen_head = gap_short = False
    for b in run:
        if lines.is_short(b):
            gap_short = True
        elif not lines.is_filler(b):
            if seen_head:
                gaps += 1
                marked += gap_short
            seen_head, gap_short = True, False
    return gaps >= 2 and marked >= gaps - 1


def _plain_headline(block: Block) -> bool:
    """Four words or more, not in capitals, ending in no mark a headline never ends in (``,``
    ``;`` ``!`` ``:``): a headline, not a line of code, a comment or a sign-off."""
    text = block.bare_end
    return (block.n_units >= 4 and not text.endswith((",", ";", "!", ":"))
            and not (text.upper() == text and any(c.isalpha() for c in text)))


def _between_paragraphs(doc: Document, run: list[Block], skip: Container[int]) -> bool:
    """The lines right before and after ``run`` (lines in ``skip`` passed over) are paragraphs of
    the story (prose score ``_STORY_PROSE``): a box put into the story, not one of a listing's boxes
    between its other headlines and bylines."""
    scores = doc.prose_scores
    before = next((i for i in range(run[0].index - 1, -1, -1) if i not in skip), None)
    after = next((i for i in range(run[-1].index + 1, len(scores)) if i not in skip), None)
    return (before is not None and after is not None
            and scores[before] >= _STORY_PROSE and scores[after] >= _STORY_PROSE)


def _items(run: list[Block], heads: list[Block], lines: _Lines) -> list[Block]:
    """A box's headlines without its label: the first, when a short line follows it (``Today's
    highlights`` / ``POLITICS`` / headline ...)."""
    first = run.index(heads[0])
    if len(heads) > 1 and first + 1 < len(run) and lines.is_short(run[first + 1]):
        return heads[1:]
    return heads


def _bare_numbers(blocks: list[Block]) -> list[int | None]:
    """Each line's number when it opens with one and no dot (``1 Headline``), else ``None``."""
    return [int(m.group(1)) if (m := _BARE_NUMBER.match(b.text)) else None for b in blocks]


def _list_boxes(run: list[Block], lines: _Lines, min_run: int) -> list[list[Block]]:
    """``run`` split around a stretch of ``min_run`` or more items of one list shape (numbered,
    with a dot or counting up without one, or of one bullet) among plain lines, the plain line
    right above the stretch going with it as its label: a box of other stories (``Top 5 de la
    semaine`` / ``1. ...`` / ``2. ...``) put right under the story's own subhead is judged on its
    own, not with the subhead, which shares the story's words. A run of one shape (or a label and
    one shape) stays whole."""
    heads = [(i, _item_class(b.text)) for i, b in enumerate(run) if not lines.between(b)]
    bare = _bare_numbers([run[i] for i, _ in heads])
    for k, (a, b) in enumerate(pairwise(bare)):
        if a is not None and b is not None and a < b <= a + 2:  # "1 Headline", "2 Headline"
            # (counting on over a line taken out of the run: the title picked among them)
            heads[k], heads[k + 1] = (heads[k][0], "#"), (heads[k + 1][0], "#")
    best: tuple[int, int] | None = None
    k = 0
    while k < len(heads):
        shape = heads[k][1]
        end = k
        while end + 1 < len(heads) and heads[end + 1][1] == shape:
            end += 1
        if shape != "plain" and end - k + 1 >= min_run and (best is None or end - k > best[1] - best[0]):
            best = (k, end)
        k = end + 1
    if best is None:
        return [run]
    first = heads[best[0] - 1][0] if best[0] > 0 else heads[best[0]][0]  # its label, if any
    last = heads[best[1]][0]
    if first == heads[0][0] and last == heads[-1][0]:
        return [run]
    return [part for part in (run[:first], run[first:last + 1], run[last + 1:]) if part]


def _split_at_short(run: list[Block], lines: _Lines) -> list[list[Block]]:
    """``run`` cut at its short lines, which are left out: the parts as runs of their own."""
    parts: list[list[Block]] = [[]]
    for b in run:
        if lines.is_short(b):
            parts.append([])
        else:
            parts[-1].append(b)
    return [p for p in parts if p]


def _diverse(run: list[Block], lines: _Lines, stops: frozenset[str]) -> bool:
    """No content word in more than half of the run's headlines: other stories' headlines differ,
    a catalogue's items under their codes and prices (``KR173`` / ``Kress RTK 3/4-acre robotic
    lawn mower`` / ``$ 2,999``) repeat the product's name. True for a run without short lines."""
    heads = [b for b in run if not lines.between(b)]
    if not any(lines.is_short(b) for b in run) or len(heads) < 2:
        return True
    counts = Counter(w for b in heads for w in {w.casefold() for w in b.words}
                     if len(w) >= 3 and w.casefold() not in stops)
    return not counts or max(counts.values()) <= len(heads) / 2


_STAMP_END = regex.compile(r"\s*[(\[][^()\[\]]{0,30}\d[^()\[\]]{0,30}[)\]]\s*$")
"""A date or a time in brackets closing a line: ``(12.01.2025, 08:10)``, ``(hace 2 horas)``."""
_STAMP_AFTER = regex.compile(r"(?:\s[–—·|•-]|,)\s*(?P<stamp>[^–—·|•,]{2,24})$")
"""A stamp after a separator closing a line: ``... – vor 2 Stunden``, ``... · 14:05``."""
_STAMP_BEFORE = regex.compile(r"^(?P<stamp>[^–—·|•]{2,24}?)\s*(?:[–—·|•-]|(?<!\d):)\s")
"""A stamp before a separator opening a line: ``14:05 – ...``, ``il y a 2 h | ...``."""
_LETTER = regex.compile(r"\p{L}")
_PRICE = regex.compile(r"[$€£¥]|\d\s?(?:%|€|\$)")


def _is_stamp(text: str) -> bool:
    """A day, a time or a relative time (``12.01.2025, 08:10``, ``Gestern, 18:40``, ``vor 35
    Min.``, ``hace 2 horas``), no price and no year alone."""
    text = text.strip(" ()[]")
    return bool(text) and _PRICE.search(text) is None and (
        ((has_day(text) or CLOCK.search(text) is not None) and len(_LETTER.findall(text)) <= 12)
        or RELATIVE_TIME.match(text) is not None)


def _stamp_split(text: str) -> tuple[str, str] | None:
    """``(headline, stamp)`` of a line stamped with its date or time (in brackets at the end,
    after a separator at the end, or before one at the start), or ``None`` when the line has no
    stamp. A year alone is no stamp, nor a table row's cell."""
    if text.count("|") >= 2:
        return None
    m = _STAMP_END.search(text)
    if m is not None and _is_stamp(m.group()):
        return text[:m.start()].rstrip(), m.group()
    m = _STAMP_AFTER.search(text)
    if m is not None and _is_stamp(m.group("stamp")) and (
            not m.group().startswith(",") or CLOCK.search(m.group("stamp"))
            or RELATIVE_TIME.match(m.group("stamp"))):
        # after a comma only a time: ", March 2, 2022." is a date
        return text[:m.start()].rstrip(), m.group("stamp")
    m = _STAMP_BEFORE.match(text.lstrip("-–•·* "))
    if m is not None and _is_stamp(m.group("stamp")):
        return text.lstrip("-–•·* ")[m.end():].strip(), m.group("stamp")
    return None


def _unstamped(text: str) -> str | None:
    """The headline of a line stamped with its date or time (:func:`_stamp_split`), or ``None``."""
    split = _stamp_split(text)
    return None if split is None else split[0]


def _ago(text: str) -> bool:
    """A line stamped with how long ago it was posted (``- Train strikes called off (1 hour
    ago)``, ``... | 2 days ago``, ``vor 35 Min. – ...``): an item of a feed of other stories. A
    story's own list dates its points (a timeline's days, a programme's hours), never by their
    distance from now."""
    split = _stamp_split(text)
    return split is not None and RELATIVE_TIME.match(split[1].strip(" ()[]")) is not None


def _stamped_headline(text: str) -> bool:
    """A headline with its date or time (``- Fog delays flights at the airport (12.01.2025,
    08:10)``, ``14:05 – Fog delays flights``, ``- Fog delays flights – vor 2 Stunden``), whose
    digits or final mark make the whole line look less like a headline: the headline without the
    stamp is mostly letters and ends in no full stop."""
    head = _unstamped(text)
    if head is None:
        return False
    head = head.lstrip("-–•·* ")
    return (len(head) >= 10 and not head.endswith((".", ",", ";", ":"))
            and len(_LETTER.findall(head)) >= 0.6 * len(head))


def _colon_label(block: Block) -> bool:
    """A label of a few words ending in a colon (``Teraz czytają:``); a lead-in sentence has more."""
    return block.n_units <= 6 and block.bare_end.endswith((":", "："))


_GLYPH_ITEM = regex.compile(r"^\s*[▪►▶>›»◦○■□◆◇●♦✓✔➤➢→]\s+\S")
"""A line opened by a bullet glyph that :data:`~newsclean.rules.shapes.BULLET_ITEM` leaves out
(``▪ ...``, ``► ...``, ``> ...``): a box of other stories is often set with one."""


def _ranked(heads: list[Block]) -> bool:
    """Three or more headlines numbered in order without a dot (``1 Liège : la ligne de tram
    enfin inaugurée``, ``2 Pensions : ...``), after a label line or not: a ranking box's (most
    read, most commented). The story's own lists are numbered ``1.`` or ``1)``, or not at all."""
    numbers = _bare_numbers(heads)
    if numbers and numbers[0] is None:
        numbers = numbers[1:]  # its label
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _item_class(text: str) -> str:
    """``#`` for a numbered line, its bullet for a bulleted one, else ``plain``."""
    if NUMBERED_ITEM.match(text):
        return "#"
    return text.lstrip()[0] if BULLET_ITEM.match(text) or _GLYPH_ITEM.match(text) else "plain"


def _one_shape(lines: list[Block]) -> bool:
    """All ``lines`` have one item shape (:func:`_item_class`). Lines that start with a bare number
    are numbered when two in a row count up (``1 Headline``, ``2 Headline``), else plain headlines
    that start with a figure (``5 Easy Dinners``, ``20 Monday Night Recipes``)."""
    shapes = {_item_class(b.text) for b in lines}
    bare = _bare_numbers(lines)
    if any(a is not None and b == a + 1 for a, b in pairwise(bare)):
        shapes.add("#")  # "1 Headline" then "2 Headline": a numbered list among them
    return len(shapes) <= 1


@dataclass(frozen=True)
class HeadlineListOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: on extracted HTML text it cost more recall than it gained precision."""
    min_run: int = 3
    """A list has at least this many headline-shaped lines."""
    min_words: int = 3
    """Headline lines have at least this many words (:attr:`Block.n_units`, as a reader counts
    them: a Chinese or Japanese headline is one ``\\w+`` token)."""
    max_words: int = 25
    """...and at most this many."""
    max_chars: int = 160
    """...and at most this many characters (a Chinese or Japanese sentence has few ``\\w+`` words)."""
    numbered_confidence: float = TENTATIVE
    """Confidence for a run of numbered lines (``1) ...``, ``2. ...``), usually the article's own list."""
    related_outside: float = 0.5
    """Outside the core, a run sharing fewer content words than this with the core is dropped."""
    sure_outside: float = 0.25
    """Outside the core, a run sharing fewer words than this is dropped for sure (else weakly: the
    line scorer may keep its lines)..."""
    sure_tail: float = 0.5
    """...and a run of plain lines that ends the page (no word kept after it) sharing fewer than
    this: the story's own subheads have text under them."""
    related_inside: float = 0.05
    """Inside the core, the run must share fewer than this to be dropped: all but none of its words.
    At 0.15, half the lines such runs held on both dev corpora were gold (a syllabus, a feature
    list, a non-article page's own items)."""
    related_box: float = 0.35
    """...but a kicker box inside the core (its every plain headline under its short line: a
    section, a rank, a time) is dropped when its headlines share fewer than this with the story
    *without the box's own lines*: the box's words are no part of the story's vocabulary, and a
    headline of another story shares a word or two with it by chance (``ola de calor`` in a
    gazpacho recipe). No list of the story's has a short line over each point and shares so few of
    its words: the phases of a project under ``Phase 1`` / ``Phase 2`` name the project."""
    lead_in_words: int = 4
    """A run under a line of at least this many words ending in ``:`` is the article's own list..."""
    lead_in_related: float = 0.1
    """...when at least this share of its words are the article's (a story that ends in ``the
    table below:`` and lost its table has other stories' headlines next, in none of its words)."""
    listed_share: float = 0.6
    """A run with at least this share of specifications (``Key: value``) or lines of three or more
    comma-separated parts is a list of facts, not of headlines."""
    outweigh: float = 1.0
    """A run whose lines have at least this many times the words of the prose outside it is the
    page itself (a listing page, a service page's list of features), and kept..."""
    page_lines: int = 8
    """...when it has at least this many lines of one shape (after a first line that may be its
    label: a box of other stories has fewer, and glued to the page's own lines it has two shapes)..."""
    page_share: float = 0.4
    """...and that holds at least this share of all the page's words."""
    not_article_at: float = SURE
    """Say nothing on a page an earlier rule stated to be no article (a listing, a service page)
    with at least this confidence (above 1: never, as the line scorer's option of the same name):
    there the headline-shaped lines are the page's own items. The line scorer's threshold (0.9,
    chosen out of fold in session 21), not re-tuned. Text mode out of fold: wcxb-dev html-text
    0.8233 -> 0.8246 (listings 0.600 -> 0.610), aeb-dev 0.9353 -> 0.9356; junk benchmark on article
    bodies identical, on bodies of every type 97.2 to 99.3 % of the junk lines removed (97.6 to
    99.4 % before: listing and service bodies)."""
    label_words: int = 8
    """A line of at most this many words right above a list an earlier rule removed is its label
    and goes with it (``_labels_left``)."""
    beyond_prose: float = 1.0
    """A run outside the core with at least this many times the core's prose words beyond it (on
    the side away from the core) is judged as inside: the article goes on past it (a meal plan or a
    deals list whose densest paragraph happens to be its intro), so the run is part of it."""


def _mostly_in(heads: list[Block], first: int, last: int) -> bool:
    """More than half of ``heads`` lie between blocks ``first`` and ``last``."""
    return sum(1 for b in heads if first <= b.index <= last) > len(heads) / 2


def _vocabulary_without(doc: Document, run: list[Block], first: int, last: int) -> frozenset[str]:
    """The content words of the core's prose blocks ``first`` to ``last``, the run's blocks left
    out: what the run is compared with must be the story, not the run itself."""
    own = {b.index for b in run}
    prose = [0.0 if i in own else s for i, s in enumerate(doc.prose_scores)]
    return content_union(doc.blocks, prose, first, last, doc.stopwords, doc.content_words)


_STORY_PROSE = 0.7
"""A run's edge line in the core with at least this prose score is the story's paragraph."""


def _trimmed(doc: Document, run: list[Block], heads: list[Block], first: int, last: int
             ) -> tuple[list[Block], list[Block]]:
    """``run`` without the core's prose paragraphs at its edge facing the story (its end when it
    stands before the story, its start when after), and its headlines without them."""
    def story(b: Block) -> bool:
        return first <= b.index <= last and doc.prose_scores[b.index] >= _STORY_PROSE
    if run[0].index < first:
        while run and story(run[-1]):
            run = run[:-1]
    else:
        while run and story(run[0]):
            run = run[1:]
    kept = {b.index for b in run}
    return run, [b for b in heads if b.index in kept]


_LEAD_SENTENCE_WORDS = 7
"""A line ending in ``:`` that heads a run of headlines (headline-shaped itself, so the run took
it in) is the story's lead-in sentence to its own list, whatever the run's words, only with this
many words (``Optimizing PostgreSQL queries follows a systematic approach:`` over the story's
points: at eight, wcxb-4414 lost them); a shorter one is a box's label (``Meistgelesen in dieser
Woche:``: without the limit six numbered lines of the first held-out four stayed, seen in their
totals only, never read). A line above the run introduces it at any length."""


def _pulled_by_questions(doc: Document, heads: list[Block]) -> bool:
    """The run's lines that stretch the core (prose score over 0.5, :func:`find_core`'s gain) are
    all questions: a headline that asks reads as a sentence, and nothing else in the run does."""
    pulling = [b for b in heads if doc.prose_scores[b.index] > 0.5]
    return bool(pulling) and all(b.text.rstrip().endswith("?") for b in pulling)


class HeadlineList(Rule):
    """Drop runs of headline-shaped lines that are not about the article."""

    name = "headline_list"
    Options = HeadlineListOptions
    options: HeadlineListOptions
    provides = frozenset({Fact.HEADLINE_RUN})
    requires = frozenset({Fact.CHROME_LINE})

    def _headline(self, block: Block) -> bool:
        o = self.options
        if block.n_chars > o.max_chars or block.bare_end.endswith(_SPACELESS_STOPS):
            return False
        if not o.min_words <= block.n_units <= o.max_words:
            return False
        if _stamped_headline(block.text):
            return True  # "vor 35 Min. – ...": a stamp in lower case continues nothing
        return is_heading_like(block, o.max_words) and not is_continuation(block.text)

    def _runs(self, doc: Document, skip: set[int], lines: _Lines) -> list[list[Block]]:
        runs: list[list[Block]] = []
        current: list[Block] = []
        for b in doc.blocks:
            if b.index in skip:
                continue
            if lines.between(b) or self._headline(b):
                current.append(b)
                continue
            if current:
                runs.append(current)
            current = []
        if current:
            runs.append(current)
        runs = [part for r in runs for part in _kicker_runs(r, lines, doc.stopwords)]
        runs = [part for r in runs for part in _list_boxes(r, lines, self.options.min_run)]
        return [r for r in runs if sum(1 for b in r if not lines.between(b)) >= self.options.min_run]

    def _is_the_page(self, run: list[Block], heads: list[Block], upto: list[int], total: int) -> bool:
        """The run is what the page is about (a listing page's headlines, a service page's
        features): its lines have more words than the prose outside it, and at least
        ``page_share`` of all the page's words. A list of other stories glued to a short story, or
        to a product page, is a small part of it."""
        if len(heads) < self.options.page_lines or not _one_shape(heads[1:]):
            return False  # few lines, or lines of two shapes: a box glued to the page's own lines
        words = sum(b.n_words for b in heads)
        outside_prose = upto[-1] - (upto[run[-1].index + 1] - upto[run[0].index])
        return words >= self.options.outweigh * outside_prose and words >= self.options.page_share * total

    def _own_list(self, doc: Document, run: list[Block], heads: list[Block], skip: set[int],
                  related: float, *, boxed: bool = False, feed: bool = False) -> bool:
        """The article's own list, whatever its words: introduced by a sentence ending in ``:``
        (``Consider these factors:``), or mostly specifications (``Focus: ...``, ``- Processor:
        ...``), enumerations of three or more parts (``MacBook Air, 13-inch, M5 Chip, ...``, a
        list of authors) or glosses (``Book music – DJ or band secured``, ``Replacing Outlets -
        $89``). Other stories' headlines come under a short label, and few have a key, two commas,
        or go on in lower case after a dash; a run between two of the story's paragraphs sharing
        none of its words is no list of its facts, whatever its shape (French and Spanish
        headlines name their place or topic before a colon: ``Lille : la braderie attire deux
        millions de visiteurs``), nor is a kicker box sharing none (``boxed``: a short line over
        each line, ``Maroc`` / ``Marrakech : la médina retrouve ses touristes``); nor a ``feed``
        (every line stamped with how long ago, :func:`_ago`)."""
        if feed:
            return False  # "- ... (12 minutes ago)": a feed, whatever sentence stands above it
        lead = run[0] if run[0].text.rstrip().endswith(":") else next(
            (b for b in reversed(doc.blocks[:run[0].index]) if b.index not in skip and b.n_words), None)
        if (lead is not None and lead.n_words >= self.options.lead_in_words
                and lead.text.rstrip().endswith(":") and (
                    related >= self.options.lead_in_related or self._introduced(doc, run, lead, skip))):
            return True
        if related < self.options.related_inside and (boxed or _between_paragraphs(doc, run, skip)):
            return False  # "· Bordeaux : la ville plante 20 000 arbres" is no "Key: value" of it
        unstamped = [_unstamped(b.text) for b in heads]
        if all(u is not None for u in unstamped):
            # "- Lions tour: Farrell names squad (11:45)" has the shape of "Key: value", but a
            # specification has no time; an enumeration keeps its commas ("Aug. 14 -- Hollywood
            # Casino Amphitheatre – St. Louis, St. Louis, MO": a tour's dates)
            listed = sum(1 for u in unstamped if u is not None and u.count(",") >= 2)
        else:
            listed = sum(1 for b in heads if SPEC_ITEM.match(b.text) or GLOSS_ITEM.match(b.text)
                         or b.text.count(",") >= 2)
        return listed >= self.options.listed_share * len(heads)

    @staticmethod
    def _introduced(doc: Document, run: list[Block], lead: Block, skip: set[int]) -> bool:
        """The run stands right under its lead-in sentence (nothing between, not even a line an
        earlier rule dropped) and the story goes on under it (a paragraph next): the story's own
        list whatever its words (``These are the tips I would pass on:`` / ``Ride Tram 28 Before
        9am`` / ...), not a box put there, which goes between two paragraphs. (A box under a label
        ending in ``:``, ``Das könnte Sie auch interessieren:``, is the ``teasers`` rule's.)"""
        if lead is run[0] and lead.n_words < _LEAD_SENTENCE_WORDS:
            return False  # "Die meistgelesenen Artikel der Woche:": a box's label, not a lead-in
        before = run[0] if lead is run[0] else next(
            (b for b in reversed(doc.blocks[:run[0].index]) if b.n_words), None)
        after = next((b for b in doc.blocks[run[-1].index + 1:] if b.n_words and b.index not in skip),
                     None)
        return before is lead and after is not None and doc.prose_scores[after.index] >= _STORY_PROSE

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        # Lines an earlier rule dropped only tentatively (a masthead guess) may still be a list.
        skip = context.surely_removed() | context.title_blocks()
        if not doc.core_words or context.not_article(self.options.not_article_at):
            return
        first, last = doc.core
        # prose words before each block (a prefix sum: the test below stays linear in the runs)
        upto = list(accumulate((b.n_words if s >= 0.5 and b.index not in skip else 0
                                for b, s in zip(doc.blocks, doc.prose_scores, strict=True)),
                               initial=0))
        total = sum(b.n_words for b in doc.blocks if b.index not in skip)
        seen = Counter(" ".join(b.words).casefold() for b in doc.blocks if b.words)
        lines = _Lines.of(doc, context.established(Fact.CHROME_LINE))
        titles = context.title_blocks()
        mine: set[int] = set()
        for run in self._runs(doc, skip, lines):
            heads = [b for b in run if not lines.between(b)]
            if self._is_the_page(run, heads, upto, total):
                continue
            cf, cl, vocabulary = first, last, doc.core_words
            inside = _mostly_in(heads, cf, cl)
            if inside and (run[0].index <= first or run[-1].index >= last) and _pulled_by_questions(
                    doc, heads):
                # At the core's edge, the run's own question headlines ("... a Good Fit for You?")
                # read as sentences and pulled the core over it: judge it against the core without
                # it. (A run whose statements read as prose, a listing's teasers, an app's feature
                # list ending "!", stays judged as part of the story; so does a run whose questions
                # were all the prose there is, leaving no core without it.)
                f2, l2 = doc.core_without(skip | {b.index for b in run})
                if l2 >= f2 and not _mostly_in(heads, f2, l2):
                    cf, cl, inside = f2, l2, False
                    vocabulary = content_union(doc.blocks, doc.prose_scores, cf, cl, doc.stopwords,
                                               doc.content_words)
            if inside and run[0].index <= first and titles and run[-1].index < min(titles):
                # Above the story's title, lines reading as prose pulled the core over the run:
                # the story starts at its title; judge the run against the core without it.
                f2, l2 = doc.core_without(skip | {b.index for b in run})
                if l2 >= f2 and not _mostly_in(heads, f2, l2):
                    cf, cl, inside = f2, l2, False
                    vocabulary = content_union(doc.blocks, doc.prose_scores, cf, cl, doc.stopwords,
                                               doc.content_words)
            if not inside:
                beyond = upto[-1] - upto[run[-1].index + 1] if run[0].index > cl else upto[run[0].index]
                inside = beyond >= self.options.beyond_prose * (upto[cl + 1] - upto[cf])
            if not inside:
                # the story's first or last paragraph, read as prose, is no line of a run that
                # comes from outside: the run ends before it
                trimmed, heads = _trimmed(doc, run, heads, cf, cl)
                # a run that was one only with the story's paragraph is none; one that loses it
                # keeps going with a line less than a run needs
                needed = self.options.min_run - 1 if len(trimmed) < len(run) else self.options.min_run
                if len(heads) < max(needed, 2):
                    continue
                run = trimmed
            # inside the story a run needs one line more than outside, unless it is a kicker box
            # (its every headline under its short line: no list of the story's looks so); put
            # between two paragraphs, such a box, or a ranking box (``_ranked``), is weighed
            # with ``related_box``
            box = _kicker_box(run, lines)
            feed = all(_ago(b.text) for b in heads)
            boxed = inside and box and all(
                _plain_headline(b) for b in _items(run, heads, lines))
            put_in = (boxed or (inside and _ranked(heads))) and _between_paragraphs(doc, run, skip)
            if put_in or (any(cf <= b.index <= cl for b in heads) and (
                    not inside or all(_unstamped(b.text) is not None for b in heads))):
                # A run whose lines the core took in (a headline reading as prose next to the
                # story's last paragraph, a stamped run or a box inside it): those lines' words are
                # in the core's vocabulary only because they are there, so they would count as
                # shared with it.
                vocabulary = _vocabulary_without(doc, run, cf, cl)
            related = sum(overlap(b.words, vocabulary, doc.stopwords) for b in heads) / len(heads)
            if inside:
                few = len(heads) < self.options.min_run + (0 if boxed or feed else 1)
                limit = self.options.related_box if put_in or feed else self.options.related_inside
                if related >= limit or few:
                    continue
                confidence = FIRM
            else:
                if related >= self.options.related_outside:
                    continue
                tail = run[0].index > cl and upto[-1] == upto[run[-1].index + 1] and all(
                    _item_class(b.text) == "plain" for b in heads) and sum(
                    1 for b in heads if b.text.rstrip().endswith("?")) < len(heads) / 2
                sure_below = self.options.sure_tail if tail else self.options.sure_outside
                confidence = SURE if related < sure_below else WEAK
            if self._own_list(doc, run, heads, skip, related, boxed=box, feed=feed):
                continue
            if (sum(1 for b in heads if NUMBERED_ITEM.match(b.text)) >= 0.6 * len(heads)
                    and related >= self.options.sure_outside):
                # "1) ...", "2) ...": an enumeration the article makes, far more often than a list
                # of other stories; only tentative, so a later rule may keep it
                confidence = min(confidence, self.options.numbered_confidence)
            if sum(1 for b in heads if seen[" ".join(b.words).casefold()] > 1) >= 0.5 * len(heads):
                # most lines printed again elsewhere: the days of a meal plan, the cards of a
                # product list (each other story's headline is printed once); only tentative
                confidence = min(confidence, self.options.numbered_confidence)
            where = "inside" if inside else "outside"
            reason = (f"run of {len(heads)} headlines {where} the article, "
                      f"{related:.0%} of their words shared with it")
            for b in run:
                yield self.drop(b, Kind.HEADLINE_LIST, reason, confidence,
                                establishes=Fact.HEADLINE_RUN)
            if confidence >= context.resolver.core_protection:
                mine.update(b.index for b in run)
        yield from self._labels_left(doc, context, skip, mine, lines)

    def _labels_left(self, doc: Document, context: Context, skip: set[int], mine: set[int],
                     lines: _Lines) -> Iterator[Verdict]:
        """The label left above a list removed without it (a box of numbered headlines under
        ``LES PLUS CONSULTÉS`` that an earlier rule took as the list ending the page, a box under
        ``JUST IN`` whose label, two words, did not join the run): a short heading-shaped line
        right above ``min_run`` or more lines surely removed as a headline list (by an earlier
        rule, or by this one: ``mine``), with nothing kept between, labels nothing that stays;
        unless the story goes on after the list and the line shares ``sure_outside`` or more of
        its words with the story: then it is the story's subhead, and a box was put under it."""
        listed = context.removed_as(Kind.HEADLINE_LIST) | mine
        if not listed:
            return
        blocks = doc.blocks
        for i in sorted(listed):
            if i - 1 in listed or i == 0:
                continue
            items = 0
            after: Block | None = None
            for b in blocks[i:]:
                if b.index in listed:
                    items += 1
                elif not (lines.is_filler(b) or b.index in skip):
                    after = b
                    break
            if items < self.options.min_run:
                continue
            above = next((b for b in reversed(blocks[:i]) if not is_separator(b)), None)
            if (above is None or above.index in skip or above.index in listed
                    or not 1 <= above.n_units <= self.options.label_words
                    or (above.ends_sentence and not _colon_label(above))
                    or is_continuation(above.text)):
                continue
            if (after is not None and doc.prose_scores[after.index] >= 0.5
                    and overlap(above.words, doc.core_words, doc.stopwords) >= self.options.sure_outside):
                continue  # the story's subhead, a box put under it: it heads the paragraph after
            yield self.drop(above, Kind.HEADLINE_LIST,
                            f"label of a list of {items} headlines removed under it", FIRM)
