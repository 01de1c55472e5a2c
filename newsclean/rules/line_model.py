"""The line model of the ``line_scorer`` rule: an additive model (boosted stumps, optionally pair
terms of two features) with two tables blended by a document-level gate, its loading, and scoring a
document's feature columns with it. Plain Python: inference never imports numpy.

The features are :mod:`newsclean.rules.line_features`; the rule is :mod:`newsclean.rules.scorer`.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newsclean.rules.line_features import FEATURES, PHRASES, rows

WEIGHTS_PACKAGE = "newsclean.data"
WEIGHTS_FILE = "line_scorer.json"


@dataclass(frozen=True, slots=True)
class PairTerm:
    """One term of two features ``j`` and ``k``: ``values[bisect(cuts_j, x_j)][bisect(cuts_k, x_k)]``
    (``values_b`` for an extractor's output, as in :class:`Model`)."""

    j: int
    k: int
    cuts_j: tuple[float, ...]
    cuts_k: tuple[float, ...]
    values: tuple[tuple[float, ...], ...]
    values_b: tuple[tuple[float, ...], ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], feats: Sequence[str]) -> PairTerm:
        fj, fk = (str(f) for f in data["features"])
        if fj not in feats or fk not in feats:
            raise ValueError(f"line scorer weights: a pair term reads {fj!r} and {fk!r}, "
                             "which are not among the model's features")
        cj, ck = (tuple(float(v) for v in c) for c in data["cuts"])
        values = tuple(tuple(float(v) for v in row) for row in data["values"])
        values_b = tuple(tuple(float(v) for v in row) for row in data.get("values_b", data["values"]))
        for t in (values, values_b):
            if len(t) != len(cj) + 1 or any(len(row) != len(ck) + 1 for row in t):
                raise ValueError("line scorer weights: a pair table does not match its cuts")
        return cls(list(feats).index(fj), list(feats).index(fk), cj, ck, values, values_b)


