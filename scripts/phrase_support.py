"""Count on how many different sites each chrome phrase entry matches a line, and prune the lists.

Usage::

    python scripts/phrase_support.py DATA_DIR [DATA_DIR ...] [--report FILE] [--prune] [--min-sites 3]

Every text input of every page of the corpora (aeb-dev layout) is segmented as newsclean segments it,
and every block is matched against the chrome lists of its language (then English, then neutral) the
way ``site_chrome`` matches it; each entry that decides a match is credited with the page's site
(a row of several entries credits each of them). An entry earns its place when it matches on at
least ``--min-sites`` different sites, or when it is a universal notice (the categories in
:data:`UNIVERSAL`: cookie and consent banners, copyright lines, imprint / privacy / terms links, paywall
notices, whose wording is shared by sites everywhere). ``--prune`` rewrites the list files without the
other entries and
records the rule at the top of each file; ``--report`` writes the count of every entry (TSV).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsclean import phrases
from newsclean.evaluation import site_of
from newsclean.learn import document_of

UNIVERSAL = frozenset({"cookie", "copyright", "legal", "paywall"})
"""Categories kept whatever their count: notices that sites print because a law or a universal
practice makes them (cookie consent, copyright lines, the imprint / privacy / terms links, paywall
notices), in the same words everywhere in a language."""
DATA = Path(phrases.__file__).resolve().parent / "data" / "chrome"
HEADER = ("# Pruned by scripts/phrase_support.py: an entry stays when it matched lines on at least "
          "{n} different sites\n# of {corpora} (text inputs), or is a universal notice "
          "(categories: {universal}).\n")

EntryKey = tuple[str, str, str]  # (language, mode, key)


def _line_entry(chain: Sequence[str], pattern: str) -> EntryKey | None:
    key = phrases.normalize(pattern)
    for code in chain:
        for e in phrases.entries(code):
            if e.mode == "line" and e.key == key:
                return (e.language, e.mode, e.key)
    return None


def _scan(items: list[tuple[str, str]]) -> dict[EntryKey, set[str]]:
    """(site, text) pairs -> entry -> sites it matched on."""
    found: dict[EntryKey, set[str]] = defaultdict(set)
    for site, text in items:
        doc = document_of(text, None, "text")
        m = phrases.matcher(doc.language)
        chain = m.languages
        for block in doc.blocks:
            if block.n_words > 40:
                continue
            trimmed = phrases.trim(block.text)
            if not trimmed:
                continue
            e = m._find(trimmed, block.text, phrases.DEFAULT_MAX_WORDS, phrases.DEFAULT_MAX_REGEX_WORDS,
                        phrases.REGEX_TIMEOUT)
            if e is None:
                continue
            if e.row:
                for part in e.pattern.split(" + "):
                    k = _line_entry(chain, part)
                    if k is not None:
                        found[k].add(site)
            else:
                found[(e.language, e.mode, e.key)].add(site)
    return found


def scan(data_dirs: Sequence[Path], jobs: int) -> dict[EntryKey, set[str]]:
    items: list[tuple[str, str]] = []
    for d in data_dirs:
        gt = json.loads((d / "ground-truth.json").read_text("utf-8"))
        for path in sorted((d / "text-inputs").glob("*.json")):
            for doc_id, rec in json.loads(path.read_text("utf-8")).items():
                if doc_id in gt and rec.get("articleBody"):
                    items.append((site_of(gt[doc_id].get("domain"), gt[doc_id].get("url")),
                                  rec["articleBody"]))
    chunks = [items[i:i + 50] for i in range(0, len(items), 50)]
    total: dict[EntryKey, set[str]] = defaultdict(set)
    with ProcessPoolExecutor(jobs) as ex:
        for part in ex.map(_scan, chunks):
            for k, v in part.items():
                total[k] |= v
    return total


def prune_file(path: Path, language: str, support: dict[EntryKey, set[str]], min_sites: int,
               header: str) -> tuple[int, int, list[str]]:
    """Rewrite one list file; returns (kept, dropped, dropped lines)."""
    kept_lines: list[str] = []
    dropped: list[str] = []
    kept = 0
    entries = {e.line_no: e for e in phrases._parse(path.read_text("utf-8"), language, str(path))}
    for no, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if raw.startswith("# Pruned by scripts/phrase_support.py") or (raw.startswith("# of ") and \
                "universal notice" in raw):
            continue
        e = entries.get(no)
        if e is None:
            kept_lines.append(raw)
            continue
        n = len(support.get((e.language, e.mode, e.key), ()))
        if e.category in UNIVERSAL or n >= min_sites:
            kept_lines.append(raw)
            kept += 1
        else:
            dropped.append(f"{language}\t{e.category}\t{e.mode}\t{e.pattern}\t{n}")
    # header after the file's first comment line (its title)
    out = [kept_lines[0], header.rstrip("\n"), *kept_lines[1:]] if kept_lines else [header]
    path.write_text("\n".join(out) + "\n", "utf-8")
    return kept, len(dropped), dropped


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("data_dirs", type=Path, nargs="+")
    ap.add_argument("--min-sites", type=int, default=3)
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--dropped", type=Path, default=None, help="write the dropped entries (TSV)")
    ap.add_argument("--prune", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    support = scan(args.data_dirs, args.jobs)
    if args.report:
        rows = sorted(support.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        args.report.write_text("".join(f"{k[0]}\t{k[1]}\t{k[2]}\t{len(v)}\n" for k, v in rows), "utf-8")
    header = HEADER.format(n=args.min_sites, corpora=" + ".join(d.name for d in args.data_dirs),
                           universal=", ".join(sorted(UNIVERSAL)))
    all_dropped: list[str] = []
    print(f"{'list':6s} {'entries':>8s} {'kept':>6s} {'dropped':>8s}")
    for path in sorted(DATA.glob("*.txt")):
        language = path.stem
        entries = phrases._parse(path.read_text("utf-8"), language, str(path))
        kept = sum(1 for e in entries if e.category in UNIVERSAL
                   or len(support.get((e.language, e.mode, e.key), ())) >= args.min_sites)
        print(f"{language:6s} {len(entries):8d} {kept:6d} {len(entries) - kept:8d}")
        if args.prune:
            _, _, dropped = prune_file(path, language, support, args.min_sites, header)
            all_dropped.extend(dropped)
    if args.dropped and all_dropped:
        args.dropped.write_text("".join(d + "\n" for d in all_dropped), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
