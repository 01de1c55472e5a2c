"""Quality gate on ``fixtures/heldout-consent``: 48 HTML pages with cookie-consent banners in
sixteen European languages, written by helpers who never saw the code (see its README); a third of
them are stories about cookies (a regulator's fine over a banner, a court's ruling on consent),
whose paragraphs must stay while the site's own banner goes. Measured in session 32 after the
cookie entries of those languages and the consent notice's change: text mode on the pages' whole
text 0.935 (0.902 before the session), HTML mode 0.986 (trafilatura 0.984). Text mode must stay at
what it measured less about 0.01, keep the stories about cookies (each at least 0.96 of its words),
and HTML mode must not fall behind trafilatura.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from corpora import assert_not_behind, html_mode_and_trafilatura, text_mode_and_as_is

from newsclean import clean_text
from newsclean.evaluation import evaluate, load_bench, per_document

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "heldout-consent"
SHA256 = "572b8695e5fa59fa4911a9af376e3e08a344b5d2165526180c1f8221077959e0"
TEXT_SHA256 = "961a7404860986c4617c1dba45698ef09136bcf2fb07741fc3df4f4ce5da09ef"
"""The ground truth and the page texts the floors were measured on: an edited set needs a new
measurement."""
TEXT_FLOOR = 0.925
"""0.935 measured on the 48 pages' whole texts in session 32 (0.902 before the session; 0.927 before
the month names of eighteen more languages)."""
STORY_RECALL = 0.96
"""Each story about cookies keeps at least this share of its words in text mode (0.975 to 1.0 in
session 32; 0.805 before it: a consent notice was read into a story's paragraphs)."""

pytestmark = pytest.mark.quality


def test_text_mode_on_the_whole_page_text_stays_above_its_floor() -> None:
    score, as_is = text_mode_and_as_is(PAGES, "page-text", TEXT_SHA256)
    assert score >= TEXT_FLOOR, f"{score:.3f} < {TEXT_FLOOR}"
    assert score > as_is + 0.25, f"{score:.3f} against {as_is:.3f} as is"


def test_stories_about_cookies_keep_their_paragraphs() -> None:
    bench = load_bench(PAGES)
    pages = bench.text_input("page-text")
    stories = sorted(k for k in bench.gold if k.endswith("-c3"))
    assert len(stories) == 16
    scores = per_document({k: clean_text(pages[k]).body for k in stories},
                          {k: bench.gold[k] for k in stories})
    short = {k: round(s.recall or 0.0, 3) for k, s in scores.items() if (s.recall or 0.0) < STORY_RECALL}
    assert not short, f"stories about cookies lost words: {short}"


def test_html_mode_does_not_fall_behind_trafilatura() -> None:
    truth = PAGES / "ground-truth.json"
    assert hashlib.sha256(truth.read_bytes()).hexdigest() == SHA256, "fixtures/heldout-consent changed"
    bench = load_bench(PAGES)
    assert len(bench.gold) == 48
    ours, theirs = html_mode_and_trafilatura(bench)
    assert_not_behind(ours, theirs, bench.gold, sorted(bench.gold), 0.005)
    assert evaluate(ours, bench.gold, bootstrap=0).f1 >= 0.976