@dataclass(frozen=True, slots=True)
class Model:
    """Boosted stumps summed per feature: ``logit = bias + sum_j term_j(x_j)``.

    ``term_j`` is piecewise constant: ``cuts[j]`` are sorted thresholds and ``values[j][k]`` the term
    on the ``k``-th interval. A *gate* (a logistic function of document-level features: how many
    blocks, how many of them short) blends two tables per feature, one fitted for whole-page text
    (gate 0) and one for an article extractor's output (gate 1):
    a short line means a menu item in the first and a list item in the second. Terms are reported
    centred on their training mean (``baseline``), so the most negative ones explain a drop.
    """

    features: tuple[str, ...]
    bias: float
    bias_b: float
    cuts: tuple[tuple[float, ...], ...]
    values: tuple[tuple[float, ...], ...]
    values_b: tuple[tuple[float, ...], ...]
    baseline: tuple[float, ...]
    baseline_b: tuple[float, ...]
    gate_features: tuple[int, ...] = ()
    gate_weights: tuple[float, ...] = ()
    gate_bias: float = 0.0
    threshold: float = 0.5
    threshold_b: float = 0.5
    overrule_threshold: float = 1.0
    keep_threshold: float = 1.0
    stage2: Model | None = None
    """The second pass (optional): a model over :data:`FEATURES` and :data:`CONTEXT` that revises
    each block by the first pass's scores of its neighbours; when present it decides."""
    pairs: tuple[PairTerm, ...] = ()
    """Terms of two features at once (a short line *outside* the core, not any short line): each is
    a table over both features' intervals, centred, and its value is credited half to each feature
    in the reasons."""
    sides: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    """:meth:`side` for each feature and interval, tabled once: every drop's reason reads it."""

    def __post_init__(self) -> None:
        summed = [[a + b for a, b in zip(va, vb, strict=True)]
                  for va, vb in zip(self.values, self.values_b, strict=True)]
        object.__setattr__(self, "sides", tuple(tuple(_side(vals, k) for k in range(len(vals)))
                                                for vals in summed))

    @property
    def final(self) -> Model:
        """The model whose score decides: the second pass if there is one."""
        return self.stage2 if self.stage2 is not None else self

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], known: Mapping[str, object] = FEATURES) -> Model:
        feats = tuple(str(f) for f in data["features"])
        unknown = [f for f in feats if f not in known]
        if unknown:
            raise ValueError(f"line scorer weights use unknown features {unknown}")
        if data.get("kind", "stumps") != "stumps":
            raise ValueError(f"line scorer weights: unknown model kind {data.get('kind')!r}")
        n = len(feats)

        def table(key: str) -> tuple[tuple[float, ...], ...]:
            return tuple(tuple(float(v) for v in row) for row in data[key])

        cuts = table("cuts")
        values = table("values")
        values_b = table("values_b") if "values_b" in data else values
        if len(cuts) != n or any(len(t) != n or any(len(v) != len(c) + 1 for c, v in zip(
                cuts, t, strict=True)) for t in (values, values_b)):
            raise ValueError("line scorer weights: stump tables do not match the feature list")
        baseline = tuple(float(x) for x in data.get("baseline", [0.0] * n))
        baseline_b = tuple(float(x) for x in data.get("baseline_b", baseline))
        gate = data.get("gate") or {}
        gate_features = tuple(feats.index(f) for f in gate.get("features", ()))
        gate_weights = tuple(float(w) for w in gate.get("weights", ()))
        if len(gate_weights) != len(gate_features):
            raise ValueError("line scorer weights: gate weights do not match its features")
        bias = float(data["bias"])
        return cls(feats, bias, float(data.get("bias_b", bias)), cuts, values, values_b, baseline,
                   baseline_b, gate_features, gate_weights, float(gate.get("bias", 0.0)),
                   float(data.get("threshold", 0.5)),
                   float(data.get("threshold_b", data.get("threshold", 0.5))),
                   float(data.get("overrule_threshold", 1.0)), float(data.get("keep_threshold", 1.0)),
                   cls.from_dict(data["stage2"], PHRASES) if data.get("stage2") else None,
                   tuple(PairTerm.from_dict(pt, feats) for pt in data.get("pairs", ())))

    def gate(self, x: Sequence[float]) -> float:
        """0 for whole-page text, 1 for an extractor's output, in between when unsure."""
        if not self.gate_features:
            return 0.0
        return _sigmoid(self.gate_bias + sum(w * x[j] for j, w in zip(self.gate_features,
                                                                       self.gate_weights, strict=True)))

    def score(self, x: Sequence[float]) -> tuple[float, list[float]]:
        """The logit of ``p_body`` and its terms, one per feature, centred on their training mean."""
        return self.blend(self.gate(x)).score(x)

    def blend(self, g: float) -> Blended:
        """The two tables mixed for gate value ``g``: scoring a block is then one lookup per feature.

        Every block of a document has the same gate (its features describe the whole input), so a
        document blends once (a few hundred multiplications)."""
        h = 1.0 - g
        tables = tuple(
            tuple(h * (a - self.baseline[j]) + g * (b - self.baseline_b[j])
                  for a, b in zip(self.values[j], self.values_b[j], strict=True))
            for j in range(len(self.features)))
        pairs = tuple((pt.j, pt.k, pt.cuts_j, pt.cuts_k,
                       tuple(tuple(h * a + g * b for a, b in zip(ra, rb, strict=True))
                             for ra, rb in zip(pt.values, pt.values_b, strict=True)))
                      for pt in self.pairs)
        return Blended(self.cuts, tables, h * self.bias + g * self.bias_b, pairs)

    @property
    def doc_level_gate(self) -> bool:
        """True when the gate reads only document-level features (the same for every block)."""
        return all(self.features[j].startswith("doc_") for j in self.gate_features)

    def side(self, j: int, x: float) -> int:
        """-1 if lower values of feature ``j`` would raise its term (``x`` is "low"), else +1."""
        return self.sides[j][bisect_right(self.cuts[j], x)]


def _side(vals: Sequence[float], k: int) -> int:
    """:meth:`Model.side` on interval ``k`` of a feature whose two tables sum to ``vals``."""
    below = max(vals[:k], default=vals[k])
    above = max(vals[k + 1:], default=vals[k])
    return 1 if below > above else -1


