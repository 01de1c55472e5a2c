"""Who wrote the page, from what the page itself declares about its main item.

Sources, most trusted first (the first that gives a name wins; see :func:`page_authors`):

1. the ``author`` (or ``creator``) of the page's main JSON-LD item (an ``Article``, ``BlogPosting``,
   ``NewsArticle`` ... or, failing one, a ``WebPage``): people first; an organisation only
   when nothing below names a person;
2. the author meta tags: every ``citation_author`` (or ``citation_authors``, ``dc.creator``) tag
   when a scholarly page prints two or more, one per author (``Surname, Given`` turned round);
   else the first of ``author``, ``article:author`` when not a URL, ``parsely-author``,
   ``sailthru.author``, ``dc.creator``, ``byl``;
3. ``rel="author"`` links and ``itemprop="author"`` elements;
4. a byline element (class or id ``byline``/``author``) whose text opens with "By", read without
   its parts classed as a job title, bio, date or avatar ("author-title", "job-title");
5. the first link to an author page (``/author/spencer-mcintyre/``) whose text or image ``alt`` is
   the name the address spells.
6. a short element among the first sixty after the page's ``h1`` that reads "By <Name>" (one to
   four capitalised words: not "By 2030 ...", not a name glued to share buttons or a reading
   time); on wcxb-dev articles, where the sources above found no person, it gave the gold
   author on ten more pages (one of them had the site's name) and a wrong name on one.

A name the first three sources declare that the page never prints (not in its visible text) gives
way to the names of a byline element or an author link (4, 5) when those are printed: a declared
name no reader sees is the account that posted the story ("Thao Dinh" where the page prints "By
Everfit Team", an editor's name where it prints the columnist's). On wcxb-dev articles this
changed four pages, three from a wrong author to the gold one.

The page's declared authors (any of these) replace a byline that the text rules read from the
extracted text (:func:`newsclean.ingest.merge.apply_hints`): where the two differed on wcxb-dev
articles, the text's byline was a job title or a heading.

Only the main item's author counts: JSON-LD on a page also describes related stories, comments
and reviews, each with its own author, and a union of them was wrong on half the pages that had
one. Values are cleaned (entities, "By"/"Author:" openers, a job title or a date after the name,
another person's credit: "Reviewed by ...", "Edited by ...") and rejected when they are no name: a
URL, a user handle (``kffnirmitap``, ``andrew.keaveney``), digits, a template placeholder
(``page.head.extra.author``), a job title alone ("Staff Writer"), a credential ("Licensed ...",
"Certified ..."), a phrase with a lowercase word ("Personal finance").
An organisation's byline ("Podium Staff", "The Upwork Team") and the site's own name are kept
(as weak names, when nothing names a person): on wcxb-dev articles the gold author is such a name
on about one page in twenty. Beside two people or more, the site's host name is dropped
("Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal" on commercialappeal.com).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from newsclean.ingest.html_text import page_text
from newsclean.lang import KOREAN_NAME, KOREAN_REPORTER

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["clean_name", "names_in", "page_authors", "split_names"]


def _vocab(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())

_MAIN_TYPES = _vocab(
    "Article NewsArticle BlogPosting Report OpinionNewsArticle AnalysisNewsArticle "
    "ReportageNewsArticle BackgroundNewsArticle ReviewNewsArticle LiveBlogPosting TechArticle "
    "ScholarlyArticle SocialMediaPosting Recipe HowTo MedicalWebPage Blog"
)
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage"})
_PERSON = "Person"
_META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
              "byl", "cxenseparse:author", "twitter:creator:name")
_CITATION_KEYS = ("citation_author", "citation_authors", "dc.creator")
"""Scholarly pages (Google Scholar's Highwire tags, Dublin Core) print one tag per author: all of
them count, in order; the other author tags hold the whole byline in their first."""
_OPENER = re.compile(r"^(?:this (?:post|article|story|piece) (?:was|is) )?"
                     r"(?:(?:written|posted|reviewed|published|article|story|words|recipe|"
                     r"photos?|text)\s+)?"
                     r"(?:by|author|authors|von|por|par|door|di|av)\b\s*[:\-–]?\s*",
                     re.IGNORECASE)
_CREDIT_TAIL = re.compile(
    r"(?<!\S)(?:(?:medically|expert|fact)[\s-]+)?(?:reviewed|edited|fact[\s-]?checked|checked|"
    r"illustrated|photographed|photos?|illustrations?|images?|video)\s+by\b.*$", re.IGNORECASE)
"""Another person's credit after the author's name: "Shelby Loos Reviewed by Molly Price",
"Jane Doe Photos by John Roe"."""
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|september|"
    r"october|november|december)\.?$", re.IGNORECASE)
"""A month at the end of a name is a date run into it ("Luke Kim December", "Dan Davies Dec");
not May, June, July, August, April: they are names too."""
_ONLY_DATE_WORDS = re.compile(
    r"^(?:(?:updated|published|posted|on|last|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
    r"may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"\.?\s*)+$", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<!\s)\s+(?:is|was|has|writes|covers|joined|lives)\s+.*$")
"""Starts only where a run of spaces starts (a match from inside a run extends to its start, so the
same text is removed): tried at every space of a long run, it was quadratic."""
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_TAIL = re.compile(
    rf"(?<![\s,|·•-])[\s,|·•-]+(?:(?:on|updated|published|posted|last updated)\b[\s:]*)?(?:{_MONTH}\s+\d|"
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}\s+" + _MONTH + r"\b).*$",
    re.IGNORECASE,
)
_ROLE = (r"(?:senior|executive|contributing|staff|chief|managing|associate|deputy|editor|editors|"
         r"writer|reporter|columnist|contributor|correspondent|expert|updated|last|published|"
         r"reviewed|reviewer|fact|trending|ai|head|founder|co-founder|ceo|director|manager|"
         r"specialist|view|lead|former|sponsored)")
_GLUED_ROLE = re.compile(  # case-sensitive: a capitalised label right after a lowercase letter
    r"(?<=[a-z])(?=(?:Senior|Executive|Contributing|Staff|Chief|Managing|Associate|Editor|Writer|"
    r"Reporter|Columnist|Contributor|Correspondent|Expert|Updated|Last|Published|Reviewed|"
    r"Trending|AI|Founder|CEO|Director)\b)")
_ROLE_TAIL = re.compile(rf"^((?:\S+\s+){{1,}}?\S+?)\s+{_ROLE}\b.*$", re.IGNORECASE)
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b", re.IGNORECASE)
_NOT_NAME = re.compile(r"^(?:view|more|see|read|all|posts?|articles?|e-?mail|contact|follow|share|"
                       r"click|subscribe|sign|about|licensed|certified|registered|board[- ]certified|"
                       r"accredited)\b", re.IGNORECASE)
"""Openers of a link's label or of a credential ("Licensed Q Arabica Grader", "Certified
Financial Planner", "Registered Dietitian"), not of a name."""
_GENERIC = _vocab(
    "staff writer writers editor editors reporter reporters team desk newsroom editorial bureau "
    "admin administrator webmaster contributor contributors correspondent author authors wire "
    "services service agencies agency guest the our a by and co founder lead reviewer head "
    "md phd dvm rn rd rdn ms msc mba ma ba bsc jd esq cpa cfa lcsw np dr mr mrs dds dmd mph"
)
"""Words that make no name on their own: "Staff Writer" is none, "Podium Staff" is a byline."""
_JUNK = frozenset({"name", "administrator", "admin", "author", "authors", "editor", "by", "user",
                   "null", "none", "unknown", "your name"})
_HANDLE = re.compile(r"^[a-z0-9._@-]+$")
_TEMPLATE = re.compile(r"^\w+(?:\.\w+){2,}$|[{}<>\[\]=]|%\w")
_MAX_CHARS = 120


def _types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """Every top-level item of a JSON-LD block (lists and ``@graph`` flattened, one level)."""
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack[:0] = node
        elif isinstance(node, dict):
            graph = node.get("@graph")
            if isinstance(graph, list):
                stack[:0] = graph
            yield node


def _names(value: Any, people: list[str], others: list[str]) -> None:
    """Names in a JSON-LD ``author`` value, people and organisations apart."""
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, str):
            people.append(entry)
        elif isinstance(entry, dict):
            name = entry.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if isinstance(name, str):
                is_person = _PERSON in _types(entry) or not _types(entry)
                (people if is_person else others).append(name)


