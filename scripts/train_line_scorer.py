"""Train the ``line_scorer`` rule's model from a benchmark folder and write its weights.

Usage::

    python scripts/train_line_scorer.py DATA_DIR [--out newsclean/data/line_scorer.json]

``DATA_DIR`` is an article-extraction-benchmark folder (``ground-truth.json`` plus
``text-inputs/NAME.json``, see ``docs/benchmarks.md``). For every text input and page the script runs
the default pipeline up to (not including) ``line_scorer``, so the features see the same earlier
verdicts as at run time, and labels each block by the gold body: a block of 4+ tokens is body when
most of its 4-token shingles are in the gold's shingles; a shorter one when its tokens occur in the
gold next to the tokens that surround the block in the input.

Model selection is 5-fold cross-validation grouped by page (a page's text from all inputs lands in
the same fold): for each setting, every block is scored by a model that never saw its page, the
whole pipeline is resolved with those scores, and the article-body metric is computed per input.
The cross-validated F1 per input is the honest estimate for unseen pages; the shipped weights are
then trained on all pages with the chosen setting. Pages weigh equally (the metric averages per
document): a block's weight is its token count over the page's gold size.

numpy is needed here (training only); newsclean never imports it.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsclean import trace
from newsclean.document import Document
from newsclean.evaluation import Score, evaluate, tokenize
from newsclean.pipeline import Pipeline, ResolverOptions, resolve
from newsclean.rules import registry
from newsclean.rules.base import Context, Verdict
from newsclean.rules.scorer import FEATURES, LineScorer, LineScorerOptions, Model, Scored, compute_features

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "newsclean" / "data" / "line_scorer.json"
GOLD = "gold"
"""A pseudo-input: the gold bodies themselves. A clean body must come out unchanged, so the model
learns from them too, and the threshold search keeps their recall at :data:`GOLD_RECALL`."""
GOLD_RECALL = 0.99
GOLD_PENALTY = 1.0
"""Mean F1 given up per point of gold recall below :data:`GOLD_RECALL`."""
OVERRULE = tuple(LineScorerOptions().overrule)
"""Rules the scorer may overrule; their verdicts are not among its features."""
INPUTS = ("html-text", "inscriptis", "boilerpipe", "justext", "goose3", "readability", "newspaper",
          "trafilatura", "gold")


# ---- data -------------------------------------------------------------------------------------

def prefix_names() -> list[str]:
    """The default rules that run before ``line_scorer`` (whose verdicts the features read)."""
    order = list(registry.DEFAULT_ORDER)
    if "line_scorer" in order:
        return order[:order.index("line_scorer")]
    return [n for n in order if n not in ("boilerplate", "duplicate")]


def after_names() -> list[str]:
    order = list(registry.DEFAULT_ORDER)
    if "line_scorer" in order:
        return order[order.index("line_scorer") + 1:]
    return ["duplicate"]


@dataclass
class Sample:
    source: str
    page: str
    doc: Document
    verdicts: list[Verdict]


def _trace_chunk(args: tuple[str, list[tuple[str, str]]]) -> list[Sample]:
    source, items = args
    pipe = Pipeline.from_names(prefix_names())
    out = []
    for page, text in items:
        t = trace(text, mode="text", pipeline=pipe)
        doc = t.document
        doc.prose_scores  # noqa: B018  (computed here, cached into the pickle)
        out.append(Sample(source, page, doc, t.verdicts))
    return out


def load(data_dir: Path, inputs: Sequence[str], jobs: int) -> tuple[dict[str, str], list[Sample]]:
    gold = {k: v["articleBody"] for k, v in
            json.loads((data_dir / "ground-truth.json").read_text("utf-8")).items()}
    chunks = []
    for name in inputs:
        path = data_dir / "text-inputs" / f"{name}.json"
        if name == GOLD:
            data = dict(gold)
        elif not path.is_file():
            print(f"  (no {path.name}, skipped)", file=sys.stderr)
            continue
        else:
            data = {k: v["articleBody"] for k, v in json.loads(path.read_text("utf-8")).items()}
        items = sorted((k, t or "") for k, t in data.items() if k in gold)
        for i in range(0, len(items), 20):
            chunks.append((name, items[i:i + 20]))
    samples: list[Sample] = []
    with ProcessPoolExecutor(jobs) as ex:
        for part in ex.map(_trace_chunk, chunks):
            samples.extend(part)
    return gold, samples


def label(doc: Document, gold_text: str) -> tuple[list[int], list[int]]:
    """(label, token count) per block; see the module docstring."""
    g = tokenize(gold_text)
    shingles = {tuple(g[i:i + 4]) for i in range(len(g) - 3)}
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(g):
        positions.setdefault(t, []).append(i)
    gold_lines = {tuple(tokenize(line)) for line in gold_text.splitlines() if line.strip()}
    toks = [tokenize(b.text) for b in doc.blocks]
    labels = []
    for i, t in enumerate(toks):
        if len(t) >= 4:
            sh = [tuple(t[k:k + 4]) for k in range(len(t) - 3)]
            labels.append(1 if sum(1 for s in sh if s in shingles) >= 0.5 * len(sh) else 0)
            continue
        if not t:
            labels.append(0)
            continue
        if tuple(t) in gold_lines:
            labels.append(1)
            continue
        prev = next((toks[j][-1] for j in range(i - 1, -1, -1) if toks[j]), None)
        nxt = next((toks[j][0] for j in range(i + 1, len(toks)) if toks[j]), None)
        hit = 0
        for pos in positions.get(t[0], ()):
            if tuple(g[pos:pos + len(t)]) != tuple(t):
                continue
            before = g[pos - 1] if pos > 0 else None
            after = g[pos + len(t)] if pos + len(t) < len(g) else None
            if (prev is not None and before == prev) or (nxt is not None and after == nxt):
                hit = 1
                break
        labels.append(hit)
    return labels, [len(t) for t in toks]


@dataclass
class Table:
    X: np.ndarray
    y: np.ndarray
    w: np.ndarray
    doc_of: np.ndarray  # sample index per row
    slices: list[tuple[int, int]]  # rows of each sample


def build_table(gold: dict[str, str], samples: list[Sample], names: Sequence[str],
                weighting: str = "gold", ignore: Sequence[str] = OVERRULE) -> Table:
    xs, ys, ws, ds, slices = [], [], [], [], []
    row = 0
    for si, s in enumerate(samples):
        feats = compute_features(s.doc, Context(verdicts=list(s.verdicts)), names, ignore)
        labels, ntok = label(s.doc, gold[s.page])
        gold_size = max(len(tokenize(gold[s.page])), 1)
        denom = max(gold_size, 50) if weighting == "gold" else max(sum(ntok), 50)
        w = [(t + 1) / denom if t else 0.0 for t in ntok]
        total = sum(w)
        if total > 3.0:  # a page of mostly chrome must not outweigh the others
            w = [x * 3.0 / total for x in w]
        xs.extend(feats)
        ys.extend(labels)
        ws.extend(w)
        ds.extend([si] * len(labels))
        slices.append((row, row + len(labels)))
        row += len(labels)
    return Table(np.asarray(xs, dtype=float).reshape(-1, len(names)), np.asarray(ys, dtype=float),
                 np.asarray(ws, dtype=float), np.asarray(ds), slices)


# ---- models -----------------------------------------------------------------------------------

def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> dict[str, Any]:
    mean = np.average(X, axis=0, weights=w)
    scale = np.sqrt(np.average((X - mean) ** 2, axis=0, weights=w))
    scale[scale < 1e-9] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2 * w.sum())
    reg[-1] = 0.0
    for _ in range(50):
        p = _sigmoid(Z @ beta)
        grad = Z.T @ (w * (p - y)) + reg * beta
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg) + 1e-9 * np.eye(Z.shape[1])
        step = np.linalg.solve(H, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return {"kind": "logistic", "weights": beta[:-1].tolist(), "bias": float(beta[-1]),
            "mean": mean.tolist(), "scale": scale.tolist()}


def _cuts(col: np.ndarray, bins: int) -> np.ndarray:
    vals = np.unique(col)
    if len(vals) <= bins:  # few distinct values: cut halfway between neighbours
        return (vals[:-1] + vals[1:]) / 2.0
    return np.unique(np.quantile(col, np.linspace(0, 1, bins + 1)[1:-1]))


PAGE_TEXT_INPUTS = ("html-text", "inscriptis")
"""Inputs that are a whole page's text; the others are article extractors' output."""


def fit_gate(table: Table, samples: list[Sample], names: Sequence[str], rows: np.ndarray,
             features: Sequence[str]) -> dict[str, Any]:
    """Logistic gate over document-level features: 1 for an extractor's output, 0 for page text."""
    cols = [list(names).index(f) for f in features]
    docs = sorted({int(d) for d in table.doc_of[rows]})
    docs = [d for d in docs if table.slices[d][1] > table.slices[d][0]]
    X = np.asarray([table.X[table.slices[d][0], cols] for d in docs])
    y = np.asarray([0.0 if samples[d].source in PAGE_TEXT_INPUTS else 1.0 for d in docs])
    lr = fit_logistic(X, y, np.ones(len(y)), 1e-3)
    w = np.asarray(lr["weights"]) / np.asarray(lr["scale"])
    bias = lr["bias"] - float(w @ np.asarray(lr["mean"]))
    return {"features": list(features), "weights": [round(float(v), 4) for v in w],
            "bias": round(float(bias), 4)}


