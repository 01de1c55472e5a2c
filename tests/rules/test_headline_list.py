"""The ``headline_list`` rule: runs of headlines of other stories glued above or below the article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from stories import DE_STORY, ES_STORY, FR_STORY, page
from stories import STORY as BASE_STORY

import newsclean
from newsclean import Action, Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.headlines import HeadlineList

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
BLIND = Path(__file__).resolve().parents[2] / "fixtures" / "heldout-junk"

STORY = [
    *BASE_STORY,
    "A final decision on the financing of the project is expected in the autumn, when the regional "
    "government presents its budget for the coming year to parliament.",
]
EN_HEADLINES = [
    "Lenore Taylor resigns as Guardian Australia editor after decade-long tenure",
    "Snow forecast warns of reduced visibility and travel risks in Ontario",
    "Gordie Howe Bridge faces uncertainty after Trump warning to Canada",
    "Air Canada’s flights to Cuba halted as aviation fuel crisis worsens",
]
DE_HEADLINES = [
    "Bahnstreik legt den Fernverkehr in ganz Deutschland lahm",
    "Kanzler reist zu Gesprächen mit Macron nach Paris",
    "Bundesliga: Bayern verliert überraschend in Mainz",
    "Sturmwarnung für die gesamte Nordseeküste",
]
FR_HEADLINES = [
    "La grève paralyse les trains dans toute la France",
    "Le président en visite officielle à Berlin",
    "Tempête attendue sur les côtes bretonnes",
    "Le PSG s'impose face à Lyon au Parc",
]
ES_HEADLINES = [
    "Huelga de transporte en toda la Comunidad de Madrid",
    "El Gobierno aprueba los presupuestos generales",
    "Temporal de viento y lluvia en Galicia",
    "El Real Madrid gana en Sevilla",
]
REASON = re.compile(
    r"run of (\d+) headlines (inside|outside) the article, \d+% of their words shared with it"
)


def verdicts(text: str, **options: object) -> list[newsclean.Verdict]:
    return list(HeadlineList(**options).apply(segment(text), Context()))


def test_rule_alone_drops_every_line_of_the_run_with_one_reason() -> None:
    vs = verdicts(page(*STORY, *EN_HEADLINES))
    assert [v.block for v in vs] == [5, 6, 7, 8]
    assert {(v.action, v.kind, v.rule) for v in vs} == {(Action.DROP, Kind.HEADLINE_LIST, "headline_list")}
    reasons = {v.reason for v in vs}
    assert len(reasons) == 1
    m = REASON.fullmatch(reasons.pop())
    assert m is not None and m.groups() == ("4", "outside")


def test_on_a_page_surely_no_article_the_rule_says_nothing() -> None:
    """On a page stated to be no article with at least ``not_article_at`` (a listing: its
    headline-shaped lines are its own items) the rule stands aside; stated an article, or less
    surely no article, it runs (the hard negatives)."""
    text = page(*STORY, *EN_HEADLINES)

    def said(page_type: str, confidence: float) -> list[newsclean.Verdict]:
        statement = newsclean.Verdict(0, Action.META, "page_type", "stated", confidence=confidence,
                                      facts={"page_type": page_type})
        return list(HeadlineList().apply(segment(text), Context(verdicts=[statement])))

    assert said("listing", 0.95) == []
    assert [v.block for v in said("listing", 0.85)] == [5, 6, 7, 8]
    assert [v.block for v in said("article", 1.0)] == [5, 6, 7, 8]
    listing = newsclean.clean_text(text, page_type="listing")
    assert not [r for r in listing.removed if r.rule == "headline_list"]


@pytest.mark.parametrize(
    ("story", "headlines"),
    [(STORY, EN_HEADLINES), (DE_STORY, DE_HEADLINES), (FR_STORY, FR_HEADLINES), (ES_STORY, ES_HEADLINES)],
    ids=["en", "de", "fr", "es"],
)
def test_list_below_the_story_is_removed(story: list[str], headlines: list[str]) -> None:
    # without ``teasers``, which takes bare headlines ending the page first
    pipeline = newsclean.default_pipeline().without("teasers")
    article = newsclean.clean(page(*story, *headlines), pipeline=pipeline)
    assert article.paragraphs == story
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        (h, Kind.HEADLINE_LIST, "headline_list") for h in headlines
    ]
    assert all(REASON.fullmatch(r.reason) for r in article.removed)


def test_separator_lines_go_with_the_run() -> None:
    text = "\n".join(STORY) + "\n" + "\n-\n".join(EN_HEADLINES)
    article = newsclean.clean(text)
    assert article.paragraphs == STORY
    expected: list[str] = []
    for h in EN_HEADLINES:
        expected += [h, "-"]
    assert [(r.text, r.kind) for r in article.removed] == [(t, Kind.HEADLINE_LIST) for t in expected[:-1]]


def test_seed_000_list_is_removed_as_headline_list() -> None:
    article = newsclean.clean((SEEDS / "000.txt").read_text(encoding="utf-8"))
    kinds = {(r.kind, r.rule) for r in article.removed}
    assert kinds == {(Kind.HEADLINE_LIST, "headline_list")}
    assert len(article.removed) == 16


def test_min_run_option() -> None:
    two = page(*STORY, *EN_HEADLINES[:2])
    assert verdicts(two) == []
    assert [v.block for v in verdicts(two, min_run=2)] == [5, 6]
    assert verdicts(page(*STORY, *EN_HEADLINES), min_run=5) == []


def test_min_run_through_the_pipeline() -> None:
    pipe = newsclean.default_pipeline().with_options("headline_list", min_run=2)
    article = newsclean.clean(page(*STORY, *EN_HEADLINES[:2]), pipeline=pipe)
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        (h, Kind.HEADLINE_LIST, "headline_list") for h in EN_HEADLINES[:2]
    ]
    default = newsclean.clean(page(*STORY, *EN_HEADLINES[:2]))
    assert not [r for r in default.removed if r.rule == "headline_list"]


# ---- hard negatives ----------------------------------------------------------------------------


def test_bulleted_list_about_the_story_inside_it_stays() -> None:
    items = ["The harbour plan in brief", "- A new quay for container ships at the harbour",
             "- A wider channel for ships entering the port", "- A rail link from the harbour to the city"]
    text = page(*STORY[:2], *items, *STORY[2:])
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == [*STORY[:2], *items, *STORY[2:]]


def test_run_of_short_quotes_stays() -> None:
    quotes = ['"It is a disaster," said one fisherman.', '"We have waited long enough," said another.',
              '"This is good news for the town," the mayor said.', '"We will not back down," she said.']
    text = page(*STORY[:2], *quotes, *STORY[2:])
    assert verdicts(text) == []
    article = newsclean.clean(text)
    assert article.paragraphs == [*STORY[:2], *quotes, *STORY[2:]]
    assert article.removed == []


def test_single_subhead_stays() -> None:
    text = page(*STORY[:2], "A divided town", *STORY[2:])
    assert verdicts(text) == []
    assert "A divided town" in newsclean.clean(text).paragraphs


def test_related_lines_after_the_story_are_not_a_headline_list() -> None:
    related = ["Council plans to expand the harbour with a new quay",
               "Opponents say the harbour expansion will destroy the wetlands",
               "Mayor expects the first ships at the new terminal this decade"]
    assert verdicts(page(*STORY, *related)) == []


def test_unrelated_list_inside_the_story_needs_one_more_line() -> None:
    # inside the core a run needs min_run + 1 headlines before it goes
    three = page(*STORY[:3], *EN_HEADLINES[:3], *STORY[3:])
    assert verdicts(three) == []
    four = page(*STORY[:3], *EN_HEADLINES, *STORY[3:])
    vs = verdicts(four)
    assert [v.block for v in vs] == [3, 4, 5, 6]
    assert REASON.fullmatch(vs[0].reason).groups() == ("4", "inside")  # type: ignore[union-attr]


def test_list_above_the_title_is_a_headline_list() -> None:
    article = newsclean.clean(page(*EN_HEADLINES, "Council backs harbour expansion despite protests", *STORY))
    assert article.title == "Council backs harbour expansion despite protests"
    assert [(r.text, r.kind, r.rule) for r in article.removed] == [
        (h, Kind.HEADLINE_LIST, "headline_list") for h in EN_HEADLINES
    ]


def test_list_above_an_untitled_story_is_not_promoted() -> None:
    article = newsclean.clean(page(*EN_HEADLINES, *STORY))
    assert article.title is None and article.subtitle is None
    assert [(r.text, r.kind) for r in article.removed] == [(h, Kind.HEADLINE_LIST) for h in EN_HEADLINES]


# ---- bare links in a run -----------------------------------------------------------------------

ITEMS = [
    "1) Lego set with the rebel bomber and four figures",
    "2) Electric racing track with two cars and a lap counter",
    "3) Box set of the director's films on Blu-ray discs",
    "4) Portable electronic drum kit with seven pads",
]
LINKS = ["http://shop.example/a1", "http://shop.example/b2", "https://shop.example/c3",
         "www.shop.example/d4"]


def test_a_numbered_list_with_a_link_under_each_item_counts_its_items_only() -> None:
    # the links used to count as headlines: half the run looked un-numbered; a link is carried by
    # the run but is not one of its headlines. Outside the story and sharing none of its words, a
    # numbered run goes for sure (session 33: a box of other stories numbered by rank)
    lines = [x for pair in zip(ITEMS, LINKS, strict=True) for x in pair]
    vs = verdicts(page(*STORY, *lines))
    assert vs, "an unrelated run is still proposed"
    assert {v.confidence for v in vs} == {0.9}
    m = REASON.fullmatch(vs[0].reason)
    assert m is not None and m.group(1) == "4"


def test_a_numbered_run_sharing_the_storys_words_stays() -> None:
    # numbered lines about the story's subject after it: the article's own enumeration, at most
    # tentatively dropped, and kept
    items = ["1) The council approves the harbour budget for the new quay",
             "2) The harbour expansion begins next spring on the coast",
             "3) The new terminal opens to shipping companies before the decade ends",
             "4) The wetlands on the coast get a new protected area near the harbour"]
    assert all(v.confidence <= 0.6 for v in verdicts(page(*STORY, *items)))
    assert newsclean.clean_text(page(*STORY, *items)).paragraphs == [*STORY, *items]


def test_headlines_with_links_between_them_still_go_with_their_links() -> None:
    lines = [x for pair in zip(EN_HEADLINES, LINKS, strict=True) for x in pair]
    vs = verdicts(page(*STORY, *lines))
    assert [v.block for v in vs] == list(range(len(STORY), len(STORY) + 8))
    assert {v.confidence for v in vs} == {0.9}
    m = REASON.fullmatch(vs[0].reason)
    assert m is not None and m.group(1) == "4"


def test_links_alone_are_not_a_headline_list() -> None:
    assert verdicts(page(*STORY, *LINKS)) == []


def _meal_plan() -> str:
    """A list article whose densest paragraph is its one-line intro: the core ends there, and the
    plan's sections, with more prose than the intro, come after a run of short labels."""
    intro = ("This meal plan works for both programs, so there is no need to figure out new meals "
             "for the week.")
    labels = ["Afternoon Recovery Drink", "Evening Supplement Shake", "Stretching Session Reminder"]
    days = []
    for n, food in enumerate(["Baked salmon", "Roast chicken", "Grilled tofu"], start=1):
        days += [f"Day {n}", "Breakfast", "1 cup", "2 eggs", "Lunch",
                 f"{food} with spinach and two eggs, cooked the way you like them best, with toast.",
                 "Dinner", "Rice", "Salad", "Snack"]
    return page(intro, *labels, *days)


