"""Quality gate on ``fixtures/heldout``: 60 whole-page texts in 25 languages that nothing is trained
or tuned on (see its README). Cleaned with the shipped weights, which have not seen them, the text
must beat the page as is in every language, keep nearly every story line, and stay above a floor
(the F1 measured in session 18, 0.959, less about 0.01: 0.944 with the weights retrained on the
written pages at a real page's length in session 17; 0.951 once a language without a chrome list
stopped reading as an extract; 0.959 with the chrome lines that recur on the written pages' sites
in the lists, eight languages' lists among them).

A failure here after a change that passes the dev-corpus gates is the signal the held-out set is
for: the change fits the dev pages and does not carry to pages someone else wrote.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsclean import clean_text
from newsclean.evaluation import evaluate, load_bench

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"
FLOOR_F1 = 0.95
MIN_RECALL = 0.97
"""Recall measured 0.986: a story's own bulleted list (a Japanese page's evacuation advice) is the
largest loss."""
SHA256 = "20b61b329e56f4ecb82573a4d1c5bad913c12235d47bf47d3993f9b6dc3850f2"
INPUT_SHA256 = "93bc5bfeaf6a613e2cdfbc37539da604faf54c74ff28e3f350dd3a439e1b9f3e"
"""The ground truth and the pages the floor was measured on: an edited set needs a new measurement."""

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def cleaned() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(gold, page as is, newsclean's body, language) by id."""
    truth = HELDOUT / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout changed"
    pages_file = HELDOUT / "text-inputs" / "html-text.json"
    assert hashlib.sha256(pages_file.read_bytes()).hexdigest() == INPUT_SHA256, "fixtures/heldout changed"
    bench = load_bench(HELDOUT)
    pages = bench.text_input("html-text")
    languages = {k: v["language"] for k, v in json.loads(truth.read_text("utf-8")).items()}
    bodies = {k: clean_text(pages[k]).body for k in bench.gold}
    return bench.gold, pages, bodies, languages


def test_the_held_out_pages_stay_above_the_floor(cleaned: tuple[dict[str, str], ...]) -> None:
    gold, _, bodies, _ = cleaned
    score = evaluate(bodies, gold, bootstrap=0)
    assert score.f1 >= FLOOR_F1, f"held-out F1 {score.f1:.3f} < {FLOOR_F1}"
    assert score.recall >= MIN_RECALL, f"held-out recall {score.recall:.3f} < {MIN_RECALL}"


def test_every_language_beats_the_page_as_is(cleaned: tuple[dict[str, str], ...]) -> None:
    """By 0.20 F1 in every language (Hindi, 0.949 against 0.674 as is, is the closest). Persian
    was at 0.702 against 0.542 until session 18: with no chrome list of its own, its page read as
    an extract and kept its whole tail (share buttons, related and most-read lists, comments)."""
    gold, pages, bodies, languages = cleaned
    for language in sorted(set(languages.values())):
        ids = [k for k in gold if languages[k] == language]
        as_is = evaluate({k: pages[k] for k in ids}, {k: gold[k] for k in ids}, bootstrap=0)
        ours = evaluate({k: bodies[k] for k in ids}, {k: gold[k] for k in ids}, bootstrap=0)
        assert ours.f1 > as_is.f1 + 0.20, f"{language}: {ours.f1:.3f} against {as_is.f1:.3f} as is"
