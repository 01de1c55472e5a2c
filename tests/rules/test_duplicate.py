"""The ``duplicate`` rule: later word-for-word repeats of a kept block."""

from __future__ import annotations

import pytest
from stories import DE_STORY, page
from stories import STORY as BASE_STORY

import newsclean
from newsclean import Action, Context, Kind, Verdict
from newsclean.ingest.segment import segment
from newsclean.rules.duplicate import Duplicate

STORY = [
    *BASE_STORY,
    "A final decision on the financing of the project is expected in the autumn, when the regional "
    "government presents its budget for the coming year to parliament.",
]
QUOTE = '"We will not back down," she said.'


def verdicts(text: str, context: Context | None = None, **options: object) -> list[Verdict]:
    return list(Duplicate(**options).apply(segment(text), context or Context()))


def test_rule_alone_drops_the_later_repeat() -> None:
    vs = verdicts(page(*STORY[:3], STORY[1], *STORY[3:]))
    assert [(v.block, v.action, v.kind, v.rule, v.reason) for v in vs] == [
        (3, Action.DROP, Kind.DUPLICATE, "duplicate", "repeats block 1")
    ]


@pytest.mark.parametrize(
    ("story", "i"), [(STORY, 1), (DE_STORY, 0)], ids=["en", "de"],
)
def test_repeated_paragraph_is_removed_once(story: list[str], i: int) -> None:
    article = newsclean.clean(page(*story, story[i]))
    assert article.paragraphs == story
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (story[i], Kind.DUPLICATE, "duplicate", f"repeats block {i}")
    ]


def test_pull_quote_printed_twice() -> None:
    article = newsclean.clean(page(*STORY[:2], QUOTE, *STORY[2:4], QUOTE, STORY[4]))
    assert article.paragraphs == [*STORY[:2], QUOTE, *STORY[2:]]
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [(QUOTE, Kind.DUPLICATE, "duplicate")]


def test_repeat_differing_only_in_case_and_punctuation() -> None:
    variant = STORY[1].upper().replace(",", "").rstrip(".")
    vs = verdicts(page(*STORY, variant))
    assert [(v.block, v.reason) for v in vs] == [(5, "repeats block 1")]


def test_min_words_option() -> None:
    text = page(*STORY[:2], "Harbour vote tonight", *STORY[2:], "Harbour vote tonight")
    assert [v.block for v in verdicts(text)] == [6]
    assert verdicts(text, min_words=4) == []


# ---- hard negatives ----------------------------------------------------------------------------


def test_repeated_two_word_lines_are_left_to_other_rules() -> None:
    assert verdicts(page(*STORY[:2], "Read more", *STORY[2:4], "Read more", STORY[4])) == []


def test_similar_but_different_paragraphs_stay() -> None:
    other = STORY[1].replace("the port", "the harbour")
    text = page(*STORY, other)
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == [*STORY, other]


def test_run_of_different_short_quotes_stays() -> None:
    quotes = ['"It is a disaster," said one fisherman.', '"We have waited long enough," said another.',
              '"It is a disaster," said one farmer.']
    text = page(*STORY[:2], *quotes, *STORY[2:])
    assert verdicts(text) == []


def test_repeat_of_a_block_dropped_by_an_earlier_rule_is_not_a_duplicate() -> None:
    # the first copy is gone (an earlier rule dropped it): the second is the only one left
    earlier = Verdict(1, Action.DROP, "site_chrome", "test", Kind.SITE_CHROME)
    text = page(*STORY[:3], STORY[1], *STORY[3:])
    assert verdicts(text, Context(verdicts=[earlier])) == []


# ---- recurring prompts -------------------------------------------------------------------------

QUESTION = "What got you started on your cooking page?"
ANSWERS = [
    "I wanted to write about something every day, and food was the one hobby I knew I would never "
    "give up, so the page grew out of my own dinners.",
    "My grandmother cooked for twelve people every Sunday, and I started photographing her dishes "
    "before I ever thought of sharing them with anyone.",
]


def test_question_put_to_each_guest_stays() -> None:
    text = page(STORY[0], "Anna Petrova", QUESTION, ANSWERS[0], "Oleg Ivanov", QUESTION, ANSWERS[1])
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs.count(QUESTION) == 2


def test_lead_in_before_each_point_stays() -> None:
    lead = "Here's the thing:"
    text = page(*STORY[:2], "Here is what the report found:", STORY[2], "Here is what the report found:",
                STORY[3], lead, STORY[4])
    assert verdicts(text) == []


def test_prompt_repeated_with_the_same_answer_is_a_duplicate() -> None:
    # the question *and* its answer repeat: a block printed twice, not a recurring prompt
    text = page(STORY[0], QUESTION, ANSWERS[0], STORY[1], QUESTION, ANSWERS[0])
    vs = verdicts(text)
    assert [(v.block, v.reason) for v in vs] == [(4, "repeats block 1"), (5, "repeats block 2")]


def test_short_label_before_each_item_stays() -> None:
    # "Also at Walmart" under each product, "Exclusive recipe for a quick dinner." above each recipe
    label = "Exclusive recipe for a quick dinner."
    text = page(STORY[0], label, ANSWERS[0], STORY[1], label, ANSWERS[1])
    assert verdicts(text) == []


def test_long_repeat_before_new_text_is_still_a_duplicate() -> None:
    # a pull quote printed again between two other paragraphs: a copied block, not a label
    text = page(STORY[0], STORY[1], STORY[2], STORY[1], STORY[3])
    assert [v.block for v in verdicts(text)] == [3]


def test_prompt_words_option() -> None:
    label = "Exclusive recipe for a quick dinner."
    text = page(STORY[0], label, ANSWERS[0], STORY[1], label, ANSWERS[1])
    assert [v.block for v in verdicts(text, prompt_words=3)] == [4]


def test_keep_prompts_can_be_turned_off() -> None:
    text = page(STORY[0], QUESTION, ANSWERS[0], QUESTION, ANSWERS[1])
    assert [v.block for v in verdicts(text, keep_prompts=False)] == [3]


def test_title_repeated_as_a_teaser_is_a_duplicate_even_when_short() -> None:
    title = "Harbour expansion approved by the council"
    text = page(title, *STORY[:2], title, STORY[2], title, STORY[3])
    article = newsclean.clean(text)
    assert article.title == title
    assert article.paragraphs == STORY[:4]
