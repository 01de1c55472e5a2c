"""``newsclean.recall``: prose of a non-article page that the extraction left out, taken back from
text mode's cleaning of the page's own text; and the HTML-mode flow that uses it."""

from __future__ import annotations

import doctest

import pytest

import newsclean
from newsclean import recall
from newsclean.recall import RecallOptions, insert, missing_prose

QUESTION = "How do I reset the router without losing the settings I made last week?"
ANSWERS = [
    "Hold the button for ten seconds, then restore the backup you saved from the admin page.",
    "If you never saved a backup, write the settings down first, because the reset clears them.",
    "That worked for me too, although the firmware update took another five minutes to finish.",
]


def test_doctests() -> None:
    assert doctest.testmod(recall).failed == 0


def test_posts_the_extraction_missed_are_added_in_page_order() -> None:
    page = ["Forum index", QUESTION, *ANSWERS, "Reply", "Report"]
    added = missing_prose([QUESTION], page)
    assert added == [(1, a) for a in ANSWERS]
    assert insert([QUESTION], added) == [QUESTION, *ANSWERS]


def test_an_added_paragraph_goes_after_the_nearest_shared_one() -> None:
    extracted = [QUESTION, ANSWERS[2]]
    added = missing_prose(extracted, [ANSWERS[0], QUESTION, ANSWERS[1], ANSWERS[2]],
                          RecallOptions(ratio=1.0))
    assert insert(extracted, added) == [ANSWERS[0], QUESTION, ANSWERS[1], ANSWERS[2]]


def test_nothing_when_text_mode_finds_little_more() -> None:
    # the extraction already holds most of what text mode keeps: it is trusted as it is
    assert missing_prose([QUESTION, *ANSWERS[:2]], [QUESTION, *ANSWERS]) == []


def test_short_lines_and_lines_that_do_not_end_like_a_sentence_are_not_added() -> None:
    page = [QUESTION, "Reply to this post", "Most helpful answers from the community this week",
            "Thanks!", *ANSWERS]
    assert [p for _, p in missing_prose([QUESTION], page)] == ANSWERS


def test_paragraphs_already_extracted_however_spaced_are_not_added_again() -> None:
    extracted = [QUESTION + "  " + ANSWERS[0]]  # the extraction joined two blocks
    page = [QUESTION, ANSWERS[0], ANSWERS[1], ANSWERS[2]]
    assert [p for _, p in missing_prose(extracted, page, RecallOptions(ratio=1.0))] == ANSWERS[1:]


def test_text_mode_runs_only_when_the_page_holds_prose_the_extraction_lacks() -> None:
    assert recall.may_add([QUESTION], "\n".join(["Forum index", QUESTION, *ANSWERS, "Reply"]))
    assert not recall.may_add([QUESTION, *ANSWERS], "\n".join(["Forum index", QUESTION, *ANSWERS]))
    assert not recall.may_add([QUESTION], "\n".join(["Forum index", QUESTION, "Reply", "Thanks!"]))


def test_an_empty_extraction_gets_nothing() -> None:
    # the whole-page fallback handles a page without an extraction
    assert missing_prose([], [QUESTION, *ANSWERS]) == []


FORUM_PAGE = """<html><head><title>Router reset - Help forum</title></head><body>
<nav><a href="/">Forum index</a> <a href="/new">New posts</a></nav>
<article><h1>Router reset</h1><p>{question}</p></article>
<div class="comments">{answers}</div>
<footer>Copyright 2024 Help forum</footer>
</body></html>"""


def _forum_html() -> str:
    answers = "".join(f'<div class="comment"><p>{a}</p></div>' for a in ANSWERS * 2)
    return FORUM_PAGE.format(question=QUESTION + " " + ANSWERS[0].replace("Hold", "I held"),
                             answers=answers)


def test_html_mode_adds_the_posts_on_a_forum_page() -> None:
    plain = newsclean.clean_html(_forum_html(), page_type="forum", page_prose=False)
    assert not any(a in plain.paragraphs for a in ANSWERS[1:])  # trafilatura drops the comments
    article = newsclean.clean_html(_forum_html(), page_type="forum")
    assert ANSWERS[1] in article.paragraphs and ANSWERS[2] in article.paragraphs
    assert article.paragraphs[:len(plain.paragraphs)] == plain.paragraphs
    assert any("paragraphs of the page's own text added" in w for w in article.warnings)


def test_html_mode_leaves_articles_and_products_as_extracted() -> None:
    for page_type in ("article", "product"):
        with_recall = newsclean.clean_html(_forum_html(), page_type=page_type)
        without = newsclean.clean_html(_forum_html(), page_type=page_type, page_prose=False)
        assert with_recall.paragraphs == without.paragraphs
        assert not any("own text added" in w for w in with_recall.warnings)


def test_a_failure_reading_the_page_text_keeps_the_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.api as api

    plain = newsclean.clean_html(_forum_html(), page_type="forum", page_prose=False)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("broken")

    monkeypatch.setattr(api, "_clean_text", broken)
    article = newsclean.clean_html(_forum_html(), page_type="forum")
    assert article.paragraphs == plain.paragraphs
    assert "page text not read for missed prose: ValueError" in article.warnings
