"""HTML mode on pages that are not articles: the extractor's text is kept, and the Article says so."""

from __future__ import annotations

import pytest
from stories import STORY
from test_pagetype import article_page, forum_page

import newsclean
from newsclean.api import NOT_ARTICLE_WARNING
from newsclean.ingest.html import HtmlOptions, extract_html
from newsclean.pagetype import PageType

FORUM_URL = "https://forum.example.com/threads/which-keyboard.123/"
POSTS = [
    "Share this post",  # a line the article rules remove as site chrome
    "I bought the second one last year and the hot swap sockets are still fine after many swaps.",
    "Reply",
    "Same here, although the stabilisers rattled until I lubed them with dielectric grease.",
]


def forum_with_chrome() -> str:
    posts = "".join(f"<div class='message post'><div class='userinfo'>user{i}</div>"
                    f"<div class='postbody bbcode'><p>{text}</p></div></div>"
                    for i, text in enumerate(POSTS * 3))
    return forum_page().replace("<div class='thread'>", f"<div class='thread'>{posts}")


def test_a_forum_thread_keeps_what_the_extractor_keeps() -> None:
    html = forum_with_chrome()
    article = newsclean.clean_html(html, url=FORUM_URL)
    assert article.metadata.page_type is PageType.FORUM
    assert any(w.startswith(NOT_ARTICLE_WARNING) and "forum" in w for w in article.warnings)
    assert not [r for r in article.removed if r.kind.value not in ("metadata", "duplicate")]
    extracted = extract_html(html, url=FORUM_URL, options=HtmlOptions(fast=False)).text
    for line in extracted.split("\n"):
        if line.strip() and line.strip() != article.title:
            assert line.strip() in article.paragraphs
    assert "Share this post" in article.paragraphs


def test_forcing_article_runs_every_rule() -> None:
    html = forum_with_chrome()
    article = newsclean.clean_html(html, url=FORUM_URL, page_type="article")
    assert article.metadata.page_type is PageType.ARTICLE
    assert not any(w.startswith(NOT_ARTICLE_WARNING) for w in article.warnings)
    assert "Share this post" not in article.paragraphs
    assert any(r.rule == "site_chrome" for r in article.removed)


def test_an_article_is_cleaned_as_before() -> None:
    url = "https://news.example.com/2024/03/03/council-backs-harbour"
    article = newsclean.clean_html(article_page(), url=url)
    assert article.metadata.page_type is PageType.ARTICLE
    assert not any(w.startswith(NOT_ARTICLE_WARNING) for w in article.warnings)
    assert article.metadata.authors == ["Jane Doe"]
    assert article.metadata.hostname == "example.com"  # the registered domain, as trafilatura gives it
    assert article.to_dict()["metadata"]["page_type"] == "article"


def test_text_mode_reads_the_page_type_from_the_lines() -> None:
    article = newsclean.clean_text("\n\n".join(STORY))
    assert article.metadata.page_type is PageType.ARTICLE
    assert article.to_dict()["metadata"]["page_type"] == "article"
    off = newsclean.clean_text("\n\n".join(STORY), pipeline=newsclean.default_pipeline().without("page_type"))
    assert off.metadata.page_type is None
    assert off.to_dict()["metadata"]["page_type"] is None


def test_an_unknown_page_type_is_refused() -> None:
    with pytest.raises(ValueError, match="page_type"):
        newsclean.clean_html(forum_page(), page_type="blog")


def test_image_and_tags_come_from_the_page() -> None:
    html = article_page().replace(
        "<head>", "<head><meta property='og:image' content='https://img.example.com/a.jpg'>"
        "<meta property='article:tag' content='harbour'><meta property='article:tag' content='council'>")
    article = newsclean.clean_html(html, url="https://news.example.com/2024/03/03/council")
    assert article.metadata.image == "https://img.example.com/a.jpg"
    d = article.to_dict()["metadata"]
    assert d["image"] == "https://img.example.com/a.jpg"
    assert d["tags"] == ["harbour", "council"]
