"""Authors from what the page declares: JSON-LD main item, meta tags, rel=author, bylines."""

from __future__ import annotations

import json

import pytest
from lxml.html import fromstring

from newsclean.ingest.authors import clean_name, names_in, page_authors, split_names


def page(head: str = "", body: str = "<p>Text.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def authors(html: str) -> list[str]:
    names, weak = page_authors(fromstring(html))
    return names or [f"weak: {n}" for n in weak]


@pytest.mark.parametrize(("raw", "name"), [
    ("Jane Doe", "Jane Doe"),
    ("By Jane Doe", "Jane Doe"),
    ("Author: Ashley Biancuzzo", "Ashley Biancuzzo"),
    ("Written by Philip Stefanov", "Philip Stefanov"),
    ("By Jane Doe | Mar 3, 2024", "Jane Doe"),
    ("Supermove February 8", "Supermove"),
    ("Jessica Elliott , Contributor", "Jessica Elliott"),
    ("Jeff Hoyt Editor in Chief", "Jeff Hoyt"),
    ("Eric Gerard Ruiz Senior Staff Writer", "Eric Gerard Ruiz"),
    ("Nicoletta RichardsonTrending Editor", "Nicoletta Richardson"),
    ("Maria &amp; Katerina", "Maria & Katerina"),
    # hard negatives: names that look like the patterns above
    ("Tom May", "Tom May"),  # a surname that is a month
    ("Gary Marcus", "Gary Marcus"),  # starts like "Mar"
    ("Danielle DeSiato", "Danielle DeSiato"),  # camel case is no glued label
    ("Center for Drug Evaluation and Research", "Center for Drug Evaluation and Research"),
    ("Anonymous", "Anonymous"),
    ("Resy Staff", "Resy Staff"),  # an organisation's byline is still the byline
    ("Shelby Loos Reviewed by Molly Price", "Shelby Loos"),  # another person's credit after it
    ("Jane Doe, Medically reviewed by Dr. Ann Lee", "Jane Doe"),
    ("Written by HomeAdvisor Edited by Sam Roe", "HomeAdvisor"),
    # hard negatives: lowercase particles and lowercase names, credit-like surnames
    ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Jean-Claude de la Fontaine", "Jean-Claude de la Fontaine"),
    ("Maria della Rosa", "Maria della Rosa"),
    ("kirstin boatto", "kirstin boatto"),  # written all in lowercase: still a name
    ("Ask the Doctors", "Ask the Doctors"),  # a short lowercase word inside a byline
    ("Ann Reviewer", "Ann Reviewer"),
    ("Jim Checker", "Jim Checker"),
    ("Lisa Certified", "Lisa Certified"),  # a credential word that does not open the value
    # a team, a role or the outlet after a dash; hard negatives: a place after a dash, hyphens
    ("David Jackson - FullStack Editorial Team", "David Jackson"),
    ("Ana Lopez – Staff Writer", "Ana Lopez"),
    ("Anna Schmidt - Berlin", "Anna Schmidt - Berlin"),
    ("Mary-Jane Watson", "Mary-Jane Watson"),
])
def test_clean_name_keeps_the_name(raw: str, name: str) -> None:
    assert clean_name(raw) == name


@pytest.mark.parametrize("raw", [
    "https://www.facebook.com/someone", "kffnirmitap", "andrew.keaveney", "262588213843476",
    "page.head.extra.author", "Name", "Administrator", "View all posts by Craig Randall",
    "jane@example.com", "{{ author }}", "",
    "Personal finance", "Personal finance January",  # a section, not a name
    "Licensed Q Arabica Grader", "Certified Financial Planner", "Registered Dietitian",
    "South Carolina Garden-based Learning Network on Facebook", "Follow Jane on Instagram",
])
def test_clean_name_rejects_what_is_no_name(raw: str) -> None:
    assert clean_name(raw) is None


def test_a_pipe_separates_names_and_a_dash_only_cuts_a_role_or_team() -> None:
    assert names_in("Sergio Martínez-Beltrán | The Texas Newsroom") == [
        "Sergio Martínez-Beltrán", "The Texas Newsroom"]
    assert names_in("David Jackson - FullStack Editorial Team") == ["David Jackson"]


def test_split_names() -> None:
    assert split_names("Manoj Jain and Jagpreet Chhatwal") == ["Manoj Jain", "Jagpreet Chhatwal"]
    assert split_names("Ann Lee, Bo Kim & Cy Young") == ["Ann Lee", "Bo Kim", "Cy Young"]
    assert split_names("Kaufman, Jeff") == ["Kaufman, Jeff"]  # surname first: one person
    assert split_names("Jane Doe") == ["Jane Doe"]


def test_json_ld_person_of_the_main_item_wins_over_meta() -> None:
    html = page(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
                + "<meta name='author' content='Site Editor Bot'>")
    assert authors(html) == ["Jane Doe"]


def test_authors_of_related_items_do_not_count() -> None:
    data = {"@graph": [
        {"@type": "ItemList", "itemListElement": [
            {"@type": "Article", "author": {"@type": "Person", "name": "Other Writer"}}]},
        {"@type": "BlogPosting", "author": [{"@type": "Person", "name": "Jane Doe"},
                                            {"@type": "Person", "name": "John Roe"}]},
    ]}
    # the ItemList's nested article is not a top-level item: only the post's two authors
    assert authors(page(ld(data))) == ["Jane Doe", "John Roe"]


def test_an_organisation_only_when_no_person_is_named() -> None:
    org = ld({"@type": "Article", "author": {"@type": "Organization", "name": "Cleveland Clinic"}})
    assert authors(page(org)) == ["weak: Cleveland Clinic"]
    with_byline = page(org, "<p class='byline'>By Holly Wilgus</p><p>Text.</p>")
    assert authors(with_byline) == ["Holly Wilgus"]


def test_meta_tags_rel_author_and_bylines_in_that_order() -> None:
    assert authors(page("<meta name='author' content='Jane Doe'>")) == ["Jane Doe"]
    assert authors(page("<meta property='article:author' content='https://fb.com/x'>")) == []
    rel = "<a rel='author' href='/a/jd'>Jane Doe</a><a rel='author' href='/a/x'>Other One</a>"
    assert authors(page(body=rel)) == ["Jane Doe"]
    assert authors(page(body="<div class='post-byline'>By Jane Doe on March 3, 2024</div>")) == [
        "Jane Doe"]
    # a byline element that does not open with "By" is not read (it may be a bio, a date, a menu)
    assert authors(page(body="<div class='author-box'>Jane Doe writes about food.</div>")) == []


def test_every_citation_author_tag_counts() -> None:
    """Scholarly pages print one citation_author tag per author; other author tags hold the whole
    byline in their first tag."""
    tags = "".join(f"<meta name='citation_author' content='{n}'>" for n in
                   ("Jennifer Huberty", "Jeni Green", "Linda Larkey"))
    assert authors(page(tags)) == ["Jennifer Huberty", "Jeni Green", "Linda Larkey"]
    assert authors(page("<meta name='citation_authors' content='Jane Doe'>"
                        "<meta name='citation_authors' content='John Roe'>")) == ["Jane Doe", "John Roe"]
    # written surname first, as Google Scholar's tags often are
    assert authors(page("<meta name='citation_author' content='Roy, Aniruddha'>"
                        "<meta name='citation_author' content='van der Berg, Anna Maria'>")) == [
        "Aniruddha Roy", "Anna Maria van der Berg"]
    # hard negatives: a degree or a suffix after the comma is no given name
    assert authors(page("<meta name='citation_author' content='Jane Doe, PhD'>"
                        "<meta name='citation_author' content='John Roe, Jr.'>")) == [
        "Jane Doe, PhD", "John Roe, Jr."]
    # hard negatives: a single citation tag does not replace the author tag; a second
    # article:author tag is not a co-author
    assert authors(page("<meta name='author' content='Jane Doe'>"
                        "<meta name='citation_author' content='Other One'>")) == ["Jane Doe"]
    assert authors(page("<meta property='article:author' content='Jane Doe'>"
                        "<meta property='article:author' content='John Roe'>")) == ["Jane Doe"]


def test_the_site_itself_is_a_weak_author() -> None:
    head = ("<meta property='og:site_name' content='USA TODAY'>"
            + ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "USA TODAY"}}))
    assert authors(page(head)) == ["weak: USA TODAY"]
    byline = "<span class='byline'>By Brian Truitt</span>"
    assert authors(page(head, byline)) == ["Brian Truitt"]


