"""``benchmarks/pagetypes.py``: the metadata comparison and one run on a tiny two-page bench."""

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
    return load_script("benchmarks/pagetypes.py", "bench_pagetypes")


def test_titles_compare_words_not_case_or_punctuation() -> None:
    m = load()
    assert m.title_right("Council Backs Harbour Expansion!", TITLE)
    assert not m.title_right(f"{TITLE} - The Harbour Times", TITLE)  # the site name is an error
    assert not m.title_right(None, TITLE)
    assert not m.title_right(TITLE, None)


def test_authors_compare_as_sets_of_names() -> None:
    m = load()
    assert m.authors_right(["Jane Doe", "John Roe"], "John Roe and Jane Doe")
    assert m.authors_right(["Dylan Bailey"], "Dylan Bailey, MS, RD, FAND")  # degrees dropped
    assert m.authors_right(["JANE  DOE"], "Jane Doe")
    assert not m.authors_right(["Jane Doe"], "Jane Doe, John Roe")  # one missing
    assert not m.authors_right(["Jane Doe", "Site News"], "Jane Doe")  # one too many
    assert not m.authors_right([], "Jane Doe")
    assert not m.authors_right(["Jane Doe"], None)
    assert m.author_names("Maria & Katerina") == {"maria", "katerina"}
    assert m.authors_right(["Mike Marshall"], "Mike Marshall, Shipping Expert")  # a job, no name
    assert m.authors_right(["SFist Contributor"], "SFist Contributor")  # the whole byline
    assert m.authors_right(["Paul Frew"], "Paul Frew, Home and Digital Security Expert")  # one job
    assert m.authors_right(["Shelby Loos"], "Shelby Loos, DVM")
    assert not m.authors_right(["Shelby Loos"], "Shelby Loos and DVM Smith")


def test_dates_compare_the_day() -> None:
    m = load()
    assert m.date_right("2021-03-03T10:00:00+00:00", "2021-03-03")
    assert not m.date_right("2021-03-04", "2021-03-03")
    assert not m.date_right(None, "2021-03-03")


def test_metadata_table_counts_right_and_wrong() -> None:
    m = load()
    gold = {"title": TITLE, "authors": "Jane Doe", "published": "2021-03-03"}
    rows = {"a": [({"title": TITLE, "authors": ["Jane Doe"], "published": "2021-03-03"}, gold),
                  ({"title": "Other", "authors": ["Bob"], "published": None}, gold),
                  ({"title": None, "authors": [], "published": None}, gold)]}
    table = m.metadata_table(rows)
    assert "| a | 1 of 3 | 1 / 1 (2 of 3) | 1 of 3 |" in table


def write_bench(root: Path) -> None:
    article = (f"<html><head><title>{TITLE}</title><meta name='author' content='Jane Doe'>"
               "<meta property='og:type' content='article'>"
               "<meta property='article:published_time' content='2021-03-03'></head><body><article>"
               f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article></body></html>")
    (root / "html").mkdir()
    truth = {
        "p1": {"articleBody": "\n".join(STORY), "url": "https://example.com/2021/03/03/harbour",
               "page_type": "article", "title": TITLE, "author": "Jane Doe",
               "published": "2021-03-03", "gold_in_page": "1.0"},
        "p2": {"articleBody": "", "url": "https://example.com/", "page_type": "listing",
               "title": None, "author": None, "published": None, "gold_in_page": "0.0"},
    }
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    for key in truth:
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(article.encode()))


def test_one_run_prints_both_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_bench(tmp_path)
    per_page = tmp_path / "pages.csv"
    assert load().main([str(tmp_path), "--per-page", str(per_page)]) == 0
    out = capsys.readouterr().out
    assert "(1 usable of 2 pages)" in out  # the empty gold is left out of the scores
    assert "article newsclean" in out and "article trafilatura" in out and "all newsclean" in out
    assert "listing newsclean" not in out
    assert "| newsclean | 1 of 1 | 1 / 0 (1 of 1) | 1 of 1 |" in out
    rows = per_page.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("id,page_type,detected") and len(rows) == 3


def test_forced_page_types_and_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_bench(tmp_path)
    types = tmp_path / "oof.json"
    types.write_text(json.dumps({f"{tmp_path.name}/p1": "forum"}), encoding="utf-8")
    assert load().main([str(tmp_path), "--only", "article", "--page-types", str(types)]) == 0
    out = capsys.readouterr().out
    assert "(1 usable of 1 pages)" in out
    assert "| article | 0 | 1 |" in out  # the forced type, shown in the confusion table


def test_a_missing_bench_is_a_clear_error(tmp_path: Path) -> None:
    assert load().main([str(tmp_path)]) == 2
