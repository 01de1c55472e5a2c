"""The ``ticker`` rule: headlines run together on one line, and the label that announces them."""

from __future__ import annotations

from pathlib import Path

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.ticker import Ticker, is_ticker_label

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


EN_TICKER = ("Strike halts trains across the country      Prime minister flies to Paris for talks      "
             "Storm warning for the north coast      United beat City in the derby")
DE_TICKER = ("Bahnstreik legt Fernverkehr lahm   Kanzler reist nach Paris   "
             "Bundesliga: Bayern verliert in Mainz   Wetter: Sturm über Norddeutschland")
FR_TICKER = ("La grève paralyse les trains | Le président en visite à Berlin | "
             "Tempête sur la Bretagne | Le PSG s'impose à Lyon")
ES_TICKER = ("Huelga de transporte en Madrid • El Gobierno aprueba los presupuestos • "
             "Temporal en Galicia • El Real Madrid gana en Sevilla")
PLUS_TICKER = ("Strike halts trains across the country +++ Prime minister flies to Paris +++ "
               "Storm warning for the north coast +++ United beat City in derby")


def verdicts(text: str, **options: object) -> list[newsclean.Verdict]:
    return list(Ticker(**options).apply(segment(text), Context()))


def test_rule_alone_drops_the_ticker_line_and_its_label() -> None:
    vs = verdicts(page(*STORY, "Latest News", EN_TICKER))
    assert [(v.block, v.action, v.kind, v.rule, v.reason) for v in vs] == [
        (5, Action.DROP, Kind.TICKER, "ticker", "several headlines run together on one line"),
        (4, Action.DROP, Kind.TICKER, "ticker", "label of a news ticker"),
    ]


@pytest.mark.parametrize(
    ("story", "label", "ticker"),
    [
        (STORY, "Latest News", EN_TICKER),
        (STORY, None, PLUS_TICKER),
        (DE_STORY, "+++ Eilmeldung +++", DE_TICKER),
        (FR_STORY, "Dernière minute", FR_TICKER),
        (ES_STORY, "Última hora", ES_TICKER),
    ],
    ids=["en-spaces", "en-plus-separators", "de-spaces", "fr-pipes", "es-bullets"],
)
def test_ticker_after_the_story_is_removed(story: list[str], label: str | None, ticker: str) -> None:
    tail = [label, ticker] if label else [ticker]
    article = newsclean.clean(page(*story, *tail))
    assert article.paragraphs == story
    lines = [(r.text, r.kind, r.rule, r.reason) for r in article.removed if r.text == ticker]
    assert lines == [(ticker, Kind.TICKER, "ticker", "several headlines run together on one line")]
    assert len(article.removed) == len(tail)


@pytest.mark.parametrize(
    ("story", "label", "ticker"),
    [
        (STORY, "Latest News", EN_TICKER),
        (DE_STORY, "+++ Eilmeldung +++", DE_TICKER),
        (FR_STORY, "Dernière minute", FR_TICKER),
        (ES_STORY, "Última hora", ES_TICKER),
    ],
    ids=["en", "de", "fr", "es"],
)
def test_label_next_to_a_ticker_is_kind_ticker(story: list[str], label: str, ticker: str) -> None:
    article = newsclean.clean(page(*story, label, ticker))
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed if r.text == label] == [
        (label, Kind.TICKER, "ticker", "label of a news ticker")
    ]


def test_ticker_with_label_above_the_story() -> None:
    article = newsclean.clean("Breaking\n" + ES_TICKER + "\n\n" + page(*ES_STORY))
    assert article.paragraphs == ES_STORY
    assert {(r.text, r.kind, r.rule) for r in article.removed} >= {(ES_TICKER, Kind.TICKER, "ticker")}
    assert "Breaking" in {r.text for r in article.removed}


def test_ticker_of_seed_001_keeps_its_raw_spacing_in_removed() -> None:
    text = (SEEDS / "001.txt").read_text(encoding="utf-8")
    article = newsclean.clean(text)
    tickers = [r for r in article.removed if r.kind is Kind.TICKER]
    assert [(r.rule, r.reason) for r in tickers] == [
        ("ticker", "label of a news ticker"), ("ticker", "several headlines run together on one line")]
    assert tickers[0].text == "X :Latest News"
    # the raw span (NBSP runs kept), not the whitespace-normalised block text
    assert tickers[1].text == text[tickers[1].start:tickers[1].end].strip()
    assert tickers[1].text != " ".join(tickers[1].text.split())


