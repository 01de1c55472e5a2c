"""The ``metadata_line`` rule: section|date lines, date stamps, bylines and outlet names in the header."""

from __future__ import annotations

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.metadata_line import MetadataLine, host_key, is_outlet_name
from newsclean.rules.shapes import labelled_byline

STORIES = {"en": STORY, "de": DE_STORY, "fr": FR_STORY, "es": ES_STORY}
TITLES = {
    "en": "Council backs harbour expansion",
    "de": "Stadtrat stimmt für Ausbau des Hafens",
    "fr": "Le conseil vote l'agrandissement du port",
    "es": "El ayuntamiento aprueba la ampliación del puerto",
}


def verdicts(text: str, url: str | None = None) -> list[newsclean.Verdict]:
    return list(MetadataLine().apply(segment(text, url=url), Context()))


def removed(article: newsclean.Article) -> list[tuple[str, Kind, str, str]]:
    return [(r.text, r.kind, r.rule, r.reason) for r in article.removed]


# ---- section and date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "section", "published"),
    [
        ("en", "World | 2020-02-28 13:06:00", "World", "2020-02-28T13:06:00"),
        ("de", "Politik | 12.03.2021 14:30", "Politik", "2021-03-12T14:30:00"),
        ("fr", "Monde | 28 février 2020", "Monde", "2020-02-28"),
        ("es", "Internacional · 3 de mayo de 2021", "Internacional", "2021-05-03"),
    ],
)
def test_section_and_date_line(lang: str, line: str, section: str, published: str) -> None:
    text = page(line, TITLES[lang], *STORIES[lang])
    (v,) = verdicts(text)
    assert (v.block, v.action, v.kind, v.rule) == (0, Action.META, Kind.METADATA, "metadata_line")
    assert v.reason == "section and date line"
    assert dict(v.facts) == {"section": section, "published": published}

    article = newsclean.clean(text)
    assert removed(article) == [(line, Kind.METADATA, "metadata_line", "section and date line")]
    assert (article.metadata.section, article.metadata.published) == (section, published)
    assert article.title == TITLES[lang]
    assert article.paragraphs == STORIES[lang]


# ---- date stamps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        ("en", "Nov. 19, 2019", "2019-11-19"),
        ("de", "28. Februar 2020, 13:06 Uhr", "2020-02-28T13:06:00"),
        ("fr", "12 mars 2021", "2021-03-12"),
        ("es", "3 de mayo de 2021", "2021-05-03"),
        ("en", "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
         "2019-11-19T20:59:00"),
        ("fr", "Publié le 12 mars 2021 à 18h42 - Mis à jour le 12 mars 2021 à 19h05",
         "2021-03-12T18:42:00"),
        ("fr", "Publié le 3 décembre 2024 à 17h42, modifié le 3 décembre 2024 à 19h05",
         "2024-12-03T17:42:00"),
        ("es", "Madrid, 3 dic. 2024 10:20", "2024-12-03T10:20:00"),
    ],
)
def test_date_stamp_in_the_header(lang: str, line: str, published: str) -> None:
    text = page(TITLES[lang], line, *STORIES[lang])
    (v,) = verdicts(text)
    assert (v.block, v.kind, v.reason) == (1, Kind.METADATA, "date stamp in the article header")
    assert dict(v.facts) == {"published": published}
    article = newsclean.clean(text, pipeline=newsclean.default_pipeline().without("site_chrome"))
    assert removed(article) == [(line, Kind.METADATA, "metadata_line", "date stamp in the article header")]
    assert article.metadata.published == published
    assert article.paragraphs == STORIES[lang]


def test_header_date_stamp_fills_published_in_the_default_pipeline() -> None:
    article = newsclean.clean(page(TITLES["en"], "Nov. 19, 2019", *STORY))
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        ("Nov. 19, 2019", Kind.METADATA, "metadata_line")
    ]
    assert article.metadata.published == "2019-11-19"


def test_date_stamp_without_a_year_is_removed_but_not_guessed() -> None:
    (v,) = verdicts(page(TITLES["en"], "February 28, 13:06", *STORY))
    assert v.kind is Kind.METADATA
    assert dict(v.facts) == {}


