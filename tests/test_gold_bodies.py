"""Clean bodies stay clean: every gold body of aeb-dev and wcxb-dev, cleaned as text with nothing
around it, must come out with every paragraph (8+ words) kept.

The bodies are read from ``$NEWSCLEAN_BENCH_ROOT`` (else ``<repo>/../shared/bench``) at run time;
the test is skipped when they are absent. The losses the pipeline has today are listed, page by
page, in ``tests/data/gold_losses.json`` with how many paragraphs each page loses and why (the rule
that removes them and that rule's standing explanation); written by
``benchmarks/junk.py BENCH --write-losses tests/data/gold_losses.json``. A page that loses more than
its listed count, or an unlisted page that loses any, fails the test: a new loss must be fixed or
listed, with its reason, in the same commit. One case per corpus and page type, each naming all its
failing pages. About 1,430 bodies in 20-40 s: run in the normal suite, not marked slow.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from junkpages import Body, bench_root, load_bodies, lost_paragraphs

import newsclean

KNOWN = Path(__file__).resolve().parent / "data" / "gold_losses.json"
GROUPS = ["aeb-dev/article", *(f"wcxb-dev/{t}" for t in (
    "article", "collection", "documentation", "forum", "listing", "product", "service"))]


@pytest.fixture(scope="module")
def bodies() -> list[Body]:
    if not (bench_root() / "wcxb-dev" / "ground-truth.json").is_file():
        pytest.skip(f"benchmark corpora not found under {bench_root()} (set NEWSCLEAN_BENCH_ROOT)")
    return load_bodies()


@pytest.fixture(scope="module")
def known() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(KNOWN.read_text("utf-8"))
    return data


def test_every_known_loss_is_explained(known: dict[str, dict[str, object]]) -> None:
    assert all(isinstance(v["lost"], int) and v["lost"] > 0 and len(str(v["why"])) > 40
               for v in known.values())


@pytest.mark.parametrize("group", GROUPS)
def test_clean_gold_bodies_lose_no_new_paragraph(group: str, bodies: list[Body],
                                                 known: dict[str, dict[str, object]]) -> None:
    corpus, page_type = group.split("/")
    mine = [b for b in bodies if b.corpus == corpus and b.page_type == page_type]
    assert mine
    new: list[str] = []
    for body in mine:
        lost = lost_paragraphs(body, newsclean.clean_text(body.text).paragraphs)
        allowed = known.get(f"{corpus}/{body.id}", {"lost": 0})["lost"]
        assert isinstance(allowed, int)
        if len(lost) > allowed:
            new.append(f"{body.id}: {len(lost)} lost (known {allowed}), e.g. {lost[0][:80]!r}")
    assert not new, "\n".join(new)
