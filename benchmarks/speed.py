"""Speed and memory of newsclean next to its peers, in one run on one machine.

Usage::

    python benchmarks/speed.py DATA_DIR [--rounds 3] [--limit N] [--once] [--growth] [--no-memory]

DATA_DIR is laid out like ``aeb-dev``. Timing runs the systems of a mode in one process, document
by document in turn, so load from anything else on the machine hits every system alike; each row
reports its fastest round, after an untimed warm-up pass. ``--once`` is issue #17's protocol
instead: the process is warmed up on *other* documents (:func:`quality.warmup_docs`, the seed
articles), then each document is timed once, as in a stream. Peak memory comes from a separate
child process per system (so each RSS is the system's own).
Only ratios between rows of the same run mean anything; absolute figures depend on the machine.

Rows:

* text mode, full-page text (``text-inputs/html-text.json``): newsclean ``clean_text``; the C4 line
  filter (ends in terminal punctuation, >= 3 words); jusText's classifier over the same lines.
* HTML mode (``html/*.html.gz``): newsclean ``clean_html`` (its body and metadata);
  ``trafilatura.extract`` with default settings, and with ``fast=True`` (text only);
  ``trafilatura.bare_extraction(with_metadata=True)`` (text and metadata, as newsclean: the peer of
  issue #17). Every trafilatura row passes ``include_comments=False``.

``--growth`` also times ``clean_text`` on one input of 10 KB, 100 KB, 1 MB and 10 MB (full-page
texts concatenated) and prints the time per KB, which must stay flat (no quadratic step).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEMS: dict[str, str] = {
    "newsclean/text": "text",
    "c4-filter/text": "text",
    "justext/text": "text",
    "newsclean/html": "html",
    "trafilatura/html": "html",
    "trafilatura-fast/html": "html",
    "trafilatura-meta/html": "html",
}


def _load(data_dir: Path, mode: str, limit: int | None) -> list[tuple[str, object, str | None]]:
    sys.path.insert(0, str(HERE.parent))
    from newsclean.evaluation import load_bench

    bench = load_bench(data_dir)
    ids = sorted(bench.gold)[:limit] if limit else sorted(bench.gold)
    if mode == "text":
        texts = bench.text_input("html-text")
        return [(i, texts[i], None) for i in ids if i in texts]
    return [(i, bench.read_html(i), bench.urls.get(i)) for i in ids]


def _runner(system: str) -> Callable[[object, str | None], object]:
    sys.path.insert(0, str(HERE))
    if system == "newsclean/text":
        import newsclean

        return lambda doc, url: newsclean.clean_text(doc).body  # type: ignore[arg-type]
    if system == "c4-filter/text":
        from baselines import c4_filter

        return lambda doc, url: c4_filter(doc)  # type: ignore[arg-type]
    if system == "justext/text":
        from baselines import justext_filter

        return lambda doc, url: justext_filter(doc)  # type: ignore[arg-type]
    if system == "newsclean/html":
        import newsclean

        return lambda doc, url: newsclean.clean_html(doc, url=url).body  # type: ignore[arg-type]
    import trafilatura

    fast = system == "trafilatura-fast/html"
    meta = system == "trafilatura-meta/html"

    def run(doc: object, url: str | None) -> object:
        # trafilatura's natural input is the decoded page; decoding is part of its cost
        text = doc.decode("utf-8", "replace") if isinstance(doc, bytes) else doc
        if meta:
            return trafilatura.bare_extraction(text, include_comments=False, url=url,
                                               with_metadata=True)
        return trafilatura.extract(text, include_comments=False, fast=fast, url=url)

    return run


def timing(mode: str, systems: list[str], data_dir: Path, limit: int | None,
           rounds: int, *, once: bool = False) -> dict[str, dict[str, float]]:
    """Time the ``systems`` of one mode in this process, interleaved document by document.

    Each document goes through every system in turn, so a burst of load from elsewhere on the
    machine hits all of them alike. An untimed pass first pays the one-off costs (lazy imports,
    stoplists and phrase tables, dateparser's pattern compilation) that a long batch amortises;
    then ``rounds`` timed passes, and each system keeps its fastest. ``once``: the untimed pass is
    over other documents (:func:`quality.warmup_docs`, after :func:`quality.warm_shared_caches`)
    and each document is timed once.
    """
    docs = _load(data_dir, mode, limit)
    runs = {name: _runner(name) for name in systems}
    n_bytes = sum(len(d.encode("utf-8")) if isinstance(d, str) else len(d)  # type: ignore[arg-type]
                  for _, d, _ in docs)
    if once:
        from quality import warm_shared_caches, warmup_docs

        warm_shared_caches()

        warm = [(i, text if mode == "text" else page, None)
                for i, page, text in warmup_docs(html=mode == "html")]
        rounds = 1
    else:
        warm = docs
    for _, doc, url in warm:
        for run in runs.values():
            run(doc, url)
    best = {name: float("inf") for name in systems}
    for _ in range(rounds):
        spent = dict.fromkeys(systems, 0.0)
        for _, doc, url in docs:
            for name, run in runs.items():
                start = time.perf_counter()
                run(doc, url)
                spent[name] += time.perf_counter() - start
        best = {name: min(best[name], spent[name]) for name in systems}
    return {name: {"seconds": best[name], "docs": len(docs), "bytes": n_bytes} for name in systems}


def worker(system: str, data_dir: Path, limit: int | None) -> dict[str, float]:
    """One untimed pass of ``system`` in this (child) process; its peak RSS is the system's own.

    A child started by (v)fork inherits the parent's high-water mark, so it is reset first through
    ``/proc/self/clear_refs`` (Linux) and read back from ``/proc/self/status``.
    """
    _reset_peak()
    docs = _load(data_dir, SYSTEMS[system], limit)
    run = _runner(system)
    for _, doc, url in docs:
        run(doc, url)
    return {"peak_mb": _peak_mb()}


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(system: str, data_dir: Path, limit: int | None) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__)), str(data_dir), "--worker", system]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def growth(data_dir: Path) -> None:
    """Time per KB of ``clean_text`` on inputs of growing size: must stay roughly flat."""
    sys.path.insert(0, str(HERE.parent))
    import newsclean

    texts = [t for _, t, _ in _load(data_dir, "text", None)]
    corpus = "\n\n".join(str(t) for t in texts)
    newsclean.clean_text(texts[0])  # type: ignore[arg-type]
    print("\nCost growth (clean_text on one document of growing size)")
    print(f"{'size':>8} {'seconds':>9} {'ms/KB':>8} {'paragraphs':>11}")
    for size in (10_000, 100_000, 1_000_000, 10_000_000):
        doc = (corpus * (size // len(corpus) + 1))[:size]
        start = time.perf_counter()
        article = newsclean.clean_text(doc, max_chars=size + 1)
        seconds = time.perf_counter() - start
        print(f"{size // 1000:>6}KB {seconds:>9.3f} {1000 * seconds / (size / 1000):>8.3f} "
              f"{len(article.paragraphs):>11}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (best is kept)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma-separated rows, of: {', '.join(SYSTEMS)}")
    parser.add_argument("--once", action="store_true",
                        help="warm up on other documents, then time each document once (#17)")
    parser.add_argument("--growth", action="store_true", help="also time growing document sizes")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS child runs")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.data_dir, args.limit)))
        return 0
    systems = [s for s in args.systems.split(",") if s]
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; known: {', '.join(SYSTEMS)}")
    best: dict[str, dict[str, float]] = {}
    for mode in ("text", "html"):
        chosen = [s for s in systems if SYSTEMS[s] == mode]
        if chosen:
            best.update(timing(mode, chosen, args.data_dir, args.limit, args.rounds,
                               once=args.once))
    for system in systems:
        best[system]["peak_mb"] = float("nan") if args.no_memory else _child(
            system, args.data_dir, args.limit)["peak_mb"]
    how = ("warmed up on other documents, each document timed once" if args.once
           else f"{args.rounds} rounds interleaved per document, best kept")
    print(f"Speed on {args.data_dir} ({how}, one core)")
    print(f"{'system':<24} {'mode':<5} {'docs/s':>8} {'MB/s':>7} {'vs newsclean':>13} {'peak MB':>8}")
    for system in systems:
        r = best[system]
        mode = SYSTEMS[system]
        ref = best.get(f"newsclean/{mode}")
        ratio = ref["seconds"] / r["seconds"] if ref else float("nan")
        print(f"{system.split('/')[0]:<24} {mode:<5} {r['docs'] / r['seconds']:>8.1f} "
              f"{r['bytes'] / r['seconds'] / 1e6:>7.2f} {ratio:>12.2f}x {r['peak_mb']:>8.0f}")
    print("(vs newsclean: the row's speed relative to newsclean in the same mode; "
          "< 1 means slower than newsclean)")
    if args.growth:
        growth(args.data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
