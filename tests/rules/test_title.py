"""The ``title`` rule: title and standfirst promoted from the header, repeats and mastheads dropped."""

from __future__ import annotations

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Kind, Pipeline
from newsclean.ingest.segment import segment
from newsclean.rules.title import Title

TITLE = "Council backs harbour expansion"


def verdicts(text: str, **segment_options: object) -> list[newsclean.Verdict]:
    doc = segment(text, **segment_options)  # type: ignore[arg-type]
    return list(Title().apply(doc, Context()))


def alone(text: str) -> newsclean.Article:
    """Clean with a pipeline holding only the ``title`` rule."""
    return newsclean.clean(text, pipeline=Pipeline([Title()]))


# ---- positives ---------------------------------------------------------------------------------


def test_title_alone_proposes_a_meta_fact_for_the_heading_above_the_body() -> None:
    vs = verdicts(page(TITLE, *STORY))
    assert len(vs) == 1
    v = vs[0]
    assert (v.block, v.action, v.rule, v.kind) == (0, Action.META, "title", None)
    assert v.facts == {"title": TITLE}
    assert v.reason == "heading above the first paragraph"


def test_title_is_promoted_not_removed() -> None:
    text = page(TITLE, *STORY)
    article = newsclean.clean(text)
    assert article.title == TITLE
    assert article.paragraphs == STORY
    assert article.removed == []
    prov = article.fields_from["title"]
    assert (prov.rule, prov.reason) == ("title", "heading above the first paragraph")
    assert text[prov.start:prov.end] == TITLE


@pytest.mark.parametrize(
    ("title", "story"),
    [
        ("Stadtrat stimmt für Ausbau des Hafens", DE_STORY),
        ("Le conseil vote l'agrandissement du port", FR_STORY),
        ("El ayuntamiento aprueba la ampliación del puerto", ES_STORY),
    ],
    ids=["de", "fr", "es"],
)
def test_title_in_other_languages(title: str, story: list[str]) -> None:
    article = newsclean.clean(page(title, *story))
    assert article.title == title
    assert article.paragraphs == story
    assert article.fields_from["title"].rule == "title"


def test_masthead_line_above_the_title_is_site_chrome() -> None:
    article = alone(page("Hafenblick", "Stadtrat stimmt für Ausbau des Hafens", *DE_STORY))
    assert article.title == "Stadtrat stimmt für Ausbau des Hafens"
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        ("Hafenblick", Kind.SITE_CHROME, "title", "masthead line above the title")
    ]
    assert article.paragraphs == DE_STORY


def test_masthead_option_off_keeps_the_line() -> None:
    text = page("Hafenblick", "Stadtrat stimmt für Ausbau des Hafens", *DE_STORY)
    article = newsclean.clean(text, pipeline=Pipeline([Title(masthead=False)]))
    assert article.removed == []
    assert article.paragraphs == ["Hafenblick", *DE_STORY]


def test_repeated_title_is_dropped_as_duplicate() -> None:
    article = newsclean.clean(page(TITLE, TITLE, *STORY))
    assert article.title == TITLE
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (TITLE, Kind.DUPLICATE, "title", "repeats the title (block 0)")
    ]
    assert article.paragraphs == STORY


def test_a_repeated_line_unrelated_to_the_story_is_not_the_title() -> None:
    # a share bar or a section label printed twice in the header: repetition alone is no headline
    share = "Whatsapp Facebook Pinterest Download"
    vs = verdicts(page(share, "Weekend reading", share, *STORY))
    assert not [v for v in vs if "title" in v.facts]
    assert alone(page(TITLE, share, TITLE, share, *STORY)).title == TITLE


def test_title_repeat_with_a_site_suffix_is_a_duplicate() -> None:
    article = newsclean.clean(page(f"{TITLE} | Coastwatch", TITLE, *STORY))
    assert article.title == TITLE
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (f"{TITLE} | Coastwatch", Kind.DUPLICATE, "title", "repeats the title (block 1)")
    ]
    assert article.paragraphs == STORY


def test_later_suffixed_repeat_does_not_replace_the_title() -> None:
    article = newsclean.clean(page(TITLE, f"{TITLE} | Coastwatch", *STORY))
    assert article.title == TITLE
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        (f"{TITLE} | Coastwatch", Kind.DUPLICATE, "title")
    ]


