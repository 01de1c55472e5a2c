"""News boxes the label lists do not name (session 33, found on ``fixtures/heldout-junk``): a kicker
or a time over each headline, a numbered box after the story under an unknown label or under the
story's subhead, the label a removed list leaves behind, a line linking another story between two
paragraphs or two points of the story's list (session 34), and ticker strips opened by a label of
their own or by their separator. Each with the article's own structure that must stay (hard
negatives: section headings over the page's own lists, a catalogue, the story's numbered points,
subheads with a colon, the line under a subhead, fields and runs of labelled lines, a byline
row)."""

from __future__ import annotations

import pytest
from stories import DE_STORY, FR_STORY, STORY, page

import newsclean
from newsclean.dates import RELATIVE_TIME
from newsclean.ingest.segment import segment
from newsclean.rules.headlines import _between_paragraphs, _plain_headline

STORY_END = [
    *STORY,
    "A final decision on the financing of the project is expected in the autumn, when the regional "
    "government presents its budget for the coming year to parliament.",
]
OTHER = [
    "Prime minister faces backbench revolt over planned welfare cuts",
    "England women reach Euro final after penalty drama",
    "Heavy rain and gales to sweep across Britain this weekend",
    "Former police officer jailed for stalking his former partner",
]


def _kept(text: str) -> list[str]:
    return newsclean.clean_text(text).paragraphs


def test_a_box_with_a_kicker_over_each_headline_goes_whole() -> None:
    box = ["In other news", "Politics", OTHER[0], "Sport", OTHER[1], "Weather", OTHER[2],
           "Crime", OTHER[3]]
    assert _kept(page(*STORY_END, *box)) == STORY_END


def test_a_box_with_a_relative_time_under_each_headline_goes_whole() -> None:
    box = ["Plus d'actualités", "Régions", "Un glissement de terrain menace le village de Brienz",
           "il y a 2 h", "Vaud", "La gare de Lausanne en chantier pour encore dix ans", "il y a 4 h",
           "Le FC Sion recrute un attaquant brésilien de vingt ans", "il y a 5 h"]
    assert _kept(page(*FR_STORY, *box)) == FR_STORY


def test_a_kicker_box_of_three_headlines_inside_the_story_goes() -> None:
    # inside the story a plain run needs four headlines; a box whose every headline has its kicker
    # and time is one with three
    box = ["Elsewhere today", "Politics", OTHER[0], "2 hours ago", "Sport", OTHER[1], "3 hours ago",
           "Weather", OTHER[2], "4 hours ago"]
    assert _kept(page(*STORY_END[:3], *box, *STORY_END[3:])) == STORY_END


def test_a_kicker_box_inside_the_story_is_weighed_without_its_own_words() -> None:
    # two of the box's headlines share a word with the harbour story ("council", "harbour"): counted
    # with the box's own lines as part of the story, the box shared too much of it to go
    box = ["Today's highlights", "POLITICS", "Council tax to rise by almost five per cent in April",
           "SPORT", "Rovers sign striker on loan until the end of the season",
           "LOCAL", "Seals return to the harbour after a decade away"]
    assert _kept(page(*STORY_END[:3], *box, *STORY_END[3:])) == STORY_END


def test_the_phases_of_the_story_under_their_short_lines_stay() -> None:
    # a short line over each point between two paragraphs, like a kicker box, and no word shared
    # between the points; but each names the story's port, quay, wetlands or terminal
    phases = ["Phase 1", "Dredging the basin so that larger ships can reach the port",
              "Phase 2", "Building the new quay on the edge of the wetlands",
              "Phase 3", "Opening the terminal to the shipping companies"]
    kept = _kept(page(*STORY_END[:3], *phases, *STORY_END[3:]))
    assert all(p in kept for p in phases[1::2])


@pytest.mark.parametrize(("after", "between"), [
    (STORY_END[3], True),  # the story goes on: a box put into it
    ("Jess Weatherbed Mar 5", False),  # a listing's byline: one of the page's own boxes
])
def test_a_box_is_weighed_alone_only_between_two_paragraphs(after: str, between: bool) -> None:
    doc = segment(page(STORY_END[2], "POLITICS", OTHER[0], "SPORT", OTHER[1], after))
    assert _between_paragraphs(doc, list(doc.blocks[1:5]), set()) is between


def test_a_comment_thread_inside_the_story_is_no_kicker_box() -> None:
    # a name and a date between every two comments, like a kicker box; but comments end in "!",
    # a sign-off in ","
    thread = ["Share your own photos of the harbour with us and tag the council,",
              "Anna Berg", "April 22, 2026",
              "What a lovely walk along the old quay, I will go there next weekend!",
              "Tom Reed", "April 22, 2026",
              "The new terminal will change the view from the wetlands forever!"]
    kept = _kept(page(*STORY_END[:3], *thread, *STORY_END[3:]))
    assert thread[0] in kept and thread[3] in kept and thread[6] in kept


