"""``newsclean.recall``: prose of a non-article page that the extraction left out, taken back from
text mode's cleaning of the page's own text; the prose an article's extraction left out between two
of its lines; and the HTML-mode flow that uses them."""

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


# ---- interior prose: an article's paragraphs the extraction left out between two of its own ----
STORY = [
    "The city council voted on Tuesday to expand the network of protected bike lanes downtown.",
    "Supporters said the plan would make cycling safer for children and older residents alike.",
    "The first new lanes are due to open in the spring, and the rest by the end of next year.",
]
MISSED = "The mayor called the vote a turning point for the city and thanked everyone who wrote in."


def test_a_paragraph_between_two_extracted_ones_is_taken_back() -> None:
    page = ["Home", "News", STORY[0], STORY[1], MISSED, STORY[2], "Copyright 2026 The Daily."]
    added = recall.interior_prose(STORY, page)
    assert added == [(2, MISSED)]
    assert insert(STORY, added) == [STORY[0], STORY[1], MISSED, STORY[2]]


def test_prose_before_the_first_or_after_the_last_extracted_line_stays_out() -> None:
    # hard negative: the extraction's edges are where the story ends; what lies beyond is the
    # page around it (an intro box, comments, a footer), whatever it reads like
    page = [MISSED, *STORY, MISSED.replace("mayor", "reader")]
    assert recall.interior_prose(STORY, page) == []


def test_only_lines_that_read_as_prose_and_are_printed_once_are_taken_back() -> None:
    teaser = "Council approves new budget for road repairs after a long debate over..."
    page = [STORY[0], "Share this article", "Read more", teaser, MISSED, STORY[1], MISSED, STORY[2]]
    # a button, a label, a teaser cut short, and a line the page prints twice (a pull quote, a
    # caption repeated in a gallery) stay out
    assert recall.interior_prose(STORY, page) == []


def test_a_paragraph_already_extracted_in_other_spacing_is_not_taken_back_twice() -> None:
    hyphenated = STORY[1].replace("children", "chil\u00addren").replace("older", "older ,")
    page = [STORY[0], hyphenated, STORY[1] + " Updated on Monday.", STORY[2]]
    assert recall.interior_prose(STORY, page) == []
    # both are prose the extraction lacks word for word: only the shared four-word runs keep them out
    assert len(recall.interior_prose(STORY, page, recall.InteriorOptions(max_shared=1.01))) == 2


def test_where_the_page_and_the_extraction_disagree_on_the_order_nothing_is_added() -> None:
    page = [STORY[1], MISSED, STORY[0], STORY[2]]
    assert recall.interior_prose(STORY, page) == []
    assert recall.interior_prose(STORY, [STORY[2], MISSED, STORY[0]]) == []


ARTICLE_PAGE = """<html><head><title>Council expands bike lanes</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council expands bike lanes</h1><p>{0}</p><p>{1}</p>
{middle}
<p>{2}</p></article>
<footer>Copyright 2026 The Daily Example. All rights reserved.</footer></body></html>"""


def _article(middle: str) -> str:
    return ARTICLE_PAGE.format(*STORY, middle=middle)


def test_html_mode_takes_back_a_paragraph_the_extractor_left_out() -> None:
    html = _article(f'<div class="sidebar-note"><p>{MISSED}</p></div>')
    plain = newsclean.clean_html(html, page_type="article", page_prose=False)
    assert MISSED not in plain.paragraphs  # trafilatura drops the box
    article = newsclean.clean_html(html, page_type="article")
    assert article.paragraphs == [STORY[0], STORY[1], MISSED, STORY[2]]
    assert any("inside the story taken back" in w for w in article.warnings)


@pytest.mark.parametrize("middle", [
    f"<figure><img src='a.jpg'><figcaption>{MISSED}</figcaption></figure>",
    f"<form><label>{MISSED}</label><input type='checkbox'></form>",
    f'<div class="newsletter-signup"><p>{MISSED}</p></div>',
    f'<div class="social-share"><p>{MISSED}</p></div>',
    f'<div id="related-stories"><p>{MISSED}</p></div>',
])
def test_html_mode_leaves_out_captions_forms_and_widgets(middle: str) -> None:
    """Hard negatives: a caption, a form's label and the text of a widget named for what it is read
    as sentences but are not the story."""
    plain = newsclean.clean_html(_article(middle), page_type="article", page_prose=False)
    assert plain.paragraphs == STORY  # the extractor leaves it out...
    article = newsclean.clean_html(_article(middle), page_type="article")
    assert article.paragraphs == STORY  # ...and so does the page text it is completed from
    assert not any("taken back" in w for w in article.warnings)


def test_taken_back_lines_are_judged_by_the_rules_like_any_other() -> None:
    promo = "Sign up for our newsletter to get the best of our journalism delivered to your inbox."
    article = newsclean.clean_html(_article(f'<div class="sidebar-note"><p>{promo}</p></div>'),
                                   page_type="article")
    assert any("1 paragraphs inside the story taken back" in w for w in article.warnings)
    assert [r.rule for r in article.removed if r.text == promo] == ["promo"]
    assert article.paragraphs == STORY


def test_a_product_page_gets_its_interior_prose_and_a_forum_page_the_whole_page_text() -> None:
    html = _article(f'<div class="sidebar-note"><p>{MISSED}</p></div>')
    product = newsclean.clean_html(html, page_type="product")
    assert MISSED in product.paragraphs
    assert any("inside the story taken back" in w for w in product.warnings)
    forum = newsclean.clean_html(html, page_type="forum")  # text mode on the page's text instead
    assert not any("inside the story taken back" in w for w in forum.warnings)
