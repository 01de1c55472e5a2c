"""The ``comment_thread`` rule: what follows the heading of the reader comments."""

from __future__ import annotations

import pytest
from stories import DE_STORY, STORY, page

import newsclean
from newsclean import Context, Kind
from newsclean.ingest.segment import segment
from newsclean.rules.comments import CommentThread
from newsclean.rules.shapes import is_signed_stamp

COMMENTS = [
    "Gaye",
    "August 8, 2018 at 3:17 pm",
    "This is exactly what I needed to read today, thank you so much for writing it down so clearly.",
    "Mark Baker",
    "August 9, 2018 at 10:02 am",
    "I disagree with the part about the wetlands, the council did hold three public hearings on it.",
]


def verdicts(text: str, **options: object) -> list[int]:
    return [v.block for v in CommentThread(**options).apply(segment(text), Context())]


@pytest.mark.parametrize("heading", [
    "Leave a Reply Cancel reply",
    "12 Comments",
    "Comments (12)",
    '10 thoughts on "Harbour expansion approved"',
    "Join the conversation",
])
def test_thread_after_the_story_goes(heading: str) -> None:
    article = newsclean.clean(page(*STORY, heading, *COMMENTS))
    assert article.paragraphs == STORY
    removed = {r.text: (r.rule, r.kind) for r in article.removed}
    assert removed[COMMENTS[2]] == ("comment_thread", Kind.SITE_CHROME)
    # every comment goes; the line model may remove the thread's last comment on its own before
    # this rule runs (a sure drop keeps its own reason), so only the kind is asserted for it
    assert set(COMMENTS) <= set(removed)
    assert removed[COMMENTS[5]][1] is Kind.SITE_CHROME


def test_reason_names_the_heading() -> None:
    article = newsclean.clean(page(*STORY, "Leave a Reply", *COMMENTS))
    reasons = {r.reason for r in article.removed if r.rule == "comment_thread"}
    assert reasons == {"reader comments: after the heading 'Leave a Reply'"}


def test_german_heading() -> None:
    # Phrase lists are per language: a German thread heading is known in German ("Kommentar
    # schreiben" left the pruned lists; a count with "Kommentare" stays).
    story = [*DE_STORY, "Der Bürgermeister sagte, die Arbeiten würden im nächsten Frühjahr beginnen "
                        "und etwa vier Jahre dauern, bevor die ersten Schiffe anlegen können."]
    comment = "Ich finde den Ausbau richtig, die Stadt braucht endlich die neuen Arbeitsplätze im Hafen."
    article = newsclean.clean(page(*story, "12 Kommentare", comment))
    assert article.paragraphs == story
    assert [r.rule for r in article.removed if r.text == comment] == ["comment_thread"]


def test_a_line_only_tentatively_dropped_before_gets_the_thread_drop_too() -> None:
    # the resolver may keep a line an earlier rule dropped weakly (the core protection): the thread
    # drop must not rely on it; a line removed for sure keeps its own reason
    text = page(*STORY, "12 Comments", *COMMENTS)
    doc = segment(text)
    weak = newsclean.Verdict(6, newsclean.Action.DROP, "line_scorer", "weak", Kind.SITE_CHROME, 0.6)
    sure = newsclean.Verdict(8, newsclean.Action.DROP, "line_scorer", "sure", Kind.SITE_CHROME, 0.9)
    heading = newsclean.Verdict(4, newsclean.Action.DROP, "site_chrome", "comments widget",
                                Kind.SITE_CHROME, 0.95, establishes=newsclean.Fact.CHROME_LINE)
    blocks = [v.block for v in CommentThread().apply(doc, Context([heading, weak, sure]))]
    assert blocks == [5, 6, 7, 9, 10]


def signed(remarks: list[str], name: str) -> list[str]:
    """A thread: each remark under its commenter's name (``Reader 0``, ``Reader 1``...)."""
    return [line for n, remark in enumerate(remarks) for line in (f"{name} {n}", remark)]


