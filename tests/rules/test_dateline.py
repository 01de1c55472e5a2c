"""The ``dateline`` rule: the wire dateline of the first paragraph parsed into metadata, kept in the body."""

from __future__ import annotations

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Dateline, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.dateline import Dateline as DatelineRule


def verdicts(text: str) -> list[newsclean.Verdict]:
    return list(DatelineRule().apply(segment(text), Context()))


def test_rule_alone_proposes_a_dateline_fact_and_removes_nothing() -> None:
    (v,) = verdicts(page("MOSCOW: " + STORY[0], *STORY[1:]))
    assert (v.block, v.action, v.rule, v.kind) == (0, Action.META, "dateline", None)
    assert v.reason == "dateline of the first paragraph"
    assert v.facts == {"dateline": Dateline(place="MOSCOW")}


def test_wire_dateline_with_agency_also_proposes_the_source() -> None:
    dateline, source = verdicts(page("MOSCOW, February 28. /TASS/. " + STORY[0], *STORY[1:]))
    assert dateline.facts == {"dateline": Dateline("MOSCOW", "February 28", "TASS")}
    assert (source.action, source.kind, dict(source.facts)) == (Action.META, None, {"source": "TASS"})
    assert source.reason == "agency named in the dateline"
    assert source.confidence < dateline.confidence


@pytest.mark.parametrize(
    ("opener", "story", "expected"),
    [
        ("MOSCOW: ", STORY, {"place": "MOSCOW"}),
        ("WASHINGTON (Reuters) - ", STORY, {"place": "WASHINGTON", "agency": "Reuters"}),
        ("NEW YORK -- ", STORY, {"place": "NEW YORK"}),
        ("MOSCOW, February 28. /TASS/. ", STORY,
         {"place": "MOSCOW", "date": "February 28", "agency": "TASS"}),
        ("BERLIN (dpa) - ", DE_STORY, {"place": "BERLIN", "agency": "dpa"}),
        ("MÜNCHEN: ", DE_STORY, {"place": "MÜNCHEN"}),
        ("BERLIN, 3. März. /dpa/. ", DE_STORY, {"place": "BERLIN", "date": "3. März", "agency": "dpa"}),
        ("PARIS (AFP) - ", FR_STORY, {"place": "PARIS", "agency": "AFP"}),
        ("PARIS, 3 mars (AFP) - ", FR_STORY, {"place": "PARIS", "date": "3 mars", "agency": "AFP"}),
        ("MADRID — ", ES_STORY, {"place": "MADRID"}),
        ("SÃO PAULO (EFE) — ", ES_STORY, {"place": "SÃO PAULO", "agency": "EFE"}),
        ("Berlin (dpa) - ", DE_STORY, {"place": "Berlin", "agency": "dpa"}),
        ("Frankfurt/Main (dpa/lhe) - ", DE_STORY, {"place": "Frankfurt/Main", "agency": "dpa/lhe"}),
        ("Genf (Reuters) – ", DE_STORY, {"place": "Genf", "agency": "Reuters"}),
        ("MADRID, 3 dic. (EUROPA PRESS) - ", ES_STORY,
         {"place": "MADRID", "date": "3 dic", "agency": "EUROPA PRESS"}),
    ],
    ids=["en-colon", "en-reuters", "en-two-words", "en-tass", "de-dpa", "de-umlaut", "de-wire",
         "fr-afp", "fr-date", "es-emdash", "pt-efe", "de-title-case", "de-slash", "de-en-dash",
         "es-date-stop-agency"],
)
def test_dateline_is_parsed_and_kept_in_the_body(opener: str, story: list[str],
                                                 expected: dict[str, str]) -> None:
    text = page(opener + story[0], *story[1:])
    article = newsclean.clean(text)
    assert article.metadata.to_dict()["dateline"] == expected
    assert article.paragraphs == [opener + story[0], *story[1:]]
    assert article.removed == []
    if "agency" in expected:
        assert article.metadata.source == expected["agency"]
    else:
        assert article.metadata.source is None