def test_longer_heading_below_the_title_is_the_standfirst() -> None:
    standfirst = "The vote ends a decade of debate over the future of the port and its wetlands"
    article = newsclean.clean(page(TITLE, standfirst, *STORY))
    assert (article.title, article.subtitle) == (TITLE, standfirst)
    assert article.fields_from["subtitle"].rule == "title"
    assert article.fields_from["subtitle"].reason == "standfirst between the title and the body"
    assert article.paragraphs == STORY
    assert article.removed == []


def test_sentence_between_title_and_byline_is_the_standfirst() -> None:
    standfirst = ("The vote ends a decade of debate over the future of the port, and the wetlands "
                  "around it, after a long night in the town hall.")
    article = newsclean.clean(page(TITLE, standfirst, "By Jane Doe", *STORY))
    assert (article.title, article.subtitle) == (TITLE, standfirst)
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        ("By Jane Doe", Kind.METADATA, "metadata_line")
    ]
    assert article.paragraphs == STORY


# "Listen to this article" left the pruned phrase lists; "Listen" (the audio button) is still in them
CHROME_UNDER_BYLINE = ["Share on Facebook", "Share on X", "Print", "Listen"]


@pytest.mark.parametrize(
    ("title", "standfirst", "byline", "story"),
    [
        (TITLE, "The vote ends a decade of debate over the future of the port, and the wetlands "
         "around it, after a long night in the town hall.", "By Jane Doe", STORY),
        ("Stadtrat beschließt Ausbau des Hafens", "Nach jahrelangem Streit um die Zukunft des "
         "Hafens und der Feuchtgebiete hat der Rat in einer langen Nachtsitzung entschieden.",
         "Von Anna Schmidt", DE_STORY),
    ],
    ids=["en", "de"],
)
def test_standfirst_above_byline_and_chrome_is_the_subtitle(
        title: str, standfirst: str, byline: str, story: list[str]) -> None:
    # headline, standfirst, byline, date, share buttons, body: the body's first run starts after
    # the chrome, so the standfirst is not the first body paragraph; it is the subtitle
    article = newsclean.clean(page(title, standfirst, byline, "June 3, 2024", *CHROME_UNDER_BYLINE,
                                   *story))
    assert (article.title, article.subtitle) == (title, standfirst)
    assert article.paragraphs == story


def test_lone_paragraph_under_a_subhead_without_a_byline_stays_in_the_body() -> None:
    # hard negative: the same shape with no byline or date line is a subhead over the opening
    # paragraph (then a caption), not a headline over a standfirst
    opening = ("The vote ends a decade of debate over the future of the port, and the wetlands "
               "around it, after a long night in the town hall.")
    article = newsclean.clean(page("A divided town", opening, *CHROME_UNDER_BYLINE, *STORY))
    assert article.subtitle is None
    assert opening in article.paragraphs


def test_html_mode_drops_lines_repeating_the_page_title() -> None:
    doc = segment(page(f"{TITLE} - Coastwatch", *STORY), mode="html")
    doc.hints = {"title": TITLE}
    vs = list(Title().apply(doc, Context()))
    assert [(v.block, v.action, v.kind, v.reason) for v in vs] == [
        (0, Action.DROP, Kind.DUPLICATE, "repeats the page title")
    ]


# ---- hard negatives ----------------------------------------------------------------------------


def test_clean_body_without_header_promotes_nothing() -> None:
    assert verdicts(page(*STORY)) == []
    article = newsclean.clean(page(*STORY))
    assert article.title is None and article.subtitle is None
    assert article.fields_from == {}
    assert article.paragraphs == STORY


def test_subhead_inside_the_story_is_not_a_title() -> None:
    text = page(*STORY[:2], "A divided town", *STORY[2:])
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert article.title is None
    assert "A divided town" in article.paragraphs
    assert article.removed == []


@pytest.mark.parametrize(
    "opener",
    [
        "'We will not back down,' she said.",
        "The vote was close.",
        "NATO's secretary-general called on Russia to halt the offensive.",
    ],
    ids=["one-line-quote", "short-paragraph", "acronym-sentence"],
)
def test_short_sentence_above_the_body_is_not_a_title(opener: str) -> None:
    article = newsclean.clean(page(opener, *STORY))
    assert article.title is None
    assert article.paragraphs == [opener, *STORY]
    assert article.removed == []