def test_a_run_the_article_goes_on_past_is_judged_as_inside_it() -> None:
    text = _meal_plan()
    assert segment(text).core == (0, 0)
    assert verdicts(text) == []  # inside, 3 lines are one too few
    dropped = verdicts(text, beyond_prose=float("inf"))  # the old reading: outside the article
    assert [v.block for v in dropped] == [1, 2, 3]
    assert REASON.fullmatch(dropped[0].reason).groups() == ("3", "outside")  # type: ignore[union-attr]


# ---- hard negatives: lists of the page's own, shaped like headlines (issue #20, gold bodies) ----


def test_a_list_introduced_by_a_lead_in_sentence_stays() -> None:
    lead = "Residents who want to comment on the harbour plan have several options:"
    items = ["Write to the harbour office before the end of the month",
             "Attend the public meeting on the expansion in the town hall",
             "Sign the petition of the residents against the new harbour",
             "Call the council's hotline for the project"]
    assert verdicts(page(*STORY[:2], lead, *items, *STORY[2:])) == []
    assert verdicts(page(*STORY, lead, *items)) == []


def test_a_lead_in_does_not_save_headlines_that_share_no_word_with_the_story() -> None:
    # a story that ends in "the table below:" and lost its table has other stories' headlines next
    lead = "The costs of the project are shown in the table below:"
    assert [v.block for v in verdicts(page(*STORY, lead, *EN_HEADLINES))] == [5, 6, 7, 8, 9]


