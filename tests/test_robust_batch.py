"""No lost record: in a batch and on the command line every input record yields exactly one output
record, in input order; a failed one has an ``error`` field and keeps its id. A document gives the
same result alone or in a batch, with one worker or two.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Pipeline, Rule, default_pipeline
from newsclean.batch import Record, clean_record, process
from newsclean.cli import main
from newsclean.document import Document
from newsclean.rules.base import Context, Verdict

STORY = ("Council approves new budget\n\nThe city council voted on Tuesday to approve the budget for next "
         "year, officials said after a long meeting.\n\nThe mayor said the plan would fund schools and "
         "repair roads across the city over the coming months.\n\nShare on Facebook")
HTML = ("<html><head><title>Council approves new budget</title></head><body><nav>Home | News</nav><article>"
        "<h1>Council approves new budget</h1><p>The city council voted on Tuesday to approve the budget "
        "for next year, officials said after a long meeting.</p><p>The mayor said the plan would fund "
        "schools and repair roads across the city over the coming months.</p></article></body></html>")


class Boom(Rule):
    """Test rule: raises on documents that say BOOM."""

    name = "boom"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        if "BOOM" in doc.source:
            raise RuntimeError("the rule exploded")
        return ()


def boom_pipeline() -> Pipeline:
    return default_pipeline().with_rule(Boom(), origin="test")


# Each kind: (record factory, fails?). The factory gets the record's position.
KINDS: dict[str, tuple[Any, bool]] = {
    "text": (lambda i: Record(f"r{i}", f"{STORY}\n\nDay {i}.", "text", passthrough={"n": i}), False),
    "html": (lambda i: Record(f"r{i}", HTML.replace("next year", f"year {i}"), "html", passthrough={"n": i}),
             False),
    "bytes": (lambda i: Record(f"r{i}", f"{STORY} {i}".encode("cp1252"), None, passthrough={"n": i}), False),
    "empty": (lambda i: Record(f"r{i}", "", "text", passthrough={"n": i}), False),
    "surrogate": (lambda i: Record(f"r{i}\ud800", f"Bad \udc80 text {i}. " + STORY, "text",
                                   passthrough={"n": i}), False),
    "reader-error": (lambda i: Record(f"r{i}", b"", source=f"cut-{i}.gz", error="truncated gzip data",
                                      passthrough={"n": i}), True),
    "wrong-type": (lambda i: Record(f"r{i}", 12345, "text", passthrough={"n": i}), True),  # type: ignore[arg-type]
    "rule-raises": (lambda i: Record(f"r{i}", f"{STORY}\n\nBOOM {i}", "text", passthrough={"n": i}), True),
    "binary": (lambda i: Record(f"r{i}", b"\x7fELF\x02\x01\x01" + bytes(200), None, passthrough={"n": i}),
               True),
}
"""A rule that raises fails its record here because the batches run ``strict`` (without it the rule
is skipped with a warning: ``test_batch.py``)."""


def _check(kinds: list[str], out: list[dict[str, Any]]) -> None:
    assert len(out) == len(kinds)
    for i, (kind, result) in enumerate(zip(kinds, out, strict=True)):
        expected_id = f"r{i}\ud800" if kind == "surrogate" else f"r{i}"
        assert result["id"] == expected_id and result["n"] == i
        assert ("error" in result) == KINDS[kind][1], (kind, result.get("error"))
        if "error" in result:
            assert isinstance(result["error"], str) and result["error"]
            assert "body" not in result
        else:
            assert isinstance(result["body"], str)


kinds_lists = st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=10)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(kinds_lists)
def test_one_output_per_record_with_one_worker(kinds: list[str]) -> None:
    records = [KINDS[k][0](i) for i, k in enumerate(kinds)]
    out = list(process(records, pipeline=boom_pipeline(), workers=1, strict=True))
    _check(kinds, out)


@settings(max_examples=3, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(sorted(KINDS)), min_size=6, max_size=14))
def test_one_output_per_record_with_two_workers_and_the_same_results(kinds: list[str]) -> None:
    records = [KINDS[k][0](i) for i, k in enumerate(kinds)]
    one = list(process(records, pipeline=boom_pipeline(), workers=1, strict=True))
    two = list(process(records, pipeline=boom_pipeline(), workers=2, chunksize=2, strict=True))
    _check(kinds, two)
    assert two == one


@pytest.mark.parametrize("kind", ["text", "html", "bytes", "empty", "surrogate"])
def test_a_document_gives_the_same_result_alone_and_in_a_batch(kind: str) -> None:
    record = KINDS[kind][0](0)
    alone = newsclean.clean(record.data, mode=record.mode_hint or "auto").to_dict()
    in_batch = clean_record(record)
    assert {k: v for k, v in in_batch.items() if k not in ("id", "source", "n")} == alone


# ---- the command line ------------------------------------------------------------------------------
LINE_KINDS: dict[str, tuple[str, bool]] = {
    "text": ('{{"id": "{i}", "text": {story}}}', False),
    "html": ('{{"id": "{i}", "html": {html}}}', False),
    "no-id": ('{{"text": {story}}}', False),
    "surrogate-id": ('{{"id": "{i}\\ud800", "text": "Lone \\udc80 surrogate. " , "x": "\\udfff"}}', False),
    "not-json": ("this line is not JSON {i}", True),
    "array": ('[1, 2, "{i}"]', True),
    "missing-field": ('{{"id": "{i}", "body": "x"}}', True),
    "number-field": ('{{"id": "{i}", "text": 12}}', True),
    "too-long": ('{{"id": "{i}", "text": "' + "a" * 3000 + '"}}', True),
}


def _jsonl(kinds: list[str]) -> str:
    story, html = json.dumps(STORY), json.dumps(HTML)
    return "".join(LINE_KINDS[k][0].format(i=i, story=story, html=html) + "\n" for i, k in enumerate(kinds))


def _run_cli(data: bytes, name: str, *args: str) -> tuple[int, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        out = Path(tmp) / "out.jsonl"
        code = main(["clean", str(path), "-f", "jsonl", "-q", "-o", str(out), "--max-bytes", "2k", *args])
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        for row in rows:  # ids built from the path: keep only the line number
            if isinstance(row["id"], str) and row["id"].startswith(str(path)):
                row["id"] = "line " + row["id"].rpartition(":")[2]
    return code, rows


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(LINE_KINDS)), min_size=1, max_size=8), st.booleans())
def test_cli_one_output_line_per_input_line(kinds: list[str], compressed: bool) -> None:
    data = _jsonl(kinds).encode("utf-8")
    code, rows = _run_cli(gzip.compress(data) if compressed else data,
                          "in.jsonl.gz" if compressed else "in.jsonl")
    assert len(rows) == len(kinds)
    for i, (kind, row) in enumerate(zip(kinds, rows, strict=True)):
        expected = {"no-id": f"line {i + 1}", "surrogate-id": f"{i}\ud800"}.get(kind, str(i))
        if LINE_KINDS[kind][1] and kind not in ("missing-field", "number-field"):
            expected = f"line {i + 1}"  # unreadable lines are named by their place
        assert row["id"] == expected
        assert ("error" in row) == LINE_KINDS[kind][1]
    assert code == (1 if any(LINE_KINDS[k][1] for k in kinds) else 0)


def test_cli_with_two_workers_keeps_every_record() -> None:
    kinds = sorted(LINE_KINDS) * 2
    code, rows = _run_cli(_jsonl(kinds).encode("utf-8"), "in.jsonl", "-w", "2", "--chunk-size", "1")
    assert code == 1
    assert len(rows) == len(kinds)
    assert [("error" in r) for r in rows] == [LINE_KINDS[k][1] for k in kinds]


def test_a_lone_surrogate_in_a_record_does_not_stop_the_run() -> None:
    """It used to: the JSON writer raised UnicodeEncodeError and every later record was lost."""
    code, rows = _run_cli(_jsonl(["surrogate-id", "text", "text"]).encode("utf-8"), "in.jsonl")
    assert code == 0
    assert [r["id"] for r in rows] == ["0\ud800", "1", "2"]
    assert rows[0]["x"] == "\udfff"  # passed through as it came, escaped in the JSON
    assert "\ufffd" in rows[0]["body"]
    assert rows[1]["body"].startswith("The city council voted")
