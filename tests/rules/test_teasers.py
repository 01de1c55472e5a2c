"""The ``teasers`` rule: runs of other stories' headlines under a label, tagged with ``[Video]``, or
ending the page as a bulleted list; and the lists, subheads and short paragraphs it must leave."""

from __future__ import annotations

import pytest
from stories import DE_STORY, STORY, page

import newsclean
from newsclean import Action, Context, Kind, Pipeline
from newsclean.ingest.segment import segment
from newsclean.rules.chrome import SiteChrome
from newsclean.rules.teasers import Teasers

TEASERS = [
    "Floods close the coastal road for a third time this winter",
    "Who will run the port authority after the election?",
    "Fishermen protest new quotas outside parliament",
]


def run(text: str) -> newsclean.Article:
    """Run ``site_chrome`` (which finds the labels) and ``teasers`` over ``text`` as HTML-mode text."""
    doc = segment(text, mode="html")
    pipe = Pipeline([SiteChrome(), Teasers()])
    article, _ = pipe.run(doc)
    return article


def teaser_removals(article: newsclean.Article) -> list[str]:
    return [r.text for r in article.removed if r.rule == "teasers"]


# ---- positives -----------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["You may also like...", "DON'T MISS", "Related stories"])
def test_headlines_under_a_related_label(label: str) -> None:
    article = run(page(*STORY[:3], label, *TEASERS, STORY[3]))
    assert teaser_removals(article) == TEASERS
    assert article.paragraphs == STORY
    removal = next(r for r in article.removed if r.rule == "teasers")
    assert removal.kind is Kind.HEADLINE_LIST
    assert removal.reason == f"3 teaser headlines under the label {label!r}"


def test_headlines_under_a_german_label() -> None:
    teasers = ["Hochwasser sperrt die Küstenstraße zum dritten Mal", "Wer führt die Hafenbehörde?"]
    text = page(*DE_STORY[:2], "Lesen Sie auch", *teasers, DE_STORY[2])
    article = run(text)
    assert teaser_removals(article) == teasers
    assert article.paragraphs == DE_STORY


@pytest.mark.parametrize("tags", [("[Video]", "[Video]", "[PICS]"), ("[NEWS]", "[INSIGHT]", "[WARNING]")])
def test_run_of_tagged_headlines(tags: tuple[str, ...]) -> None:
    tagged = [f"{t} {tag}" for t, tag in zip(TEASERS, tags, strict=True)]
    article = run(page(*STORY[:2], *tagged, *STORY[2:]))
    assert teaser_removals(article) == tagged
    assert article.paragraphs == STORY


def test_bulleted_headlines_ending_the_page() -> None:
    items = [f"- {t}" for t in TEASERS] + [
        "- Harbour fees to rise in spring The council says the money will pay for dredging."
    ]
    article = run(page(*STORY, *items))
    assert teaser_removals(article) == items
    assert article.paragraphs == STORY


# ---- hard negatives ------------------------------------------------------------------------------


def test_a_list_introduced_by_the_story_stays() -> None:
    items = ["- Widen the northern quay by forty metres", "- Dredge the channel to twelve metres",
             "- Build a new ferry terminal next to the station"]
    text = page(*STORY, "The plan has three parts:", *items)
    article = run(text)
    assert teaser_removals(article) == []
    assert article.paragraphs[-3:] == items


def test_a_bulleted_list_followed_by_more_story_stays() -> None:
    items = [f"- {t}" for t in TEASERS]
    article = run(page(*STORY[:2], *items, *STORY[2:]))
    assert teaser_removals(article) == []


def test_short_list_items_at_the_end_stay() -> None:
    items = ["- 1 tsp cinnamon", "- 2 pears", "- 1 cup honey", "- Optical heart sensor"]
    article = run(page(*STORY, *items))
    assert teaser_removals(article) == []


