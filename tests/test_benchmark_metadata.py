"""``benchmarks/metadata.py``: text-mode metadata counted against HTML mode on a tiny bench."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import load_script
from stories import STORY

TITLE = "Council backs harbour expansion"


def load() -> ModuleType:
    return load_script("benchmarks/metadata.py", "bench_metadata")


def test_agreement_rules() -> None:
    m = load()
    assert m.agrees("title", "Council backs harbour expansion", f"{TITLE} - The Harbour Times")
    assert not m.agrees("title", "Most Read", TITLE)
    assert m.agrees("authors", ["Jane Doe"], ["jane doe", "John Roe"])
    assert not m.agrees("authors", ["Jane Doe"], [])
    assert m.agrees("published", "2021-03-03T10:00:00", "2021-03-03")
    assert not m.agrees("published", None, "2021-03-03")


def test_counts_on_a_one_page_bench(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = (f"<html><head><title>{TITLE}</title><meta name='author' content='Jane Doe'>"
            "<meta property='article:published_time' content='2021-03-03'></head><body><article>"
            f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    text = "\n\n".join([TITLE, "By Jane Doe", "March 3, 2021", *STORY])
    (tmp_path / "html").mkdir()
    (tmp_path / "text-inputs").mkdir()
    (tmp_path / "ground-truth.json").write_text(json.dumps(
        {"p1": {"articleBody": "\n".join(STORY), "url": "https://example.com/1"}}), encoding="utf-8")
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    (tmp_path / "text-inputs" / "tool.json").write_text(
        json.dumps({"p1": {"articleBody": text}}), encoding="utf-8")
    assert load().main([str(tmp_path)]) == 0
    assert "| tool | 1 / 1 | 1 / 1 | 1 / 1 |" in capsys.readouterr().out


def test_a_missing_bench_is_a_clear_error(tmp_path: Path) -> None:
    assert load().main([str(tmp_path)]) == 2