@pytest.mark.parametrize("items", [
    ["- Processor: Intel Core i5 or better", "- Graphics: GeForce GTX 970 or Radeon R9 290",
     "- Storage: 40 GB of free space", "- Network: Broadband internet connection"],
    ["Focus: innovation, startups and digital transformation", "Pricing: several pass tiers and VIP access",
     "Focus: commercial AI and real-world applications", "Pricing: delegate passes from 2,399 pounds"],
    ["MacBook Air, 13-inch, M5 Chip, Silver, 16GB memory",
     "MacBook Air, 15-inch, M5 Chip, Midnight, 24GB memory",
     "MacBook Pro, 14-inch, M5 Pro Chip, Space Black, 24GB memory"],
    ["Choose the date – consider season and availability of the venue",
     "Book music – DJ or band secured, discuss any special songs",
     "Hire florist – discuss vision, favourite flowers and budget",
     "Order the cake – schedule a tasting and choose the flavours"],
    ["Replacing Outlets or Switches - $59 - $189+", "Replacing Ceiling Fans and Lights - $100 - $200+",
     "Basic Recessed Lighting - $119 - $189+ per fixture", "LED Under Cabinet Lighting - £119 per fixture"],
], ids=["specifications", "key-value", "comma-parts", "checklist-glosses", "price-list"])
def test_specifications_and_enumerations_stay(items: list[str]) -> None:
    assert verdicts(page(*STORY, *items)) == []
    assert verdicts(page(*items, *STORY)) == []


def test_a_headline_with_a_dash_among_other_headlines_is_still_a_headline() -> None:
    # one headline of four goes on in lower case after a dash (a quote's attribution): the run is
    # still other stories' headlines, not a checklist
    heads = [*EN_HEADLINES[:3], "Storm closes the ferry port for a week - officials say"]
    # the label (block 5, two words: no headline) goes with the list it labels
    assert sorted(v.block for v in verdicts(page(*STORY, "Most read", *heads))) == [5, 6, 7, 8, 9]


