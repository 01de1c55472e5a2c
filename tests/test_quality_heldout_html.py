"""Quality gate on ``fixtures/heldout-html``: 64 HTML pages of invented news sites and blogs in sixteen
languages, written by helpers who never saw the code, that nothing is trained or tuned on (see its
README). HTML mode must stay at what it measured when the pages came in (session 26, 0.881) less
0.01, ahead of trafilatura's default extraction of the same pages in the same run (0.862), and no
language more than 0.02 below trafilatura's; text mode on the pages' whole text (0.883; 0.890 since
session 27) at its measure less 0.01; text mode over what trafilatura and jusText keep of the same
pages (session 27: 0.862 -> 0.882 and 0.817 -> 0.837) at its measure less 0.01 and above the
extraction as it was. Session 30 read the failures of its old table layouts (``-h3``: trafilatura
writes the layout table as rows, menus in the story's row) to make the layout fallback of HTML mode,
so the folder is no blind check of that change (``fixtures/heldout-layouts`` batch 2 is): HTML mode
0.882 -> 0.938, the floor follows; the whole page texts 0.890 -> 0.903 (signed comment stamps).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from corpora import assert_not_behind, html_mode_and_trafilatura, text_mode_and_as_is

from newsclean.evaluation import evaluate, load_bench

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-html"
SHA256 = "4e15a15bd5919e6fd9bfd6d9803ca4ee2a50e704bb0bfd410f26c1c404d266d7"
TEXT_SHA256 = "98d7a19a42bcb66576c9e873e831b46dc6e31e953d2f3e1675113af482dd42a7"
EXTRACTS_SHA256 = {
    "trafilatura": "1f86345e7f6c567f4f8d315428d9e73744b780faed9845582f1909f01dc64aa1",
    "justext": "2c868a4bd1ece76aaa0a618057ee7aecfe0205b64af83cb90063490e19708553",
}
"""The ground truth, the page texts and the extractors' outputs the floors were measured on
(``benchmarks/page_text_dump.py``, ``benchmarks/extractor_dump.py``): an edited set needs a new
measurement."""
FLOOR = 0.928
TEXT_FLOOR = 0.893
EXTRACT_FLOORS = {"trafilatura": 0.872, "justext": 0.827}
LANGUAGES = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "sv", "tr", "vi", "zh"]

pytestmark = pytest.mark.quality


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(gold, newsclean's body, trafilatura's text) by id."""
    truth = PAGES / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout-html changed"
    bench = load_bench(PAGES)
    assert len(bench.gold) == 64
    ours, theirs = html_mode_and_trafilatura(bench)
    return bench.gold, ours, theirs


def test_html_mode_stays_above_its_floor_and_ahead_of_trafilatura(
        extracted: tuple[dict[str, str], ...]) -> None:
    gold, ours, theirs = extracted
    score = evaluate(ours, gold, bootstrap=0).f1
    reference = evaluate(theirs, gold, bootstrap=0).f1
    assert score >= FLOOR, f"{score:.3f} < {FLOOR}"
    assert score > reference, f"{score:.3f} against trafilatura's {reference:.3f}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_language_falls_behind_trafilatura(extracted: tuple[dict[str, str], ...], lang: str) -> None:
    gold, ours, theirs = extracted
    ids = [k for k in gold if k.startswith(f"{lang}-")]
    assert len(ids) == 4
    assert_not_behind(ours, theirs, gold, ids, 0.02, f"{lang}: ")


def test_text_mode_on_the_whole_page_text_stays_above_its_floor() -> None:
    score, as_is = text_mode_and_as_is(PAGES, "page-text", TEXT_SHA256)
    assert score >= TEXT_FLOOR, f"{score:.3f} < {TEXT_FLOOR}"
    assert score > as_is + 0.2, f"{score:.3f} against {as_is:.3f} as is"


@pytest.mark.parametrize("extractor", sorted(EXTRACT_FLOORS))
def test_text_mode_over_an_extractors_output_stays_above_its_floor(extractor: str) -> None:
    """The extract a user already has, cleaned again: better than it was, in no language much worse
    but one (``nl-h3``: trafilatura gives a layout table as ``| ... |`` rows and text mode takes
    the story's rows for chrome; kept as a known loss, the floor is the whole set's)."""
    score, as_is = text_mode_and_as_is(PAGES, extractor, EXTRACTS_SHA256[extractor])
    assert score >= EXTRACT_FLOORS[extractor], f"{score:.3f} < {EXTRACT_FLOORS[extractor]}"
    assert score > as_is + 0.01, f"{score:.3f} against {as_is:.3f} as is"
