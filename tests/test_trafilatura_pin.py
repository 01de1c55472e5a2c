"""trafilatura's internals are used only where they are tested: the range ``pyproject.toml`` allows,
the versions :mod:`newsclean.ingest.fastpath` follows, and the version installed agree; outside
them the fast path is off and ``trafilatura.extract`` gives the same text."""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import pytest
import trafilatura
from packaging.requirements import Requirement

import newsclean
from newsclean.ingest import fastpath
from newsclean.ingest import html as H

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
STORY = "".join(
    f"<p>Paragraph {i} of the story says what the council decided on the budget for schools "
    f"and roads, and what the opponents said after the vote on Tuesday evening.</p>" for i in range(8))
PAGES = [
    f"<html><head><title>Budget</title></head><body><nav><ul><li><a href='/a'>Home</a></li>"
    f"<li><a href='/b'>World</a></li></ul></nav><article><h1>Budget approved</h1>{STORY}"
    f"<p>Share on Facebook</p></article><footer>Copyright 2024 Example News</footer></body></html>",
    f"<html><body><div class='content'><h2>Short story</h2><p>The bridge is closed.</p></div>"
    f"<aside>{STORY[:400]}</aside></body></html>",
]


def _requirement() -> Requirement:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (spec,) = [d for d in config["project"]["dependencies"] if d.startswith("trafilatura")]
    return Requirement(spec)


def test_the_installed_trafilatura_is_the_one_fastpath_follows() -> None:
    installed = trafilatura.__version__
    allowed = _requirement().specifier
    assert installed in allowed, (
        f"trafilatura {installed} is installed, but pyproject.toml allows {allowed}: newsclean "
        f"reads trafilatura internals (ingest/fastpath.py, ingest/html*.py) tested only in that range")
    assert fastpath.AVAILABLE, (
        f"trafilatura {installed} is not a version newsclean/ingest/fastpath.py follows "
        f"(KNOWN_VERSIONS = {sorted(fastpath.KNOWN_VERSIONS)}): the fast path is off, "
        f"trafilatura.extract runs instead (slower) and tests/test_ingest_fastpath.py is skipped. "
        f"Compare fastpath.extract with trafilatura's extract -> bare_extraction -> "
        f"trafilatura_sequence in {installed}, then add it to KNOWN_VERSIONS, or install "
        f"{' or '.join(sorted(fastpath.KNOWN_VERSIONS))}")


def test_every_followed_version_is_allowed_and_the_range_stays_in_one_minor() -> None:
    allowed = _requirement().specifier
    assert all(v in allowed for v in fastpath.KNOWN_VERSIONS), (allowed, fastpath.KNOWN_VERSIONS)
    assert "2.0" not in allowed and "2.4.0" not in allowed  # untested: internals changed from 2.0 to 2.3


def _pages() -> list[str]:
    env = os.environ.get("NEWSCLEAN_BENCH")
    bench = Path(env) if env else REPO.parent / "shared/bench/aeb-dev"
    files = sorted((bench / "html").glob("*.html.gz"))[:3]
    return PAGES + [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in files]


@pytest.mark.parametrize("index", range(len(_pages())))
def test_outside_the_followed_versions_trafilatura_extract_gives_the_same_article(
        index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _pages()[index]
    extractor = H._extractor(H.HtmlOptions(fast=True), "https://example.com/story")
    assert fastpath.applies(extractor)
    fast = newsclean.clean_html(page, url="https://example.com/story")
    monkeypatch.setattr(fastpath, "AVAILABLE", False)  # as for a trafilatura it does not know
    assert not fastpath.applies(extractor)
    slow = newsclean.clean_html(page, url="https://example.com/story")
    assert slow.body == fast.body and slow.title == fast.title
    assert [r.to_dict() for r in slow.removed] == [r.to_dict() for r in fast.removed]