@pytest.mark.parametrize(("line", "headline"), [
    (OTHER[0], True),
    ("Nadciąga ocieplenie. Nawet 18 stopni w połowie lutego", True),
    ("Share your own photos of the harbour with us and tag the council,", False),  # a sign-off
    ("What a lovely walk along the old quay, I will go there next weekend!", False),  # a comment
    ("SELECT * FROM orders", False),  # code
    ("BREAKING NEWS FROM THE HARBOUR TODAY", False),  # capitals
    ("Sevgiyle kalın 🧶", False),  # too short
])
def test_only_plain_headlines_make_a_kicker_box_inside_the_story(line: str, headline: bool) -> None:
    assert _plain_headline(segment(line).blocks[0]) is headline


def test_a_ranking_box_with_each_rank_on_its_own_line_goes() -> None:
    box = ["TRENDING", "1", OTHER[0], "2", OTHER[1], "3", OTHER[2], "4", OTHER[3]]
    assert _kept(page(*STORY_END, *box)) == STORY_END


def test_a_numbered_box_after_the_story_under_an_unknown_label_goes() -> None:
    box = ["Najchętniej czytane", *(f"{i}. {h}" for i, h in enumerate(OTHER, 1))]
    assert _kept(page(*STORY_END, *box)) == STORY_END


def test_the_label_of_a_list_removed_under_it_goes_with_it() -> None:
    # the numbered list ending the page is another rule's find; its label is no known one
    box = ["LES PLUS CONSULTÉS", *(f"{i}. {h}" for i, h in enumerate(OTHER, 1))]
    article = newsclean.clean_text(page(*STORY_END, box[0], *box[1:]))
    assert article.paragraphs == STORY_END
    assert "LES PLUS CONSULTÉS" in [r.text for r in article.removed if r.kind == "headline_list"]


def test_section_headings_over_the_articles_own_lists_stay() -> None:
    # a short heading over several lines is a section of the page, not a kicker per item
    text = page(
        "What to pack for a desert hike",
        "Hiking in the desert takes more planning than a walk in the woods, because water and shade "
        "are scarce and the heat can turn a short route into a dangerous one within hours.",
        "Water",
        "Two to four water bottles or a hydration pack with a bladder",
        "Collapsible water containers for carrying water in dry locations",
        "A water filter or purification tablets for emergencies",
        "Food",
        "Salty snacks to replace the minerals you lose while sweating",
        "Dried fruit and nuts that will not melt in the desert heat",
        "An extra meal in case the hike takes longer than planned",
        "Whatever you pack, tell someone where you are going and when you expect to be back, and turn "
        "around early if the heat or your water supply becomes a problem.",
    )
    kept = _kept(text)
    for line in ("Two to four water bottles or a hydration pack with a bladder",
                 "Salty snacks to replace the minerals you lose while sweating"):
        assert line in kept


def test_the_articles_own_numbered_steps_stay() -> None:
    steps = ["1. Turn off the heating and let the radiators cool down",
             "2. Hold a cloth under the valve to catch any drips of water",
             "3. Open the bleed valve with the key until water comes out",
             "4. Close the valve and check the pressure of the boiler"]
    text = page(
        "Cold radiators? How to bleed them in four steps",
        "With the first cold days many households turn their heating back on, and find that the "
        "radiators stay cold at the top because air is trapped inside them.",
        "Bleeding the radiators takes a few minutes and needs only a radiator key, which costs a few "
        "euros in any hardware shop. Here is how to bleed the radiators:",
        *steps,
        "If the radiators stay cold after bleeding them, the problem may lie with the boiler or the "
        "pump, and a heating engineer should take a look before the winter sets in.",
    )
    kept = _kept(text)
    assert all(s in kept for s in steps)


@pytest.mark.parametrize("line", [
    "3h ago", "vor 2 Stunden", "il y a 4 h", "hace 1 hora", "há 3 horas", "2 ore fa",
    "5 uur geleden", "2 godz. temu", "för 3 timmar sedan", "2 часа назад", "Updated 5 minutes ago",
])
def test_relative_times(line: str) -> None:
    assert RELATIVE_TIME.match(line)


@pytest.mark.parametrize("line", [
    "3 hours ago the police closed the road", "He arrived 3 hours ago.", "for 3 years since 2020",
    "Il y a 2 ans, la ville a voté le projet du port et des quais",
])
def test_sentences_naming_a_time_are_not_relative_times(line: str) -> None:
    assert not RELATIVE_TIME.match(line)


