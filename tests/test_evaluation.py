"""Tests for the article-body metric in :mod:`newsclean.evaluation`."""

from __future__ import annotations

import gzip
import json
import math
import os
from collections import Counter
from pathlib import Path

import pytest

from newsclean.evaluation import (
    DocScore,
    Score,
    evaluate,
    format_table,
    load_bench,
    per_document,
    score_document,
    shingle_counts,
)


def bench_dir() -> Path:
    """The aeb-dev folder: ``$NEWSCLEAN_BENCH`` or ``<repo>/../shared/bench/aeb-dev``."""
    env = os.environ.get("NEWSCLEAN_BENCH")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "aeb-dev"


TEXT = "The quick brown fox jumps over the lazy dog near the river bank today."


# --- shingles -------------------------------------------------------------------------------------

def test_shingles_are_four_token_windows() -> None:
    assert shingle_counts("a b c d e") == Counter(
        {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_shingles_count_repeats() -> None:
    assert shingle_counts("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_short_text_is_one_shingle() -> None:
    assert shingle_counts("Hello, world!") == Counter({("Hello", "world"): 1})
    assert shingle_counts("") == Counter()
    assert shingle_counts("  ... --  ") == Counter()


def test_tokens_are_unicode_word_runs_and_keep_case() -> None:
    assert shingle_counts("Über straße 東京 café") == Counter(
        {("Über", "straße", "東京", "café"): 1})
    # punctuation splits tokens; case is significant, as in the reference benchmark
    assert shingle_counts("don't stop-me now") == Counter(
        {("don", "t", "stop", "me"): 1, ("t", "stop", "me", "now"): 1})
    assert score_document("THE QUICK BROWN FOX", "the quick brown fox").tp == 0


# --- one document ---------------------------------------------------------------------------------

def test_identical_texts_score_one() -> None:
    doc = score_document(TEXT, TEXT)
    assert doc == DocScore(1.0, 0.0, 0.0)
    assert doc.precision == doc.recall == doc.f1 == 1.0


def test_whitespace_and_punctuation_do_not_matter() -> None:
    doc = score_document("The quick\n\nbrown -- fox, jumps!", "The quick brown fox jumps")
    assert doc.f1 == 1.0


def test_disjoint_texts_score_zero() -> None:
    doc = score_document("one two three four five", "six seven eight nine ten")
    assert doc.tp == 0
    assert doc.precision == doc.recall == 0.0


def test_partial_overlap_hand_computed() -> None:
    # gold shingles: abcd, bcde; predicted: abcd, bcdx -> TP 1, FP 1, FN 1, each 1/3 after norm.
    doc = score_document("a b c d x", "a b c d e")
    assert doc.tp == pytest.approx(1 / 3) and doc.fp == pytest.approx(1 / 3)
    assert doc.fn == pytest.approx(1 / 3)
    assert doc.precision == pytest.approx(0.5) and doc.recall == pytest.approx(0.5)


def test_extra_prediction_hits_precision_only() -> None:
    # gold 2 shingles, predicted those 2 plus 2 more -> P 0.5, R 1
    doc = score_document("a b c d e f g", "a b c d e")
    assert doc.precision == pytest.approx(0.5) and doc.recall == 1.0


def test_empty_prediction_and_empty_gold() -> None:
    missed = score_document("", TEXT)
    assert missed.precision is None and missed.recall == 0.0 and missed.f1 == 0.0
    invented = score_document(TEXT, "")
    assert invented.recall is None and invented.precision == 0.0
    nothing = score_document("", "")
    assert nothing == DocScore(0.0, 0.0, 0.0)
    assert nothing.precision is None and nothing.recall is None and nothing.f1 is None


# --- corpus ---------------------------------------------------------------------------------------

def test_corpus_identical_is_one_and_disjoint_is_zero() -> None:
    gold = {"a": TEXT, "b": "Another article body with several words in it."}
    assert evaluate(gold, gold).f1 == 1.0
    bad = {"a": "nothing in common at all here", "b": "zzz yyy xxx www vvv"}
    score = evaluate(bad, gold)
    assert score.f1 == score.precision == score.recall == 0.0


def test_corpus_means_and_skip_rules() -> None:
    gold = {"half": "a b c d e", "missed": "p q r s", "empty": ""}
    predicted = {"half": "a b c d x", "empty": ""}  # "missed" is absent -> empty prediction
    score = evaluate(predicted, gold, bootstrap=0)
    # precision: only "half" (0.5); "missed" and "empty" predicted nothing -> skipped
    assert score.precision == pytest.approx(0.5)
    # recall: "half" 0.5 and "missed" 0; "empty" has no gold -> skipped
    assert score.recall == pytest.approx(0.25)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert score.n_docs == 3


def test_f1_is_harmonic_mean_of_means_not_mean_of_f1s() -> None:
    gold = {"x": "a b c d e", "y": "k l m n o"}
    predicted = {"x": "a b c d e f g h", "y": ""}
    score = evaluate(predicted, gold, bootstrap=0)
    p = 2 / 5  # x: 2 of 5 predicted shingles are gold; y predicted nothing -> skipped
    r = (1.0 + 0.0) / 2
    assert score.f1 == pytest.approx(2 * p * r / (p + r))


def test_predicting_nothing_scores_zero_not_error() -> None:
    score = evaluate({}, {"a": TEXT}, bootstrap=10)
    assert score.precision == score.recall == score.f1 == 0.0


def test_extra_predicted_ids_are_ignored_and_empty_gold_rejected() -> None:
    assert evaluate({"a": TEXT, "zzz": "stray"}, {"a": TEXT}).f1 == 1.0
    with pytest.raises(ValueError):
        evaluate({"a": TEXT}, {})


def test_bootstrap_is_deterministic_and_nonzero() -> None:
    gold = {str(i): f"w{i} a b c d e f w{i}" for i in range(30)}
    predicted = {str(i): (gold[str(i)] if i % 3 else "a b c d junk") for i in range(30)}
    first = evaluate(predicted, gold, bootstrap=50)
    second = evaluate(predicted, gold, bootstrap=50)
    assert first == second
    assert first.f1_std > 0 and first.precision_std > 0
    assert first.f1_ci95 == pytest.approx(1.96 * first.f1_std)
    no_bootstrap = evaluate(predicted, gold, bootstrap=0)
    assert no_bootstrap.f1 == first.f1 and no_bootstrap.f1_std == 0.0


def test_per_document() -> None:
    scores = per_document({"a": TEXT}, {"a": TEXT, "b": TEXT})
    assert set(scores) == {"a", "b"}
    assert scores["a"].f1 == 1.0 and scores["b"].recall == 0.0


# --- bench folder and table -----------------------------------------------------------------------

def test_load_bench_synthetic(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "text-inputs").mkdir()
    (tmp_path / "ground-truth.json").write_text(json.dumps(
        {"p1": {"articleBody": TEXT, "url": "https://example.com/1"}}), encoding="utf-8")
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress("<p>café</p>".encode()))
    (tmp_path / "text-inputs" / "tool.json").write_text(
        json.dumps({"p1": {"articleBody": None}}), encoding="utf-8")
    bench = load_bench(tmp_path)
    assert bench.gold == {"p1": TEXT} and bench.urls == {"p1": "https://example.com/1"}
    assert bench.read_html("p1") == "<p>café</p>".encode()
    assert bench.text_inputs() == ["tool"]
    assert bench.text_input("tool") == {"p1": ""}
    with pytest.raises(FileNotFoundError, match="no text input"):
        bench.text_input("nope")


def test_load_bench_missing_ground_truth(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"ground-truth\.json"):
        load_bench(tmp_path)


def test_format_table_aligns_columns() -> None:
    rows = [("short", Score(0.9, 0.8, 0.847, 10, 0.01, 0.02, 0.015)),
            ("a-much-longer-name", Score(1.0, 1.0, 1.0, 10))]
    table = format_table(rows, {"docs/s": ["12.5", "3"]})
    lines = table.splitlines()
    assert lines[0].split() == ["system", "F1", "P", "R", "±F1", "±P", "±R", "n", "docs/s"]
    assert "0.847" in lines[2] and lines[2].startswith("short ")
    assert len({len(line) for line in lines}) == 1  # every line right-aligned to the same width
    with pytest.raises(ValueError):
        format_table(rows, {"bad": ["1"]})


# --- the real benchmark ---------------------------------------------------------------------------

@pytest.mark.skipif(not (bench_dir() / "ground-truth.json").is_file(),
                    reason="aeb-dev benchmark folder not found (set NEWSCLEAN_BENCH)")
def test_reference_scores_on_aeb_dev() -> None:
    """The published trafilatura output must score as the reference evaluate.py scores it."""
    bench = load_bench(bench_dir())
    score = evaluate(bench.text_input("trafilatura"), bench.gold, bootstrap=0)
    assert score.n_docs == 117
    assert score.f1 == pytest.approx(0.959, abs=0.002)
    assert score.precision == pytest.approx(0.940, abs=0.002)
    assert score.recall == pytest.approx(0.979, abs=0.002)
    html_text = evaluate(bench.text_input("html-text"), bench.gold, bootstrap=0)
    assert html_text.f1 == pytest.approx(0.684, abs=0.002)
    assert math.isclose(html_text.recall, 0.995, abs_tol=0.002)
