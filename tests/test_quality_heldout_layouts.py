"""Quality gate on ``fixtures/heldout-layouts``: 96 HTML pages of old page templates (one big layout
table, nested tables, old float layouts) and modern controls, in fifteen languages, written by
helpers who never saw the code (see its README). Batch 1 (24 pages) was read while the
layout fallback and the signed comment stamps were made; batch 2 (20 pages) was measured once,
blind, after them: HTML mode 0.782 -> 0.919 there (trafilatura 0.775); batch 3 (20 pages of old
float layouts: posts, club news, blog front pages, forum threads) was measured once, blind, at the
end: unchanged by the session (0.8225, trafilatura 0.8169). Session 31 added batch 4 (16 pages,
de/fr/it/pl: modern articles with story rivers and comments, blogs' front pages, news section
pages, old-template articles; read while the layout fallback's cover was lowered to 0.6) and batch 5
(16 pages, cs/es/nl/pt, three old templates and a modern control each, measured once, blind, after
it: 0.934 -> 0.970, trafilatura 0.803). HTML mode must stay at what it measured less about 0.01, on
all pages and on each blind batch alone, ahead of trafilatura's default extraction of the same
pages, and not behind it on batches 3 and 4 (their listings and forum threads are kept as a plain
extractor keeps them); text mode on the pages' whole text likewise.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from corpora import assert_not_behind, f1_on, html_mode_and_trafilatura, text_mode_and_as_is

from newsclean.evaluation import evaluate, load_bench

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-layouts"
SHA256 = "3e665fedded7e7d07efacae23a43c938eb61e3af0e88fa976406ee068a2039a0"
TEXT_SHA256 = "0873121bf2e11a347bdd2deb64b854b9ec3fc6f29c0ce08da8bf11002d410603"
"""The ground truth and the page texts the floors were measured on: an edited set needs a new
measurement."""
FLOOR = 0.896
"""0.9064 measured on the 96 pages in session 31 (0.9062 on the first 64 in session 30, 0.8156
before it)."""
BLIND_FLOOR = 0.908
"""0.919 measured on batch 2, the blind one of session 30 (0.782 before)."""
BLIND_FLOOR_5 = 0.959
"""0.9697 measured on batch 5, the blind one of session 31 (0.934 before its layout cover)."""
TEXT_FLOOR = 0.899
"""0.9097 measured on the 96 pages' whole texts in session 31 (0.9143 on the first 64 in session 30,
0.896 before it; batch 4's listings and section pages read 0.806)."""

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]:
    """(gold, newsclean's body, trafilatura's text, batch) by id."""
    truth = PAGES / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout-layouts changed"
    batches = {k: int(v["batch"]) for k, v in json.loads(truth.read_text(encoding="utf-8")).items()}
    bench = load_bench(PAGES)
    assert len(bench.gold) == 96
    ours, theirs = html_mode_and_trafilatura(bench)
    return bench.gold, ours, theirs, batches


def test_html_mode_stays_above_its_floor_and_well_ahead_of_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, theirs, _ = extracted
    score = evaluate(ours, gold, bootstrap=0).f1
    reference = evaluate(theirs, gold, bootstrap=0).f1
    assert score >= FLOOR, f"{score:.3f} < {FLOOR}"
    assert score > reference + 0.08, f"{score:.3f} against trafilatura's {reference:.3f}"


@pytest.mark.parametrize(("batch", "floor"), [(2, BLIND_FLOOR), (5, BLIND_FLOOR_5)])
def test_html_mode_on_the_blind_batches_stays_above_their_floors(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]],
        batch: int, floor: float) -> None:
    gold, ours, _, batches = extracted
    ids = [k for k in gold if batches[k] == batch]
    assert len(ids) in (16, 20)
    score = f1_on(ours, gold, ids)
    assert score >= floor, f"batch {batch}: {score:.3f} < {floor}"


@pytest.mark.parametrize("batch", [3, 4])
def test_old_float_layouts_listings_and_forums_do_not_fall_behind_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]],
        batch: int) -> None:
    gold, ours, theirs, batches = extracted
    ids = [k for k in gold if batches[k] == batch]
    assert len(ids) in (16, 20)
    assert_not_behind(ours, theirs, gold, ids, 0.01)


def test_no_modern_control_page_falls_behind_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    # the -t4, -u4 and -b1 pages are modern layouts: the fallbacks for old templates must not touch
    # them
    gold, ours, theirs, _ = extracted
    ids = [k for k in gold if k.endswith(("-t4", "-u4", "-b1"))]
    assert len(ids) == 19
    assert_not_behind(ours, theirs, gold, ids, 0.01)


def test_text_mode_on_the_whole_page_text_stays_above_its_floor() -> None:
    score, as_is = text_mode_and_as_is(PAGES, "page-text", TEXT_SHA256)
    assert score >= TEXT_FLOOR, f"{score:.3f} < {TEXT_FLOOR}"
    assert score > as_is + 0.25, f"{score:.3f} against {as_is:.3f} as is"