@pytest.mark.parametrize("strip", [
    "+++ Huge fire at east London tower block +++ Rishi Sunak to stand down as MP +++ "
    "Heathrow strike called off +++",
    "Just In ++ Bengaluru traffic police launch AI cameras ++ Anant Ambani wedding guest list "
    "revealed ++ Tamil Nadu rains: IMD issues orange alert",
    "URGENTE | Atentado contra una base militar en Arauca | El Ejército despliega 300 uniformados | "
    "Gobierno convoca consejo de seguridad",
    "Ahora mismo — Fallece a los 94 años un histórico poeta salvadoreño — El dólar abre estable en "
    "17,20 pesos — Tigres confirma el fichaje de un atacante francés",
])
def test_ticker_strips_opened_by_their_separator_or_a_label_of_their_own(strip: str) -> None:
    article = newsclean.clean_text(page(strip, *STORY))
    assert article.paragraphs == STORY
    assert [r.kind for r in article.removed] == ["ticker"]


@pytest.mark.parametrize("line", [
    "Products | Enterprise cloud storage | Managed backup services | Data recovery tools",
    "Home | World News | Local Politics | Sports Scores",
    "Menu — About the harbour project — Contact the council — Newsletter sign-up",
    "C++ and Java ++ are both taught in the first year of the course",
])
def test_menus_and_sentences_are_no_ticker(line: str) -> None:
    article = newsclean.clean_text(page(*STORY[:2], line, *STORY[2:]))
    assert not [r for r in article.removed if r.kind == "ticker"]


def test_a_table_row_between_bars_is_no_ticker() -> None:
    row = ("| Group 2 Variety | Primary Colour/Form | First Bloom (UK) | Second Bloom (UK) | "
           "Pruning Nuance for UK Conditions")
    article = newsclean.clean_text(page(*STORY[:2], row, *STORY[2:]))
    assert not [r for r in article.removed if r.kind == "ticker"]


@pytest.mark.parametrize("line", [
    "SIGA LEYENDO → La Policía de Medellín refuerza los controles en El Poblado",
    "Noticia relacionada - El Supremo avala el despido de un trabajador por fichar desde el móvil",
    "POLECAMY: Polki w finale mistrzostw Europy w siatkówce",
    "» Ryanair passengers face chaos as French air traffic controllers strike",
    "Sprawdź: Nowe limity wypłat z bankomatów w popularnym banku",
    "Te podría interesar: Qué hacer si te llega una fotomulta en Jalisco",
    "Worth your time ► Ferry operator doubles its crossings to the islands",  # an arrow after a label
])
def test_a_line_linking_another_story_between_two_paragraphs_goes(line: str) -> None:
    article = newsclean.clean_text(page(*STORY[:2], line, *STORY[2:]))
    assert article.paragraphs == STORY
    assert [r.kind for r in article.removed] == ["headline_list"]


@pytest.mark.parametrize("line", [
    "Shuffle: Making Random Feel More Human",  # a subhead with a colon
    "A: Tie between Istanbul, Turkey and Cape Town, South Africa",  # an answer
    "UPDATE: The harbour council postpones the vote on the new quay",  # about the story
    "Background - a decade of debate over the harbour and the wetlands",  # about the story
    "In short: the council has voted and the work begins next spring.",  # a sentence
    "Analysis: why the vote on the harbour matters to the town",  # sentence case, about the story
    "Efficiency in Action: Work Hard, Tread Lightly",  # title case after a colon: a subhead
])
def test_subheads_answers_and_updates_between_paragraphs_stay(line: str) -> None:
    assert line in _kept(page(*STORY[:2], line, *STORY[2:]))


@pytest.mark.parametrize("line", [
    "Lesen Sie dazu: Schule gewinnt bundesweiten Robotik-Wettbewerb",
    "Passend zum Thema: Polizei sucht Zeugen nach nächtlichem Unfall",
])
def test_a_german_headline_under_an_unknown_label_is_no_subhead(line: str) -> None:
    # German capitalises its nouns: three of five long words, in a headline in sentence case
    article = newsclean.clean_text(page(*DE_STORY[:2], line, *DE_STORY[2:]))
    assert article.paragraphs == DE_STORY


POINTS = ["• The council approves the budget for the new quay",
          "• Work on the harbour expansion begins next spring",
          "• The first ships dock at the new terminal before the end of the decade",
          "• The wetlands on the coast get a protected area next to the harbour"]
LINK = "Worth your time: Ferry operator doubles its crossings to the islands this summer"
"""A read-more line under a label no list and no phrase list knows."""


def test_a_link_between_two_points_of_the_storys_list_goes() -> None:
    story = [*STORY[:2], "What the plan holds:", *POINTS[:2], LINK, *POINTS[2:], *STORY[2:]]
    kept = _kept(page(*story))
    assert LINK not in kept
    assert all(line in kept for line in story if line != LINK)


