"""What a ``regex`` phrase entry needs of a line before it can full-match it: at most so many
characters, and for each clause one of its strings.

Most lines reach the ``regex`` stage of :mod:`newsclean.phrases` without a chance (a body sentence is
longer than a timestamp pattern can match, or lacks the words a credit pattern ends with). Testing
that with ``len`` and ``in`` costs far less than running the regex, and a match is still decided by
the regex alone, so the answer is the same.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

import regex

# The standard library's regex parser, read by _requirements() for the regex pre-test. It is a
# private module: if a Python release moves it, the pre-test is off and every regex simply runs.
try:
    if sys.version_info >= (3, 11):
        from re import _constants as _sre
        from re import _parser as _sre_parser
    else:
        import sre_constants as _sre
        import sre_parse as _sre_parser
except ImportError:  # pragma: no cover - depends on the Python release
    _sre = _sre_parser = None  # type: ignore[assignment]

Need = tuple[int, tuple[tuple[str, ...], ...]]
"""What a line needs for a ``regex`` entry to full-match it: at most so many characters, and for
each clause one of its strings (see :func:`requirements`)."""
ANY_LINE: Need = (1 << 62, ())


def possible(text: str, n: int, need: Need) -> bool:
    """False when ``text`` (of length ``n``) cannot full-match an entry that needs ``need``."""
    width, clauses = need
    if n > width:
        return False
    for clause in clauses:
        for literal in clause:
            if literal in text:
                break
        else:
            return False
    return True


def _by_rarity(clauses: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Clauses with long strings first (a line rarely holds one), one-character ones (``" "``) last."""
    return tuple(sorted(clauses, key=lambda c: (-min(len(s) for s in c), len(c))))


_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}")
_POSIX_CLASS = regex.compile(r"\[:\^?\w+:\]")
_NOT_A_REPEAT = regex.compile(r"(?<!\\)\{(?!\d*,?\d*\})")


def requirements(pattern: str) -> Need:
    """The longest line ``pattern`` can full-match and the strings a match must contain.

    Most lines reach the ``regex`` stage without a chance: a body sentence is longer than a
    timestamp pattern can match, or lacks the words a credit pattern ends with. Testing that with
    ``len`` and ``in`` costs far less than running the regex (a match is decided by the regex alone,
    so the answer is the same). The pattern is read with the standard library's parser, ``\\p{..}``
    standing for one character; a pattern it cannot read needs nothing.

    Clauses come from the top-level sequence, required groups and repeats (minimum 1), lookaheads,
    plain character classes, and alternations (one clause per alternative, merged); only strings
    that are their own casefold are kept, since lines are casefolded before matching.
    """
    plain = _PROPERTY.sub(r"\\w", pattern)
    if _sre_parser is None or _POSIX_CLASS.search(plain) or _NOT_A_REPEAT.search(plain):
        return ANY_LINE  # POSIX classes and fuzzy matching mean something else to ``re``
    try:
        tree = _sre_parser.parse(plain, re.IGNORECASE)
        width = tree.getwidth()[1]
        clauses = [c for c in _clauses(tree.data) if all(s == s.casefold() for s in c)]
    except Exception:  # a private parser: whatever it cannot read needs nothing
        return ANY_LINE
    return width, _by_rarity(clauses)


def _clauses(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """Required strings of a parsed sequence, as clauses (one string of each must occur)."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            out += _clauses(list(av[3]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            out += _clauses(list(av[2]))
        elif op is _sre.ASSERT and av[0] == 1:
            out += _clauses(list(av[1]))
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            out.append(tuple(chr(a) for _, a in av))
        elif op is _sre.BRANCH:
            merged: list[str] = []
            for alt in av[1]:
                sub = _clauses(list(alt))
                if not sub:
                    break
                # the alternative's most selective clause: the one whose shortest string is longest
                merged.extend(max(sub, key=lambda c: min(len(s) for s in c)))
            else:
                out.append(tuple(dict.fromkeys(merged)))
    flush()
    return out


_LITERAL_ESCAPES = frozenset(".^$*+?()[]{}|\\/-'\"&#%@!:;,<>=~` ")


def required_literal(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of ``pattern`` must contain; ``()`` when none is sure.

    Looks at top-level text only: the longest literal run (``"all rights reserved"``), else a
    plain character class (``[•·]`` gives ``("•", "·")``). Groups, escapes like ``\\d`` and
    quantified characters end a run; a top-level ``|`` means nothing is required.
    """
    runs: list[str] = []
    classes: list[tuple[str, ...]] = []
    run: list[str] = []
    depth = 0
    i, n = 0, len(pattern)

    def flush() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    def quantified(j: int) -> bool:
        return j < n and pattern[j] in "*+?{"

    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            i += 2
            if nxt in "pPN" and i < n and pattern[i] == "{":
                i = pattern.find("}", i) + 1 or n
            if depth == 0:
                if nxt in _LITERAL_ESCAPES and not quantified(i):
                    run.append(nxt)
                else:
                    flush()
            continue
        if c == "[":
            j = i + 1
            negated = j < n and pattern[j] == "^"
            while j < n and (pattern[j] != "]" or j == i + 1):
                j += 2 if pattern[j] == "\\" else 1
            body = pattern[i + 1 : j]
            i = j + 1
            if depth == 0:
                flush()
                simple = not negated and "\\" not in body and "-" not in body.strip("-")
                if simple and body and not quantified(i):
                    classes.append(tuple(dict.fromkeys(body)))
            continue
        if c == "(":
            depth += 1
            flush()
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return ()
        elif depth == 0:
            if c in ".^$*+?{":
                flush()
                if c == "{":
                    i = pattern.find("}", i) + 1 or n
                    continue
            elif quantified(i + 1):
                flush()
            else:
                run.append(c)
        i += 1
    flush()
    best = max((r for r in runs if r.strip()), key=len, default="")
    if len(best) >= 2 or (best and not classes):
        return (best,)
    if classes:
        return min(classes, key=len)
    return ()