@pytest.mark.parametrize("items", [
    ["requests, even if using a session. This example will only send the cookies",
     "with the first request, but not the second as the session is new",
     "and the cookies are kept on the session object after that first call"],
    ["-- Index only recent orders of the last ninety days",
     "-- Great for tables where you mostly query recent data",
     "-- GIN indexes are optimized for values with many elements"],
    ["1901 | Wilhelm Röntgen | Jacobus van 't Hoff | Emil von Behring",
     "1902 | Hendrik Lorentz | Emil Fischer | Ronald Ross",
     "1903 | Henri Becquerel | Svante Arrhenius | Niels Finsen"],
], ids=["hard-wrapped", "code-comments", "table-rows"])
def test_continuations_comments_and_table_rows_are_not_headlines(items: list[str]) -> None:
    assert verdicts(page(*STORY, *items)) == []


def test_a_page_that_is_one_long_list_keeps_it() -> None:
    # a listing page: its headlines are the page, the two lines of prose above them an intro
    intro = ["Our editors picked the dinners we come back to again and again on busy weeknights."]
    listing = [f"{n} {dish} Recipes for Busy Weeknights" for n, dish in zip(
        [5, 12, 20, 8, 14, 6, 25, 10, 7, 15],
        ["Easy Beef Taco", "Slow Cooker Chicken", "One-Pot Pasta", "Sheet Pan Salmon",
         "Vegetarian Chili", "Make-Ahead Casserole", "Quick Stir-Fry", "Lentil Soup",
         "Stuffed Pepper", "Grilled Shrimp"], strict=True)]
    assert verdicts(page(*intro, *listing)) == []
    # titles that start with a figure are plain headlines; "1 ...", "2 ..." below them are a list
    # of another shape glued to the page's own
    glued = [*listing, "Most read", *[f"{i} {h}" for i, h in enumerate(EN_HEADLINES, 1)]]
    assert {v.block for v in verdicts(page(*intro, *glued))} == set(range(11, 16))  # label 11 too
    # the same ten lines glued, as a box of another shape, under a story are still dropped
    assert len(verdicts(page(*STORY, *STORY, "Most read", *[f"• {h}" for h in listing[:6]]))) >= 6


def test_a_list_inside_the_story_that_shares_a_few_of_its_words_stays() -> None:
    # a syllabus, a feature list, a page's own items: inside the story such runs share few of its
    # words (here 8% of them), and half the lines of such runs on the dev corpora were gold
    items = ["Weekly seminar on harbour engineering with visiting Dutch experts",
             "Guided walking tours along the wetlands every Saturday morning",
             "Free evening lectures on maritime trade for young pupils",
             "Open days at the old lighthouse museum in summer"]
    text = page(*STORY[:2], *items, *STORY[2:])
    assert verdicts(text) == []
    assert [v.block for v in verdicts(text, related_inside=0.15)] == [2, 3, 4, 5]


QUESTION_RUN = [
    "Harbour Regulations Around the World",
    "2025 in Review: My favorite new-to-me games",
    "Remote work: 5 tips to maximize productivity",
    "Pros and Cons of Consulting: Is It a Good Fit for You?",  # reads as a sentence
    "AI-Powered SEO: How Artificial Intelligence is Transforming Search Marketing in 2025",
]


def test_a_question_headline_does_not_pull_the_run_into_the_story() -> None:
    """The question line's prose score stretches the core over the run; judged against the core
    without it, the run is outside, where sharing 10 % of the story's words does not save it."""
    doc = segment(page(*BASE_STORY, *QUESTION_RUN))
    assert doc.core[1] == len(doc.blocks) - 2  # the core reaches the question line
    vs = list(HeadlineList().apply(doc, Context()))
    assert [v.block for v in vs] == list(range(len(BASE_STORY), len(BASE_STORY) + len(QUESTION_RUN)))
    assert all("outside the article" in v.reason and v.confidence == 0.9 for v in vs)


def test_statements_that_read_as_prose_at_the_end_stay_part_of_the_story() -> None:
    """Hard negative: an app's feature list ending in "!" pulls the core as prose does; the rule
    does not take such a run out of the story (only questions are recomputed)."""
    features = ["New tasks for the game, with a quiz for every evening of the week!",
                "Better support for older phones and tablets in this release!",
                "More questions for your opponent, and harder ones too!",
                "Challenges that last a whole week after the game is over!"]
    assert not list(HeadlineList().apply(segment(page(*BASE_STORY, *features)), Context()))


def test_questions_inside_the_story_stay_inside() -> None:
    """Hard negative: a run between two parts of the story is inside it whatever its questions."""
    questions = ["Who pays for the new quay?", "When will the first ships dock?",
                 "What happens to the wetlands?"]
    doc = segment(page(*BASE_STORY[:2], *questions, *BASE_STORY[2:]))
    assert not list(HeadlineList().apply(doc, Context()))


def test_a_page_of_questions_only_is_not_judged_outside_itself() -> None:
    """Edge: the questions are all the prose there is, so without them there is no core; the run
    is judged as before (inside, sharing its own words), and stays."""
    questions = ["Is the harbour expansion worth its cost to the city's taxpayers?",
                 "Will the new quay plan change life for the residents of the port?",
                 "What do the council members say about the timeline and the costs?",
                 "How will the wetlands on the coast be protected during the works?"]
    doc = segment(page(*questions))
    assert doc.core == (0, 3) and doc.core_without({0, 1, 2, 3}) == (0, -1)
    assert not list(HeadlineList().apply(doc, Context()))