@pytest.mark.parametrize("after", ["What comes next for the harbour", POINTS[0]])
def test_a_link_ending_a_paragraph_before_a_subhead_or_a_list_goes(after: str) -> None:
    story = [*STORY[:2], LINK, after, *STORY[2:]]
    kept = _kept(page(*story))
    assert LINK not in kept
    assert after in kept


def test_a_link_after_the_storys_list_before_the_next_paragraph_goes() -> None:
    story = [*STORY[:2], "What the plan holds:", *POINTS, LINK, *STORY[2:]]
    kept = _kept(page(*story))
    assert LINK not in kept
    assert all(p in kept for p in POINTS)


def test_the_line_opening_a_section_under_its_subhead_stays() -> None:
    # "SETUP STEP #1" / "Sit up straight – Just like ...": right after a subhead, the section's deck
    line = "Stand tall – Ferry operator doubles its crossings to the islands this summer"
    story = [*STORY[:2], "STEP ONE", line, *STORY[2:]]
    assert line in _kept(page(*story))


@pytest.mark.parametrize("line", [
    "Registration: open now at https://harbour.example.org/quay-tour-signup",
    "Tickets: Early bird quay tour for families | Sold at the ferry terminal",
    "Special offer: Harbour boat tour for two with lunch from $49.99",
    "Reference: HBR-2291 QUAY WEST SECTION B",
    "Details: 201 E. Washington St. Suite 111 harbourgrill.com",  # an address and its site
    "Details: 400 N. 2nd Ave. @harbourcoffee on Instagram",  # an address and a handle
])
def test_fields_between_two_paragraphs_are_no_link(line: str) -> None:
    assert line in _kept(page(*STORY[:2], line, *STORY[2:]))


def test_a_run_of_labelled_lines_between_points_is_no_link() -> None:
    fields = ["When: Saturday morning from nine until noon at the old quay",
              "Where: Meeting point beside the ferry terminal entrance",
              "Cost: Free for residents who register with the council"]
    story = [*STORY[:2], "The quay tour", *POINTS[:2], *fields, *POINTS[2:], *STORY[2:]]
    kept = _kept(page(*story))
    assert all(f in kept for f in fields)


def test_a_catalogue_of_codes_names_and_prices_is_no_kicker_box() -> None:
    # each item under its code and over its price, like a kicker box; but the items repeat the
    # product's name: a catalogue, the page's own list
    items = []
    for code, acre, price in [("KR173", "¾", "2,999"), ("KR174", "1¼", "3,499"),
                              ("KR233", "3", "8,499"), ("KR236", "6", "13,799"),
                              ("KR237", "7", "14,999")]:
        items += [code, f"Kress RTK {acre}-acre robotic lawn mower with obstacle avoidance",
                  f"$ {price}.99"]
    text = page("Robotic lawn mowers",
                "Our robotic lawn mowers cut the grass on their own, plan their routes by satellite "
                "and come back to their station to charge when the battery runs low.", *items)
    kept = _kept(text)
    assert all(line in kept for line in items if "robotic lawn mower" in line)


def test_a_numbered_box_right_under_the_storys_subhead_goes() -> None:
    # inside the story; with the subhead (which shares the story's words) the run looked related
    box = ["Top 5 de la semaine",
           "1. Votations : le oui l'emporte de justesse sur le plafonnement des primes",
           "2. Genève : la police démantèle un réseau de cambrioleurs venus de France",
           "3. Le Lausanne-Sport limoge son entraîneur après cinq défaites d'affilée",
           "4. Avalanche au-dessus de Zermatt : deux skieurs hors-piste emportés",
           "5. La BNS maintient son taux directeur inchangé"]
    story = [*STORY_END[:3], "What the harbour expansion means for the wetlands", *box,
             *STORY_END[3:]]
    kept = _kept(page(*story))
    assert not [line for line in box if line in kept]
    assert "What the harbour expansion means for the wetlands" in kept


def test_the_storys_own_numbered_points_under_a_subhead_stay() -> None:
    points = ["1. The council approves the harbour budget for the new quay",
              "2. Work on the harbour expansion begins next spring",
              "3. The first ships dock at the new terminal before the end of the decade",
              "4. The wetlands on the coast get a protected area next to the harbour"]
    story = [*STORY_END[:3], "The harbour plan in four steps", *points, *STORY_END[3:]]
    kept = _kept(page(*story))
    assert all(p in kept for p in points)


def test_a_byline_and_date_row_of_four_pieces_is_no_ticker() -> None:
    row = ("By Sarah Lee | Published July 15, 2024 | Updated July 16, 2024 10:00 | "
           "Reading time about five minutes")
    article = newsclean.clean_text(page(*STORY[:1], row, *STORY[1:]))
    assert not [r for r in article.removed if r.kind == "ticker"]
