"""Train the page-type model (``newsclean/data/page_type.json``) and report it out of fold.

Usage::

    python scripts/train_page_type.py WCXB_DIR [--articles AEB_DIR] [--folds 5] [--out FILE]
        [--oof FILE] [--features-cache FILE]

Features are :func:`newsclean.pagetype.page_features` of each page, parsed as HTML mode parses it.
Labels are the ``page_type`` of WCXB_DIR's ground truth; pages of ``--articles`` (aeb-dev) are all
articles. The model is a multinomial logistic regression on standardised features with an L2
penalty, fitted by full-batch gradient descent (numpy, a training dependency only; inference in
:mod:`newsclean.pagetype` is plain Python). Folds are grouped by site (the ``domain`` field, or the
URL's host), so no site is both trained on and scored. Printed: out-of-fold accuracy, the
confusion matrix, and article vs non-article precision/recall; ``--oof`` writes the out-of-fold
type of every page (JSON) so that policies built on the type can be scored out of fold too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from newsclean.ingest.decode import decode
from newsclean.ingest.html_tree import parse
from newsclean.pagetype import FEATURES, PageType, page_features

L2 = 1e-3
STEPS = 600
RATE = 0.5


def _pages(root: Path, default_label: str | None) -> list[tuple[str, str, str, Path]]:
    """(id, label, group, html path) of every page of a benchmark folder."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key, row in sorted(truth.items()):
        path = root / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        label = row.get("page_type") or default_label
        url = row.get("url") or ""
        group = row.get("domain") or urlsplit(url).hostname or key
        group = group.lower().removeprefix("www.")
        out.append((f"{root.name}/{key}", label, group, path))
    return out


def _features(path: Path, url: str | None) -> list[float]:
    text = decode(gzip.decompress(path.read_bytes())).text
    tree = parse(text)
    if tree is None:
        return [0.0] * len(FEATURES)
    feats = page_features(tree, url)  # a page without a URL has no URL signals: 0 here, as before
    return [feats.get(f, 0.0) for f in FEATURES]


