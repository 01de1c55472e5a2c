"""A page laid out in one big ``<table>``: the extractor writes its rows, menus and boxes in the
story's row; HTML mode then cleans the page's own text with the text rules (the ``"layout"``
fallback of :mod:`newsclean.ingest.html`, recognised by :mod:`newsclean.ingest.layout`)."""

from __future__ import annotations

import pytest

from newsclean import Config, clean_html, trace
from newsclean.ingest.html import HtmlOptions, extract_html
from newsclean.ingest.layout import is_layout_dump
from newsclean.pagetype import PageType, PageTypeGuess

URL = "http://www.millbaygazette.co.uk/news/2025/02/03/ferry-pier-to-close.html"
TOWNS = ["Northfield", "Eastbrook", "Millbay", "Harlow Green", "Kestrel Point", "Ashby", "Redmoor",
         "Linton", "Oakham Vale", "Pennick", "Stoneleigh", "Wexcombe", "Fairhaven", "Brackley",
         "Dunmore", "Elmstead", "Grayford", "Holcombe", "Ivybridge", "Jarrow Cross", "Kingsmere",
         "Larkfield", "Marston", "Netherby", "Orwell", "Pebworth", "Quarrendon", "Ryall",
         "Selby Hythe", "Thornbury"]
STORY = [
    "The harbour board of Millbay voted on Monday evening to close the old ferry pier for repairs, "
    "after divers found that two of its wooden piles had rotted through below the waterline.",
    "The pier, built in 1911, carries the passenger boat to Kestrel Point twice a day, and about two "
    "hundred islanders use it every week to reach the shops, the clinic and the secondary school.",
    "Board chairman Alan Pryce said the decision had not been easy. \"We cannot let people walk on a "
    "structure that our own engineers say may not hold,\" he told the meeting.",
    "Until the work is finished the boat will call at the fishing quay on the north side of the "
    "harbour, which has no shelter and no ramp for wheelchairs, a point several residents raised.",
    "The repairs are expected to cost about 340,000 pounds. The county council has promised half of "
    "the money, and the board hopes to borrow the rest against next year's mooring fees.",
    "Work is due to start in March and to take eleven weeks, weather permitting. The board will "
    "publish a timetable for the temporary landing on its notice board and in this newspaper.",
]


def table_page(story: str = "<br><br>".join(STORY)) -> str:
    """A small paper's page of the 2000s: one table, a column of towns beside the story."""
    menu = "<br>".join(f'<a href="/towns/{t.lower()}">{t}</a>' for t in TOWNS)
    return f"""<html><head><title>Ferry pier to close for repairs - Millbay Gazette</title></head>
<body><table width="100%">
<tr><td colspan="3"><b>MILLBAY GAZETTE</b> | Monday 3 February 2025 | <a href="/s">Subscribe</a></td></tr>
<tr><td colspan="3"><a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/letters">Letters</a>
 | <a href="/notices">Notices</a> | <a href="/archive">Archive</a></td></tr>
<tr><td width="150" valign="top"><b>Towns</b><br>{menu}</td>
<td valign="top"><h1>Ferry pier to close for repairs</h1>By Mary Collins<br><br>{story}<br><br>
<a href="/print">Print</a> | <a href="/send">Send to a friend</a></td>
<td width="180" valign="top"><b>Most read</b><br>1. <a href="/a">School bus route to change in April</a>
<br>2. <a href="/b">Lifeboat crew called out twice in one night</a><br>3. <a href="/c">New bakery opens
on Quay Street</a><br><br><b>Advertisement</b><br>Holiday cottages from 49 pounds a night</td></tr>
<tr><td colspan="3">Millbay Gazette, 12 Quay Street | Copyright 2025 Millbay Gazette Ltd</td></tr>
</table></body></html>"""


def test_layout_table_page_is_cleaned_from_its_own_text() -> None:
    extract = extract_html(table_page(), url=URL)
    assert extract.fallback == "layout" and extract.whole_page
    assert "Northfield\nEastbrook" in extract.text  # one link a line, as the page shows them
    article = clean_html(table_page(), url=URL)
    assert article.paragraphs == STORY
    assert any("layout table" in w for w in article.warnings)
    removed = {r.text: r for r in article.removed}
    assert removed["Northfield"].rule == "line_scorer"
    assert "boilerplate" in removed["Northfield"].reason
    assert removed["2. Lifeboat crew called out twice in one night"].rule == "teasers"
    assert article.title == "Ferry pier to close for repairs"


def test_the_rows_before_the_fallback_held_the_menu_in_the_story() -> None:
    # what the extractor gave: the column of towns and the story in one line
    rows = extract_html(table_page(), url=URL, options=HtmlOptions(layout=False))
    assert rows.fallback is None
    assert any("Thornbury" in line and STORY[0][:40] in line for line in rows.text.split("\n"))
    assert is_layout_dump(rows.text)


