"""Quality gate on ``fixtures/heldout-pagetypes``: 32 pages that are not articles (a forum thread, a
product, a service and a listing page in each of eight languages), that nothing is trained or tuned
on (see its README). Cleaned with the shipped weights, text mode must keep beating the page as is
overall, and each page type must stay at what it measured when the pages came in (session 25) less
about 0.015. The listings' floor is below the page as is (0.539 against 0.638): that gap is open,
and the floor only keeps it from widening.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsclean import clean_text
from newsclean.evaluation import evaluate, load_bench

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-pagetypes"
SHA256 = "141ebac06bd94579514877c0669e4ca8cabdcc47a8bdf45391c481cd4e3fdacd"
INPUT_SHA256 = "3d5d2373c061098ad8f818a7010c519952f715fa7b4e06b805b94596daf6f389"
"""The ground truth and the pages the floors were measured on: an edited set needs a new measurement."""
FLOORS = {"forum": 0.705, "listing": 0.525, "product": 0.665, "service": 0.935}
"""Measured in session 25: forum 0.719, listing 0.539 (0.445 before the line scorer stood aside on
pages it would empty), product 0.681, service 0.950."""

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def cleaned() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(gold, page as is, newsclean's body, page type) by id."""
    truth = PAGES / "ground-truth.json"
    changed = "fixtures/heldout-pagetypes changed"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, changed
    pages_file = PAGES / "text-inputs" / "html-text.json"
    assert hashlib.sha256(pages_file.read_bytes()).hexdigest() == INPUT_SHA256, changed
    bench = load_bench(PAGES)
    pages = bench.text_input("html-text")
    types = {k: v["page_type"] for k, v in json.loads(truth.read_text("utf-8")).items()}
    bodies = {k: clean_text(pages[k]).body for k in bench.gold}
    return bench.gold, pages, bodies, types


def test_text_mode_beats_the_page_as_is_on_pages_that_are_no_articles(
        cleaned: tuple[dict[str, str], ...]) -> None:
    gold, pages, bodies, _ = cleaned
    ours = evaluate(bodies, gold, bootstrap=0).f1
    as_is = evaluate({k: pages[k] for k in gold}, gold, bootstrap=0).f1
    assert ours > as_is, f"{ours:.3f} against {as_is:.3f} as is"


@pytest.mark.parametrize("page_type", sorted(FLOORS))
def test_each_page_type_stays_above_its_floor(cleaned: tuple[dict[str, str], ...], page_type: str) -> None:
    gold, _, bodies, types = cleaned
    ids = [k for k in gold if types[k] == page_type]
    assert len(ids) == 8
    score = evaluate({k: bodies[k] for k in ids}, {k: gold[k] for k in ids}, bootstrap=0)
    assert score.f1 >= FLOORS[page_type], f"{page_type}: {score.f1:.3f} < {FLOORS[page_type]}"