def gate_values(X: np.ndarray, names: Sequence[str], gate: dict[str, Any] | None) -> np.ndarray:
    if not gate:
        return np.zeros(len(X))
    cols = [list(names).index(f) for f in gate["features"]]
    return _sigmoid(X[:, cols] @ np.asarray(gate["weights"]) + gate["bias"])


def _leaf(Ga: np.ndarray, Gb: np.ndarray, Haa: np.ndarray, Hab: np.ndarray, Hbb: np.ndarray,
          lam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Newton step for a leaf with two values blended by the gate: (gain, value_a, value_b)."""
    A, B = Haa + lam, Hbb + lam
    det = A * B - Hab ** 2
    gain = (Ga ** 2 * B - 2 * Ga * Gb * Hab + Gb ** 2 * A) / det
    va = -(B * Ga - Hab * Gb) / det
    vb = -(A * Gb - Hab * Ga) / det
    return gain, va, vb


def fit_stumps(X: np.ndarray, y: np.ndarray, w: np.ndarray, names: Sequence[str], rounds: int,
               lr: float, lam: float, gate: dict[str, Any] | None = None, bins: int = 32,
               min_weight: float = 1.0) -> dict[str, Any]:
    """Boosted stumps with a gated pair of leaf values (see :class:`newsclean.rules.scorer.Model`)."""
    n, d = X.shape
    gv = gate_values(X, names, gate)
    a, b = 1.0 - gv, gv
    cuts = [_cuts(X[:, j], bins) for j in range(d)]
    codes = np.stack([np.searchsorted(cuts[j], X[:, j], side="right") for j in range(d)], axis=1)
    nb = [len(c) + 1 for c in cuts]
    prior = float(np.clip(np.average(y, weights=w), 1e-4, 1 - 1e-4))
    bias = math.log(prior / (1 - prior))
    F = np.full(n, bias)
    tab_a = [np.zeros(k) for k in nb]
    tab_b = [np.zeros(k) for k in nb]
    for _ in range(rounds):
        p = _sigmoid(F)
        g = w * (p - y)
        h = w * p * (1 - p)
        stats = (g * a, g * b, h * a * a, h * a * b, h * b * b)
        totals = [s.sum() for s in stats]
        parent = _leaf(*(np.asarray(t) for t in totals), lam)[0]
        best: tuple[float, int, int, float, float, float, float] = (1e-9, -1, -1, 0, 0, 0, 0)
        for j in range(d):
            cum = [np.cumsum(np.bincount(codes[:, j], s, minlength=nb[j]))[:-1] for s in stats]
            cw = np.cumsum(np.bincount(codes[:, j], w, minlength=nb[j]))[:-1]
            ok = (cw >= min_weight) & (w.sum() - cw >= min_weight)
            if not ok.any():
                continue
            gl, la, lb = _leaf(*cum, lam)
            gr, ra, rb = _leaf(*(t - c for t, c in zip(totals, cum, strict=True)), lam)
            gain = np.where(ok, gl + gr - parent, -np.inf)
            k = int(np.argmax(gain))
            if gain[k] > best[0]:
                best = (float(gain[k]), j, k, float(la[k]), float(lb[k]), float(ra[k]), float(rb[k]))
        _, j, k, la_, lb_, ra_, rb_ = best
        if j < 0:
            break
        left = codes[:, j] <= k
        F += lr * np.where(left, a * la_ + b * lb_, a * ra_ + b * rb_)
        tab_a[j][:k + 1] += lr * la_
        tab_a[j][k + 1:] += lr * ra_
        tab_b[j][:k + 1] += lr * lb_
        tab_b[j][k + 1:] += lr * rb_
    # compress (merge neighbouring intervals with equal values) and centre on the training mean
    out_cuts, out_a, out_b, base_a, base_b = [], [], [], [], []
    for j in range(d):
        keep = [k for k in range(1, nb[j])
                if abs(tab_a[j][k] - tab_a[j][k - 1]) > 1e-9 or abs(tab_b[j][k] - tab_b[j][k - 1]) > 1e-9]
        out_cuts.append([round(float(cuts[j][k - 1]), 6) for k in keep])
        out_a.append([round(float(tab_a[j][k]), 4) for k in [0, *keep]])
        out_b.append([round(float(tab_b[j][k]), 4) for k in [0, *keep]])
        base_a.append(round(float(np.average(tab_a[j][codes[:, j]], weights=w * a + 1e-12)), 4))
        base_b.append(round(float(np.average(tab_b[j][codes[:, j]], weights=w * b + 1e-12)), 4))
    out: dict[str, Any] = {"kind": "stumps", "bias": round(bias + sum(base_a), 4),
                           "bias_b": round(bias + sum(base_b), 4), "cuts": out_cuts,
                           "values": out_a, "baseline": base_a}
    if gate:
        out.update({"values_b": out_b, "baseline_b": base_b, "gate": gate})
    return out


def prune(names: Sequence[str], params: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Leave out the features no stump uses (their term is constant, zero once centred)."""
    gate = set(params.get("gate", {}).get("features", ()))
    keep = [j for j, n in enumerate(names) if params["cuts"][j] or n in gate]
    out = dict(params)
    for key in ("cuts", "values", "values_b", "baseline", "baseline_b"):
        if key in out:
            out[key] = [out[key][j] for j in keep]
    return [names[j] for j in keep], out


def to_model(params: dict[str, Any], names: Sequence[str], threshold: float = 0.5,
             keep_threshold: float = 1.0) -> Model:
    return Model.from_dict({**params, "features": list(names), "threshold": threshold,
                            "keep_threshold": keep_threshold})


def predict(params: dict[str, Any], names: Sequence[str], X: np.ndarray) -> np.ndarray:
    if params["kind"] == "logistic":
        Z = (X - np.asarray(params["mean"])) / np.asarray(params["scale"])
        return _sigmoid(Z @ np.asarray(params["weights"]) + params["bias"])
    model = to_model(params, names)
    gv = gate_values(X, names, params.get("gate"))
    z = (1 - gv) * model.bias + gv * model.bias_b
    for j in range(len(names)):
        k = np.searchsorted(np.asarray(model.cuts[j]), X[:, j], side="right")
        va = np.asarray(model.values[j]) - model.baseline[j]
        vb = np.asarray(model.values_b[j]) - model.baseline_b[j]
        z += (1 - gv) * va[k] + gv * vb[k]
    return _sigmoid(z)


# ---- end-to-end evaluation --------------------------------------------------------------------

_DUMMY = Model(("log_words",), 0.0, 0.0, ((),), ((0.0,),), ((0.0,),), (0.0,), (0.0,))

START = {"threshold": 0.5, "threshold_b": 0.5, "overrule_threshold": 0.8, "keep_threshold": 1.0}
MIN_GAIN = 0.001
DECISION_KEYS = ("threshold", "threshold_b", "overrule_threshold", "keep_threshold")


class _Fixed(LineScorer):
    """The rule, with scores given from outside (so the verdict logic is the shipped one)."""

    def __init__(self, probs: Sequence[float], gates: Sequence[float], decision: dict[str, float],
                 **options: Any) -> None:
        super().__init__(**options)
        self._probs = probs
        self._gates = gates
        self._model = replace(_DUMMY, **decision)

    def model(self) -> Model:
        return self._model

    def probabilities(self, doc: Document, context: Context) -> list[Scored]:
        return [(float(p), [0.0], [0.0], float(g)) for p, g in zip(self._probs, self._gates, strict=True)]


def bodies(samples: list[Sample], table: Table, p: np.ndarray, gates: np.ndarray,
           decision: dict[str, float]) -> dict[str, dict[str, str]]:
    after = [registry.get(n)() for n in after_names()]
    resolver = ResolverOptions()
    out: dict[str, dict[str, str]] = {}
    for si, s in enumerate(samples):
        a, b = table.slices[si]
        rule = _Fixed(p[a:b], gates[a:b], decision)
        verdicts = list(s.verdicts)
        verdicts.extend(rule.apply(s.doc, Context(verdicts=list(verdicts))))
        for r in after:
            verdicts.extend(r.apply(s.doc, Context(verdicts=list(verdicts))))
        article, _ = resolve(s.doc, verdicts, resolver)
        out.setdefault(s.source, {})[s.page] = article.body
    return out


class Fixtures:
    """The seed fixtures (``fixtures/seeds``): a threshold setting that breaks one is not chosen.

    Scored with the model trained on all pages (the one that ships)."""

    def __init__(self, folder: Path, names: Sequence[str], params: dict[str, Any]) -> None:
        self.cases: list[tuple[str, Sample, dict[str, Any], np.ndarray, np.ndarray]] = []
        pipe = Pipeline.from_names(prefix_names())
        for path in sorted(folder.glob("*.txt")):
            expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
            t = trace(path.read_text("utf-8"), mode="text", pipeline=pipe)
            sample = Sample("fixture", path.stem, t.document, t.verdicts)
            X = np.asarray(compute_features(t.document, Context(verdicts=list(t.verdicts)), names,
                                            OVERRULE), dtype=float).reshape(-1, len(names))
            p = predict(params, names, X) if len(X) else np.zeros(0)
            g = gate_values(X, names, params.get("gate")) if len(X) else np.zeros(0)
            self.cases.append((path.stem, sample, expected, p, g))

    def failures(self, decision: dict[str, float]) -> list[str]:
        after = [registry.get(n)() for n in after_names()]
        failed = []
        for name, s, expected, p, g in self.cases:
            verdicts = list(s.verdicts)
            verdicts.extend(_Fixed(p, g, decision).apply(s.doc, Context(verdicts=list(verdicts))))
            for r in after:
                verdicts.extend(r.apply(s.doc, Context(verdicts=list(verdicts))))
            article, _ = resolve(s.doc, verdicts, ResolverOptions())
            removed = [{"text": r.text, "kind": str(r.kind)} for r in article.removed]
            if article.paragraphs != expected["body"] or removed != expected["removed"]:
                failed.append(name)
        return failed


def choose_decision(samples: list[Sample], table: Table, gold: dict[str, str], p: np.ndarray,
                    gates: np.ndarray, quick: bool = False, log: bool = True,
                    fixtures: Fixtures | None = None,
                    ) -> tuple[float, dict[str, float], dict[str, Score]]:
    """Thresholds by coordinate search on the end-to-end metric (mean F1 over the inputs).

    The search starts from conservative values and leaves one only for a gain of at least
    :data:`MIN_GAIN` (differences below that are noise on 117 pages): drop at even odds, overrule
    another rule only when quite sure, protect nothing.
    """
    decision = dict(START)
    steps: list[tuple[str, tuple[float, ...]]] = [
        ("threshold", (0.3, 0.4, 0.5, 0.6, 0.7)),
        ("threshold_b", (0.2, 0.3, 0.4, 0.5, 0.6)),
        ("overrule_threshold", (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)),
        ("keep_threshold", (0.9, 0.95, 1.0)),
    ]
    if not quick:
        steps += [("threshold", (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)),
                  ("threshold_b", (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5))]
    memo: dict[tuple[float, ...], tuple[float, dict[str, Score]]] = {}
    sig = tuple(decision[k] for k in DECISION_KEYS)
    best_sc = scores(bodies(samples, table, p, gates, decision), gold)
    best_obj = objective(best_sc)
    memo[sig] = (best_obj, best_sc)
    for key, values in steps:
        for v in values:
            trial = {**decision, key: v}
            sig = tuple(trial[k] for k in DECISION_KEYS)
            if sig not in memo:
                sc = scores(bodies(samples, table, p, gates, trial), gold)
                memo[sig] = (objective(sc), sc)
                if log:
                    print(f"    {trial}: mean F1 {memo[sig][0]:.4f}  "
                          + " ".join(f"{k[:5]}={x.f1:.3f}" for k, x in sc.items()), file=sys.stderr)
            obj, sc = memo[sig]
            if obj > best_obj + MIN_GAIN and not (fixtures and fixtures.failures(trial)):
                best_obj, best_sc, decision = obj, sc, trial
    return best_obj, decision, best_sc


def scores(pred: dict[str, dict[str, str]], gold: dict[str, str]) -> dict[str, Score]:
    return {src: evaluate(bodies_, {k: gold[k] for k in bodies_}, bootstrap=0)
            for src, bodies_ in pred.items()}


def objective(sc: dict[str, Score]) -> float:
    """Mean F1 over the real inputs, minus a penalty when a clean body (the gold fed as input)
    loses more than :data:`GOLD_RECALL` of its text."""
    f1 = float(np.mean([s.f1 or 0.0 for src, s in sc.items() if src != GOLD]))
    if GOLD in sc:
        f1 -= GOLD_PENALTY * max(0.0, GOLD_RECALL - (sc[GOLD].recall or 0.0))
    return f1


def folds_of(samples: list[Sample], k: int) -> dict[str, int]:
    pages = sorted({s.page for s in samples})
    rng = np.random.default_rng(13)
    rng.shuffle(pages)
    return {p: i % k for i, p in enumerate(pages)}


def fit(kind: str, X: np.ndarray, y: np.ndarray, w: np.ndarray, names: Sequence[str],
        cfg: dict[str, Any]) -> dict[str, Any]:
    if kind == "logistic":
        return fit_logistic(X, y, w, cfg["l2"])
    return fit_stumps(X, y, w, names, cfg["rounds"], cfg["lr"], cfg["lam"], cfg.get("gate"),
                      min_weight=cfg["min_weight"])


def fit_all(samples: list[Sample], table: Table, names: Sequence[str], kind: str, cfg: dict[str, Any],
            rows: np.ndarray) -> dict[str, Any]:
    gate = fit_gate(table, samples, names, rows, cfg["gate"]) if cfg.get("gate") else None
    params = fit(kind, table.X[rows], table.y[rows], table.w[rows], names, {**cfg, "gate": gate})
    if gate and "gate" not in params:
        params["gate"] = gate
    return params


def cross_validate(samples: list[Sample], table: Table, names: Sequence[str], kind: str,
                   cfg: dict[str, Any], k: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold body probabilities and gate values, folds grouped by page."""
    fold = folds_of(samples, k)
    row_fold = np.asarray([fold[samples[si].page] for si in table.doc_of])
    p = np.zeros(len(table.y))
    g = np.zeros(len(table.y))
    for f in range(k):
        tr, te = row_fold != f, row_fold == f
        params = fit_all(samples, table, names, kind, cfg, tr)
        p[te] = predict(params, names, table.X[te])
        g[te] = gate_values(table.X[te], names, params.get("gate"))
    return p, g


def _table_line(name: str, cells: Sequence[float]) -> str:
    return f"{name:12s} " + " ".join(f"{c:6.3f}" for c in cells)


GATE = ["doc_prose", "doc_short", "doc_blocks"]
GRID: dict[str, list[dict[str, Any]]] = {
    "logistic": [{"l2": 1e-3}],
    "stumps": [{"rounds": 300, "lr": 0.1, "lam": 1.0, "min_weight": 2.0, "gate": GATE}],
}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--inputs", nargs="*", default=list(INPUTS))
    ap.add_argument("--features", nargs="*", default=None, help="feature subset (default: all)")
    ap.add_argument("--kind", choices=("stumps", "logistic"), default="stumps")
    ap.add_argument("--config", type=json.loads, default=None,
                    help="one model setting as JSON (default: search GRID)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of traced pages (dev speed-up)")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--save-oof", type=Path, default=None, help="save out-of-fold scores (.npz)")
    ap.add_argument("--quick", action="store_true", help="fewer thresholds (development)")
    ap.add_argument("--without", nargs="*", default=[], help="ignore verdicts of these rules")
    args = ap.parse_args(argv)
    names = list(args.features or FEATURES)
    t0 = time.time()
    samples: list[Sample] = []
    if args.cache and args.cache.is_file():
        gold, samples = pickle.loads(args.cache.read_bytes())
    missing = [n for n in args.inputs if n not in {s.source for s in samples}]
    if missing:
        gold, more = load(args.data_dir, missing, args.jobs)
        samples.extend(more)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((gold, samples)))
    samples = [s for s in samples if s.source in args.inputs]
    if args.without:  # as if these rules had not run (exact when they run last before the scorer)
        for s in samples:
            s.verdicts = [v for v in s.verdicts if v.rule not in args.without]
    print(f"traced {len(samples)} page texts in {time.time() - t0:.0f}s; rules before the scorer: "
          f"{', '.join(prefix_names())}", file=sys.stderr)
    table = build_table(gold, samples, names)
    print(f"{len(table.y)} blocks, {table.y.mean():.2f} body; {len(names)} features", file=sys.stderr)

    fixtures_dir = REPO / "fixtures" / "seeds"
    grid = [args.config] if args.config else GRID[args.kind]
    best: tuple[float, dict[str, Any], dict[str, float], dict[str, Score]] | None = None
    for cfg in grid:
        t1 = time.time()
        p, gates = cross_validate(samples, table, names, args.kind, cfg, args.folds)
        if args.save_oof:
            np.savez(args.save_oof, p=p, g=gates)
        print(f"  cv {cfg} ({time.time() - t1:.0f}s)", file=sys.stderr)
        fixtures = None
        if fixtures_dir.is_dir() and args.kind == "stumps":
            full = fit_all(samples, table, names, args.kind, cfg, np.ones(len(table.y), dtype=bool))
            fixtures = Fixtures(fixtures_dir, names, full)
        obj, decision, sc = choose_decision(samples, table, gold, p, gates, args.quick,
                                            fixtures=fixtures)
        if fixtures and fixtures.failures(decision):
            print(f"  WARNING: fixtures {fixtures.failures(decision)} fail with {decision}",
                  file=sys.stderr)
        print(f"  cv {cfg}: {decision} mean F1 {obj:.4f}", file=sys.stderr)
        if best is None or obj > best[0]:
            best = (obj, cfg, decision, sc)
    assert best is not None
    obj, cfg, decision, cv_scores = best
    print(f"\nchosen: {args.kind} {cfg}, {decision}")
    params = fit_all(samples, table, names, args.kind, cfg, np.ones(len(table.y), dtype=bool))
    p_all = predict(params, names, table.X)
    gates = gate_values(table.X, names, params.get("gate"))
    train_scores = scores(bodies(samples, table, p_all, gates, decision), gold)
    print(f"\n{'input':12s} {'as is':>6s} {'cv F1':>6s} {'P':>6s} {'R':>6s} {'train':>6s}  "
          f"(gold: the gold bodies as input; R must stay >= {GOLD_RECALL})")
    for src in args.inputs:
        if src not in cv_scores:
            continue
        if src == GOLD:
            raw = {k: {"articleBody": v} for k, v in gold.items()}
        else:
            raw = json.loads((args.data_dir / "text-inputs" / f"{src}.json").read_text("utf-8"))
        asis = evaluate({k: v["articleBody"] or "" for k, v in raw.items()}, gold, bootstrap=0)
        c = cv_scores[src]
        print(_table_line(src, [asis.f1 or 0, c.f1 or 0, c.precision or 0, c.recall or 0,
                                train_scores[src].f1 or 0]))
    print(f"mean cv F1 {obj:.4f}, mean train F1 {objective(train_scores):.4f}")
    if not args.no_write and args.kind == "stumps":
        names, params = prune(names, params)
        data = {"features": names, **params, **decision,
                "trained_on": f"{args.data_dir.name}: {len({s.page for s in samples})} pages x "
                              f"{len(args.inputs)} inputs", "cv_mean_f1": round(obj, 4),
                "config": cfg}
        args.out.write_text(json.dumps(data, indent=None, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