def test_one_sentence_paragraphs_under_a_label_stay() -> None:
    # AP sports stories end with "UP NEXT" and one-line paragraphs that are part of the story
    lines = ["Harbour City: Host the regatta on Friday.", "Port Town: Visit the islands on Sunday."]
    article = run(page(*STORY, "Related stories", *lines))
    assert teaser_removals(article) == []
    assert article.paragraphs[-2:] == lines


def test_a_single_subhead_after_a_label_stays() -> None:
    article = run(page(*STORY[:2], "Related stories", "The vote", *STORY[2:]))
    assert teaser_removals(article) == []
    assert "The vote" in article.paragraphs


@pytest.mark.parametrize(
    ("label", "teaser", "subhead", "story"),
    [("Related stories", TEASERS[0], "Wetlands at stake", STORY),
     ("Lesen Sie auch", "Neue Fähre nach Helgoland startet im Mai mit zwei Abfahrten täglich",
      "Streit um die Feuchtgebiete", DE_STORY)],
    ids=["en", "de"],
)
def test_a_subhead_under_a_one_line_teaser_stays(label: str, teaser: str, subhead: str,
                                                 story: list[str]) -> None:
    """Label, one teaser, then the story's own subhead and the paragraph it heads (on the wetlands):
    the subhead is no second teaser."""
    article = run(page(*story[:2], label, teaser, subhead, *story[2:]))
    assert subhead in article.paragraphs
    assert teaser_removals(article) == []


def test_a_short_second_teaser_not_taken_up_by_the_story_still_goes() -> None:
    """A short line under a teaser is a subhead only if the paragraph under it takes up its words
    and it has no bullet; a short headline of another story is a teaser."""
    article = run(page(*STORY[:2], "Related stories", TEASERS[0], TEASERS[2], *STORY[2:]))
    assert teaser_removals(article) == [TEASERS[0], TEASERS[2]]
    bulleted = ["- " + TEASERS[0], "- Wetlands at stake"]
    assert teaser_removals(run(page(*STORY[:2], "Related stories", *bulleted, *STORY[2:]))) == bulleted


def test_body_paragraphs_after_a_label_stay() -> None:
    article = run(page(*STORY[:2], "You may also like...", *STORY[2:]))
    assert article.paragraphs == STORY


def test_one_tagged_line_stays() -> None:
    line = "Watch the council debate the harbour plan [Video]"
    article = run(page(*STORY[:2], line, *STORY[2:]))
    assert line in article.paragraphs


def test_the_rule_alone_knows_the_generic_labels() -> None:
    # without site_chrome the rule still reads its own label lists (data/headline_labels)
    doc = segment(page(*STORY[:3], "You may also like...", *TEASERS, STORY[3]), mode="html")
    assert [v.block for v in Teasers().apply(doc, Context())] == [3, 4, 5, 6]


def test_the_rule_alone_without_a_label() -> None:
    # a line that is no label: the headlines under it are left to other rules
    doc = segment(page(*STORY[:3], "Our reporters", *TEASERS, STORY[3]), mode="html")
    assert list(Teasers().apply(doc, Context())) == []


def test_in_the_default_pipeline() -> None:
    text = page("Council backs harbour expansion", *STORY, "You may also like...", *TEASERS)
    article = newsclean.clean(text, mode="text")
    assert not set(TEASERS) & set(article.paragraphs)
    assert "teasers" in newsclean.default_pipeline().names


# ---- dated feeds ---------------------------------------------------------------------------------

FEED_TEASERS = [
    "After three days of hearings, only one witness has emerged with a legitimate gripe, and it has "
    "nothing to do with the inquiry itself.",
    "The mystery of what happened during the interview will not face scrutiny from the regulator, a "
    "spokesman said on Tuesday.",
    "People are still waiting for the committee to deliver on its promises, two weeks into the "
    "investigation of the harbour contracts.",
]
AUTHORS = ["Becket Adams", "Daniel Chaitin", "Kaylee McGhee"]
DATES = ["Wednesday November 20, 2019", "Tuesday November 19, 2019", "Monday November 18, 2019"]


def author_feed() -> list[str]:
    return [line for a, d, t in zip(AUTHORS, DATES, FEED_TEASERS, strict=True) for line in (a, d, t)]


