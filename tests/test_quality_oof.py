"""Quality gate for text mode, out of fold: every page is cleaned with the line model of the fold that
never saw its site (``benchmarks/line_scorer_folds``, written by ``newsclean train`` with the shipped
weights) and the text page-type model of the same fold (``benchmarks/page_type_text_folds``), and the
scores must not fall below the floors in ``benchmarks/floors.json`` (``text_oof``).

The corpora are read where they live: ``../shared/bench/aeb-dev`` and ``../shared/bench/wcxb-dev``
beside the repository (``$NEWSCLEAN_BENCH_ROOT`` to point elsewhere), and ``fixtures/written`` in it.
A missing corpus skips its cases on a developer's machine and fails them in CI (``CI`` set), where
the corpora are present; a corpus whose ``ground-truth.json`` is not the one the floors were measured
on is skipped. wcxb-dev is sampled (every ``every``-th usable page, sorted by id) to keep the run
short; the floors were measured on the same sample.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corpora import bench_root, check_floors, require_corpus

from newsclean import Pipeline, clean_text, default_pipeline
from newsclean.evaluation import Bench, evaluate
from newsclean.rules.line_model import fold_of

REPO = Path(__file__).resolve().parents[1]
FLOORS: dict[str, Any] = json.loads((REPO / "benchmarks" / "floors.json").read_text("utf-8"))["text_oof"]
FOLDS = REPO / "benchmarks" / "line_scorer_folds"
PAGE_TYPE_FOLDS = REPO / "benchmarks" / "page_type_text_folds"
"""The text page-type model of each fold (``scripts/train_page_type_text.py``, on the same folds)."""

pytestmark = pytest.mark.quality


def corpus_dir(name: str) -> Path:
    if name == "written":
        return REPO / "fixtures" / "written"
    return bench_root() / name


def fold_pipelines() -> list[Pipeline]:
    files = sorted(FOLDS.glob("fold*.json"), key=lambda p: int(p.stem[4:]))
    assert files, f"no fold models in {FOLDS}: run 'newsclean train' (it writes them with the weights)"
    return [default_pipeline().with_options("line_scorer", weights=str(f))
            .with_options("page_type", model=str(PAGE_TYPE_FOLDS / f.name)) for f in files]


_BENCHES: dict[str, Bench] = {}


def bench_of(name: str) -> Bench:
    if name in _BENCHES:
        return _BENCHES[name]
    _BENCHES[name] = require_corpus(corpus_dir(name), FLOORS[name]["sha256"], "set NEWSCLEAN_BENCH_ROOT")
    return _BENCHES[name]


CASES = [(corpus, name) for corpus, spec in sorted(FLOORS.items()) if not corpus.startswith("_")
         for name in sorted(spec["inputs"])]


@pytest.mark.parametrize(("corpus", "name"), CASES, ids=[f"{c}/{n}" for c, n in CASES])
def test_text_mode_out_of_fold_floors(corpus: str, name: str) -> None:
    bench = bench_of(corpus)
    spec = FLOORS[corpus]
    ids = bench.usable_ids()[:: spec.get("every", 1)]
    pipes = fold_pipelines()
    inputs = bench.text_input(name)
    predicted: dict[str, str] = {}
    errors: list[str] = []
    for doc_id in ids:
        pipe = pipes[fold_of(bench.sites[doc_id], len(pipes))]
        try:
            predicted[doc_id] = clean_text(inputs.get(doc_id, ""), pipeline=pipe).body
        except Exception as exc:  # scored as empty, and reported
            errors.append(f"{doc_id}: {type(exc).__name__}: {exc}")
            predicted[doc_id] = ""
    assert not errors, f"clean_text raised on {len(errors)} {corpus}/{name} input(s):\n" + "\n".join(
        errors[:10])
    gold = {i: bench.gold[i] for i in ids}
    score = evaluate(predicted, gold, bootstrap=0)
    print(f"text {corpus}/{name} (out of fold, {len(ids)} pages): F1 {score.f1:.4f} "
          f"P {score.precision:.4f} R {score.recall:.4f}")
    check_floors(f"text mode {corpus}/{name}", score, spec["inputs"][name], predicted, gold)


def test_page_type_fold_models_match_the_shipped_model() -> None:
    """One text page-type model per line-model fold, from the run that wrote the packaged one."""
    from importlib import resources

    shipped = json.loads(resources.files("newsclean.data").joinpath("page_type_text.json").read_text("utf-8"))
    lines = sorted(p.name for p in FOLDS.glob("fold*.json"))
    assert sorted(p.name for p in PAGE_TYPE_FOLDS.glob("fold*.json")) == lines
    for name in lines:
        fold = json.loads((PAGE_TYPE_FOLDS / name).read_text("utf-8"))
        assert fold["features"] == shipped["features"], name
        assert fold["article"]["threshold"] == shipped["article"]["threshold"], name
        assert fold["types"]["classes"] == shipped["types"]["classes"], name


def test_fold_models_match_the_shipped_weights() -> None:
    """The fold models and the packaged weights come from one training run: same decision
    thresholds, same first-pass feature family (a stale fold folder would make the gate measure an
    old model)."""
    from importlib import resources

    shipped = json.loads(resources.files("newsclean.data").joinpath("line_scorer.json").read_text("utf-8"))
    for path in sorted(FOLDS.glob("fold*.json")):
        fold = json.loads(path.read_text("utf-8"))
        for key in ("threshold", "threshold_b", "overrule_threshold", "keep_threshold"):
            assert fold[key] == shipped[key], f"{path.name}: {key}"
        assert fold["folds"] == shipped["card"]["folds"]
        assert ("stage2" in fold) == ("stage2" in shipped)