def test_run_of_short_quotes_is_not_promoted() -> None:
    quotes = ['"It is a disaster," said one fisherman.', '"We have waited long enough," said another.']
    text = page(*STORY[:2], *quotes, *STORY[2:])
    article = newsclean.clean(text)
    assert article.title is None
    assert article.paragraphs == [*STORY[:2], *quotes, *STORY[2:]]


def test_standfirst_after_a_repeated_title() -> None:
    standfirst = "The vote ends a decade of debate over the future of the port and its wetlands"
    article = newsclean.clean(page(TITLE, TITLE, standfirst, *STORY))
    assert article.title == TITLE
    assert article.subtitle == standfirst
    assert article.paragraphs == STORY


# ---- HTML mode: the page's headings name the headline and the standfirst -----------------------

DEK = "Residents who fought the plan for ten years say they will now take the council to court."


def html_page(*, dek_tag: str, dek: str = DEK, h1: str = TITLE, og_title: str = TITLE) -> str:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        f'<html lang="en"><head><title>{og_title}</title><meta property="og:title" '
        f'content="{og_title}"><meta property="og:description" content="{dek}"></head><body>'
        f"<article><header><h1>{h1}</h1><{dek_tag}>{dek}</{dek_tag}></header>"
        f"<div class='body'>{paras}</div></article></body></html>"
    )


def html_doc(*lines: str, headings: tuple[tuple[int, str], ...], title: str = TITLE):  # type: ignore[no-untyped-def]
    doc = segment("\n".join(lines), mode="html")
    doc.hints = {"title": title, "headings": headings}
    return doc


def test_html_heading_under_the_headline_is_the_standfirst() -> None:
    doc = html_doc(TITLE, DEK, *STORY, headings=((1, TITLE), (2, DEK)))
    vs = list(Title().apply(doc, Context()))
    assert [(v.block, v.action, v.reason) for v in vs] == [
        (0, Action.DROP, "repeats the page title"),
        (1, Action.META, "standfirst: a heading of the page right under the headline"),
    ]
    assert vs[1].facts == {"subtitle": DEK}


@pytest.mark.parametrize("tag", ["h2", "h3"])
def test_html_standfirst_end_to_end(tag: str) -> None:
    article = newsclean.clean_html(html_page(dek_tag=tag))
    assert article.subtitle == DEK
    assert article.paragraphs == STORY
    assert article.fields_from["subtitle"].rule == "title"


def test_html_lede_paragraph_matching_the_description_stays() -> None:
    # the description repeats the first paragraph: a <p>, so it is the lede, not a standfirst
    article = newsclean.clean_html(html_page(dek_tag="p", dek=STORY[0]).replace(
        f"<p>{STORY[0]}</p>", "", 1))
    assert article.paragraphs == STORY
    assert article.subtitle is None


def test_html_subhead_inside_the_story_is_not_a_standfirst() -> None:
    sub = "Why the harbour matters so much to the fishing families"
    doc = html_doc(TITLE, STORY[0], sub, *STORY[1:], headings=((1, TITLE), (2, sub)))
    assert [v.reason for v in Title().apply(doc, Context())] == ["repeats the page title"]


def test_html_short_heading_under_the_headline_is_not_a_standfirst() -> None:
    doc = html_doc(TITLE, "Key points", *STORY, headings=((1, TITLE), (2, "Key points")))
    assert [v.reason for v in Title().apply(doc, Context())] == ["repeats the page title"]


def test_html_h1_that_differs_from_the_declared_title_is_the_headline() -> None:
    h1 = "Harbour expansion wins the council vote after a decade"
    doc = html_doc(h1, DEK, *STORY, headings=((1, h1), (2, DEK)))
    vs = list(Title().apply(doc, Context()))
    assert [(v.block, v.facts) for v in vs] == [(0, {"title": h1}), (1, {"subtitle": DEK})]
    article = newsclean.clean_html(html_page(dek_tag="h2", h1=h1, og_title=TITLE))
    assert article.title == h1 and article.subtitle == DEK
    assert article.paragraphs == STORY