def test_feed_of_author_date_and_teaser_paragraph() -> None:
    feed = author_feed()
    article = run(page(*STORY, *feed))
    assert article.paragraphs == STORY
    dropped = [r.text for r in article.removed if r.rule == "teasers"]
    assert set(FEED_TEASERS) | set(AUTHORS) <= set(dropped)
    reasons = {r.reason for r in article.removed if r.rule == "teasers"}
    assert reasons == {"feed of 3 dated items, a date every 3 lines"}


def test_feed_of_headlines_with_dates_above_the_story() -> None:
    feed = [line for t, d in zip(TEASERS, DATES, strict=True) for line in (t, d)]
    article = run(page(*feed, *STORY))
    assert article.paragraphs == STORY
    assert set(TEASERS) <= set(teaser_removals(article))


def test_a_page_that_is_only_a_feed_keeps_it() -> None:
    # a blog's front page or archive: its dated items are its content (wcxb-dev's listing pages
    # hold their feeds in the gold), even when nothing else on the page says it is no article
    article = run(page("Latest posts", *author_feed(), "Older posts"))
    assert not teaser_removals(article)
    assert set(FEED_TEASERS) <= set(article.paragraphs)


def test_a_feed_that_outweighs_a_short_story_still_goes() -> None:
    # the story has fewer words than the feed, but far more than a listing's intro
    article = run(page(*STORY[:2], *author_feed()))
    assert article.paragraphs == STORY[:2]
    assert set(FEED_TEASERS) <= set(teaser_removals(article))


# ---- dated feeds: hard negatives ----------------------------------------------------------------


def test_live_blog_stamped_with_times_stays() -> None:
    entries = [line for time, p in zip(["10:32", "10:45", "11:02", "11:20"], STORY, strict=True)
               for line in (time, p)]
    article = run(page(*entries))
    assert not teaser_removals(article)
    assert all(p in article.paragraphs for p in STORY)


def test_dated_entries_without_a_headline_between_them_stay() -> None:
    # a diary or a blog's dated updates: date, paragraph, date, paragraph
    entries = [line for d, p in zip(DATES, STORY, strict=False) for line in (d, p)]
    article = run(page(*entries))
    assert not teaser_removals(article)
    assert all(p in article.paragraphs for p in STORY[:3])


def test_story_after_a_feed_keeps_its_first_paragraph() -> None:
    # the item shape is author / date / teaser: the story's first paragraph right after the last
    # teaser is not another item's line
    article = run(page(*author_feed(), *STORY))
    assert article.paragraphs == STORY


def test_one_dated_story_is_not_a_feed() -> None:
    article = run(page("Becket Adams", DATES[0], *STORY))
    assert not teaser_removals(article)
    assert all(p in article.paragraphs for p in STORY)


def test_live_blog_posts_stamped_with_times_of_one_day_stay() -> None:
    """Headline / stamp / post, three times, every stamp on one day: a live blog, not a feed."""
    stamps = ["10:42 GMT 7 December 2024", "10:31 GMT 7 December 2024", "10:15 GMT 7 December 2024"]
    heads = ["Ferry services cancelled", "Harbour closed to ships", "Council meets tonight"]
    posts = [line for h, d, p in zip(heads, stamps, STORY, strict=False) for line in (h, d, p)]
    article = run(page(*posts))
    assert teaser_removals(article) == []
    assert set(STORY[:3]) <= set(article.paragraphs)
    daily = [s.replace("7 December", f"{day} December") for s, day in zip(stamps, (7, 6, 5), strict=True)]
    feed = [line for h, d, p in zip(heads, daily, STORY, strict=False) for line in (h, d, p)]
    assert teaser_removals(run(page(*STORY, *feed)))  # stamps of three days: a feed


