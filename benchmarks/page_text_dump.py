"""Dump each HTML page of a benchmark folder to whole-page text, one block a line, as an
html-to-text tool does (``html-text``, ``inscriptis``): every visible line, menus, footers and
comments included, nothing judged.

Usage::

    python benchmarks/page_text_dump.py DATA_DIR

Writes ``DATA_DIR/text-inputs/page-text.json`` (id -> ``{"articleBody": text}``), the text-mode
input of a folder that has only HTML (``fixtures/heldout-html``). Deliberately plain: the visible
text of ``<body>`` without ``script``, ``style``, ``noscript``, ``template``, ``svg`` and
``iframe``, a line break around each block element, runs of spaces collapsed; newsclean's own
page text (``newsclean.ingest.html_text.page_text``) drops cookie banners and hidden elements, which
would flatter text mode.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

import lxml.html

from newsclean.evaluation import load_bench

BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "button", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "label", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary",
    "table", "td", "textarea", "th", "tr", "ul"})
SKIP = frozenset({"script", "style", "noscript", "head", "template", "svg", "iframe"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
"""An XHTML page's ``<?xml version="1.0" encoding="..."?>``: lxml refuses a decoded string that
starts with one."""


def page_text(html: str) -> str:
    """The visible text of ``html``, one block a line."""
    out: list[str] = []

    def walk(elem: lxml.html.HtmlElement) -> None:
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if tag not in SKIP:
            block = tag in BLOCK
            out.append("\n" if block else "")
            out.append(elem.text or "")
            for child in elem:
                walk(child)
            out.append("\n" if block else "")
        out.append(elem.tail or "")

    walk(lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1)))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    bench = load_bench(args.data_dir)
    texts = {doc_id: {"articleBody": page_text(bench.read_html(doc_id).decode("utf-8"))}
             for doc_id in sorted(bench.gold)}
    out = args.data_dir / "text-inputs" / "page-text.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(texts, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {out} ({len(texts)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