def test_html_without_a_headline_nothing_is_a_standfirst() -> None:
    # no title repeat and no h1 at the top: a heading-tagged first line is left alone
    doc = html_doc(DEK, *STORY, headings=((2, DEK),), title="Something else entirely")
    assert list(Title().apply(doc, Context())) == []


# ---- lines that sit where a title would, but are not one ---------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "This post was sponsored by the brand and its partners. All opinions are my own",
        "We have collected the best reviews here! Check them out below",
        "Tested by: Jane Doe Price: 24 euros More info: www.example.org",
        "Follow the harbour debate with #harbourvote on social media",
        "The harbour is considered the oldest and busiest port on the coast of the region (",
        "Dieser Beitrag enthält Werbung für den Hafen. Alle Meinungen sind meine eigenen",
        "- Council backs harbour expansion",
        "• Council backs harbour expansion",
        "+ Council backs harbour expansion",
        "Council backs the harbour expansion, said «",
        "Harbour vote. Council backs it. Residents object",
        "harbour.setav capacity *",
    ],
    ids=["two-sentences", "exclamation", "link", "hashtag", "cut-off", "de-two-sentences",
         "dash-item", "bullet-item", "plus-item", "open-guillemet", "three-sentences", "footnote-mark"],
)
def test_a_line_that_is_no_headline_is_not_promoted(line: str) -> None:
    article = alone(page(line, *STORY))
    assert article.title is None
    assert article.paragraphs == [line, *STORY]


def test_a_german_title_shares_the_story_words_inside_compounds() -> None:
    # "Hafenausbau" is not a word of the story, but "Hafen" is: compounds share their parts
    assert alone(page("Hafenausbau kommt", *DE_STORY)).title == "Hafenausbau kommt"
    assert alone(page("Bundesliga: Bayern gewinnt knapp", *DE_STORY)).title is None


def test_a_photo_caption_between_the_byline_and_the_body_is_skipped() -> None:
    # title, standfirst, date, byline, caption, credit, body: the caption is no standfirst
    standfirst = "The harbour expansion divides the town. Now the council has decided."
    caption = "The old quay of the harbour, photographed in October."
    text = page(TITLE, standfirst, "March 3, 2021", "By Jane Doe", caption, "Photo: Reuters", *STORY)
    article = newsclean.clean(text)
    assert article.title == TITLE
    assert article.paragraphs[-len(STORY):] == STORY


def test_a_title_above_an_agency_credit_is_no_caption() -> None:
    article = newsclean.clean(page(TITLE, "REUTERS", "March 3, 2021", *STORY))
    assert article.title == TITLE


def test_a_two_sentence_standfirst_above_the_byline_is_the_subtitle() -> None:
    # Italian layout: title, standfirst of two sentences (no longer than the title), byline, date
    title = "Milano, chiude lo storico cinema Odeon dopo 90 anni"
    standfirst = "Il proprietario: «Costi insostenibili». Il Comune valuta un intervento"
    story = ["Dopo novant'anni di attività chiude lo storico cinema Odeon di Milano. Lo ha annunciato "
             "il proprietario in una lettera ai dipendenti, spiegando che i costi sono insostenibili.",
             "Il Comune ha fatto sapere di voler valutare un intervento per salvare la sala, che negli "
             "anni Cinquanta ospitò numerose prime nazionali del cinema italiano."]
    article = newsclean.clean(page(title, standfirst, "di Giulia Bianchi", "21 novembre 2026", *story))
    assert (article.title, article.subtitle) == (title, standfirst)
    assert article.metadata.authors == ["Giulia Bianchi"]
    assert article.paragraphs == story


def test_two_sentences_opening_an_extract_are_no_title_and_standfirst() -> None:
    opener = "Visitors who booked their tickets through the agency came back with stories to tell"
    second = "We have brought some of these reviews here! Check them out below"
    article = alone(page(opener, second, *STORY))
    assert article.title is None and article.subtitle is None


def test_a_piece_of_a_sentence_broken_at_a_link_is_not_the_title() -> None:
    # extractors break a line at each link: "Hong Kong's / Hang Seng Index (HSI) / started ..."
    broken = ["The council said that the harbour index", "Harbour Index (HBI)",
              "rose 2% on Tuesday after the vote, and traders expected the harbour expansion to lift "
              "shipping stocks for the rest of the week and beyond."]
    article = alone(page(*broken, *STORY))
    assert article.title is None
    assert article.paragraphs == [*broken, *STORY]


