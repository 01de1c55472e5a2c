"""Result types: :class:`Article`, its :class:`Metadata`, and one :class:`Removal` per dropped piece.

These are plain slotted dataclasses with ``to_dict()``; the JSON schema is documented in
``docs/schema.md`` and is stable within a major version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newsclean.frozen import fast_init
from newsclean.kinds import Kind
from newsclean.pagetype import PageType

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Dateline:
    """A parsed dateline such as ``MOSCOW, February 28. /TASS/.``; the text stays in the body."""

    place: str | None = None
    date: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (("place", self.place), ("date", self.date),
                                  ("agency", self.agency)) if v is not None}


@dataclass(slots=True)
class Metadata:
    """Facts about the article. Every field is optional; ``None`` means "not found".

    ``image``, ``tags`` and ``hostname`` come from HTML mode only (the page's declared preview
    image, its keyword tags, the host of its URL); text mode leaves them empty. ``page_type`` is
    what kind of page it is: HTML mode reads it from the page (:mod:`newsclean.pagetype`), text mode
    from the shape of the lines (:mod:`newsclean.pagetype_text`, the ``page_type`` rule; ``None``
    when that rule is off).
    """

    source: str | None = None
    section: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    hostname: str | None = None
    page_type: PageType | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "section": self.section,
            "published": self.published,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "authors": list(self.authors),
            "language": self.language,
            "url": self.url,
            "description": self.description,
            "categories": list(self.categories),
            "tags": list(self.tags),
            "image": self.image,
            "hostname": self.hostname,
            "page_type": self.page_type.value if self.page_type is not None else None,
        }


@fast_init  # a page makes hundreds of removals: see newsclean.frozen
@dataclass(slots=True, frozen=True)
class Removal:
    """One piece of input that is not in the body: what, why, which rule, and where.

    ``start``/``end`` are character offsets into the text the pipeline segmented: the decoded input in
    text mode, trafilatura's extracted text in HTML mode.
    """

    text: str
    kind: Kind
    rule: str
    reason: str
    start: int
    end: int
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "rule": self.rule,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True, frozen=True)
class Provenance:
    """Where a promoted field (``title``, ``subtitle``) came from, and which rule put it there."""

    rule: str
    reason: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "reason": self.reason, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """The cleaned article.

    ``paragraphs`` is the body as a list; ``body`` joins it with blank lines. ``removed`` lists every
    dropped or trimmed piece with its kind, rule and reason. Lines promoted to ``title`` and
    ``subtitle`` are not in ``removed``; ``fields_from`` says where they came from.
    """

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    removed: list[Removal] = field(default_factory=list)
    fields_from: dict[str, Provenance] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    mode: str = "text"
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The paragraphs joined by one blank line."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; see ``docs/schema.md``."""
        return {
            "schema": SCHEMA_VERSION,
            "mode": self.mode,
            "title": self.title,
            "subtitle": self.subtitle,
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "metadata": self.metadata.to_dict(),
            "removed": [r.to_dict() for r in self.removed],
            "fields_from": {k: v.to_dict() for k, v in self.fields_from.items()},
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text (non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