EDGE_RUN = [
    # reads as prose (score over 0.5): the core ends on it, though the run is outside the story
    "What Are the Latest Scientific Trends in Psychiatry and How Will They Impact Care",
    "The rising tide of cyber vulnerabilities in home appliances",
    "Osprey Atmos 65L Backpack Review",
    "Index Funds: How to Invest in the Market",
]


def test_a_run_line_the_core_took_in_does_not_count_as_shared_with_the_story() -> None:
    """The first headline's words were the core's only because the core ends on it: against the
    story without the run, the run shares nothing, and goes for sure (not at the weak level that
    the line scorer's keeps overrule, as when its own words made 25 % "shared")."""
    doc = segment(page(*BASE_STORY, *EDGE_RUN))
    assert doc.core == (0, len(BASE_STORY))  # the core reaches the first headline
    vs = list(HeadlineList().apply(doc, Context()))
    assert [v.block for v in vs] == list(range(len(BASE_STORY), len(BASE_STORY) + len(EDGE_RUN)))
    assert all(v.confidence == 0.9 and "0% of their words" in v.reason for v in vs)


def test_lines_about_the_story_at_its_edge_still_share_its_words() -> None:
    """Hard negative: the story's own closing points, the first read as prose by the core, share
    the story's words once their own are left out, and stay."""
    points = ["What the harbour expansion means for residents of the port and their jobs",
              "Environmental groups object to the new quay and the wetlands plan",
              "Shipping companies and the council disagree on the terminal",
              "The mayor sets the start of the work for next spring"]
    doc = segment(page(*BASE_STORY, *points))
    assert doc.core[1] >= len(BASE_STORY)
    assert not list(HeadlineList().apply(doc, Context()))


SOMEWHAT_RELATED = [  # a third of their words are the story's
    "Council approves new budget for the city schools next spring",
    "Harbour festival returns with music and food stalls this decade",
    "Mayor opens the renovated library in the old town centre",
]


def test_plain_headlines_ending_the_page_go_for_sure_even_sharing_some_words() -> None:
    vs = verdicts(page(*STORY, *SOMEWHAT_RELATED))
    assert [v.block for v in vs] == [5, 6, 7]
    assert {v.confidence for v in vs} == {newsclean.confidence.SURE}
    assert "34% of their words" in vs[0].reason
    # through the pipeline: the line scorer cannot keep them
    article = newsclean.clean_text(page(*STORY, *SOMEWHAT_RELATED))
    assert article.paragraphs == STORY


def test_the_sure_tail_needs_plain_statements_at_the_very_end() -> None:
    # hard negatives: bulleted lines, questions (a "Call for comments" closing the story), or a
    # lower sure_tail stay a weak drop the line scorer may overrule
    for lines in ([f"• {h}" for h in SOMEWHAT_RELATED], [f"{h}?" for h in SOMEWHAT_RELATED]):
        assert {v.confidence for v in verdicts(page(*STORY, *lines))} == {newsclean.confidence.WEAK}
    assert {v.confidence for v in verdicts(page(*STORY, *SOMEWHAT_RELATED), sure_tail=0.25)} == {
        newsclean.confidence.WEAK}


ZH_STORY = [
    "记者昨日从市城市管理局获悉，为对南江路跨江大桥进行桥面铺装和伸缩缝更换，自11月15日至12月15日，"
    "每天22时至次日5时，大桥双向全封闭施工，白天正常通行。",
    "封闭施工期间，过江车辆可绕行滨江大桥或东门大桥。公交12路、35路和夜间N3路将临时调整线路，"
    "具体方案由公交集团另行发布。",
    "据了解，南江路跨江大桥建成于2003年，日均车流量约6万辆次。此次施工是大桥通车以来规模最大的一次维修。",
]
ZH_HEADLINES = [  # written without spaces: each line is one ``\w+`` token, four to six words long
    "市一医院新院区下月启用",
    "老城区两所小学将合并办学",
    "第十届南江读书节开幕",
    "南江夜市入选省级夜间消费集聚区",
]


def test_chinese_headlines_are_counted_in_words_a_reader_counts() -> None:
    """A Chinese headline is one ``\\w+`` token: counted so, no line of the list had the three
    words a headline needs, and the list stayed under the story."""
    vs = verdicts(page(*ZH_STORY, *ZH_HEADLINES))
    assert [v.block for v in vs] == [3, 4, 5, 6]


def test_chinese_section_names_are_too_short_for_headlines() -> None:
    """Hard negative: two-character section names (under one word each as a reader counts them)
    are a menu's items, not headlines; this rule leaves them to the others."""
    assert verdicts(page(*ZH_STORY, "本地", "国内", "国际", "财经")) == []