def fit(x: np.ndarray, y: np.ndarray, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights (classes x features) and biases of an L2 multinomial logistic regression."""
    w = np.zeros((n_classes, x.shape[1]))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    counts = onehot.sum(axis=0)
    sample_w = (len(y) / (n_classes * np.maximum(counts, 1)))[y] ** 0.5  # softened balance
    for _ in range(STEPS):
        z = x @ w.T + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / sample_w.sum()
        w -= RATE * (g.T @ x + L2 * w)
        b -= RATE * g.sum(axis=0)
    return w, b


def probabilities(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = x @ w.T + b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


def decide(p: np.ndarray, article: int, threshold: float) -> np.ndarray:
    """The most probable type, but ``article`` only with a probability of ``threshold`` or more
    (else the most probable other type): :func:`newsclean.pagetype.classify`'s rule."""
    best = np.argmax(p, axis=1)
    other = p.copy()
    other[:, article] = -1.0
    weak = (best == article) & (p[:, article] < threshold)
    return np.where(weak, np.argmax(other, axis=1), best)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--articles", type=Path, help="a folder whose pages are all articles")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parents[1] / "newsclean" / "data"
                        / "page_type.json")
    parser.add_argument("--oof", type=Path, help="write the out-of-fold types here (JSON)")
    parser.add_argument("--features-cache", type=Path, help="JSON cache of the page features")
    parser.add_argument("--article-threshold", type=float, default=0.5,
                        help="least probability of 'article' for a page to be called one")
    args = parser.parse_args(argv)

    pages = _pages(args.data_dir, None)
    if args.articles:
        pages += _pages(args.articles, PageType.ARTICLE.value)
    urls: dict[str, str | None] = {}
    for root in (args.data_dir, args.articles):
        if root:
            truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
            urls.update({f"{root.name}/{k}": v.get("url") for k, v in truth.items()})
    cache: dict[str, Any] = {}
    if args.features_cache and args.features_cache.is_file():
        cache = json.loads(args.features_cache.read_text(encoding="utf-8"))
        if cache.get("features") != list(FEATURES):
            cache = {}
    rows = cache.get("rows", {})
    for i, (key, _, _, path) in enumerate(pages):
        if key not in rows:
            rows[key] = _features(path, urls.get(key))
        if i % 200 == 0:
            print(f"features: {i}/{len(pages)}", file=sys.stderr)
    if args.features_cache:
        args.features_cache.write_text(json.dumps({"features": list(FEATURES), "rows": rows}))

    classes = [t.value for t in PageType]
    x_raw = np.array([rows[k] for k, _, _, _ in pages])
    y = np.array([classes.index(label) for _, label, _, _ in pages])
    groups = [g for _, _, g, _ in pages]
    fold_of = np.array([zlib.crc32(g.encode()) % args.folds for g in groups])

    art = classes.index(PageType.ARTICLE.value)
    oof_p = np.zeros((len(pages), len(classes)))
    for fold in range(args.folds):
        train, test = fold_of != fold, fold_of == fold
        mean, scale = x_raw[train].mean(axis=0), x_raw[train].std(axis=0) + 1e-6
        w, b = fit((x_raw[train] - mean) / scale, y[train], len(classes))
        oof_p[test] = probabilities((x_raw[test] - mean) / scale, w, b)
    print("article threshold: non-articles called article / articles called non-article (oof)")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        routed = decide(oof_p, art, threshold)
        print(f"  {threshold:.1f}: {int(((y != art) & (routed == art)).sum())} / "
              f"{int(((y == art) & (routed != art)).sum())}")
    oof = decide(oof_p, art, args.article_threshold)

    wcxb = np.array([k.startswith(args.data_dir.name + "/") for k, _, _, _ in pages])
    for name, mask in (("wcxb", wcxb), ("articles folder", ~wcxb)):
        if not mask.any():
            continue
        acc = float((oof[mask] == y[mask]).mean())
        print(f"\nOut-of-fold accuracy on {name} ({int(mask.sum())} pages, {args.folds} folds "
              f"grouped by site): {acc:.3f}")
    print("\n| gold \\ predicted | " + " | ".join(classes) + " |")
    print("|---|" + "---|" * len(classes))
    confusion = Counter(zip(y[wcxb].tolist(), oof[wcxb].tolist(), strict=True))
    for i, name in enumerate(classes):
        print(f"| {name} | " + " | ".join(str(confusion.get((i, j), 0))
                                         for j in range(len(classes))) + " |")
    gold_non, pred_non = y != art, oof != art
    tp = int((gold_non & pred_non).sum())
    print(f"\nnon-article (all pages): precision {tp / max(pred_non.sum(), 1):.3f}, "
          f"recall {tp / max(gold_non.sum(), 1):.3f}; articles called non-article: "
          f"{int((~gold_non & pred_non).sum())} of {int((~gold_non).sum())}")

    if args.oof:
        args.oof.write_text(json.dumps({k: classes[int(p)] for (k, _, _, _), p
                                        in zip(pages, oof, strict=True)}, indent=0))
    mean, scale = x_raw.mean(axis=0), x_raw.std(axis=0) + 1e-6
    w, b = fit((x_raw - mean) / scale, y, len(classes))
    model = {
        "about": "newsclean page-type model: multinomial logistic regression on standardised "
                 "page_features; trained by scripts/train_page_type.py",
        "features": list(FEATURES), "classes": classes,
        "mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
        "weights": [[round(float(v), 5) for v in row] for row in w],
        "bias": [round(float(v), 5) for v in b],
        "article_threshold": args.article_threshold,
        "trained_on": {"pages": len(pages), "out_of_fold_accuracy_wcxb":
                       round(float((oof[wcxb] == y[wcxb]).mean()), 4)},
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
