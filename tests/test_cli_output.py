"""Output format from ``-o``'s name, and the text writer naming documents once there are several."""

from __future__ import annotations

import io
import json

import pytest

from newsclean.cli_output import OutputError, Writer, format_for


@pytest.mark.parametrize(("path", "given", "fmt"), [
    ("out.jsonl", None, "jsonl"),
    ("out.ndjson.gz", None, "jsonl"),
    ("OUT.JSON", None, "json"),
    ("out.json.gz", None, "json"),
    ("out.txt", None, "text"),
    ("out.txt.gz", None, "text"),
    ("out.jsonl", "jsonl", "jsonl"),
    # names that say nothing: -f, else text
    ("out.data", "json", "json"),
    ("out.data", None, "text"),
    ("dir.jsonl/out", None, "text"),
    ("out.gz", None, "text"),
    (None, None, "text"),
    (None, "jsonl", "jsonl"),
])
def test_format_follows_the_name_unless_f_says_otherwise(path: str | None, given: str | None,
                                                         fmt: str) -> None:
    assert format_for(path, given) == fmt


@pytest.mark.parametrize(("path", "given"), [("out.jsonl", "text"), ("out.json.gz", "jsonl"),
                                             ("out.txt", "json")])
def test_an_f_that_contradicts_the_name_is_refused(path: str, given: str) -> None:
    with pytest.raises(OutputError, match=f"-o {path} names a .* file but -f {given} was given"):
        format_for(path, given)


def _text(*results: dict[str, object]) -> str:
    out = io.StringIO()
    writer = Writer("text", out)
    for r in results:
        writer.write(r)
    writer.close()
    return out.getvalue()


def test_one_document_is_written_bare() -> None:
    assert _text({"id": "a.txt", "source": "a.txt", "body": "One.\n\nTwo."}) == "One.\n\nTwo.\n"


def test_several_documents_each_get_a_header_naming_source_and_id() -> None:
    text = _text({"id": "a.txt", "source": "a.txt", "body": "First."},
                 {"id": "n2", "source": "in.jsonl:2", "body": "Second."},
                 {"id": "gone.txt", "source": "gone.txt", "error": "no such file or folder"})
    assert text == ("==> a.txt <==\nFirst.\n"
                    "\f\n==> in.jsonl:2 (n2) <==\nSecond.\n"
                    "\f\n==> gone.txt <==  failed: no such file or folder\n")


def test_json_and_jsonl_are_unchanged_by_headers() -> None:
    out = io.StringIO()
    writer = Writer("jsonl", out)
    writer.write({"id": "a", "body": "x"})
    writer.write({"id": "b", "body": "y"})
    writer.close()
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["a", "b"]
    out = io.StringIO()
    Writer("json", out).close()
    assert out.getvalue() == "[]\n"
