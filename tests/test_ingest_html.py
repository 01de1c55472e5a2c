"""Tests for newsclean.ingest.html and its steps (html_tree, html_text, metadata_clean): text,
metadata sanity, fallbacks, and hostile input."""

from __future__ import annotations

import codecs
import dataclasses
import random
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from newsclean.ingest import html_text, html_tree, metadata_clean
from newsclean.ingest.html import METADATA_KEYS, HtmlExtract, HtmlOptions, extract_html

PARAS = [
    "The city council voted on Tuesday to approve the new budget after a long debate.",
    "Opponents said the plan would raise taxes for small businesses across the region.",
    "The mayor, speaking after the vote, said the money would go to schools and roads.",
    "A final reading is scheduled for next month, when residents can comment again.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def page(head: str = "", body: str = BODY, *, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Council approves budget</h1>{body}</article>"
        "<footer>Copyright 2019 Example News</footer></body></html>"
    )


def meta(name: str, content: str, attr: str = "name") -> str:
    return f'<meta {attr}="{name}" content="{content}">'


# ---- text ----------------------------------------------------------------------------------


def test_paragraphs_come_out_one_per_line() -> None:
    result = extract_html(page())
    lines = result.text.split("\n")
    for para in PARAS:
        assert para in lines
    assert "\n\n" not in result.text
    assert "Copyright" not in result.text
    assert result.fallback is None


