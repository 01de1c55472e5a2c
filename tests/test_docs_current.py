"""Facts the docs state about the code, checked against the code, so a change that makes them stale fails.

The runnable examples are checked by ``test_docs.py``; these are the tables: the module map and the
default rule order of docs/architecture.md, the ``Kind`` values and fields of docs/schema.md, the
tests docs/guarantees.md names as holding each guarantee.
"""

from __future__ import annotations

import re
from pathlib import Path

import newsclean

REPO = Path(__file__).resolve().parents[1]
ARCHITECTURE = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
SCHEMA = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_every_module_is_in_the_architecture_doc() -> None:
    package = REPO / "newsclean"
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py") if p.name != "__init__.py"}
    missing = sorted(m for m in modules if f"`{m}`" not in ARCHITECTURE and f"`{m.split('/')[-1]}`"
                     not in ARCHITECTURE and f"newsclean/{m}" not in ARCHITECTURE)
    assert not missing, f"modules docs/architecture.md does not name: {missing}"


def test_the_rule_table_is_the_default_order() -> None:
    table = section(ARCHITECTURE, "The default rules, in order")
    documented = re.findall(r"^\| (?:\d+|last) \| `(\w+)` \|", table, flags=re.M)
    assert documented == [rule.name for rule in newsclean.default_pipeline().rules]


def test_the_resolver_defaults_are_the_documented_ones() -> None:
    policy = section(ARCHITECTURE, "Resolution policy")
    resolver = newsclean.ResolverOptions()
    assert f"`ResolverOptions.min_confidence` ({resolver.min_confidence})" in policy
    assert f"`core_protection` ({resolver.core_protection})" in policy


def test_the_schema_lists_every_kind() -> None:
    row = next(line for line in SCHEMA.splitlines() if line.startswith("| `removed[].kind`"))
    assert re.findall(r"`(\w+)`", row.split("|")[3]) == [k.value for k in newsclean.Kind]


def test_the_schema_documents_every_field_of_to_dict() -> None:
    fields = newsclean.clean("Title here\n\nA sentence of the story, long enough to stay.").to_dict()
    table = SCHEMA.split("| field | type | meaning |", 1)[1]
    for key, value in fields.items():
        assert f"`{key}`" in table or f"`{key}[]`" in table, key
        if isinstance(value, dict) and key == "metadata":
            for sub in value:
                assert f"`metadata.{sub}`" in table, sub


GUARANTEES = (REPO / "docs" / "guarantees.md").read_text(encoding="utf-8")
_ABBREVIATIONS = {"P": "test_robust_properties.py", "H": "test_robust_hang.py", "B": "test_robust_batch.py",
                  "S": "test_robust_safety.py", "M": "test_robust_memory.py"}
_TEST_REF = re.compile(r"`(?:(?P<abbr>[PHBSM])|(?P<file>[\w/]+\.py))?::(?P<name>test_\w+)`")


def named_tests(text: str) -> list[tuple[str, str]]:
    """``(file, test)`` for each ``P::test_x``, ``file.py::test_x``, ``::test_x`` (the file named before)."""
    refs, last = [], ""
    for m in _TEST_REF.finditer(text):
        file = _ABBREVIATIONS[m["abbr"]] if m["abbr"] else (m["file"] or last)
        last = file
        refs.append((file, m["name"]))
    return refs


def test_named_tests_are_read_with_their_file() -> None:
    text = "`P::test_a`, `test_readers.py::test_b`, `::test_c`, `H::test_d`"
    assert named_tests(text) == [("test_robust_properties.py", "test_a"), ("test_readers.py", "test_b"),
                                 ("test_readers.py", "test_c"), ("test_robust_hang.py", "test_d")]


def test_every_test_the_guarantees_name_exists() -> None:
    refs = named_tests(GUARANTEES)
    assert len(refs) > 50
    missing = [f"{file}::{name}" for file, name in refs
               if not re.search(rf"^def {name}\(", (REPO / "tests" / file.removeprefix("tests/"))
                                .read_text(encoding="utf-8"), flags=re.M)]
    assert not missing, f"docs/guarantees.md names tests that do not exist: {missing}"
