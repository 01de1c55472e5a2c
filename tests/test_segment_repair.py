"""Ingest: line repair (mojibake, whitespace) and segmentation into blocks, with hard-wrap joining."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.ingest.repair import (
    LineRepairer,
    fix_mojibake,
    may_have_mojibake,
    normalize_space,
    repair_line,
)
from newsclean.ingest.segment import segment
from newsclean.rules.shapes import is_heading_like

PARAGRAPH = (
    "The city council voted on Tuesday to expand the harbour, a project that has divided residents for "
    "more than a decade and that officials say will create hundreds of jobs; supporters of the plan argue "
    "that the port has been losing traffic to its neighbours for years and that the expansion is the only "
    "way to keep the shipping companies in town, while opponents, including several environmental groups, "
    "said the new quay would destroy one of the last wetlands on the coast."
)
SECOND = (
    "The mayor said the work would begin next spring and would take about four years, with the first "
    "ships expected to dock at the new terminal before the end of the decade, and that a final decision "
    "on the financing of the project is expected in the autumn, when the regional government presents "
    "its budget for the coming year to parliament."
)


# ---- repair ------------------------------------------------------------------------------------

_TRICKY = st.sampled_from(["\u00a0", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x85", "\u2028", "\u3000",
                           "\u200b", "\u00ad", "\ufeff", "\x00", "\x07", "\x7f", "Ã©", "Â\xad",
                           "â€™", "  ", " ", "é", "word"])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.one_of(_TRICKY, st.text(max_size=6)), max_size=12),
       st.lists(st.one_of(_TRICKY, st.text(max_size=6)), max_size=12))
def test_the_per_text_repairer_gives_what_repair_line_gives(line: list[str], rest: list[str]) -> None:
    """The fast path (whole-text checks, split/join) equals the per-line repair on every line,
    whatever the rest of the text holds (a mojibake fix that brings in a soft hyphen included)."""
    one = "".join(line).replace("\n", " ")
    text = one + "\n" + "".join(rest)
    assert LineRepairer(text)(one) == repair_line(one)
    assert LineRepairer(one)(one) == repair_line(one)


def test_a_very_long_line_takes_the_regex_path_with_the_same_result() -> None:
    line = ("word\u00a0\u00a0" * 30_000) + "end"
    assert LineRepairer(line)(line) == repair_line(line) == ("word " * 30_000) + "end"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Ã©tÃ©", "été"),
        ("cafÃ© con leche", "café con leche"),
        ("StraÃŸe in MÃ¼nchen", "Straße in München"),
        # a real sentence: UTF-8 bytes read as cp1252
        ("Le café était fermé pendant l’été, a déclaré le propriétaire.".encode().decode("cp1252"),
         "Le café était fermé pendant l’été, a déclaré le propriétaire."),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert may_have_mojibake(broken)
    assert repair_line(broken) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "“Like this,” she said, ‘and this’ — «et ça».",
        "SÃO PAULO — A prefeitura anunciou o plano na terça-feira.",
        "Ça va? Très bien, naïve façade, Øresund, İstanbul.",
        "ﬁne ligatures and ｆｕｌｌ width stay",
    ],
)
def test_correct_text_is_left_alone(text: str) -> None:
    assert repair_line(text) == text


def test_precheck_skips_clean_text() -> None:
    text = "Plain text with “curly quotes” and accents: déjà vu."
    assert not may_have_mojibake(text)
    assert fix_mojibake(text) is text


def test_whitespace_is_normalised() -> None:
    assert normalize_space("  a\u00a0b \u2009 c\t\td\u200be\u00adf\x07g  ") == "a b c d\u200be\u00adfg"


@pytest.mark.parametrize("word", ["می\u200cخواهم", "Not\u00adfall\u00addaten", "🏳️\u200d🌈", "a\u200bb",
                                  "x\u2060y", "in\ufeffside"])
def test_invisible_characters_inside_a_line_are_kept(word: str) -> None:
    """A zero-width non-joiner is part of a Persian word, a joiner of an emoji, a soft hyphen of a
    German compound: the output keeps the input's words as they are."""
    line = f"Before {word} after"
    assert repair_line(line) == line
    assert LineRepairer(line)(line) == line


def test_invisible_characters_at_a_line_edge_go_and_a_line_of_them_is_blank() -> None:
    assert repair_line("\ufeff\u200b Title \u00ad") == "Title"
    assert repair_line("\u200b \u200c\u2060") == ""
    assert [b.text for b in segment("\ufeffFirst line\n\u200b\nSecond line\u200b").blocks] == [
        "First line", "Second line"]
    assert repair_line("Price:\u00a0100\u00a0euros   today") == "Price: 100 euros today"


# ---- segmentation ------------------------------------------------------------------------------


