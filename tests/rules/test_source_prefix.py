"""The ``source_prefix`` rule: a source name glued to the start of the first paragraph."""

from __future__ import annotations

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Kind, Pipeline
from newsclean.ingest.segment import segment
from newsclean.rules.source_prefix import SourcePrefix
from newsclean.rules.title import Title


def verdicts(text: str) -> list[newsclean.Verdict]:
    return list(SourcePrefix().apply(segment(text), Context()))


def test_rule_alone_trims_the_prefix_and_records_the_source() -> None:
    trim, meta = verdicts(page("Alwaght- " + STORY[0], *STORY[1:]))
    assert (trim.block, trim.action, trim.kind, trim.rule) == (0, Action.TRIM, Kind.SOURCE_PREFIX,
                                                                "source_prefix")
    assert trim.span == (0, len("Alwaght- "))
    assert trim.reason == "source name 'Alwaght' glued to the first paragraph"
    assert (meta.action, meta.kind, dict(meta.facts)) == (Action.META, None, {"source": "Alwaght"})
    assert meta.reason == "source prefix of the first paragraph"


@pytest.mark.parametrize(
    ("prefix", "name", "story"),
    [
        ("Alwaght- ", "Alwaght", STORY),
        ("Press TV- ", "Press TV", STORY),
        ("Alwaght– ", "Alwaght", STORY),
        ("Hafenblick- ", "Hafenblick", DE_STORY),
        ("Lemonde.fr- ", "Lemonde.fr", FR_STORY),
        ("Prensa Latina- ", "Prensa Latina", ES_STORY),
    ],
    ids=["en", "en-two-words", "en-dash", "de", "fr", "es"],
)
def test_prefix_is_trimmed_through_clean(prefix: str, name: str, story: list[str]) -> None:
    text = page(prefix + story[0], *story[1:])
    article = newsclean.clean(text)
    assert article.paragraphs == story
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (prefix.strip(), Kind.SOURCE_PREFIX, "source_prefix",
         f"source name {name!r} glued to the first paragraph")
    ]
    assert article.metadata.source == name
    r = article.removed[0]
    assert text[r.start:r.end].strip() == r.text


def test_prefix_of_the_first_body_paragraph_below_a_title() -> None:
    article = newsclean.clean(page("Council backs harbour expansion", "Alwaght- " + STORY[0], *STORY[1:]))
    assert article.title == "Council backs harbour expansion"
    assert article.paragraphs == STORY
    assert article.metadata.source == "Alwaght"


# ---- hard negatives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Turkey's invasion of the north of the country - along with the criticism and threats of "
        "sanctions brandished by allies - has come close to sparking a crisis at the alliance.",
        "Turkey - along with the criticism and threats of sanctions brandished by its allies at Ankara "
        "over the offensive - has come close to sparking a crisis at the military alliance.",
        "MOSCOW- Russian President Vladimir Putin and Turkish leader Recep Tayyip Erdogan on Friday "
        "expressed grave concern over the situation in Syria's Idlib province.",
        "MOSCOW: Russian President Vladimir Putin and Turkish leader Recep Tayyip Erdogan on Friday "
        "expressed grave concern over the situation in Syria's Idlib province.",
        "Long-term plans for the harbour were approved on Tuesday by the city council after a decade "
        "of debate among residents, officials and the shipping companies.",
        "Kremlin-backed media said on Friday that the talks between the two presidents had focused on "
        "the ceasefire agreed for the province two years ago.",
        "Update: The council has since confirmed that the vote will be repeated next week after "
        "complaints from several members about the procedure.",
        "NATO's secretary-general called on Russia and Syria on Friday to halt the offensive in Idlib "
        "and said the alliance stood in solidarity with Turkey.",
        "However, on this occasion Turkey had not informed Russia its soldiers were in the area hit "
        "by Syrian fire, he said, adding they had been among terrorists.",
    ],
    ids=["dash-in-sentence", "dash-after-name", "caps-dateline-glued", "caps-dateline-colon",
         "hyphenated-word", "hyphenated-compound", "label-colon", "acronym", "however"],
)
def test_first_paragraph_openers_that_are_not_a_source(first: str) -> None:
    text = page(first, *STORY)
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert article.paragraphs[0] == first
    assert not [r for r in article.removed if r.kind is Kind.SOURCE_PREFIX]


def test_only_the_first_body_paragraph_is_looked_at() -> None:
    later = "Alwaght- " + STORY[2]
    text = page(STORY[0], STORY[1], later, STORY[3])
    assert verdicts(text) == []
    assert later in newsclean.clean(text).paragraphs


def test_the_title_line_is_not_trimmed() -> None:
    text = page("Alwaght- Council backs harbour expansion", *STORY)
    article = newsclean.clean(text, pipeline=Pipeline([Title(), SourcePrefix()]))
    assert article.title == "Alwaght- Council backs harbour expansion"
    assert article.paragraphs == STORY
    assert article.removed == []


def test_trim_offsets_index_the_input_when_the_line_is_indented() -> None:
    text = page("   Alwaght- " + STORY[0], *STORY[1:])
    article = newsclean.clean(text)
    (r,) = article.removed
    assert r.text == "Alwaght-"
    assert text[r.start:r.end].strip() == "Alwaght-"