@dataclass(frozen=True, slots=True)
class Blended:
    """A :class:`Model`'s tables mixed for one gate value (see :meth:`Model.blend`)."""

    cuts: tuple[tuple[float, ...], ...]
    tables: tuple[tuple[float, ...], ...]
    bias: float
    pairs: tuple[tuple[int, int, tuple[float, ...], tuple[float, ...],
                       tuple[tuple[float, ...], ...]], ...] = ()
    """``(j, k, cuts_j, cuts_k, table)`` of every pair term, blended."""

    def score(self, x: Sequence[float]) -> tuple[float, list[float]]:
        """The logit and its per-feature terms (a pair term credited half to each of its two)."""
        terms = [t[bisect_right(c, v)] for c, t, v in zip(self.cuts, self.tables, x, strict=True)]
        for j, k, cj, ck, tab in self.pairs:
            half = 0.5 * tab[bisect_right(cj, x[j])][bisect_right(ck, x[k])]
            terms[j] += half
            terms[k] += half
        return self.bias + sum(terms), terms

    def score_columns(self, columns: Sequence[Sequence[float]]) -> list[tuple[float, list[float]]]:
        """:meth:`score` for every block, given the features column by column."""
        bias = self.bias
        return [(bias + sum(terms), terms)
                for terms in map(list, zip(*self.term_columns(columns), strict=True))]

    def term_columns(self, columns: Sequence[Sequence[float]]) -> list[list[float]]:
        """The terms of every block, column by column (one column per feature).

        A column's terms are looked up once per distinct value: most columns hold a handful of
        values (flags, document-level features), so this does a fraction of the lookups."""
        term_columns = []
        for c, t, col in zip(self.cuts, self.tables, columns, strict=True):
            lookup = {v: t[bisect_right(c, v)] for v in set(col)}
            term_columns.append(list(map(lookup.__getitem__, col)))
        for j, k, cj, ck, tab in self.pairs:
            rows_j = {v: tab[bisect_right(cj, v)] for v in set(columns[j])}
            kcol = columns[k]
            kbin = {v: bisect_right(ck, v) for v in set(kcol)}
            halves = [0.5 * rows_j[a][kbin[b]] for a, b in zip(columns[j], kcol, strict=True)]
            term_columns[j] = [t + h for t, h in zip(term_columns[j], halves, strict=True)]
            term_columns[k] = [t + h for t, h in zip(term_columns[k], halves, strict=True)]
        return term_columns

    def logits(self, term_columns: Sequence[Sequence[float]]) -> list[float]:
        """Every block's logit from :meth:`term_columns`: the same sums :meth:`score` makes (the bias
        plus the terms added left to right), without a list of terms per block."""
        bias = self.bias
        return [bias + sum(terms) for terms in zip(*term_columns, strict=True)]


def fold_of(site: str, k: int) -> int:
    """The cross-validation fold of a site (``sha1(site) mod k``): stable across runs, machines and
    Python versions, so a benchmark can score each page with the fold model that never saw it."""
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % k


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> Model:
    """The packaged weights (or those at ``path``), parsed once."""
    if path is None:
        text = resources.files(WEIGHTS_PACKAGE).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return Model.from_dict(json.loads(text))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def score_columns(model: Model, columns: Sequence[Sequence[float]]) -> tuple[
        list[float], list[float], list[list[float]], list[list[float]]]:
    """``(p_body, gate, terms, columns)`` of every block, given ``model``'s feature columns."""
    n = len(columns[0]) if columns else 0
    cols = [list(c) for c in columns]
    if n and cols and model.doc_level_gate:
        gate = model.gate([col[0] for col in cols])
        blended = model.blend(gate)
        terms = blended.term_columns(cols)
        return [_sigmoid(z) for z in blended.logits(terms)], [gate] * n, terms, cols
    p: list[float] = []
    gates: list[float] = []
    rows_terms: list[list[float]] = []
    for x in rows(cols):
        gate = model.gate(x)
        logit, row = model.blend(gate).score(x)
        p.append(_sigmoid(logit))
        gates.append(gate)
        rows_terms.append(row)
    return p, gates, rows(rows_terms) if rows_terms else [[] for _ in cols], cols
