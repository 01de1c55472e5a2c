"""The article's title and standfirst, found from the shape of the header; repeats of the title.

Text mode: the title is the heading-shaped line right above the first body paragraph (with date,
byline and outlet lines in between skipped). A heading-shaped line repeated in the header marks the
title by itself; later repeats are dropped as ``duplicate``. So does a line repeating the page's
first line (a dump's ``<title>``, ``Headline - Site``), up to ``reach`` blocks above the body. A
longer heading-shaped line between the title and the body is the standfirst (``subtitle``); so is
a sentence paragraph sandwiched between the title and a metadata line (title, standfirst,
byline/date/outlet, body). Short lines above the title (mastheads, taglines) are ``site_chrome``.
When that finds no title, or one that does not name the story (a box's label, a recipe card's
button, a caption's place), and the page's first line does not confirm it, the title is the first
headline-shaped line within ``reach`` above the story that shares half of its content words, two at
least, with the story (not a time-stamped feed entry nor a breadcrumb trail): on whole-page texts
a caption, a share row or a standfirst often stands between the headline and the body. A line
printed twice in the header that does not name the story (a breadcrumb's section, the site's name)
gives way to such a line too. Measured on text mode's titles (articles, title right): wcxb-dev 450
-> 470 of 711 (wrong 239 -> 229, none 22 -> 12), `fixtures/written` 21 -> 89 of 164,
`fixtures/heldout` 6 -> 57 of its first 92 pages and 5 -> 16 of the 24 added in session 22.

HTML mode: the extractor already found the title; lines repeating it are dropped as ``duplicate``.
The page's headings (``doc.hints["headings"]``, read from the HTML by the ingest stage) name the
rest of the header: a line at the top that is the page's ``<h1>`` but not the title the metadata
declares is the displayed headline (promoted to ``title``), and the first line under the headline
that is an ``<h2>``..``<h4>`` of six words or more, followed by body text, is the standfirst
(``subtitle``). A lede paragraph (a ``<p>``) is never taken for the standfirst, even when the
page's description repeats it.

A line found only by its position must also look like a headline (one phrase: not two sentences,
no link, hashtag or handle, not cut off) and must not follow sentences inside the article core:
extractors' output often starts with the article's own intro, and the line above its first long
paragraph is then a subhead or a lead-in, not the title.

Must not catch: a clean body with no header (nothing is promoted when no heading precedes the first
paragraph); subheads inside the story; an extract's opening lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean import phrases
from newsclean.confidence import FIRM, SURE, WEAK
from newsclean.document import Block, Document, word_units
from newsclean.kinds import Action, Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import (
    BULLET_ITEM,
    caption_credit,
    first_body,
    is_body_like,
    is_date_line,
    is_heading_like,
    item_number,
    loose_hits,
    loose_overlap,
    norm,
)


@dataclass(frozen=True)
class TitleOptions(RuleOptions):
    window: int = 8
    """How many blocks above the first body paragraph may hold the title; the run of removed lines
    right above the body (a row of share buttons, a photo credit) does not count, up to ``reach``."""
    reach: int = 24
    """How far above the first body paragraph the title is looked for at most, in blocks."""
    removed_run: int = 4
    """A run of at least this many removed lines right above the body (share buttons) is not
    counted in ``window``."""
    suffix_words: int = 6
    """A repeat may carry a site-name suffix of up to this many words (``Title - Site.com``)."""
    masthead: bool = True
    """Drop short non-sentence lines directly above the title as site chrome."""
    min_related: float = 0.15
    """A title found by position must share this share of its content words with the story."""
    html_header: int = 5
    """HTML mode: the title, headline and standfirst are looked for in this many first blocks."""
    standfirst_words: int = 6
    """HTML mode: a heading under the headline with at least this many words is the standfirst."""
    page_title_below: int = 30
    """The line repeating the page's first line may also stand this many blocks below the first
    body paragraph (a blurb above the headline read as the body's start)."""
    page_title: bool = True
    """When the search finds no title, or one by position that shares no half of its words with
    the page's first line (a dump's ``<title>``), the first line less the site's name is the title."""
    page_title_gap: int = 5
    """...on a whole page: one whose first body paragraph is at least this many blocks down, and
    whose first line is not followed by a paragraph (an extract's first line is its story's)..."""
    page_title_words: float = 5
    """...when that line's longest part has at least this many words (a skip link, a site's name
    have fewer), ends in no full stop, is no date line, and shares ``min_related`` of its content
    words with the story."""
    leftover_words: int = 12
    """When the line right above the body is no title, the title is looked for once more above it,
    if it has at most this many words and is no paragraph (a button, a rating, ``Key Points``)."""
    leftover_related: float = 0.4
    """...and then takes only a title that shares this share of its content words with the story's
    paragraphs from the body on (a teaser of a related story shares some)."""
    kicker_words: int = 3
    """A heading of at most this many words above a headline-sized one is its kicker."""
    headline_words: int = 14
    """...when the line under it, without a sentence end, has at most this many words."""
    prose_above_words: int = 8
    """A kept sentence of at least this many words above a title found by position makes it a
    subhead of text that already started (see :meth:`Title._prose_above`)."""
    headline_related: float = 0.5
    """The story's headline, when the search by position finds none or a line sharing less than
    this with the story: the first headline-shaped line within ``reach`` above the story that shares
    at least this share of its content words with it (see :meth:`Title._by_relatedness`)..."""
    headline_units: int = 4
    """...and has at least this many words (a section label or a button has fewer)."""


# Starts only where a lowercase run starts (the same matches: one inside a run implies one at its
# start); without the lookbehind each start in a long lowercase run scanned to its end (quadratic:
# 0.6 s at 4,000 letters; fuzz/regex_audit.py).
_SENTENCE_BREAK = regex.compile(r"(?<!\p{Ll})\p{Ll}{2,}[\"'”’»)]*[.!?…]+[\"'”’»)]*\s+[\"“‘«]?\p{Lu}")
"""A sentence ending inside the line (``... its advertiser. All opinions ...``, ``here! Check``);
a lower-case word before the stop (a closing quote may stand between: ``«Costi insostenibili». Il``),
so ``U.S. Senate`` and ``Mr. Smith`` do not count."""
_LABEL_WORDS = 2
"""A headline may open with a place or a label of this many words and a full stop (``Quimper. La
ligne de bus ...``, ``Amnesty. More than 100 protesters killed``), as French and Italian regional
papers and wire headlines print them."""
_HEADLINE_CLAUSE_WORDS = 8
"""...and a headline without a final stop may be two clauses of a full stop (``Jabłka po 25 groszy
za kilogram. Sadownicy: w tym roku zbiór się nie opłaca``, ``Sejm uchwalił reformę. Część
oddziałów zniknie``), as Polish and Czech papers print them, when the first has at most this many
words; a body sentence ends in a stop."""
_FINAL_STOP = regex.compile(r"[.!?…][\"'”’»)]*$")


def _label_words(text: str) -> int:
    """How many words may stand before a full stop inside a headline (see above)."""
    return _LABEL_WORDS if _FINAL_STOP.search(text) else _HEADLINE_CLAUSE_WORDS


_LINK = regex.compile(r"https?://|www\.|\S@\S|(?:^|\s)[#@]\w", regex.IGNORECASE)
_OPEN_END = regex.compile(r"[(\[{“‘«\"'|,:;–—*-]\s*$")
"""A line ending in an opening bracket or quote, a dash or colon, or a footnote mark (``*``) was cut
off or leads into what follows: not a headline."""


_CLOSING = {"“": "„", "‘": "‚", "«": "»", "‹": "›"}
"""German, Czech, Polish quotes open low and close with the mark English opens with; German and
Danish guillemets point inwards (``»Wir bleiben«``): the mark French opens with closes them."""


def _closes_quote(text: str) -> bool:
    """The quotation mark ending ``text`` closes a quote: ``„Der Hafen braucht eine Zukunft“``,
    ``Mayor: "We will build it"``, ``Merz: »Wir bleiben dabei«``."""
    last = text[-1]
    if last in "\"'":
        return text.count(last) % 2 == 0
    return last in _CLOSING and _CLOSING[last] in text


def not_a_headline(block: Block) -> str | None:
    """Why a heading-shaped line found only by its position is not a title, or ``None``.

    A headline is one phrase: it does not hold two sentences (a place or label of one or two words
    and a full stop may open it: ``Quimper. La ligne ...``), a link, a hashtag or a handle, and
    it does not stop on an opening bracket, it does not end on a photo's credit (a caption), and it
    is not a bulleted list item (a numbered line may be a headline: ``1. FC Köln wins the derby``).
    Language-neutral but for the word *photo* (punctuation and case otherwise).
    """
    text = block.text.strip()
    if BULLET_ITEM.match(text):
        return "a list item"
    m = _SENTENCE_BREAK.search(text)
    if m is not None and (len(text[:m.start() + 1].split()) > _label_words(text)
                          or _SENTENCE_BREAK.search(text, m.end()) is not None):
        return "two sentences"
    if _LINK.search(text):
        return "a link or handle"
    if _OPEN_END.search(text) and not _closes_quote(text):
        return "cut off"
    if caption_credit(text) is not None:
        return "a photo's caption"
    return None


def _in_numbered_run(doc: Document, block: Block) -> bool:
    """``block`` is an item of a numbered list: numbered itself, with the line above it numbered one
    less or the line below one more (``3. ...`` / ``4. How to Start an LLC`` / ``5. ...``), whatever
    the rules made of those lines. A lone ``1. FC Köln wins the derby`` is no such item."""
    n = item_number(block.text)
    if n is None:
        return False
    return any(0 <= j < len(doc.blocks) and item_number(doc.blocks[j].text) == want
               for j, want in ((block.index - 1, n - 1), (block.index + 1, n + 1)))


_FIRST_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")


def _continues(line: Block, body: Block) -> bool:
    """The body paragraph right under ``line`` starts in lower case: both are pieces of one sentence
    broken at a link (``Hong Kong's`` / ``Hang Seng Index (HSI)`` / ``started in the red, ...``),
    not a headline and its story. A brand in camel case (``iPhone``, ``eBay``) starts a sentence."""
    if body.index != line.index + 1:
        return False
    m = _FIRST_WORD.search(body.text)
    return m is not None and m.group()[0].islower() and m.group()[1:].islower()


_FEED_OR_TRAIL = regex.compile(r"^\s*\d{1,2}[:.]\d{2}\b|\s[/>»›]\s.*?\s[/>»›]\s")
"""A line opening with a time (``17:30 ...``, an entry of a feed of the latest news) or a
breadcrumb trail (two separators: ``Home / Feature / Region``): related to the story, and no
headline. The lazy gap keeps the search linear (one scan to the end from a lone separator)."""


_TITLE_SEPARATOR = regex.compile(r"\s+(?:\||–|—|-|·|•|»|::|/)\s+")
"""What separates a page title's headline from the site's name or section (``Headline | Site``)."""
_WORDS = regex.compile(r"\w+")


def _agrees(title: Block, page_title: str) -> bool:
    """Half of a title's words are in the page's title line: the same headline."""
    words = {w.casefold() for w in title.words}
    return bool(words) and len(words & {w.casefold() for w in _WORDS.findall(page_title)}) >= len(words) / 2


def _is_variant(candidate: str, title: str, suffix_words: int) -> bool:
    if candidate == title:
        return True
    for longer, shorter in ((candidate, title), (title, candidate)):
        if longer.startswith(shorter + " ") or longer.endswith(" " + shorter):
            extra = len(longer.split()) - len(shorter.split())
            if 0 < extra <= suffix_words:
                return True
    return False


class Title(Rule):
    """Promote the title and standfirst; drop repeats of the title and the masthead above it."""

    name = "title"
    Options = TitleOptions
    options: TitleOptions
    requires = frozenset({Fact.CHROME_LINE})

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        if doc.mode == "html":
            yield from self._html(doc, context)
            return
        metadata_blocks = {v.block for v in context.verdicts if v.action is Action.META and (
            v.kind is Kind.METADATA or "authors" in v.facts)}
        skip = context.dropped_set() | metadata_blocks
        body = first_body(doc, skip)
        if body is None:
            return
        lo = self._window_start(body, skip)
        captions = self._captions(doc, context, lo, body)
        header = [b for b in doc.blocks[lo:body] if b.index not in skip and b.index not in captions]
        declared = self._declared(doc, header)
        title, dupes = (declared, []) if declared is not None else self._by_repeat(
            doc, header, skip, body)
        subtitle: Block | None = None
        if title is None:
            title, subtitle = self._checked_position(doc, header, skip, metadata_blocks, body)
            leftover = header[-1] if header else None
            if (title is None and leftover is not None and len(header) >= 2
                    and leftover.n_words <= self.options.leftover_words
                    and not is_body_like(leftover, doc) and not _continues(leftover, doc.blocks[body])):
                # one leftover line between the header and the body ("Key Points", a rating, a
                # button the rules left): the header ends above it
                title, subtitle = self._checked_position(doc, header[:-1], skip, metadata_blocks,
                                                         body, leftover)
                if title is not None and not self._related_below(doc, title, body):
                    title, subtitle = None, None  # not clearly this story's title
        page_title = None
        from_html = "title" in doc.hints  # an HTML page's text: its first line is no <title>
        if declared is None and not dupes and self.options.page_title and not from_html:
            page_title = self._page_title_line(doc, skip) if body >= self.options.page_title_gap else None
            if page_title is not None and (title is None or not _agrees(title, page_title[1])):
                yield self.meta(page_title[0], {"title": page_title[1]},
                                "the page's title line (its first line, less the site's name)",
                                confidence=FIRM)
                return
        related = False  # found by what it shares with the story, not by where it stands
        if declared is None and (title is None or not self._strongly_related(doc, title, body)) and not (
                title is not None and page_title is not None and _agrees(title, page_title[1])):
            better = self._by_relatedness(doc, skip, metadata_blocks, body)
            if better is not None and better is not title:
                # a line printed twice that does not name the story (a breadcrumb's section, the
                # site's name) was no title: its repeats are left to the other rules
                title, subtitle, related, dupes = better, None, True, []
        if title is None:
            return
        if subtitle is None:
            subtitle = self._dek(doc, title, body, skip, dupes)
        if subtitle is None:
            subtitle = self._standfirst(doc, title, body, skip, metadata_blocks, dupes)
        yield self.meta(title, {"title": title.text}, "heading above the first paragraph",
                        confidence=FIRM)
        if subtitle is not None:
            yield self.meta(subtitle, {"subtitle": subtitle.text},
                            "standfirst between the title and the body", confidence=FIRM)
        for d in dupes:
            yield self.drop(d, Kind.DUPLICATE, f"repeats the title (block {title.index})", SURE)
        if self.options.masthead and not related:  # a headline found by its words may stand
            # below lines of the page that are no masthead (an extract's opening list)
            for b in reversed(doc.blocks[:title.index]):
                if b.index in skip:
                    continue
                if b.ends_sentence or b.n_words > 12 or is_body_like(b, doc):
                    break
                yield self.drop(b, Kind.SITE_CHROME, "masthead line above the title", WEAK)

    def _checked_position(self, doc: Document, header: list[Block], skip: set[int],
                          metadata_blocks: set[int], body: int,
                          leftover: Block | None = None) -> tuple[Block | None, Block | None]:
        """:meth:`_by_position`, with the candidate's tests: related to the story, a headline, not a
        subhead after text that already started. ``leftover`` is a line between the header and the
        body that the search looked past."""
        title, subtitle = self._by_position(header, metadata_blocks, body)
        if title is None:
            return None, None
        if not self._related(doc, title):
            return None, None  # the last line of a list of other stories, not this story's title
        under = leftover if leftover is not None else doc.blocks[body]
        if (not_a_headline(title) or _in_numbered_run(doc, title)
                or self._prose_above(doc, title, skip, metadata_blocks) or _continues(title, under)):
            return None, None  # a line of the body: a lead-in, a caption, a subhead after the intro
        if subtitle is not None and not self._related(doc, subtitle):
            subtitle = None
        return title, subtitle

    def _window_start(self, body: int, skip: set[int]) -> int:
        """The first block of the title window: ``window`` blocks above the body, not counting a
        run of ``removed_run`` or more removed lines right above it (a row of share buttons and a
        photo credit under the byline), up to ``reach`` blocks."""
        o = self.options
        top = body
        while top > max(0, body - o.reach) and top - 1 in skip:
            top -= 1
        if body - top < o.removed_run:
            top = body  # a byline or a credit: the usual header, no row of buttons
        return max(0, top - o.window)

    @staticmethod
    def _captions(doc: Document, context: Context, lo: int, body: int) -> set[int]:
        """Sentences right above a photo credit established as a chrome line (``Quelle: picture
        alliance/dpa``, ``Photo: AP``) between ``lo`` and the body: the photo's caption, which the
        header's layout (title, standfirst, byline, body) skips. A heading-shaped line above an
        agency name (``REUTERS``) is the title with its byline, not a caption."""
        return {i - 1 for i in context.established(Fact.CHROME_LINE)
                if lo < i <= body
                and not is_heading_like(doc.blocks[i - 1])
                and (hit := phrases.match(doc.blocks[i].text, doc.language)) is not None
                and hit.category == "credit"}

    def _by_repeat(self, doc: Document, header: list[Block], skip: set[int],
                   body: int) -> tuple[Block | None, list[Block]]:
        """A heading-shaped header line that recurs above the body is the title, if it shares words
        with the story and reads as a headline (a share bar, a section label or a bulleted menu item
        printed twice is not, nor a browser notice of two sentences)."""
        above = [b for b in doc.blocks[:body] if b.index not in skip and 2 <= b.n_words <= 40]
        keyed: list[tuple[Block, str]] | None = None  # normalised once, for every candidate
        for cand in reversed(header):
            if not is_heading_like(cand) or not_a_headline(cand) or not self._related(doc, cand):
                continue
            key = norm(cand.text)
            if keyed is None:
                keyed = [(b, norm(b.text)) for b in above]
            group = [b for b, k in keyed if _is_variant(k, key, self.options.suffix_words)
                     and not not_a_headline(b)]
            if len(group) < 2:
                continue
            # The plainest form is the title; longer variants carry a site-name suffix.
            title = min(group, key=lambda b: (b.n_words, b.index))
            return title, [b for b in group if b is not title]
        return self._repeats_page_title(doc, above, skip, body)

    def _repeats_page_title(self, doc: Document, above: list[Block], skip: set[int],
                            body: int) -> tuple[Block | None, list[Block]]:
        """The page's first line (an HTML page's ``<title>``, ``Headline - Site``, which text
        dumps print first) repeated by a headline-shaped line further down, at most ``reach``
        blocks above the body: that line is the title, wherever the window of the search by
        position ends (a standfirst, a caption, a row of buttons the rules have not removed yet
        between the headline and the body)."""
        if not above or above[0].index != 0:
            return None, []
        first = above[0]
        key = norm(first.text)
        lo = max(1, body - self.options.reach)
        # below the body, only before the story's last paragraph (not the site's name in a footer)
        end = min(body + self.options.page_title_below, doc.core[1])  # the core's last, -1 if none
        below = doc.blocks[body:end] if end > body else []
        for cand in [*above[1:], *(b for b in below if b.index not in skip)]:
            if cand.index < lo or not is_heading_like(cand) or not_a_headline(cand):
                continue
            if _is_variant(key, norm(cand.text), self.options.suffix_words) and self._related(doc, cand):
                return cand, [first]
        return None, []

    def _page_title_line(self, doc: Document, skip: set[int]) -> tuple[Block, str] | None:
        """The page's first line, a dump's ``<title>``, as the title: its longest part between
        separators (``Headline | Site``, ``Site - Headline``), if that part is headline-shaped and
        shares words with the story."""
        first = doc.blocks[0] if doc.blocks else None
        if (first is None or 0 in skip or not 2 <= first.n_units <= 40 or not_a_headline(first)
                or is_date_line(first)):
            return None
        after = [b for b in doc.blocks[1:12] if b.index not in skip][:2]
        if any(is_body_like(b, doc) for b in after):
            return None  # the story starts under it: an extract's subhead or first line
        parts = [p.strip() for p in _TITLE_SEPARATOR.split(first.text.strip())]
        part = max(parts, key=lambda p: len(_WORDS.findall(p)))  # the first of the longest
        words = _WORDS.findall(part)
        if (word_units(part) < self.options.page_title_words
                or first.text.rstrip().endswith((".", "。", ":", ";", "…"))):
            return None  # a skip link or a site's name; or a sentence, not a page title
        if doc.core_words and loose_overlap(words, doc.core_words, doc.stopwords) < self.options.min_related:
            return None
        return first, part

    def _by_position(self, header: list[Block], metadata_blocks: set[int],
                     body: int) -> tuple[Block | None, Block | None]:
        if not header:
            return None, None
        x = header[-1]
        if not is_heading_like(x):
            # headline, standfirst, byline or date, body: the sentence is the standfirst (a lone
            # first paragraph under a subhead has no metadata line between it and the rest)
            if len(header) >= 2 and self._standfirst_shaped(x) and any(
                    x.index < i < body for i in metadata_blocks):
                y = header[-2]
                if x.index - y.index == 1 and is_heading_like(y) and y.n_words >= 3:
                    return y, x
            return None, None
        if len(header) >= 2:
            y = header[-2]
            adjacent = x.index - y.index <= 2
            # a longer line under a headline is the standfirst; so is a line of two sentences
            # with a byline or date between it and the body (the first lines of an extract are not)
            longer = x.n_words > y.n_words
            two_sentences = _SENTENCE_BREAK.search(x.text) is not None and any(
                x.index < i < body for i in metadata_blocks)
            if (adjacent and is_heading_like(y) and y.n_words >= 3 and x.n_words >= 8
                    and (longer or two_sentences)):
                if self._kicker(y, x):
                    return x, None
                return y, x
        return x, None

    def _kicker(self, y: Block, x: Block) -> bool:
        """``y`` is a kicker (a topic line: ``Hochwasser in Bayern``, ``The GiveWell Blog``) above
        the headline ``x``, not a headline above its standfirst: a standfirst is a sentence or
        longer than a headline."""
        o = self.options
        return y.n_words <= o.kicker_words and x.n_words <= o.headline_words and not x.ends_sentence

    @staticmethod
    def _standfirst_shaped(block: Block) -> bool:
        """One or two sentences of summary length: a standfirst, not the story's first paragraphs."""
        return block.ends_sentence and 8 <= block.n_words <= 60 and block.n_sentences <= 2

    def _prose_above(self, doc: Document, title: Block, skip: set[int],
                     metadata_blocks: set[int]) -> bool:
        """A line of sentences the rules kept stands above the candidate inside the article core:
        the text above is already the article (an extractor's output opening with its intro), so
        the candidate is a subhead. Sentences above the core (a cookie notice, a teaser in a page's
        header) do not count.
        """
        first, last = doc.core
        if last < first or not first < title.index <= last:
            return False
        for b in doc.blocks[first:title.index]:
            if b.index in skip or b.index in metadata_blocks:
                continue
            if b.n_words >= self.options.prose_above_words and b.ends_sentence and (
                    b.n_sentences >= 2 or doc.prose_scores[b.index] >= 0.6):
                return True
        return False

    def _related(self, doc: Document, block: Block) -> bool:
        """A title shares content words with its story; a headline of another story rarely does."""
        if not doc.core_words:
            return True
        return loose_overlap(block.words, doc.core_words, doc.stopwords) >= self.options.min_related

    def _story_words(self, doc: Document, start: int) -> frozenset[str]:
        """The content words of the story's core from block ``start`` on (what a title must name)."""
        first, last = doc.core
        return frozenset(w for i in range(max(start, first), last + 1) for w in doc.content_words[i])

    def _strongly_related(self, doc: Document, block: Block, body: int) -> bool:
        """``block`` has ``headline_units`` words and shares ``headline_related`` of its content
        words, two at least, with the story below it."""
        words = self._story_words(doc, max(body, block.index + 1))
        if block.n_units < self.options.headline_units or not words:
            return False
        hits, content = loose_hits(block.words, words, doc.stopwords)
        return hits >= 2 and hits >= self.options.headline_related * content

    def _by_relatedness(self, doc: Document, skip: set[int], metadata_blocks: set[int],
                        body: int) -> Block | None:
        """The first headline-shaped line within ``reach`` above the story (its first paragraph or
        its core, whichever comes later) that shares ``headline_related`` of its content words with
        the story below it: a headline names its story; a section label, a button, a caption's
        place name, another story's headline in the header rarely do so much."""
        end = max(body, doc.core[0])
        for b in doc.blocks[max(1, end - self.options.reach):end]:
            if (b.index in skip or b.index in metadata_blocks or not is_heading_like(b)
                    or b.n_words > 30 or is_date_line(b) or not_a_headline(b)
                    or _in_numbered_run(doc, b)):
                continue
            if (_FEED_OR_TRAIL.search(b.text) is None and self._strongly_related(doc, b, body)
                    and not self._prose_above(doc, b, skip, metadata_blocks)):
                return b
        return None

    def _related_below(self, doc: Document, block: Block, body: int) -> bool:
        """``block`` shares ``leftover_related`` of its content words with the story's paragraphs
        from ``body`` on (the core's words, less the header's own)."""
        words = self._story_words(doc, body)
        return bool(words) and (loose_overlap(block.words, words, doc.stopwords)
                                >= self.options.leftover_related)

    def _dek(self, doc: Document, title: Block, body: int, skip: set[int],
             dupes: list[Block]) -> Block | None:
        """One longer heading-shaped line between the title (and its repeats) and the body."""
        last = max([title.index] + [d.index for d in dupes if d.index < body])
        dupe_ids = {d.index for d in dupes}  # a set: thousands of repeats made `b not in dupes` quadratic
        between = [b for b in doc.blocks[last + 1:body] if b.index not in skip and b.index not in dupe_ids]
        if len(between) != 1:
            return None
        cand = between[0]
        if is_heading_like(cand) and cand.n_words >= 6 and self._related(doc, cand):
            return cand
        return None

    def _standfirst(self, doc: Document, title: Block, body: int, skip: set[int],
                    metadata_blocks: set[int], dupes: list[Block]) -> Block | None:
        """Title, one sentence paragraph, a metadata line, then body: the paragraph is a standfirst.

        Lines an earlier rule removed (share buttons under the byline) may stand between the
        metadata and the body, within :attr:`TitleOptions.window` blocks."""
        dupe_ids = {d.index for d in dupes}  # a set: thousands of repeats made `b not in dupes` quadratic
        between = [b for b in doc.blocks[title.index + 1:body]
                   if b.index not in skip and b.index not in dupe_ids]
        if between:
            return None
        cand = doc.blocks[body]
        seen_metadata = False
        for b in doc.blocks[body + 1:body + 1 + self.options.window]:
            if b.index in metadata_blocks:
                seen_metadata = True
            elif b.index not in skip:  # the next kept line: the body must start here
                return cand if seen_metadata and is_body_like(b, doc) else None
        return None

    def _declared(self, doc: Document, header: list[Block]) -> Block | None:
        """The header line the page's own title names, when the text is an HTML page's whole
        text (its ``title`` hint, the ``<title>`` less the site's name, or the ``<h1>``: the
        layout and page-text fallbacks of HTML mode); in plain text there is no such hint. On an
        old template's page text the lines above the story hold a masthead's slogan, a section
        label and a photo's caption, which the text's shape alone takes for the headline."""
        title = doc.hints.get("title")
        if not isinstance(title, str) or not title.strip():
            return None
        key = norm(title)
        return next((b for b in header if _is_variant(norm(b.text), key, self.options.suffix_words)),
                    None)

    def _html(self, doc: Document, context: Context) -> Iterator[Verdict]:
        title = doc.hints.get("title")
        key = norm(title) if isinstance(title, str) else ""
        headings = doc.hints.get("headings") or ()
        h1 = {norm(str(t)) for level, t in headings if level == 1}  # type: ignore[attr-defined]
        subheads = {norm(str(t)) for level, t in headings if level >= 2}  # type: ignore[attr-defined]
        skip = context.dropped_set()
        headline = False  # seen the headline (a repeat of the title or the page's h1)
        standfirst = False
        for b in doc.blocks[:self.options.html_header]:
            if b.index in skip:
                continue
            text = norm(b.text)
            if key and _is_variant(text, key, self.options.suffix_words):
                yield self.drop(b, Kind.DUPLICATE, "repeats the page title", SURE)
                headline = True
                continue
            if standfirst or not text:
                continue
            if (not headline and text in h1 and is_heading_like(b) and b.n_words >= 3
                    and self._related(doc, b)):
                yield self.meta(b, {"title": b.text}, "the page's headline (its h1)",
                                confidence=FIRM)
                headline = True
                continue
            standfirst = True  # only the first line under the headline may be the standfirst
            if (headline and text in subheads and b.n_words >= self.options.standfirst_words
                    and self._body_follows(doc, b, skip)):
                yield self.meta(b, {"subtitle": b.text},
                                "standfirst: a heading of the page right under the headline",
                                confidence=FIRM)

    @staticmethod
    def _body_follows(doc: Document, block: Block, skip: set[int]) -> bool:
        nxt = [b for b in doc.blocks[block.index + 1:block.index + 4] if b.index not in skip]
        return any(is_body_like(b, doc) for b in nxt)
