"""What kind of page a text is, read from the shape of its lines (text mode has no DOM).

HTML mode tells a listing or a forum thread from an article by the page's elements
(:mod:`newsclean.pagetype`). Text mode has only the lines, but they carry the page's shape too: a
listing is many short lines, headline after headline, few paragraphs and no long prose core; a
product page has prices and short specification lines; an article has a run of long paragraphs
that end in full stops. :func:`text_features` measures that shape (shares and counts over the
blocks, no page-specific strings), and a small model (:file:`data/page_type_text.json`, trained
out of fold by site by ``scripts/train_page_type_text.py``) turns it into two answers:

* is the page an article? (a logistic model; a page is called something else only when that is at
  least ``threshold`` probable: an article read as a listing keeps a feed of other stories, a
  listing read as an article loses its items, and the first costs less);
* if not, which kind of page is it? (a multinomial model over the other six types).

No numpy at inference: one dot product per answer. Without the model file (or with one trained on
other features) every text is an article, as before text page types existed.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsclean.pagetype import PageType, PageTypeGuess, softmax, standardise
from newsclean.rules.shapes import date_lines, is_heading_like

if TYPE_CHECKING:
    from newsclean.document import Document

__all__ = ["FEATURES", "MODEL_FILE", "classify", "detect_text", "load_model", "text_features"]

MODEL_FILE = "page_type_text.json"

FEATURES: tuple[str, ...] = (
    "n_blocks", "n_words", "prose_share", "core_share", "date_share", "heading_share",
    "short_share", "long_paragraphs", "mean_words", "repeat_share", "price_share", "question_share",
    "core_start", "core_paragraphs", "sentence_share", "longest_headline_run", "by_lines",
    "number_lines", "capitals_in_short_lines", "stopword_share", "long_block_share", "ago_share",
)
"""The features, in the model's order (see :func:`text_features`)."""

_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:€|EUR|USD|zł|Kč)")
_AGO = re.compile(r"\b\d+\s?(?:min|mins|minutes?|h|hrs?|hours?|days?|d|weeks?|months?)\s+ago\b"
                  r"|\bvor \d+|\bil y a \d+|\bhace \d+", re.IGNORECASE)
"""A relative time stamp ("3 hours ago", "vor 2 Stunden", "il y a 5 min", "hace 2 días")."""
_DIGIT = re.compile(r"\d")
NO_FULL_STOP = frozenset({"th", "lo"})
"""Languages written without a sentence-final mark (Thai; Lao mostly): no line of theirs ends a
sentence, so the two features that count such lines are left out there."""


def _log(x: float) -> float:
    return math.log1p(x)