_REMARKS = [
    "I disagree with the part about the wetlands, the council did hold three public hearings on it "
    "and the minutes are online for anyone who wants to read what was said there.",
    "My father worked at the old quay for thirty years and he always said the harbour needed more "
    "room, so I am glad to see that somebody finally listened to the people who work there.",
    "Four years sounds optimistic to me, the bridge on the ring road was meant to take two years and "
    "it took six, and nobody on the council ever explained where the extra money went.",
    "Has anyone asked the fishermen what they think? They are the ones who lose the most if the "
    "wetlands go, and none of them was invited to speak at the hearing last month.",
]
LONG_THREAD = signed(_REMARKS, "Reader")
"""A thread that outweighs the four-paragraph story: the story is under 0.6 of the page's words."""


@pytest.mark.parametrize("heading", [
    '59 Comments on "Harbour expansion approved"',
    "3 thoughts on \u201cHarbour expansion approved\u201d",
    "2 responses to \u201cHarbour expansion approved\u201d",
])
def test_a_titled_counted_heading_opens_a_thread_that_outweighs_the_story(heading: str) -> None:
    # a heading that counts the comments and quotes the story's title is the thread's own: a lower
    # share of the words before it is enough (titled_share_before)
    article = newsclean.clean(page(*STORY, heading, *LONG_THREAD))
    assert article.paragraphs == STORY
    assert set(_REMARKS) <= {r.text for r in article.removed if r.rule == "comment_thread"}


DE_TITLE = "Hafen wird ausgebaut: Stadtrat stimmt nach zehn Jahren Streit zu"
DE_REMARKS = [
    "Endlich! Ich wohne seit zwanzig Jahren am Hafen und habe zugesehen, wie ein Betrieb nach dem "
    "anderen in die Nachbarstädte abgewandert ist, weil hier nichts mehr vorwärtsging.",
    "Und was ist mit den Feuchtgebieten? Darüber steht im Artikel leider nur ein Satz, obwohl der "
    "Naturschutzbund seit Monaten vor den Folgen für die Zugvögel an der Küste warnt.",
    "Vier Jahre Bauzeit halte ich für sehr optimistisch, die Brücke an der Umgehungsstraße sollte "
    "auch zwei Jahre dauern und am Ende waren es sechs, und teurer wurde sie obendrein.",
    "Hat eigentlich jemand die Fischer gefragt? Sie verlieren am meisten, wenn der neue Kai gebaut "
    "wird, und bei der Anhörung im letzten Monat durfte keiner von ihnen sprechen.",
    "Danke für den ausführlichen Bericht, so etwas liest man in der Lokalzeitung leider selten, "
    "macht bitte weiter so und bleibt an dem Thema dran, wenn die Bagger kommen.",
]
DE_THREAD = signed(DE_REMARKS, "Leserin")


@pytest.mark.parametrize("heading", [
    f"14 Kommentare zu „{DE_TITLE}“",
    f"16 gedachten over \u201c{DE_TITLE}\u201d",
    f"5 komentarzy do „{DE_TITLE}\u201d",
    "3 réflexions sur « Hafen wird ausgebaut: Stadtrat stimmt nach zehn… »",  # cut off
])
def test_a_counted_heading_quoting_the_headline_opens_the_thread_in_any_language(heading: str) -> None:
    # blog themes print "N <comments> <on> “<the post's title>”" in every language; no phrase list
    # names these words, but the quote is the headline printed above, so the line is the thread's
    article = newsclean.clean(page(DE_TITLE, *DE_STORY, heading, *DE_THREAD))
    assert set(DE_STORY) <= set(article.paragraphs)
    assert set(DE_REMARKS) <= {r.text for r in article.removed if r.rule == "comment_thread"}


@pytest.mark.parametrize("line", [
    "3 Gründe für „mehr Grün in der Innenstadt“",  # a teaser quoting no line printed above
    "5 Beiträge in „Lokales Leben“",  # quotes a line above, the menu's, too short for a title
])
def test_a_counted_quote_of_no_headline_opens_nothing(line: str) -> None:
    text = page("Lokales Leben", DE_TITLE, *DE_STORY, line, *DE_THREAD)
    assert not [v for v in CommentThread().apply(segment(text), Context())]


