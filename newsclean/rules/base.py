"""The rule interface: a :class:`Rule` reads a :class:`~newsclean.document.Document` and proposes
:class:`Verdict` objects; the :class:`~newsclean.pipeline.Pipeline` resolves them.

A rule never edits the document and never deletes text itself. It says *what* it would do to which
block, *why* (a human-readable reason that ends up in ``Article.removed``), and *how sure* it is, and
the pipeline decides. That is what makes every removal explainable and every rule switchable.

Writing one::

    from newsclean import Rule, Verdict, Kind

    class NoShouting(Rule):
        '''Drop lines written entirely in capitals (but not short acronyms).'''
        name = "no_shouting"

        def apply(self, doc, context):
            for block in doc:
                if block.n_words >= 3 and block.text.isupper():
                    yield self.drop(block, Kind.SITE_CHROME, "all capitals")
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, ClassVar

from newsclean.confidence import ResolverOptions
from newsclean.frozen import fast_init
from newsclean.kinds import Action, Fact, Kind
from newsclean.pagetype import PageType

if TYPE_CHECKING:
    from newsclean.document import Block, Document


@fast_init  # a page makes hundreds of verdicts: see newsclean.frozen
@dataclass(slots=True, frozen=True)
class Verdict:
    """A rule's proposal about one block.

    ``span`` (``TRIM`` only) is the ``(start, end)`` slice of ``block.text`` to remove.
    ``facts`` (``META``) are metadata values: keys are :class:`~newsclean.article.Metadata` field
    names plus ``title`` and ``subtitle``. A ``META`` verdict with a ``kind`` also removes its block
    (moved into metadata); without one the block stays in the body (a dateline).
    ``establishes`` is a :class:`~newsclean.kinds.Fact` the verdict's evidence establishes about the
    block for later rules (one of the rule's ``provides``), whatever the resolver decides.
    """

    block: int
    action: Action
    rule: str
    reason: str
    kind: Kind | None = None
    confidence: float = 1.0
    span: tuple[int, int] | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)
    establishes: Fact | None = None


_DEFAULT_RESOLVER = ResolverOptions()


@dataclass(slots=True)
class Context:
    """What a rule may read besides the document: the verdicts of the rules that ran before it, the
    facts they established (:meth:`established`), and the resolver's thresholds (``resolver``, the
    pipeline's :class:`~newsclean.confidence.ResolverOptions`).

    Read-only by convention; the pipeline hands each rule a fresh view.
    """

    verdicts: list[Verdict] = field(default_factory=list)
    options: Mapping[str, Any] = field(default_factory=dict)
    resolver: ResolverOptions = _DEFAULT_RESOLVER

    def dropped(self, index: int) -> bool:
        """True when an earlier rule proposed to drop (or move out) block ``index``."""
        return any(
            v.block == index
            and (v.action is Action.DROP or (v.action is Action.META and v.kind is not None))
            for v in self.verdicts
        )

    def dropped_set(self) -> set[int]:
        return {
            v.block for v in self.verdicts
            if v.action is Action.DROP or (v.action is Action.META and v.kind is not None)
        }

    def title_blocks(self) -> set[int]:
        """Blocks an earlier rule took for the title or the subtitle (the ``title``/``subtitle``
        facts): they leave the body whatever else is said of them."""
        return {v.block for v in self.verdicts if "title" in v.facts or "subtitle" in v.facts}

    def surely_removed(self, min_confidence: float | None = None) -> set[int]:
        """Blocks an earlier rule removes (drop, trim or metadata with a kind) with at least
        ``min_confidence`` (by default the resolver's ``core_protection``, the confidence the
        article core cannot stop): a tentative guess (a masthead line at 0.7) is not counted."""
        if min_confidence is None:
            min_confidence = self.resolver.core_protection
        return {v.block for v in self.verdicts if v.kind is not None and v.confidence >= min_confidence}

    def removed_as(self, kind: Kind, min_confidence: float | None = None) -> set[int]:
        """Blocks an earlier rule removes as ``kind`` with at least ``min_confidence`` (by default
        the resolver's ``core_protection``, as :meth:`surely_removed`)."""
        if min_confidence is None:
            min_confidence = self.resolver.core_protection
        return {v.block for v in self.verdicts if v.kind is kind and v.confidence >= min_confidence}

    def established(self, fact: Fact) -> set[int]:
        """Blocks for which an earlier rule established ``fact`` (see :class:`~newsclean.kinds.Fact`);
        empty when no rule that provides it ran."""
        return {v.block for v in self.verdicts if v.establishes is fact}

    def facts(self, key: str) -> list[Any]:
        """Values earlier rules proposed for a metadata field (``"title"``, ``"source"`` ...)."""
        return [v.facts[key] for v in self.verdicts if key in v.facts]

    def _page_type_statement(self) -> Verdict | None:
        """The most confident verdict stating the page type (the ``page_type`` fact), if any."""
        stated = [v for v in self.verdicts if "page_type" in v.facts]
        return max(stated, key=lambda v: v.confidence) if stated else None

    def page_type(self) -> PageType | None:
        """The kind of page an earlier rule stated (the ``page_type`` fact, text mode's
        ``page_type`` rule); ``None`` when none did. The most confident statement wins."""
        surest = self._page_type_statement()
        return None if surest is None else PageType(surest.facts["page_type"])

    def not_article(self, at_least: float) -> bool:
        """True when the most confident statement of the page type (:meth:`page_type`) says the page
        is no article (a listing, a forum thread, a product or service page) with at least this
        confidence."""
        surest = self._page_type_statement()
        return (surest is not None and surest.confidence >= at_least
                and PageType(surest.facts["page_type"]) is not PageType.ARTICLE)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`'\"(])")


def summary(doc: str | None) -> str:
    """The first sentence of a docstring's first paragraph, its wrapped lines joined.

    Taking the first *line* cut summaries that wrap ('... tagged headlines, a') mid-sentence.
    """
    paragraph = inspect.cleandoc(doc or "").split("\n\n")[0]
    text = " ".join(paragraph.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


@dataclass(frozen=True)
class RuleOptions:
    """Base class for a rule's options: subclass it as a frozen dataclass with defaults.

    Every rule has ``modes``: the input modes (``"text"``, ``"html"``) it runs on. A rule tuned for
    full-page text can stay out of HTML mode, where the extractor already removed what it catches.
    """

    modes: tuple[str, ...] = ("text", "html")


class Rule:
    """A named unit with one job. Subclasses set ``name`` and implement :meth:`apply`.

    Options: a rule declares ``Options`` (a frozen dataclass subclass of :class:`RuleOptions`);
    keyword arguments to the constructor override its defaults, and unknown ones raise ``TypeError``.
    """

    name: ClassVar[str] = ""
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    provides: ClassVar[frozenset[Fact]] = frozenset()
    """The facts this rule's verdicts may establish for later rules (``Verdict.establishes``)."""
    requires: ClassVar[frozenset[Fact]] = frozenset()
    """The facts this rule reads (``context.established``); without a rule providing them earlier in
    the pipeline it runs on none (see :meth:`Pipeline.unmet <newsclean.pipeline.Pipeline.unmet>`)."""

    def __init__(self, **options: Any) -> None:
        valid = {f.name for f in fields(self.Options)}
        unknown = set(options) - valid
        if unknown:
            raise TypeError(
                f"rule {self.name!r} has no option(s) {sorted(unknown)}; "
                f"valid options: {sorted(valid) or 'none'}"
            )
        self.options = replace(self.Options(), **options)

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        """Return (or yield) verdicts for ``doc``. Must not mutate ``doc``."""
        raise NotImplementedError

    # ---- helpers for subclasses ------------------------------------------------------------
    def drop(self, block: Block, kind: Kind, reason: str, confidence: float = 1.0, *,
             establishes: Fact | None = None) -> Verdict:
        return Verdict(block.index, Action.DROP, self.name, reason, kind, confidence,
                       establishes=establishes)

    def keep(self, block: Block, reason: str, confidence: float = 1.0) -> Verdict:
        return Verdict(block.index, Action.KEEP, self.name, reason, None, confidence)

    def trim(self, block: Block, span: tuple[int, int], kind: Kind, reason: str,
             confidence: float = 1.0) -> Verdict:
        return Verdict(block.index, Action.TRIM, self.name, reason, kind, confidence, span)

    def meta(self, block: Block, facts: Mapping[str, Any], reason: str, *,
             remove: Kind | None = None, confidence: float = 1.0) -> Verdict:
        return Verdict(block.index, Action.META, self.name, reason, remove, confidence,
                       None, dict(facts))

    def describe(self) -> dict[str, Any]:
        """Name, the docstring's first sentence and current options, for ``newsclean rules``."""
        return {
            "name": self.name,
            "summary": summary(type(self).__doc__),
            "options": {f.name: getattr(self.options, f.name) for f in fields(self.options)},
        }

    def __repr__(self) -> str:
        return f"<Rule {self.name}>"
