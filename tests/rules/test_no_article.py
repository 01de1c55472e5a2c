"""The ``no_article`` rule: a page on which nothing the other rules left reads like prose."""

from __future__ import annotations

import pytest
from stories import STORY, page

import newsclean
from newsclean import Action, Context, Kind, Verdict
from newsclean.api import NOT_ARTICLE_WARNING
from newsclean.ingest.segment import segment
from newsclean.rules.no_article import NoArticle

HEADLINES = ["Storm hits coast overnight", "Election results delayed again", "Markets close higher on Friday",
             "Minister resigns after scandal"]
INDEX_PAGE = page("Home   News   World   Sport", "More stories", *HEADLINES, "Weather   Video   Contact")


def verdicts(text: str, context: Context | None = None) -> list[Verdict]:
    return list(NoArticle().apply(segment(text), context or Context()))


def test_a_page_of_headlines_and_menus_loses_every_block_with_a_reason() -> None:
    found = verdicts(INDEX_PAGE)
    assert [v.block for v in found] == list(range(len(segment(INDEX_PAGE).blocks)))
    assert all(v.action is Action.DROP and v.kind is Kind.SITE_CHROME for v in found)
    assert all(v.reason.startswith("no article on the page") for v in found)


@pytest.mark.parametrize("mode", ["text", "html"])
def test_through_clean_the_body_is_empty_with_a_warning(mode: str) -> None:
    data = (INDEX_PAGE if mode == "text" else "<html><body>" + "".join(
        f"<div><a href='/x'>{line}</a></div>" for line in INDEX_PAGE.split("\n\n")) + "</body></html>")
    # HTML mode detects the kind of page; handled as an article, nothing of an index page is kept
    article = newsclean.clean(data, mode=mode, page_type="article" if mode == "html" else None)
    assert article.paragraphs == []
    assert "no body: every block was removed" in article.warnings
    if mode == "html":  # in text mode line_scorer already removes all of it
        assert any(r.rule == "no_article" for r in article.removed)


def test_an_index_page_detected_as_a_listing_keeps_its_links_and_says_so() -> None:
    data = "<html><body>" + "".join(
        f"<div><a href='/x'>{line}</a></div>" for line in INDEX_PAGE.split("\n\n")) + "</body></html>"
    article = newsclean.clean(data, mode="html")
    if article.metadata.page_type is not newsclean.PageType.ARTICLE:
        assert article.paragraphs  # a plain extractor's text: the headlines of a listing
        assert any(w.startswith(NOT_ARTICLE_WARNING) for w in article.warnings)
        assert not any(r.rule == "no_article" for r in article.removed)
    else:
        assert article.paragraphs == []


def test_blocks_an_earlier_rule_removed_keep_their_reason() -> None:
    doc = segment(page("Share on Facebook", *HEADLINES))
    earlier = Context([Verdict(0, Action.DROP, "site_chrome", "share line", Kind.SITE_CHROME, 0.95)])
    assert [v.block for v in NoArticle().apply(doc, earlier)] == [1, 2, 3, 4]


def test_a_sentence_removed_only_weakly_still_counts_as_prose() -> None:
    doc = segment(page(*HEADLINES, STORY[0]))
    weak = Context([Verdict(4, Action.DROP, "boilerplate", "doubtful", Kind.SITE_CHROME, 0.6)])
    assert list(NoArticle().apply(doc, weak)) == []


# ---- must not catch -------------------------------------------------------------------------------
BRIEFS = {
    "en": "Council approves new budget\n\nThe city council voted on Tuesday to approve the budget.",
    "en-two-short": "Fire closes bridge\n\nBy Jane Doe\n\nThe bridge is closed.\n\nNobody was hurt.",
    "zh": "市议会通过新预算\n\n市议会周二投票通过了预算。",
    "ja": "市議会が新予算を承認\n\n市議会は火曜日、来年度の予算を承認した。",
    "ko": "시의회, 새 예산 승인\n\n시의회는 화요일 내년도 예산을 승인했다.",
    "th": "สภาเมืองอนุมัติงบประมาณใหม่\n\nสภาเมืองลงมติอนุมัติงบประมาณปีหน้าเมื่อวันอังคาร",
    "hi": "परिषद ने बजट को मंजूरी दी\n\nनगर परिषद ने मंगलवार को अगले साल के बजट को मंजूरी दे दी।",
    "ar": "المجلس يوافق على الميزانية\n\nصوّت مجلس المدينة يوم الثلاثاء على الميزانية؟",
    "ru": "Совет утвердил бюджет\n\nГородской совет во вторник утвердил бюджет на следующий год.",
    "quote": "Minister resigns\n\n\u201cI am stepping down today because it is right,\u201d",
    "recipe": "Pancakes\n\n200 g flour\n\n2 eggs\n\n300 ml milk\n\nMix everything and fry until golden.",
    "long-unpunctuated": "Notes\n\n" + " ".join(["word"] * 45),
}


@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_a_short_article_in_any_script_is_not_touched(name: str) -> None:
    assert verdicts(BRIEFS[name]) == []
    for mode in ("text", "html"):
        data = BRIEFS[name] if mode == "text" else "<html><body><article>" + "".join(
            f"<p>{p}</p>" for p in BRIEFS[name].split("\n\n")) + "</article></body></html>"
        assert newsclean.clean(data, mode=mode).paragraphs, (name, mode)


@pytest.mark.parametrize("line", ["Ölpreis steigt über 100 Dollar – Börse nervös",
                                  "Storm hits coast overnight", "Photo: Jane Doe"])
def test_a_single_line_given_alone_is_not_judged(line: str) -> None:
    """One headline or caption is what the caller asked to clean, not a page around a missing story."""
    assert verdicts(line) == []


@pytest.mark.parametrize("line", [
    "Weather   Video   Home", "Home | News | World | Sport",
    "Storm hits coast overnight +++ Markets close higher +++ Strike called off"])
def test_a_single_line_that_is_a_menu_or_a_ticker_is_dropped(line: str) -> None:
    assert [v.block for v in verdicts(line)] == [0]


def test_the_document_text_is_untouched_when_the_story_is_there() -> None:
    assert verdicts(page(*HEADLINES, *STORY, "Home   News   World")) == []