def test_source_prefix_wins_over_the_agency_and_the_dateline_follows_it() -> None:
    article = newsclean.clean(page("Hafenblick- BERLIN (dpa) - " + DE_STORY[0], *DE_STORY[1:]))
    assert article.metadata.source == "Hafenblick"
    assert article.metadata.to_dict()["dateline"] == {"place": "BERLIN", "agency": "dpa"}
    assert article.paragraphs[0] == "BERLIN (dpa) - " + DE_STORY[0]
    assert [(r.text, r.kind) for r in article.removed] == [("Hafenblick-", Kind.SOURCE_PREFIX)]


def test_dateline_below_a_title() -> None:
    article = newsclean.clean(page("Council backs harbour expansion", "LONDON: " + STORY[0], *STORY[1:]))
    assert article.title == "Council backs harbour expansion"
    assert article.metadata.to_dict()["dateline"] == {"place": "LONDON"}


# ---- hard negatives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "However, on this occasion Turkey had not informed Russia its soldiers were in the area hit "
        "by Syrian fire, he said, adding they had been among terrorists.",
        "NATO's secretary-general called on Russia and Syria on Friday to halt the offensive in Idlib "
        "and said the alliance stood in solidarity with Turkey.",
        "Moscow: Russian President Vladimir Putin and Turkish leader Recep Tayyip Erdogan on Friday "
        "expressed grave concern over the situation in Syria's Idlib province.",
        "Turkey's invasion of the north of the country - along with the criticism and threats of "
        "sanctions brandished by allies - has come close to sparking a crisis at the alliance.",
        "US President Joe Biden said on Friday that the talks with the allies had been productive and "
        "that a decision on new sanctions would follow within days.",
        "'We will not back down,' she said on Tuesday, as the council prepared to vote on the plan that "
        "has divided the town for more than a decade.",
        "Apple (the company, not the fruit) - a brand everyone knows - said on Tuesday that sales of "
        "its phones had risen for the third quarter in a row.",
        "Die Stadt (so der Bürgermeister) wolle den Hafen bis 2030 ausbauen, sagte ein Sprecher am "
        "Dienstag nach der Sitzung des Rates.",
        "Harbour City (NR): Jane Doe made seven saves in the first half and three more after the "
        "break, the coach said after the match.",
        "ZEIT ONLINE: Herr Müller, warum hat der Rat so lange gebraucht, um über den Ausbau des "
        "Hafens zu entscheiden?",
    ],
    ids=["however", "acronym", "not-all-caps", "dash-in-sentence", "acronym-then-word", "quote",
         "brackets-not-an-agency", "de-brackets-no-dash", "team-record-colon", "interview-question"],
)
def test_openers_that_are_not_datelines(first: str) -> None:
    text = page(first, *STORY)
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert article.metadata.dateline is None
    assert article.paragraphs[0] == first


def test_dateline_shape_in_a_later_paragraph_is_ignored() -> None:
    text = page(STORY[0], "MOSCOW: " + STORY[1], *STORY[2:])
    assert verdicts(text) == []
    assert newsclean.clean(text).metadata.dateline is None


def test_acronym_with_a_parenthetical_dash_is_not_a_dateline() -> None:
    first = ("NATO – the alliance founded in 1949 – said on Friday that it stood in solidarity with "
             "Turkey after the attack on its troops in the province.")
    article = newsclean.clean(page(first, *STORY))
    assert article.metadata.dateline is None


@pytest.mark.parametrize(("opener", "expected"), [
    ("Wien – ", {"place": "Wien"}),
    ("Stuttgart - ", {"place": "Stuttgart"}),
    ("Freiberg, 11. Mai 2026 – ", {"place": "Freiberg", "date": "11. Mai 2026"}),
])
def test_a_german_place_and_a_dash_is_a_dateline(opener: str, expected: dict[str, str]) -> None:
    article = newsclean.clean(page(opener + DE_STORY[0], *DE_STORY[1:]))
    assert article.metadata.dateline == Dateline(**expected)
    assert article.paragraphs[0] == opener + DE_STORY[0]


@pytest.mark.parametrize("first", [
    "Heute – " + DE_STORY[0],
    "Tesla – Once the darling of investors, the company said on Tuesday that its sales fell again.",
])
def test_a_word_of_time_or_an_english_name_and_a_dash_is_no_dateline(first: str) -> None:
    story = DE_STORY if first.startswith("Heute") else STORY
    assert newsclean.clean(page(first, *story[1:])).metadata.dateline is None
