"""What "output text comes from the input" means, shared by the property tests and the fuzzer:
the words a document may show after the documented repairs, in text and in HTML mode."""

from __future__ import annotations

import html as html_lib
import unicodedata

import regex

import newsclean.api
from newsclean.ingest.repair import fix_mojibake

WORD = regex.compile(r"\w+")
_TAG = regex.compile(r"<[A-Za-z/!?][^<>]*>")

_DELETED = regex.compile("[\x00-\x08\x0e-\x1b\x7f]")
"""What the repair stage may delete: C0 controls that are not whitespace. Written out here, not
taken from the library: a word glued together by deleting whitespace (a vertical tab, a form feed,
U+001F) must count as invented."""
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""Invisible characters: kept inside a line, deleted at its edges, where a word may start or end
with one (``\\w`` takes in the two joiners)."""

_HTML_DELETED = regex.compile(r"(?V1)[\p{C}--[\t\n\r\x85]]")
"""In HTML mode more goes: libxml2 drops the control characters (vertical tab and form feed
included) and trafilatura every other non-printable character (format characters such as U+2061
or U+200E, unassigned and private-use code points). A word they separated comes out glued
(``"n\\x1cw"`` -> ``"nw"``), as a browser shows it."""


def repaired_words(text: str) -> set[str]:
    """The words of ``text`` after the documented repairs: mojibake fixed line by line,
    non-whitespace controls deleted (whitespace only ever separates words); each word also without
    its invisible characters, which a line's edges lose."""
    words: set[str] = set()
    for line in text.split("\n"):
        found = WORD.findall(_DELETED.sub("", fix_mojibake(line)))
        words.update(found)
        words.update(part for w in found for part in WORD.findall(_INVISIBLE.sub(" ", w)))
    return words


def html_haystack(page: str) -> str:
    """Everything an HTML extraction may legitimately show: the markup-free text and the raw markup,
    entities decoded, NFC-normalised, each line repaired as segmentation does."""
    page = newsclean.api._valid_unicode(page, [])
    stripped = _TAG.sub("", page)
    parts = [html_lib.unescape(page), html_lib.unescape(stripped)]
    text = unicodedata.normalize("NFC", "\n".join(parts))
    lines = [_HTML_DELETED.sub("", line) for line in text.split("\n")]
    return " ".join(" ".join(variant.split()) for line in lines for variant in (line, fix_mojibake(line)))


def glued_from(word: str, haystack: str, tokens: set[str]) -> bool:
    """True when ``word`` is in ``haystack`` or is several of its words run together.

    HTML puts no space between elements the markup does not separate (``budget</h1i<p>The``, a
    malformed end tag, reads ``budgetThe`` in a browser too), and trafilatura can join the text of
    two adjacent elements; neither invents a word, so both pass.
    """
    if word in haystack:
        return True
    ok = [True] + [False] * len(word)
    for i in range(len(word)):
        if ok[i]:
            for j in range(i + 1, len(word) + 1):
                if word[i:j] in tokens:
                    ok[j] = True
    return ok[-1]
