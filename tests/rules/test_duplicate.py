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


# ---- parallel sections: the repeated items of a template ------------------------------------------

BREAKFAST = "Frühstück: Haferflocken mit Beeren und Nüssen, dazu ein Glas Milch oder ein Joghurt nach Wahl"
LUNCH = ("Mittagessen: Linsensuppe mit Vollkornbrot, einem Apfel und einer kleinen Handvoll Mandeln "
         "als Nachtisch")
MEAL_PLAN = [
    STORY[0],
    "Montag",
    BREAKFAST,
    LUNCH,
    "Abendessen: Gemüsepfanne mit Reis",
    "Dienstag",
    BREAKFAST,
    LUNCH,
    "Abendessen: Ofenkartoffeln mit Quark",
    "Mittwoch",
    BREAKFAST,
    LUNCH,
    "Abendessen: Nudelsalat mit Thunfisch",
    STORY[1],
]

ON = "- Automatically on, automatically connected"
SETUP = "- Easy setup for all your devices"
PRODUCT_CARDS = [
    STORY[0],
    "Harbour Buds",
    ON,
    SETUP,
    "- Up to five hours of listening time",
    "Harbour Buds with Wireless Case",
    ON,
    SETUP,
    "- Case can be charged wirelessly on any mat",
    "Harbour Buds Pro",
    "- Active noise cancellation for immersive sound",
    ON,
    SETUP,
    "- Sweat and water resistant for your workouts",
    STORY[1],
]


@pytest.mark.parametrize(
    "blocks", [MEAL_PLAN, PRODUCT_CARDS], ids=["meal-plan-de", "product-cards-en"])
def test_items_repeated_across_parallel_sections_stay(blocks: list[str]) -> None:
    assert verdicts(page(*blocks)) == []
    assert [r for r in newsclean.clean(page(*blocks)).removed if r.rule == "duplicate"] == []


def test_parallel_sections_can_be_switched_off() -> None:
    dropped = [v.block for v in verdicts(page(*MEAL_PLAN), keep_templates=False)]
    assert dropped == [6, 7, 10, 11]


def test_one_partial_copy_is_a_copy() -> None:
    """A block of items printed twice with one line changed is not yet a page of sections."""
    blocks = [*MEAL_PLAN[:9], STORY[1]]
    assert [(v.block, v.reason) for v in verdicts(page(*blocks))] == [
        (6, "repeats block 2"), (7, "repeats block 3")]


def test_article_printed_twice_loses_its_copy() -> None:
    """A copy holding prose paragraphs is a copy, however the page around it looks."""
    body = [STORY[0], "Key figures", "Cost: 40 million euros over ten years", STORY[1], STORY[2]]
    blocks = [*body, "Advertisement for harbour cruises", *body, "Newsletter of the harbour office",
              *body, "End of page"]
    dropped = {v.block for v in verdicts(page(*blocks))}
    assert {i for i, b in enumerate(blocks) if b in (STORY[1], STORY[2]) and i > 4} <= dropped


def test_caption_printed_between_paragraphs_goes() -> None:
    """One line again and again is a gallery caption, not a sequence of items."""
    caption = "The harbour seen from the old lighthouse at dawn, in a photo by the city"
    blocks = [STORY[0], caption, STORY[1], caption, STORY[2], caption, STORY[3], caption, STORY[4]]
    assert [v.block for v in verdicts(page(*blocks))] == [3, 5, 7]


def test_caption_and_credit_printed_between_paragraphs_go() -> None:
    """A pair of lines printed again in order, but framed by the story's prose, is no section."""
    pair = ["The harbour seen from the old lighthouse at dawn on Monday",
            "Photo taken for the city press office by one of the harbour pilots on duty"]
    blocks = [STORY[0], *pair, STORY[1], *pair, STORY[2], *pair, STORY[3], *pair, STORY[4]]
    assert [v.block for v in verdicts(page(*blocks))] == [4, 5, 7, 8, 10, 11]


def test_repeats_out_of_their_earlier_order_go() -> None:
    """Two items copied in another order are not a section copied in part."""
    a = "- Harbour cruise tickets for two adults and two children, with lunch on board and a guide"
    b = "- A night in the lighthouse hotel for two, with breakfast and a late checkout on Sunday"
    blocks = [STORY[0], "Prizes", a, b, "- A city map", "More prizes", b, a, "- A mug",
              "Other prizes", b, a, "- A cap", STORY[1]]
    assert [v.block for v in verdicts(page(*blocks))] == [6, 7, 10, 11]


def test_copied_item_run_at_the_end_of_the_page_goes() -> None:
    """A partial copy needs new items after it: a list repeated as the page's last lines goes."""
    items = ["- Automatically on, automatically connected", "- Easy setup for all your devices"]
    blocks = [STORY[0], "Harbour Buds", *items, "- Up to five hours", "Buds Pro", *items, "- New mat",
              STORY[1], "Buds Max", *items]
    dropped = [v.block for v in verdicts(page(*blocks))]
    assert dropped[-2:] == [len(blocks) - 2, len(blocks) - 1]


# ---- a copy of the text before it, not of one block ----------------------------------------------


def test_the_story_joined_into_one_paragraph_after_it_goes() -> None:
    """A page's structured data printed as text: the whole story again as one paragraph."""
    joined = " ".join(STORY)
    vs = verdicts(page(*STORY, "Harbour Times", joined))
    assert [(v.block, v.kind, v.reason) for v in vs] == [
        (len(STORY) + 1, Kind.DUPLICATE, "repeats the text before it")]


def test_a_cut_off_copy_of_the_first_paragraph_goes() -> None:
    cut = " ".join(STORY[0].split()[:18]) + "..."
    vs = verdicts(page(STORY[0], cut, *STORY[1:]))
    assert [(v.block, v.reason) for v in vs] == [(1, "repeats the text before it")]


def test_a_paragraph_quoting_an_earlier_sentence_and_going_on_stays() -> None:
    quoting = (STORY[0].rstrip(".") + ", but the vote on Tuesday was closer than anyone had expected, "
               "and two members changed sides at the last minute.")
    assert verdicts(page(*STORY[:3], quoting, *STORY[3:])) == []


def test_short_items_made_of_words_seen_before_stay() -> None:
    """Items of fewer than ``copy_words`` words may be spelled out of earlier items by chance."""
    items = ["Containers: 1 Green, 1 Red, 1 Yellow", "Containers: 1 Purple, 1 Red, 1 Blue",
             "Containers: 1 Green, 1 Red, 1 Blue"]
    assert verdicts(page(STORY[0], *items, STORY[1])) == []
    assert [v.block for v in verdicts(page(STORY[0], *items, STORY[1]), copy_words=5)] == [3]


def test_copy_check_can_be_switched_off() -> None:
    assert verdicts(page(*STORY, " ".join(STORY)), copy_share=1.01) == []


def test_a_copy_an_earlier_rule_dropped_only_tentatively_goes_for_sure() -> None:
    """The resolver would keep a tentative drop inside the article core; the copy check makes it sure."""
    joined = " ".join(STORY)
    i = len(STORY)
    guess = Verdict(i, Action.DROP, "line_scorer", "line scorer: 0.59 boilerplate", Kind.SITE_CHROME, 0.6)
    vs = verdicts(page(*STORY, joined), Context(verdicts=[guess]))
    assert [(v.block, v.reason, v.confidence) for v in vs] == [(i, "repeats the text before it", 0.8)]
    sure = Verdict(i, Action.DROP, "site_chrome", "copyright line", Kind.SITE_CHROME, 0.9)
    assert verdicts(page(*STORY, joined), Context(verdicts=[sure])) == []