def test_result_types_and_keys() -> None:
    result = extract_html(page(), url="https://www.example.com/a")
    assert isinstance(result, HtmlExtract)
    assert set(result.metadata) == set(METADATA_KEYS)
    assert isinstance(result.metadata["author"], list)
    assert isinstance(result.metadata["categories"], list)
    assert isinstance(result.metadata["tags"], list)
    assert isinstance(result.warnings, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = ""  # type: ignore[misc]
    assert not hasattr(result, "__dict__")
    assert not hasattr(HtmlOptions(), "__dict__")


def test_bytes_and_str_give_the_same_text() -> None:
    html = page()
    assert extract_html(html.encode("utf-8")).text == extract_html(html).text


def test_fragment_is_wrapped() -> None:
    result = extract_html(f"<div>{BODY}</div>")
    for para in PARAS:
        assert para in result.text


@pytest.mark.parametrize(
    "options",
    [
        HtmlOptions(),
        HtmlOptions(fast=False),
        HtmlOptions(favor_precision=True),
        HtmlOptions(favor_recall=True),
        HtmlOptions(include_tables=False),
        HtmlOptions(include_comments=True),
        HtmlOptions(metadata=False),
        HtmlOptions(extensive_date_search=False),
    ],
)
def test_options_all_extract_the_body(options: HtmlOptions) -> None:
    result = extract_html(page(), options=options)
    for para in PARAS:
        assert para in result.text


def test_metadata_false_skips_metadata() -> None:
    result = extract_html(page(meta("author", "Jane Doe")), url="https://example.com/x",
                          options=HtmlOptions(metadata=False))
    assert result.metadata["author"] == []
    assert result.metadata["url"] == "https://example.com/x"
    assert result.metadata["title"] is None


def test_tables_option() -> None:
    table = "<table><tr><td>Ward 12 budget line</td><td>4.5 million</td></tr></table>"
    with_tables = extract_html(page(body=BODY + table))
    without = extract_html(page(body=BODY + table), options=HtmlOptions(include_tables=False))
    assert "Ward 12 budget line" in with_tables.text
    assert "Ward 12 budget line" not in without.text


def test_recall_fallback_when_extraction_is_too_short() -> None:
    # precision mode finds nothing worth keeping in a bare menu page; the recall retry does
    html = (
        '<html><body><div class="nav"><ul><li><a href="/a">Home</a></li>'
        '<li><a href="/b">World news</a></li></ul></div><div>Short text in a div.</div>'
        "</body></html>"
    )
    result = extract_html(html, options=HtmlOptions(favor_precision=True))
    assert result.fallback == "recall"
    assert "Short text in a div." in result.text


def test_page_text_fallback_when_no_article() -> None:
    comment = "A comment that says something quite long about the article and the story."
    html = f'<html><body><div id="comments"><p>{comment}</p></div></body></html>'
    result = extract_html(html)
    assert result.fallback == "html2txt"
    assert result.text == comment
    assert any("whole page" in w for w in result.warnings)


def test_page_text_keeps_blocks_on_lines() -> None:
    tree = html_tree.parse(
        "<html><body><div>one <b>bold</b></div><ul><li>two</li><li>three</li></ul>"
        "<script>var x = 1;</script><p>four<br>five</p></body></html>"
    )
    assert tree is not None
    assert html_text.page_text(tree) == "one bold\ntwo\nthree\nfour\nfive"


CLEANED_PAGE = """<html><body><div class="x"><p>Story line one.</p><aside>Aside text</aside>tail one
<div id="site-footer" class="main">Footer by id</div><div class="main" id="site-footer">Class first
</div><div class="Cookie-Banner">We use cookies</div><span id="onetrust-x">Consent</span>
<footer>Foot</footer><script>var x = 1;</script><style>p {}</style><svg><text>icon</text></svg>
<template>tpl</template><section class="footer-links">Section footer</section>
<p>Story line two.</p>tail two</div></body></html>"""


def test_page_text_cleans_the_page_as_trafilatura_does() -> None:
    """``page_text`` removes what trafilatura's ``basic_cleaning`` removes, with a faster walk
    (asides, footers, scripts, cookie banners; a ``<div>`` whose first of ``class``/``id`` names a
    footer; tails stay). The same text as with trafilatura's own function, on a page of each case
    (and on all 1,475 pages of the dev corpora when the change was made)."""
    from trafilatura.baseline import basic_cleaning

    tree = html_tree.parse(CLEANED_PAGE)
    assert tree is not None
    ours = html_text.page_text(tree)
    original = html_text._basic_cleaning
    try:
        html_text._basic_cleaning = basic_cleaning  # type: ignore[assignment]
        theirs = html_text.page_text(tree)
    finally:
        html_text._basic_cleaning = original
    assert ours == theirs
    assert "Story line one." in ours and "tail one" in ours and "Section footer" in ours
    assert "Class first" in ours  # class="main" comes first: trafilatura's XPath reads that one
    for gone in ("Aside text", "Footer by id", "We use cookies", "Consent", "Foot\n", "var x",
                 "icon", "tpl"):
        assert gone not in ours + "\n", gone


@pytest.mark.parametrize(
    "html",
    [
        page(),
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/xhtml1.dtd"/>\n'
        "<html><body><p>nul\x00 vt\x0b noncharacter\ufffe</p></body></html>",
        '<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta charset="iso-8859-1">'
        "</head><body><p>caf\u00e9 \u4e2d\u6587 \U0001f600</p></body></html>",
        "<html/>\n<body><p>self-closing html tag</p></body>",
        "\ufeff<html><body><p>byte-order mark</p></body></html>",
        "<!-- c --><html><body><form><input name=a><textarea>t</textarea></form></body></html>",
        "<p>a fragment</p>",
        "<div>a</div><div>b</div>",
        "plain text, not HTML",
        "   ",
    ],
)
def test_load_html_gives_trafilaturas_tree(html: str) -> None:
    from lxml import etree
    from trafilatura.utils import load_html

    ours, theirs = html_tree._load_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_strip_empty_keeps_images_with_text_after_them() -> None:
    from lxml import etree

    tree = html_tree.parse(
        '<html><head><meta name="a" content="b"></head><body><p>one <img src="a"> two'
        '<img src="b"> </p><p><img src="c"></p></body></html>'
    )
    assert tree is not None
    html_tree.strip_empty(tree)
    assert etree.tostring(tree.find("body"), encoding="unicode") == (
        '<body><p>one <img src="a"/> two </p><p/></body>'
    )
    assert tree.find(".//meta") is None


# ---- metadata ------------------------------------------------------------------------------


def test_metadata_title_author_date() -> None:
    head = (
        "<title>Council approves budget - Example News</title>"
        + meta("og:site_name", "Example News", "property")
        + meta("author", "By Jane Doe")
        + meta("article:published_time", "2019-11-19T08:30:00-05:00", "property")
        + meta("description", "The council passed the budget.")
        + meta("article:section", "Local", "property")
        + meta("keywords", "budget, council,taxes")
    )
    result = extract_html(page(head), url="https://www.example-news.com/local/budget")
    m = result.metadata
    assert m["title"] == "Council approves budget"
    assert m["author"] == ["Jane Doe"]
    assert m["date"] == "2019-11-19T08:30:00-05:00"
    assert m["sitename"] == "Example News"
    assert m["description"] == "The council passed the budget."
    assert m["language"] == "en"
    assert m["hostname"] == "example-news.com"
    assert m["url"] == "https://www.example-news.com/local/budget"
    assert "Local" in m["categories"]
    assert m["tags"] == ["budget", "council", "taxes"]
    assert not result.warnings


def test_date_only_stays_date_only() -> None:
    head = "<title>Council approves budget</title>" + meta("date", "2019-11-19")
    result = extract_html(page(head))
    assert result.metadata["date"] == "2019-11-19"


@pytest.mark.parametrize(
    "junk",
    ["Email the author", "Staff", "By Staff", "By", "jane@example.com", "https://x.com/jane",
     "12345", "Staff Writer", "Follow @jane"],
)
def test_junk_author_dropped(junk: str) -> None:
    result = extract_html(page(meta("author", junk)))
    assert result.metadata["author"] == []


def test_junk_entries_dropped_names_kept() -> None:
    result = extract_html(page(meta("author", "John Smith; Email the author; By")))
    assert result.metadata["author"] == ["John Smith"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Jane Doe, Senior Reporter", ["Jane Doe"]),
        ("Tom Krisher; Ap Auto Writer", ["Tom Krisher"]),
        ("Analysis by Chris Cillizza; CNN Editor-at-large", ["Chris Cillizza"]),
        ("Jeff Foust Monday; November", ["Jeff Foust"]),
        ("Paul Takahashi; Staff writer", ["Paul Takahashi"]),
        ("Ilana Muhlstein; MS; RDN", ["Ilana Muhlstein"]),
        ("Jane Doe; Example News", ["Jane Doe"]),  # the site's own name
        ("Jane Doe; Example", ["Jane Doe"]),  # the host name
        ("Jane Doe; jane doe", ["Jane Doe"]),
        ("X" * 81, []),
        ("Jane Doe http://x.com", []),
        ("— ; 42 ; ...", []),
        ("Associated Press", ["Associated Press"]),
        (None, []),
    ],
)
def test_clean_authors(raw: str | None, expected: list[str]) -> None:
    assert metadata_clean._clean_authors(raw, ["Example News"], "www.example.com") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Council approves budget - Example News", "Council approves budget"),
        ("Council approves budget | Example News", "Council approves budget"),
        ("Council approves budget – Example News", "Council approves budget"),
        ("Council approves budget|Example News", "Council approves budget"),
        ("Example News: Council approves budget", "Council approves budget"),
        ("Example News | Council approves budget", "Council approves budget"),
        ("Council approves budget - example.com", "Council approves budget"),
        ("Council approves budget | EXAMPLE", "Council approves budget"),  # host name
        ("Council approves budget | Example", "Council approves budget"),  # first name words
        ("Opinion | Council approves budget", "Opinion | Council approves budget"),
        ("Council approves budget - Other words", "Council approves budget - Other words"),
        ("Fact check: council budget", "Fact check: council budget"),
        ("Example News", "Example News"),  # nothing would be left
        ("Example News - Example News", "Example News"),
    ],
)
def test_clean_title(title: str, expected: str) -> None:
    assert metadata_clean.clean_title(title, ["Example News"], "www.example.com") == expected