def test_html_fallback_off_keeps_the_extraction() -> None:
    article = clean_html(table_page(), url=URL, config=Config(html_fallback=False))
    assert "Thornbury" in article.body
    assert not any("layout table" in w for w in article.warnings)


def test_a_page_that_is_no_article_keeps_the_extraction() -> None:
    # a listing laid out in a table is left as a plain extractor leaves it
    extract = extract_html(table_page(), url=URL, options=HtmlOptions(page_type="listing"))
    assert extract.fallback is None


def test_an_article_with_a_data_table_is_not_a_layout() -> None:
    rows = "".join(f"<tr><td>Team {i}</td><td>{30 - i}</td><td>{i}</td></tr>" for i in range(14))
    body = "".join(f"<p>{p}</p>" for p in STORY)
    html = (f"<html><head><title>League table</title></head><body><article><h1>League table</h1>"
            f"{body}<table>{rows}</table></article></body></html>")
    extract = extract_html(html, url=URL)
    assert extract.fallback is None
    assert "Team 3" in extract.text


def test_shape_needs_rows_a_long_row_and_most_of_the_page() -> None:
    long_row = "| " + "A story sentence with words. " * 30 + "|"
    menu = "| Home \\| News \\| Sport |"
    dump = "\n".join([menu, long_row, menu])
    assert is_layout_dump(dump)
    assert is_layout_dump(dump, page_chars=len(dump) + 10)
    assert not is_layout_dump(dump, page_chars=3 * len(dump))  # the rows are a small part
    # the extractor pruned the page's menus and footer: the rows hold 70 % of its text, as three
    # old-template articles written blind in session 31 did (73-79 %)
    assert is_layout_dump(dump, page_chars=int(len(dump) / 0.7))
    assert not is_layout_dump(dump, page_chars=int(len(dump) / 0.5))  # half: not the page
    assert not is_layout_dump("\n".join([menu, long_row]))  # two rows
    assert not is_layout_dump("\n".join([menu] * 12))  # short rows: a data table
    prose = "A paragraph of the story, outside any table. " * 10
    assert not is_layout_dump("\n".join([prose, menu, long_row, menu]))  # rows are not all


def test_a_page_text_fallback_is_judged_by_the_text_rules() -> None:
    # no article found: the page's whole text, whose lines only the text rules can tell apart
    comment = "A comment that says something quite long about the article and the story we read."
    html = f'<html><body><div id="comments"><p>{comment}</p><p>Share on Facebook</p></div></body></html>'
    assert trace(html).document.mode == "text"
    assert trace(html, config=Config(html_fallback=False)).document.mode == "html"
    assert trace(table_page(), url=URL).document.mode == "text"
    assert trace(table_page(), url=URL, config=Config(html_fallback=False)).document.mode == "html"


def dom_listing_page() -> str:
    """The same page without a headline tag or an article address: its markup reads as a listing."""
    return table_page().replace("<h1>Ferry pier to close for repairs</h1>",
                                "<b>Ferry pier to close for repairs</b><br>")


def test_an_old_article_read_as_a_listing_by_its_markup_is_read_by_its_lines() -> None:
    extract = extract_html(dom_listing_page())
    assert extract.fallback == "layout"
    assert extract.page_type is not None and extract.page_type.page_type is PageType.LISTING
    article = clean_html(dom_listing_page())
    assert article.paragraphs == STORY
    assert article.metadata.page_type is PageType.ARTICLE
    assert any("as an article from its lines" in w for w in article.warnings)


def test_a_layout_page_no_reading_calls_an_article_keeps_the_rows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.pagetype_text as by_lines

    def listing(doc: object, model_path: str = "") -> PageTypeGuess:
        return PageTypeGuess(PageType.LISTING, 0.9, {"listing": 0.9, "article": 0.1})

    monkeypatch.setattr(by_lines, "detect_text", listing)
    article = clean_html(dom_listing_page())
    rows = extract_html(dom_listing_page()).rows
    assert rows is not None and "Thornbury" in rows
    assert "Thornbury" in article.body and STORY[0][:60] in article.body  # as the extractor gave it
    assert article.metadata.page_type is PageType.LISTING
    assert not article.removed


def test_the_headline_of_a_layout_page_is_the_one_the_page_declares() -> None:
    # the page's text opens with the masthead's slogan, not with a <title>: the headline is the
    # line the page declares in its <title> and <h1>, not the first line
    page = table_page().replace(
        "<b>MILLBAY GAZETTE</b> | Monday 3 February 2025",
        '<i>Serving Millbay and the islands since 1887</i></td></tr><tr><td colspan="3">'
        "Monday 3 February 2025")
    article = clean_html(page, url=URL)
    assert article.title == "Ferry pier to close for repairs"
    assert article.paragraphs == STORY