def test_names_in_splits_and_drops_generic_entries() -> None:
    assert names_in("John Smith; Email the author; By") == ["John Smith"]
    assert names_in("Staff Writer") == []
    assert names_in("Podium Staff") == ["Podium Staff"]
    assert names_in("Ann Lee and Bo Kim") == ["Ann Lee", "Bo Kim"]


def test_broken_json_ld_is_skipped() -> None:
    html = page("<script type='application/ld+json'>{not json</script>"
                "<meta name='author' content='Jane Doe'>")
    assert authors(html) == ["Jane Doe"]


def test_nothing_declared_gives_nothing() -> None:
    assert authors(page()) == []


def test_a_long_value_is_no_name_and_is_rejected_fast() -> None:
    assert clean_name("Jane Doe " + "x, " * 20_000) is None
    assert names_in("By " + "Editor " * 5_000) == []


def test_the_docstring_examples() -> None:
    import doctest

    from newsclean.ingest import authors as module

    assert doctest.testmod(module).failed == 0


def test_an_author_page_link_names_the_author() -> None:
    link = "<div class='meta'><a href='/blog/author/spencer-mcintyre/'>Spencer McIntyre</a></div>"
    assert authors(page(body=link)) == ["Spencer McIntyre"]
    # the avatar's alt text when the link holds only an image
    img = "<a href='https://x.com/authors/ann-lee'><img alt='Ann Lee' src='a.jpg'></a>"
    assert authors(page(body=img)) == ["Ann Lee"]
    # a link whose text is not the name its address spells is no byline
    other = "<a href='/author/ann-lee/'>More from this author</a><a href='/category/x'>X</a>"
    assert authors(page(body=other)) == []
    # the site's own name in the meta tag is weak: the author link is the person
    head = "<meta name='author' content='Rapid7'><meta property='og:site_name' content='Rapid7'>"
    assert authors(page(head, link)) == ["Spencer McIntyre"]
    # only the first link: the next ones in a byline box were a reviewer's or an editor's
    two = ("<p>Written by <a href='/author/emily-walker'>Emily Walker</a> Edited by "
           "<a href='/author/kris-zagame'>Kris Zagame</a></p>")
    assert authors(page(body=two)) == ["Emily Walker"]


