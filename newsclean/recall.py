"""Prose the extractor left out, taken back from the page's own text: on a page that is not an
article, and inside the extraction of any other page.

On a forum thread, a listing, a service page or a documentation page, HTML mode keeps what
trafilatura keeps (no line is cut as chrome: :data:`newsclean.api.NOT_ARTICLE_WARNING`). But
trafilatura looks for one article, and on such pages it often keeps a fragment: the first post of a
thread, one block of a service page. Text mode, run on the page's whole visible text, finds more of
the page's prose, with the chrome around it removed by the same rules as always.

:func:`missing_prose` compares the two: when text mode keeps at least ``ratio`` times the words
HTML mode kept, its paragraphs that read as prose (``min_words`` words or more, ending like a
sentence) and that the extraction lacks are added, each after the nearest paragraph the two share,
in page order. Nothing is invented: every added paragraph is a line of the page's own text.

Measured on wcxb-dev (HTML mode without and with it, page types from the page-type model out of
fold, line models out of fold; docs/benchmarks.md, session 12): forum 0.719 -> 0.756, listing
0.569 -> 0.605, service 0.750 -> 0.782, documentation 0.901 -> 0.904, collection 0.557 -> 0.557,
product 0.602 -> 0.599, article 0.935 -> 0.935 (articles are never touched; the changes there are
articles typed otherwise); all pages 0.826 -> 0.834; aeb-dev unchanged (no page typed so). Product
and collection pages are left out of the default types: there the prose outside the extraction was
mostly other products'.

On any other page (an article; a product or collection page too: the prose *around* their
extraction is other products', what lies *inside* it is the page's own), :func:`interior_prose`
takes back only the lines that lie *between* two lines of the extraction and read as prose
(trafilatura leaves out a paragraph inside the story now and then: a tip box, an accordion
section, a note in a ``<div>`` whose class it distrusts), read from the page's text without
captions, forms and widgets named for what they are (:data:`NOT_PROSE_TAGS`,
:data:`NOT_PROSE_MARKS`). They are put into the extraction *before* the text rules run, so each
is judged like any other line (a newsletter prompt put back is dropped by ``promo``). Measured in
HTML mode with page types and line models out of fold (docs/benchmarks.md, session 14): wcxb-dev
articles 0.9345 -> 0.9404 (recall 0.940 -> 0.952; 77 pages better, 50 worse), then product pages
0.599 -> 0.612 and collections 0.557 -> 0.572 (where the rules remove nothing), all types 0.8338
-> 0.8398; aeb-dev 0.9704 -> 0.9710 (3 pages better, 2 worse). It costs the page text of each
such page, about 5 ms a page on wcxb-dev beside about 60 ms for HTML mode. Text mode is not run
on it: the rules see the lines where they sit in the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from newsclean.rules.shapes import norm  # the same paragraph however it was spaced or punctuated

_WORD = regex.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", '"', "”", "。", "！", "？")


@dataclass(frozen=True, slots=True)
class RecallOptions:
    """When and what :func:`missing_prose` adds."""

    page_types: frozenset[str] = frozenset({"forum", "listing", "service", "documentation"})
    """Page types (:class:`~newsclean.pagetype.PageType` values) whose extraction is completed."""
    ratio: float = 1.5
    """Text mode must keep at least this many times the words of the extraction..."""
    min_words: int = 10
    """...and a paragraph added has at least this many words and ends like a sentence."""


DEFAULT = RecallOptions()


def _prose(text: str, min_words: int) -> bool:
    return len(text.split()) >= min_words and text.rstrip().endswith(_SENTENCE_END)


def missing_prose(extracted: Sequence[str], page: Sequence[str],
                  options: RecallOptions = DEFAULT) -> list[tuple[int, str]]:
    """``(position, paragraph)`` pairs to insert into ``extracted``: the prose paragraphs of
    ``page`` (text mode's paragraphs of the page's whole text) that ``extracted`` (HTML mode's)
    lacks. ``position`` is the index in ``extracted`` before which the paragraph goes: after the
    last paragraph of ``extracted`` that came before it on the page (0 when none did).

    Nothing when ``page`` holds fewer than ``options.ratio`` times the words of ``extracted``: then
    the extraction already has most of what text mode finds.

    >>> missing_prose(["First post, the question asked by the user."],
    ...               ["First post, the question asked by the user.",
    ...                "A reply with a long and helpful answer that ends like a sentence.", "Reply"])
    [(1, 'A reply with a long and helpful answer that ends like a sentence.')]
    """
    extracted_words = sum(len(_WORD.findall(p)) for p in extracted)
    page_words = sum(len(_WORD.findall(p)) for p in page)
    if extracted_words == 0 or page_words < options.ratio * extracted_words:
        return []
    keys = [norm(p) for p in extracted]
    where = {k: i for i, k in enumerate(keys)}
    everything = "\n".join(keys)
    added: list[tuple[int, str]] = []
    after = 0
    for paragraph in page:
        key = norm(paragraph)
        if key in where:
            after = where[key] + 1
        elif _prose(paragraph, options.min_words) and key and key not in everything:
            added.append((after, paragraph))
    return added


def may_add(extracted: Sequence[str], page_text: str, options: RecallOptions = DEFAULT) -> bool:
    r"""Whether :func:`missing_prose` could add anything: some line of ``page_text`` (the raw page
    text, one block a line) reads as prose and is not in ``extracted``. Text mode keeps lines of
    that text, so without such a line it need not run (a quarter of wcxb-dev's non-article pages).

    >>> post = "The only post of the thread, asked by a user."
    >>> may_add([post], f"Home\n{post}\nReply")
    False
    """
    everything = "\n".join(norm(p) for p in extracted)
    return any(_prose(line, options.min_words) and norm(line) not in everything
               for line in page_text.splitlines())


def insert(paragraphs: Sequence[str], added: Sequence[tuple[int, str]]) -> list[str]:
    """``paragraphs`` with each ``(position, paragraph)`` of ``added`` put before ``position``
    (pairs of one position keep their order).

    >>> insert(["a", "b"], [(0, "x"), (1, "y"), (2, "z")])
    ['x', 'a', 'y', 'b', 'z']
    """
    out: list[str] = []
    queue = sorted(enumerate(added), key=lambda item: (item[1][0], item[0]))
    j = 0
    for i, paragraph in enumerate(paragraphs):
        while j < len(queue) and queue[j][1][0] <= i:
            out.append(queue[j][1][1])
            j += 1
        out.append(paragraph)
    out.extend(item[1][1] for item in queue[j:])
    return out


NOT_PROSE_TAGS = ("figure", "figcaption", "form", "label", "select", "button")
"""Elements whose text is left out of the page text :func:`interior_prose` reads: a photo's
caption and a form's labels ("I agree that ... can send me the newsletter") read as sentences but
are not the story (on aeb-dev, news of 2019, they were most of what the gaps held)."""

NOT_PROSE_MARKS = ("newsletter", "subscri", "signup", "sign-up", "share", "social", "promo",
                   "advert", "sponsor", "video", "caption", "credit", "related")
"""...nor the text of elements whose ``class`` or ``id`` names a widget that is not the story (a
sign-up box, share buttons, a video player's description, a photo credit, related stories)."""


@dataclass(frozen=True, slots=True)
class InteriorOptions:
    """What :func:`interior_prose` takes back from the page."""

    min_words: int = 10
    """A line taken back has at least this many words and ends like a sentence."""
    max_shared: float = 0.5
    """...and fewer than this share of its four-word sequences are in the extraction already (the
    same paragraph, spaced or hyphenated otherwise)."""


_INTERIOR = InteriorOptions()
_CUT = ("...", "…")


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 4]) for i in range(max(len(words) - 3, 0))}