AR_STORY = [
    "أعلنت أمانة عمّان الكبرى يوم الثلاثاء عن خطة جديدة لتطوير شبكة النقل العام في المدينة، تشمل "
    "إضافة خطوط حافلات سريعة وتوسيع محطات الانتظار في الأحياء الشرقية خلال العامين المقبلين.",
    "وقال مدير المشروع إن الخطة تهدف إلى تخفيف الازدحام المروري في ساعات الذروة، مشيراً إلى أن "
    "التمويل سيأتي من موازنة البلدية ومن قرض ميسر تفاوضت عليه الحكومة مع جهات دولية.",
    "ومن المتوقع أن تبدأ أعمال التنفيذ في الربيع المقبل، على أن تُستكمل المرحلة الأولى قبل نهاية "
    "العام القادم، بحسب الجدول الزمني الذي عرضه المسؤولون على مجلس الأمانة.",
]


def test_a_read_more_line_in_a_script_without_capitals_goes() -> None:
    """Arabic has no capitals: after a read-more label, a line in a caseless script starts a
    headline as a capital letter does in Latin script."""
    line = "اقرأ أيضاً: أمانة عمّان تعلن خطة لتطوير الأسواق الشعبية في المناطق الشرقية"
    article = run(page(*AR_STORY[:2], line, AR_STORY[2]))
    assert teaser_removals(article) == [line]
    assert article.paragraphs == AR_STORY
    # hard negative: a sentence after the label (a full stop at its end) stays
    sentence = "اقرأ أيضاً: قالت الأمانة إن الخطة ستعرض على المجلس الأسبوع المقبل."
    assert teaser_removals(run(page(*AR_STORY[:2], sentence, AR_STORY[2]))) == []


def test_a_blogs_links_to_its_neighbouring_posts_go() -> None:
    """``Previous Post: <headline>`` / ``Next Post: <headline> »`` under a blog post are other
    posts' headlines behind a label, as ``Read more:`` lines are."""
    nav = ["Previous Post: How we mapped every quay of the old harbour",
           "Next Post: Ferry timetable changes for the summer season »"]
    article = run(page(*STORY, *nav))
    assert teaser_removals(article) == nav
    assert article.paragraphs == STORY
    # hard negative: a sentence that starts with the words stays
    sentence = "Next post: we will look at what the expansion means for the fishing fleet."
    assert teaser_removals(run(page(*STORY[:2], sentence, *STORY[2:]))) == []


# ---- Chinese, Japanese and Korean; ranking boxes ---------------------------------------------------

JA_STORY = [
    "富山県高岡市で計画が進む路面電車の延伸区間で、20日夜から新型車両による試運転が始まった。延伸されるのは"
    "高岡駅から駅南地区までの約1.2キロで、来年春の開業を目指している。",
    "試運転は終電後の午前0時過ぎに行われ、2両編成の低床車両が時速15キロほどでゆっくりと新しい線路を走った。"
    "市の担当者は「大きな問題は見つかっていない」と話した。",
    "延伸の背景には、駅南地区で進む住宅開発と高齢化がある。市によると、駅南地区の人口はこの10年で約1割増えた一方、"
    "65歳以上の割合も3割を超えた。",
]
JA_TEASERS = ["北陸新幹線延伸から1年 沿線の観光客数はどう変わったか",
              "富山市議会、来年度予算案を可決 過去最大の規模に", "氷見の寒ブリ、今季の水揚げが例年の2倍に"]


def test_japanese_headlines_under_a_japanese_label() -> None:
    # a headline written without spaces is one \w+ token: its length is read in characters
    article = run(page(*JA_STORY, "関連記事", *JA_TEASERS))
    # the label itself is a listed phrase since session 23 (ja.txt): site_chrome, before this rule
    assert teaser_removals(article) == JA_TEASERS
    assert {r.text: r.rule for r in article.removed}["関連記事"] == "site_chrome"
    assert article.paragraphs == JA_STORY


def test_japanese_paragraphs_under_a_label_stay() -> None:
    # sentences ending in 。 are the story going on, not headlines
    article = run(page(*JA_STORY[:1], "関連記事", *JA_STORY[1:]))
    assert teaser_removals(article) == []
    # the label goes as a listed phrase (ja.txt, session 23); the story under it stays whole
    assert article.paragraphs == JA_STORY