def test_a_counted_quote_of_the_headline_under_it_opens_nothing() -> None:
    # the same heading right under the headline is a counter linking to the thread, not its start
    text = page(DE_TITLE, f"14 Kommentare zu „{DE_TITLE}“", *DE_STORY)
    assert verdicts(text) == []
    assert set(DE_STORY) <= set(newsclean.clean(text).paragraphs)


def test_an_untitled_heading_still_asks_for_most_of_the_words() -> None:
    # "12 Comments" can be a counter anywhere; with most of the page's words after it, it opens nothing
    text = page(*STORY, "12 Comments", *LONG_THREAD)
    assert set(_REMARKS) <= set(newsclean.clean(text).paragraphs)
    pipe = newsclean.default_pipeline().with_options("comment_thread", min_share_before=0.3)
    assert not set(_REMARKS) & set(newsclean.clean(text, pipeline=pipe).paragraphs)


# ---- hard negatives ----------------------------------------------------------------------------


def test_a_titled_counter_under_the_headline_opens_nothing() -> None:
    text = page("Harbour expansion approved", '3 thoughts on "Harbour expansion approved"', *STORY,
                "Reader 1", _REMARKS[0])
    article = newsclean.clean(text)
    assert set(STORY) <= set(article.paragraphs)
    assert not [r for r in article.removed if r.rule == "comment_thread"]


def test_counter_under_the_headline_opens_nothing() -> None:
    text = page("Harbour expansion approved", "12 Comments", *STORY)
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == STORY


def test_bare_comments_button_inside_the_story_opens_nothing() -> None:
    text = page(*STORY[:3], "Comments", STORY[3])
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == STORY


def test_a_subhead_of_chrome_words_opens_nothing() -> None:
    """"Website Video" is a row of two listed words, a comment form's field and a media label, and
    reads as comments; it is a subhead of a story on kinds of video, which goes on below it."""
    article = newsclean.clean(page(*STORY[:3], "Website Video", *STORY[3:]))
    assert set(STORY) <= set(article.paragraphs)
    assert not [r for r in article.removed if r.rule == "comment_thread"]


def test_a_row_of_form_buttons_still_opens_the_thread() -> None:
    article = newsclean.clean(page(*STORY, "Email Subscribe", *COMMENTS))
    assert article.paragraphs == STORY
    assert COMMENTS[2] in {r.text for r in article.removed if r.rule == "comment_thread"}


def test_brief_with_a_comment_form_keeps_its_story() -> None:
    # fewer than min_words_before kept words: the heading might sit anywhere in a brief
    text = page(STORY[0], "Leave a Reply", STORY[1])
    assert verdicts(text) == []


def test_quoted_reader_is_body() -> None:
    quote = '"Leave a reply if you disagree," the mayor wrote on the city\'s website on Wednesday.'
    text = page(*STORY[:3], quote, STORY[3])
    assert verdicts(text) == []
    assert newsclean.clean(text).paragraphs == [*STORY[:3], quote, STORY[3]]


def test_rule_can_be_turned_off() -> None:
    pipe = newsclean.default_pipeline().without("comment_thread")
    article = newsclean.clean(page(*STORY, "Leave a Reply Cancel reply", *COMMENTS), pipeline=pipe)
    assert all(r.rule != "comment_thread" for r in article.removed)
    assert COMMENTS[2] in article.paragraphs


def test_a_forum_thread_keeps_its_posts() -> None:
    """On a page stated to be a forum thread (the page_type fact) the posts are the page."""
    text = page(*STORY, "12 Comments", *COMMENTS)
    forum = newsclean.clean_text(text, page_type="forum")
    assert not [r for r in forum.removed if r.rule == "comment_thread"]
    assert COMMENTS[2] in forum.paragraphs
    # hard negative: the same text stated to be an article loses its thread
    article = newsclean.clean_text(text, page_type="article")
    assert [r.rule for r in article.removed if r.text == COMMENTS[2]] == ["comment_thread"]


