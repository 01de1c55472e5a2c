"""``benchmarks/extractor_dump.py``: trafilatura's and jusText's extraction of each page, as text inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from repo_scripts import load_script

dump = load_script("benchmarks/extractor_dump.py", "extractor_dump")

STORY = ("The council voted on Tuesday evening to rebuild the old harbour wall before the winter "
         "storms, after engineers warned that the stones had shifted by several centimetres. ")
PAGE = f"""<html><head><title>Harbour</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Harbour wall to be rebuilt</h1>
<p>{STORY * 3}</p><p>{STORY * 2}</p></article>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"""


def test_both_extractors_keep_the_story_and_leave_the_menu() -> None:
    for text in (dump.trafilatura_text(PAGE), dump.justext_text(PAGE.encode("utf-8"), "en")):
        assert "rebuild the old harbour wall" in text
        assert "Privacy" not in text


def test_a_language_without_a_stoplist_is_read_by_length_and_links_alone() -> None:
    text = dump.justext_text(PAGE.encode("utf-8"), "ja")  # jusText has no Japanese stoplist
    assert "rebuild the old harbour wall" in text
    assert "Home" not in text.split("\n")


def test_the_folder_gets_one_input_per_extractor(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    truth = {"a": {"articleBody": STORY, "url": "https://example.org/a", "lang": "en"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    assert dump.main([str(tmp_path)]) == 0
    for name in ("trafilatura", "justext"):
        written = json.loads((tmp_path / "text-inputs" / f"{name}.json").read_text("utf-8"))
        assert list(written) == ["a"]
        assert "harbour wall" in written["a"]["articleBody"]