def test_a_story_opening_with_a_camel_case_brand_keeps_its_title() -> None:
    lede = ("eBay said on Tuesday that the harbour expansion would let it ship parcels from the city "
            "within a day, and that it would open a warehouse at the new quay.")
    article = alone(page(TITLE, lede, *STORY))
    assert article.title == TITLE


@pytest.mark.parametrize(
    "title",
    [
        "U.S. Senate backs harbour expansion",
        "Mr. Smith goes to the harbour",
        "Is the harbour expansion worth it?",
        "Harbour vote: council backs the expansion",
        "1. FC Köln backs harbour expansion",
        'Mayor: "We will build the harbour"',
        "„Der Hafen braucht eine Zukunft“: council backs harbour expansion",
        "Council backs „harbour expansion“",
        "Mayor on the harbour: »We will build it«",
        "Harbourtown. Council backs the harbour expansion",
    ],
    ids=["abbreviation", "honorific", "question", "colon", "numbered-name", "closed-quote",
         "german-quote-first", "german-quote-last", "german-guillemets", "place-and-stop"],
)
def test_headlines_with_stops_and_colons_are_still_titles(title: str) -> None:
    article = alone(page(title, *STORY))
    assert article.title == title
    assert article.paragraphs == STORY


def test_a_subhead_after_the_opening_paragraphs_of_an_extract_is_not_the_title() -> None:
    # an extractor's output starts with the article: a short intro (not long enough to be the
    # "first paragraph"), then a subhead right above the first long paragraph
    intro = "The harbour board has plans for the port. Here they are."
    text = page(intro, "Who pays for the new quay?", *STORY)
    article = alone(text)
    assert article.title is None
    assert article.paragraphs == [intro, "Who pays for the new quay?", *STORY]
    without = newsclean.clean(text, pipeline=Pipeline([Title(prose_above_words=1000)]))
    assert without.title == "Who pays for the new quay?"


def test_a_sentence_in_the_page_header_does_not_stop_the_title() -> None:
    header = ["We use cookies to give you the best experience on our website. Read more.", "Menu",
              "Home", "News", "Sport"]
    article = newsclean.clean(page(*header, TITLE, *STORY))
    assert article.title == TITLE
    assert article.paragraphs[-len(STORY):] == STORY


# "Artikel teilen" left the pruned phrase lists; the bare "Teilen" is still in them
SHARE_ROW = ["Foto: Anna Schmidt / dpa", "Teilen", "Facebook", "X.com", "WhatsApp", "E-Mail",
             "Kommentare"]


def test_a_row_of_share_buttons_under_the_header_does_not_hide_the_title() -> None:
    # kicker, headline, standfirst, date, photo credit and seven share buttons, body: the removed
    # lines are not counted in the title window
    title = "Stadtrat beschließt Ausbau des Hafens"
    standfirst = ("Nach jahrelangem Streit hat der Rat entschieden. Anwohner kündigen Widerstand "
                  "gegen das Projekt an.")
    article = newsclean.clean(page("Hamburg", title, standfirst, "03.12.2026, 11.47 Uhr", *SHARE_ROW,
                                   *DE_STORY))
    assert (article.title, article.subtitle) == (title, standfirst)
    assert article.paragraphs == DE_STORY
    assert {r.text for r in article.removed} >= set(SHARE_ROW)


def test_a_byline_alone_does_not_widen_the_title_window() -> None:
    """Only a row of removed lines widens the window: a byline under the title does not, so the
    numbered breadcrumb printed twice above the header stays out of reach."""
    crumbs = ["1. Home", "2. Harbour expansion news", "3. Port"]
    text = page(*crumbs, *crumbs, "Weather", "Traffic", "Events", "Jobs", TITLE, "By Jane Doe",
                "June 3, 2024", "Photo: AP", *STORY)
    assert newsclean.clean(text).title == TITLE
    wide = newsclean.default_pipeline().with_options("title", removed_run=1)
    assert newsclean.clean(text, pipeline=wide).title != TITLE


def test_a_bulleted_menu_item_printed_twice_is_not_the_title() -> None:
    item = "* Harbour expansion and port news"
    text = page(item, "* Weather", item, *STORY)
    assert [v for v in verdicts(text) if "title" in v.facts] == []