def test_ranking_box_with_each_place_on_its_own_line() -> None:
    ranked = [x for i, t in enumerate(TEASERS, 1) for x in (str(i), t)]
    article = run(page(*STORY, "Most read", *ranked))
    assert teaser_removals(article) == ranked  # the label is site_chrome's
    assert article.paragraphs == STORY


def test_ranking_box_in_korean() -> None:
    heads = ["기준금리 11회 연속 동결 물가 둔화 확인 필요", "벚꽃 개화 예년보다 일주일 빨라 이번 주말 절정",
             "세종 청주 광역급행버스 다음 달 개통 출퇴근 30분 단축"]
    ranked = [x for i, t in enumerate(heads, 1) for x in (str(i), t)]
    article = run(page(*STORY, "많이 본 뉴스", *ranked))
    assert teaser_removals(article) == ["많이 본 뉴스", *ranked]


def test_numbers_without_headlines_under_a_label_are_no_ranking() -> None:
    # places alone do not make a list of other stories: two headlines at least
    article = run(page(*STORY, "Most read", "1", TEASERS[0], "2", STORY[0] + " More."))
    assert teaser_removals(article) == []


@pytest.mark.parametrize("label", ["More from Sportsnet", "More Great WIRED Stories",
                                   "Popular on IndieWire", "Discover more from The Harbour Letter"])
def test_headlines_under_a_label_that_names_the_site_or_a_section(label: str) -> None:
    """A label with a name in its slot (``more from *``, ``more * stories``): the site's or a
    section's name differs on every site, the shape does not."""
    article = run(page(*STORY[:3], label, *TEASERS, STORY[3]))
    assert teaser_removals(article)[-3:] == TEASERS  # the label too, unless site_chrome took it
    assert article.paragraphs == STORY


@pytest.mark.parametrize("label", ["Most read in Business", "Our most read stories this week:"])
def test_numbered_headlines_under_a_longer_list_label(label: str) -> None:
    items = [f"{k}. {t}" for k, t in enumerate(TEASERS, 1)]
    article = run(page(*STORY, label, *items))
    assert teaser_removals(article)[-3:] == items
    assert article.paragraphs == STORY


def test_the_storys_title_under_a_label_ends_the_run() -> None:
    # "Blog - Latest News" over the post: its title and first lines are no teasers, however
    # headline-shaped ("... to watch the show and" ends in no full stop)
    title = "Visitors review the palace show at the harbour theatre"
    first = "Visitors who booked their tickets online came to the harbour theatre to watch the show and"
    doc = segment(page(*STORY, "Latest News", TEASERS[0], title, first, *STORY), mode="html")
    facts = newsclean.Verdict(6, Action.META, "title", "test", confidence=0.8, facts={"title": title})
    removed = {doc.blocks[v.block].text for v in Teasers().apply(doc, Context([facts]))}
    assert title not in removed
    assert first not in removed


def test_the_story_going_on_under_a_more_on_line_stays() -> None:
    """Hard negative: "More on the quay" over the story's own paragraphs (no teaser headlines) is
    a subhead; nothing under it goes."""
    text = page(*STORY[:2], "More on the quay", *STORY[2:])
    article = run(text)
    assert teaser_removals(article) == []
    assert article.paragraphs == [*STORY[:2], "More on the quay", *STORY[2:]]


def test_a_japanese_read_more_line_whose_headline_opens_with_a_corner_bracket() -> None:
    line = "あわせて読みたい：【2026年版】子連れにやさしい貸切風呂つきの宿、関東近郊10選"
    story = ["新宿を朝9時発のあずさに乗車した。窓の外の景色に子どもたちは夢中になっていた。",
             "松本駅に着くと、まずは駅のコインロッカーに大きな荷物を預けることにした。",
             "午後は松本城へ向かった。天守の中は階段がかなり急で、息子は夫が抱っこで登った。"]
    article = newsclean.clean("\n\n".join([*story[:2], line, story[2]]))
    assert line not in article.paragraphs
    assert article.paragraphs == story
