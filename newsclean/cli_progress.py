"""The progress bar of a batch, with a total whenever it can be known cheaply.

A bar without a total only says that something moves; with one it says when the run ends. The total
is the number of records the inputs will yield, counted before the run without parsing anything:
a document file is one record, an uncompressed JSON Lines file has (about) one per line, counted
with ``bytes.count`` (a big file is estimated from the line length of its first megabytes, so the
count never costs a second full read). Compressed JSON Lines, WARC files and stdin give no cheap
count: the bar then runs without a total.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsclean import readers

__all__ = ["bar", "count_records", "stderr_is_tty"]

_COUNT_FULLY = 256 * 1024 * 1024
"""JSON Lines files up to this size are counted line by line; bigger ones are estimated."""
_SAMPLE = 4 * 1024 * 1024
_CHUNK = 1 << 20
_SNIFF = 1 << 16
_NAMED = {**dict.fromkeys(readers.DOCUMENT_SUFFIXES, "document"),
          ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc"}


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _kind(path: Path, input_format: str) -> tuple[str, bool]:
    """The input's format and whether it is gzip-compressed, from its name or first bytes
    (``"unknown"`` for a compressed file whose name says nothing)."""
    with open(path, "rb") as fh:
        head = fh.read(2)
        compressed = head == b"\x1f\x8b"
        if input_format != "auto":
            return input_format, compressed
        known = _NAMED.get(os.path.splitext(path.name.lower().removesuffix(".gz"))[1])
        if known is not None:
            return known, compressed
        if compressed:
            return "unknown", compressed
        head += fh.read(_SNIFF - 2)
    return readers.detect_format(path.name, head), compressed


def _count_lines(path: Path) -> int:
    size = path.stat().st_size
    with open(path, "rb") as fh:
        if size > _COUNT_FULLY:
            sample = fh.read(_SAMPLE)
            lines = sample.count(b"\n")
            return max(1, round(size * lines / len(sample))) if lines else 1
        count, last = 0, b"\n"
        while chunk := fh.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def count_records(paths: Sequence[str], *, input_format: str = "auto",
                  skip: Collection[Path] = ()) -> int | None:
    """How many records ``paths`` will yield, or ``None`` when that is not cheap to know."""
    total = 0
    for path in readers.iter_paths(paths, skip=skip):
        if not isinstance(path, Path):  # stdin
            return None
        try:
            kind, compressed = _kind(path, input_format)
            if kind == "document":
                total += 1
            elif kind == "jsonl" and not compressed:
                total += _count_lines(path)
            else:
                return None
        except OSError:
            total += 1  # an unreadable input becomes one error record
    return total


def bar(results: Iterable[dict[str, Any]], *, enabled: bool,
        total: int | None = None) -> Iterator[dict[str, Any]]:
    """``results``, drawing a tqdm bar on stderr while they pass when ``enabled``."""
    if not enabled:
        yield from results
        return
    from tqdm import tqdm

    try:  # a terminal that reports no width (some ptys) would get an invisible bar
        sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (AttributeError, ValueError, OSError):
        sized = False
    progress = tqdm(total=total, unit="doc", file=sys.stderr, mininterval=0.5,
                    dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24)
    try:
        for result in results:
            progress.update()
            yield result
        if total is not None and progress.n != total:  # blank lines counted, or an estimate
            progress.total = progress.n
            progress.refresh()
    finally:
        progress.close()