@pytest.mark.parametrize(
    ("kicker", "headline", "story"),
    [("Hochwasser in Bayern", "Stadtrat stimmt für den Ausbau des Hafens trotz Protesten", DE_STORY),
     ("Harbour Watch", "Council backs harbour expansion after a decade of debate", STORY)],
    ids=["de", "en"],
)
def test_a_short_kicker_above_the_headline_is_not_the_title(kicker: str, headline: str,
                                                             story: list[str]) -> None:
    article = newsclean.clean(page(kicker, headline, *story))
    assert (article.title, article.subtitle) == (headline, None)
    assert article.paragraphs == story


def test_a_long_standfirst_under_a_short_headline_stays_the_subtitle() -> None:
    """Under a headline of three words, a heading longer than a headline is its standfirst."""
    standfirst = "The vote ends a decade of debate over the future of the port and the wetlands around it"
    article = newsclean.clean(page("Council backs harbour", standfirst, *STORY))
    assert (article.title, article.subtitle) == ("Council backs harbour", standfirst)
    kicked = newsclean.default_pipeline().with_options("title", headline_words=30)
    text = page("Council backs harbour", standfirst, *STORY)
    assert newsclean.clean(text, pipeline=kicked).title == standfirst


@pytest.mark.parametrize("leftover", ["Key Points", "4.9 from 212 votes", "Add CBS News on Google"])
def test_one_leftover_line_above_the_body_does_not_hide_the_title(leftover: str) -> None:
    article = newsclean.clean(page(TITLE, "By Jane Doe", leftover, *STORY))
    assert article.title == TITLE


def test_the_line_above_a_leftover_is_the_title_only_if_the_story_takes_up_its_words() -> None:
    teaser = "Fishermen protest new quotas outside parliament"
    article = newsclean.clean(page(teaser, "Key Points", *STORY))
    assert article.title is None


def test_an_item_of_a_numbered_list_above_the_story_is_no_title() -> None:
    """A box of numbered headlines glued above the story: its last item sits right above the body,
    but ``4. ...`` under ``3. ...`` is a list's item, not this story's headline."""
    items = ["1. Preparing a transition in the harbour board", "2. Top conferences of the year",
             "3. The best ferries for families", "4. Council backs harbour expansion"]
    assert alone(page("Most read", *items, *STORY)).title is None


def test_a_numbered_headline_alone_is_still_a_title() -> None:
    """Hard negative: a headline that starts with a number and a dot (``1. FC Köln``, ``2. Bundesliga``)
    with no numbered neighbour is the title."""
    title = "2. Bundesliga: Hamburg backs the harbour expansion"
    assert alone(page(title, *STORY)).title == title


def test_a_headline_of_two_clauses_without_a_final_stop_is_a_title() -> None:
    # Polish and Czech papers print "Short clause. Another clause" headlines without a final stop
    title = "Rada miasta za rozbudową portu. Przeciwnicy: to koniec mokradeł"
    story = ["Rada miasta zagłosowała we wtorek za rozbudową portu, projektem, który od ponad dekady "
             "dzieli mieszkańców, a według urzędników da setki miejsc pracy.",
             "Zwolennicy planu twierdzą, że port traci ruch na rzecz sąsiadów i że rozbudowa portu to "
             "jedyny sposób, by zatrzymać w mieście firmy żeglugowe.",
             "Przeciwnicy, w tym organizacje ekologiczne, mówią, że nowe nabrzeże zniszczy jedne z "
             "ostatnich mokradeł na wybrzeżu, a rada miasta zignorowała ich zastrzeżenia."]
    article = newsclean.clean_text(page(title, *story))
    assert article.title == title
    assert article.paragraphs == story
    # hard negatives: with a final stop it is two sentences; a first clause of nine words or more
    # is a sentence, not a headline's first clause
    for line in (f"{title}.",
                 "Rada miasta zagłosowała we wtorek wieczorem za dużą rozbudową portu. Przeciwnicy: "
                 "to koniec mokradeł"):
        assert not [v for v in verdicts(page(line, *story)) if v.facts.get("title")]


# ---- the page's first line repeated far above the body ----------------------------------------

