"""The ``enumeration`` rule: the article's own numbered list, introduced by a sentence with a colon."""

from __future__ import annotations

import pytest
from stories import STORY, page

import newsclean
from newsclean import Action, Context
from newsclean.ingest.segment import segment
from newsclean.rules.enumeration import Enumeration

LEAD_IN = "Here are the best offers of the week that no collector should miss on the big shopping sites:"
ITEMS = [
    "1) Lego Star Wars 75188 Resistance Bomber",
    "2) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
    "3) Ghostbusters Collection 1-2 (Steelbook)",
    "4) Indiana Jones Collection 1-4 (5 Blu-Ray)",
    "5) Roger Waters – The Wall (DVD)",
]
LINKS = ["http://amzn.to/2hWw372", "http://amzn.to/2hWEIX7", "http://amzn.to/2i0gA5U",
         "http://amzn.to/2B4BNPS", "http://amzn.to/2hXQPDr"]
MENU = ["Home", "News", "Reviews", "Deals", "Contact", "Privacy policy", "About us", "Advertise"]


def with_links(items: list[str]) -> list[str]:
    out: list[str] = []
    for item, link in zip(items, LINKS, strict=False):
        out += [item, link]
    return out


def verdicts(text: str, **options: object) -> list[newsclean.Verdict]:
    return list(Enumeration(**options).apply(segment(text), Context()))


def test_items_and_their_links_are_kept_with_one_reason() -> None:
    text = page(*STORY[:2], LEAD_IN, *with_links(ITEMS))
    lead, *vs = verdicts(text)
    assert (lead.block, lead.reason) == (2, "introduces a numbered list of 5")
    assert [v.block for v in vs] == list(range(3, 13))
    assert {(v.action, v.rule) for v in [lead, *vs]} == {(Action.KEEP, "enumeration")}
    assert {v.reason for v in vs} == {"item of a numbered list of 5 introduced by the article"}


@pytest.mark.parametrize("numbering", ["{n}) ", "{n}. ", "({n}) "])
def test_full_page_listicle_keeps_its_list(numbering: str) -> None:
    # on full-page text the list's short, link-like lines look like chrome to shape-based rules
    items = [numbering.format(n=n) + item.split(") ", 1)[1] for n, item in enumerate(ITEMS, start=1)]
    body = [*STORY[:2], LEAD_IN, *with_links(items)]
    article = newsclean.clean(page(*MENU, *body, *MENU[:4]))
    assert article.paragraphs[:len(body)] == body
    assert not [r for r in article.removed if r.text in body]


def test_option_off_lets_the_other_rules_decide() -> None:
    body = [*STORY[:2], LEAD_IN, *with_links(ITEMS)]
    text = page(*MENU, *body, *MENU[:4])
    article = newsclean.clean(text, pipeline=newsclean.default_pipeline().without("enumeration"))
    assert any(r.text in ITEMS for r in article.removed)  # what the rule is there to prevent


# ---- hard negatives ----------------------------------------------------------------------------


def test_a_most_read_list_under_a_label_is_not_protected() -> None:
    assert verdicts(page(*STORY, "Most Read", *ITEMS)) == []


def test_a_list_not_starting_at_one_or_skipping_numbers_is_not_protected() -> None:
    assert verdicts(page(*STORY[:2], LEAD_IN, *ITEMS[1:])) == []
    skipping = [ITEMS[0], ITEMS[1], ITEMS[3], ITEMS[4]]
    assert verdicts(page(*STORY[:2], LEAD_IN, *skipping)) == []


def test_two_items_are_not_a_list() -> None:
    assert verdicts(page(*STORY[:2], LEAD_IN, *ITEMS[:2])) == []
    assert len(verdicts(page(*STORY[:2], LEAD_IN, *ITEMS[:2]), min_items=2)) == 3  # lead-in too


