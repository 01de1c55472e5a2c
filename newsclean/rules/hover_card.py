"""Hover cards glued into a paragraph: a person's name in the story is a link whose pop-up card
(the name again, then the headlines of that person's latest stories, then a "MORE" link) the
extractor reads as text, so the paragraph says ``Rep. Ilhan OmarIlhan OmarHillicon Valley: ...
threatening her MORE (D-Minn.), the office announced``.

The card is recognised by its shape: right after a name, glued to it without a space, the same name
starts again (``OmarIlhan Omar``, ``NoemKristi Lynn Noem``); the card runs to the next end marker
(a whole word from ``data/hover_card.txt``, such as ``MORE``) within ``max_chars``. The span is
trimmed; the name and the rest of the paragraph stay.

Must not catch: camel-case names and brands (``McDonald``, ``iPhone``, ``YouTube``: the text after
the glue does not repeat the name); a glued name with no end marker after it (nothing is trimmed
when the end of the card is unknown); a repeated name separated by a space ("Omar Omar").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from newsclean.document import Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict

_GLUE = regex.compile(r"(?<=\p{Ll}[.'’]?)(?=\p{Lu})")
_WORD = regex.compile(r"\p{Lu}[\p{L}.'’-]*")


@lru_cache(maxsize=1)
def end_markers() -> tuple[str, ...]:
    """The words that end a hover card (package data ``data/hover_card.txt``)."""
    text = resources.files("newsclean").joinpath("data/hover_card.txt").read_text("utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True)
class HoverCardOptions(RuleOptions):
    max_chars: int = 1200
    """A card is at most this long; a marker further away does not end it."""
    name_words: int = 4
    """A name has at most this many words."""


class HoverCard(Rule):
    """Trim hover cards (name, headlines, "MORE") glued into a paragraph after a person's name."""

    name = "hover_card"
    Options = HoverCardOptions
    options: HoverCardOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        markers = end_markers()
        if not markers:
            return
        end_re = regex.compile(r"\s(?:" + "|".join(regex.escape(m) for m in markers) + r")(?=\s|$)")
        skip = context.dropped_set()
        for block in doc.blocks:
            if block.index in skip or not any(m in block.text for m in markers):
                continue
            text = block.text
            pos = 0
            for glue in _GLUE.finditer(text):
                g = glue.start()
                if g < pos:
                    continue
                name = self._name_before(text, g)
                if not name or not text.startswith(name[0], g):
                    continue
                end = end_re.search(text, g, min(len(text), g + self.options.max_chars))
                if end is None:
                    continue
                span = (g, end.end())
                shown = " ".join(name)
                yield self.trim(block, span, Kind.SITE_CHROME,
                                f"hover card of {shown!r} glued into the paragraph", 0.9)
                pos = end.end()

    def _name_before(self, text: str, g: int) -> list[str]:
        """The capitalised words (at most ``name_words``) that end right at ``g``."""
        words: list[str] = []
        for w in reversed(text[max(0, g - 120):g].split()):
            if not _WORD.fullmatch(w) or len(words) >= self.options.name_words:
                break
            words.insert(0, w)
        # the first word of the name must recur right after the glue: try the longest name first
        for k in range(len(words), 1, -1):
            if text.startswith(words[-k] + " ", g):
                return words[-k:]
        return []