def test_glued_site_name_removed_from_title() -> None:
    head = "<title>Council approves budget | Example News</title>" + meta(
        "og:site_name", "Example News", "property"
    )
    result = extract_html(page(head), url="https://www.example.com/a")
    assert result.metadata["title"] == "Council approves budget"


def test_glued_site_name_from_application_name() -> None:
    # og:title carries the suffix; the site name is only in application-name
    head = meta("og:title", "Council approves budget - The Daily Planet", "property") + meta(
        "application-name", "The Daily Planet"
    )
    result = extract_html(page(head))
    assert result.metadata["title"] == "Council approves budget"


def test_site_name_kept_when_unknown() -> None:
    head = "<title>Council approves budget - Some Words</title>"
    result = extract_html(page(head))
    assert result.metadata["title"] in {"Council approves budget - Some Words",
                                        "Council approves budget"}  # h1 may win


def test_future_date_dropped_with_warning() -> None:
    future = (datetime.now(timezone.utc) + timedelta(days=400)).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = "<title>Council approves budget</title>" + meta(
        "article:published_time", future, "property"
    )
    result = extract_html(page(head))
    assert result.metadata["date"] is None or result.metadata["date"] < future[:10]
    assert any("future date dropped" in w for w in result.warnings)


def test_clean_date_rules() -> None:
    now = datetime(2020, 1, 1, 12, tzinfo=timezone.utc)
    warnings: list[str] = []
    assert metadata_clean.clean_date("2019-11-19", [], now, warnings) == "2019-11-19"
    assert metadata_clean.clean_date("2019-11-19", ["2019-11-19T08:30:00Z"], now, warnings) == (
        "2019-11-19T08:30:00+00:00"
    )
    assert metadata_clean.clean_date("2019-11-19", ["2019-11-19T08:30:00"], now, warnings) == (
        "2019-11-19T08:30:00"
    )
    # a declared time on another day does not replace htmldate's date
    assert metadata_clean.clean_date("2019-11-19", ["2019-11-17T08:30:00Z"], now, warnings) == "2019-11-19"
    assert not warnings
    # tomorrow is tolerated (time zones), next week is not
    assert metadata_clean.clean_date("2020-01-02", [], now, warnings) == "2020-01-02"
    assert metadata_clean.clean_date("2020-01-08", [], now, warnings) is None
    assert warnings == ["future date dropped: 2020-01-08"]
    warnings.clear()
    assert metadata_clean.clean_date("not a date", [], now, warnings) is None
    assert warnings and "unparsable" in warnings[0]


