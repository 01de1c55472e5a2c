"""The closed vocabularies: what a removal is (:class:`Kind`), what a rule proposes (:class:`Action`)
and what a rule establishes about a block for the rules after it (:class:`Fact`).

All are ``str`` enums so they serialise as their plain value in JSON and compare equal to it
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


class Fact(str, Enum):
    """What a rule establishes about a block for the rules after it to read.

    A rule declares the facts it ``provides`` and ``requires`` (:class:`~newsclean.rules.base.Rule`);
    it establishes one by marking its verdict (``Verdict.establishes``), and a later rule reads the
    blocks with :meth:`Context.established <newsclean.rules.base.Context.established>`. So rules
    share what they found without naming each other: another rule may provide the same fact.
    """

    CHROME_LINE = "chrome_line"
    """The block's own text reads as site chrome: a line of the chrome phrase lists (a comments
    heading, a related-content label, a photo credit, a date stamp ...) or a menu shape (breadcrumb,
    pipe menu). Whatever the resolver makes of the drop, the evidence stands (``site_chrome``)."""

    HEADLINE_RUN = "headline_run"
    """The block is one of a run of headline-shaped lines that shares few words with the article,
    judged by the run's shape and relatedness alone (``headline_list``). A reader of the line itself
    (the line model) may know better when that drop is tentative: a recipe's short lines are not a
    list of other stories."""

    def __str__(self) -> str:
        return self.value
