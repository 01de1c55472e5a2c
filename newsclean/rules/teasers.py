"""Teasers of other stories that the extractor leaves in the text: a run of headline-shaped lines
under a "You may also like" / "Don't miss" label, a run of headlines tagged ``[Video]``,
``[PICS]``, ``[INSIGHT]``, a bulleted list of headlines that ends the page, and a feed of dated
items.

``headline_list`` judges a run by how few words it shares with the story; that fails on related
stories, which share the story's words by design, and it is text-only because on extracted HTML it
also ate product lists and subheads. This rule asks for structure instead, one of:

* **label**: a chrome line (``Fact.CHROME_LINE``, provided by ``site_chrome``) that is a
  related-content or read-more *label* (a whole-line phrase match: ``You may also like...``,
  ``DON'T MISS``, ``Lesen Sie auch``),
  or a headline-list label of any language (``data/headline_labels``: ``Meistgelesen`` under an
  English story), followed by two or more teaser-shaped lines of one item shape (numbered in
  order, one bullet, or plain); the run ends at the first line that is not one, and the label
  goes with it; a ranking box that prints each place on a line of its own (``1`` / headline /
  ``2`` / headline) is one run, its numbers included;
* **read more**: one line of a read-more label, a separator and a headline (``Read more: ...``,
  ``Lire aussi : ...``), anywhere; and, under a label no list knows, between two paragraphs of the
  story (or two items of its list, or after a paragraph or a list before a subhead, a list or a
  paragraph; never right after a subhead), a line of a short label and a separator, or a link
  arrow, then a headline that shares few of the story's words and holds no field (a web address,
  a pipe, a price, codes in capitals) (``SIGA LEYENDO → ...``, ``Sprawdź: Nowe limity ...``,
  ``» ...``; only firm; a subhead in title case after a colon stays; a run of such lines is the
  story's own ``When:`` / ``Where:``);
* **tags**: two or more consecutive teaser-shaped lines ending in a bracketed tag of one or two
  words (``... Review [Video]``, ``... outbreak [NEWS]``);
* **tail list**: the document ends (nothing after it but lines earlier rules dropped) in a run of
  three or more list items of four words or more, one bullet or numbered in order (no full stop
  then), not introduced by a line ending in ``:``, not specifications, not mostly in the story's
  words; or in three or more plain headlines of similar length that share few words with the
  story's sentences;
* **dated feed**: three or more items in a row, each with a date line (with a day number) at the
  same distance from the next (2 to ``max_feed_stride`` lines), and a headline- or name-shaped line
  between every two dates (``Headline / Nov 19, 2019 / Headline / Nov 18, 2019``, or ``Author /
  Tuesday November 19, 2019 / One-paragraph teaser``): a river of other stories, each with its own
  date. The lines before the first date and after the last are taken only when they repeat the
  shapes of the items. Not on a page an earlier rule stated to be no article (the ``page_type``
  fact): there the dated items are the listing itself; nor where the feeds are the page's prose
  (the prose outside them has less than ``feed_page_share`` of their words: a blog's front page or
  archive read as an article, whose only other text is its menus).

A teaser-shaped line has 3 to ``max_words`` words, is one headline (no full stop at the end; a
``- `` list item may add a one-sentence summary), and does not end in ``:``.

Must not catch: a live blog (its entries are stamped with times, or with times of one day, and are
paragraphs without a headline between them); a list inside the story or introduced by it ("What you need:");
a single subhead after a "Read more" link, even under a one-line teaser (``Lesen Sie auch`` /
teaser / ``Streit um die Kosten`` / a paragraph on the costs); one ``[Video]`` line; a list of short items
(ingredients, product specifications: fewer than four words, or ``- Processor: ...``); a bulleted
list followed by more story; numbered steps ending in full stops; the story's own points ending
the page; a list that outweighs the page's prose (a listing page: the lists are the page); body
paragraphs after a label, even one-sentence ones ("Thunder: Host the Lakers on Friday." under
"UP NEXT").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass

import regex

from newsclean import phrases
from newsclean.confidence import FIRM, STRONG
from newsclean.dates import parse_date
from newsclean.document import Block, Document, content_union, word_units
from newsclean.kinds import Fact, Kind
from newsclean.pagetype import PageType
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.labels import is_list_label, read_more_split
from newsclean.rules.shapes import (
    BULLET_ITEM,
    CASELESS_START,
    HEADLINE_START,
    NUMBERED_ITEM,
    SPEC_ITEM,
    date_lines,
    has_day,
    is_date_line,
    is_heading_like,
    loose_overlap,
    overlap,
)

_TAG = regex.compile(r"\[\p{L}[\p{L}']*(?: \p{L}[\p{L}']*)?\]\s*$")
_TIME_OF_DAY = regex.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_BARE_NUMBER = regex.compile(r"^\s*(\d{1,2})\s+(?=\S)")
"""A list item numbered without a dot: ``1 Headline``, ``2 Headline``."""
_NUMBER_DOT = regex.compile(r"^\s*\d{1,3}\.\s")
_LABEL_CATEGORIES = frozenset({"related", "read_more"})
_CROSS_LINK = regex.compile(
    r"^\s*(?:(?:[»›→►▶▸▹➤➜➔⇒]|>>)\s*|(?P<label>\p{L}[\p{L}'’]*(?: \p{L}[\p{L}'’]*){0,3})\s*"
    r"(?P<sep>:|：|\||→|»|›|[►▶▸▹➤➜➔⇒]|>>?|\s[-–—])\s+)(?P<rest>\S.*)$")
"""A label of one to four words (letters only) and a separator (a colon, a pipe, an arrow or an
arrowhead, a dash: ``Lees ook ► ...``, ``LEER MÁS ▸ ...``), or a link arrow alone, before the rest
of the line. Five words or more are a sentence's opening more often than a label (``Son olarak
tüketici açısından soralım: Raf fiyatları düşer mi?`` in a Turkish story; measured in session
35)."""
_LONG_WORD = regex.compile(r"\p{L}{4,}")
_FIELDS = regex.compile(
    r"://|\bwww\.|\w\.(?:com|org|net|edu|gov|io)\b|(?<![\w.])@\w|\||[$€£¥]\s?\d")
"""What a linked headline never holds and a line of fields does: a web address or a social handle
closing an address (``Details: 201 E. Washington St. Suite 111 eatricemill.com``, ``... 2nd Ave.
@junebugcoffeeshop on Instagram``), a pipe between fields, a price."""
_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"\p{Lu}")
_LINK_SIDES = frozenset({("prose", "prose"), ("prose", "item"), ("prose", "heading"),
                         ("item", "item"), ("item", "prose")})
"""What stands before and after a line linking another story (``Teasers._story_side``): two
paragraphs, or the end of a paragraph or of a list before the next subhead, list or paragraph,
or two items of the story's list. Never right after a subhead: the line there opens its section
(``SETUP STEP #1`` / ``Sit up straight – Just like mom always told you to``)."""


def _title_cased(text: str) -> bool:
    """Three quarters or more of the words of four letters or more start with a capital (``Making
    Random Feel More Human``): the case of a subhead after a colon in English; a headline linked
    under a label is written in sentence case in most languages (``Nowe limity wypłat z
    bankomatów``), and German capitalises its nouns, half of a headline's long words (``Schule
    gewinnt bundesweiten Robotik-Wettbewerb``: three of five, at half it read as a subhead)."""
    words = _LONG_WORD.findall(text)
    return bool(words) and 4 * sum(1 for w in words if w[0].isupper()) >= 3 * len(words)


_PROSE = 0.6
"""A block with at least this prose score is a paragraph of the story."""


@dataclass(frozen=True)
class TeasersOptions(RuleOptions):
    max_words: int = 30
    """Teaser lines have at most this many words (headline plus a short summary)."""
    max_run: int = 12
    """At most this many lines follow a label."""
    min_tail_items: int = 3
    """A list that ends the page needs this many items."""
    min_item_words: int = 4
    """...of at least this many words each."""
    tail_related: float = 0.3
    """Plain headlines ending the page share on average less than this of their content words with
    the story's sentences (a list of the story's own points shares more)..."""
    tail_line_related: float = 0.5
    """...and each less than this."""
    min_feed_items: int = 3
    """A dated feed has at least this many dates at a regular distance."""
    max_feed_stride: int = 4
    """...and an item has at most this many lines (date included)."""
    feeds_on_non_articles: bool = False
    """Also drop dated feeds on a page stated to be no article (the ``page_type`` fact: a listing's
    dated items are its content, not other stories) and feeds that are the page's prose
    (``feed_page_share``)."""
    feed_page_share: float = 0.35
    """Dated feeds are the page, not teasers, when the prose outside them has fewer words than
    this share of theirs (on the dev page texts: articles with a feed 0.50 and up, the listings
    whose gold is their feed 0.05 to 0.23)."""
    cross_link_related: float = 0.25
    """A headline linked between two paragraphs under a label no list knows shares less than this
    of its content words with the story (``_cross_links``)."""
    subhead_words: int = 7
    """The second of two lines under a label, shorter than the teaser above it and followed by a
    paragraph of the story that takes up its words, is the story's subhead when it has at most
    this many words."""


class Teasers(Rule):
    """Drop teasers of other stories: runs under a related-content label, tagged headlines, a
    bulleted list of headlines that ends the page, and feeds of dated items."""

    name = "teasers"
    Options = TeasersOptions
    options: TeasersOptions
    requires = frozenset({Fact.CHROME_LINE})

    def _teaser(self, block: Block, *, item: bool = False) -> bool:
        text = block.text.rstrip()
        if not 3 <= block.n_units <= self.options.max_words or text.endswith((":", "：")):
            return False
        if not item and text.endswith((".", "。")) and not text.endswith("..."):
            return False  # a headline has no full stop; a one-sentence paragraph has
        sentences = block.n_sentences - (1 if _NUMBER_DOT.match(text) else 0)  # "2." is no sentence
        sentences += text.count("。", 0, len(text) - 1)  # no space after it: n_sentences misses it
        return sentences <= (2 if item else 1) and block.n_chars <= 220

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        dropped = context.dropped_set()
        found: dict[int, str] = {}
        self._after_labels(doc, context, dropped, found)
        self._read_more_lines(doc, dropped, found)
        links = self._cross_links(doc, dropped, found)
        self._tagged(doc, dropped, found)
        self._tail_list(doc, dropped, found)
        if self.options.feeds_on_non_articles or context.page_type() in (None, PageType.ARTICLE):
            self._dated_feeds(doc, dropped, found)
        for index, reason in sorted(found.items()):
            yield self.drop(doc.blocks[index], Kind.HEADLINE_LIST, reason, STRONG)
        for index, reason in sorted(links.items()):
            if index not in found:
                yield self.drop(doc.blocks[index], Kind.HEADLINE_LIST, reason, FIRM)

    def _after_labels(self, doc: Document, context: Context, dropped: set[int],
                      found: dict[int, str]) -> None:
        chrome = context.established(Fact.CHROME_LINE)
        own = {b.index for b in doc.blocks if b.n_words <= 8 and is_list_label(b.text)}
        titles = context.title_blocks()
        for i in sorted(chrome | own):
            label = doc.blocks[i]
            if label.n_words > 8:
                continue
            if i not in own:
                hit = phrases.match_block(doc, label)
                if hit is None or hit.category not in _LABEL_CATEGORIES or hit.mode not in ("line", "row"):
                    continue
            run = self._run_under(doc, i, dropped)
            if titles.intersection(run):  # the story starts under the label: its title ends the run
                run = run[:min(run.index(j) for j in titles.intersection(run))]
            if run and self._subhead_after(doc, run, dropped):
                run.pop()  # the story goes on under its own subhead
            heads = sum(1 for j in run if not doc.blocks[j].text.strip().isdigit())  # not ranks
            if heads >= 2 and self._story_outweighs(doc, [doc.blocks[j] for j in run]):
                reason = f"{heads} teaser headlines under the label {label.text.strip()!r}"
                if i not in dropped:
                    found.setdefault(i, f"label of {heads} teaser headlines")
                for j in run:
                    found.setdefault(j, reason)

    @staticmethod
    def _prose_outside(doc: Document, inside: Container[int]) -> float:
        """Words (:attr:`Block.n_units`) of the prose blocks not in ``inside``: the story a list or
        a feed would have to be weighed against."""
        return sum(b.n_units for b, p in zip(doc.blocks, doc.prose_scores, strict=True)
                   if p >= _PROSE and b.index not in inside)

    @classmethod
    def _story_outweighs(cls, doc: Document, items: list[Block]) -> bool:
        """The page holds more story than list: the prose blocks elsewhere have more words than the
        items. On a listing page (a front page, a feed of links) the lists are the page."""
        return cls._prose_outside(doc, {b.index for b in items}) > sum(b.n_units for b in items)

    def _run_under(self, doc: Document, label: int, dropped: set[int]) -> list[int]:
        """The teaser lines under a label, all of one shape: numbered in order (``1.``, ``1)`` or a
        bare ``1``), or all with the same bullet, or plain. A change of shape ends the run: the
        story's own numbered subhead or list after a box of plain headlines is not part of it."""
        run: list[int] = []
        shape: str | None = None
        rank = 0
        for block in doc.blocks[label + 1:label + 1 + self.options.max_run]:
            if block.text.strip() == str(rank + 1):
                # a ranking box prints each place on its own line: "1" / headline / "2" / ...
                rank += 1
                if block.index not in dropped:
                    run.append(block.index)
                continue
            if block.index in dropped:
                if run:
                    break
                continue
            item_shape = _item_shape(block.text)
            if shape is None:
                shape = "1" if item_shape == "#1" else item_shape
            elif shape.isdigit():
                if item_shape != f"#{int(shape) + 1}":
                    break
                shape = str(int(shape) + 1)
            elif item_shape != shape and not (shape == "plain" and item_shape.startswith("#")
                                              and item_shape != "#1"):
                break
            if not self._teaser(block, item=item_shape != "plain"):
                break
            run.append(block.index)
        return run

    def _cross_links(self, doc: Document, dropped: set[int], found: dict[int, str]) -> dict[int, str]:
        """A line between two paragraphs of the story (or where ``_LINK_SIDES`` allows) that
        links another story whatever its label: a label of one to four words and a separator (after
        a colon a headline in sentence case, or any after a label in capitals: ``Sprawdź: Nowe
        limity ...``, ``POLECAMY: ...``; ``Shuffle: Making Random Feel More Human`` is a subhead),
        or a link arrow, then a headline (``SIGA LEYENDO → ...``, ``Noticia relacionada - ...``,
        ``» Gaz : pourquoi ...``) that shares under ``cross_link_related`` of its words with the
        story; a sentence ends in a full stop. Only firm: a line the line model reads as the
        story's stays."""
        out: dict[int, str] = {}
        kept = [b for b in doc.blocks if b.index not in dropped and b.n_words]
        for before, block, after in zip(kept, kept[1:], kept[2:], strict=False):
            if block.index in found or not 5 <= block.n_units <= self.options.max_words + 5:
                continue
            m = _CROSS_LINK.match(block.text)
            sides = (self._story_side(doc, before), self._story_side(doc, after))
            if m is None or sides not in _LINK_SIDES:
                continue
            if any(_CROSS_LINK.match(side.text) for side in (before, after)):
                continue  # "When: ...", "Where: ...", "» ...": a run of such lines is no single link
            label, rest = m.group("label"), m.group("rest").strip()
            if label is not None and (not 1 <= len(label.split()) <= 4 or len(label) < 3 or (
                    m.group("sep") in (":", "：") and not label.isupper() and _title_cased(rest))):
                continue  # "Shuffle: Making Random Feel More Human", "A: ...": a subhead, an answer
            if not (HEADLINE_START.match(rest) or CASELESS_START.match(rest)) or not (
                    4 <= word_units(rest) <= self.options.max_words):
                continue
            if rest.endswith((".", "。", ":", "：")) and not rest.endswith("..."):
                continue
            if _FIELDS.search(rest) or (not _LOWER.search(rest) and _UPPER.search(rest)):
                continue  # "Registration: TBD https://...", "a | b | c", "SKU: X MFR: Y": fields
            story = self._story_words(doc, block)
            if overlap(block.words, story, doc.stopwords) >= self.options.cross_link_related:
                continue
            out[block.index] = "a line linking another story inside the story"
        return out

    @staticmethod
    def _story_words(doc: Document, block: Block) -> frozenset[str]:
        """The core's content words (:attr:`Document.core_words`) without ``block``'s own: a
        linked headline that reads as prose enough to count in the core would share all its words
        with itself."""
        first, last = doc.core
        if not first <= block.index <= last or doc.prose_scores[block.index] < 0.5:
            return doc.core_words
        prose = list(doc.prose_scores)
        prose[block.index] = 0.0
        return content_union(doc.blocks, prose, first, last, doc.stopwords, doc.content_words)

    @staticmethod
    def _story_side(doc: Document, block: Block) -> str:
        """What a line beside a cross-link is: ``"prose"`` (a paragraph), ``"item"`` (a list's
        item: the link is set between two of the story's points as often as between two
        paragraphs), ``"heading"`` (a subhead), or ``""``."""
        if doc.prose_scores[block.index] >= _PROSE:
            return "prose"
        if BULLET_ITEM.match(block.text) or NUMBERED_ITEM.match(block.text):
            return "item"
        return "heading" if is_heading_like(block) else ""

    def _read_more_lines(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        """One line that is a read-more label and another story's headline (``Read more: <headline>``,
        ``Lesen Sie auch: <headline>``), anywhere: the headline starts like one, has 2 to
        ``max_words`` words and no full stop at its end (a sentence after ``Related:`` stays)."""
        for block in doc.blocks:
            if block.index in dropped or not 3 <= block.n_units <= self.options.max_words + 7:
                continue
            split = read_more_split(block.text)
            if split is None:
                continue
            label, rest = split
            if not (HEADLINE_START.match(rest) or CASELESS_START.match(rest)) or not (
                    2 <= word_units(rest) <= self.options.max_words):
                continue
            if rest.endswith((".", "。")) and not rest.endswith("..."):
                continue
            found.setdefault(block.index, f"read-more line: {label!r} and another story's headline")

    def _subhead_after(self, doc: Document, run: list[int], dropped: set[int]) -> bool:
        """The second of two lines under a label is the story's subhead, not a teaser, when it is
        shorter than the teaser above it (``subhead_words`` at most, no bullet) and the story's next
        paragraph follows and takes up its words: ``Lesen Sie auch`` / one teaser headline /
        ``Streit um die Kosten`` / a paragraph about the costs. Another story's headline rarely
        shares a word with the paragraph under it."""
        if len(run) != 2:
            return False
        first, last = doc.blocks[run[0]], doc.blocks[run[1]]
        if (last.n_words > self.options.subhead_words or last.n_words >= first.n_words
                or BULLET_ITEM.match(last.text)):
            return False
        nxt = next((doc.blocks[j] for j in range(last.index + 1, len(doc.blocks)) if j not in dropped),
                   None)
        if nxt is None or not nxt.ends_sentence or doc.prose_scores[nxt.index] < _PROSE:
            return False
        vocabulary = frozenset(doc.content_words[nxt.index])
        return loose_overlap(last.words, vocabulary, doc.stopwords) > 0

    def _tagged(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        run: list[int] = []
        for block in [*doc.blocks, None]:
            if block is not None and block.index in dropped:
                continue
            if block is not None and _TAG.search(block.text) and self._teaser(block):
                run.append(block.index)
                continue
            if len(run) >= 2:
                for j in run:
                    found.setdefault(j, f"run of {len(run)} headlines ending in a [tag]")
            run = []

    def _tail_list(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        """The lines that end the page (past what earlier rules dropped), all of one item shape:
        ``- `` or ``•`` bulleted with one bullet, numbered in order, or plain headlines unrelated to
        the story (see :meth:`_plain_tail`)."""
        o = self.options
        end = len(doc.blocks)
        while end > 0 and doc.blocks[end - 1].index in dropped:
            end -= 1
        if end == 0:
            return
        shape = _item_shape(doc.blocks[end - 1].text)
        if shape == "plain":
            self._plain_tail(doc, end, dropped, found)
            return
        start = end
        while start > 0:
            prev = _item_shape(doc.blocks[start - 1].text)
            if shape.startswith("#"):
                if prev != f"#{int(shape[1:]) - 1}" and not (start == end and prev == shape):
                    break
                shape = prev
            elif prev != shape:
                break
            start -= 1
        items = doc.blocks[start:end]
        kept = [b for b in items if b.index not in dropped]
        if len(items) < o.min_tail_items or len(kept) < 2:
            return
        if start > 0 and doc.blocks[start - 1].text.rstrip().endswith(":"):
            return
        numbered = shape.startswith("#")  # a numbered item with a full stop is a step, not a headline
        if not all(b.n_words >= o.min_item_words and self._teaser(b, item=not numbered)
                   and (not numbered or is_heading_like(b, o.max_words)) for b in kept):
            return
        if not self._story_outweighs(doc, kept) or all(SPEC_ITEM.match(b.text) for b in kept):
            return  # the page is the list; or specifications ("- Processor: Dual core ...")
        story = [i for i in range(start) if doc.prose_scores[i] >= _PROSE and doc.blocks[i].ends_sentence]
        vocabulary = frozenset(w for i in story for w in doc.content_words[i])
        if sum(overlap(b.words, vocabulary, doc.stopwords) for b in kept) / len(kept) >= o.tail_line_related:
            return  # the story's own points, in its words
        reason = f"list of {len(items)} headlines ending the page"
        for b in kept:
            found.setdefault(b.index, reason)

    def _plain_tail(self, doc: Document, end: int, dropped: set[int], found: dict[int, str]) -> None:
        """Headlines with no bullet nor list number that end the page, after the story: three or
        more lines of ``min_item_words`` words or more, none a sentence nor a lead-in, of similar
        length, each sharing under ``tail_line_related`` of its content words with the story's
        sentences and all of them on average under ``tail_related``. Walking up from the end, the
        first line that shares more is the story's (its last subhead, a list of its points)."""
        o = self.options
        story = [i for i in range(end) if doc.prose_scores[i] >= _PROSE and doc.blocks[i].ends_sentence
                 and not self._plain_headline(doc.blocks[i], dropped)]  # a question is a headline too
        if not story:
            return
        vocabulary = frozenset(w for i in story for w in doc.content_words[i])
        start = end
        shares: list[float] = []
        while start > 0:
            b = doc.blocks[start - 1]
            if not self._plain_headline(b, dropped):
                break
            share = overlap(b.words, vocabulary, doc.stopwords)
            if share >= o.tail_line_related:
                break
            shares.append(share)
            start -= 1
        items = doc.blocks[start:end]
        if len(items) < o.min_tail_items or start <= story[0]:
            return
        texts = {b.text for b in items}
        if len(texts) < len(items) or any(b.text in texts for b in doc.blocks[:start]):
            return  # lines the page repeats: a plan or a table of its own, not other stories
        if start > 0 and doc.blocks[start - 1].text.rstrip().endswith(":"):
            return
        lengths = [b.n_words for b in items]
        if max(lengths) > 3 * min(lengths) or not self._story_outweighs(doc, items):
            return
        related = sum(shares) / len(shares)
        if related >= o.tail_related:
            return
        reason = (f"{len(items)} headlines ending the page, {related:.0%} of their words shared "
                  "with the story")
        for b in items:
            found.setdefault(b.index, reason)

    def _plain_headline(self, b: Block, dropped: set[int]) -> bool:
        """A headline with no bullet nor list number (it may start with a figure: ``7 Trends to
        Watch``), no full stop, at most two sentences (``U.S.`` counts one), no table cells, at
        most one comma (a line of quantities has more)."""
        o = self.options
        text = b.text.rstrip()
        return (b.index not in dropped and o.min_item_words <= b.n_words <= o.max_words
                and not BULLET_ITEM.match(text) and not NUMBERED_ITEM.match(text)
                and not text.endswith((".", ":")) and b.n_sentences <= 2 and b.n_chars <= 220
                and is_heading_like(b, o.max_words) and bool(HEADLINE_START.match(text))
                and " | " not in text and text.count(",") <= 1)  # "4 oz. chicken, 1 cup rice, ..."

    def _dated_feeds(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        o = self.options
        dates = [i for i in sorted(date_lines(doc))
                 if doc.blocks[i].n_words <= 12 and has_day(doc.blocks[i].text)]
        feeds: list[tuple[int, int, str]] = []
        i = 0
        while i + 1 < len(dates):
            stride = dates[i + 1] - dates[i]
            valid = 2 <= stride <= o.max_feed_stride
            j = i  # extend the run while the stride holds and every gap carries a head
            while (j + 1 < len(dates) and dates[j + 1] - dates[j] == stride
                   and (not valid or self._has_head(doc, dates[j] + 1, stride))):
                j += 1
            run = dates[i:j + 1]
            if valid and len(run) >= o.min_feed_items and not self._one_day(doc, run):
                first, last = self._feed_bounds(doc, run, stride)
                feeds.append((first, last, f"feed of {len(run)} dated items, a date every {stride} lines"))
                i = j + 1
            else:
                i = max(i + 1, j)  # no run starts inside this one: each date is looked at twice
        if not feeds or (not o.feeds_on_non_articles and self._feeds_are_the_page(doc, feeds)):
            return
        for first, last, reason in feeds:
            for block in doc.blocks[first:last + 1]:
                if block.index not in dropped:
                    found.setdefault(block.index, reason)

    def _feeds_are_the_page(self, doc: Document, feeds: list[tuple[int, int, str]]) -> bool:
        """The prose outside all the feeds is less than ``feed_page_share`` of the feeds' words: a
        blog's front page or an archive, whose dated items are its content, even where the page
        type model read an article."""
        inside = {k for first, last, _ in feeds for k in range(first, last + 1)}
        feed_words = sum(doc.blocks[k].n_units for k in inside)
        return self._prose_outside(doc, inside) < self.options.feed_page_share * feed_words

    @staticmethod
    def _one_day(doc: Document, run: list[int]) -> bool:
        """Most of the run's stamps name one day with a time of day: the posts of a live blog
        (``5:58 a.m. ET, January 1, 2024``), not a feed of other stories, each with its own date."""
        days = Counter(stamp[:10] for i in run
                       if _TIME_OF_DAY.search(text := doc.blocks[i].text) and (stamp := parse_date(text)))
        return bool(days) and days.most_common(1)[0][1] * 3 >= len(run) * 2

    @staticmethod
    def _head(block: Block) -> bool:
        """A headline or a name: what each item of a feed carries besides its date and summary."""
        return is_heading_like(block, 20) and not is_date_line(block)

    def _has_head(self, doc: Document, start: int, stride: int) -> bool:
        return any(self._head(b) for b in doc.blocks[start:start + stride - 1])

    def _feed_bounds(self, doc: Document, run: list[int], stride: int) -> tuple[int, int]:
        """First and last block of the feed: from the first date to the last, plus the lines of the
        first and last items that lie outside that span, when their shapes match the other items'."""
        gap = doc.blocks[run[-2] + 1:run[-1]]  # the lines between the last two dates
        heads = [k for k, b in enumerate(gap) if self._head(b)]
        before, after = len(gap) - heads[-1], heads[0]  # item lines before / after its date
        first, last = run[0], run[-1]
        lead = doc.blocks[max(0, first - before):first]
        if len(lead) == before and all(
                self._same_shape(a, b) for a, b in zip(lead, gap[-before:], strict=True)):
            first -= before
        tail = doc.blocks[last + 1:last + 1 + after]
        if after and len(tail) == after and all(
                self._same_shape(a, b) for a, b in zip(tail, gap[:after], strict=True)):
            last += after
        return first, last

    def _same_shape(self, a: Block, b: Block) -> bool:
        return self._head(a) == self._head(b) and a.ends_sentence == b.ends_sentence


def _item_shape(text: str) -> str:
    """``#n`` for an item numbered n (``n.``, ``n)``, a bare ``n``), the bullet for a bulleted one
    (``•``, ``-``), else ``plain``."""
    m = NUMBERED_ITEM.match(text) or _BARE_NUMBER.match(text)
    if m is not None:
        return f"#{int(m.group(1))}"
    if BULLET_ITEM.match(text):
        return text.lstrip()[0]
    return "plain"
