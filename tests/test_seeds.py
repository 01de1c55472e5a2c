"""The seed fixtures: the core contract. One case per seed, compared exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_IDS = [p.name.split(".")[0] for p in sorted(SEEDS.glob("*.expected.json"))]
CHECKED_FIELDS = ("source", "section", "published", "dateline")


def load(name: str) -> tuple[newsclean.Article, dict[str, Any]]:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return newsclean.clean(text), expected


def test_all_five_seeds_are_present() -> None:
    assert SEED_IDS == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("name", SEED_IDS)
def test_seed(name: str) -> None:
    article, expected = load(name)

    assert article.paragraphs == expected["body"]
    assert article.body == "\n\n".join(expected["body"])
    assert article.title == expected["title"]
    assert article.subtitle == expected["subtitle"]

    meta = article.metadata.to_dict()
    want = expected["metadata"]
    assert set(want) <= set(CHECKED_FIELDS), f"unexpected metadata keys in the fixture: {sorted(want)}"
    for key in CHECKED_FIELDS:
        assert meta[key] == want.get(key), f"metadata.{key}"

    assert [(r.text, r.kind.value) for r in article.removed] == [
        (r["text"], r["kind"]) for r in expected["removed"]
    ]
