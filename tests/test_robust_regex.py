"""No super-linear regular expression reachable from input.

The audit of ``fuzz/regex_audit.py`` runs here on every pattern of the package (module level,
inline, built from the chrome phrase lists and the promo cues), fed what the library feeds it, in
its quick form (a few seconds), and fails on any finding. The three patterns it had flagged
(``author_bio._FULL_NAME``, ``metadata_line._LAST_COMMA_PART``, ``title._SENTENCE_BREAK``) are
fixed; their old forms are kept below to show that the audit catches them and that the new forms
match exactly what the old ones matched.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_scripts import load_script

from newsclean.rules import author_bio, metadata_line, title

REPO = Path(__file__).resolve().parents[1]

OLD = {
    "_FULL_NAME": regex.compile(
        r"\p{Lu}[\p{L}'’-]+\s+(?:(?:de|van|von|der|da|di|le|la)\s+)?\p{Lu}[\p{L}'’-]+"),
    "_LAST_COMMA_PART": regex.compile(r",\s*(\S+)\s*$"),
    "_SENTENCE_BREAK": regex.compile(r"\p{Ll}{2,}[\"'”’»)]*[.!?…]+[\"'”’»)]*\s+[\"“‘«]?\p{Lu}"),
}
"""The three patterns as they were when the audit flagged them."""


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    return load_script("fuzz/regex_audit.py", "regex_audit")


def test_no_pattern_is_super_linear_on_what_it_is_given(audit: ModuleType) -> None:
    started = time.perf_counter()
    count, flagged = audit.quick_audit()
    assert count > 250, f"only {count} patterns found: the collection is broken"
    assert flagged == [], "super-linear patterns:\n" + "\n".join(flagged)
    assert time.perf_counter() - started < 60  # about 5-10 s; a hang detector, not a speed test


def test_the_audit_catches_the_three_patterns_it_had_flagged(audit: ModuleType,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def old_patterns() -> Iterator[tuple[str, Any]]:
        for name, pattern in OLD.items():
            yield f"newsclean.rules.old.{name}", pattern

    monkeypatch.setattr(audit, "patterns", old_patterns)
    count, flagged = audit.quick_audit()
    assert count == 3
    assert sorted(line.split(" ")[0] for line in flagged) == sorted(f"newsclean.rules.old.{n}" for n in OLD)


def test_the_full_audit_collects_the_phrase_list_regexes(audit: ModuleType) -> None:
    """It used to crash there (``too many values to unpack``) before timing anything."""
    names = [name for name, _ in audit.patterns()]
    assert any(name.startswith("data/chrome/") for name in names)
    assert any(name.startswith("phrases[") for name in names)
    assert "newsclean.rules.title._SENTENCE_BREAK" in names


words = st.text(st.sampled_from("aAbZé, .!\"”)-'’«"), max_size=30)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(words)
def test_the_fixed_patterns_match_what_they_matched(text: str) -> None:
    old, new = OLD["_SENTENCE_BREAK"].search(text), title._SENTENCE_BREAK.search(text)
    assert (old and old.span()) == (new and new.span())
    old, new = OLD["_FULL_NAME"].match(text), author_bio._FULL_NAME.match(text)
    assert (old and old.group()) == (new and new.group())
    assert (OLD["_LAST_COMMA_PART"].search(text) is None) == (metadata_line._LAST_COMMA_PART.search(text)
                                                            is None)


@pytest.mark.parametrize(("text", "found"), [
    ("By Jane Doe, Berlin", True), ("Jane Doe,Berlin", True), ("A,B,C", True), ("Jane Doe, Berlin ", True),
    ("Jane Doe, Anna Berlin", False), ("Jane Doe", False), ("Jane Doe,", False), ("a, ,", True),
])
def test_last_comma_part_cases(text: str, found: bool) -> None:
    assert (metadata_line._LAST_COMMA_PART.search(text) is not None) is found
    assert (OLD["_LAST_COMMA_PART"].search(text) is not None) is found