@pytest.mark.parametrize(
    "label",
    ["Latest News", "X :Latest News", "BREAKING:", "+++ Eilmeldung +++", "Dernière minute", "Última hora"],
)
def test_ticker_labels(label: str) -> None:
    assert is_ticker_label(label)


@pytest.mark.parametrize("line", ["The latest news from the harbour is not good, the mayor said.",
                                  "Breaking the deadlock took the council ten years"])
def test_sentences_with_label_words_are_not_labels(line: str) -> None:
    assert not is_ticker_label(line)


def test_min_pieces_option() -> None:
    assert verdicts(page(*STORY, EN_TICKER), min_pieces=5) == []
    assert len(verdicts(page(*STORY, EN_TICKER), min_pieces=4)) == 1


# ---- hard negatives ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # prose with two spaces after full stops
        "He left the meeting early.  She stayed until the end.  They argued about the harbour for hours "
        "and the vote was postponed to next week.",
        # wide spacing, but every piece is a sentence
        "He left.   She stayed.   They argued about the harbour for hours.",
        # a table row of one-word cells
        "Party   Seats   Votes   Share   Change",
        # a numeric table row
        "Christian Democrats   197   24.1%   -49",
        # a sentence with a single pipe
        "The vote | as the clerk recorded it | was twelve to three in favour of the expansion.",
        # a one-line quote
        "'We will not back down,' she said.",
        # a hyphen used as a dash
        "Turkey's invasion - along with the criticism - has come close to sparking a crisis.",
    ],
    ids=["two-spaces", "three-spaces-sentences", "table-row", "numeric-table-row", "pipe-sentence",
         "quote", "dash"],
)
def test_lines_that_are_not_tickers(line: str) -> None:
    text = page(*STORY[:2], line, *STORY[2:])
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert not [r for r in article.removed if r.kind is Kind.TICKER]


def test_run_of_short_quotes_is_not_a_ticker() -> None:
    quotes = ['"It is a disaster," said one fisherman.', '"We have waited long enough," said another.',
              '"This is good news for the town," the mayor said.']
    text = page(*STORY[:2], *quotes, *STORY[2:])
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == [*STORY[:2], *quotes, *STORY[2:]]


def test_a_label_without_a_ticker_next_to_it_is_not_dropped_by_this_rule() -> None:
    assert verdicts(page(*STORY[:2], "Latest News", *STORY[2:])) == []


def test_a_byline_and_date_row_is_not_a_ticker() -> None:
    row = "By Sarah Lee • Published July 15, 2024 • Updated on July 16, 2024 at 9:00 am"
    article = newsclean.clean(page("Council backs harbour expansion", row, *STORY))
    assert [r.rule for r in article.removed] == ["metadata_line"]
    assert (article.metadata.authors, article.metadata.published) == (["Sarah Lee"], "2024-07-15")


def test_headlines_naming_years_run_together_are_still_a_ticker() -> None:
    line = ("WM 2026: Deutschland im Viertelfinale +++ Budget 2027 beschlossen +++ Wahl 2025: Merz vorn "
            "+++ Olympia 2024 in Paris")
    article = newsclean.clean(page(*STORY[:2], line, *STORY[2:]))
    assert [(r.text, r.rule) for r in article.removed] == [(line, "ticker")]


# ---- every common separator, with or without a label on the same line (issue #20) ----------------

HEADS = ["Strike halts trains across the country", "Prime minister flies to Paris for talks",
         "Storm warning for the north coast", "¿Llega una nueva ola de gripe?"]


@pytest.mark.parametrize("sep", [" • ", " | ", " · ", " — ", " / ", " +++ "])
@pytest.mark.parametrize("label", ["", "BREAKING: ", "+++ Eilmeldung +++ ", "Dernière minute : "])
def test_ticker_strip_at_the_top_in_every_separator(sep: str, label: str) -> None:
    strip = label + sep.join(HEADS)
    article = newsclean.clean_text(page(strip, *STORY))
    assert article.paragraphs == STORY
    assert [(r.text, r.rule) for r in article.removed] == [(strip, "ticker")]


