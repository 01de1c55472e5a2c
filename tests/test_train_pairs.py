"""Depth-2 trees as pair terms (``newsclean train --config '{"depth": 2, ...}'``): the trainer learns
an interaction that stumps cannot, keeps only the pairs it is allowed, and the library scores the
written model exactly as the trainer does."""

from __future__ import annotations

import math

import pytest

np = pytest.importorskip("numpy")  # the [train] extra (in [dev]); inference never needs it

from newsclean.rules.line_model import Model  # noqa: E402
from newsclean.train import fit, predict, prune  # noqa: E402

NAMES = ["log_words", "prose", "rel_pos", "markers", "doc_prose"]
CFG = {"rounds": 120, "lr": 0.2, "lam": 1.0, "min_weight": 2.0, "subsample": 0.5, "gate": None}


def _data(seed: int, n: int = 6000) -> tuple[np.ndarray, np.ndarray]:
    """Body when long *and* prose, or short *and* not: no sum of one-feature terms can say it."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, len(NAMES)))
    X[:, 4] = rng.integers(0, 2, n)
    z = np.where(X[:, 0] > 0, 2.5 * X[:, 1], -2.5 * X[:, 1])
    y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(float)
    return X, y


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    return float(-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)))


def test_depth_two_learns_the_interaction_stumps_miss() -> None:
    X, y = _data(0)
    Xt, yt = _data(1)
    w = np.ones(len(y))
    stumps = fit("stumps", X, y, w, NAMES, CFG)
    trees = fit("stumps", X, y, w, NAMES, {**CFG, "depth": 2})
    assert trees["pairs"], "no pair term learned"
    loss_stumps = _log_loss(predict(stumps, NAMES, Xt), yt)
    loss_trees = _log_loss(predict(trees, NAMES, Xt), yt)
    assert loss_stumps > math.log(2) - 0.05  # stumps see nothing here
    assert loss_trees < loss_stumps - 0.1


def test_max_pairs_keeps_only_the_best_pairs() -> None:
    X, y = _data(2)
    params = fit("stumps", X, y, np.ones(len(y)), NAMES, {**CFG, "depth": 2, "max_pairs": 1})
    pairs = {tuple(sorted(pt["features"])) for pt in params["pairs"]}
    assert pairs == {("log_words", "prose")}
    assert "_pair_gain" not in params


def test_the_library_scores_pair_terms_as_the_trainer_does() -> None:
    X, y = _data(3)
    gate = {"features": ["doc_prose"], "weights": [2.0], "bias": -1.0}
    params = fit("stumps", X, y, np.ones(len(y)), NAMES, {**CFG, "depth": 2, "gate": gate})
    names, kept = prune(NAMES, params)
    model = Model.from_dict({**kept, "features": names})
    assert model.pairs
    expected = predict(kept, names, X[:300])
    columns = [list(X[:300, j]) for j in range(len(names))]
    for i, x in enumerate(X[:300]):
        logit, terms = model.score(list(x))
        assert 1 / (1 + math.exp(-logit)) == pytest.approx(expected[i], abs=1e-9)
        assert sum(terms) + model.blend(model.gate(list(x))).bias == pytest.approx(logit)
    blended = model.blend(model.gate(list(X[0])))
    by_columns = blended.logits(blended.term_columns(columns))
    docs_same_gate = [i for i in range(300) if X[i, 4] == X[0, 4]]
    for i in docs_same_gate:
        assert by_columns[i] == pytest.approx(blended.score(list(X[i]))[0])


def test_a_pair_table_that_does_not_fit_its_cuts_is_refused() -> None:
    X, y = _data(4, 2000)
    params = fit("stumps", X, y, np.ones(len(y)), NAMES, {**CFG, "depth": 2})
    names, kept = prune(NAMES, params)
    broken = dict(kept)
    pt = dict(kept["pairs"][0])
    pt["values"] = pt["values"][:-1]
    broken["pairs"] = [pt]
    with pytest.raises(ValueError, match="pair table"):
        Model.from_dict({**broken, "features": names})
    unknown = dict(kept["pairs"][0], features=["log_words", "no_such_feature"])
    with pytest.raises(ValueError, match="not among the model's features"):
        Model.from_dict({**kept, "features": names, "pairs": [unknown]})
