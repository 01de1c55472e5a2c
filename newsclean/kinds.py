"""The closed vocabularies: what a removal is (:class:`Kind`) and what a rule proposes (:class:`Action`).

Both are ``str`` enums so they serialise as their plain value in JSON and compare equal to it
(``Kind.TICKER == "ticker"``). Extend :class:`Kind` deliberately: fixtures, docs and users' filters
all key on these values.
"""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """Why a piece of text is not part of the article body."""

    SITE_CHROME = "site_chrome"
    """Mastheads, menus, share/follow/newsletter prompts, comment forms, cookie and footer text."""
    TICKER = "ticker"
    """A strip of several headlines run together on one line, often under a "Latest News" label."""
    HEADLINE_LIST = "headline_list"
    """Runs of headline-like lines about other stories."""
    DUPLICATE = "duplicate"
    """A repeat of the title or of another block already kept."""
    METADATA = "metadata"
    """A line moved into a metadata field (section and date line, bare source name)."""
    SOURCE_PREFIX = "source_prefix"
    """A source name glued to the start of the first paragraph ("Alwaght- President ...")."""

    def __str__(self) -> str:
        return self.value


class Action(str, Enum):
    """What a :class:`~newsclean.rules.base.Verdict` proposes for its block."""

    DROP = "drop"
    """Remove the whole block."""
    TRIM = "trim"
    """Remove a span inside the block and keep the rest."""
    KEEP = "keep"
    """Protect the block from lower-confidence drops."""
    META = "meta"
    """Record metadata facts; the block is also removed when the verdict has a kind."""

    def __str__(self) -> str:
        return self.value