HEADER_GAP = [  # what stands between a headline and the body on a real page, kept when this runs
    "Updated 5 December 2026, 06:00",
    "WE+", "Save", "Listen", "Gift this article", "Font size", "Dark mode", "Print view",
    "Harbour works are expected to start next spring and to last about four years in all.",
    "The harbour at dawn.",
]


def test_the_page_title_repeated_above_a_long_header_marks_the_title() -> None:
    """An HTML page's ``<title>`` (``Headline - Site``) opens a text dump; the headline repeats it
    further down, beyond the lines the search by position looks at: it is the title all the same,
    and the first line goes as its repeat."""
    first = f"{TITLE} - Harbour Times"
    text = page(first, "Home", "News", "Local", TITLE, *HEADER_GAP, *STORY)
    article = alone(text)
    assert article.title == TITLE
    assert [(r.text, r.kind) for r in article.removed if r.kind is Kind.DUPLICATE] == [
        (first, Kind.DUPLICATE)]
    assert article.paragraphs[-len(STORY):] == STORY


def test_the_sites_name_first_and_in_its_footer_marks_nothing() -> None:
    """Hard negative: the site's name first and again in its footer, after the story's last
    paragraph, is no title (it shares a word with the story: only its place rules it out)."""
    text = page("Harbour Times", "Home", "News", "Weather", *HEADER_GAP, *STORY, "Harbour Times")
    assert alone(text).title != "Harbour Times"


def test_without_the_page_title_a_far_headline_is_found_by_its_words() -> None:
    """With no first line repeating it, a headline beyond the window is still the title when it
    names the story: the first headline-shaped line above the story sharing half of its content
    words (two at least) with it. On the 280 written and held-out pages of other languages this
    took text mode's titles from 32 right to 146."""
    text = page("Home", "News", "Local", TITLE, *HEADER_GAP, *STORY)
    article = alone(text)
    assert article.title == TITLE
    assert article.paragraphs[-len(STORY):] == STORY


def test_a_far_line_that_does_not_name_the_story_is_not_guessed() -> None:
    """Hard negative: a headline-shaped line above the story that shares under half of its words
    with it (another story, a section's motto) is no title."""
    text = page("Home", "News", "Local", "Council elections: the candidates in every district",
                *HEADER_GAP, *STORY)
    assert alone(text).title is None


@pytest.mark.parametrize("line", [
    "06:40 Council backs harbour expansion after vote",  # an entry of a feed of the latest news
    "Home / Local / Council backs harbour expansion",  # a breadcrumb trail
])
def test_a_feed_entry_or_a_breadcrumb_naming_the_story_is_no_title(line: str) -> None:
    """Hard negative: a time-stamped entry of a "latest" strip, or a breadcrumb trail ending in the
    story's name, shares the story's words without being its headline."""
    text = page("Home", "News", line, *HEADER_GAP, *STORY)
    assert alone(text).title is None


def test_a_short_label_above_the_body_gives_way_to_the_headline_that_names_the_story() -> None:
    """The line right above the body is a box's label (``Key points``, a recipe card's button):
    the headline further up that names the story is the title instead."""
    text = page("Home", "News", TITLE, "Updated 5 December 2026, 06:00", "Harbour at a glance", *STORY)
    article = alone(text)
    assert article.title == TITLE
    assert article.fields_from["title"].reason == "heading above the first paragraph"


def test_a_section_printed_twice_gives_way_to_the_headline_that_names_the_story() -> None:
    """A section's name in the menu and again in the breadcrumb trail is a repeated heading-shaped
    line, but it does not name the story: the headline under it that does is the title, and the
    section's lines are not dropped as its repeats."""
    text = page("Home", "Harbour District", "Sport", "You are here:", "Harbour District", TITLE,
                "Updated 5 December 2026, 06:00", "Harbour at a glance", *STORY)
    article = alone(text)
    assert article.title == TITLE
    assert not [r for r in article.removed if r.kind is Kind.DUPLICATE]


def test_a_headline_found_by_its_words_does_not_drop_the_lines_above_it() -> None:
    """Lines above a title found by its words are not cut as a masthead: in an extract they may be
    the story's own opening list."""
    opening = ["- New quays for container ships", "- A wider channel", "- Rail sidings"]
    text = page(*opening, "Council backs harbour expansion with new quays", *HEADER_GAP, *STORY)
    article = alone(text)
    assert article.title == "Council backs harbour expansion with new quays"
    assert article.paragraphs[:3] == opening


