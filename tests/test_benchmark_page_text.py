"""``benchmarks/page_text_dump.py``: the whole visible text of a page, one block a line, nothing judged."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from repo_scripts import load_script

dump = load_script("benchmarks/page_text_dump.py", "page_text_dump")

PAGE = """<html><head><title>T</title><style>p{}</style></head><body>
<nav><a href="/">Home</a> <a href="/n">News</a></nav>
<div class="cookie">We use cookies. <button>Accept</button></div>
<article><h1>Headline</h1><p>First <b>bold</b> paragraph.</p>
<table><tr><td>Old layout text<br><br>after a break</td></tr></table>
<script>var x = "no";</script><noscript>none</noscript></article>
<footer>© 2026 Outlet</footer></body></html>"""


def test_every_visible_block_is_a_line_and_nothing_is_judged() -> None:
    assert dump.page_text(PAGE).split("\n") == [
        "Home News", "We use cookies.", "Accept", "Headline", "First bold paragraph.",
        "Old layout text", "after a break", "© 2026 Outlet"]


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + PAGE
    assert dump.page_text(xhtml) == dump.page_text(PAGE)


def test_the_folder_gets_its_page_text_input(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    truth = {"a": {"articleBody": "First bold paragraph.", "url": "https://example.org/a"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    assert dump.main([str(tmp_path)]) == 0
    written = json.loads((tmp_path / "text-inputs" / "page-text.json").read_text("utf-8"))
    assert written == {"a": {"articleBody": dump.page_text(PAGE)}}
