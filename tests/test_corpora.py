"""The quality gates' helpers can fail: a score under its floor fails the test and names the pages."""

from __future__ import annotations

import pytest
from corpora import check_floors

from newsclean.evaluation import evaluate


def test_a_score_under_its_floor_fails_and_names_the_worst_page() -> None:
    gold = {"a": "one two three four five six", "b": "seven eight nine ten eleven twelve"}
    predicted = {"a": "one two three four five six", "b": ""}
    score = evaluate(predicted, gold, bootstrap=0)
    with pytest.raises(pytest.fail.Exception, match=r"f1 .* < floor 0\.9000 .*worst pages: b F1 0\.00"):
        check_floors("demo", score, {"f1": 0.9}, predicted, gold)
    check_floors("demo", score, {"f1": 0.5}, predicted, gold)  # at or above: passes