def test_blocks_index_the_source() -> None:
    text = "Title line\r\n\r\n  First paragraph\u00a0here.  \nSecond line\n\n\nLast"
    doc = segment(text)
    assert [b.text for b in doc.blocks] == ["Title line", "First paragraph here.", "Second line", "Last"]
    assert [b.index for b in doc.blocks] == [0, 1, 2, 3]
    for b in doc.blocks:
        assert text[b.start:b.end] == b.raw
    assert doc.blocks[1].raw == "  First paragraph\u00a0here.  "  # raw keeps what repair changed
    assert [b.blank_before for b in doc.blocks] == [True, True, False, True]
    assert [b.blank_after for b in doc.blocks] == [True, False, True, True]


def test_empty_and_blank_text_give_no_blocks() -> None:
    assert segment("").blocks == []
    assert segment(" \n\t\n\u00a0\n").blocks == []


def test_block_features() -> None:
    (b,) = segment("“We will not back down,” she said.").blocks
    assert b.n_words == 7
    assert b.ends_sentence
    (h,) = segment("Council Backs Harbour Expansion").blocks
    assert not h.ends_sentence
    assert h.capitalized_ratio == 1.0


@pytest.mark.parametrize(("text", "ends"), [
    ("下一站，想去徽杭古道。有一起的吗？😄", True),  # an emoji after the question mark
    ("Happy holidays to all our readers! 🎄✨", True),
    ("理由很简单：", True),  # the full-width colon, as ":" does
    ("「ママ、たねがにげる！」", True),  # a Japanese quote closed after its full stop
    ("Follow us on Instagram 📷", False),  # an emoji is no full stop
    ("ずっと計画していたミニトマトの種まきをしました🍅", False),
    ("모종이 한동안 크질 않고 멈춰버렸거든요 ㅠㅠ", True),  # a Korean verb ending, then tears
    ("그래서 올해는 4월 넷째 주까지 기다렸다~", True),
    ("방울토마토 모종 심기", False),  # a Korean headline ends in a noun
])
def test_symbols_after_the_full_stop_do_not_hide_it(text: str, ends: bool) -> None:
    (b,) = segment(text).blocks
    assert b.ends_sentence is ends


def test_content_words_of_chinese_japanese_and_korean_can_recur() -> None:
    # A \w+ token of Chinese or Japanese is a clause and a Korean word carries its particle: as
    # tokens, no line shares a word with another. Bigrams and stems do.
    doc = segment("新型スマホを発表した\n\n방울토마토는 모종을 심었다\n\nThe harbour plan")
    ja, ko, en = doc.content_words
    assert ja == ["新型", "型ス", "スマ", "マホ", "発表"]
    assert ko == ["방울", "모종", "심었"]
    assert en == ["harbour", "plan"]


def test_units_count_chinese_and_japanese_characters_as_words() -> None:
    # "\w+" makes one token of a clause written without spaces; shape rules read n_units
    (en,) = segment("Council Backs Harbour Expansion").blocks
    assert en.n_units == en.n_words == 4
    (ja,) = segment("高岡の路面電車、駅南へ延伸").blocks  # 12 Han and kana, 2 tokens
    assert ja.n_words == 2
    assert ja.n_units == pytest.approx(12 / 2.5)
    (mixed,) = segment("Speccyのportable版").blocks  # two Latin words and two characters
    assert mixed.n_units == pytest.approx(2 + 2 / 2.5)
    (ko,) = segment("공주시 청년 창업공간").blocks  # Korean is written with spaces
    assert ko.n_units == ko.n_words == 3
    (th,) = segment("ครม. อนุมัติงบกลาง 1,248 ล้านบาท").blocks  # Thai: a space ends a phrase
    assert th.n_words == 5  # three phrases and two numbers
    assert th.n_units == pytest.approx(2 + 23 / 4.0)  # 23 Thai characters, four a word


@pytest.mark.parametrize("text", [
    "Der Verband fordert einen Zeitplan. „Wir brauchen Planungssicherheit.“",
    "Der Verband fordert einen Zeitplan. »Wir brauchen Planungssicherheit.«",
    "Le syndicat a prévenu : « Nous ne céderons pas. »",
], ids=["de-low-high", "de-guillemets", "fr"])
def test_a_quote_closed_the_german_or_french_way_ends_a_sentence(text: str) -> None:
    (b,) = segment(text).blocks
    assert b.ends_sentence
    assert b.n_sentences == 2 or text.startswith("Le")


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    wrapped = textwrap.fill(PARAGRAPH, 72)
    assert wrapped.count("\n") >= 5
    doc = segment(wrapped)
    assert [b.text for b in doc.blocks] == [PARAGRAPH]
    assert doc.blocks[0].lines == wrapped.count("\n") + 1
    assert wrapped[doc.blocks[0].start:doc.blocks[0].end] == wrapped


