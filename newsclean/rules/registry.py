"""Where rules come from: the built-in table, and third-party rules via entry points.

Built-in rules are listed by name -> ``module:Class`` and imported on first use. Third-party rules
register in the entry-point group ``newsclean.rules``; the group is scanned on the first lookup of a
name that is not built in (never at import). An unknown name raises :class:`UnknownRuleError`,
which lists the names that do exist.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.rules.base import Rule

ENTRY_POINT_GROUP = "newsclean.rules"

BUILTIN: dict[str, str] = {
    "site_chrome": "newsclean.rules.chrome:SiteChrome",
    "ticker": "newsclean.rules.ticker:Ticker",
    "headline_list": "newsclean.rules.headlines:HeadlineList",
    "title": "newsclean.rules.title:Title",
    "metadata_line": "newsclean.rules.metadata_line:MetadataLine",
    "source_prefix": "newsclean.rules.source_prefix:SourcePrefix",
    "dateline": "newsclean.rules.dateline:Dateline",
    "boilerplate": "newsclean.rules.boilerplate:Boilerplate",
    "duplicate": "newsclean.rules.duplicate:Duplicate",
    "promo": "newsclean.rules.promo:Promo",
    "teasers": "newsclean.rules.teasers:Teasers",
    "site_profile": "newsclean.rules.site_profile:SiteProfileRule",
    "line_scorer": "newsclean.rules.scorer:LineScorer",
    "no_article": "newsclean.rules.no_article:NoArticle",
    "comment_thread": "newsclean.rules.comments:CommentThread",
    "enumeration": "newsclean.rules.enumeration:Enumeration",
    "interview": "newsclean.rules.interview:Interview",
    "author_bio": "newsclean.rules.author_bio:AuthorBio",
}

DEFAULT_ORDER: tuple[str, ...] = (
    "site_chrome",
    "ticker",
    "metadata_line",
    "title",
    "source_prefix",
    "dateline",
    "promo",
    "teasers",
    "enumeration",
    "interview",
    "headline_list",
    "line_scorer",
    "comment_thread",
    "author_bio",
    "duplicate",
    "no_article",
)
"""The default pipeline. Order matters: later rules read earlier verdicts (``title`` skips lines
``site_chrome`` already dropped; ``headline_list`` knows the title; ``no_article`` looks at what all
the others left)."""


class UnknownRuleError(KeyError):
    """A rule name that is neither built in nor registered through an entry point."""

    def __init__(self, name: str, available: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.available = available

    def __str__(self) -> str:
        return f"unknown rule {self.name!r}; available rules: {', '.join(self.available)}"


@lru_cache(maxsize=1)
def _entry_points() -> dict[str, object]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> list[str]:
    """All rule names: built in first, then third-party ones."""
    return list(BUILTIN) + sorted(n for n in _entry_points() if n not in BUILTIN)


def origin(name: str) -> str:
    """Where ``name`` comes from: ``"built in"`` or ``"entry point <module:attr>"``."""
    if name in BUILTIN:
        return "built in"
    ep = _entry_points().get(name)
    if ep is not None:
        return f"entry point {getattr(ep, 'value', '?')}"
    raise UnknownRuleError(name, available())


def get(name: str) -> type[Rule]:
    """The rule class registered under ``name``."""
    from newsclean.rules.base import Rule

    target = BUILTIN.get(name)
    if target is not None:
        module, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module), attr)
    else:
        ep = _entry_points().get(name)
        if ep is None:
            raise UnknownRuleError(name, available())
        cls = ep.load()  # type: ignore[attr-defined]
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise TypeError(f"rule {name!r} resolves to {cls!r}, which is not a newsclean Rule subclass")
    return cls
