"""Lines in the article header that are metadata, not body: ``Section | date``, a bare date stamp, a
byline, a bare outlet name. Each is moved into its metadata field (kind ``metadata``).

Only the header is searched: blocks before the first body paragraph, and the two blocks right after
it. The same shapes deep inside the story (a date in a one-line paragraph, a subhead that happens to
be two capitalised words) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import regex

from newsclean import phrases
from newsclean.confidence import FIRM, RECORDED, STRONG
from newsclean.dates import parse_date
from newsclean.document import Block, Document
from newsclean.kinds import Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import (
    AUTHOR_SPLIT,
    byline_of_row,
    first_body,
    has_date,
    is_byline,
    is_date_line,
    labelled_byline,
)

_SECTION_DATE = regex.compile(
    r"^(?P<section>\p{L}[\p{L}&' -]{0,30}?)\s*[|•·/]\s*(?P<rest>.*\d.*)$"
)
_NAME_WORD = regex.compile(r"^[\p{Lu}\d][\p{L}\d.&'-]*$")


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Generic words of news-outlet names (package data ``data/outlet_words.txt``)."""
    text = resources.files("newsclean").joinpath("data/outlet_words.txt").read_text("utf-8")
    return frozenset(
        ln.strip().casefold() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def host_key(url: str | None) -> str:
    """``https://www.duvarenglish.com/x`` -> ``duvarenglish``."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "en", "de", "news")]
    return parts[0] if parts else ""


def is_outlet_name(block: Block, url: str | None, *, strict: bool = False) -> bool:
    """A short capitalised line naming an outlet: a host-name match, or an outlet word in it.

    ``strict`` (used below the first paragraph, where subheads live) wants the outlet word last,
    as in most outlet names ("Gulf Times", "Duvar English"), so a subhead like "Daily Life" is not
    taken for one.
    """
    words = block.text.split()
    if not 1 <= len(words) <= 5 or block.ends_sentence:
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    squashed = regex.sub(r"[\W_]+", "", block.text.casefold())
    key = host_key(url)
    if key and len(squashed) >= 3 and (squashed == key or squashed in key or key in squashed):
        return True
    if len(words) < 2:
        return False
    if strict:
        return words[-1].casefold().strip(".") in outlet_words()
    return any(w.casefold().strip(".") in outlet_words() for w in words)


_PERSON = regex.compile(r"^\p{Lu}[\p{L}'’-]*\p{Ll}(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*\p{Ll})){1,2}$")
"""Two or three name words: ``María López``, ``Adam Clark Estes``, ``Jane A. Doe``, ``Dan
O'Brien``."""
_POSSESSIVE = regex.compile(r"['’]s\b")


def is_person_next_to_date(block: Block, doc: Document) -> bool:
    """A bare name (no ``By``) right above or below a date stamp in the header: the author, as
    many sites print it (``María López`` / ``Madrid - 21 nov 2026 - 12:30 CET``). Not a name: a
    line with a short stopword of the page's language or an outlet word (``El País``,
    ``Associated Press``), or one the phrase lists know (``Europe Politics``, ``Share Tweet``)."""
    text = block.text.strip()
    if not _PERSON.match(text) or _POSSESSIVE.search(text):  # "Asia's Power Businesswomen"
        return False
    stops = doc.stopwords  # short function words only: web-mined stoplists hold first names
    if any((len(w) <= 3 and w.lower() in stops) or w.casefold() in outlet_words() for w in block.words):
        return False
    neighbours = [doc.blocks[j] for j in (block.index - 1, block.index + 1) if 0 <= j < len(doc.blocks)]
    return any(is_date_line(n) for n in neighbours) and phrases.match(text, doc.language) is None


@dataclass(frozen=True)
class MetadataLineOptions(RuleOptions):
    after_body: int = 2
    """How many blocks after the first body paragraph still count as header."""
    max_header: int = 40
    """Only this many blocks before the first body paragraph are searched."""


class MetadataLine(Rule):
    """Move header lines that are metadata into fields: section|date, date stamps, bylines, outlet.

    Must not catch: dates or names inside the story; a short subhead; a one-line quote.
    """

    name = "metadata_line"
    Options = MetadataLineOptions
    options: MetadataLineOptions
    requires = frozenset({Fact.CHROME_LINE})

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set()
        # Date stamps and byline rows that the phrase lists already call chrome still carry the
        # date or the authors.
        chrome_only = context.established(Fact.CHROME_LINE)
        body = first_body(doc, skip)
        if body is None:
            return
        lo = max(0, body - self.options.max_header)
        hi = min(len(doc.blocks), body + self.options.after_body + 1)
        for block in doc.blocks[lo:hi]:
            if block.index == body:
                continue
            if block.index in skip:
                if block.index in chrome_only and (is_date_line(block) or byline_of_row(block.text)
                                                   or labelled_byline(block.text)):
                    verdict = self._classify(block, doc, from_chrome=True)
                    if verdict is not None:
                        yield verdict
                continue
            verdict = self._classify(block, doc, after_body=block.index > body)
            if verdict is not None:
                yield verdict

    def _classify(self, block: Block, doc: Document, *, from_chrome: bool = False,
                  after_body: bool = False) -> Verdict | None:
        """The metadata a header line holds, or ``None``. A chrome line (``Fact.CHROME_LINE``, dropped
        by the rule that established it: ``from_chrome``) is read only for a date stamp or a byline
        row, with a confidence above the phrase match so that the removal is recorded as
        metadata."""
        text = block.text.strip()
        m = _SECTION_DATE.match(text)
        row = byline_of_row(text) if m else None
        if m and row is not None:
            # "By Amy Chen | Oct. 2, 2024": a byline opening the row, not a section
            row_facts: dict[str, object] = {"authors": _authors(_without_opener(row))}
            published = parse_date(text[len(row):])
            if published:
                row_facts["published"] = published
            return self.meta(block, row_facts, "byline and date line", remove=Kind.METADATA,
                             confidence=RECORDED if from_chrome else STRONG)
        if m and is_date_line(block):
            facts: dict[str, str] = {"section": m.group("section").strip()}
            published = parse_date(m.group("rest"))
            if published:
                facts["published"] = published
            return self.meta(block, facts, "section and date line", remove=Kind.METADATA,
                             confidence=RECORDED)
        if is_date_line(block):
            published = parse_date(text)
            facts = {"published": published} if published else {}
            return self.meta(block, facts, "date stamp in the article header",
                             remove=Kind.METADATA, confidence=RECORDED if from_chrome else STRONG)
        # a byline behind a label ("Ein Interview von ...", "Interview: ..."), which site_chrome
        # removes as a byline label
        names = labelled_byline(text) if block.n_words <= 16 else None
        if names is not None:
            label_facts: dict[str, object] = {"authors": _authors(names)}
            published = parse_date(text) if has_date(text) else None
            if published:
                label_facts["published"] = published  # "Posted by Amy Chen on October 2, 2024"
            return self.meta(block, label_facts, "byline", remove=Kind.METADATA,
                             confidence=RECORDED if from_chrome else STRONG)
        # a byline, or one opening a row of header items ("By Jane Doe | jdoe@example.com")
        byline = byline_of_row(text) or (text if not from_chrome and is_byline(block) else None)
        if byline is not None:
            authors = _authors(_without_opener(byline))
            return self.meta(block, {"authors": authors}, "byline", remove=Kind.METADATA,
                             confidence=RECORDED if from_chrome else STRONG)
        if from_chrome:
            return None
        if is_outlet_name(block, doc.url, strict=after_body):
            return self.meta(block, {"source": text}, "outlet name in the article header",
                             remove=Kind.METADATA, confidence=FIRM)
        if not after_body and is_person_next_to_date(block, doc):
            return self.meta(block, {"authors": [text]}, "author's name next to the date",
                             confidence=FIRM)
        return None


_OPENER = regex.compile(r"^\S+\s+")


def _without_opener(byline: str) -> str:
    """The names of a byline without its first word ("By", "Von", "di")."""
    return str(_OPENER.sub("", byline))


# "a comma, then one word to the end" (``,\s*\S+\s*$``), written so that each comma does not scan
# to the end of the line (that was quadratic: 0.9 s on 4,000 commas; fuzz/regex_audit.py): either
# the last word holds a comma with something after it, or a comma and spaces come before it.
_LAST_COMMA_PART = regex.compile(r"(?<!\S)(?=\S*,\S)\S++\s*$|,\s+\S++\s*$")


def _authors(names: str) -> list[str]:
    """The names of a byline. A one-word last part after a comma (``Von Anna Schmidt, Berlin``,
    ``By Jane Doe, AP``) is the place or the agency, not a person, when the byline's other names
    have two words or more."""
    authors = [a.strip() for a in AUTHOR_SPLIT.split(names) if a.strip()]
    if len(authors) >= 2 and _LAST_COMMA_PART.search(names) and " " not in authors[-1] and all(
            " " in a for a in authors[:-1]):
        authors.pop()
    # a role or the outlet after a comma: "By Tom Becker, Staff Writer", "Emma Hart, BBC News"
    last = names.rsplit(",", 1)[-1].strip() if "," in names else ""
    if len(authors) >= 2 and last == authors[-1] and any(
            w.casefold() in _ROLE_WORDS or w.casefold() in outlet_words() for w in last.split()):
        authors.pop()
    return authors


_ROLE_WORDS = frozenset({
    "writer", "reporter", "correspondent", "editor", "columnist", "contributor", "staff", "senior",
    "chief", "producer", "photographer", "journalist", "redakteur", "redakteurin", "korrespondent",
    "korrespondentin", "autor", "autorin", "reporterin", "rédacteur", "rédactrice", "envoyé",
    "envoyée", "corresponsal", "redactor", "redactora", "corrispondente", "redattore", "inviato",
})
"""Words of a journalist's role, which a byline may add after the names."""
