"""``newsclean eval``: score predicted bodies against gold bodies, or run newsclean over a bench
folder first and score that.

Apart from :mod:`newsclean.cli` (the parser and dispatch) because it is a benchmark runner, not
option handling: it reads gold and predicted bodies, cleans a bench folder in a batch with a
progress bar and its own failure count, and prints the score table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from newsclean import batch, cli_progress, readers
from newsclean.cli_options import PROG, UsageError, config_for, pipeline_for

if TYPE_CHECKING:
    from newsclean.evaluation import Score

__all__ = ["cmd_eval"]


def _bodies(path: str) -> dict[str, str]:
    try:
        return readers.read_bodies(path)
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


def _run_bench(args: argparse.Namespace, gold: dict[str, str]) -> tuple[str, dict[str, str], float, int,
                                                                       dict[str, str] | None]:
    """Clean the bench folder ``args.run``: label, predictions, docs/s, failures, text input used."""
    from newsclean.evaluation import load_bench

    bench = load_bench(args.run)
    mode = args.mode if args.mode != "auto" else ("text" if args.input else "html")
    if mode == "html" and args.input:
        raise UsageError("--input names a text input; it goes with --mode text")
    if mode == "text" and not args.input:
        raise UsageError("--mode text needs --input NAME; available: " + ", ".join(bench.text_inputs()))
    try:
        baseline = bench.text_input(args.input) if mode == "text" else None
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    records = readers.bench_records(bench, list(gold), text_input=args.input if mode == "text" else None)
    predicted: dict[str, str] = {}
    errors = 0
    started = time.perf_counter()
    results = batch.process(records, pipeline=pipeline_for(args), config=config_for(args).but(mode=mode),
                            workers=args.workers, timeout=args.timeout or None)
    for result in cli_progress.bar(results, enabled=not args.quiet and cli_progress.stderr_is_tty(),
                                   total=len(gold)):
        if "error" in result:
            errors += 1
            if not args.quiet:
                print(f"{PROG}: failed: {result['id']}: {result['error']}", file=sys.stderr)
        predicted[str(result["id"])] = result.get("body") or ""
    elapsed = time.perf_counter() - started
    label = "newsclean (html)" if mode == "html" else f"newsclean (text: {args.input})"
    return label, predicted, len(predicted) / elapsed if elapsed > 0 else 0.0, errors, baseline


def cmd_eval(args: argparse.Namespace) -> int:
    from newsclean.evaluation import evaluate, format_table

    files = list(args.files)
    if args.run:
        gold = _bodies(args.run)
        preds = files
    else:
        if len(files) < 2:
            raise UsageError("give GOLD and at least one PRED file (or --run DATA_DIR)")
        gold, preds = _bodies(files[0]), files[1:]
    if not gold:
        raise UsageError("the gold set is empty")
    rows: list[tuple[str, Score]] = []
    rates: list[str] = []
    failed = 0
    if args.run:
        label, predicted, rate, failed, baseline = _run_bench(args, gold)
        if baseline is not None:
            rows.append((f"{args.input} (input)", evaluate(baseline, gold, bootstrap=args.bootstrap)))
            rates.append("")
        rows.append((label, evaluate(predicted, gold, bootstrap=args.bootstrap)))
        rates.append(f"{rate:.1f}")
    for path in preds:
        predicted = readers.match_ids(_bodies(path), gold)
        missing = len(set(gold) - set(predicted))
        if missing and not args.quiet:
            print(f"{PROG}: {path}: no prediction for {missing} of {len(gold)} gold documents "
                  "(scored as empty)", file=sys.stderr)
        name = Path(path).name
        for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
            name = name.removesuffix(suffix)
        rows.append((name, evaluate(predicted, gold, bootstrap=args.bootstrap)))
        rates.append("")
    extra = {"docs/s": rates} if any(rates) else None
    print(format_table(rows, extra))
    print(f"(± columns: bootstrap standard deviation over {args.bootstrap} resamples; "
          f"{len(gold)} gold documents)")
    return 1 if failed else 0