def test_a_heading_quoting_the_post_title_ends_the_post_even_on_a_forum_page() -> None:
    # a blog post with many comments reads as a forum thread; a heading that counts them and quotes
    # the post's title printed above says they are a post's comments (Finnish and Swedish open the
    # quote with ”)
    heading = f"14 ajatusta aiheesta \u201d{DE_TITLE}\u201d"
    text = page(DE_TITLE, *DE_STORY, heading, *DE_THREAD)
    forum = newsclean.clean_text(text, page_type="forum")
    assert set(DE_STORY) <= set(forum.paragraphs)
    assert set(DE_REMARKS) <= {r.text for r in forum.removed if r.rule == "comment_thread"}
    # hard negative: a plain counter is no such heading, and the forum's posts stay
    plain = newsclean.clean_text(page(DE_TITLE, *DE_STORY, "14 Kommentare", *DE_THREAD), page_type="forum")
    assert not [r for r in plain.removed if r.rule == "comment_thread"]


def test_on_forums_option_drops_the_thread_there_too() -> None:
    text = page(*STORY, "12 Comments", *COMMENTS)
    pipe = newsclean.default_pipeline().with_options("comment_thread", on_forums=True)
    forum = newsclean.clean_text(text, page_type="forum", pipeline=pipe)
    assert [r.rule for r in forum.removed if r.text == COMMENTS[2]] == ["comment_thread"]


SIGNED = [
    "Gaye says",
    "This is exactly what I needed to read today, thank you so much for writing it down so clearly.",
    "Reply",
    "Mark Baker says:",
    "I disagree with the part about the wetlands, the council did hold three public hearings on it.",
    "Reply",
]


def test_a_thread_without_a_heading_is_known_by_its_signatures() -> None:
    assert verdicts(page(*STORY, *SIGNED)) == list(range(4, 10))
    # the drops are FIRM: the line scorer's keeps may overrule them (the weights of session 17 keep
    # the two comments of this four-paragraph page, 10 lines over aeb-dev and wcxb-dev); without
    # those keeps only the story is left, and the removals say why
    pipe = newsclean.default_pipeline().with_options("line_scorer", keep_threshold=1.0)
    article = newsclean.clean_text(page(*STORY, *SIGNED), pipeline=pipe)
    assert article.paragraphs == STORY
    reasons = {r.reason for r in article.removed if r.rule == "comment_thread"}
    assert reasons == {"reader comments: signed like 'Gaye says' from here on"}
    # in other languages
    german = ["Anna sagt:", "Ich finde den Ausbau richtig, die Stadt braucht die Arbeitsplätze.",
              "Antworten", "Jonas sagt:", "Das sehe ich ganz anders, der Hafen ist groß genug.",
              "Antworten"]
    assert verdicts(page(*STORY, *german)) == list(range(4, 10))
    slashdot = ["by ozmartian ( 5754788 ) writes: on Friday December 19, 2025 @08:08PM",
                "How are juniors supposed to be mentored then?", "Reply to This Share",
                "by iggymanz ( 596061 ) writes:", "They think AI will do it.",
                "by martin-boundary ( 547041 ) writes:", "They know it, but they have FOMO."]
    # one site's own signature format (Slashdot, two subdomains on wcxb-dev) is not named by the
    # rule: a shape must recur on several sites
    assert verdicts(page(*STORY, *slashdot)) == []


def test_signatures_open_the_thread_before_a_heading_further_down() -> None:
    # WordPress prints the comment form's heading under the comments: the thread starts at the
    # first signature, not at the form
    text = page(*STORY, *SIGNED, "Leave a Reply Cancel reply")
    assert verdicts(text) == list(range(4, 11))


# ---- hard negatives for the signatures ---------------------------------------------------------


def test_reply_buttons_under_every_post_of_a_forum_open_nothing() -> None:
    # forums print a reply button under every post, the first one too: the first button comes
    # before half the page's words, so the run of them is no thread after a story
    posts = [STORY[0], "Reply", COMMENTS[2], "Reply", COMMENTS[5], "Reply", STORY[3], "Reply"]
    assert verdicts(page(*posts)) == []


