"""Hypothesis strategies for news-like pages with site chrome (used by the robustness tests).

A page is a list of :class:`Part` objects: the story (title, standfirst, byline, date line,
paragraphs) with chrome around and inside it (menus, breadcrumbs, share and follow lines, cookie
notices, tickers, lists of other headlines, footers). :func:`as_text` renders it as page text,
:func:`as_html` as an HTML page. Nothing here reads the benchmark: every string is written below.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from hypothesis import strategies as st

SUBJECTS = ["The city council", "The health ministry", "Police", "The central bank", "Union leaders",
            "The mayor", "Scientists at the university", "The national team", "Residents",
            "The prime minister", "Firefighters", "The court", "Shareholders", "The school board"]
VERBS = ["said on Tuesday that", "announced that", "warned that", "confirmed that", "argued that",
         "told reporters that", "said in a statement that", "denied reports that"]
CLAIMS = ["the new harbour would open next spring", "prices had risen for the third month in a row",
          "the bridge would stay closed until the repairs were finished",
          "more than two hundred people had been evacuated from the area",
          "the budget for schools would grow by four percent next year",
          "the investigation into the fire was still going on",
          "the agreement had been signed after months of talks",
          "the rail strike would end on Friday", "the water was safe to drink again",
          "the vote had been postponed until the end of the month"]
TAILS = ["", " after a long meeting", " despite the protests", ", according to officials",
         " in the capital", " for the first time since 2019", ", a spokesperson added"]
HEADLINE_WORDS = ["Storm", "Election", "Markets", "Minister", "Court", "Strike", "Rates", "Vaccine",
                  "Festival", "Transfer", "Budget", "Protest", "Flood", "Bridge", "Airport", "Trial"]
HEADLINE_TAILS = ["hits coast overnight", "results delayed again", "close higher on Friday",
                  "resigns after scandal", "rejects appeal", "called off at last minute",
                  "held for third month", "rollout begins in May", "draws record crowds",
                  "deal collapses", "gap widens", "turns violent", "warning issued", "reopens to traffic"]

MENU_ITEMS = ["Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Opinion",
              "Weather", "Video", "Contact", "About us", "Science", "Travel", "Lifestyle"]
SHARE_LINES = ["Share on Facebook", "Share on Twitter", "Share this article", "Share", "Tweet",
               "Email this article", "Print", "Copy link", "Share via WhatsApp", "Pin it"]
FOLLOW_LINES = ["Follow us on Twitter", "Follow us on Facebook", "Like us on Facebook",
                "Subscribe to our newsletter", "Sign up for our newsletter", "Download our app",
                "Follow us on Instagram"]
COOKIE_LINES = [
    "We use cookies to improve your experience on our website.",
    "This website uses cookies. By continuing to browse the site you are agreeing to our use of "
    "cookies.",
    "Accept cookies", "Cookie settings", "Accept all", "Manage preferences",
    "We and our partners use cookies to personalise content and ads.",
]
FOOTER_LINES = ["© 2024 The Daily Example. All rights reserved.", "All rights reserved.",
                "Privacy policy", "Terms of use", "Contact us", "Advertise with us", "Cookie policy",
                "Advertisement", "ADVERTISEMENT", "Comments (12)", "Leave a comment", "Read more",
                "Related articles", "Most read", "Log in", "Sign in", "Register", "Back to top",
                "Skip to main content", "Search"]
TICKER_LABELS = ["Latest news", "Breaking", "Top stories", "Trending", "Just in"]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    text = (f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} "
            f"{draw(st.sampled_from(CLAIMS))}{draw(st.sampled_from(TAILS))}.")
    return text


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=2, max_size=4)))


@st.composite
def headline(draw: st.DrawFn) -> str:
    return f"{draw(st.sampled_from(HEADLINE_WORDS))} {draw(st.sampled_from(HEADLINE_TAILS))}"


@st.composite
def menu(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.sampled_from(MENU_ITEMS), min_size=3, max_size=8, unique=True))
    sep = draw(st.sampled_from([" | ", " · ", "   ", " • ", " > "]))
    return sep.join(items)


@st.composite
def ticker(draw: st.DrawFn) -> str:
    heads = draw(st.lists(headline(), min_size=3, max_size=6, unique=True))
    return draw(st.sampled_from(["   ", " +++ ", " | ", " • "])).join(heads)


@dataclass(frozen=True)
class Part:
    """One line or paragraph of a page; ``story`` is True for the article's own text."""

    kind: str
    text: str
    story: bool = False