JA_STORY = [
    "今年はベランダでミニトマトを種から育てることにしました。去年は苗を買って植えただけでしたが、"
    "息子が種まきからやってみたいと言い出したので、家族みんなで挑戦です。",
    "種まきに使ったのは、園芸店で買ったミニトマトの種と、セルトレイと種まき用の土です。"
    "セルトレイは七十二穴のものを半分に切って使いました。",
    "トマトの種は発芽に二十度から三十度くらいの温度が必要なので、昼間はベランダに出して、"
    "夕方には室内の窓際に取り込むことにしています。",
]
JA_STEPS = [  # the story's own steps, in its own words (its bigrams: 種ま, セル, トレ, 土を)
    "セルトレイに種まき用の土を入れて湿らせる",
    "割りばしで種まき用の穴をあける",
    "ミニトマトの種を二粒ずつ入れる",
    "上から土をかぶせてセルトレイを窓際へ",
]
JA_OTHER = [  # headlines of other stories: nothing of the story's vocabulary
    "首相が来月の訪米を正式に表明",
    "北海道で記録的な大雪、交通機関に乱れ",
    "円相場が一時百五十円台に下落",
    "プロ野球日本シリーズ第七戦は延長戦に",
]


def test_japanese_steps_sharing_the_storys_characters_stay() -> None:
    # A \w+ token of Japanese is a whole clause, so no line ever shared a "word" with the story
    # and its own steps read as unrelated headlines; the story's vocabulary is read in bigrams.
    text = page(JA_STORY[0], JA_STORY[1], *JA_STEPS, JA_STORY[2])
    assert verdicts(text) == []


def test_japanese_headlines_of_other_stories_still_go() -> None:
    vs = verdicts(page(*JA_STORY, *JA_OTHER))
    assert [v.block for v in vs] == [3, 4, 5, 6]


def test_a_line_ending_in_a_comma_is_no_headline() -> None:
    # Bloggers break sentences over lines: "...だったので、" goes on below, a headline never does.
    other = [line + "、" for line in JA_OTHER]
    assert verdicts(page(*JA_STORY, *other)) == []


# ---- headlines stamped with their time; a run above the title -------------------------------------

STAMPED = [
    "- Fog delays flights at the airport (12.01.2025, 08:10)",
    "- Ice on the roads in the north (12.01.2025, 06:30)",
    "- Trains run on a winter timetable (11.01.2025, 22:45)",
    "- Snowstorm closes two mountain passes (11.01.2025, 19:20)",
]


def test_headlines_stamped_with_a_date_in_brackets_go() -> None:
    # the stamp's digits make each line look less like words than a headline
    article = newsclean.clean_text(page(*STORY, "Weather and travel", *STAMPED))
    assert article.paragraphs == STORY
    assert {r.text for r in article.removed} >= set(STAMPED)


def test_prose_like_headlines_above_the_title_go() -> None:
    # fixtures/heldout-junk (a seen language): stamped with a relative time, the lines read half as
    # prose and the core took them in; the story starts at its title
    blind = json.loads((BLIND / "es.json").read_text("utf-8"))
    feed = blind["junk"]["dashed_time"][0].split("\n")
    art = blind["articles"][0]
    article = newsclean.clean_text(page(*feed, art["title"], *art["paragraphs"]))
    assert article.title == art["title"]
    kept = "\n".join(article.paragraphs)
    assert not [line for line in feed if line in kept]


@pytest.mark.parametrize(("line", "headline"), [
    ("- Fog delays flights at the airport (12.01.2025, 08:10)", True),
    ("- Fog at the airport (10:42)", True),
    ("14:05 – Fog delays flights at the airport", True),  # the time first
    ("vor 35 Min. – Stadtrat beschließt den Haushalt", True),
    ("- Fog delays flights at the airport – 35 min. ago", True),
    ("Fog delays flights at the airport, 14:05", True),
    ("This page was last updated on Sunday, March 2, 2022.", False),  # a sentence with a date
    ("Version 2.10 – the release notes in full.", False),
    ("- Corsages ($25-40 each)", False),  # a price: the page's own list
    ("- Bouquets ($150-300, 2 sizes)", False),
    ("- Hall hire (2 x 4 h)", False),  # digits, no date or time
])
def test_a_headline_with_its_stamp_is_still_a_headline(line: str, headline: bool) -> None:
    # the stamp's digits make the line look less like words than a headline
    block = segment(line).blocks[0]
    assert HeadlineList()._headline(block) is headline


# ---- a box set with a bullet glyph inside the story's own list -----------------------------------

OWN_POINTS = ["– The council approves the budget for the new quay",
              "– Work on the harbour expansion begins next spring",
              "– The first ships dock at the new terminal before the end of the decade"]


@pytest.mark.parametrize("glyph", [">", "►", "▪"])
def test_a_box_of_other_stories_between_the_storys_own_points_goes(glyph: str) -> None:
    box = ["Other news", *(f"{glyph} {h}" for h in EN_HEADLINES)]
    story = [*STORY[:2], "What the plan holds:", OWN_POINTS[0], *box, *OWN_POINTS[1:], *STORY[2:]]
    kept = newsclean.clean_text(page(*story)).paragraphs
    assert not [line for line in box if line in kept]
    assert all(p in kept for p in OWN_POINTS)


def test_the_storys_own_points_set_with_a_glyph_stay() -> None:
    points = [f"► {p[2:]}" for p in OWN_POINTS]
    story = [*STORY[:2], "What the plan holds:", *points, *STORY[2:]]
    kept = newsclean.clean_text(page(*story)).paragraphs
    assert all(p in kept for p in points)


