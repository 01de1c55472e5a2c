"""Score article bodies against gold bodies with the article-extraction-benchmark metric.

This module reproduces the metric of the public article-extraction-benchmark
(scrapinghub/article-extraction-benchmark, ``evaluate.py``) so that numbers measured here can be
put next to the published ones. The semantics below are deliberately *that* metric, quirks included:

* Tokens are ``\\w+`` runs of the standard-library :mod:`re` module (Unicode aware, case kept). We
  use :mod:`re` rather than :mod:`regex` on purpose: their ``\\w`` differ on a few characters
  (combining marks, for one) and any difference would make scores drift from the reference.
* A text becomes a multiset of shingles of 4 consecutive tokens. A text with fewer than 4 tokens
  (but at least one) is one shingle made of all its tokens, so that a short gold body can still be
  matched; an empty text has no shingles.
* Per document, TP is the shared shingle count, FP the predicted surplus and FN the gold shortfall;
  the three are divided by their sum so that long pages do not outweigh short ones.
* Precision is the mean over documents with TP + FP > 0, recall the mean over documents with
  TP + FN > 0; a document with FP = FN = 0 scores 1 on both. A document with nothing predicted and
  nothing true therefore counts for neither. F1 is the harmonic mean of the two *means* (not the
  mean of per-document F1s).

The bootstrap spread is the standard deviation of each metric over document resamples. The
reference prints ``1.96 * stdev`` over 1000 unseeded rounds; we keep the plain deviation (use
:attr:`Score.f1_ci95` for the reference's ± figure) and seed the generator so runs are repeatable.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "Bench",
    "DocScore",
    "Score",
    "evaluate",
    "format_table",
    "load_bench",
    "per_document",
    "score_document",
    "shingle_counts",
    "tokenize",
]

_TOKEN_RE = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    """Split *text* into ``\\w+`` runs, exactly as the reference benchmark does."""
    return _TOKEN_RE.findall(text or "")


def shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Count the shingles (tuples of *n* consecutive tokens) of *text*.

    A text with fewer than *n* tokens yields its whole token tuple as a single shingle, matching
    the reference; an empty text yields nothing.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class DocScore:
    """TP/FP/FN of one document, normalised to sum to 1 (all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """Share of predicted shingles that are gold; ``None`` when nothing was predicted."""
        if self.tp + self.fp == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Share of gold shingles that were predicted; ``None`` when the gold body is empty."""
        if self.tp + self.fn == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """Per-document F1, for per-page comparisons only (the corpus F1 is not its mean).

        ``None`` when both texts are empty; 0 when only one of them is.
        """
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_document(predicted: str, gold: str) -> DocScore:
    """Compare one predicted body with its gold body."""
    pred, true = shingle_counts(predicted), shingle_counts(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return DocScore(0.0, 0.0, 0.0)
    return DocScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class Score:
    """Corpus-level scores with their bootstrap standard deviations."""

    precision: float
    recall: float
    f1: float
    n_docs: int
    precision_std: float = 0.0
    recall_std: float = 0.0
    f1_std: float = 0.0

    @property
    def f1_ci95(self) -> float:
        """Half-width of the 95 % interval, the ``±`` figure the reference benchmark prints."""
        return 1.96 * self.f1_std


def _aggregate(docs: Sequence[DocScore]) -> tuple[float, float, float]:
    """Precision, recall and F1 of a list of documents.

    A mean over zero documents (nothing predicted anywhere, or no gold text at all) is taken as
    0 rather than raising, so a system that outputs nothing scores 0 and fails any floor.
    """
    ps = [p for d in docs if (p := d.precision) is not None]
    rs = [r for d in docs if (r := d.recall) is not None]
    precision = math.fsum(ps) / len(ps) if ps else 0.0
    recall = math.fsum(rs) / len(rs) if rs else 0.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def per_document(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, DocScore]:
    """Score every gold id; an id missing from *predicted* counts as an empty prediction.

    Predicted ids that have no gold body are ignored.
    """
    return {doc_id: score_document(predicted.get(doc_id) or "", text)
            for doc_id, text in gold.items()}


def evaluate(
    predicted: Mapping[str, str], gold: Mapping[str, str], *, bootstrap: int = 200
) -> Score:
    """Score a whole corpus, with a seeded bootstrap spread over *bootstrap* document resamples."""
    docs = list(per_document(predicted, gold).values())
    if not docs:
        raise ValueError("evaluate() needs at least one gold document")
    precision, recall, f1 = _aggregate(docs)
    stds = (0.0, 0.0, 0.0)
    if bootstrap > 1:
        rng = random.Random(0)
        n = len(docs)
        samples = [_aggregate([docs[rng.randrange(n)] for _ in range(n)]) for _ in range(bootstrap)]
        p_std, r_std, f_std = (statistics.stdev(column) for column in zip(*samples, strict=True))
        stds = (p_std, r_std, f_std)
    return Score(precision, recall, f1, len(docs), *stds)


@dataclass(slots=True)
class Bench:
    """A benchmark folder: gold bodies, page URLs, gzipped HTML pages and other tools' outputs."""

    root: Path
    gold: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    sites: dict[str, str] = field(default_factory=dict)
    """id -> site (the ``domain`` field, else the url's host without ``www.``): the unit of folds."""
    page_types: dict[str, str] = field(default_factory=dict)
    """id -> page type (``article`` where the corpus does not say)."""
    unusable: frozenset[str] = frozenset()
    """Ids whose gold is empty or mostly absent from the page (``gold_in_page`` < 0.8): the
    corpora's READMEs ask to leave them out of scores."""

    def usable_ids(self) -> list[str]:
        """The ids to score, sorted."""
        return sorted(k for k in self.gold if k not in self.unusable)

    def html_path(self, doc_id: str) -> Path:
        """Where the gzipped page of *doc_id* lives (it may not exist in text-only folders)."""
        return self.root / "html" / f"{doc_id}.html.gz"

    def read_html(self, doc_id: str) -> bytes:
        """The raw (gunzipped, not decoded) bytes of the page of *doc_id*."""
        return gzip.decompress(self.html_path(doc_id).read_bytes())

    def text_inputs(self) -> list[str]:
        """Names of the available text inputs (``text-inputs/NAME.json``), sorted."""
        folder = self.root / "text-inputs"
        return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []

    def text_input(self, name: str) -> dict[str, str]:
        """One tool's output as id -> body text (a missing or null body becomes ``""``)."""
        path = self.root / "text-inputs" / f"{name}.json"
        if not path.is_file():
            raise FileNotFoundError(
                f"no text input {name!r} in {self.root} (have: {', '.join(self.text_inputs())})")
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: (v.get("articleBody") or "") for k, v in data.items()}


