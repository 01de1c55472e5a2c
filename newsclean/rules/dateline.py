"""Datelines at the start of the first paragraph: ``MOSCOW:``, ``MADRID —``,
``MOSCOW, February 28. /TASS/.``, ``WASHINGTON (Reuters) -``, ``Berlin (dpa) -``.

The dateline is parsed into ``metadata.dateline`` (place, date, agency) and stays in the body, as
wire copy prints it. An agency in the dateline also becomes ``source``.

Must not catch: sentence openers (``However, ...``), capitalised words that are not ALL CAPS and
have no agency in brackets after them (``Moscow: Russian President ...``), acronyms followed by
ordinary text (``NATO's secretary-general``), an interview's question under the outlet's name
(``ZEIT ONLINE: Herr Müller, warum ...?``). A title-case place and a dash alone (``Wien –``) is a
dateline on German pages only.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.article import Dateline as DatelineFact
from newsclean.confidence import SURE, TENTATIVE
from newsclean.document import Document
from newsclean.rules.base import Context, Rule, Verdict
from newsclean.rules.shapes import first_body

_PLACE = r"(?P<place>\p{Lu}{3,}(?:[\s.'-]+\p{Lu}{2,}){0,3}|\p{Lu}{2,}(?:[\s.'-]+\p{Lu}{2,}){1,3})"
_REGION = r"(?:,\s*(?P<region>\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}))?"
_DATE = r"(?P<date>\p{L}{3,10}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10})"
_WIRE = regex.compile(
    r"^" + _PLACE + _REGION + r",\s*" + _DATE + r"\.?\s*/(?P<agency>[\p{L}\s-]{2,20})/\.?\s+"
)
_AGENCY_LINE = regex.compile(
    r"^(?P<place>\p{Lu}\p{Ll}+(?:[\s/.-]+\p{Lu}?\p{Ll}+){0,2})\s*"
    r"\((?P<agency>\p{L}[\p{L}\s./-]{1,24})\)\s*[—–-]{1,2}\s+(?=[\p{Lu}\p{N}\"“„«‘'])"
)
"""German and agency style: a place in title case is a dateline only with the agency in brackets
after it and a dash (``Berlin (dpa) -``, ``Frankfurt/Main (dpa/lhe) -``, ``Genf (Reuters) –``;
not ``Astronaut (NR): 7 saves``)."""
_PLACE_DASH = regex.compile(
    r"^(?P<place>\p{Lu}\p{Ll}{2,}(?:[\s/-]\p{Lu}\p{Ll}+){0,2})"
    r"(?:,\s*(?P<date>\d{1,2}\.?\s+\p{L}{3,10}\.?(?:\s+\d{4})?))?\s+[–—-]\s+(?=\p{Lu})"
)
"""The German and Austrian dateline without an agency: a place in title case and a dash
(``Wien – Die Regierung ...``, ``Freiberg, 11. Mai 2026 – ...``), on German pages only (English
prints ``Tesla – once the darling ...``), and never a word of time (``Heute – ...``)."""
_PLACE_DASH_LANGUAGES = frozenset({"de"})
_NOT_PLACES = frozenset({"heute", "gestern", "morgen", "jetzt", "dann", "damals", "danach", "zuvor",
                         "bisher", "zuletzt", "erst", "immerhin", "trotzdem"})
"""Words of time and discourse a German paragraph may open with before a dash."""
_SIMPLE = regex.compile(
    r"^" + _PLACE + _REGION + r"(?:,\s*" + _DATE + r"\.?)?\s*(?:\((?P<agency>[\p{L}\s.-]{2,25})\))?"
    r"\s*(?::|\s[—–-]{1,2})\s+(?=[\p{Lu}\p{N}\"“«‘'])"
)
"""``MOSCOW:``, ``MADRID —``, ``MADRID, 3 dic. (EUROPA PRESS) -``."""


class Dateline(Rule):
    """Parse the dateline of the first paragraph into metadata; the text stays in the body."""

    name = "dateline"

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set() | context.title_blocks()
        body = first_body(doc, skip)
        if body is None:
            return
        block = doc.blocks[body]
        text = block.text
        for v in context.verdicts:  # a trimmed source prefix comes first
            if v.block == body and v.span is not None:
                text = text[v.span[1]:]
        m = _WIRE.match(text) or _SIMPLE.match(text) or _AGENCY_LINE.match(text)
        if not m:
            m = _PLACE_DASH.match(text) if doc.language in _PLACE_DASH_LANGUAGES else None
            if m is not None and m.group("place").casefold() in _NOT_PLACES:
                m = None
        if not m:
            return
        if m.group().rstrip().endswith(":") and text.rstrip().endswith("?"):
            return  # "SPIEGEL: Würden Sie ...?": an interviewer's question under its label
        place = m.group("place").strip()
        agency = (m.groupdict().get("agency") or "").strip() or None
        date = m.groupdict().get("date")
        fact = DatelineFact(place=place, date=date.strip() if date else None, agency=agency)
        facts: dict[str, object] = {"dateline": fact}
        yield self.meta(block, facts, "dateline of the first paragraph", confidence=SURE)
        if agency:
            yield self.meta(block, {"source": agency}, "agency named in the dateline",
                            confidence=TENTATIVE)
