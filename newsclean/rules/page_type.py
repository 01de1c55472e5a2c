"""Say what kind of page a text is, before the rules that remove lists decide anything.

A listing page (a blog's index, a news section, an events calendar) is a river of dated items and
headlines: what the list rules remove from an article as other stories *is* the page there. HTML
mode reads the page type from the DOM (:mod:`newsclean.pagetype`); in text mode this rule reads it
from the shape of the lines (:mod:`newsclean.pagetype_text`) and states it as the ``page_type``
metadata fact, which later rules read from the context (``context.page_type()``: ``teasers`` keeps
dated feeds on a non-article, ``comment_thread`` a forum thread's posts) and which the Article
reports in ``metadata.page_type``. It removes nothing.

A page type the caller names (the ``page_type`` option of :func:`newsclean.clean`) is stated as is.

Must not: call a page something else than an article on weak evidence (the model's threshold:
an article read as a listing keeps a feed of other stories, which costs little); run in HTML mode,
where the DOM knows better.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.document import Document
from newsclean.pagetype import PageType
from newsclean.pagetype_text import detect_text, load_model
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict


@dataclass(frozen=True)
class PageTypeOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    model: str = ""
    """A text page-type model file (``scripts/train_page_type_text.py`` writes one); empty: the
    packaged model."""

    def __post_init__(self) -> None:
        if self.model:
            load_model(self.model)  # a model file the user names must load, or say why not


class PageTypeRule(Rule):
    """State the page type read from the shape of the text's lines (an article, a listing ...)."""

    name = "page_type"
    Options = PageTypeOptions
    options: PageTypeOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        if not doc.blocks:
            return
        named = doc.hints.get("page_type")
        if named is not None:  # the caller's page_type option
            forced = PageType(str(named))
            yield self.meta(doc.blocks[0], {"page_type": forced},
                            f"page type: {forced.value} (the page_type option)")
            return
        guess = detect_text(doc, self.options.model)
        if guess.page_type is PageType.ARTICLE:
            reason = f"page type: article (p={guess.probability:.2f}, from the shape of its lines)"
            # an article is the default, so any probability of it is reported (at least at the
            # resolver's floor, below which a verdict is ignored)
            confidence = max(context.resolver.min_confidence, guess.probability)
        else:
            not_article = 1.0 - guess.probabilities.get(PageType.ARTICLE.value, 0.0)
            reason = (f"page type: {guess.page_type.value} (p={guess.probability:.2f}; not an "
                      f"article p={not_article:.2f}, from the shape of its lines)")
            confidence = not_article
        yield self.meta(doc.blocks[0], {"page_type": guess.page_type}, reason,
                        confidence=confidence)
