"""The resolver's thresholds on the confidence scale, in one place: :class:`ResolverOptions`.

A verdict's confidence (0 to 1) is read against two thresholds: below ``min_confidence`` the
resolver ignores it; inside the article core a drop needs at least ``core_protection``. Rules that
must know where "sure" starts (a line an earlier rule removed for sure is not looked at again; the
line scorer's drops must pass the core protection) read ``context.resolver``
(:class:`~newsclean.rules.base.Context`), which the pipeline fills with its own options, so
``[resolver] core_protection = 0.8`` in a config moves the resolver and those rules together.

This module imports nothing of the package, so both :mod:`newsclean.rules.base` and
:mod:`newsclean.pipeline` can use it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ResolverOptions"]


@dataclass(frozen=True, slots=True)
class ResolverOptions:
    """Thresholds of the resolver, settable from TOML under ``[resolver]``."""

    core_protection: float = 0.75
    """Drops of core blocks need at least this confidence. Rules read it too (``context.resolver``):
    a removal this confident counts as sure (:meth:`Context.surely_removed
    <newsclean.rules.base.Context.surely_removed>`), and the line scorer raises its drops to it."""
    min_confidence: float = 0.5
    """Verdicts below this confidence are ignored (but still visible to ``explain``)."""