def load_bench(path: str | Path) -> Bench:
    """Load a benchmark folder laid out like ``aeb-dev`` (see its README)."""
    root = Path(path)
    gt = root / "ground-truth.json"
    if not gt.is_file():
        raise FileNotFoundError(
            f"{root} is not a benchmark folder: {gt.name} is missing "
            "(expected ground-truth.json, html/ID.html.gz and text-inputs/NAME.json)")
    data = json.loads(gt.read_text(encoding="utf-8"))
    gold = {k: (v.get("articleBody") or "") for k, v in data.items()}
    urls = {k: v["url"] for k, v in data.items() if v.get("url")}
    sites = {k: site_of(v.get("domain"), v.get("url")) for k, v in data.items()}
    types = {k: str(v.get("page_type") or "article") for k, v in data.items()}
    unusable = frozenset(k for k, v in data.items() if not gold[k].strip() or (
        v.get("gold_in_page") is not None and float(v["gold_in_page"]) < MIN_GOLD_IN_PAGE))
    return Bench(root=root, gold=gold, urls=urls, sites=sites, page_types=types, unusable=unusable)


MIN_GOLD_IN_PAGE = 0.8


def site_of(domain: object, url: object) -> str:
    """The site of a page: its ``domain`` field, else its url's host without ``www.``."""
    if domain:
        return str(domain).lower()
    host = urlsplit(str(url or "")).hostname or ""
    return host.lower().removeprefix("www.") or "?"


def format_table(
    rows: Sequence[tuple[str, Score]],
    extra_columns: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Render scores as a plain aligned text table.

    *extra_columns* maps a header to one preformatted cell per row (e.g. ``{"docs/s": [...]}``),
    appended after the standard columns. Numbers are right-aligned, the system name left-aligned.
    """
    extra = dict(extra_columns or {})
    for header, cells in extra.items():
        if len(cells) != len(rows):
            raise ValueError(f"column {header!r} has {len(cells)} cells for {len(rows)} rows")
    headers = ["system", "F1", "P", "R", "±F1", "±P", "±R", "n", *extra]
    table = [headers]
    for i, (name, s) in enumerate(rows):
        table.append([
            name, f"{s.f1:.3f}", f"{s.precision:.3f}", f"{s.recall:.3f}",
            f"{s.f1_std:.3f}", f"{s.precision_std:.3f}", f"{s.recall_std:.3f}", str(s.n_docs),
            *(str(cells[i]) for cells in extra.values()),
        ])
    widths = [max(len(r[c]) for r in table) for c in range(len(headers))]
    lines = []
    for r_i, row in enumerate(table):
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
        if r_i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