def test_hard_wrapped_paragraphs_separated_by_a_blank_line() -> None:
    text = textwrap.fill(PARAGRAPH, 72) + "\n\n" + textwrap.fill(SECOND, 72)
    assert [b.text for b in segment(text).blocks] == [PARAGRAPH, SECOND]
    assert newsclean.clean(text).paragraphs == [PARAGRAPH, SECOND]


def test_join_wrapped_can_be_switched_off() -> None:
    wrapped = textwrap.fill(PARAGRAPH, 72)
    assert len(segment(wrapped, join_wrapped=False).blocks) == wrapped.count("\n") + 1
    t = newsclean.trace(wrapped, join_wrapped=False)
    assert [b.text for b in t.document.blocks] == wrapped.split("\n")


def test_lower_case_continuation_is_joined_without_a_wrap_width() -> None:
    text = ("The council voted on Tuesday to expand the harbour after a decade of\n"
            "debate among residents, officials and the shipping companies.")
    assert [b.text for b in segment(text).blocks] == [text.replace("\n", " ")]


@pytest.mark.parametrize("byline", ["di Giulia Bianchi", "par Jean Dupont", "by Jane Doe",
                                    "di Giulia Bianchi e Marco Imarisio", "door Jan de Vries",
                                    "por Luis García y Ana Pérez"])
def test_a_lower_case_byline_is_its_own_line(byline: str) -> None:
    # "di Giulia Bianchi" starts in lower case, but it is a byline, not the end of the standfirst
    standfirst = "Il proprietario: «Costi insostenibili». Il Comune valuta un intervento"
    assert [b.text for b in segment(f"{standfirst}\n{byline}").blocks] == [standfirst, byline]
    wrapped = "The council said that the old harbour of the city was still\nby far the busiest in the region."
    assert len(segment(wrapped).blocks) == 1


@pytest.mark.parametrize("stamp", ["vor 2 Std.", "hace 35 min", "il y a 3 h", "2 hours ago"])
def test_a_relative_time_under_a_headline_is_its_own_line(stamp: str) -> None:
    # "vor 2 Std." starts in lower case, but it stamps the headline above, ending nothing
    headline = "Ministerpräsidenten vertagen Entscheidung zum Rundfunkbeitrag"
    assert [b.text for b in segment(f"{headline}\n{stamp}").blocks] == [headline, stamp]


def test_a_relative_time_ending_a_hard_wrapped_paragraph_continues_it() -> None:
    text = textwrap.fill(PARAGRAPH + " The harbour was first expanded", 72) + "\nvor 20 Jahren."
    assert len(segment(text).blocks) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Shopping list:\n- milk\n- eggs\n- bread\n- butter",
        "Apples\nOranges\nPears\nBananas\nPlums",
        "The plan includes:\n- a new quay for container ships\n- a wider channel for the harbour\n"
        "- a rail link to the port",
    ],
    ids=["dash-list", "short-lines", "bulleted-story-list"],
)
def test_list_of_short_lines_is_not_joined(text: str) -> None:
    assert [b.text for b in segment(text).blocks] == text.split("\n")


def test_long_lines_ending_sentences_are_not_joined() -> None:
    lines = ["The council voted on Tuesday to expand the harbour after a long debate.",
             "Supporters of the plan say the port has been losing traffic for years.",
             "Opponents said the new quay would destroy one of the last wetlands."]
    assert [b.text for b in segment("\n".join(lines)).blocks] == lines


def test_wrapped_line_ending_at_a_full_stop_continues() -> None:
    paragraph = (
        "The city council voted on Tuesday to expand the harbour, a project that has divided residents "
        "for more than a decade and that officials say will create hundreds of jobs. Supporters of the "
        "plan argue that the port has been losing traffic to its neighbours and that the expansion is "
        "the only way to keep the shipping companies in town. Opponents, including several "
        "environmental groups, said the new quay would destroy one of the last wetlands on the coast "
        "and that the council had ignored their objections. The mayor said the work would begin next "
        "spring and would take about four years."
    )
    wrapped = textwrap.fill(paragraph, 72)
    assert any(line.endswith(".") and len(line) > 66 for line in wrapped.split("\n")[:-1])
    assert [b.text for b in segment(wrapped).blocks] == [paragraph]


def test_mojibake_and_nbsp_are_repaired_through_clean() -> None:
    broken = ("Le café était fermé pendant l’été, a déclaré le propriétaire du restaurant sur la place "
              "du marché,\u00a0mardi.").encode().decode("cp1252")
    article = newsclean.clean(broken)
    assert article.paragraphs == ["Le café était fermé pendant l’été, a déclaré le propriétaire du "
                                  "restaurant sur la place du marché, mardi."]


