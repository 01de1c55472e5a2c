"""The ``author_bio`` rule: an ``About <Name>`` heading under the article and the bio under it."""

from __future__ import annotations

import pytest
from stories import DE_STORY, STORY, page

import newsclean
from newsclean import Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.author_bio import AuthorBio

BIO = ("Jane Doe is a freelance writer based in Toronto. Her work has appeared in a number of "
       "publications about cities and their harbours.")
DE_BIO = ("Als Redakteurin für Wirtschaft schreibt Anna Schmidt seit 2015 über Häfen, Schifffahrt "
          "und die Städte an der Küste.")


def blocks(text: str, **options: object) -> list[int]:
    return [v.block for v in AuthorBio(**options).apply(segment(text), Context())]


@pytest.mark.parametrize(("story", "heading", "bio"), [
    (STORY, "About Jane Doe", BIO),
    (DE_STORY, "Über Anna Schmidt", DE_BIO),
], ids=["en", "de"])
def test_the_bio_under_the_article_goes_with_its_heading(story: list[str], heading: str,
                                                         bio: str) -> None:
    article = newsclean.clean(page(*story, heading, bio))
    assert article.paragraphs == story
    removed = {r.text: (r.rule, r.kind) for r in article.removed}
    assert removed[heading] == removed[bio] == ("author_bio", Kind.SITE_CHROME)
    reasons = {r.reason for r in article.removed if r.rule == "author_bio"}
    assert reasons == {f"author's bio under the heading {heading!r}"}


def test_option_off_keeps_the_bio() -> None:
    text = page(*STORY, "About Jane Doe", BIO)
    article = newsclean.clean(text, pipeline=newsclean.default_pipeline().without("author_bio"))
    assert BIO in article.paragraphs  # what the rule is there to remove


# ---- hard negatives ----------------------------------------------------------------------------


def test_a_section_about_a_place_inside_the_story_stays() -> None:
    section = ("The old town has narrow streets, a busy market and a harbour that dates back to "
               "the twelfth century.")
    assert blocks(page(STORY[0], "About Paris", section, *STORY[1:])) == []


def test_a_heading_whose_paragraph_names_no_one_stays() -> None:
    text = page(*STORY, "About Harbour Works", "Construction will take four years and cost the city "
                "about forty million euros, officials said.")
    assert blocks(text) == []


@pytest.mark.parametrize("heading", ["About the vaccine", "About Us"])
def test_not_a_name(heading: str) -> None:
    prose = ("Jane Doe has covered the harbour for ten years. She lives in Toronto with her family and "
             "two dogs.")
    assert blocks(page(*STORY, heading, prose)) == []


def test_a_journalist_tagline_under_the_article_goes_without_a_heading() -> None:
    vs = list(AuthorBio().apply(segment(page(*STORY, BIO)), Context()))
    assert [(v.block, v.reason) for v in vs] == [(len(STORY), "the author's tagline under the article")]


def test_a_sentence_on_a_reporter_inside_the_story_stays() -> None:
    line = "Jane Doe is a reporter for the Harbour Times who first wrote about the plan in 2015."
    assert blocks(page(STORY[0], line, *STORY[1:])) == []


def test_share_of_the_article_before_the_heading() -> None:
    text = page(*STORY, "About Jane Doe", BIO)
    assert blocks(text) == [4, 5]
    assert blocks(text, min_share_before=0.95) == []


GENERIC_DE_BIO = ("Michael Weiser ist seit 2015 Redakteur im Ressort Wirtschaft und schreibt über Häfen, "
                  "Schifffahrt und die Städte an der Küste.")


@pytest.mark.parametrize(("story", "heading", "bio"), [
    (STORY, "About the author", BIO),
    (STORY, "About The Author", BIO),
    (DE_STORY, "Über den Autor", GENERIC_DE_BIO),
], ids=["en", "en-title-case", "de"])
def test_a_bio_opening_with_a_full_name_under_a_generic_heading_goes(story: list[str], heading: str,
                                                                      bio: str) -> None:
    assert blocks(page(*story, heading, bio)) == [len(story), len(story) + 1]


@pytest.mark.parametrize("paragraph", [
    "Der Autor dankt den Mitarbeitern des Hafenamts für ihre Hilfe bei der Recherche zu diesem Text.",
    "The author thanks the staff of the harbour office for their help with the research for this piece.",
])
def test_a_paragraph_under_a_generic_heading_that_names_no_one_stays(paragraph: str) -> None:
    german = paragraph.startswith("Der")
    heading = "Über den Autor" if german else "About the author"
    assert blocks(page(*(DE_STORY if german else STORY), heading, paragraph)) == []
