"""Where rules come from: the built-in table, and third-party rules via entry points.

Built-in rules are listed by name -> ``module:Class`` and imported on first use. Third-party rules
register in the entry-point group ``newsclean.rules``; the group is scanned on the first lookup of a
name that is not built in (never at import). A rule of your own project that is not packaged can be
named by its import path, ``module:Class`` (the form of an entry point's value). An unknown name
raises :class:`UnknownRuleError`, which lists the names that do exist (and the closest one); a known
rule missing from the pipeline it is looked up in raises :class:`NotInPipelineError`, which says so.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.rules.base import Rule

ENTRY_POINT_GROUP = "newsclean.rules"

BUILTIN: dict[str, str] = {
    "site_chrome": "newsclean.rules.chrome:SiteChrome",
    "ticker": "newsclean.rules.ticker:Ticker",
    "table": "newsclean.rules.tables:Table",
    "headline_list": "newsclean.rules.headlines:HeadlineList",
    "title": "newsclean.rules.title:Title",
    "metadata_line": "newsclean.rules.metadata_line:MetadataLine",
    "source_prefix": "newsclean.rules.source_prefix:SourcePrefix",
    "dateline": "newsclean.rules.dateline:Dateline",
    "boilerplate": "newsclean.rules.boilerplate:Boilerplate",
    "duplicate": "newsclean.rules.duplicate:Duplicate",
    "promo": "newsclean.rules.promo:Promo",
    "page_type": "newsclean.rules.page_type:PageTypeRule",
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
    "page_type",
    "teasers",
    "enumeration",
    "interview",
    "table",
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
        close = difflib.get_close_matches(self.name, self.available, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown rule {self.name!r}{hint}; available rules: {', '.join(self.available)}"


class NotInPipelineError(UnknownRuleError):
    """A rule that exists but is not in the pipeline it is named in (an option table, an anchor).

    Saying ``unknown rule`` about a rule that exists sent people looking for a typo.
    """

    def __init__(self, name: str, pipeline: list[str], where: str = "", hint: str = "") -> None:
        super().__init__(name, pipeline)
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        hint = f"; {self.hint}" if self.hint else ""
        return (f"{where}rule {self.name!r} is not in the pipeline{hint} (the pipeline's rules: "
                f"{', '.join(self.available)})")


def is_import_path(name: str) -> bool:
    """``module:Class`` (``my_rules:Shouting``, ``pkg.rules:Shouting``) rather than a rule name."""
    module, sep, attr = name.partition(":")
    return bool(sep) and bool(attr) and all(part.isidentifier() for part in (*module.split("."), attr))


def missing(name: str, pipeline: Sequence[str], where: str = "", hint: str = "") -> UnknownRuleError:
    """The error for ``name`` not found among a pipeline's rules: :class:`NotInPipelineError` when
    such a rule exists, else :class:`UnknownRuleError` listing the pipeline's rules."""
    if name in BUILTIN or is_import_path(name) or name in _entry_points():
        return NotInPipelineError(name, list(pipeline), where, hint)
    return UnknownRuleError(name, list(pipeline))


@lru_cache(maxsize=1)
def _entry_points() -> dict[str, object]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> list[str]:
    """All rule names: built in first, then third-party ones."""
    return list(BUILTIN) + sorted(n for n in _entry_points() if n not in BUILTIN)


def origin(name: str) -> str:
    """Where ``name`` comes from: ``"built in"``, ``"entry point <module:attr>"`` or
    ``"import path <module:Class>"``."""
    if name in BUILTIN:
        return "built in"
    ep = _entry_points().get(name)
    if ep is not None:
        return f"entry point {getattr(ep, 'value', '?')}"
    if is_import_path(name):
        return f"import path {name}"
    raise UnknownRuleError(name, available())


def _import(path: str, folder: Path | None) -> object:
    """``module:attr`` imported from the Python path, else from ``folder`` (a config file's folder,
    then put on the path so that worker processes find the module too)."""
    module, _, attr = path.partition(":")
    top = module.split(".")[0]
    here = folder is not None and ((folder / f"{top}.py").is_file() or (folder / top).is_dir())
    if here and str(folder) not in sys.path and importlib.util.find_spec(top) is None:
        sys.path.insert(0, str(folder))
    try:
        imported = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is None or not module.startswith(exc.name):
            raise  # the module exists; something it imports does not
        where = f" or in {folder}" if folder is not None else ""
        raise ImportError(f"rule {path!r}: no module {module!r} on the Python path{where}") from exc
    try:
        return getattr(imported, attr)
    except AttributeError:
        raise ImportError(f"rule {path!r}: module {module!r} has no {attr!r}") from None


def get(name: str, folder: Path | None = None) -> type[Rule]:
    """The rule class registered under ``name`` (a built-in or entry-point name, or ``module:Class``,
    looked for on the Python path, then in ``folder``)."""
    from newsclean.rules.base import Rule

    target = BUILTIN.get(name)
    if target is not None:
        module, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module), attr)
    elif name in _entry_points():
        cls = _entry_points()[name].load()  # type: ignore[attr-defined]
    elif is_import_path(name):
        cls = _import(name, folder)
    else:
        raise UnknownRuleError(name, available())
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise TypeError(f"rule {name!r} resolves to {cls!r}, which is not a newsclean Rule subclass")
    return cls
