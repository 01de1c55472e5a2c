"""scripts/output_snapshot.py: the same code writes the same bytes; a changed output is named."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from repo_scripts import load_script
from stories import STORY, page

snapshot = load_script("scripts/output_snapshot.py", "output_snapshot")


def bench(root: Path) -> Path:
    texts = root / "aeb-dev" / "text-inputs"
    texts.mkdir(parents=True)
    inputs = {"a": {"articleBody": page(*STORY, "Share on Facebook")},
              "b": {"articleBody": page("Home > World", *STORY[:2])}}
    (texts / "html-text.json").write_text(json.dumps(inputs), encoding="utf-8")
    (root / "aeb-dev" / "html").mkdir()
    html = "<html><body><article><h1>Budget</h1>" + "".join(f"<p>{s}</p>" for s in STORY) + "</article>"
    (root / "aeb-dev" / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    return root


def test_same_code_same_bytes_and_a_change_is_named(tmp_path: Path) -> None:
    root = bench(tmp_path / "bench")
    assert snapshot.write(tmp_path / "one", root) == 3
    assert snapshot.write(tmp_path / "two", root) == 3
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [
        "SHA256SUMS", "aeb-html-text.json", "aeb-html1.json"]
    assert snapshot.compare(tmp_path / "one", tmp_path / "two") == []
    assert snapshot.main(["compare", str(tmp_path / "one"), str(tmp_path / "two")]) == 0

    changed = tmp_path / "two" / "aeb-html-text.json"
    data = json.loads(changed.read_text(encoding="utf-8"))
    assert data["a"]["removed"][-1][:2] == ["site_chrome", "site_chrome"]
    data["a"]["removed"].pop()
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert snapshot.compare(tmp_path / "one", tmp_path / "two") == [
        "aeb-html-text.json: 1 of 2 inputs differ: a"]
    (tmp_path / "two" / "aeb-html1.json").unlink()
    assert snapshot.main(["compare", str(tmp_path / "one"), str(tmp_path / "two")]) == 1
