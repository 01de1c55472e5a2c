"""Lists of other stories' headlines in every shape (issue #20): under a label in four languages,
numbered with or without a dot, bulleted, dashed with a time, bare at the end of the page, and one
``Read more: <headline>`` line inside the body; and the article's own lists, which stay."""

from __future__ import annotations

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.teasers import Teasers

HEADLINES = {
    "en": ["Floods close the coastal road for a third time this winter",
           "Who will run the port authority after the election?",
           "Fishermen protest new quotas outside parliament",
           "Rail fares to rise by five percent in January"],
    "de": ["Bahnstreik legt den Fernverkehr in ganz Deutschland lahm",
           "Kanzler reist zu Gesprächen mit Macron nach Paris",
           "Sturmwarnung für die gesamte Nordseeküste",
           "Mietpreise in Großstädten steigen weiter an"],
    "fr": ["La grève paralyse les trains dans toute la France",
           "Le président en visite officielle à Berlin",
           "Tempête attendue sur les côtes bretonnes",
           "Les loyers continuent de grimper à Paris"],
    "es": ["Huelga de transporte en toda la Comunidad de Madrid",
           "El Gobierno aprueba los presupuestos generales",
           "Temporal de viento y lluvia en Galicia",
           "El precio de la vivienda sube por décimo mes consecutivo"],
}
LABELS = {"en": "Most read", "de": "Mehr zum Thema", "fr": "Les plus lus", "es": "Lo más leído"}
STORIES = {"en": STORY, "de": DE_STORY, "fr": FR_STORY, "es": ES_STORY}
AGO = {"en": "(3 hours ago)", "de": "(vor 3 Stunden)", "fr": "(il y a 3 heures)", "es": "(hace 3 horas)"}
SHAPES = {
    "numbered": lambda i, h, lang: f"{i}. {h}",
    "numbered_bare": lambda i, h, lang: f"{i} {h}",
    "numbered_paren": lambda i, h, lang: f"{i}) {h}",
    "bulleted": lambda i, h, lang: f"• {h}",
    "dashed_time": lambda i, h, lang: f"- {h} {AGO[lang]}",
    "plain": lambda i, h, lang: h,
}


def body(text: str) -> str:
    return newsclean.clean_text(text).body


@pytest.mark.parametrize("lang", sorted(LABELS))
@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("where", ["after", "before", "middle"])
def test_labelled_list_goes_in_every_shape_language_and_place(lang: str, shape: str, where: str) -> None:
    items = [SHAPES[shape](i, h, lang) for i, h in enumerate(HEADLINES[lang], 1)]
    story = list(STORIES[lang])
    junk = [LABELS[lang], *items]
    lines = {"after": [*story, *junk], "before": [*junk, *story],
             "middle": [*story[:2], *junk, *story[2:]]}[where]
    out = body(page(*lines))
    assert [line for line in junk if line in out] == []
    assert all(p in out for p in story)


@pytest.mark.parametrize("lang", sorted(LABELS))
def test_the_label_and_items_are_dropped_with_their_reason(lang: str) -> None:
    text = page(*STORIES[lang], LABELS[lang], *[f"{i}. {h}" for i, h in enumerate(HEADLINES[lang], 1)])
    vs = list(Teasers().apply(segment(text), Context()))
    n = len(STORIES[lang])
    assert [v.block for v in vs] == list(range(n, n + 5))
    assert {v.kind for v in vs} == {Kind.HEADLINE_LIST}
    assert vs[0].reason == "label of 4 teaser headlines"
    assert vs[1].reason == f"4 teaser headlines under the label {LABELS[lang]!r}"


@pytest.mark.parametrize("line", [
    "Read more: Floods close the coastal road for a third time this winter",
    "READ MORE >> Who will run the port authority after the election?",
    "Lesen Sie auch: Bahnstreik legt den Fernverkehr in ganz Deutschland lahm",
    "À lire aussi : La grève paralyse les trains dans toute la France",
    "Lee también: Huelga de transporte en toda la Comunidad de Madrid",
])
def test_one_read_more_line_inside_the_body_goes(line: str) -> None:
    out = body(page(*STORY[:2], line, *STORY[2:]))
    assert line not in out
    assert all(p in out for p in STORY)


def test_read_more_reason_names_the_label() -> None:
    text = page(*STORY[:2], "Also read: Fishermen protest new quotas outside parliament", *STORY[2:])
    (v,) = Teasers().apply(segment(text), Context())
    assert v.block == 2 and v.reason == "read-more line: 'Also read' and another story's headline"