@pytest.mark.parametrize("line", [
    "Hiking pants ( Men’s / Women’s ) & shorts ( Men’s / Women’s ) for the long trail",
    "Best overall / ANC earbuds - Soundcore P31i / R60i NC",
    "Tronsmart Spunky Beat / Mpow M7 / Tranya T3 / UiiSii TWS60 - There are better ones now",
    "The council — which met on Tuesday — voted to expand the harbour — again",
    "Architecture in the Age of AI / Change and Opportunity / a talk in three parts",
])
def test_slashes_and_dashes_inside_names_and_sentences_are_no_ticker(line: str) -> None:
    assert not Ticker().is_ticker(segment(line).blocks[0])


@pytest.mark.parametrize("line", [
    "++ Wetter: Schwüle Hitze, abends Gewitter ++ Verkehr: Stau auf der A8 bei Stuttgart ++ "
    "Sport: VfB holt Stürmer aus Leipzig ++",
    "Scores | AFL: Blues hold off Magpies by four points | Cricket: Australia lose three wickets "
    "before lunch | Tennis: Top seed knocked out in the first round",
])
def test_headlines_that_name_their_topic_before_a_colon_are_a_ticker(line: str) -> None:
    # every piece has the shape of "Key: value", but the values are whole headlines, or the strip
    # is set with pluses: no row of specifications
    assert Ticker().is_ticker(segment(line).blocks[0])


@pytest.mark.parametrize("line", [
    "CPU: Intel Core Ultra X7 358H | RAM: 32GB LPDDR5x-8533 | Storage: 1TB PCIe 4.0 SSD | Screen: 14 inches",
    "Capacity: 27 ounces | Dimensions: 11.8 x 6.3 x 8.3 inches | Temperature Range: 170–212 degrees",
    "3. ColdChain Agency | Year Founded: 2022 | Specialty: Technical SEO and developer-focused work",
])
def test_a_row_of_specifications_is_no_ticker(line: str) -> None:
    assert not Ticker().is_ticker(segment(line).blocks[0])


def test_headlines_with_a_colon_in_some_are_still_a_ticker() -> None:
    line = ("Bundesliga: Bayern verliert in Mainz | Kanzler reist zu Gesprächen nach Paris | "
            "Sturmwarnung für die gesamte Nordseeküste")
    assert Ticker().is_ticker(segment(line).blocks[0])


@pytest.mark.parametrize("line", [
    # Japanese and Chinese strips: the full-width bar, spaced or not, pieces without a capital
    "【速報】JR在来線 午後の運転見合わせ拡大｜みなと自動車道 一部区間で通行止め｜県内の避難所 132カ所開設｜"
    "県立高校 218校が臨時休校",
    "滚动新闻：南江今冬首轮寒潮将至 最低气温降至2℃ ｜ 市一医院新院区下月启用 ｜ 地铁5号线南延段全线贯通 ｜ "
    "第十届南江读书节开幕",
], ids=["ja-unspaced", "zh-spaced"])
def test_a_ticker_written_with_the_full_width_bar(line: str) -> None:
    assert Ticker().is_ticker(segment(line).blocks[0])


@pytest.mark.parametrize("line", [
    "会社案内｜お問い合わせ｜採用情報｜プライバシーポリシー",  # a footer menu: pieces of a word or two
    "今日は晴れて暖かい一日でした。｜明日は雨が降るでしょう。｜あさっては雪になります。",  # sentences
    "台風の影響で運休した列車｜のほか、多くの便が欠航しました。",  # one bar inside a sentence
], ids=["footer-menu", "sentences", "one-bar"])
def test_full_width_bars_that_part_no_headlines_are_no_ticker(line: str) -> None:
    assert not Ticker().is_ticker(segment(line).blocks[0])


@pytest.mark.parametrize("line", [
    "عاجل | البنك المركزي يثبت أسعار الفائدة دون تغيير • افتتاح معرض الكتاب الدولي غدا • "
    "ارتفاع درجات الحرارة في القاهرة",
    "दिल्ली-NCR में तेज आंधी, कई उड़ानें डायवर्ट • सेंसेक्स 412 अंक चढ़ा • मुंबई में लोकल सेवाएं बहाल",
], ids=["ar", "hi"])
def test_a_ticker_in_a_script_without_capitals(line: str) -> None:
    assert Ticker().is_ticker(segment(line).blocks[0])
