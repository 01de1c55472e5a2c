"""Prose the extractor left out of a page that is not an article, taken back from the page's text.

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
mostly other products'. On articles, adding only the paragraphs that fall between two extracted
ones helped too (wcxb-dev articles 0.9345 -> 0.9377, 17 of 20 pages better; aeb-dev unchanged),
but it needs the page text of every article page (6.5 ms a page on wcxb-dev, beside about 50 ms
for HTML mode) and text mode on those with prose outside the extraction, and is not done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