def interior_prose(extracted: Sequence[str], page: Sequence[str],
                   options: InteriorOptions = _INTERIOR) -> list[tuple[int, str]]:
    """``(position, line)`` pairs to insert into ``extracted`` (an article's extraction, one
    paragraph a line): the lines of ``page`` (the page's text, one block a line) that lie between
    two lines of the extraction, read as prose, are printed once on the page and are not in the
    extraction. trafilatura leaves out a paragraph inside the story now and then (a tip box, an
    accordion section, a note in a ``<div>`` whose class it distrusts); the text rules judge each
    line put back as they judge the others. ``position`` is as in :func:`missing_prose`.

    >>> interior_prose(["The first paragraph of the story.", "The last paragraph of it."],
    ...                ["Home", "The first paragraph of the story.",
    ...                 "A paragraph between the two that the extractor left out, ending well.",
    ...                 "The last paragraph of it.", "A line after the story, which stays out."])
    [(1, 'A paragraph between the two that the extractor left out, ending well.')]
    """
    keys = [norm(p) for p in extracted]
    where: dict[str, int] = {}
    for i, key in enumerate(keys):
        where.setdefault(key, i)
    page_keys = [norm(line) for line in page]
    printed = Counter(page_keys)
    anchors = [(j, where[key]) for j, key in enumerate(page_keys) if key in where]
    if len(anchors) < 2:
        return []
    known = _shingles([w for key in keys for w in key.split()])
    added: list[tuple[int, str]] = []
    for (start, before), (end, after) in pairwise(anchors):
        if after < before:  # the extraction and the page disagree on the order here
            continue
        for j in range(start + 1, end):
            key, line = page_keys[j], page[j]
            if not key or printed[key] > 1 or key in where or not _prose(line, options.min_words):
                continue
            if line.rstrip().endswith(_CUT):  # a teaser cut short ("... as Hurri...")
                continue
            own = _shingles(key.split())
            if own and len(own & known) >= options.max_shared * len(own):
                continue
            added.append((before + 1, line))
    return added