BARE = [
    "Wonderful news for the old harbour, I grew up two streets from the quay and it was high time.",
    "Reply",
    "Who is going to pay for all of this in the end? The port authority has debts already.",
    "Reply",
    "My grandfather worked on those cranes for thirty years, it is sad to see them go.",
    "Reply",
]


def test_reply_buttons_under_each_comment_after_the_story_open_the_thread() -> None:
    # a blog theme whose comment heading no list knows still prints a reply button under each
    # comment; the first comes after the story: the thread opens at it (the comment above it stays)
    assert verdicts(page(*STORY, *BARE)) == list(range(5, 10))
    # in the languages whose buttons recur on three or more sites
    czech = [line if line != "Reply" else "Odpovědět" for line in BARE]
    vietnamese = [line if line != "Reply" else "Trả lời" for line in BARE]
    hindi = [line if line != "Reply" else "जवाब दें" for line in BARE]
    for thread in (czech, vietnamese, hindi):
        assert verdicts(page(*STORY, *thread)) == list(range(5, 10))


def test_reply_buttons_alone_open_nothing_when_told_not_to_or_when_too_few() -> None:
    assert verdicts(page(*STORY, *BARE), bare_replies_share=2.0) == []
    assert verdicts(page(*STORY, *BARE[:4])) == []  # two buttons: no run of three
    # a story that ends in a button row of its own, "Reply" among other words, is no signature
    assert verdicts(page(*STORY, "Reply to this story", STORY[0], "Reply", STORY[1])) == []


def test_signatures_before_the_story_or_too_far_apart_open_nothing() -> None:
    assert verdicts(page(*SIGNED, *STORY)) == []  # fewer than 80 words before them
    apart = ["Gaye says", *STORY[:3] * 5, "Mark Baker says", "Reply"]
    assert verdicts(page(*STORY, *apart)) == []


def test_a_story_quoting_what_someone_says_keeps_it() -> None:
    lines = ["The mayor says", "Harbour works begin in spring.", "The council says",
             "Opponents will appeal."]  # two "says" lines and no reply button: no run of three
    assert verdicts(page(*STORY, *lines)) == []


ZH_STORY = [
    "记者昨日从市城市管理局获悉，为对南江路跨江大桥进行桥面铺装和伸缩缝更换，自11月15日至12月15日，"
    "每天22时至次日5时，大桥双向全封闭施工，白天正常通行。",
    "封闭施工期间，过江车辆可绕行滨江大桥或东门大桥。公交12路、35路和夜间N3路将临时调整线路，"
    "具体方案由公交集团另行发布。行人和非机动车可通过大桥两侧的临时通道通行。",
    "据了解，南江路跨江大桥建成于2003年，日均车流量约6万辆次。此次施工是大桥通车以来规模最大的一次维修，"
    "完工后桥面平整度和行车舒适性将明显提升。",
    "市城市管理局提醒，施工期间请广大市民合理安排出行，途经施工路段时减速慢行，服从现场交通指挥。",
]
ZH_COMMENTS = [
    "江边的猫 2026-11-04 08:12",
    "晚上十点以后才封，影响不算大，支持。",
    "老张开出租 2026-11-04 08:40",
    "夜班的兄弟们要多绕二十分钟了，希望能按时完工。",
]


def test_a_chinese_thread_after_its_counted_heading_goes() -> None:
    """``评论（2）``: the count in full-width brackets is dropped before the lookup, and the story's
    words are counted as a reader counts them (four paragraphs are some 20 ``\\w+`` tokens, under
    the words a heading needs before it, and about 130 words)."""
    article = newsclean.clean(page(*ZH_STORY, "评论（2）", *ZH_COMMENTS))
    assert article.paragraphs == ZH_STORY
    removed = {r.text: r.rule for r in article.removed}
    assert removed[ZH_COMMENTS[1]] == "comment_thread"
    assert set(ZH_COMMENTS) <= set(removed)


def test_a_bare_chinese_comments_button_inside_the_story_opens_nothing() -> None:
    """Hard negative: ``评论`` without a count is a button that can sit anywhere."""
    text = page(*ZH_STORY[:3], "评论", ZH_STORY[3])
    assert verdicts(text) == []