def test_a_run_above_the_story_ends_before_its_first_paragraph() -> None:
    # one sentence ending in a quote, in the core: headline-shaped, but the story's first paragraph
    feed = ["Latest", "14:05 – Storm knocks out power to thousands across the county",
            "13:40 – Council approves new budget after long debate",
            "12:15 – Police appeal for witnesses after late night crash",
            "11:50 – Local school wins national robotics award"]
    first = ("The governor is defending the state's launch of a campaign against the harbour plan "
             "with the slogan \u201cOur coast, our say.\u201d")
    article = newsclean.clean_text(page(*feed, first, *STORY))
    assert first in article.paragraphs
    assert not [line for line in feed[1:] if line in article.paragraphs]



# ---- feeds stamped with how long ago; news under a topic and its time -----------------------------

AGO = ["- Minister to face questions over welfare cuts (12 minutes ago)",
       "- Teenager arrested after break-in at city school (35 minutes ago)",
       "- Rail strike called off after last-minute deal (1 hour ago)"]


def test_a_feed_stamped_with_how_long_ago_goes_inside_the_story_even_after_a_lead_in() -> None:
    # put between the story's lead-in ending in ":" and its own points: three items are a feed
    # (no list of the story's says how long ago each point was), and one shares a word with it
    lead = "The plan that the council approved on Tuesday has three parts:"
    story = [*STORY[:2], lead, "Latest", *AGO, *OWN_POINTS, *STORY[2:]]
    kept = newsclean.clean_text(page(*story)).paragraphs
    assert not [line for line in AGO if line in kept]
    assert all(p in kept for p in [lead, *OWN_POINTS])


def test_the_storys_own_timeline_stamped_with_days_stays() -> None:
    timeline = ["- 12 March: the council presents the harbour plan (Tuesday)",
                "- 2 April: residents object to the new quay at a public hearing",
                "- 30 May: parliament approves the financing of the project"]
    for story in ([*STORY[:2], "How the plan came about:", *timeline, *STORY[2:]],
                  [*STORY[:2], *timeline, *STORY[2:]]):
        kept = newsclean.clean_text(page(*story)).paragraphs
        assert all(line in kept for line in timeline)


SPORT = ["- Rugby: coach names squad for the summer tour (11:45)",
         "- Tennis: top seed withdraws with a wrist injury (11:20)",
         "- Darts: champion wins the league night in Belfast (10:58)",
         "- Golf: venue confirmed for next year's championship (10:30)"]


def test_news_under_a_topic_with_their_time_are_no_specifications() -> None:
    # "Topic: headline (time)" looks like "Key: value", but a specification has no time
    article = newsclean.clean_text(page(*STORY, "Sport - latest", *SPORT))
    assert article.paragraphs == STORY


def test_specifications_after_the_story_stay() -> None:
    specs = ["- Engine: four-cylinder diesel with 140 horsepower",
             "- Gearbox: six-speed manual or eight-speed automatic",
             "- Fuel use: 4.8 litres per 100 kilometres combined",
             "- Boot: 520 litres, folding rear seats as standard"]
    kept = newsclean.clean_text(page(*STORY, *specs)).paragraphs
    assert all(line in kept for line in specs)


TIPS = ["Ride The Old Tram Before Nine", "Book Castle Tickets Online",
        "Take The Ferry Across At Sunset", "Skip The Lift Queue In The Morning",
        "Spend A Weekday In The Hills"]


def test_the_storys_own_tips_right_under_their_lead_in_stay_whatever_their_words() -> None:
    # title-cased, sharing none of the story's words, but under the sentence that introduces
    # them, with the story going on below: the story's own list
    lead = "These are the tips I would pass on to anyone planning a first visit:"
    kept = newsclean.clean_text(page(*STORY[:2], lead, *TIPS, *STORY[2:])).paragraphs
    assert all(tip in kept for tip in TIPS)


def test_headlines_under_a_lead_in_that_ends_the_story_go() -> None:
    # the story ends in "below:" and lost what stood there: nothing of it goes on under the run
    lead = "The full list of the council's decisions is in the table below:"
    article = newsclean.clean_text(page(*STORY, lead, *EN_HEADLINES))
    assert not [h for h in EN_HEADLINES if h in article.paragraphs]


@pytest.mark.parametrize("label", ["More stories you might like:", "Das könnte Sie auch interessieren:"])
def test_a_box_under_its_label_ending_in_a_colon_goes_inside_the_story(label: str) -> None:
    # a label ending in ":" introduces no list of the story's, though the story goes on under it
    kept = newsclean.clean_text(page(*STORY[:2], label, *EN_HEADLINES, *STORY[2:])).paragraphs
    assert not [h for h in EN_HEADLINES if h in kept]


def test_a_tours_dates_after_the_story_stay() -> None:
    # each date stamps a line, but the lines are enumerations (venue, city, state), not headlines
    dates = ["Aug. 14 -- Riverside Amphitheatre – St. Louis, Missouri, MO",
             "Aug. 16 -- Lakeside Pavilion – Chicago, Illinois, IL",
             "Aug. 19 -- Harbour Arena – Boston, Massachusetts, MA",
             "Aug. 21 -- Grand Hall – Cleveland, Ohio, OH"]
    kept = newsclean.clean_text(page(*STORY, "Tour dates", *dates)).paragraphs
    assert all(line in kept for line in dates)