def test_the_page_title_repeated_below_a_blurb_read_as_the_body_still_marks_the_title() -> None:
    """A site's blurb above the headline reads as the first paragraph; the line repeating the page's
    first line under it is the title all the same (``page_title_below`` blocks at most)."""
    blurb = ("The Harbour Times has covered the port, its people and its trade for more than a "
             "century, with reporters in every district of the city.")
    text = page(f"{TITLE} | Harbour Times", "Home", "News", blurb, "Local", TITLE, *STORY)
    assert alone(text).title == TITLE
    off = newsclean.clean(text, pipeline=Pipeline([Title(page_title_below=0)]))
    assert off.title != TITLE


# ---- the page's first line as the title --------------------------------------------------------

MENU = ["Home", "News", "Local", "Sport", "Weather", "Share", "Print"]
PAGE_TITLE_REASON = "the page's title line (its first line, less the site's name)"


def test_the_page_title_line_is_the_title_when_no_headline_is_found() -> None:
    """A dump opens with the page's ``<title>``; with no headline left above the body (the page
    printed it as an image, or the rules could not tell it), its longest part is the title."""
    article = alone(page(f"{TITLE} at last | Harbour Times", *MENU, *STORY))
    assert article.title == f"{TITLE} at last"
    assert article.fields_from["title"].reason == PAGE_TITLE_REASON


@pytest.mark.parametrize("first", [
    "Skip to main content",  # four words: a skip link, not a headline
    "Tuesday, 14 October 2025, harbour edition",  # a date line
    "Harbour Times",  # the site's name
    "The harbour expansion was approved on Tuesday.",  # a sentence
])
def test_a_first_line_that_is_no_page_title_is_not_the_title(first: str) -> None:
    assert alone(page(first, *MENU, *STORY)).title is None


def test_an_extracts_first_line_is_not_read_as_a_page_title() -> None:
    """Hard negative: an extract's first line is its story's (a subhead with its paragraph under
    it); the search by position may take it for the title, the page title line never does."""
    subhead = "Why the council backs the harbour expansion plan"
    article = alone(page(subhead, STORY[0], *MENU, *STORY[1:]))
    assert article.fields_from["title"].reason != PAGE_TITLE_REASON


def test_a_consent_banner_above_the_story_gives_no_title() -> None:
    """The IAB framework's consent text (here in French, as Didomi prints it) is a cookie notice, so
    its heading is not 'the heading above the first paragraph': the story's headline is the title."""
    headline = "Le conseil municipal valide l'extension du port"
    banner = ["Nous respectons votre vie privée",
              "Avec votre accord, nous et nos 214 partenaires utilisons des cookies ou technologies "
              "similaires pour stocker et accéder à des informations personnelles comme votre visite sur "
              "ce site.", "Accepter et fermer", "Continuer sans accepter"]
    article = newsclean.clean_text(page("Actualités", "Politique", *banner, headline, *FR_STORY))
    assert article.title == headline
    assert banner[1] not in article.paragraphs
    assert article.paragraphs == FR_STORY


def test_a_caption_ending_on_its_photo_credit_is_no_title() -> None:
    """A lead picture's caption under the headline, its credit on the same line, in a language
    whose lists know no such credit: the headline above is the title and the caption goes as
    chrome (before, the caption was taken for the title)."""
    title = "Пловдив прие бюджет от 781 млн. лв. с акцент върху училищата"
    caption = "Сградата на Община Пловдив на пл. „Стефан Стамболов“ Снимка: Архив Хоризонт"
    story = ["Общинският съвет в Пловдив прие бюджета на града за следващата година след близо "
             "петчасово заседание, на което съветниците обсъдиха над сто предложения.",
             "Най-голямата част от средствата ще бъде насочена към ремонта на училища и детски "
             "градини, както и към подмяната на уличното осветление в няколко квартала.",
             "Опозицията критикува плана за инвестиции в транспорта и поиска повече пари за "
             "социални услуги, но предложенията ѝ не събраха нужното мнозинство."]
    article = newsclean.clean(page(title, caption, *story))
    assert article.title == title
    assert article.paragraphs == story
