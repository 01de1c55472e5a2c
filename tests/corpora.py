"""Finding a benchmark corpus for a quality gate: skip on a developer's machine when it is absent,
fail in CI (``CI`` set), where the corpora are present and a gate that skips guards nothing; skip
when it is not the corpus the floors were measured on."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from newsclean.evaluation import Bench, Score, load_bench, per_document

REPO = Path(__file__).resolve().parents[1]


def bench_root() -> Path:
    """The folder holding ``aeb-dev`` and ``wcxb-dev``: ``$NEWSCLEAN_BENCH_ROOT``, else
    ``<repo>/../shared/bench`` (read where it lives, never copied)."""
    env = os.environ.get("NEWSCLEAN_BENCH_ROOT")
    return Path(env) if env else REPO.parent / "shared" / "bench"


def require_corpus(folder: Path, sha256: str, hint: str = "") -> Bench:
    """The corpus at ``folder``, if its ``ground-truth.json`` hashes to ``sha256``."""
    gt = folder / "ground-truth.json"
    if not gt.is_file():
        missing = f"benchmark folder not found at {folder}{f' ({hint})' if hint else ''}"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}: in CI the quality gate must run, not skip")
        pytest.skip(missing)
    digest = hashlib.sha256(gt.read_bytes()).hexdigest()
    if digest != sha256:
        pytest.skip(f"{gt} has sha256 {digest[:12]}…, floors were set on {sha256[:12]}…: update "
                    "benchmarks/floors.json for this corpus")
    return load_bench(folder)


def check_floors(label: str, score: Score, floor: dict[str, float], predicted: dict[str, str],
                 gold: dict[str, str]) -> None:
    """Fail when any key of ``floor`` (f1, precision, recall) is above ``score``'s, naming the five
    worst pages."""
    failed = [f"{key} {getattr(score, key):.4f} < floor {value:.4f}"
              for key, value in floor.items() if getattr(score, key) < value]
    if failed:
        worst = sorted(per_document(predicted, gold).items(), key=lambda kv: kv[1].f1 or 0.0)[:5]
        pages = ", ".join(f"{doc_id[:12]} F1 {doc.f1 or 0.0:.2f}" for doc_id, doc in worst)
        pytest.fail(f"{label}: " + "; ".join(failed) + f" (worst pages: {pages})")


def text_mode_and_as_is(folder: Path, name: str, sha256: str) -> tuple[float, float]:
    """Text mode's F1 (shipped weights) on the text input ``name`` of a fixture folder, and the
    input's F1 as is; the input file must hash to ``sha256``, the one the floors were measured on."""
    from newsclean import clean_text
    from newsclean.evaluation import evaluate

    texts = folder / "text-inputs" / f"{name}.json"
    assert hashlib.sha256(texts.read_bytes()).hexdigest() == sha256, f"{name} inputs changed"
    bench = load_bench(folder)
    pages = bench.text_input(name)
    score = evaluate({k: clean_text(pages[k]).body for k in bench.gold}, bench.gold, bootstrap=0).f1
    as_is = evaluate({k: pages[k] for k in bench.gold}, bench.gold, bootstrap=0).f1
    return score, as_is


def f1_on(predicted: dict[str, str], gold: dict[str, str], ids: list[str]) -> float:
    """The F1 of ``predicted`` on the pages ``ids`` alone."""
    from newsclean.evaluation import evaluate

    return evaluate({k: predicted[k] for k in ids}, {k: gold[k] for k in ids}, bootstrap=0).f1


def assert_not_behind(ours: dict[str, str], theirs: dict[str, str], gold: dict[str, str],
                      ids: list[str], margin: float, label: str = "") -> None:
    """Fail when ``ours`` scores more than ``margin`` below ``theirs`` on the pages ``ids``."""
    score, reference = f1_on(ours, gold, ids), f1_on(theirs, gold, ids)
    assert score >= reference - margin, f"{label}{score:.3f} against {reference:.3f}"


def html_mode_and_trafilatura(bench: Bench) -> tuple[dict[str, str], dict[str, str]]:
    """newsclean's HTML-mode body and trafilatura's default extraction of every page of ``bench``."""
    import trafilatura

    from newsclean import clean_html

    ours, theirs = {}, {}
    for doc_id in bench.gold:
        page = bench.read_html(doc_id)
        ours[doc_id] = clean_html(page, url=bench.urls.get(doc_id)).body
        theirs[doc_id] = trafilatura.extract(page.decode("utf-8"), include_comments=False) or ""
    return ours, theirs
