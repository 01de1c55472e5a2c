"""Which trafilatura extraction HTML mode runs: fast mode for articles, the full one otherwise."""

from __future__ import annotations

from typing import Any

import pytest
from test_ingest_html import PARAS, page

from newsclean.ingest import html as H
from newsclean.ingest import html_text
from newsclean.pagetype import PageType

LONG = "".join(f"<p>{p} {p} {p}</p>" for p in PARAS)  # well over min_fast_chars


def spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record the ``fast`` setting of every full trafilatura extraction."""
    calls: list[bool] = []
    real = html_text.trafilatura_text

    def record(tree: Any, extractor: Any) -> str:
        calls.append(bool(extractor.fast))
        return real(tree, extractor)

    monkeypatch.setattr(html_text, "trafilatura_text", record)
    return calls


def test_a_long_article_gets_fast_mode_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = spy(monkeypatch)
    result = H.extract_html(page(body=LONG), options=H.HtmlOptions(page_type="article", fast=True))
    assert result.fallback is None
    assert result.page_type is not None and result.page_type.page_type is PageType.ARTICLE
    assert False not in calls  # no second, full extraction


def test_a_fragment_from_fast_mode_is_extracted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(H.fastpath, "extract", lambda tree, extractor: "Menu")
    calls = spy(monkeypatch)
    result = H.extract_html(page(body=LONG), options=H.HtmlOptions(page_type="article", fast=True))
    assert calls[:1] == [False]
    assert result.fallback == "full"
    assert PARAS[0] in result.text


def test_a_short_text_that_is_the_whole_story_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # the full extraction would only add the headline: not worth a second text
    short = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    result = H.extract_html(page(body=short), options=H.HtmlOptions(page_type="article", fast=True))
    assert result.fallback is None
    assert result.text.split("\n")[-2:] == PARAS[:2]


def test_the_threshold_is_an_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(H.fastpath, "extract", lambda tree, extractor: "x" * 300)
    calls = spy(monkeypatch)
    result = H.extract_html(page(body=LONG),
                            options=H.HtmlOptions(page_type="article", fast=True,
                                                  min_fast_chars=200))
    assert result.text == "x" * 300 and result.fallback is None and not calls


def test_by_default_an_article_gets_the_full_extraction_as_trafilatura_extract() -> None:
    # fast mode was the default until measured on wcxb-dev too (see HtmlOptions)
    import trafilatura

    html = page(body=LONG)
    assert H.HtmlOptions().fast is False
    result = H.extract_html(html, options=H.HtmlOptions(page_type="article"))
    assert result.text == trafilatura.extract(html, include_comments=False)


@pytest.mark.parametrize("kind", ["forum", "listing", "product"])
def test_a_non_article_gets_the_full_extraction(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    calls = spy(monkeypatch)
    result = H.extract_html(page(body=LONG), options=H.HtmlOptions(page_type=kind))
    assert calls == [False]
    assert result.page_type is not None and result.page_type.page_type is PageType(kind)
    assert result.page_type.probability == 1.0  # given, not detected
    assert PARAS[0] in result.text


def test_the_full_extraction_sees_the_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    # fast mode deletes <aside> and <footer> before extracting; the full extraction must not, so
    # that its readability/jusText comparison sees the page trafilatura.extract would see
    import trafilatura

    html = page(body=LONG).replace("</article>", "</article><aside><p>Sidebar words</p></aside>")
    full = H.extract_html(html, options=H.HtmlOptions(page_type="service")).text
    assert full == trafilatura.extract(html, include_comments=False)
