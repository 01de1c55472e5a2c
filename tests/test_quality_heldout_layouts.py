"""Quality gate on ``fixtures/heldout-layouts``: 64 HTML pages of old page templates (one big layout
table, nested tables, old float layouts) and a modern control per language, in eleven languages,
written by helpers who never saw the code (see its README). Batch 1 (24 pages) was read while the
layout fallback and the signed comment stamps were made; batch 2 (20 pages) was measured once,
blind, after them: HTML mode 0.782 -> 0.919 there (trafilatura 0.775); batch 3 (20 pages of old
float layouts: posts, club news, blog front pages, forum threads) was measured once, blind, at the
end: unchanged by the session (0.8225, trafilatura 0.8169). HTML mode must stay at what it measured
in session 30 less about 0.01, on all pages and on batch 2 alone, ahead of trafilatura's default
extraction of the same pages, and not behind it on batch 3 (its listings and forum threads are kept
as a plain extractor keeps them); text mode on the pages' whole text likewise.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from corpora import assert_not_behind, f1_on, html_mode_and_trafilatura, text_mode_and_as_is

from newsclean.evaluation import evaluate, load_bench

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-layouts"
SHA256 = "dc279a37ff854e0d8411bf5027457dfcfbbc8f1edfc91f5e361c88871ba2572b"
TEXT_SHA256 = "2408bf2734601323fb084291c738e7f9b911253294c93dc38733cdf6dd92e40d"
"""The ground truth and the page texts the floors were measured on: an edited set needs a new
measurement."""
FLOOR = 0.896
"""0.9062 measured on the 64 pages (0.8156 before session 30)."""
BLIND_FLOOR = 0.908
"""0.919 measured on batch 2, the blind one (0.782 before)."""
TEXT_FLOOR = 0.904
"""0.9143 measured on the whole page texts (0.896 before session 30)."""

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]:
    """(gold, newsclean's body, trafilatura's text, batch) by id."""
    truth = PAGES / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout-layouts changed"
    batches = {k: int(v["batch"]) for k, v in json.loads(truth.read_text(encoding="utf-8")).items()}
    bench = load_bench(PAGES)
    assert len(bench.gold) == 64
    ours, theirs = html_mode_and_trafilatura(bench)
    return bench.gold, ours, theirs, batches


def test_html_mode_stays_above_its_floor_and_well_ahead_of_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, theirs, _ = extracted
    score = evaluate(ours, gold, bootstrap=0).f1
    reference = evaluate(theirs, gold, bootstrap=0).f1
    assert score >= FLOOR, f"{score:.3f} < {FLOOR}"
    assert score > reference + 0.08, f"{score:.3f} against trafilatura's {reference:.3f}"


def test_html_mode_on_the_blind_batch_stays_above_its_floor(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, _, batches = extracted
    ids = [k for k in gold if batches[k] == 2]
    assert len(ids) == 20
    score = f1_on(ours, gold, ids)
    assert score >= BLIND_FLOOR, f"{score:.3f} < {BLIND_FLOOR}"


def test_old_float_layouts_and_their_listings_and_forums_do_not_fall_behind_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, theirs, batches = extracted
    ids = [k for k in gold if batches[k] == 3]
    assert len(ids) == 20
    assert_not_behind(ours, theirs, gold, ids, 0.01)


def test_no_modern_control_page_falls_behind_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    # the -t4 pages are modern layouts: the fallbacks for old templates must not touch them
    gold, ours, theirs, _ = extracted
    ids = [k for k in gold if k.endswith("-t4")]
    assert len(ids) == 11
    assert_not_behind(ours, theirs, gold, ids, 0.01)


def test_text_mode_on_the_whole_page_text_stays_above_its_floor() -> None:
    score, as_is = text_mode_and_as_is(PAGES, "page-text", TEXT_SHA256)
    assert score >= TEXT_FLOOR, f"{score:.3f} < {TEXT_FLOOR}"
    assert score > as_is + 0.25, f"{score:.3f} against {as_is:.3f} as is"
