"""Whole pages in Chinese, Japanese and Korean (``tests/data/cjk``: three pages of invented outlets,
written for the project in session 12, with their article bodies): nothing of the story is lost,
the language and the date are read, the page is an article, and the boxes of other stories under
the languages' own labels (関連ニュース, アクセスランキング with each place on its own line, 猜你喜欢,
많이 본 뉴스) go.

What these pages still keep (share buttons of the networks of those countries, tag lists, comment
forms) is in docs/benchmarks.md: no dev corpus shows those words on three sites."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.pagetype import PageType

DATA = Path(__file__).parent / "data" / "cjk"

PAGES = {
    # page: (language, boxes' lines that must go)
    "ja-2": ("ja", ["アクセスランキング", "春闘の回答、中小企業にも広がる賃上げの波"]),
    "zh-1": ("zh", ["猜你喜欢", "我市今年将改造老旧小区320个 惠及居民超过5万户"]),
    "ko-1": ("ko", ["많이 본 뉴스", "기준금리 11회 연속 동결…\"물가 둔화 확인 필요\""]),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_cjk_page(name: str) -> None:
    language, gone = PAGES[name]
    text = (DATA / f"{name}.txt").read_text("utf-8")
    body = (DATA / f"{name}.expected.txt").read_text("utf-8").split("\n")
    article = newsclean.clean_text(text)
    kept = set(article.paragraphs)
    assert [p for p in body if p.strip() and p not in kept] == []
    assert article.metadata.language == language
    assert article.metadata.published == "2024-03-21T19:05:00"
    assert article.metadata.page_type is PageType.ARTICLE
    for line in gone:
        assert line in text
        assert line not in kept