def test_a_byline_box_is_read_without_its_job_title() -> None:
    box = ("<div class='author-box'>Written By: <a href='/a'>Celeste Longacre</a>"
           "<span class='author-title'>Gardener &amp; Astrologer</span></div>")
    assert authors(page(body=box)) == ["Celeste Longacre"]
    # hard negative: a name in an element whose class only mentions the author is kept
    plain = "<div class='byline'>By <span class='author-name'>Ann Lee</span></div>"
    assert authors(page(body=plain)) == ["Ann Lee"]


def test_a_by_line_under_the_heading_names_the_author() -> None:
    head = "<meta name='author' content='One Tree Planted'>" \
        "<meta property='og:site_name' content='One Tree Planted'>"
    body = ("<h1>How to Reduce Waste</h1><div class='my-meta'><span><a href='/search?q=x'>"
            "by Meaghan Weeden</a></span><span>Apr 3, 2025</span></div><p>Waste is ...</p>")
    assert authors(page(head, body)) == ["Meaghan Weeden"]
    assert authors(page(body=body.replace("by Meaghan", "Von Meaghan"))) == ["Meaghan Weeden"]
    # hard negatives: no name after "by", a name glued to share buttons or a reading time,
    # a "by" line before the heading, a sentence that starts with "By"
    for line in ("by the way, we recycle", "By Melissa Norris Facebook Tweet Pin Email",
                 "by the Lavazza Team 2–3 minutes", "By 2030 the bins are full"):
        assert authors(page(body=f"<h1>T</h1><div>{line}</div><p>Body.</p>")) == []
    assert authors(page(body="<div>By Ann Lee</div><h1>T</h1><p>Body.</p>")) == []
    # the site's own name after "by" stays weak
    site = "<meta property='og:site_name' content='Buzzsprout'>"
    assert authors(page(site, "<h1>T</h1><p>By Buzzsprout</p>")) == ["weak: Buzzsprout"]


