"""The progress bar's total: counted cheaply from the inputs, or unknown."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsclean import cli_progress
from newsclean.cli_progress import count_records


def _jsonl(n: int) -> str:
    return "".join(json.dumps({"id": i, "text": f"story {i}"}) + "\n" for i in range(n))


def test_documents_and_jsonl_lines_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    (tmp_path / "c.jsonl").write_text(_jsonl(5))
    (tmp_path / "notes.md").write_text("not an input in a folder")
    last = tmp_path / "no-final-newline.jsonl"
    last.write_text(_jsonl(3).rstrip("\n"))
    assert count_records([str(tmp_path)]) == 1 + 1 + 5 + 3
    assert count_records([str(last), str(tmp_path / "a.txt")]) == 4


def test_a_file_named_otherwise_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "dump.data").write_text(_jsonl(4))
    (tmp_path / "page.data").write_text("<html><p>x</p></html>")
    assert count_records([str(tmp_path / "dump.data"), str(tmp_path / "page.data")]) == 5
    assert count_records([str(tmp_path / "dump.data")], input_format="document") == 1


@pytest.mark.parametrize("name", ["c.jsonl.gz", "crawl.warc", "blob.bin"])
def test_no_total_when_counting_is_not_cheap(tmp_path: Path, name: str) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / name).write_bytes(gzip.compress(_jsonl(3).encode()))
    assert count_records([str(tmp_path / "a.txt"), str(tmp_path / name)]) is None
    assert count_records(["-"]) is None


def test_a_big_jsonl_is_estimated_from_its_first_megabytes(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(_jsonl(2000))
    monkeypatch.setattr(cli_progress, "_COUNT_FULLY", 1000)
    monkeypatch.setattr(cli_progress, "_SAMPLE", 20_000)
    estimate = count_records([str(path)])
    assert estimate is not None and abs(estimate - 2000) <= 100


def test_the_bar_has_the_total_and_ends_on_the_count_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    items = [{"id": i} for i in range(3)]
    monkeypatch.setattr(sys, "stderr", err)
    assert list(cli_progress.bar(iter(items), enabled=True, total=4)) == items
    assert "3/3" in err.getvalue() and "/4" not in err.getvalue().rsplit("\r", 1)[-1]
    assert list(cli_progress.bar(iter(items), enabled=False, total=4)) == items