FR_PLACES = ["· Bordeaux : la ville plante vingt mille arbres en cinq ans",
             "· Lille : la braderie attire deux millions de visiteurs",
             "· Pyrénées : un ours aperçu près d'un village de l'Ariège",
             "· Harcèlement scolaire : le numéro d'urgence encore méconnu"]


def test_headlines_naming_their_place_before_a_colon_go_between_two_paragraphs() -> None:
    # "Place : headline" has the shape of "Key: value"; sharing none of the story's words, put
    # between two of its paragraphs, the run is no list of the story's facts
    box = ["Suggestions de la rédaction", *FR_PLACES]
    kept = newsclean.clean_text(page(*FR_STORY[:2], *box, *FR_STORY[2:])).paragraphs
    assert not [line for line in FR_PLACES if line in kept]


def test_the_storys_facts_between_two_paragraphs_stay() -> None:
    facts = ["- Quay: 320 metres of new berths for container ships",
             "- Depth: sixteen metres at low tide after the dredging",
             "- Cost: the regional government pays half of the financing"]
    kept = newsclean.clean_text(page(*STORY[:3], *facts, *STORY[3:])).paragraphs
    assert all(line in kept for line in facts)


def test_a_kicker_box_of_headlines_naming_their_place_goes_above_the_story() -> None:
    # each "Place : headline" under its short line, sharing none of the story's words: no list of
    # the story's facts, whatever the colons
    box = ["Temps forts", "Maroc", "Marrakech : la médina retrouve ses touristes après l'été",
           "Algérie", "Alger : la ligne de métro vers l'aéroport mise en service",
           "Tunisie", "Sfax : la saison oléicole s'annonce exceptionnelle"]
    kept = newsclean.clean_text(page(*box, *FR_STORY)).paragraphs
    assert kept == FR_STORY


def test_a_box_of_the_storys_facts_under_their_short_lines_stays() -> None:
    box = ["Quay", "Length: 320 metres of new berths at the harbour for container ships",
           "Dredging", "Depth: sixteen metres at low tide for the largest ships",
           "Financing", "Cost: the regional government pays half of the expansion"]
    kept = newsclean.clean_text(page(*STORY[:2], *box, *STORY[2:])).paragraphs
    assert all(line in kept for line in box[1::2])


RANKED = ["Le top de la rédaction", "1 Liège : la ligne de tram enfin inaugurée",
          "2 Pensions : les syndicats appellent à une nouvelle manifestation",
          "3 Tempête : des arbres arrachés sur la côte près du port",
          "4 Anderlecht limoge son entraîneur après la défaite à Genk"]


def test_a_ranking_box_between_two_paragraphs_is_weighed_without_its_own_words() -> None:
    # "1 ...", "2 ...": numbered without a dot, as a most-read box is; one headline shares a
    # word with the story by chance
    kept = newsclean.clean_text(page(*FR_STORY[:2], *RANKED, *FR_STORY[2:])).paragraphs
    assert kept == FR_STORY


def test_a_ranking_box_after_title_cased_lines_is_split_off_as_its_own_run() -> None:
    # "1 ...", "2 ..." count up without a dot: a list shape of its own among plain lines, its
    # label going with it; the plain lines before are judged apart
    from newsclean.rules.headlines import _Lines, _list_boxes

    points = ["Sin Rebaja de Sueldo para los Trabajadores",
              "Posibilidad de Pactar Semanas de Cuatro Días",
              "Bandas Horarias para Padres y Madres"]
    box = ["Lo más comentado", "1 Los inquilinos de Barcelona convocan una huelga de alquileres",
           "2 Renfe suspende los trenes de Cercanías por una avería en Atocha",
           "3 Una influencer denunciada por bañarse en una fuente de Sevilla"]
    doc = segment(page(*points, *box))
    parts = _list_boxes(list(doc.blocks), _Lines.of(doc, set()), 3)
    assert [[b.text for b in part] for part in parts] == [points, box]


def test_the_storys_own_steps_numbered_with_a_dot_stay_between_two_paragraphs() -> None:
    steps = ["1. Se connecter à son espace particulier sur le site des impôts",
             "2. Vérifier les revenus déjà remplis par l'administration",
             "3. Ajouter les frais réels et les dons aux associations",
             "4. Signer la déclaration et garder l'accusé de réception"]
    kept = newsclean.clean_text(page(*FR_STORY[:2], *steps, *FR_STORY[2:])).paragraphs
    assert all(step in kept for step in steps)


@pytest.mark.parametrize(("lead", "introduced"), [
    ("Meistgelesen in dieser Woche:", False),  # a box's label, ending in a colon
    ("Diese Änderungen bringt der neue Plan für den Hafen mit sich:", True),
])
def test_only_a_sentence_ending_in_a_colon_introduces_the_run_under_it(lead: str,
                                                                      introduced: bool) -> None:
    items = [f"{k}. {h}" for k, h in enumerate(DE_HEADLINES, 1)]
    doc = segment(page(*DE_STORY[:2], lead, *items, *DE_STORY[2:]))
    run = list(doc.blocks[2:3 + len(items)])
    assert HeadlineList._introduced(doc, run, run[0], set()) is introduced