def test_the_site_host_is_dropped_beside_two_people() -> None:
    value = "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal"
    html = page(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": value}}))
    names, _ = page_authors(fromstring(html), hosts=("commercialappeal",))
    assert names == ["Manoj Jain", "Jagpreet Chhatwal"]
    # hard negative: a one-person blog named after its author keeps its author
    solo = page("<meta name='author' content='Derek Seaman'>")
    assert page_authors(fromstring(solo), hosts=("derekseaman",)) == (["Derek Seaman"], [])


def test_a_declared_name_the_page_never_prints_gives_way_to_its_printed_byline() -> None:
    """JSON-LD names the account that posted ("KatieS"); readers see "by Aoife O'Riordan"."""
    head = ld({"@type": "Article", "author": {"@type": "Person", "name": "KatieS"}})
    body = "<h1>Headline</h1><p class='byline'>by <a>Aoife O'Riordan</a></p><p>Story text.</p>"
    assert authors(page(head, body)) == ["Aoife O'Riordan"]
    link = "<h1>H</h1><p>by <a href='/authors/aoife-oriordan/'>Aoife O'Riordan</a></p><p>Text.</p>"
    assert authors(page(head, link)) == ["Aoife O'Riordan"]
    # a "By ..." line without byline markup does not overrule it (as often a job title)
    assert authors(page(head, "<h1>H</h1><p>By Aoife O'Riordan</p><p>Text.</p>")) == ["KatieS"]
    # hard negatives: the declared name is printed (an author box further down) ...
    printed = body + "<div class='bio'>KatieS edits the travel pages.</div>"
    assert authors(page(head, printed)) == ["KatieS"]
    # ... the printed byline is an organisation whose name splits into a one-word piece ...
    firm = "<h1>H</h1><p class='byline'>By Thomson Reuters Tax &amp; Accounting</p><p>Text.</p>"
    meta = "<meta name='author' content='Abby Colson'>"
    assert authors(page(meta, firm)) == ["Abby Colson"]
    # ... or the site itself
    site = meta + "<meta property='og:site_name' content='Model Remodel'>"
    assert authors(page(site, "<h1>H</h1><p class='byline'>By Model Remodel</p>")) == ["Abby Colson"]
    # ... and a page with no printed byline keeps what it declares
    assert authors(page(head, "<h1>Headline</h1><p>Story text.</p>")) == ["KatieS"]
    # a name printed only in an aside or the footer (a list of the site's staff) is not the byline
    aside = body + "<aside><ul><li>KatieS</li><li>Tom Reed</li></ul></aside>"
    assert authors(page(head, aside)) == ["Aoife O'Riordan"]


def test_declared_authors_replace_a_byline_read_from_the_text() -> None:
    from newsclean.article import Article
    from newsclean.ingest.merge import apply_hints

    article = Article()
    article.metadata.authors = ["Product Analytics Expert"]  # a rule's byline from the text
    apply_hints(article, {"author": ["Annemarie Bufe"]}, declared_authors=True)
    assert article.metadata.authors == ["Annemarie Bufe"]
    # the body search's guess or the site's name does not replace the text's byline
    article.metadata.authors = ["Jane Doe"]
    apply_hints(article, {"author": ["Example News"]})
    assert article.metadata.authors == ["Jane Doe"]


def test_clean_html_prefers_the_declared_author() -> None:
    import newsclean

    html = ("<html><head><meta name='author' content='Annemarie Bufe'></head><body><article>"
            "<h1>Council approves new budget</h1><p>By Product Analytics Expert</p>"
            "<p>The city council voted on Tuesday to approve the budget for next year, officials "
            "said. The vote was close, and the debate ran late into the night.</p>"
            "</article></body></html>")
    assert newsclean.clean_html(html).metadata.authors == ["Annemarie Bufe"]
