"""Train the text page-type model (``newsclean/data/page_type_text.json``) and report it out of fold.

Usage::

    python scripts/train_page_type_text.py ../shared/bench/wcxb-dev ../shared/bench/aeb-dev fixtures/written
        [--input html-text] [--threshold 0.8] [--out FILE] [--folds-out DIR]

Each folder is laid out like aeb-dev; its pages' ``page_type`` is the label (``article`` where the
ground truth has none). Features are :func:`newsclean.pagetype_text.text_features` of each page's
``--input`` text, segmented as text mode segments it. Two models on standardised features, fitted by
full-batch gradient descent with an L2 penalty (numpy, a training dependency only):

* article or not: logistic regression;
* which kind of non-article: multinomial logistic regression on the non-article pages.

Folds are grouped by site and are the line model's folds
(:func:`newsclean.rules.line_model.fold_of`), so one fold number picks, for any page, a line model
and a page-type model that never saw its site. Printed: out-of-fold counts of articles and
non-articles called non-articles at several thresholds, and the type accuracy on the non-articles.
``--folds-out`` writes the fold models (``fold0.json`` ...) for out-of-fold benchmarks. The model
file carries its card: the commit, the data's hashes and the out-of-fold counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsclean.evaluation import load_bench
from newsclean.ingest import segment
from newsclean.pagetype import PageType
from newsclean.pagetype_text import FEATURES, text_features
from newsclean.rules.line_model import fold_of
from newsclean.train import _commit, _sha256

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_page_type import fit as fit_types  # the sibling script's multinomial fit
from train_page_type import probabilities

ROOT = Path(__file__).resolve().parents[1]
L2 = 1e-3
STEPS = 800
RATE = 0.5


def fit_binary(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2 logistic regression (``y`` is 1 for a non-article)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= RATE * (x.T @ g / len(y) + L2 * w)
        b -= RATE * float(g.mean())
    return w, b


def _at_mean(x: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """``x`` with each missing feature (``NaN``) taken at its mean, as inference takes it."""
    return np.where(np.isnan(x), mean, x)


def _model(x: np.ndarray, y: np.ndarray, labels: list[str], threshold: float) -> dict[str, Any]:
    """Both models fitted on ``x`` (raw features), as the JSON that inference reads.

    A feature a text does not have (``NaN``: no stoplist for its language, no upper and lower case
    in its script) is taken at the mean, as inference takes it (:func:`~newsclean.pagetype.standardise`).
    """
    mean = np.nanmean(x, axis=0)
    x = _at_mean(x, mean)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    w, b = fit_binary(z, y)
    other = [t.value for t in PageType if t is not PageType.ARTICLE]
    non = y == 1
    codes = np.array([other.index(label) for label, is_non in zip(labels, non, strict=True) if is_non])
    tw, tb = fit_types(z[non], codes, len(other))
    return {
        "about": "newsclean text page-type model: is the text an article (logistic), and which "
                 "other kind of page (multinomial), on standardised text_features; trained by "
                 "scripts/train_page_type_text.py",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
        "article": {"weights": [round(float(v), 5) for v in w], "bias": round(b, 5),
                    "threshold": threshold},
        "types": {"classes": other, "weights": [[round(float(v), 5) for v in row] for row in tw],
                  "bias": [round(float(v), 5) for v in tb]},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dirs", type=Path, nargs="+", metavar="DATA_DIR")
    parser.add_argument("--input", default="html-text", help="the text input read (default html-text)")
    parser.add_argument("--threshold", type=float, default=0.8,
                        help="least probability of 'not an article' for a text to be called one")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "newsclean" / "data" / "page_type_text.json")
    parser.add_argument("--folds-out", type=Path, default=ROOT / "benchmarks" / "page_type_text_folds")
    args = parser.parse_args(argv)
    if not 0.5 <= args.threshold < 1.0:
        parser.error("--threshold must be in [0.5, 1)")

    rows: list[list[float]] = []
    labels: list[str] = []
    folds: list[int] = []
    for data_dir in args.data_dirs:
        bench = load_bench(data_dir)
        texts = bench.text_input(args.input)
        for key in bench.usable_ids():
            if key not in texts:
                continue
            doc = segment.segment(texts[key], mode="text")
            feats = text_features(doc)
            rows.append([feats.get(f, np.nan) for f in FEATURES])
            labels.append(bench.page_types.get(key) or PageType.ARTICLE.value)
            folds.append(fold_of(bench.sites[key], args.folds))
    x = np.array(rows)
    y = np.array([label != PageType.ARTICLE.value for label in labels], dtype=float)
    fold = np.array(folds)
    print(f"{len(labels)} pages, {int(y.sum())} not articles", file=sys.stderr)

    p_non = np.zeros(len(labels))
    type_of = ["" for _ in labels]
    args.folds_out.mkdir(parents=True, exist_ok=True)
    for k in range(args.folds):
        train, test = fold != k, fold == k
        model = _model(x[train], y[train], [lab for lab, t in zip(labels, train, strict=True) if t],
                       args.threshold)
        (args.folds_out / f"fold{k}.json").write_text(json.dumps(model) + "\n", encoding="utf-8")
        mean = np.array(model["mean"])
        z = (_at_mean(x[test], mean) - mean) / np.array(model["scale"])
        p_non[test] = 1.0 / (1.0 + np.exp(-(z @ np.array(model["article"]["weights"])
                                             + model["article"]["bias"])))
        probs = probabilities(z, np.array(model["types"]["weights"]), np.array(model["types"]["bias"]))
        for i, best in zip(np.flatnonzero(test), np.argmax(probs, axis=1), strict=True):
            type_of[i] = model["types"]["classes"][int(best)]

    oof_rows: list[dict[str, Any]] = []
    print("Out of fold (folds grouped by site): texts called non-articles")
    print(f"| threshold | articles (of {int((y == 0).sum())}) | non-articles (of {int(y.sum())}) "
          "| their type right |")
    print("|---|---|---|---|")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        called = p_non >= t
        right = sum(1 for i in np.flatnonzero(called & (y == 1)) if type_of[i] == labels[i])
        row = {"threshold": t, "articles_called_non_article": int((called & (y == 0)).sum()),
               "non_articles_called_non_article": int((called & (y == 1)).sum()),
               "their_type_right": right}
        oof_rows.append(row)
        print(f"| {t:.1f} | {row['articles_called_non_article']} | "
              f"{row['non_articles_called_non_article']} | {right} |")

    final = _model(x, y, labels, args.threshold)
    final["card"] = {
        "commit": _commit(), "pages": len(labels), "non_articles": int(y.sum()), "input": args.input,
        "data": {d.name: {"ground_truth_sha256": _sha256(d / "ground-truth.json"),
                          "input_sha256": _sha256(d / "text-inputs" / f"{args.input}.json")}
                 for d in args.data_dirs},
        "folds": args.folds, "out_of_fold": {"articles": int((y == 0).sum()),
                                             "non_articles": int(y.sum()), "by_threshold": oof_rows},
    }
    args.out.write_text(json.dumps(final, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {args.folds} fold models in {args.folds_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
