"""The ``interview`` rule: turns of two speakers in alternation are the article's own text."""

from __future__ import annotations

import pytest
from stories import DE_STORY, STORY, page

import newsclean
from newsclean import Action, Context
from newsclean.ingest.segment import segment
from newsclean.rules.interview import Interview

QUICK_FIRE = [
    "Q: Favorite childhood memory?",
    "A: A trip to the harbour",
    "Q: Favorite apps?",
    "A: Maps, Weather and the ferry timetable",
    "Q: Favorite books?",
    "A: Moby Dick and The Old Man and the Sea",
]
DE_TURNS = [
    "SPIEGEL: Herr Bürgermeister, warum jetzt?",
    "Müller: Weil der Hafen sonst keine Zukunft hat.",
    "SPIEGEL: Und die Umweltverbände?",
    "Müller: Mit denen reden wir jede Woche.",
]
MENU = ["Home", "News", "Sport", "Culture", "Contact", "Privacy policy", "About us", "Advertise"]


def verdicts(text: str, **options: object) -> list[newsclean.Verdict]:
    return list(Interview(**options).apply(segment(text), Context()))


def test_turns_are_kept_with_the_speakers_in_the_reason() -> None:
    vs = verdicts(page(*STORY[:2], *QUICK_FIRE, *STORY[2:]))
    assert [v.block for v in vs] == list(range(2, 8))
    assert {(v.action, v.rule) for v in vs} == {(Action.KEEP, "interview")}
    assert {v.reason for v in vs} == {"turn of an interview (Q: / A:, 6 turns)"}


def test_named_speakers_with_longer_answers_between_turns() -> None:
    answer_goes_on = [DE_TURNS[0], DE_TURNS[1], DE_STORY[2], DE_TURNS[2], DE_TURNS[3]]
    vs = verdicts(page(*DE_STORY[:2], *answer_goes_on))
    assert [v.block for v in vs] == [2, 3, 5, 6]  # the unlabelled paragraph is left to the others


def test_full_page_quick_fire_round_is_kept() -> None:
    body = [*STORY[:2], *QUICK_FIRE, *STORY[2:]]
    text = page(*MENU, *body, *MENU[:4])
    assert newsclean.clean(text).paragraphs[:len(QUICK_FIRE) + 3] == body[:len(QUICK_FIRE) + 3]
    # (without this rule, headline_list no longer takes the turns either: a run of "Key: value"
    # lines is a list of facts to it, see tests/rules/test_headline_list.py)


# ---- hard negatives ----------------------------------------------------------------------------


def test_a_spec_list_has_many_labels_and_no_alternation() -> None:
    specs = ["Price: 24 euros", "Weight: 1.2 kg", "Colour: harbour blue", "Battery: 12 hours"]
    assert verdicts(page(*STORY[:2], *specs, *STORY[2:])) == []


def test_credits_are_no_interview() -> None:
    credits = ["Photo: Jane Doe", "Source: Reuters", "Photo: John Roe"]  # a third turn, not two each
    assert verdicts(page(*STORY, *credits)) == []


def test_one_speaker_is_no_interview() -> None:
    questions = [t for t in QUICK_FIRE if t.startswith("Q:")]
    assert verdicts(page(*STORY[:2], *questions, *STORY[2:])) == []


def test_turns_far_apart_are_no_interview() -> None:
    spread = [QUICK_FIRE[0], *STORY, QUICK_FIRE[1], QUICK_FIRE[2], QUICK_FIRE[3]]
    assert verdicts(page(*spread)) == []


def test_a_transcript_outside_the_article_core_is_left_to_the_others() -> None:
    assert verdicts(page(*QUICK_FIRE, *MENU, *STORY)) == []


@pytest.mark.parametrize("min_turns", [3, 4])
def test_min_turns_per_speaker(min_turns: int) -> None:
    vs = verdicts(page(*STORY[:2], *QUICK_FIRE, *STORY[2:]), min_turns=min_turns)
    assert len(vs) == (6 if min_turns == 3 else 0)


def test_a_turn_an_earlier_rule_removed_for_sure_stays_removed() -> None:
    doc = segment(page(*STORY[:2], *QUICK_FIRE, *STORY[2:]))
    promo = newsclean.Verdict(5, Action.DROP, "promo", "call to action", newsclean.Kind.SITE_CHROME, 0.9)
    assert [v.block for v in Interview().apply(doc, Context([promo]))] == [2, 3, 4, 6, 7]
