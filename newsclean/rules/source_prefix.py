"""A source name glued to the start of the first paragraph: ``Alwaght- President Vladimir ...``.

The prefix is trimmed (kind ``source_prefix``) and becomes the ``source`` metadata field. It is
recognised by its shape: one to three capitalised words glued to a hyphen with no space before it
and a space after, followed by a capitalised word, at the very start of the first body paragraph.

Must not catch: an ALL-CAPS dateline (``MOSCOW -``, kept in the body, see ``dateline``); a hyphen
used as a dash between spaces (``Turkey's invasion - along with ...``); hyphenated words.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.confidence import STRONG
from newsclean.document import Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, Verdict
from newsclean.rules.shapes import first_body

_PREFIX = regex.compile(
    r"^(?P<name>\p{Lu}[\p{Ll}\p{Lu}\d.&']*(?: \p{Lu}[\p{Ll}\p{Lu}\d.&']*){0,2})"
    r"(?P<sep>[-–—]|\s?[|:]\s?|\s[-–—])\s+(?=[\p{Lu}\"“«‘'])"
)


class SourcePrefix(Rule):
    """Trim ``Source-`` glued to the first paragraph and record it as the source."""

    name = "source_prefix"

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set() | context.title_blocks()
        body = first_body(doc, skip)
        if body is None:
            return
        block = doc.blocks[body]
        m = _PREFIX.match(block.text)
        if not m:
            return
        name = m.group("name")
        if name.isupper() and len(name) > 4:
            return  # an ALL-CAPS dateline, not a source
        if m.group("sep").startswith(" ") or m.group("sep").strip() in ("|", ":"):
            # "Name - Text" / "Name: Text" are ambiguous with a dash or a label; only a glued
            # hyphen is taken as a source prefix.
            return
        yield self.trim(block, (0, m.end()), Kind.SOURCE_PREFIX,
                        f"source name {name!r} glued to the first paragraph", 0.85)
        yield self.meta(block, {"source": name}, "source prefix of the first paragraph",
                        confidence=STRONG)
