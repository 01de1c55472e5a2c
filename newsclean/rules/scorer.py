"""A small learned line scorer: the language-neutral backstop that tells article lines from the page
around them (menus, link lists, footers, teasers, residue an extractor left behind).

Each block gets a vector of cheap features computed from the input alone (its length, sentence
punctuation, stopword and capital density *relative to the document*, the shape of its neighbourhood,
its place relative to the dense prose region, whether a chrome phrase list names it or its neighbours,
how much prose the whole input carries) and a model turns the vector into ``p``, the probability that
the block belongs to the article body. No feature reads another rule's verdict: switching a rule off
changes what that rule removes, not what the model sees. The model is an additive one (boosted
decision stumps): its score is a sum of one term per feature, so every drop can name the two or
three features that pushed it most toward boilerplate.

A second pass (jusText's idea of revising each paragraph by its neighbours) reads the first pass's
probabilities of the block and its neighbours as extra features (:data:`CONTEXT`) and decides; its
reasons can then say "among lines scored as chrome".

The features are computed in :mod:`newsclean.rules.line_features`, the model that scores them is
:mod:`newsclean.rules.line_model`; this module is the rule that turns scores into verdicts. The
weights live in ``newsclean/data/line_scorer.json`` and are loaded on first use; inference is
plain Python. ``newsclean train`` rebuilds them from benchmark folders, with folds grouped
by site, and writes the model card (``newsclean/data/line_scorer_card.md``: data hashes, commit,
out-of-fold scores per corpus and page type).

Verdicts:

* ``p < threshold`` -> drop (``site_chrome``, or ``headline_list`` for a headline-shaped line among
  others), confidence ``1 - p`` raised to at least ``min_drop_confidence``: the article core protects
  a block from drops below the resolver's ``core_protection``, so the model, which already knows
  where the core is, decides inside it too. A prose-like block (sentences, stopwords) is the
  exception: its drop carries ``1 - p + prose_margin``, so inside the core only a confident score
  removes it. Losing a paragraph of the story costs more than keeping a paragraph of chrome.
* ``p >= keep_threshold`` -> keep, confidence ``keep_confidence``: a confident body line is protected
  from weaker drops of other rules (a short list item that looked like a headline run).

Blocks an earlier rule already removed for sure are left alone (their kind and reason stand). On an
input the model reads as an article extractor's output (its gate at least ``max_drop_gate``) the
scorer drops nothing: the extractor has already cut the page.
On a page an earlier rule stated to be no article (a listing, a forum thread; ``not_article_at``)
it says nothing at all: what it learned to take from around a story is such a page's content.

Must not catch: the article's own short lines (list items of a recipe, subheads, short quotes) when
they sit among the story's prose; a clean article body given alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsclean.confidence import ABSOLUTE, STRONG, SURE
from newsclean.document import Block, Document
from newsclean.kinds import Action, Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.line_features import (
    CONTEXT,
    FEATURES,
    PHRASES,
    PROSE,
    context_columns,
    feature_columns,
)
from newsclean.rules.line_model import Model, load_model, score_columns
from newsclean.rules.shapes import is_heading_like

Scored = tuple[float, list[float], list[float], float]
"""``(p_body, terms, features, gate)`` of one block."""


@dataclass(frozen=True)
class LineScorerOptions(RuleOptions):
    threshold: float | None = None
    """Drop blocks whose body probability is below this (``None``: the values stored with the
    weights, one for whole-page text and one for extractor output, blended by the model's gate)."""
    overrule: tuple[str, ...] = (Fact.HEADLINE_RUN.value,)
    """Facts (:class:`~newsclean.kinds.Fact` values) whose *tentative* drops (below
    ``min_drop_confidence``) the scorer may overrule: it protects such a block when it scores it as
    body with at least ``overrule_threshold`` (a recipe's short lines are not a list of other
    stories). A sure drop stands; ``()`` overrules nothing."""
    overrule_threshold: float | None = None
    """Body probability needed to overrule (``None``: stored value; ``1.0``: never)."""
    keep_threshold: float | None = None
    """Protect kept blocks scoring at least this from later, weaker drops (``None``: stored value;
    ``1.0``: never)."""
    keep_confidence: float = STRONG
    """Confidence of a protecting keep verdict (it must exceed the drops it protects from)."""
    min_drop_confidence: float | None = None
    """Drops get at least this confidence, so the resolver's core protection does not undo them:
    the model already knows where the core is (``None``: the pipeline's ``core_protection``)."""
    prose_margin: float = 0.1
    """A prose-like block's drop has confidence ``1 - p + prose_margin`` (not raised to
    ``min_drop_confidence``): inside the article core it needs ``1 - p`` of at least
    ``core_protection - prose_margin`` (0.65 by default) to go."""
    small_document: int = 8
    """A document of fewer blocks than this is a brief: its page-level features (how many short
    lines, how much chrome was found) describe three or four lines, not a page. There a prose-like
    block's drop keeps its own confidence (``1 - p``, no ``prose_margin``)."""
    max_drop_gate: float = 0.95
    """No drop on a document whose gate (the model's reading of the whole input: 0 for a page's whole text, 1
    for an article extractor's output) is at least this: there the extractor has already cut the page,
    and what the scorer would still take is mostly the story's own short lines. The scorer's keeps and
    overrules stand. Whole-page text reaches 0.95 on 2.6 % of aeb-dev pages, 0.4 % of wcxb-dev's and
    2.8 % of the written ones (stubs of 11 to 13 lines), trafilatura's output on 86 % and 46 %. Measured out
    of fold with the weights of session 15 (the fold models; no limit against 0.95): aeb-dev html-text
    0.9295 -> 0.9295, trafilatura 0.9649 -> 0.9650, readability 0.9361 -> 0.9367, newspaper 0.9497 ->
    0.9504, boilerpipe 0.8941 -> 0.9000, justext 0.7931 -> 0.8024, goose3 0.8879 -> 0.8878, inscriptis
    0.9157 -> 0.9157; wcxb-dev trafilatura 0.8210 -> 0.8223, html-text 0.8214 -> 0.8214; written
    html-text 0.9278 -> 0.9270 (two stubs). At 0.9 the extractor outputs gain a little more (trafilatura
    0.9653, boilerpipe 0.9012, wcxb-dev 0.8225) but written pages lose 0.0044 (eight short pages read as
    extracts); a nested choice by fold over 0.8-1.0 on aeb-dev and wcxb-dev alone picks 0.8. With the
    weights of session 16 (written grown to sixteen languages), 0.9 and 0.8 again lift wcxb-dev's
    trafilatura output (0.8199 -> 0.8208, 0.8215) and cost the written pages (0.9319 -> 0.9301, 0.9279).
    ``1.0`` or more: drops on every document."""
    not_article_at: float = SURE
    """On a page an earlier rule stated to be no article with at least this confidence (the
    ``page_type`` fact), the scorer removes nothing: it learned article bodies, and the short lines
    it takes from around a story are a listing's items, a forum's posts, a shop's features. Text
    mode's page-type model says so at 0.9 on 87 of wcxb-dev's 607 pages of other types and 3 of its
    708 articles, 1 of aeb-dev's 117 (whole-page text, out of fold). Measured out of fold against
    never (2.0): wcxb-dev html-text 0.8183 -> 0.8234 (collections 0.555 -> 0.585, listings 0.560 ->
    0.600, forums 0.736 -> 0.742; documentation 0.884 -> 0.880, products 0.541 -> 0.537), aeb-dev
    0.9326 -> 0.9351; the held-out and written pages unchanged; at 0.8, 0.8225 and 0.9327; at 0.95,
    0.8206 and 0.9351 (a nested choice by fold picks 0.9 in each). ``headline_list`` stands aside
    at the same confidence (its own ``not_article_at``, session 22); ``teasers`` still runs there:
    stepping it aside as well cost 3 points of the junk benchmark's headline lists removed. Above 1:
    the scorer runs on every page."""

    min_kept_share: float = 0.03
    """When its drops, with the sure drops of the rules before it, would leave less than this share
    of the page's words (:attr:`~newsclean.document.Block.n_units`), the scorer drops nothing and
    only protects: a page it would empty is one it cannot read (a listing of job offers, a
    product's option list), and losing the page is worse than keeping its chrome. Chosen on
    wcxb-dev out of fold against 0 (never): 0.03 0.8251 -> 0.8255 (products 0.534 -> 0.542, 8
    pages), 0.05 0.8254, 0.08 0.8250, 0.12 0.8250; aeb-dev and the written pages unchanged at each
    (no page of theirs comes near it). On the 32 held-out pages that are no articles (shipped
    weights) 0.707 -> 0.729, their listings 0.445 -> 0.539. ``0``: never."""
    weights: str | None = None
    """Path of a weights file to use instead of the packaged one."""
    modes: tuple[str, ...] = ("text",)
    """Trained on text inputs: in HTML mode the extractor has already done this job."""

    def __post_init__(self) -> None:
        overrule = (self.overrule,) if isinstance(self.overrule, str) else tuple(self.overrule)
        known = [f.value for f in Fact]
        unknown = [name for name in overrule if name not in known]
        if unknown:  # a rule's name (before facts were named: "headline_list") overrules nothing
            raise ValueError(f"overrule names facts, one of {known}; not {unknown}")
        object.__setattr__(self, "overrule", overrule)


HEADLINE_WORDS = (5, 25)
"""A headline of another story has this many words (fewer: a label or a menu item)."""


def _headline_shaped(block: Block) -> bool:
    lo, hi = HEADLINE_WORDS
    return lo <= block.n_words <= hi and is_heading_like(block, hi)


def _headline_run(doc: Document, i: int, shaped: dict[int, bool] | None = None) -> bool:
    """Block ``i`` is headline-shaped and so are at least two of its four nearest neighbours
    (the kind of a drop: ``headline_list`` rather than ``site_chrome``). ``shaped`` remembers
    :func:`_headline_shaped` per block index across the calls of one document."""
    blocks = doc.blocks
    memo: dict[int, bool] = {} if shaped is None else shaped

    def is_shaped(j: int) -> bool:
        known = memo.get(j)
        if known is None:
            known = memo[j] = _headline_shaped(blocks[j])
        return known

    if not is_shaped(i):
        return False
    return sum(1 for j in range(max(0, i - 2), min(len(blocks), i + 3)) if j != i and is_shaped(j)) >= 2


class LineScorer(Rule):
    """Drop blocks a small learned model scores as boilerplate; protect confident body lines."""

    name = "line_scorer"
    Options = LineScorerOptions
    options: LineScorerOptions

    def model(self) -> Model:
        return load_model(self.options.weights)

    def probabilities(self, doc: Document, context: Context) -> list[Scored]:
        """``(p_body, terms, features, gate)`` per block."""
        p, gates, terms, columns = self.scores(doc, context)
        return [(p[i], [t[i] for t in terms], [c[i] for c in columns], gates[i])
                for i in range(len(p))]

    def scores(self, doc: Document, context: Context) -> tuple[
            list[float], list[float], list[list[float]], list[list[float]]]:
        """:meth:`probabilities` column by column: ``(p_body, gate, terms, features)``, the last two
        with one list per feature of the model that decides (:meth:`Model.final`). :meth:`apply`
        reads the terms and features of dropped blocks only (for their reasons), so it does not build
        a vector per block. ``context`` is not read: the scores depend on the input alone."""
        model = self.model()
        stage2 = model.stage2
        if stage2 is None:
            return score_columns(model, feature_columns(doc, model.features))
        wanted = list(dict.fromkeys([*model.features, *(f for f in stage2.features if f in FEATURES)]))
        by_name = dict(zip(wanted, feature_columns(doc, wanted), strict=True))
        first = score_columns(model, [by_name[f] for f in model.features])[0]
        ctx = context_columns(first, [f for f in stage2.features if f in CONTEXT])
        return score_columns(stage2, [by_name[f] if f in by_name else ctx[f] for f in stage2.features])

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        if not doc.blocks or context.not_article(self.options.not_article_at):
            return
        verdicts = list(self._verdicts(doc, context))
        share = self.options.min_kept_share
        if share > 0:  # a page this would (all but) empty is one the model cannot read
            gone = context.surely_removed() | {v.block for v in verdicts if v.action is Action.DROP}
            left = sum(b.n_units for b in doc.blocks if b.index not in gone)
            if left < share * sum(b.n_units for b in doc.blocks):
                verdicts = [v for v in verdicts if v.action is not Action.DROP]
        yield from verdicts

    def _verdicts(self, doc: Document, context: Context) -> Iterator[Verdict]:
        model = self.model()
        o = self.options
        overrule_at = model.overrule_threshold if o.overrule_threshold is None else o.overrule_threshold
        keep_at = model.keep_threshold if o.keep_threshold is None else o.keep_threshold
        sure_at = (context.resolver.core_protection if o.min_drop_confidence is None
                   else o.min_drop_confidence)
        brief = len(doc.blocks) < o.small_document
        removals: dict[int, list[Verdict]] = {}
        for v in context.verdicts:
            if v.action is Action.DROP or (v.action is Action.META and v.kind is not None) or (
                    "title" in v.facts or "subtitle" in v.facts):
                removals.setdefault(v.block, []).append(v)
        probabilities, gates, terms, columns = self.scores(doc, context)
        shaped: dict[int, bool] = {}
        for block, p, gate in zip(doc.blocks, probabilities, gates, strict=True):
            threshold = o.threshold
            if threshold is None:
                threshold = (1.0 - gate) * model.threshold + gate * model.threshold_b
            earlier = removals.get(block.index)
            wordless = block.n_words == 0  # a separator line: the model has nothing to go on
            if earlier:
                # A tentative drop of a fact it may overrule is the scorer's to decide; a sure one
                # (a headline run sharing no word with the story) knows what the model cannot see,
                # and stands.
                sure = any(v.confidence >= sure_at for v in earlier)
                needed = max(threshold, overrule_at)
                if not sure and not wordless and p >= needed and all(
                        v.establishes is not None and v.establishes.value in o.overrule
                        and v.action is Action.DROP for v in earlier):
                    confidence = max(o.keep_confidence, *(v.confidence for v in earlier))
                    yield self.keep(block, f"line scorer: {p:.2f} body, overrules "
                                    f"{', '.join(sorted({v.rule for v in earlier}))}", confidence)
                    continue
                if any(v.confidence >= sure_at or v.action is Action.META
                       for v in earlier):
                    continue  # already removed for sure: its kind and reason stand
            if p < threshold and gate < o.max_drop_gate:
                i = block.index
                kind = Kind.HEADLINE_LIST if _headline_run(doc, i, shaped) else Kind.SITE_CHROME
                confidence = min(ABSOLUTE, max(sure_at, 1.0 - p))
                if doc.prose_scores[block.index] >= PROSE:
                    confidence = min(ABSOLUTE, 1.0 - p + (0.0 if brief else o.prose_margin))
                reason = self._reason(model.final, 1.0 - p, terms, columns, i)
                yield Verdict(i, Action.DROP, self.name, reason, kind, confidence)
            elif p >= keep_at and not wordless:
                yield self.keep(block, f"line scorer: {p:.2f} body", o.keep_confidence)

    @staticmethod
    def _reason(model: Model, p_boiler: float, terms: Sequence[Sequence[float]],
                columns: Sequence[Sequence[float]], i: int) -> str:
        """Block ``i``'s reason, read from the term and feature columns in place: most lines are
        dropped, and copying their row of every column cost more than reading the few it names."""
        # only terms below -0.05 are named: sorting just those ranks them as sorting all would; the
        # pairs (term, j) sort as a stable sort by term does (ties keep the feature order)
        pushing = sorted([(column[i], j) for j, column in enumerate(terms) if column[i] < -0.05])
        phrases: list[str] = []
        for _, j in pushing[:3]:
            low, high = PHRASES[model.features[j]]
            phrases.append(low if model.side(j, columns[j][i]) < 0 else high)
        why = ", ".join(dict.fromkeys(phrases)) or "weak evidence overall"
        return f"line scorer: {p_boiler:.2f} boilerplate; {why}"
