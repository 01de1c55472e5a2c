"""The ``hover_card`` rule: a person's pop-up card glued into a paragraph after their name."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Action, Context, Kind, Pipeline
from newsclean.ingest.segment import segment
from newsclean.rules.hover_card import HoverCard, end_markers
from tests.rules.stories import STORY, page

CARD = ("Jane Ann DoeHarbour plan clears first vote | Council to meet on Friday "
        "Port fees set to rise in spring MORE")
GLUED = f"The motion was tabled by councillor Jane Doe{CARD} (Greens), who called it a historic day."
CLEAN = "The motion was tabled by councillor Jane Doe (Greens), who called it a historic day."


def run(text: str) -> newsclean.Article:
    return newsclean.clean(text, mode="text", pipeline=Pipeline([HoverCard()]))


def test_the_card_is_trimmed_and_the_name_stays() -> None:
    article = run(page(STORY[0], GLUED, *STORY[1:]))
    assert article.paragraphs == [STORY[0], CLEAN, *STORY[1:]]
    (removal,) = article.removed
    assert removal.rule == "hover_card" and removal.kind is Kind.SITE_CHROME
    assert removal.reason == "hover card of 'Jane Doe' glued into the paragraph"
    assert removal.text == CARD


def test_two_cards_in_one_paragraph() -> None:
    two = (f"Councillors Jane Doe{CARD} and John Roe"
           "John Roe Port Town wins ferry contract MORE backed the plan.")
    article = run(page(STORY[0], two, *STORY[1:]))
    assert article.paragraphs[1] == "Councillors Jane Doe and John Roe backed the plan."


def test_in_the_default_pipeline_in_both_modes() -> None:
    assert "hover_card" in newsclean.default_pipeline().names
    doc = segment(page(STORY[0], GLUED, *STORY[1:]), mode="html")
    (v,) = HoverCard().apply(doc, Context())
    assert v.action is Action.TRIM and v.block == 1


def test_markers_come_from_package_data() -> None:
    assert "MORE" in end_markers()


# ---- hard negatives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "McDonald and McKenzie told the council MORE than once that the quay was unsafe.",
        "She filmed the vote on her iPhone and posted it to YouTube, asking for MORE support.",
        "The name Omar Omar appears twice on the list, and we want to know MORE about why.",
        "Jane DoeJane Doe was listed twice in the minutes, an error the clerk later corrected.",
    ],
    ids=["camel-case-names", "brands", "spaced-repeat", "glued-repeat-without-end-marker"],
)
def test_lines_without_a_card_are_left_alone(line: str) -> None:
    article = run(page(STORY[0], line, *STORY[1:]))
    assert article.removed == []
    assert article.paragraphs[1] == line


def test_a_marker_too_far_away_does_not_end_a_card() -> None:
    far = "The motion by Jane DoeJane Doe " + "was debated at length " * 80 + "MORE later."
    assert run(page(STORY[0], far, *STORY[1:])).removed == []
