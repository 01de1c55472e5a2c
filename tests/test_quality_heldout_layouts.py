"""Quality gate on ``fixtures/heldout-layouts``: 44 HTML pages of old page templates (one big layout
table, nested tables, old float layouts) and a modern control per language, in eleven languages,
written by helpers who never saw the code (see its README). Batch 1 (24 pages) was read while the
layout fallback and the signed comment stamps were made; batch 2 (20 pages) was measured once,
blind, after them: HTML mode 0.782 -> 0.919 there (trafilatura 0.775). HTML mode must stay at what
it measured in session 30 less about 0.01, on all pages and on batch 2 alone, and well ahead of
trafilatura's default extraction of the same pages; text mode on the pages' whole text likewise.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from corpora import f1_on, text_mode_and_as_is

from newsclean import clean_html
from newsclean.evaluation import evaluate, load_bench

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-layouts"
SHA256 = "6262158240a064bbc3bdd695389aa2af9c88ee4448bd692bdd85d1ff5aa8fa3f"
TEXT_SHA256 = "0d1481d3aed9ad4deade4ded021bd6241fbcbf7254ca8b78bf432bc4eb9ce3f9"
"""The ground truth and the page texts the floors were measured on: an edited set needs a new
measurement."""
FLOOR = 0.933
"""0.9435 measured on the 44 pages (0.811 before session 30)."""
BLIND_FLOOR = 0.908
"""0.919 measured on batch 2, the blind one (0.782 before)."""
TEXT_FLOOR = 0.937
"""0.947 measured on the whole page texts (0.920 before session 30)."""

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]:
    """(gold, newsclean's body, trafilatura's text, batch) by id."""
    import trafilatura

    truth = PAGES / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout-layouts changed"
    batches = {k: int(v["batch"]) for k, v in json.loads(truth.read_text(encoding="utf-8")).items()}
    bench = load_bench(PAGES)
    assert len(bench.gold) == 44
    ours, theirs = {}, {}
    for doc_id in bench.gold:
        page = bench.read_html(doc_id)
        ours[doc_id] = clean_html(page, url=bench.urls.get(doc_id)).body
        theirs[doc_id] = trafilatura.extract(page.decode("utf-8"), include_comments=False) or ""
    return bench.gold, ours, theirs, batches


def test_html_mode_stays_above_its_floor_and_well_ahead_of_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, theirs, _ = extracted
    score = evaluate(ours, gold, bootstrap=0).f1
    reference = evaluate(theirs, gold, bootstrap=0).f1
    assert score >= FLOOR, f"{score:.3f} < {FLOOR}"
    assert score > reference + 0.1, f"{score:.3f} against trafilatura's {reference:.3f}"


def test_html_mode_on_the_blind_batch_stays_above_its_floor(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    gold, ours, _, batches = extracted
    ids = [k for k in gold if batches[k] == 2]
    assert len(ids) == 20
    score = f1_on(ours, gold, ids)
    assert score >= BLIND_FLOOR, f"{score:.3f} < {BLIND_FLOOR}"


def test_no_modern_control_page_falls_behind_trafilatura(
        extracted: tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, int]]) -> None:
    # the -t4 pages are modern layouts: the fallbacks for old templates must not touch them
    gold, ours, theirs, _ = extracted
    ids = [k for k in gold if k.endswith("-t4")]
    assert len(ids) == 11
    score, reference = f1_on(ours, gold, ids), f1_on(theirs, gold, ids)
    assert score >= reference - 0.01, f"{score:.3f} against trafilatura's {reference:.3f}"


def test_text_mode_on_the_whole_page_text_stays_above_its_floor() -> None:
    score, as_is = text_mode_and_as_is(PAGES, "page-text", TEXT_SHA256)
    assert score >= TEXT_FLOOR, f"{score:.3f} < {TEXT_FLOOR}"
    assert score > as_is + 0.3, f"{score:.3f} against {as_is:.3f} as is"