# ---- bylines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line", "authors"),
    [
        ("en", "By Jane Doe", ["Jane Doe"]),
        ("en", "By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("de", "Von Max Muster und Erika Beispiel", ["Max Muster", "Erika Beispiel"]),
        ("fr", "Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("es", "Por María López", ["María López"]),
        ("de", "Von Anna Schmidt, Berlin", ["Anna Schmidt"]),  # the place is not an author
        ("en", "By Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
        ("en", "By Jane Doe | jdoe@example.com | The Harbor Times", ["Jane Doe"]),
        ("de", "Von Max Muster · Redakteur Politik", ["Max Muster"]),
        ("en", "By Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("en", "By Jan de Vries", ["Jan de Vries"]),  # "Jan" is a month name, but no date
    ],
)
def test_byline(lang: str, line: str, authors: list[str]) -> None:
    text = page(TITLES[lang], line, *STORIES[lang])
    (v,) = verdicts(text)
    assert (v.block, v.kind, v.rule, v.reason) == (1, Kind.METADATA, "metadata_line", "byline")
    assert dict(v.facts) == {"authors": authors}
    article = newsclean.clean(text)
    assert removed(article) == [(line, Kind.METADATA, "metadata_line", "byline")]
    assert article.metadata.authors == authors
    assert article.paragraphs == STORIES[lang]


@pytest.mark.parametrize("row", ["Home | News | Sport | Weather", "By the numbers | Sports | Weather"])
def test_a_menu_row_is_no_byline(row: str) -> None:
    assert newsclean.clean(page(TITLES["en"], row, *STORY)).metadata.authors == []


def test_spanish_byline_with_two_authors_is_split() -> None:
    article = newsclean.clean(page(TITLES["es"], "Por María López y Juan Pérez", *ES_STORY))
    assert article.metadata.authors == ["María López", "Juan Pérez"]


# ---- outlet names ------------------------------------------------------------------------------


def test_outlet_name_with_an_outlet_word() -> None:
    text = page("Harbour Daily News", TITLES["en"], *STORY)
    (v,) = verdicts(text)
    assert (v.block, v.kind, v.reason) == (0, Kind.METADATA, "outlet name in the article header")
    assert dict(v.facts) == {"source": "Harbour Daily News"}
    article = newsclean.clean(text)
    assert removed(article) == [
        ("Harbour Daily News", Kind.METADATA, "metadata_line", "outlet name in the article header")
    ]
    assert article.metadata.source == "Harbour Daily News"
    assert article.title == TITLES["en"]


def test_outlet_name_matching_the_host_of_the_url() -> None:
    text = page(TITLES["de"], "Hafenblick", *DE_STORY)
    assert verdicts(text) == []  # one word, no outlet word: not without the url
    url = "https://www.hafenblick.de/politik/hafen"
    (v,) = verdicts(text, url=url)
    assert dict(v.facts) == {"source": "Hafenblick"}
    article = newsclean.clean(text, url=url)
    assert article.metadata.source == "Hafenblick"
    assert article.metadata.url == url
    assert removed(article) == [
        ("Hafenblick", Kind.METADATA, "metadata_line", "outlet name in the article header")
    ]


def test_host_key() -> None:
    assert host_key("https://www.duvarenglish.com/x") == "duvarenglish"
    assert host_key("m.example.co.uk") == "example"
    assert host_key(None) == ""


def test_a_person_is_not_an_outlet() -> None:
    block = segment("Jane Doe").blocks[0]
    assert not is_outlet_name(block, None)
    assert not is_outlet_name(block, "https://www.example.com/")


# ---- hard negatives ----------------------------------------------------------------------------


def test_only_the_header_is_searched() -> None:
    deep = page(*STORY[:3], "By Jane Doe", "March 12, 2021", "Harbour Daily News", STORY[3])
    assert verdicts(deep) == []


@pytest.mark.parametrize(
    "line",
    [
        "'We will not back down,' she said.",
        "A divided town",
        "NATO's secretary-general called on Russia to halt the offensive.",
        "The newsletter, launched in 2019, now reaches 2 million readers.",
    ],
    ids=["one-line-quote", "subhead", "acronym-sentence", "newsletter-story"],
)
def test_body_lines_right_after_the_first_paragraph_stay(line: str) -> None:
    text = page(STORY[0], line, *STORY[1:])
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert article.paragraphs == [STORY[0], line, *STORY[1:]]
    assert article.removed == []


@pytest.mark.parametrize(
    "line",
    ["What's new in version 2.26 (September pack)?", "Ready for March 2021?", "Happy New Year 2021!"],
)
def test_a_question_or_exclamation_with_a_date_is_not_a_date_stamp(line: str) -> None:
    assert verdicts(page(line, *STORY)) == []
    assert verdicts(page(STORY[0], line, *STORY[1:])) == []


def test_clean_body_without_header_gives_no_metadata() -> None:
    article = newsclean.clean(page(*STORY))
    meta = article.metadata
    assert (meta.source, meta.section, meta.published, meta.authors) == (None, None, None, [])


def test_subhead_starting_with_by_is_not_a_byline() -> None:
    article = newsclean.clean(page(STORY[0], "By the numbers", *STORY[1:]))
    assert "By the numbers" in article.paragraphs
    assert article.metadata.authors == []


def test_subhead_with_an_outlet_word_is_not_an_outlet() -> None:
    article = newsclean.clean(page(STORY[0], "Daily Life", *STORY[1:]))
    assert "Daily Life" in article.paragraphs
    assert article.metadata.source is None


@pytest.mark.parametrize(
    "line",
    ["What's new in September?", "Was ist neu im Mai?", "Quoi de neuf en mars ?"],
    ids=["en", "de", "fr"],
)
def test_a_question_naming_a_month_is_not_a_date_stamp(line: str) -> None:
    lang = {"Was": "de", "Quoi": "fr"}.get(line.split()[0], "en")
    text = page(TITLES[lang], line, *STORIES[lang])
    assert [v for v in verdicts(text) if v.reason == "date stamp in the article header"] == []


@pytest.mark.parametrize(
    ("lang", "headline"),
    [("en", "Harbour to grow by 2030"), ("de", "Hafen soll bis 2030 wachsen"),
     ("de", "Hafen 2030: Stadtrat stimmt für den Ausbau"),
     ("fr", "Le port veut doubler son trafic d'ici 2030")],
    ids=["en", "de", "de-colon", "fr"],
)
def test_a_headline_naming_a_year_is_not_a_date_stamp(lang: str, headline: str) -> None:
    text = page(headline, *STORIES[lang])
    assert [v for v in verdicts(text) if v.reason == "date stamp in the article header"] == []
    assert newsclean.clean(text).title == headline


@pytest.mark.parametrize("line", ["2019", "November 2019", "3. Dezember 2026", "Updated 14:32",
                                  "Updated 14:32:05"])
def test_a_year_on_its_own_or_with_a_month_or_time_is_still_a_stamp(line: str) -> None:
    text = page(TITLES["en"], line, *STORY)
    assert [v.reason for v in verdicts(text) if v.block == 1] == ["date stamp in the article header"]


@pytest.mark.parametrize(
    "line",
    ["'http': 'http://10.10.1.10:3128',", "Server 192.168.10.12 at port 8080", "Version 2.10.1.4",
     "Acer Nitro 16 (2023)", "iPhone 15 Pro (2023)", "Mbappé marca 2 goles en 10 minutos"],
    ids=["ip-port", "ip", "version", "product-year", "product-year-2", "es-marca"],
)
def test_an_address_a_version_or_a_name_with_a_year_is_not_a_date_stamp(line: str) -> None:
    """Dotted numbers are not dates; a year beside another number is no day."""
    text = page(TITLES["en"], line, *STORY)
    assert [v for v in verdicts(text) if v.reason == "date stamp in the article header"] == []


@pytest.mark.parametrize(
    ("line", "published"),
    [("11 октября 2018", "2018-10-11"), ("12 de março de 2024", "2024-03-12"),
     ("3 maart 2024", "2024-03-03"), ("5 września 2023", "2023-09-05")],
    ids=["ru", "pt", "nl", "pl"],
)
def test_a_stamp_with_a_month_name_in_more_languages(line: str, published: str) -> None:
    text = page(TITLES["en"], line, *STORY)
    found = [v for v in verdicts(text) if v.block == 1]
    assert [v.reason for v in found] == ["date stamp in the article header"]
    assert found[0].facts == {"published": published}


@pytest.mark.parametrize(
    ("line", "published"),
    [("2026年11月3日 6時00分（11月3日 9時12分更新）", "2026-11-03"),
     ("最終更新：2026年11月3日 14時25分", "2026-11-03"),
     ("2024년 3월 21일 (목) 오후 7:05", "2024-03-21T19:05:00")],
    ids=["ja-updated", "ja-label", "ko"],
)
def test_a_stamp_written_with_the_date_signs_of_chinese_japanese_and_korean(
        line: str, published: str) -> None:
    # the digits touch the signs (年, 月, 日): no word boundary, so the Latin forms never match
    found = [v for v in verdicts(page(TITLES["en"], line, *STORY)) if v.block == 1]
    assert [v.reason for v in found] == ["date stamp in the article header"]
    assert found[0].facts["published"].startswith(published)


@pytest.mark.parametrize("sentence", [
    "11月3日，秋粮收获结束。",  # its full stop
    "11月3日，记者从省农业农村厅获悉，全省秋粮收获基本结束",  # its length: 21 characters of Han
])
def test_a_chinese_sentence_that_names_a_day_is_no_stamp(sentence: str) -> None:
    # a run of Han has no spaces: a clause counts as one "word" however long
    assert [v for v in verdicts(page(TITLES["en"], sentence, *STORY)) if v.block == 1] == []


def test_a_long_line_naming_two_dates_is_no_stamp_unless_every_part_is_one() -> None:
    # two stamps joined by a separator are one metadata line; a sentence with two dates is not
    sentence = "The council met on March 3, 2021 - and again on March 10, 2021 - to vote on the plan"
    assert verdicts(page(sentence, *STORY)) == []
    commas = "The council met on March 3, 2021, voted on March 10, 2021, and will meet again in May"
    assert verdicts(page(commas, *STORY)) == []


# ---- a bare name next to the date --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "name", "date"), [
    ("es", "María López", "Madrid - 21 nov 2026 - 12:30 CET"),
    ("en", "Dan O'Brien", "Nov. 19, 2019"),
    ("de", "Anna Schmidt", "28. Februar 2020, 13:06 Uhr"),
])
def test_a_name_next_to_the_date_is_the_author(lang: str, name: str, date: str) -> None:
    standfirst = "A standfirst line that sums up the story without a full stop at its end"
    text = page(TITLES[lang], standfirst, name, date, *STORIES[lang])
    vs = [v for v in verdicts(text) if v.block == 2]
    assert [(v.reason, dict(v.facts)) for v in vs] == [("author's name next to the date",
                                                       {"authors": [name]})]
    article = newsclean.clean(text)
    assert article.metadata.authors == [name]
    assert article.title == TITLES[lang]  # the name does not stand where the title is looked for


@pytest.mark.parametrize("line", [
    "Europe Politics",  # a row of section names
    "The Guardian",  # an outlet: its article is a stopword
    "Asia's Power Businesswomen",  # a possessive: a label, not a name
    "Associated Press",  # an outlet word
])
def test_a_label_next_to_the_date_is_no_author(line: str) -> None:
    text = page(TITLES["en"], line, "Nov. 19, 2019", *STORY)
    assert newsclean.clean(text).metadata.authors == []


def test_a_name_without_a_date_beside_it_is_no_author() -> None:
    assert newsclean.clean(page(TITLES["en"], "Jane Doe", *STORY)).metadata.authors == []


@pytest.mark.parametrize(("line", "authors"), [
    ("Ein Interview von Rafaela von Bredow und Veronika Hackenbroch",
     ["Rafaela von Bredow", "Veronika Hackenbroch"]),
    ("Interview: Mariam Lau und Robert Pausch", ["Mariam Lau", "Robert Pausch"]),
    ("Text: Anna Schmidt", ["Anna Schmidt"]),
    ("Ein Artikel von Jan Meier", ["Jan Meier"]),
    ("Von: Jan Meier und Lisa Brandt", ["Jan Meier", "Lisa Brandt"]),
])
def test_a_byline_behind_a_label_gives_the_authors(line: str, authors: list[str]) -> None:
    article = newsclean.clean(page(TITLES["de"], line, *DE_STORY))
    assert article.metadata.authors == authors
    assert removed(article) == [(line, Kind.METADATA, "metadata_line", "byline")]
    assert article.paragraphs == DE_STORY


@pytest.mark.parametrize(("line", "names"), [
    ("Szerző: Horváth Réka", "Horváth Réka"),
    ("Autorius: Jonas Petraitis", "Jonas Petraitis"),
    ("Автор: Іван Петренко", "Іван Петренко"),
    ("Piše: Ana Horvat", "Ana Horvat"),
    ("Του: Γιώργου Παπαδόπουλου", "Γιώργου Παπαδόπουλου"),
    ("Author: Jane Doe", "Jane Doe"),
])
def test_the_label_author_in_more_languages(line: str, names: str) -> None:
    assert labelled_byline(line) == names


def test_an_author_label_gives_the_authors_of_an_english_page() -> None:
    article = newsclean.clean(page(TITLES["en"], "Author: Jane Doe", *STORY))
    assert article.metadata.authors == ["Jane Doe"]
    assert article.paragraphs == STORY


@pytest.mark.parametrize("line", ["Interview: Warum der Hafen wächst", "Text: Der Rat hat entschieden",
                                  "Szerző: a szerkesztőség"])
def test_a_label_before_a_headline_is_no_byline(line: str) -> None:
    assert newsclean.clean(page(TITLES["de"], line, *DE_STORY)).metadata.authors == []


@pytest.mark.parametrize(("line", "authors", "published"), [
    ("By Amy Chen | Oct. 2, 2024", ["Amy Chen"], "2024-10-02"),
    ("By Amy Chen | October 2, 2024 at 9:00 am", ["Amy Chen"], "2024-10-02T09:00:00"),
    ("Posted by Amy Chen on October 2, 2024", ["Amy Chen"], "2024-10-02"),
])
def test_a_byline_row_with_its_date_gives_authors_and_date_not_a_section(
        line: str, authors: list[str], published: str) -> None:
    article = newsclean.clean(page(TITLES["en"], line, *STORY))
    meta = article.metadata
    assert (meta.authors, meta.published, meta.section) == (authors, published, None)
    assert article.paragraphs == STORY


@pytest.mark.parametrize(("line", "authors"), [
    ("By Tom Becker, Staff Writer", ["Tom Becker"]),
    ("By Emma Hart, BBC News", ["Emma Hart"]),
    ("By Jane Doe and Mark Post", ["Jane Doe", "Mark Post"]),
])
def test_a_role_or_outlet_after_a_comma_is_no_author(line: str, authors: list[str]) -> None:
    assert newsclean.clean(page(TITLES["en"], line, *STORY)).metadata.authors == authors


KO_TITLE = "통영 앞바다 고수온 한 달째, 멍게 양식장 비상"
KO_STORY = [
    "경남 통영 앞바다의 수온이 한 달째 28도를 웃돌면서 멍게 양식장의 피해가 빠르게 늘고 있다.",
    "통영시는 지난주까지 접수된 피해 신고가 120건을 넘었다고 밝혔다. 어민들은 올해 생산량이 "
    "절반 가까이 줄어들 것으로 보고 있다.",
    "시는 피해 어가에 긴급 경영자금을 지원하고, 수온이 내려가는 다음 달부터 어장 정비를 돕기로 했다.",
]


@pytest.mark.parametrize(("line", "authors"), [
    ("김서연 기자", ["김서연"]),
    ("기자명 이준혁 기자", ["이준혁"]),
    ("정다은·최민호 기자", ["정다은", "최민호"]),
    ("글 윤하늘 기자·사진 문재혁 기자", ["윤하늘"]),  # the photographer is no author
    ("한지민 기자 hanjm@example.co.kr", ["한지민"]),
    ("김도윤 특파원", ["김도윤"]),
])
def test_a_korean_byline_gives_the_names_before_the_word_for_reporter(
        line: str, authors: list[str]) -> None:
    article = newsclean.clean(page(KO_TITLE, line, *KO_STORY))
    assert article.metadata.authors == authors
    assert removed(article) == [(line, Kind.METADATA, "metadata_line", "byline")]
    assert article.paragraphs == KO_STORY


@pytest.mark.parametrize("line", ["어민들은 기자회견을 열었다.", "이 기자는 현장을 다시 찾았다."])
def test_a_korean_sentence_naming_a_reporter_is_no_byline(line: str) -> None:
    """Right after the first paragraph (a place the rule searches), a sentence with the word for
    reporter in it stays in the story."""
    article = newsclean.clean(page(KO_TITLE, KO_STORY[0], line, *KO_STORY[1:]))
    assert article.metadata.authors == []
    assert line in article.paragraphs