# ---- words broken at the wrap by a hyphen (issue #20) ---------------------------------------------


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("the talks in the government of the inter-", "national commission resumed",
     "inter" + "national commission"),
    ("the council of the city said that the govern-", "ment had been warned",
     "govern" + "ment had been warned"),
    ("the talks on the military and political de-", "escalation resumed", "de-escalation resumed"),
    ("the talks were led by a well-", "known negotiator", "well-known negotiator"),
    ("the new rules against the spread of COVID-", "19 were eased", "COVID-19 were eased"),
    ("a deal that ends the five-year-", "old dispute", "five-year-old dispute"),
    ("the parties agreed to co-", "operate on the harbour", "co-operate on the harbour"),
])
def test_hyphen_at_the_wrap(first: str, second: str, joined: str) -> None:
    (b,) = segment(f"{first}\n{second}").blocks
    assert joined in b.text
    assert f"{first} {second}" != b.text


COMPOUNDS = ("The well-known negotiator said the pro-European parties had backed a de-escalation "
             "plan that the self-governing region and the non-profit groups of the five-year-old "
             "coalition would co-operate on, after a long-running dispute over the cross-border "
             "rail line that COVID-19 rules had halted. The long-term plan, a cross-party "
             "deal on the well-funded port, was re-examined by the self-appointed non-partisan "
             "board of the pro-Western government after a year-long review.")


@pytest.mark.parametrize("width", [50, 56, 63, 72])
def test_compounds_broken_at_their_hyphen_by_a_hard_wrap_keep_it(width: int) -> None:
    wrapped = textwrap.fill(COMPOUNDS, width)  # textwrap breaks after a compound's hyphen
    assert any(line.endswith("-") for line in wrapped.split("\n"))
    assert [b.text for b in segment(wrapped).blocks] == [COMPOUNDS]


def test_an_upper_case_line_after_a_hyphen_is_a_new_paragraph_outside_a_wrapped_text() -> None:
    text = "Known on other forums as a trader-\nJim900536 wrote the first post."
    assert len(segment(text).blocks) == 2


def test_the_text_itself_says_whether_a_word_takes_its_hyphen() -> None:
    text = ("The report counted every e-\nmail the office had sent.\n\n"
            "Each e-mail was read twice.")
    assert segment(text).blocks[0].text == "The report counted every e-mail the office had sent."
    text = ("The report counted every cross-\nroads in the town.\n\n"
            "Each crossroads was counted twice.")
    assert segment(text).blocks[0].text == "The report counted every crossroads in the town."


def test_a_dash_at_the_end_of_a_short_line_joins_nothing() -> None:
    assert [b.text for b in segment("Sport -\nnews").blocks] == ["Sport -", "news"]
    assert [b.text for b in segment("Short line-\nNext").blocks] == ["Short line-", "Next"]


@pytest.mark.parametrize("text", [
    "मुंबई में गुरुवार सुबह से भारी बारिश हो रही है।",  # Hindi: the danda
    "ঢাকায় আজ সকাল থেকে বৃষ্টি হচ্ছে।",  # Bengali
    "ရန်ကုန်မြို့တွင် ယနေ့ မိုးသည်းထန်စွာ ရွာသွန်းခဲ့သည်။",  # Burmese
    "کراچی میں آج صبح سے بارش ہو رہی ہے۔",  # Urdu
    "በአዲስ አበባ ዛሬ ከባድ ዝናብ ጣለ።",  # Amharic
    "Երևանում այսօր առավոտից անձրև է գալիս։",  # Armenian
    "នៅភ្នំពេញ ភ្លៀងធ្លាក់ខ្លាំងនៅព្រឹកនេះ។",  # Khmer
], ids=["hi", "bn", "my", "ur", "am", "hy", "km"])
def test_the_full_stops_of_other_scripts_end_a_sentence(text: str) -> None:
    (b,) = segment(text).blocks
    assert b.ends_sentence
    (head,) = segment(text[:-1]).blocks  # the same words without it: a headline
    assert not head.ends_sentence


@pytest.mark.parametrize("text", [
    "अंतरराष्ट्रीय कुश्ती समाचार",  # Hindi: the vowel signs are marks, not letters
    "আন্তর্জাতিক ক্রিকেট খবর আজ",  # Bengali
    "မြန်မာ သတင်း ယနေ့",  # Burmese
    "ข่าวกีฬา วันนี้ ล่าสุด",  # Thai
    "Council Backs Harbour Expansion",
], ids=["hi", "bn", "my", "th", "en"])
def test_a_headline_in_an_abugida_is_mostly_letters(text: str) -> None:
    """Vowel signs (``\\p{M}``) count with the letters: a Hindi menu item read as 0.56 letters and
    was never headline-shaped, so a Hindi page had no headlines and read as no article."""
    (b,) = segment(text).blocks
    assert b.letter_ratio > 0.85
    assert is_heading_like(b)
