"""Write what newsclean makes of the dev inputs, and compare two such snapshots: a pure refactor
must leave them byte-identical.

Usage::

    python scripts/output_snapshot.py write OUT_DIR [--bench ../shared/bench] [--every-wcxb 4] [--html 40]
    python scripts/output_snapshot.py compare BEFORE_DIR AFTER_DIR

``write`` cleans, with the default pipeline, every text input of ``aeb-dev/text-inputs/html-text.json``
and ``trafilatura.json`` (``clean_text``), every ``--every-wcxb``-th page (sorted by id) of
``wcxb-dev/text-inputs/html-text.json``, and the first ``--html`` pages of ``aeb-dev/html/``
(``clean_html``). For each input it records the body, the removals (rule, kind, start, end, reason,
confidence) and the whole ``Article.to_dict()`` without its timings: one JSON file per input set,
plus ``SHA256SUMS``. ``compare`` exits 0 when both folders hold the same files with the same bytes,
and otherwise names the inputs whose output differs (first ten per set).

Write the "before" snapshot from a clean checkout of the starting commit, make the change, write
"after", compare; the commit message then says on how many inputs output was checked.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import newsclean

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"


def record(article: newsclean.Article) -> dict[str, Any]:
    """What a snapshot keeps of one Article: everything but the timings."""
    full = article.to_dict()
    full.pop("timings", None)
    return {
        "body": article.body,
        "removed": [[r.rule, r.kind.value, r.start, r.end, r.reason, r.confidence]
                    for r in article.removed],
        "full": full,
    }


def _texts(path: Path, every: int = 1) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(k, data[k].get("articleBody") or "") for k in sorted(data)[::every]]


def input_sets(bench: Path, every_wcxb: int, html: int) -> Iterable[
        tuple[str, list[tuple[str, Any]], Callable[..., newsclean.Article]]]:
    """(name, [(id, input)], cleaner) for each input set present under ``bench``."""
    aeb, wcxb = bench / "aeb-dev", bench / "wcxb-dev"
    for name in ("html-text", "trafilatura"):
        path = aeb / "text-inputs" / f"{name}.json"
        if path.is_file():
            yield f"aeb-{name}", _texts(path), newsclean.clean_text
    path = wcxb / "text-inputs" / "html-text.json"
    if path.is_file() and every_wcxb > 0:
        yield f"wcxb-html-text-every{every_wcxb}", _texts(path, every_wcxb), newsclean.clean_text
    pages = sorted((aeb / "html").glob("*.html.gz"))[:html]
    if pages:
        yield f"aeb-html{len(pages)}", [(p.name, gzip.decompress(p.read_bytes())) for p in pages], \
            newsclean.clean_html


def write(out: Path, bench: Path, every_wcxb: int = 4, html: int = 40) -> int:
    """Write the snapshot; returns the number of inputs cleaned."""
    out.mkdir(parents=True, exist_ok=True)
    sums, total = [], 0
    for name, items, clean in input_sets(bench, every_wcxb, html):
        result = {key: record(clean(value)) for key, value in items}
        data = json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
        (out / f"{name}.json").write_bytes(data)
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}.json\n")
        total += len(result)
        print(f"{name}: {len(result)} inputs", file=sys.stderr)
    (out / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")
    return total


def compare(before: Path, after: Path) -> list[str]:
    """Differences between two snapshots, one line each; empty when they are identical."""
    problems: list[str] = []
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    for name in names:
        a, b = before / name, after / name
        if not (a.is_file() and b.is_file()):
            problems.append(f"{name}: only in {before if a.is_file() else after}")
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        old, new = json.loads(a.read_bytes()), json.loads(b.read_bytes())
        changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        problems.append(f"{name}: {len(changed)} of {len(old)} inputs differ: {', '.join(changed[:10])}")
    if not names:
        problems.append(f"no snapshot files in {before} or {after}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="clean the dev inputs and write a snapshot")
    w.add_argument("out", type=Path)
    w.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    w.add_argument("--every-wcxb", type=int, default=4)
    w.add_argument("--html", type=int, default=40)
    c = sub.add_parser("compare", help="compare two snapshots")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        total = write(args.out, args.bench, args.every_wcxb, args.html)
        print(f"{total} inputs written to {args.out}")
        return 0 if total else 1
    problems = compare(args.before, args.after)
    n = sum(len(json.loads(p.read_bytes())) for p in args.before.glob("*.json"))
    for line in problems:
        print(line)
    print("identical" if not problems else "DIFFERENT", f"({n} inputs)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