def test_a_newsletter_box_inside_the_story_opens_nothing() -> None:
    """An e-mail field is a newsletter box's as often as a comment form's (36 of 37 such lines of
    the dev, written and held-out pages sit under a newsletter prompt): the story below the box
    stays."""
    rest = ("Der Bürgermeister sagte, die Arbeiten würden im nächsten Frühjahr beginnen und etwa "
            "vier Jahre dauern, bevor die ersten Schiffe anlegen können.")
    text = page(*DE_STORY, "Newsletter", "Jeden Morgen die wichtigsten Nachrichten.",
                "Deine E-Mail-Adresse", "Anmelden", rest,
                "Auch die Reedereien begrüßten den Beschluss des Rates am Abend.")
    assert verdicts(text) == []
    assert rest in newsclean.clean(text).paragraphs


# ---- signatures that are a name beside the day and time of the comment ---------------------------

STAMPED = [
    "Silvia R. escribió el 14/09/2011 08:47",
    "Yo vivo en Los Jazmines y es tal cual lo que cuenta la nota, me levanto de noche a llenar baldes.",
    "Denunciar abuso",
    "Marcelo escribió el 14/09/2011 11:54",
    "Que la cooperativa publique cuánto se recaudó este año y en qué se gastó, pagamos todos los meses.",
    "Denunciar abuso",
    "たかし 2024/11/21 08:40",
    "I grew up two streets from the quay and it was high time somebody did something about the place.",
]


@pytest.mark.parametrize(("line", "signed"), [
    ("Silvia R. escribió el 14/09/2011 08:47", True),
    ("Abdul Majeed 3/12/2021 at 1:48am", True),
    ("たかし 2024/11/21 08:40", True),
    ("Posted by: John at December 18, 2025 05:48 PM", True),
    ("Updated December 5, 2025 10:15 am", False),  # a stamp without a name: a live blog's entry
    ("asked Feb 11, 2011 at 23:49", False),
    ("Published 3 March 2024, 14:05", False),
    ("Last Post: 09-12-2021, 02:32 AM", False),
    ("Score 3.45 on 2024-01-02", False),  # a decimal is no time
    ("Silvia wrote to the council on 14/09/2011 at 08:47.", False),  # a sentence
    ("Kovács Bence 2025. március 9. 20:05", True),  # Hungarian: the year first, a month's name
    ("Marje K. 8. aprill 2025, 21:47", True),  # Estonian
    ("Pere Serrat 9 de setembre de 2025 a les 9:12", True),  # Catalan
    ("Frissítve: 2025. március 9. 20:05", False),  # a stamp without a name
])
def test_a_signed_stamp_names_someone_beside_a_day_and_a_time(line: str, signed: bool) -> None:
    assert is_signed_stamp(line) is signed


def test_comments_signed_by_a_name_and_the_time_open_the_thread() -> None:
    assert verdicts(page(*STORY, *STAMPED)) == list(range(4, 12))
    # the story's own byline and date above it, one signed stamp before the story, stops nothing
    assert verdicts(page("By Jane Doe, March 3, 2024 10:15", *STORY, *STAMPED)) == list(range(5, 13))
    assert verdicts(page(*STORY, *STAMPED), stamped=False) == []


def test_stamps_without_a_name_or_the_signed_posts_of_a_forum_open_nothing() -> None:
    live = ["Updated March 3, 2024 10:15 am", STORY[0], "Updated March 3, 2024 11:40 am", STORY[1],
            "Updated March 3, 2024 12:05 pm", STORY[2]]
    assert verdicts(page(*STORY, *live)) == []
    # a forum signs every post, the first ones too: signed stamps before half the words, so the
    # run of them further down opens nothing
    names = ["Harbourfan", "Mark Baker", "Gaye", "Tom", "Anna", "Jonas", "Petra", "Ole"]
    forum = [line for i, name in enumerate(names)
             for line in (f"{name} 3/3/2024 at {9 + i}:02 am", STORY[i % len(STORY)])]
    assert verdicts(page(*forum)) == []