def test_parse_date() -> None:
    assert metadata_clean._parse_date("2019-11-19") == date(2019, 11, 19)
    parsed = metadata_clean._parse_date("2019-11-19T08:30:05.123+05:30")
    assert isinstance(parsed, datetime)
    assert parsed.utcoffset() == timedelta(hours=5, minutes=30)
    assert metadata_clean._parse_date("2019-02-30") is None
    assert metadata_clean._parse_date("19 November 2019") is None


def test_language_from_meta() -> None:
    html = (
        "<html><head>" + meta("Content-Language", "de-DE", "http-equiv")
        + "</head><body>" + BODY + "</body></html>"
    )
    assert extract_html(html).metadata["language"] == "de"
    assert extract_html(page(lang="pt-BR")).metadata["language"] == "pt"


def test_categories_and_tags_are_split_and_deduplicated() -> None:
    assert metadata_clean.split_list(["a, b,A", "@internal,c", " ", "42"]) == ["a", "b", "c"]
    assert metadata_clean.split_list(None) == []


def test_metadata_does_not_disturb_extraction() -> None:
    # metadata runs first on the same tree; the text must be identical without it
    head = "<title>Council approves budget - Example News</title>" + meta("author", "Jane Doe")
    with_meta = extract_html(page(head))
    without = extract_html(page(head), options=HtmlOptions(metadata=False))
    assert with_meta.text == without.text


# ---- decoding through extract_html ---------------------------------------------------------


def test_declared_charset_bytes() -> None:
    html = page(body="<p>Le café “historique” coûte 5€ depuis des années.</p>" + BODY)
    data = html.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').encode("cp1252")
    assert b"caf\xe9 \x93historique\x94 co\xfbte 5\x80" in data
    result = extract_html(data)
    assert "Le café “historique” coûte 5€ depuis des années." in result.text


def test_bom_bytes() -> None:
    result = extract_html(codecs.BOM_UTF16_LE + page().encode("utf-16-le"))
    assert PARAS[0] in result.text


def test_invalid_utf8_replaced_with_warning() -> None:
    data = page().encode("utf-8").replace(b"long debate", b"long \xff\xfe debate")
    result = extract_html(data)
    assert "undecodable bytes replaced" in result.warnings
    assert "The city council voted" in result.text


def test_max_bytes() -> None:
    result = extract_html(page().encode(), options=HtmlOptions(max_bytes=400))
    assert any("truncated" in w for w in result.warnings)
    assert isinstance(result.text, str)


# ---- hostile and empty input ---------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", "", "   \n ", b"\x00\x00\x00"])
def test_empty_input(data: str | bytes) -> None:
    result = extract_html(data)
    assert result.text == ""
    assert result.warnings
    assert set(result.metadata) == set(METADATA_KEYS)


