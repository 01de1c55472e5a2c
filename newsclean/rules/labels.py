"""Labels of headline lists and read-more lines, every language at once (package data
``data/headline_labels/*.txt``, see its README).

A "Meistgelesen" box is glued under English stories as often as under German ones, and the
document's language vote sees only the story: so the labels are matched regardless of it. They are
short whole lines (or the start of one, before a separator), generic across sites, and each only
ever a signal beside a shape test in the rules that read them.

>>> is_list_label("Most read:")
True
>>> is_list_label("» Les plus lus")
True
>>> is_list_label("Most read stories of the year were about the floods.")
False
>>> is_list_label("More from Sportsnet"), is_list_label("More Great WIRED Stories")
(True, True)
>>> is_list_label("Most read in Business"), is_list_label("Most read stories were about floods.")
(True, False)
>>> read_more_split("Lesen Sie auch: Bahnstreik legt den Fernverkehr lahm")
('Lesen Sie auch', 'Bahnstreik legt den Fernverkehr lahm')
>>> read_more_split("Read more about the plan in our report") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from newsclean.phrases import fold

_DECORATION = " \t•·▪►▶▸▹➤➜➔⇒→»›>|-–—*+:.…!：【】［］[]■◆●"
_LEAD = regex.compile(
    r"^[\s•·▪►▶▸▹➤➜➔⇒→»›>|*+【［\[■◆●]*(.{1,60}?)"
    r"(?:\s*(?::|：|>>?|»|›|→|[►▶▸▹➤➜➔⇒]|\||】|］|\])|\s+[-–—])\s*(\S.*)$")
"""Up to the first separator (``:``, ``>``, ``»``, ``›``, ``→``, an arrowhead ``▸`` ``►`` ``➤``,
``|``, a spaced dash; the full-width colon and the closing lenticular bracket of Chinese and
Japanese: ``関連記事：``, ``【相关阅读】``): the label, then the rest. A dash inside a word
(``E-Scooter``) separates nothing."""
_MAX_LABEL_WORDS = 7
_MAX_EXTRA_WORDS = 3
"""Words a longer label adds to a known one (``most read`` + ``in Business``, ``nos articles`` +
``les plus lus``, ``les articles les plus lus`` + ``ce mois-ci``)."""


_SLOT = r"\S+(?: \S+){0,3}"
"""What ``*`` in a ``list`` entry stands for: a name of one to four words (a site, a section, an
author: ``More from Sportsnet``, ``Popular on IndieWire``)."""


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], frozenset[str], regex.Pattern[str] | None, frozenset[str]]:
    """(list labels, read-more labels, the list labels with a ``*`` slot as one pattern, the labels
    declared ``list``), casefolded. A ``read_more`` entry is a list label too; one declared both
    ways (``related content``) keeps the list label's words around it (:func:`_spanned`)."""
    lists: set[str] = set()
    read_more: set[str] = set()
    templates: list[str] = []
    folder = resources.files("newsclean").joinpath("data/headline_labels")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        for line in entry.read_text("utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            kind, _, label = line.partition(" ")
            label = fold(label).replace("’", "'")
            if "*" in label and kind != "list":
                raise ValueError(f"{entry.name}: only a list label may hold a '*' slot: {line!r}")
            if kind == "list" and "*" in label:
                templates.append(_SLOT.join(regex.escape(part) for part in label.split("*")))
            elif kind == "list":
                lists.add(label)
            elif kind == "read_more":
                read_more.add(label)
            else:
                raise ValueError(f"{entry.name}: unknown label kind {kind!r} in {line!r}")
    pattern = regex.compile("|".join(templates)) if templates else None
    return frozenset(lists | read_more), frozenset(read_more), pattern, frozenset(lists)


def _clean(text: str) -> str:
    """A line as labels are compared: :func:`newsclean.phrases.fold` (case and spaces; Turkish
    ``İ`` and ``ı`` fold to ``i``) without decoration, one apostrophe."""
    return fold(text.strip(_DECORATION)).replace("’", "'")


def is_list_label(text: str) -> bool:
    """A whole line that labels a list of other stories (``Most read``, ``Meistgelesen:``), or a
    list label of two words or more with up to :data:`_MAX_EXTRA_WORDS` words of the site's
    around it (``Most read in Business``, ``Nos articles les plus lus``, ``Our most read stories
    this week``)."""
    clean = _clean(text)
    words = clean.split()
    if len(words) > _MAX_LABEL_WORDS + 1:
        return False
    exact, _, templates, _ = _labels()
    if len(words) <= _MAX_LABEL_WORDS and (
            clean in exact or (templates is not None and templates.fullmatch(clean) is not None)):
        return True
    if text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith(("...", "…")):
        return False  # a sentence about the most read stories
    spans = _spanned()
    n = len(words)
    return any(" ".join(words[i:j]) in spans
               for i in range(min(n, _MAX_EXTRA_WORDS + 1))
               for j in range(max(i + 2, n - _MAX_EXTRA_WORDS + i), n + 1))


@lru_cache(maxsize=1)
def _spanned() -> frozenset[str]:
    """The labels declared ``list`` (not only ``read_more``) of two words or more: those that keep
    their meaning with words of the site's around them (``most read`` + ``in Business``)."""
    lists = _labels()[3]
    return frozenset(label for label in lists if len(label.split()) >= 2)


def read_more_split(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` when ``text`` opens with a read-more label and a separator
    (``Read more: <headline>``, ``Lire aussi : <headline>``, ``» Lesen Sie auch: <headline>``);
    else ``None``. Says nothing of the rest: the caller judges whether it is a headline."""
    m = _LEAD.match(text)
    if m is None or len(m.group(1).split()) > _MAX_LABEL_WORDS:
        return None
    if _clean(m.group(1)) not in _labels()[1]:
        return None
    return m.group(1).strip(), m.group(2).strip()