def _json_ld(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """People and organisations named as the author of the page's main JSON-LD item."""
    main: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _items(data):
            types = _types(item)
            if types & _MAIN_TYPES:
                main.append(item)
            elif types & _PAGE_TYPES:
                pages.append(item)
    for group in (main, pages):
        for item in group:
            people: list[str] = []
            others: list[str] = []
            _names(item.get("author") or item.get("creator"), people, others)
            if people or others:
                return people, others
    return [], []


_SURNAME_FIRST = re.compile(r"^\s*([^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*){0,2}),\s*"
                            r"([^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*){0,2})\s*$")


def _given_name_first(value: str) -> str:
    """A citation tag's ``Surname, Given`` (``Roy, Aniruddha``) as ``Given Surname``; a degree or a
    suffix after the comma (``Jane Doe, PhD``, ``John Roe, Jr``) is left where it is."""
    m = _SURNAME_FIRST.match(value)
    if m is None or _GENERIC.intersection(w.strip(".") for w in m.group(2).casefold().split()) or (
            m.group(2).strip(".").casefold() in {"jr", "sr", "ii", "iii", "iv"}):
        return value
    return f"{m.group(2)} {m.group(1)}"


def _meta(tree: HtmlElement) -> list[str]:
    found: dict[str, str] = {}
    cited: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        kind = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = meta.get("content")
        if not content:
            continue
        if kind in _CITATION_KEYS:
            cited.setdefault(kind, []).append(content)
        if kind in _META_KEYS and kind not in found:
            found[kind] = content
    for key in _CITATION_KEYS:
        if len(cited.get(key, ())) >= 2:
            return [_given_name_first(v) for v in cited[key]]
    for key in _META_KEYS:
        if key in found:
            return [found[key]]
    return []


def _marked(tree: HtmlElement) -> list[str]:
    """``rel=author`` links and ``itemprop=author`` elements (their ``name`` part if marked)."""
    out: list[str] = []
    for elem in tree.iter("a", "span", "div", "p", "address"):
        if elem.tag == "a" and "author" in (elem.get("rel") or "").split():
            out.append(elem.text_content())
        elif elem.get("itemprop") == "author":
            names = [n.text_content() for n in elem.iter() if n.get("itemprop") == "name"]
            out.append(names[0] if names else elem.text_content())
        if out:  # the first: the others are mostly other stories' or commenters' authors
            break
    return out


_BYLINE_CLASS = re.compile(r"\b(?:byline|by-line|author|article-author|post-author)\b", re.I)
_BY = re.compile(r"^\s*(?:written\s+)?by\b", re.IGNORECASE)


_NOT_NAME_PART = re.compile(
    r"(?:^|[\s_-])(?:title|job|role|position|bio|description|date|time|avatar)(?:$|[\s_-])", re.I)
"""Classes of the parts of an author box that are not the name: "author-title", "job-title",
"author-bio", "post-date"; "Written By: Celeste Longacre <span class=author-title>Gardener &
Astrologer</span>" is Celeste Longacre."""


def _name_text(elem: HtmlElement) -> str:
    """The text of ``elem`` without its job-title, bio, date and avatar parts (:data:`_NOT_NAME_PART`)."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not elem and _NOT_NAME_PART.search(f"{node.get('class') or ''}"):
            parts.append(" ")
        else:
            parts.append(node.text or "")
            for child in node:
                if isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")

    walk(elem)
    return "".join(parts)


def _byline(tree: HtmlElement) -> list[str]:
    """The text of the first byline element that opens with "By"."""
    for elem in tree.iter("span", "div", "p", "address"):
        marks = f"{elem.get('class') or ''} {elem.get('id') or ''}"
        if _BYLINE_CLASS.search(marks):
            text = " ".join(_name_text(elem).split())
            if _BY.match(text) and len(text) <= _MAX_CHARS:
                return [text]
    return []


_HEADING_BY = re.compile(r"^(?:written\s+)?(?:by|von|por|par|door|av)\b\s*:?\s*(\S.{2,60})$",
                         re.IGNORECASE)


_NAME_SHAPE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|von|der|den|de|la|del|da|bin)){0,3}$")
"""One to four capitalised words (particles allowed): a name, not "the way" or share buttons."""


def _short_text(elem: HtmlElement, limit: int = 2_000) -> str | None:
    """``elem``'s text with its spaces collapsed, or ``None`` past ``limit`` characters: the
    elements after the ``h1`` include containers of the whole story, not read for a byline."""
    pieces: list[str] = []
    size = 0
    for piece in elem.itertext():
        size += len(piece)
        if size > limit:
            return None
        pieces.append(piece)
    return " ".join(" ".join(pieces).split())


def _heading_byline(tree: HtmlElement) -> list[str]:
    """A short element that reads "By <Name>" among the first sixty elements after the page's
    ``h1``: a byline printed under the headline without any author markup."""
    heading = next(tree.iter("h1"), None)
    if heading is None:
        return []
    for elem in heading.xpath("following::*[position() <= 60]"):
        if elem.tag in ("script", "style"):
            continue
        text = _short_text(elem)
        if text is not None and len(text) <= 70 and (match := _HEADING_BY.match(text)) and (
                _NAME_SHAPE.match(match.group(1))):
            return [match.group(1)]
    return []


_AUTHOR_HREF = re.compile(r"/(?:author|authors|writer|writers|contributor|contributors)/"
                          r"([^/?#]+?)/?(?:[?#].*)?$", re.IGNORECASE)


def _link_name(elem: HtmlElement) -> str | None:
    """The name of a link to an author page (``/author/spencer-mcintyre/``) when its text, or its
    image's ``alt``, is the name the address spells."""
    match = _AUTHOR_HREF.search(elem.get("href") or "")
    if not match:
        return None
    slug = _key(match.group(1))
    if len(slug) < 5:
        return None
    for text in (elem.text_content(), *(img.get("alt") or "" for img in elem.iter("img"))):
        if _key(text) == slug:
            return " ".join(text.split())
    return None


def _author_link(tree: HtmlElement) -> list[str]:
    """The first author-page link (:func:`_link_name`): the page's byline, marked by its link alone.

    Only the first: the next author links of a byline box were a reviewer's or an editor's as
    often as a co-author's ("Written by: A B Edited by: C").
    """
    for elem in tree.iter("a"):
        if (name := _link_name(elem)) is not None:
            return [name]
    return []


_KOREAN_REPORTER = re.compile(rf"^({KOREAN_NAME})\s*{KOREAN_REPORTER}$")
"""A Korean name with the word for reporter after it, as Korean sites print every byline
(``정해운 기자``; text mode reads the same shape, :data:`newsclean.rules.shapes._KOREAN_BYLINE`)."""


def clean_name(raw: str) -> str | None:
    """One declared author value made a name, or ``None`` if it is none.

    >>> clean_name("By Jane Doe | Mar 3, 2024")
    'Jane Doe'
    >>> clean_name("Author: Ashley Biancuzzo")
    'Ashley Biancuzzo'
    >>> clean_name("정해운 기자")
    '정해운'
    >>> clean_name("kffnirmitap") is None, clean_name("page.head.extra.author") is None
    (True, True)
    """
    if len(raw) > 4 * _MAX_CHARS:  # no name; and the patterns below are not for long texts
        return None
    name = " ".join(html.unescape(raw).split())
    if _NOT_NAME.match(name):
        return None
    name = _OPENER.sub("", name).strip(" ,:;|-–—")
    name = _CREDIT_TAIL.sub("", name).strip(" ,:;|-–—")
    name = _DATE_TAIL.sub("", name).strip(" ,:;|-–—")
    name = _SENTENCE.sub("", name)
    if " " in name:
        name = _MONTH_WORD.sub("", name).strip(" ,:;|-–—")
    words = name.split()
    half = len(words) // 2
    if half and words[:half] == words[half:2 * half]:  # "Dylan Ettinger Dylan Ettinger"
        name = " ".join(words[:half])
    elif len(words) >= 3 and words[0].isupper() and len(words[0]) <= 3 and words[0] == "".join(
            w[0] for w in words[1:len(words[0]) + 1]):  # an avatar's initials: "CM Craig McCarthy"
        name = " ".join(words[1:])
    if korean := _KOREAN_REPORTER.match(name):  # "정해운 기자": the name, then "reporter"
        name = korean.group(1)
    head, _, rest = name.partition(",")
    if rest and _ROLE_WORD.search(rest):  # "Jessica Elliott, Contributor", "X, WCI Columnist"
        name = head.strip()
    # a team or the outlet after a dash: "David Jackson - FullStack Editorial Team"
    if (dash := _DASH_TAIL.match(name)) and " " in dash.group(1) and (
            _ROLE_WORD.search(dash.group(2))
            or _GENERIC.intersection(_WORDS.findall(dash.group(2).casefold()))):
        name = dash.group(1)
    # a job title or a date label glued to the name or after it: "Jeff Hoyt Editor in Chief",
    # "Cazzy MagennisLast updated"; camel-case names (DeSiato, MacFarlane) are left whole
    name = _GLUED_ROLE.sub(" ", name, count=1) if _GLUED_ROLE.search(name) else name
    if (tail := _ROLE_TAIL.match(name)) and " " in tail.group(1).strip():
        name = tail.group(1).strip(" ,")
    if (not name or name.casefold() in _JUNK or len(name) > _MAX_CHARS
            or "http" in name.lower() or "/" in name or "@" in name or ":" in name
            or _TEMPLATE.search(name)
            or not any(c.isalpha() for c in name) or _ONLY_DATE_WORDS.match(name)
            or any(w.count("-") >= 2 for w in name.split())  # CSS classes: "wp-block-co-authors"
            or (_HANDLE.match(name) and (" " not in name and not name[:1].isupper()))
            or sum(c.isdigit() for c in name) >= 3
            or _SOCIAL.search(name)
            or _LOWER_WORD.search(name)):
        return None
    return name


_DASH_TAIL = re.compile(r"^(\S.*?\S)\s+[-–—]\s+(\S.*)$")
"""A name, then a dash and more; a ``|`` separates names (:func:`split_names`)."""
_SOCIAL = re.compile(r"\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|pinterest)\b",
                     re.IGNORECASE)
"""A social network in a name is a profile link's label ("Learning Network on Facebook")."""
_LOWER_WORD = re.compile(r"^[A-Z]\S*(?:\s+\S+)*?\s+(?!della\b|dello\b|degli\b)[a-z]{4,}\b")
"""A name that starts capitalised and has a lowercase word of four letters or more further on
is a phrase ("Personal finance", "Read more"); particles are shorter ("van der", "de la", "bin"),
and an all-lowercase name ("kirstin boatto") is a name written in lowercase."""


_SEPARATORS = re.compile(r"(?:(?<!\s)\s*|(?<=\s))(?:;|\s\|\s|\s&\s|\sand\s|,)\s*", re.IGNORECASE)
r"""``\s*(?:;|\s\|\s|\s&\s|\sand\s|,)\s*`` with its leading spaces taken only from the start of a run
(inside a run, none): the same splits, without rescanning a long run of spaces from each of them."""


def split_names(value: str) -> list[str]:
    """Several people in one value: "A and B", "A, B & C", "A | Outlet".

    A comma splits only when every piece has two words or more ("Kaufman, Jeff T." is one
    person written surname first).

    >>> split_names("Manoj Jain and Jagpreet Chhatwal")
    ['Manoj Jain', 'Jagpreet Chhatwal']
    >>> split_names("Kaufman, Jeff")
    ['Kaufman, Jeff']
    """
    pieces = [p for p in _SEPARATORS.split(value) if p]
    if "," in value and not all(" " in p.strip() for p in pieces):
        pieces = [p for p in re.split(r"\s*(?:;|\s\|\s|\s&\s|\sand\s)\s*", value) if p]
    return [p.strip() for p in pieces if p.strip()]


def names_in(value: str) -> list[str]:
    """The names in one declared author value, each cleaned (:func:`clean_name`).

    >>> names_in("John Smith; Email the author; By")
    ['John Smith']
    >>> names_in("By Staff"), names_in("Podium Staff")
    ([], ['Podium Staff'])
    """
    out: list[str] = []
    for piece in value.split(";"):
        one = clean_name(piece)
        for name in split_names(one) if one else ():
            final = clean_name(name)
            if final and not all(w in _GENERIC for w in _WORDS.findall(final.casefold())):
                out.append(final)
    return out


_WORDS = re.compile(r"\w+")
_KEY = re.compile(r"[\W_]+")


def _key(name: str) -> str:
    return _KEY.sub("", name.casefold())


def _site_key(name: str) -> str:
    """:func:`_key` without a leading "the": "The Commercial Appeal" is commercialappeal."""
    key = _key(name)
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def _publishers(tree: HtmlElement) -> set[str]:
    """Keys of the names the site goes by: ``og:site_name`` and JSON-LD publishers."""
    keys: set[str] = set()
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in {
                "og:site_name", "application-name", "twitter:site"}:
            keys.add(_key((meta.get("content") or "").lstrip("@")))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            keys.update(_key(m) for m in _PUBLISHER.findall(script.text[:200_000]))
    return {k for k in keys if len(k) >= 3}


_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')


def page_authors(tree: HtmlElement, *, site_names: tuple[str, ...] = (),
                 hosts: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """The names the page declares for its author, most trusted source first (module docstring).

    Returns ``(names, weak)``: ``names`` from the first source that gives a person's name;
    ``weak`` the organisations, and the names that are the site's own (``og:site_name``, the
    JSON-LD publisher, ``site_names``), kept for when no other search finds a person: a
    newspaper that declares itself the author ("USA TODAY") usually prints the reporter's byline.
    A name matching one of ``hosts`` (the page's host labels, ``commercialappeal``) is the site's
    only beside two people or more: a one-person blog is often named after its author.
    Names are compared without case, punctuation or a leading "The".
    """
    people, organisations = _json_ld(tree)
    site = {_site_key(k) for k in _publishers(tree)} | {
        _site_key(n) for n in site_names if len(_key(n)) >= 3}
    host_keys = {_site_key(h) for h in hosts if len(_key(h)) >= 3}
    weak: list[str] = []
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: people, lambda: _meta(tree), lambda: _marked(tree), lambda: _byline(tree),
        lambda: _author_link(tree), lambda: _heading_byline(tree), lambda: organisations)
    for source in sources:  # each read only when the ones before gave no person
        candidates = source()
        names = [n for c in candidates for n in names_in(c)]
        own = [n for n in names if _site_key(n) in site]
        if len(names) > len(own) + 1:  # "A and B, The Commercial Appeal" on commercialappeal.com
            own += [n for n in names if n not in own and _site_key(n) in host_keys]
        weak.extend(own)
        names = [n for n in names if n not in own]
        if names and source is not sources[-1]:  # an organisation: weak, a person may follow
            if source in sources[:3]:
                names = _printed_instead(tree, names, site) or names
            return list(dict.fromkeys(names)), []
        weak.extend(names)
    return [], list(dict.fromkeys(weak))


def _printed_instead(tree: HtmlElement, declared: list[str], site: set[str]) -> list[str]:
    """The byline the page prints, when none of the names its JSON-LD or meta tags declare is
    printed anywhere on it: a declared name readers never see is the account that posted the
    story (a user name, an editor), the printed one its author. "Printed" is the page's visible
    text as :func:`~newsclean.ingest.html_text.page_text` reads it, without asides and footers (a
    list of the site's staff names its accounts too). Only a byline the page marks as one
    (:func:`_byline`, :func:`_author_link`): a bare "By ..." line under the headline is as often a
    job title ("By Product Analytics Expert"). Empty when the page prints a declared name, or no
    such byline's every name is printed, of two words or more (not "Accounting" of "Thomson
    Reuters Tax & Accounting"), and not the site's."""
    printed: str | None = None  # the page's text, read only when a byline names someone else
    known = {_spaced(n) for n in declared}
    for source in (_byline, _author_link):  # marked up as a byline: not a "By ..." heading alone
        names = [n for c in source(tree) for n in names_in(c) if _site_key(n) not in site]
        if not names or {_spaced(n) for n in names} <= known or any(
                len(n.split()) < 2 for n in names):
            continue
        if printed is None:
            printed = _spaced(page_text(tree))
            if any(n in printed for n in known):
                return []
        if all(_spaced(n) in printed for n in names):
            return names
    return []


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()