def text_features(doc: Document) -> dict[str, float]:
    """The shape of ``doc``'s lines, one float each (counts on a log scale, the rest shares).

    Read from the document alone (its blocks, prose scores and core), never from rules' verdicts,
    so the same numbers come out at training and at run time. Features a script or a language
    may not have are left out, and the model takes them at their mean: ``stopword_share`` without a
    stoplist for the language (Chinese, Japanese), ``capitals_in_short_lines`` when most short lines
    have no upper and lower case (Arabic, Hebrew, Persian, Hindi, Chinese, Japanese),
    ``sentence_share`` and ``core_paragraphs`` in a language written without full stops
    (:data:`NO_FULL_STOP`). Read as zero, they made a whole news page in those scripts look like no
    article (a Thai story: not an article p=0.76, 0.21 without them).
    """
    blocks = doc.blocks
    n = len(blocks) or 1
    words = [b.n_units for b in blocks]
    total = sum(words) or 1
    prose = doc.prose_scores if blocks else []
    first, last = doc.core if blocks else (0, -1)
    heads = [b.n_units >= 4 and is_heading_like(b, 16) for b in blocks]
    run = longest = 0
    for head in heads:
        run = run + 1 if head else 0
        longest = max(longest, run)
    repeats = Counter(b.text.strip().lower() for b in blocks)
    short = [b for b in blocks if 2 <= b.n_units <= 12]
    # prices and relative stamps hold a digit: the other blocks skip those tests
    with_digit = [b for b in blocks if _DIGIT.search(b.text) is not None]
    features = {
        "n_blocks": _log(len(blocks)),
        "n_words": _log(total),
        "prose_share": sum(w for w, p in zip(words, prose, strict=True) if p >= 0.6) / total,
        "core_share": sum(words[first:last + 1]) / total,
        "date_share": len(date_lines(doc)) / n,
        "heading_share": sum(heads) / n,
        "short_share": sum(b.n_units <= 3 for b in blocks) / n,
        "long_paragraphs": _log(sum(w >= 40 for w in words)),
        "mean_words": _log(total / n),
        "repeat_share": sum(c for c in repeats.values() if c > 1) / n,
        "price_share": sum(1 for b in with_digit if _PRICE.search(b.text)) / n,
        "question_share": sum(b.text.rstrip().endswith("?") for b in blocks) / n,
        "core_start": first / n,
        "core_paragraphs": _log(sum(1 for b in blocks[first:last + 1]
                                    if b.n_units >= 15 and b.ends_sentence)),
        "sentence_share": sum(b.ends_sentence for b in blocks) / n,
        "longest_headline_run": _log(longest),
        "by_lines": _log(sum(b.text.lstrip().lower().startswith("by ") for b in blocks)),
        "number_lines": sum(1 for b in with_digit if b.n_units <= 4) / n,
        "capitals_in_short_lines": (sum(b.capitalized_ratio for b in short) / len(short)
                                    if short else 0.0),
        "stopword_share": sum(doc.stop_counts) / total if blocks else 0.0,
        "long_block_share": sum(w for w in words if w >= 25) / total,
        "ago_share": sum(1 for b in with_digit if _AGO.search(b.text)) / n,
    }
    if not doc.stopwords:
        del features["stopword_share"]
    if doc.language in NO_FULL_STOP:
        del features["sentence_share"]
        del features["core_paragraphs"]
    if sum(1 for b in short if b.text.lower() != b.text.upper()) * 2 < len(short):
        del features["capitals_in_short_lines"]
    return features


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or list(data.get("features", [])) != list(FEATURES):
        return False  # trained on other features: unusable
    article, types = data.get("article"), data.get("types")
    return isinstance(article, dict) and isinstance(types, dict)


@lru_cache(maxsize=8)
def load_model(path: str = "") -> dict[str, Any] | None:
    """The model at ``path``, or the packaged one for ``""``; ``None`` when missing or unusable
    (every text is then an article). A model file the user names must load: a bad one raises
    ``ValueError``."""
    if not path:
        try:
            data = json.loads(resources.files("newsclean.data").joinpath(MODEL_FILE).read_text(
                encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if _valid(data) else None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read the text page-type model {path!r}: {exc}") from exc
    if not _valid(data):
        raise ValueError(f"{path!r} is no text page-type model for these features "
                         f"({', '.join(FEATURES)})")
    return dict(data)


def classify(features: dict[str, float], model: dict[str, Any] | None) -> PageTypeGuess:
    """The page type under ``model`` (``article`` with probability 1 without one)."""
    article = PageType.ARTICLE.value
    if model is None:
        return PageTypeGuess(PageType.ARTICLE, 1.0, {article: 1.0})
    x = standardise(features, FEATURES, model["mean"], model["scale"])
    part = model["article"]
    z = part["bias"] + sum(w * v for w, v in zip(part["weights"], x, strict=True))
    not_article = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
    types = model["types"]
    kinds = softmax(x, types["classes"], types["weights"], types["bias"])
    probs = {article: 1.0 - not_article}
    probs.update({k: not_article * v for k, v in kinds.items()})
    if not_article < float(part["threshold"]):
        return PageTypeGuess(PageType.ARTICLE, probs[article], probs)
    best = max(kinds, key=lambda k: kinds[k])
    return PageTypeGuess(PageType(best), probs[best], probs)


def detect_text(doc: Document, model_path: str = "") -> PageTypeGuess:
    """The page type of a segmented text (see the module docstring)."""
    return classify(text_features(doc), load_model(model_path))
