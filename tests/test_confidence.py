"""One home for the core-protection threshold: rules read the pipeline's ``ResolverOptions``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from stories import STORY, page

import newsclean
from newsclean import Action, Context, Kind, Pipeline, ResolverOptions, Rule, Verdict, default_pipeline
from newsclean.document import Document
from newsclean.ingest.segment import segment
from newsclean.rules.line_features import PROSE
from newsclean.rules.no_article import NoArticle

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_IDS = [p.stem for p in sorted(SEEDS.glob("*.txt"))]
HEADLINES = [
    "Lenore Taylor resigns as Guardian Australia editor after decade-long tenure",
    "Snow forecast warns of reduced visibility and travel risks in Ontario",
    "Gordie Howe Bridge faces uncertainty after Trump warning to Canada",
]


def at(core_protection: float) -> Pipeline:
    return Pipeline(default_pipeline().rules, ResolverOptions(core_protection=core_protection))


def test_one_home_for_the_threshold() -> None:
    assert newsclean.pipeline.ResolverOptions is ResolverOptions is newsclean.confidence.ResolverOptions
    assert Context().resolver == ResolverOptions()
    options = {r.name: r.options for r in default_pipeline().rules}
    assert options["line_scorer"].min_drop_confidence is None  # type: ignore[attr-defined]
    assert options["no_article"].sure is None  # type: ignore[attr-defined]


def test_rules_see_the_pipelines_resolver() -> None:
    seen: list[float] = []

    class Watcher(Rule):
        """Record the core protection a rule is given."""

        name = "watcher"

        def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
            seen.append(context.resolver.core_protection)
            return []

    for pipeline in (at(0.8), Pipeline.from_config({"resolver": {"core_protection": 0.8}})):
        newsclean.clean(page(*STORY), pipeline=pipeline.with_rule(Watcher()))
    newsclean.clean(page(*STORY), pipeline=default_pipeline().with_rule(Watcher()))
    assert seen == [0.8, 0.8, 0.75]


def test_surely_removed_follows_the_core_protection() -> None:
    drop = Verdict(3, Action.DROP, "x", "test", Kind.SITE_CHROME, 0.78)
    assert Context([drop]).surely_removed() == {3}
    assert Context([drop], resolver=ResolverOptions(core_protection=0.8)).surely_removed() == set()
    assert Context([drop], resolver=ResolverOptions(core_protection=0.8)).surely_removed(0.7) == {3}


def test_no_article_counts_as_removed_what_passes_the_core_protection() -> None:
    # the story's one sentence dropped at 0.78: removed for sure at 0.75, only tentatively at 0.8
    doc = segment(page(*HEADLINES, STORY[0]))
    drop = Verdict(3, Action.DROP, "x", "test", Kind.SITE_CHROME, 0.78)
    assert [v.block for v in NoArticle().apply(doc, Context([drop]))] == [0, 1, 2]
    strict = Context([drop], resolver=ResolverOptions(core_protection=0.8))
    assert list(NoArticle().apply(doc, strict)) == []
    assert [v.block for v in NoArticle(sure=0.7).apply(doc, strict)] == [0, 1, 2]


@pytest.mark.parametrize("core_protection", [0.75, 0.8])
def test_line_scorer_drops_pass_the_core_protection(core_protection: float) -> None:
    text = (SEEDS / "001.txt").read_text(encoding="utf-8")
    # the seed reads as an extract (gate over max_drop_gate): lift the limit to see the drops
    rules = default_pipeline().with_options("line_scorer", max_drop_gate=2.0).rules
    run = newsclean.trace(text, pipeline=Pipeline(rules, ResolverOptions(core_protection=core_protection)))
    drops = [v for v in run.verdicts if v.rule == "line_scorer" and v.action is Action.DROP]
    assert drops
    for v in drops:
        if run.document.prose_scores[v.block] < PROSE:  # a prose-like block's drop is its own
            assert v.confidence >= core_protection, v


@pytest.mark.parametrize("name", SEED_IDS)
def test_seeds_come_out_as_expected_with_core_protection_08(name: str) -> None:
    """``docs/configuration.md`` sets ``core_protection = 0.8``: the seeds do not change."""
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))
    article = newsclean.clean(text, pipeline=at(0.8))
    assert article.paragraphs == expected["body"]
    assert (article.title, article.subtitle) == (expected["title"], expected["subtitle"])
    assert [(r.text, r.kind.value) for r in article.removed] == [
        (r["text"], r["kind"]) for r in expected["removed"]]


def test_the_named_levels_mean_what_their_docstrings_say() -> None:
    """Each level's place against the default thresholds and the line scorer's keeps."""
    from newsclean import confidence as c
    from newsclean.rules.scorer import LineScorerOptions

    defaults = ResolverOptions()
    keep = LineScorerOptions().keep_confidence
    levels = [c.TENTATIVE, c.WEAK, c.FIRM, c.STRONG, c.SURE, c.PHRASE, c.RECORDED, c.CERTAIN,
              c.ABSOLUTE]
    assert levels == sorted(set(levels))  # distinct and in order
    assert defaults.min_confidence < c.TENTATIVE < c.WEAK < defaults.core_protection < c.FIRM
    assert c.FIRM < keep == c.STRONG < c.SURE
    assert c.ABSOLUTE < 1.0


def test_a_drop_that_ties_with_a_keep_leaves_the_line() -> None:
    from newsclean.confidence import STRONG

    class Both(Rule):
        name = "both"

        def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
            block = doc.blocks[-1]
            yield self.drop(block, Kind.SITE_CHROME, "a drop", STRONG)
            yield self.keep(block, "a keep", STRONG)

    text = page(*STORY, "Short line at the end")
    article = newsclean.clean_text(text, pipeline=Pipeline([Both()]))
    assert "Short line at the end" in article.paragraphs
