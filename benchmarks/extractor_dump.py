"""Dump what two article extractors keep of each HTML page of a benchmark folder, as text-mode
inputs: the case of a user who runs newsclean over another tool's output.

Usage::

    python benchmarks/extractor_dump.py DATA_DIR

Writes ``DATA_DIR/text-inputs/trafilatura.json`` and ``DATA_DIR/text-inputs/justext.json``
(id -> ``{"articleBody": text}``), the same layout as aeb-dev's extractor inputs, for a folder
that has only HTML (``fixtures/heldout-html``):

* **trafilatura**: ``trafilatura.extract(html, include_comments=False)``, the call
  ``benchmarks/quality.py`` compares HTML mode with;
* **jusText**: the paragraphs ``justext.justext`` does not mark as boilerplate, one a line, with
  the stoplist of the page's language (the ``lang`` field of the ground truth); for a language
  jusText has no stoplist of (Chinese, Japanese) its language-independent setting
  (``stopwords_low = stopwords_high = 0``, as its documentation advises), which then judges by
  length and link density alone.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from newsclean.evaluation import load_bench

JUSTEXT_LANGUAGES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
    "it": "Italian", "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "vi": "Vietnamese",
}
"""ISO 639-1 codes and the names of jusText's stoplists (``justext.get_stoplists()``)."""


def trafilatura_text(html: str) -> str:
    """trafilatura's main text of the page, comments left out."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def justext_text(html: bytes, lang: str | None) -> str:
    """The paragraphs jusText keeps, one a line."""
    import justext

    name = JUSTEXT_LANGUAGES.get((lang or "").split("-")[0].lower())
    if name is None:  # no stoplist: length and link density alone
        paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
    else:
        paragraphs = justext.justext(html, justext.get_stoplist(name))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    bench = load_bench(args.data_dir)
    truth = json.loads((args.data_dir / "ground-truth.json").read_text("utf-8"))
    outputs: dict[str, dict[str, dict[str, str]]] = {"trafilatura": {}, "justext": {}}
    for doc_id in sorted(bench.gold):
        page = bench.read_html(doc_id)
        outputs["trafilatura"][doc_id] = {"articleBody": trafilatura_text(page.decode("utf-8"))}
        outputs["justext"][doc_id] = {"articleBody": justext_text(page, truth[doc_id].get("lang"))}
    folder = args.data_dir / "text-inputs"
    folder.mkdir(exist_ok=True)
    for name, texts in outputs.items():
        out = folder / f"{name}.json"
        out.write_text(json.dumps(texts, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {out} ({len(texts)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
