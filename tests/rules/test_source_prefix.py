"""The ``source_prefix`` rule: a source name glued to the start of the first paragraph."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Action, Context, Kind, Pipeline
from newsclean.ingest.segment import segment
from newsclean.rules.source_prefix import SourcePrefix
from newsclean.rules.title import Title

STORY = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided residents "
    "for more than a decade and that officials say will create hundreds of jobs.",
    "Supporters of the plan argue that the port has been losing traffic to its neighbours and that "
    "the expansion is the only way to keep the shipping companies in town.",
    "Opponents, including several environmental groups, said the new quay would destroy one of the "
    "last wetlands on the coast and that the council had ignored their objections.",
    "The mayor said the work would begin next spring and would take about four years, with the first "
    "ships expected to dock at the new terminal before the end of the decade.",
]
DE_STORY = [
    "Der Stadtrat hat am Dienstag beschlossen, den Hafen auszubauen, ein Projekt, das die Bewohner "
    "seit mehr als zehn Jahren spaltet und das nach Angaben der Stadt Hunderte Arbeitsplätze schaffen soll.",
    "Die Befürworter des Plans argumentieren, dass der Hafen seit Jahren Verkehr an die Nachbarn "
    "verliert und dass der Ausbau der einzige Weg ist, die Reedereien in der Stadt zu halten.",
    "Gegner, darunter mehrere Umweltverbände, sagten, der neue Kai würde eines der letzten "
    "Feuchtgebiete an der Küste zerstören und der Rat habe ihre Einwände ignoriert.",
]
FR_STORY = [
    "Le conseil municipal a voté mardi l'agrandissement du port, un projet qui divise les habitants "
    "depuis plus de dix ans et qui, selon la mairie, doit créer des centaines d'emplois.",
    "Les partisans du projet affirment que le port perd du trafic au profit de ses voisins et que "
    "l'agrandissement est le seul moyen de garder les compagnies maritimes dans la ville.",
    "Les opposants, dont plusieurs associations écologistes, ont déclaré que le nouveau quai détruirait "
    "l'une des dernières zones humides de la côte et que le conseil avait ignoré leurs objections.",
]
ES_STORY = [
    "El ayuntamiento aprobó el martes la ampliación del puerto, un proyecto que divide a los vecinos "
    "desde hace más de una década y que, según el alcalde, creará cientos de empleos.",
    "Los defensores del plan sostienen que el puerto ha perdido tráfico frente a sus vecinos y que la "
    "ampliación es la única manera de mantener a las navieras en la ciudad.",
    "Los opositores, entre ellos varias organizaciones ecologistas, dijeron que el nuevo muelle destruiría "
    "uno de los últimos humedales de la costa y que el ayuntamiento había ignorado sus objeciones.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


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