@pytest.mark.parametrize("line", [
    "Related: the number of ships calling at the port has fallen by a third since 2015.",
    "Read more about the plan in the council's report",
    "Read more: it is all in the report.",
    "More: the council also voted to close two libraries",
])
def test_a_sentence_after_a_read_more_label_stays(line: str) -> None:
    vs = list(Teasers().apply(segment(page(*STORY[:2], line, *STORY[2:])), Context()))
    assert vs == []


@pytest.mark.parametrize("lang", sorted(LABELS))
def test_bare_headlines_ending_the_page_go(lang: str) -> None:
    out = body(page(*STORIES[lang], *HEADLINES[lang]))
    assert [h for h in HEADLINES[lang] if h in out] == []
    assert all(p in out for p in STORIES[lang])


def test_bare_headlines_reason_names_their_relatedness() -> None:
    vs = list(Teasers().apply(segment(page(*STORY, *HEADLINES["en"])), Context()))
    assert [v.block for v in vs] == [4, 5, 6, 7]
    assert vs[0].reason.startswith("4 headlines ending the page, ")


# ---- hard negatives: the article's own lists -----------------------------------------------------

STEPS = ["1. Preheat the oven to 200 degrees", "2. Cut the harbour bread into thick slices",
         "3. Bake the slices for ten minutes", "4. Serve them warm with the soup"]


def test_numbered_steps_introduced_by_the_story_stay() -> None:
    lead = "The mayor's office published its recipe for the harbour festival as follows:"
    text = page(*STORY, lead, *STEPS)
    out = body(text)
    assert all(s in out for s in STEPS)


def test_numbered_steps_ending_the_page_without_a_label_stay_for_teasers() -> None:
    vs = list(Teasers().apply(segment(page(*STORY, *[s + "." for s in STEPS])), Context()))
    assert vs == []


def test_the_storys_own_points_ending_the_page_stay() -> None:
    points = ["The harbour expansion will create hundreds of jobs",
              "The council voted on Tuesday to expand the harbour",
              "Environmental groups oppose the new quay on the coast"]
    vs = list(Teasers().apply(segment(page(*STORY, *points)), Context()))
    assert vs == []


def test_related_facts_in_sentences_stay() -> None:
    facts = ["The harbour was built in 1890 and expanded twice since.",
             "About 4,000 ships dock there every year.",
             "The wetland is home to 120 species of birds."]
    vs = list(Teasers().apply(segment(page(*STORY, *facts)), Context()))
    assert vs == []


def test_specifications_ending_the_page_stay() -> None:
    specs = ["- Processor: Dual core from Intel or AMD at 2.8 GHz",
             "- Memory: 4 GB of RAM for the game to run well",
             "- Graphics: a card with 1 GB of memory or more"]
    vs = list(Teasers().apply(segment(page(*STORY, *specs)), Context()))
    assert vs == []


def test_a_list_that_is_most_of_the_page_stays() -> None:
    """A listing page: one short intro line, then the headlines are the page."""
    heads = [*HEADLINES["en"], "Council approves the budget for next year",
             "New bus lines for the northern districts"]
    vs = list(Teasers().apply(segment(page("Our latest stories from the coast, updated every hour.",
                                           "Most read", *heads)), Context()))
    assert vs == []


def test_a_numbered_subhead_after_a_box_of_plain_headlines_ends_the_run() -> None:
    text = page(STORY[0], "Most read", *HEADLINES["en"][:3], "1. Why the harbour matters", *STORY[1:])
    vs = list(Teasers().apply(segment(text), Context()))
    assert [v.block for v in vs] == [1, 2, 3, 4]


def test_a_plan_of_repeated_lines_ending_the_page_stays() -> None:
    days = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        days += [f"Dinner on {day} evening", "Eat within two hours after your workout",
                 "Grilled chicken with rice and greens"]
    vs = list(Teasers().apply(segment(page(*STORY, *days)), Context()))
    assert vs == []


def test_lines_of_quantities_ending_the_page_stay() -> None:
    lines = ["4 oz. chicken, 1 cup rice, 1 cup greens", "Portion: 1 red, 1 yellow, 1 green",
             "2 eggs, 1 slice of toast, 1 orange"]
    vs = list(Teasers().apply(segment(page(*STORY, *lines)), Context()))
    assert vs == []
