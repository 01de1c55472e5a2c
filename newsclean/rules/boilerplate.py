"""Everything around the article core that does not read like the article: menus, link lists,
footers, teasers. The language-neutral backstop for full-page text.

The core (:attr:`Document.core`) is the densest run of prose. Outside it, a block that is not
prose-shaped (short, no sentence punctuation, few stopwords) is dropped as ``site_chrome``. Inside
the core nothing is dropped here.

Must not catch: the article's own paragraphs, including short ones and subheads inside the core.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.confidence import TENTATIVE
from newsclean.document import Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import is_body_like


@dataclass(frozen=True)
class BoilerplateOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: the HTML extractor already removed what this catches."""


class Boilerplate(Rule):
    """Drop non-prose blocks outside the article core."""

    name = "boilerplate"
    Options = BoilerplateOptions
    options: BoilerplateOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set() | context.title_blocks()
        first, last = doc.core_without(skip)
        if last < first:
            return
        for b in doc.blocks:
            if b.index in skip or first <= b.index <= last:
                continue
            if is_body_like(b, doc):
                continue
            side = "before" if b.index < first else "after"
            yield self.drop(b, Kind.SITE_CHROME,
                            f"short non-sentence line {side} the article core", TENTATIVE)
