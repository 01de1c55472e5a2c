"""The article's own interview: turns that start with one of two speaker labels, in alternation
(``Q: ...`` / ``A: ...``, ``Frage: ...`` / ``Antwort: ...``, ``SPIEGEL: ...`` / ``Scholz: ...``).

A quick-fire round of an interview ("Q: Favorite apps?" / "A: Uber Eats and ParkMobile") is a
column of short lines without sentence ends: to the line scorer it looks like a menu. What marks it
as the article's is the alternation of two speakers, which no menu, link list or footer has. The
labels are read from the page, not from a word list, so any language's interviewer and
interviewee count.

The rule only keeps: each labelled turn of a run of at least ``min_turns`` turns per speaker, with
at least one turn inside the article core, gets a keep verdict strong enough to stand against the
line scorer's and ``headline_list``'s drops. It removes nothing, and it does not keep a turn an
earlier rule removed for sure.

Must not catch: a data sheet or a spec list (``Price: ...``, ``Weight: ...``, ``Colour: ...``:
many labels, no alternation); credits (``Photo: ...`` / ``Source: ...`` once each); a FAQ or a
transcript outside the article core.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.confidence import ABSOLUTE
from newsclean.document import Block, Document
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict

_LABEL = regex.compile(r"^\s*(\p{Lu}[\p{L}\p{N}.'’-]*(?: [\p{L}\p{N}.'’-]+){0,3})\s*[:：]\s+\S")
"""A speaker label: one to four words starting with a capital, then a colon and the turn."""


@dataclass(frozen=True)
class InterviewOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: the HTML extractor keeps an interview's paragraphs already."""
    min_turns: int = 2
    """Each of the two speakers has at least this many turns."""
    max_gap: int = 3
    """At most this many unlabelled lines (an answer's further paragraphs) between two turns."""
    confidence: float = ABSOLUTE
    """Of the keep verdicts: above the line scorer's drops of short lines."""


class Interview(Rule):
    """Keep the turns of an interview: lines labelled by two speakers in alternation."""

    name = "interview"
    Options = InterviewOptions
    options: InterviewOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        o = self.options
        skip = context.surely_removed()
        first, last = doc.core
        labels = [_label(b) for b in doc.blocks]
        i = 0
        while i < len(labels):
            turns = self._turns(labels, i) if labels[i] is not None else []
            speakers = {labels[t] for t in turns}
            if len(speakers) < 2 or min(sum(labels[t] == s for t in turns) for s in speakers) < o.min_turns:
                i += 1
                continue
            if any(first <= t <= last for t in turns):
                a, b = (labels[turns[0]], labels[turns[1]])
                reason = f"turn of an interview ({a}: / {b}:, {len(turns)} turns)"
                for t in turns:
                    if t not in skip:
                        yield self.keep(doc.blocks[t], reason, o.confidence)
            i = turns[-1] + 1

    def _turns(self, labels: list[str | None], first: int) -> list[int]:
        """Indices of the labelled lines from ``first`` on whose labels alternate between two
        speakers, with at most ``max_gap`` unlabelled lines between two of them."""
        turns = [first]
        speakers: tuple[str | None, str | None] = (labels[first], None)
        gap = 0
        for j in range(first + 1, len(labels)):
            label = labels[j]
            if label is None:
                gap += 1
                if gap > self.options.max_gap:
                    break
                continue
            expected = speakers[len(turns) % 2]
            if expected is None and label != speakers[0]:
                speakers = (speakers[0], label)
            elif label != expected:
                break
            turns.append(j)
            gap = 0
        return turns


def _label(block: Block) -> str | None:
    text = block.text
    if ":" not in text and "：" not in text:  # most lines: no colon, no label, no regex call
        return None
    m = _LABEL.match(text)
    return m.group(1) if m else None