def test_a_short_label_with_a_colon_is_no_lead_in() -> None:
    assert verdicts(page(*STORY, "Most popular stories:", *ITEMS)) == []


def test_a_long_list_label_with_a_colon_is_no_lead_in() -> None:
    # nine words and a colon, like a sentence; but a "most read" box's label
    assert verdicts(page(*STORY, "Les articles les plus lus de la semaine :", *ITEMS)) == []


def test_a_lead_in_an_earlier_rule_dropped_introduces_nothing() -> None:
    text = page(*STORY[:2], LEAD_IN, *ITEMS)
    doc = segment(text)
    dropped = newsclean.Verdict(2, Action.DROP, "site_chrome", "test", newsclean.Kind.SITE_CHROME, 0.9)
    assert list(Enumeration().apply(doc, Context([dropped]))) == []


def test_a_long_run_of_unnumbered_lines_ends_the_list() -> None:
    text = page(*STORY[:2], LEAD_IN, *ITEMS[:3], "Contact", "Privacy policy", "About us", ITEMS[3])
    assert [v.block for v in verdicts(text)] == [2, 3, 4, 5]


# ---- bulleted and dated lists ------------------------------------------------------------------

TOUR_LEAD_IN = "The band will play these dates across North America next summer:"
DATES = [
    "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
    "June 10 -- Credit Union Amphitheatre, Tampa, FL",
    "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA",
    "July 2 -- Mohegan Sun Arena, Uncasville, CT",
    "Aug. 4 -- Riverbend Music Center, Cincinnati, OH",
]
BULLETS = ["- Lego Star Wars Resistance Bomber", "- Blade Runner The Final Cut",
           "- Ghostbusters Collection in a steelbook", "- Indiana Jones Collection on Blu-Ray"]


@pytest.mark.parametrize(("lead_in", "items", "name"), [
    (TOUR_LEAD_IN, DATES, "dated list of 5"),
    (LEAD_IN, BULLETS, "bulleted list of 4"),
    (LEAD_IN, [b.replace("- ", "• ") for b in BULLETS], "bulleted list of 4"),
], ids=["dates", "dashes", "bullets"])
def test_a_list_of_one_shape_under_a_lead_in_is_kept(lead_in: str, items: list[str], name: str) -> None:
    lead, *vs = verdicts(page(*STORY[:2], lead_in, *items))
    assert lead.block == 2 and lead.reason == f"introduces a {name}"
    assert [v.block for v in vs] == list(range(3, 3 + len(items)))
    assert {v.reason for v in vs} == {f"item of a {name} introduced by the article"}


def test_full_page_tour_dates_are_kept() -> None:
    body = [*STORY[:2], TOUR_LEAD_IN, *DATES]
    text = page(*MENU, *body, *MENU[:4])
    article = newsclean.clean(text)
    assert article.paragraphs[:len(body)] == body
    without = newsclean.clean(text, pipeline=newsclean.default_pipeline().without("enumeration"))
    assert any(r.text in DATES for r in without.removed)  # what the rule is there to prevent


def test_mixed_bullets_are_not_one_list() -> None:
    mixed = ["- Lego Star Wars Resistance Bomber", "* Blade Runner The Final Cut",
             "• Ghostbusters Collection in a steelbook"]
    assert verdicts(page(*STORY[:2], LEAD_IN, *mixed)) == []


def test_a_dated_feed_under_a_label_is_not_protected() -> None:
    assert verdicts(page(*STORY, "Upcoming events:", *DATES)) == []


def test_an_item_an_earlier_rule_removed_for_sure_stays_removed() -> None:
    doc = segment(page(*STORY[:2], LEAD_IN, *BULLETS))
    promo = newsclean.Verdict(4, Action.DROP, "promo", "call to action", newsclean.Kind.SITE_CHROME, 0.9)
    kept = [v.block for v in Enumeration().apply(doc, Context([promo]))]
    assert kept == [2, 3, 5, 6]
