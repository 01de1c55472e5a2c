"""Properties every cleaning run must have, whatever the input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from stories import STORY, page

import newsclean
from newsclean.ingest.repair import repair_line

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_IDS = [p.stem for p in sorted(SEEDS.glob("*.txt"))]

LANG_STORIES = {
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, den Hafen auszubauen, ein Projekt, das die Bewohner "
        "seit mehr als zehn Jahren spaltet und das nach Angaben der Stadt Hunderte Arbeitsplätze schafft.",
        "Die Befürworter des Plans argumentieren, dass der Hafen seit Jahren Verkehr an die Nachbarn "
        "verliert und dass der Ausbau der einzige Weg ist, die Reedereien in der Stadt zu halten.",
        "Gegner, darunter mehrere Umweltverbände, sagten, der neue Kai würde eines der letzten "
        "Feuchtgebiete an der Küste zerstören und der Rat habe ihre Einwände ignoriert.",
    ],
    "fr": [
        "Le conseil municipal a voté mardi l'agrandissement du port, un projet qui divise les habitants "
        "depuis plus de dix ans et qui, selon la mairie, doit créer des centaines d'emplois.",
        "Les partisans du projet affirment que le port perd du trafic au profit de ses voisins et que "
        "l'agrandissement est le seul moyen de garder les compagnies maritimes dans la ville.",
        "Les opposants, dont plusieurs associations écologistes, ont déclaré que le nouveau quai "
        "détruirait l'une des dernières zones humides de la côte et que le conseil avait ignoré leurs "
        "objections.",
        "Le maire a déclaré que les travaux commenceraient au printemps prochain et dureraient environ "
        "quatre ans, les premiers navires devant accoster avant la fin de la décennie.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes la ampliación del puerto, un proyecto que divide a los vecinos "
        "desde hace más de una década y que, según el alcalde, creará cientos de empleos.",
        "Los defensores del plan sostienen que el puerto ha perdido tráfico frente a sus vecinos y que la "
        "ampliación es la única manera de mantener a las navieras en la ciudad.",
        "Los opositores, entre ellos varias organizaciones ecologistas, dijeron que el nuevo muelle "
        "destruiría uno de los últimos humedales de la costa y que el ayuntamiento había ignorado sus "
        "objeciones.",
    ],
}


def seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def squash(text: str) -> str:
    return " ".join(text.split())


def repaired(text: str) -> str:
    """The input as the documented repair leaves it: each line repaired, whitespace collapsed."""
    return squash(" ".join(repair_line(line) for line in text.splitlines()))


SYNTHETIC = {
    "mojibake": page("Le café était fermé pendant l’été, a déclaré le propriétaire du restaurant, "
                     "qui espère rouvrir au printemps.".encode().decode("cp1252"), *STORY),
    "nbsp": page("Council\u00a0backs harbour\u00a0expansion",
                 *[p.replace(" the ", " the\u00a0") for p in STORY]),
    "wrapped": textwrap.fill(" ".join(STORY[:2]).replace(". ", "; "), 72) + "\n\n" + page(*STORY[2:]),
    "prefix": page("Alwaght-  " + STORY[0], *STORY[1:]),
}


@pytest.mark.parametrize("name", SEED_IDS + sorted(SYNTHETIC))
def test_output_is_made_of_the_input(name: str) -> None:
    text = SYNTHETIC[name] if name in SYNTHETIC else seed(name)
    article = newsclean.clean(text)
    source = repaired(text)
    assert article.paragraphs
    for p in article.paragraphs:
        assert squash(p) in source
    for field in (article.title, article.subtitle):
        if field is not None:
            assert squash(field) in source


@pytest.mark.parametrize("name", SEED_IDS)
def test_clean_is_deterministic(name: str) -> None:
    text = seed(name)
    first = newsclean.clean(text).to_dict()
    second = newsclean.clean(text, pipeline=newsclean.default_pipeline()).to_dict()
    third = newsclean.clean(text.encode("utf-8")).to_dict()
    assert first == second == third


@pytest.mark.parametrize("name", SEED_IDS)
def test_cleaning_the_body_again_removes_nothing(name: str) -> None:
    article = newsclean.clean(seed(name))
    again = newsclean.clean(article.body)
    assert again.paragraphs == article.paragraphs
    assert again.removed == []
    assert again.title is None and again.subtitle is None  # nothing in the body is promoted


@pytest.mark.parametrize("name", SEED_IDS)
def test_cleaning_title_and_body_again_keeps_title_and_body(name: str) -> None:
    article = newsclean.clean(seed(name))
    again = newsclean.clean(page(article.title, article.body) if article.title else article.body)
    assert again.paragraphs == article.paragraphs
    assert again.title == article.title


@pytest.mark.parametrize("data", ["", b"", "   \n\t \n", b" \r\n ", bytearray(b""), "\u00a0\u200b"],
                         ids=["str", "bytes", "whitespace", "bytes-whitespace", "bytearray", "invisible"])
def test_empty_input_gives_an_empty_body_and_a_warning(data: str | bytes) -> None:
    article = newsclean.clean(data)
    assert article.body == ""
    assert article.paragraphs == []
    assert article.title is None
    assert article.removed == []
    assert any("empty" in w for w in article.warnings)


@pytest.mark.parametrize("data", [None, 1, 1.5, ["text"], {"text": "x"}],
                         ids=["None", "int", "float", "list", "dict"])
@pytest.mark.parametrize("func", [newsclean.clean, newsclean.clean_text, newsclean.clean_html,
                                  newsclean.trace], ids=["clean", "clean_text", "clean_html", "trace"])
def test_wrong_types_raise_type_error(func: object, data: object) -> None:
    with pytest.raises(TypeError, match=r"expects str or bytes") as info:
        func(data)  # type: ignore[operator]
    assert type(data).__name__ in str(info.value)


_DECODE_CASES = [
    ("en", page(*STORY)),
    ("de", page(*LANG_STORIES["de"])),
    ("fr", page(*LANG_STORIES["fr"])),
    ("es", page(*LANG_STORIES["es"])),
    ("fr-sentence", "Le café était fermé pendant l’été, a déclaré le propriétaire du restaurant."),
    ("de-sentence", "Der Bürgermeister sagte, die Arbeiten würden im nächsten Frühjahr beginnen."),
    ("de-short", "Ölpreis steigt über 100 Dollar – Börse nervös"),
]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [pytest.param(text, enc, id=f"{enc}-{name}")
     for enc in ("utf-8", "cp1252") for name, text in _DECODE_CASES],
)
def test_bytes_are_decoded(text: str, encoding: str) -> None:
    expected = newsclean.clean(text).paragraphs
    assert expected  # the text itself is body
    assert newsclean.clean(text.encode(encoding)).paragraphs == expected


def test_mojibake_is_repaired_and_curly_quotes_are_kept() -> None:
    sentence = "Le café était fermé pendant l’été, a déclaré le propriétaire du restaurant."
    quote = "“We will not back down,” she said, ‘not this time’."
    article = newsclean.clean(page(sentence.encode().decode("cp1252"), "Ã©tÃ© 2020 " + quote, *STORY))
    assert article.paragraphs[:2] == [sentence, "été 2020 " + quote]


def test_nbsp_is_normalised() -> None:
    article = newsclean.clean(page(*[p.replace(" ", "\u00a0", 5) for p in STORY]))
    assert article.paragraphs == STORY
    assert not any("\u00a0" in p for p in article.paragraphs)


def test_hard_wrapped_paragraph_is_one_paragraph_and_a_list_is_not_joined() -> None:
    paragraph = " ".join(STORY[:3]).replace(". ", "; ")
    items = ["The plan includes:", "- a new quay for container ships", "- a wider channel for the harbour",
             "- a rail link to the port"]
    text = textwrap.fill(paragraph, 72) + "\n\n" + "\n".join(items) + "\n\n" + STORY[3]
    assert newsclean.clean(text).paragraphs == [paragraph, *items, STORY[3]]
