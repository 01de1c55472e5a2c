"""Quality *and* speed of newsclean against trafilatura and simple baselines, in one run.

Usage::

    python benchmarks/quality.py DATA_DIR [--mode html|text|both] [--limit N] [--per-page FILE]

DATA_DIR is laid out like ``aeb-dev`` (``ground-truth.json``, ``html/ID.html.gz``,
``text-inputs/NAME.json``). Every system runs in this one process over the same documents, already
read and gunzipped into memory, after one untimed warm-up call, so the docs/s and MB/s columns are
comparable with each other (and only with each other: they depend on the machine).

* HTML mode: newsclean ``clean_html(bytes, url=...)`` vs trafilatura ``extract`` with default
  settings and with ``favor_precision=True`` (given the page decoded as UTF-8, its natural input).
* Text mode: for each text input, the text as is, after ``newsclean.clean_text`` and after the C4
  line filter; the ΔF1/ΔP/ΔR columns are relative to the input as is.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsclean.evaluation import Bench, Score, evaluate, format_table, load_bench, per_document

try:
    from benchmarks.baselines import c4_filter
except ImportError:  # run as ``python benchmarks/quality.py``: this folder is on sys.path
    from baselines import c4_filter  # type: ignore[no-redef]

Extractor = Callable[[str, bytes, str], str]
"""(doc id, input bytes, input text) -> predicted body."""

FLAG_MARGIN = 0.05  # per-page CSV: newsclean more than this below trafilatura gets flagged


@dataclass
class Run:
    """One system's predictions over the documents, with timing and error count.

    ``seconds == 0`` marks a row that was not timed: an input scored as is, or a system that is
    not available (then ``note`` says why and the row is left out of the table).
    """

    name: str
    predictions: dict[str, str]
    seconds: float = 0.0
    n_bytes: int = 0
    errors: int = 0
    note: str = ""

    def rate_cells(self) -> tuple[str, str]:
        """docs/s and MB/s cells ("-" for inputs scored as is, which take no time)."""
        if self.seconds <= 0:
            return "-", "-"
        return (f"{len(self.predictions) / self.seconds:.1f}",
                f"{self.n_bytes / self.seconds / 1e6:.2f}")


SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "written"


def _warmup_texts() -> list[tuple[str, str]]:
    """The seed articles (English) and the first whole-page text of each language of
    ``fixtures/written`` (de, es, fr, it, nl, pl): a process meets its first pages in several
    languages before any timing, as a stream has after its first minutes."""
    texts = [(path.stem, path.read_text("utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    with contextlib.suppress(OSError, ValueError):
        pages = json.loads((WRITTEN / "text-inputs" / "html-text.json").read_text("utf-8"))
        seen: set[str] = set()
        for doc_id in sorted(pages):
            lang = doc_id.split("-")[0]
            if lang not in seen and pages[doc_id].get("articleBody"):
                seen.add(lang)
                texts.append((doc_id, pages[doc_id]["articleBody"]))
    return texts


def warmup_docs(html: bool) -> list[tuple[str, bytes, str]]:
    """Documents *other* than the measured ones to warm a process up on (:func:`_warmup_texts`, as
    text, or wrapped in a small page for HTML mode). Warming up on the measured documents themselves
    would flatter a system that caches per document; a stream sees each page once."""
    docs = []
    for stem, text in _warmup_texts():
        if html:
            paras = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
            page = (f"<html><head><title>{stem}</title></head>"
                    f"<body><article>{paras}</article></body></html>")
            docs.append((f"warmup-{stem}", page.encode("utf-8"), ""))
        else:
            docs.append((f"warmup-{stem}", text.encode("utf-8"), text))
    return docs


def warm_shared_caches() -> None:
    """Pay the one-off costs that every system in the process shares, once, before any timing.

    htmldate's free-text date search (``extensive_search``, on by default in trafilatura and in
    newsclean's HTML mode) hands strings to dateparser, which builds its tables for each locale
    the first time one is tried: about 1.5 s, once per process, for whichever system meets such a
    string first (in one profile of 140 first-seen wcxb-dev pages, 4.4 of 12.5 s). A stream pays
    it once; charged to the first page that needs it, it would bill one system for both."""
    with contextlib.suppress(Exception):  # htmldate without dateparser: nothing to warm
        from htmldate.extractors import get_external_parser

        get_external_parser().get_date_data("xyzzy 2019")  # claimed by no locale: every one tried


def timed_run(name: str, extract: Extractor, docs: Sequence[tuple[str, bytes, str]],
              warmup: Sequence[tuple[str, bytes, str]] = ()) -> Run:
    """Warm up on *warmup* (other documents, untimed), then time *extract* over *docs*, each once.

    The warm-up fills per-process start-up caches (newsclean compiles a language's phrase patterns
    the first time it meets that language; trafilatura and lxml have their own); every measured
    document is then seen once, as in a stream.

    An exception on one page counts as an empty prediction and an error rather than ending the
    run, so one bad page does not hide the scores of the other hundred.
    """
    warm_shared_caches()
    for doc in warmup:
        with contextlib.suppress(Exception):  # a warm-up failure is not the measured system's
            extract(*doc)
    predictions: dict[str, str] = {}
    errors = 0
    first_error = ""
    start = time.perf_counter()
    for doc in docs:
        try:
            predictions[doc[0]] = extract(*doc) or ""
        except Exception as exc:
            errors += 1
            first_error = first_error or f"{doc[0][:12]}: {type(exc).__name__}: {exc}"
            predictions[doc[0]] = ""
    seconds = time.perf_counter() - start
    if first_error:
        print(f"  {name}: {errors} error(s), first {first_error}", file=sys.stderr)
    return Run(name, predictions, seconds, sum(len(d[1]) for d in docs), errors)


def print_table(title: str, runs: list[tuple[Run, Score]],
                baseline: dict[str, Score] | None = None) -> None:
    """Print one table; *baseline* maps a run name to the score its Δ columns are relative to."""
    rows = [(run.name, score) for run, score in runs]
    rates = [run.rate_cells() for run, _ in runs]
    extra: dict[str, list[str]] = {
        "docs/s": [r[0] for r in rates],
        "MB/s": [r[1] for r in rates],
        "errors": [str(run.errors) if run.seconds > 0 else "-" for run, _ in runs],
    }
    if baseline is not None:
        for key, label in (("f1", "ΔF1"), ("precision", "ΔP"), ("recall", "ΔR")):
            cells = []
            for run, score in runs:
                base = baseline.get(run.name)
                cells.append("" if base is None else
                             f"{getattr(score, key) - getattr(base, key):+.3f}")
            extra[label] = cells
    print(f"\n== {title} ==")
    print(format_table(rows, extra))


def html_mode(bench: Bench, ids: list[str], bootstrap: int, per_page: Path | None) -> dict[str, str]:
    """Score newsclean and trafilatura on the HTML pages; returns trafilatura's bodies (the reference
    of the text-mode table)."""
    import trafilatura

    gold = {i: bench.gold[i] for i in ids}
    docs = [(i, bench.read_html(i), "") for i in ids]

    runs: list[Run] = []
    try:
        from newsclean import clean_html
    except ImportError as exc:
        runs.append(Run("newsclean", {}, note=f"not available ({exc})"))
    else:
        def newsclean_extract(doc_id: str, page: bytes, _text: str) -> str:
            return clean_html(page, url=bench.urls.get(doc_id)).body

        runs.append(timed_run("newsclean", newsclean_extract, docs, warmup_docs(True)))

    def trafilatura_extract(precise: bool) -> Extractor:
        def extract(_doc_id: str, page: bytes, _text: str) -> str:
            html = page.decode("utf-8", errors="replace")
            if precise:
                return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
            return trafilatura.extract(html, include_comments=False) or ""
        return extract

    runs.append(timed_run("trafilatura", trafilatura_extract(False), docs, warmup_docs(True)))
    runs.append(timed_run("trafilatura-precision", trafilatura_extract(True), docs, warmup_docs(True)))

    scored = [(run, evaluate(run.predictions, gold, bootstrap=bootstrap))
              for run in runs if not run.note]
    print_table(f"HTML mode, {len(ids)} pages", scored)
    for run in runs:
        if run.note:
            print(f"  {run.name}: {run.note}")

    if per_page is not None:
        write_per_page(per_page, bench, gold, runs[0], runs[1])
    types = sorted({bench.page_types.get(i, "article") for i in ids})
    if len(types) > 1:
        print_page_types(bench, ids, {r.name: r.predictions for r in runs if not r.note}, types)
    return next(r.predictions for r in runs if r.name == "trafilatura")


def write_per_page(path: Path, bench: Bench, gold: dict[str, str], ours: Run, theirs: Run) -> None:
    """Per-page newsclean vs trafilatura F1/P/R, worst newsclean shortfall first."""
    available = ours.seconds > 0
    mine = per_document(ours.predictions, gold) if available else {}
    ref = per_document(theirs.predictions, gold)

    def fmt(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    rows = []
    for doc_id, t in ref.items():
        n = mine.get(doc_id)
        n_f1, t_f1 = (n.f1 if n else None), t.f1
        diff = None if n_f1 is None or t_f1 is None else n_f1 - t_f1
        rows.append((diff if diff is not None else 0.0, [
            doc_id, bench.urls.get(doc_id, ""),
            fmt(n_f1), fmt(n.precision if n else None), fmt(n.recall if n else None),
            fmt(t_f1), fmt(t.precision), fmt(t.recall), fmt(diff),
            "worse" if diff is not None and diff < -FLAG_MARGIN else "",
        ]))
    rows.sort(key=lambda r: r[0])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "url", "newsclean_f1", "newsclean_p", "newsclean_r",
                         "trafilatura_f1", "trafilatura_p", "trafilatura_r", "diff_f1", "flag"])
        writer.writerows(r[1] for r in rows)
    flagged = sum(1 for r in rows if r[1][-1])
    print(f"\nper-page CSV: {path} ({flagged} page(s) more than {FLAG_MARGIN} F1 "
          "below trafilatura)")


PAGE_TYPE_FOLDS = Path(__file__).resolve().parent / "page_type_text_folds"


def fold_pipelines(folds_dir: Path, page_type_folds: Path = PAGE_TYPE_FOLDS) -> tuple[int, list[Any]] | None:
    """The default pipeline once per fold model in ``folds_dir`` (written by ``newsclean.train``),
    with the text page-type model of the same fold (``page_type_folds``, written by
    ``scripts/train_page_type_text.py`` on the same folds) when there is one per fold."""
    from newsclean import default_pipeline

    files = sorted(folds_dir.glob("fold*.json"), key=lambda p: int(p.stem[4:]))
    if not files:
        return None
    k = len(files)
    pipes = [default_pipeline().with_options("line_scorer", weights=str(f)) for f in files]
    types = [page_type_folds / f.name for f in files]
    if all(t.is_file() for t in types) and all("page_type" in p.names for p in pipes):
        pipes = [p.with_options("page_type", model=str(t)) for p, t in zip(pipes, types, strict=True)]
    return k, pipes


def text_mode(bench: Bench, ids: list[str], bootstrap: int, oof: Path | None,
              reference: dict[str, str] | None = None) -> None:
    """Score each text input as is, after newsclean.clean_text and after the C4 filter.

    With ``oof`` (a folder of fold models), every page is cleaned with the line model of the fold
    that did not see its site: the figures are out of fold. ``reference`` (trafilatura from the HTML
    of the same pages) is printed beside them, and on corpora with several page types a table per
    page type follows.
    """
    gold = {i: bench.gold[i] for i in ids}
    from newsclean import clean_text
    from newsclean.rules.line_model import fold_of

    folds = fold_pipelines(oof) if oof is not None else None
    if oof is not None and folds is None:
        raise SystemExit(f"no fold models (fold*.json) in {oof}")

    def newsclean_clean(doc_id: str, _raw: bytes, text: str) -> str:
        if folds is None:
            return clean_text(text).body
        k, pipes = folds
        return clean_text(text, pipeline=pipes[fold_of(bench.sites[doc_id], k)]).body

    label = "+newsclean (oof)" if folds else "+newsclean"
    runs: list[tuple[Run, Score]] = []
    baseline: dict[str, Score] = {}
    by_type: dict[str, dict[str, str]] = {}
    if reference is not None:
        runs.append((Run("trafilatura from HTML", reference),
                     evaluate(reference, gold, bootstrap=bootstrap)))
        by_type["trafilatura from HTML"] = reference
    for name in bench.text_inputs():
        inputs = bench.text_input(name)
        docs = [(i, inputs.get(i, "").encode("utf-8"), inputs.get(i, "")) for i in ids]
        as_is = Run(name, {i: t for i, _, t in docs})
        base = evaluate(as_is.predictions, gold, bootstrap=bootstrap)
        runs.append((as_is, base))
        by_type[name] = as_is.predictions
        warm = warmup_docs(False)
        variants = [timed_run(f"{name} {label}", newsclean_clean, docs, warm),
                    timed_run(f"{name} +c4", lambda _i, _b, t: c4_filter(t), docs, warm)]
        for run in variants:
            baseline[run.name] = base
            runs.append((run, evaluate(run.predictions, gold, bootstrap=bootstrap)))
            by_type[run.name] = run.predictions
    print_table(f"Text mode, {len(ids)} documents per input", runs, baseline)
    types = sorted({bench.page_types.get(i, "article") for i in ids})
    if len(types) > 1:
        print_page_types(bench, ids, by_type, types)


def print_page_types(bench: Bench, ids: list[str], systems: dict[str, dict[str, str]],
                     types: list[str]) -> None:
    """F1 of every system per page type (no bootstrap: a compact overview)."""
    print("\n== F1 by page type ==")
    names = list(systems)
    width = max(len(n) for n in names)
    print(f"{'system':{width}s}  " + "  ".join(f"{t[:13]:>13s}" for t in types))
    counts = {t: sum(1 for i in ids if bench.page_types.get(i) == t) for t in types}
    print(f"{'n':{width}s}  " + "  ".join(f"{counts[t]:13d}" for t in types))
    for name in names:
        cells = []
        for t in types:
            sel = [i for i in ids if bench.page_types.get(i) == t]
            sc = evaluate({i: systems[name].get(i, "") for i in sel}, {i: bench.gold[i] for i in sel},
                          bootstrap=0)
            cells.append(f"{sc.f1:13.3f}")
        print(f"{name:{width}s}  " + "  ".join(cells))


DEFAULT_FOLDS = Path(__file__).resolve().parent / "line_scorer_folds"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="benchmark folder (e.g. aeb-dev)")
    parser.add_argument("--mode", choices=("html", "text", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N ids (sorted)")
    parser.add_argument("--per-page", type=Path, default=None, metavar="FILE",
                        help="write per-page newsclean vs trafilatura scores (HTML mode) as CSV")
    parser.add_argument("--bootstrap", type=int, default=200, help="bootstrap rounds for ± (200)")
    parser.add_argument("--folds", type=Path, default=DEFAULT_FOLDS, metavar="DIR",
                        help="fold models of the line scorer: text mode is scored out of fold "
                             f"(default: {DEFAULT_FOLDS.name}/ beside this script)")
    parser.add_argument("--in-sample", action="store_true",
                        help="text mode with the shipped weights (in-sample on the training corpora)")
    args = parser.parse_args(argv)

    bench = load_bench(args.data_dir)
    usable = bench.usable_ids()
    ids = usable[: args.limit] if args.limit else usable
    left_out = len(bench.gold) - len(usable)
    print(f"{args.data_dir}: {len(ids)} documents"
          + (f" ({left_out} left out: empty gold or gold_in_page < 0.8)" if left_out else "")
          + f"; ± is one bootstrap standard deviation ({args.bootstrap} rounds); each document is "
          "timed once, after a warm-up on other documents, single-process on this machine")
    reference = None
    if args.mode in ("html", "both"):
        reference = html_mode(bench, ids, args.bootstrap, args.per_page)
    if args.mode in ("text", "both"):
        text_mode(bench, ids, args.bootstrap, None if args.in_sample else args.folds, reference)
    return 0


if __name__ == "__main__":
    sys.exit(main())