def chrome_part() -> st.SearchStrategy[Part]:
    """One line of site chrome."""
    return st.one_of(
        menu().map(lambda t: Part("menu", t)),
        st.sampled_from(SHARE_LINES).map(lambda t: Part("share", t)),
        st.sampled_from(FOLLOW_LINES).map(lambda t: Part("follow", t)),
        st.sampled_from(COOKIE_LINES).map(lambda t: Part("cookie", t)),
        st.sampled_from(FOOTER_LINES).map(lambda t: Part("footer", t)),
        ticker().map(lambda t: Part("ticker", t)),
        st.sampled_from(MENU_ITEMS).map(lambda t: Part("menu-item", t)),
    )


@st.composite
def chrome_block(draw: st.DrawFn) -> list[Part]:
    """A run of chrome: a few chrome lines, a labelled ticker, or a list of other headlines."""
    kind = draw(st.sampled_from(["lines", "ticker", "headlines"]))
    if kind == "ticker":
        return [Part("ticker-label", draw(st.sampled_from(TICKER_LABELS))),
                Part("ticker", draw(ticker()))]
    if kind == "headlines":
        heads = draw(st.lists(headline(), min_size=3, max_size=6, unique=True))
        return [Part("related", draw(st.sampled_from(["Related articles", "More stories", "Most read"])))] + [
            Part("headline", h) for h in heads]
    return draw(st.lists(chrome_part(), min_size=1, max_size=4))


@st.composite
def news_page(draw: st.DrawFn, *, chrome: bool = True) -> list[Part]:
    """A news page: chrome, title, byline/date, 2-6 paragraphs (chrome may sit between them), chrome."""
    parts: list[Part] = []
    if chrome:
        for block in draw(st.lists(chrome_block(), max_size=3)):
            parts.extend(block)
    title = draw(headline())
    parts.append(Part("title", title, story=True))
    if draw(st.booleans()):
        parts.append(Part("byline", f"By {draw(st.sampled_from(['Jane Doe', 'Max Muster', 'Ana Silva']))}"))
    if draw(st.booleans()):
        parts.append(Part("date", draw(st.sampled_from(["March 3, 2021", "2020-02-28 13:06",
                                                        "Updated 12 May 2019"]))))
    paragraphs = draw(st.lists(paragraph(), min_size=2, max_size=6, unique=True))
    for i, p in enumerate(paragraphs):
        parts.append(Part("paragraph", p, story=True))
        if chrome and 0 < i < len(paragraphs) - 1 and draw(st.integers(0, 4)) == 0:
            parts.append(draw(chrome_part()))
    if chrome:
        for block in draw(st.lists(chrome_block(), max_size=3)):
            parts.extend(block)
    return parts


@st.composite
def all_chrome_page(draw: st.DrawFn) -> list[Part]:
    """A page with no story at all: only chrome (menus, share lines, tickers, cookie text, footers)."""
    parts: list[Part] = []
    for block in draw(st.lists(chrome_block(), min_size=1, max_size=6)):
        parts.extend(block)
    return parts


def as_text(parts: list[Part], *, blank_lines: bool = True) -> str:
    """The page as text: one part per line, blank lines between them (or not)."""
    return ("\n\n" if blank_lines else "\n").join(p.text for p in parts)


_TAGS = {"title": "h1", "paragraph": "p", "byline": "p", "date": "time", "headline": "li"}


def as_html(parts: list[Part]) -> str:
    """The page as HTML: chrome in nav/header/aside/footer-ish divs, the story in <article>."""
    out = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"]
    titles = [p.text for p in parts if p.kind == "title"]
    if titles:
        out.append(f"<title>{html_lib.escape(titles[0])} - The Daily Example</title>")
    out.append("</head><body>")
    story = [i for i, p in enumerate(parts) if p.story]
    first, last = (story[0], story[-1]) if story else (-1, -1)
    for i, p in enumerate(parts):
        text = html_lib.escape(p.text)
        if i == first:
            out.append("<article>")
        if i == last + 1:
            out.append("</article>")
        if p.kind == "menu":
            out.append("<nav>" + "".join(f"<a href=\"/x\">{html_lib.escape(t.strip())}</a> "
                                         for t in p.text.replace("·", "|").replace("•", "|")
                                         .replace(">", "|").split("|")) + "</nav>")
        elif p.kind in ("headline", "related"):
            out.append(f"<div class=\"related\"><a href=\"/y\">{text}</a></div>")
        else:
            tag = _TAGS.get(p.kind, "div")
            out.append(f"<{tag}>{text}</{tag}>")
    if story and last == len(parts) - 1:
        out.append("</article>")
    out.append("</body></html>")
    return "".join(out)
