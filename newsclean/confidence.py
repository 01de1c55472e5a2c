"""The resolver's thresholds on the confidence scale, in one place: :class:`ResolverOptions`.

A verdict's confidence (0 to 1) is read against two thresholds: below ``min_confidence`` the
resolver ignores it; inside the article core a drop needs at least ``core_protection``. Rules that
must know where "sure" starts (a line an earlier rule removed for sure is not looked at again; the
line scorer's drops must pass the core protection) read ``context.resolver``
(:class:`~newsclean.rules.base.Context`), which the pipeline fills with its own options, so
``[resolver] core_protection = 0.8`` in a config moves the resolver and those rules together.

Rules give their verdicts one of a few named levels (below), not raw numbers: what a level means
is how it fares in the resolver, against the default thresholds and against the line scorer's
keeps (:data:`STRONG`). A rule's confidence option defaults to a level too.

This module imports nothing of the package, so both :mod:`newsclean.rules.base` and
:mod:`newsclean.pipeline` can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ABSOLUTE", "CERTAIN", "FIRM", "PHRASE", "RECORDED", "STRONG", "SURE", "TENTATIVE",
           "WEAK", "ResolverOptions"]

TENTATIVE = 0.6
"""A guess: never cuts into the article core, and any keep overrules it (a numbered list that may
be the article's own, a line that only looks like a dateline)."""
WEAK = 0.7
"""Outside the core only, and overruled by the line scorer's keeps (a masthead line above the
title, a headline run that shares some words with the story)."""
FIRM = 0.8
"""Enough inside the core (above ``core_protection``, 0.75 by default), still overruled by the line
scorer's keeps: shapes that are chrome most of the time (a duplicate, a comment thread, a tagline)."""
STRONG = 0.85
"""The line scorer's keeps; a drop at this level ties with them, and a tie keeps the line. Drops of
phrase-list prefixes and promotions sit here too."""
SURE = 0.9
"""Beats the line scorer's keeps: a headline run sharing no words with the story, a line that
repeats the title, a site profile's chrome."""
PHRASE = 0.95
"""A whole line of a chrome phrase list (``line`` and ``regex`` entries)."""
RECORDED = 0.96
"""A line that holds metadata (a date stamp, a byline) although a phrase list calls it chrome: one
level above :data:`PHRASE`, so that the removal is recorded as metadata with its fields."""
CERTAIN = 0.97
"""A news ticker (a strip of headlines on one line, and its label): above the phrase lists and the
metadata they may also see in it."""
ABSOLUTE = 0.99
"""What no other verdict overrules: a page with no article, an interview's speaker labels, a list
the story announces, the line scorer's surest drops."""


@dataclass(frozen=True, slots=True)
class ResolverOptions:
    """Thresholds of the resolver, settable from TOML under ``[resolver]``."""

    core_protection: float = 0.75
    """Drops of core blocks need at least this confidence. Rules read it too (``context.resolver``):
    a removal this confident counts as sure (:meth:`Context.surely_removed
    <newsclean.rules.base.Context.surely_removed>`), and the line scorer raises its drops to it."""
    min_confidence: float = 0.5
    """Verdicts below this confidence are ignored (but still visible to ``explain``)."""