@pytest.mark.parametrize("seed", range(5))
def test_binary_garbage(seed: int) -> None:
    data = random.Random(seed).randbytes(20_000 + seed)  # seeded: the same bytes every run
    result = extract_html(data)
    assert result.text == ""
    assert result.warnings


def test_plain_text_is_not_html() -> None:
    result = extract_html("Just a sentence of plain text, no markup here.")
    assert result.text == ""
    assert result.warnings


def test_unsupported_type_does_not_raise() -> None:
    result = extract_html(12345)  # type: ignore[arg-type]
    assert result.text == ""
    assert result.warnings


XXE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><title>&xxe;</title></head>
<body><article><p>Before &xxe; after. The council voted on the budget on Tuesday night.</p>
<p>Second paragraph about the vote and what comes next for the city.</p></article></body></html>
"""


@pytest.mark.parametrize("as_bytes", [False, True])
def test_xxe_is_not_resolved(as_bytes: bool) -> None:
    start = time.perf_counter()
    result = extract_html(XXE.encode() if as_bytes else XXE)
    assert time.perf_counter() - start < 5
    dump = result.text + repr(result.metadata)
    assert "root:" not in dump
    assert "/bin/" not in dump
    assert "The council voted" in result.text


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">'
        for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><html><head><title>&lol9;</title>'
        "</head><body><article><p>&lol9;</p>" + BODY + "</article></body></html>"
    )


@pytest.mark.parametrize("as_bytes", [False, True])
def test_billion_laughs_is_not_expanded(as_bytes: bool) -> None:
    doc = _billion_laughs()
    start = time.perf_counter()
    result = extract_html(doc.encode() if as_bytes else doc)
    assert time.perf_counter() - start < 5
    assert "lollollol" not in result.text + repr(result.metadata)
    assert len(result.text) < 10_000


def test_deep_nesting_does_not_raise() -> None:
    result = extract_html("<html><body>" + "<div>" * 20_000 + "deep" + "</div>" * 20_000)
    assert isinstance(result.text, str)


def test_no_network_for_external_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    html = page(
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        '<script src="http://127.0.0.1:9/x.js"></script>',
        body='<!DOCTYPE html SYSTEM "http://127.0.0.1:9/x.dtd"><img src="http://127.0.0.1:9/i.png">'
        + BODY,
    )
    result = extract_html(html, url="http://127.0.0.1:9/article")
    assert PARAS[0] in result.text


def test_headings_are_read_from_the_page_in_order() -> None:
    body = "<h2>Residents say they will go to court over the vote</h2>" + BODY + "<h3>What next</h3>"
    result = extract_html(page(body=body))
    assert result.headings == (
        (1, "Council approves budget"),
        (2, "Residents say they will go to court over the vote"),
        (3, "What next"),
    )


def test_headings_are_capped() -> None:
    body = "".join(f"<h4>Item {i}</h4>" for i in range(html_text.MAX_HEADINGS * 2)) + BODY
    assert len(extract_html(page(body=body)).headings) == html_text.MAX_HEADINGS


@pytest.mark.parametrize(("title", "h1", "expected"), [
    ("How meditation rewires brains | Opinion", "How meditation rewires brains",
     "How meditation rewires brains"),
    ("Some Myths about Nutrition & Physical Activity - NIDDK",
     "Some Myths about Nutrition & Physical Activity",
     "Some Myths about Nutrition & Physical Activity"),
    ("Garnix Blog: Hardware-Attested Nix Builds", "Hardware-Attested Nix Builds",
     "Hardware-Attested Nix Builds"),
    ("History of coffee | Origin, Spread, Facts", "history of coffee", "History of coffee"),
    # hard negatives: the headline runs on without a separator, is too short, or is the title
    ("Gym Workouts for Beginners and More", "Gym Workouts for Beginners",
     "Gym Workouts for Beginners and More"),
    ("News | Example Site", "News", "News | Example Site"),
    ("Council approves new budget", "Council approves new budget", "Council approves new budget"),
    ("Council approves new budget - Example", "Council approves", "Council approves new budget - Example"),
])
def test_a_title_is_cut_to_the_headline_before_a_separator(title: str, h1: str, expected: str) -> None:
    assert metadata_clean.title_as_headline(title, ((2, "Other"), (1, h1))) == expected


def test_only_an_h1_is_the_headline() -> None:
    assert metadata_clean.title_as_headline("Related story | Example", ((2, "Related story"),)) == (
        "Related story | Example")
