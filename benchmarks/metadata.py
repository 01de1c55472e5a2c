"""How often text mode finds the metadata that HTML mode reads from the page, per text input.

Usage::

    python benchmarks/metadata.py DATA_DIR [--inputs html-text,inscriptis,...]

The benchmark's gold has bodies only. For the title, the authors and the publication date the
reference here is what newsclean's HTML mode reads from the same page (meta tags, JSON-LD,
htmldate: the page's own declaration), so this is agreement with a silver standard, not accuracy.
For each text input and field it prints how many pages text mode filled, how many of those agree
with HTML mode (title: 60% of the text-mode title's words in the HTML title; authors: a shared
name; date: the same day), and how many pages HTML mode has the field for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import regex

import newsclean
from newsclean.evaluation import load_bench

_WORD = regex.compile(r"\w+")
FIELDS = ("title", "authors", "published")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def agrees(field: str, found: object, reference: object) -> bool:
    """Whether a text-mode value matches the HTML-mode value of the same page."""
    if not found or not reference:
        return False
    if field == "title":
        mine = _words(str(found))
        return bool(mine) and len(mine & _words(str(reference))) / len(mine) >= 0.6
    if field == "authors":
        names = {n.casefold() for n in found}  # type: ignore[attr-defined]
        return bool(names & {n.casefold() for n in reference})  # type: ignore[attr-defined]
    return str(found)[:10] == str(reference)[:10]  # the same day


def values(article: newsclean.Article) -> dict[str, object]:
    return {"title": article.title, "authors": article.metadata.authors,
            "published": article.metadata.published}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--inputs", default="", help="comma-separated text inputs (default: all)")
    args = parser.parse_args(argv)
    if not (args.data_dir / "ground-truth.json").is_file():
        print(f"no benchmark at {args.data_dir}", file=sys.stderr)
        return 2
    bench = load_bench(args.data_dir)
    reference = {k: values(newsclean.clean_html(bench.read_html(k), url=bench.urls.get(k)))
                 for k in sorted(bench.gold) if bench.html_path(k).exists()}
    have = {f: sum(1 for v in reference.values() if v[f]) for f in FIELDS}
    names = args.inputs.split(",") if args.inputs else bench.text_inputs()
    print(f"Text-mode metadata vs HTML mode on {args.data_dir} ({len(reference)} pages; HTML mode "
          f"has a title on {have['title']}, authors on {have['authors']}, a date on "
          f"{have['published']})")
    print("| input | " + " | ".join(f"{f}: found / agree" for f in FIELDS) + " |")
    print("|---|" + "---|" * len(FIELDS))
    for name in names:
        found = dict.fromkeys(FIELDS, 0)
        agree = dict.fromkeys(FIELDS, 0)
        for k, text in bench.text_input(name).items():
            if k not in reference:
                continue
            mine = values(newsclean.clean_text(text))
            for f in FIELDS:
                found[f] += bool(mine[f])
                agree[f] += agrees(f, mine[f], reference[k][f])
        print(f"| {name} | " + " | ".join(f"{found[f]} / {agree[f]}" for f in FIELDS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
