"""Named junk around real article bodies: how much of it text mode removes, per shape.

Usage::

    python benchmarks/junk.py BENCH_DIR [--shapes numbered,ticker] [--every N] [--seed N] [--show N]
    python benchmarks/junk.py BENCH_DIR --blind [--show N]

BENCH_DIR holds ``aeb-dev`` and ``wcxb-dev`` (read at run time, never copied). Every gold body of
both corpora gets junk of each shape inserted (lists of other stories' headlines under a label,
numbered, bulleted, dashed with a time, or bare; one ``Read more: <headline>`` line inside the
body; a ticker strip at the top), in English, German, French or Spanish in turn; the pages are
built by ``tests/junkpages.py``. Printed: per shape, the junk lines removed and the body paragraphs
(8+ words) kept, and the same bodies cleaned with nothing inserted.

The generated junk uses the same labels the rules know; ``--blind`` measures junk nobody here wrote
instead: ``fixtures/heldout-junk``, eight languages (and second, third and fourth writers of four)
by helpers who never saw the lists (labels, headlines, kickers, times, read-more lines, tickers as
they chose), and their own articles with their own lists, which must stay.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import junkpages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, help="folder holding aeb-dev and wcxb-dev")
    parser.add_argument("--shapes", default=",".join(junkpages.SHAPES))
    parser.add_argument("--every", type=int, default=1, help="take every N-th body (a subset)")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--show", type=int, default=0, help="print up to N misses and losses per shape")
    parser.add_argument("--write-losses", type=Path, metavar="FILE",
                        help="write the gold bodies' losses, cleaned alone, as the known-loss list "
                             "of tests/test_gold_bodies.py (every body, whatever --every says), and stop")
    parser.add_argument("--articles", action="store_true",
                        help="only article bodies (aeb-dev, and wcxb-dev pages of type article)")
    parser.add_argument("--blind", action="store_true",
                        help="the junk of fixtures/heldout-junk instead (written blind by helpers, "
                             "eight languages): per shape, for the files read while the rules "
                             "were written (seen, seen_2) and for those held out, and stop")
    args = parser.parse_args(argv)

    bodies = junkpages.load_bodies(args.bench)
    if args.blind:
        return _blind(bodies, args.show)
    if args.write_losses:
        losses = junkpages.losses_by_page(bodies)
        known = {k: {"lost": n, "why": why} for k, (n, why) in sorted(losses.items())}
        args.write_losses.write_text(json.dumps(known, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"{len(known)} bodies lose {sum(n for n, _ in losses.values())} paragraphs: "
              f"written to {args.write_losses}")
        return 0
    if args.articles:
        bodies = [b for b in bodies if b.page_type == "article"]
    bodies = bodies[::args.every]
    headlines = junkpages.load_headlines(args.bench)
    started = time.perf_counter()
    clean = junkpages.Tally()
    for body in bodies:
        out = junkpages.default_clean(body.text)
        junkpages.score(junkpages.JunkPage("none", "en", body, ""), out, clean,
                        junkpages.lost_paragraphs(body, out))
    shapes = [s for s in args.shapes.split(",") if s]
    tallies = junkpages.measure(junkpages.pages(bodies, headlines, shapes, seed=args.seed))
    print(f"{len(bodies)} bodies, {len(shapes)} shapes, {time.perf_counter() - started:.0f} s")
    print(junkpages.table({**tallies, "(nothing)": clean}))
    for shape, t in {**tallies, "(nothing)": clean}.items():
        for doc_id, line in t.misses[:args.show]:
            print(f"  miss {shape} {doc_id}: {line[:110]!r}")
        for doc_id, para in t.losses[:args.show]:
            print(f"  LOST {shape} {doc_id}: {para[:110]!r}")
    return 0


def _blind(bodies: list[junkpages.Body], show: int) -> int:
    """The blind junk (``fixtures/heldout-junk``) around every 7th gold article body and the
    helpers' own articles: the tables for the languages seen, held out (session 33), held out
    (session 34's second writers), held out (session 35's third writers) and seen (session 36's
    fourth writers, development data), and the articles' own list lines kept when each is cleaned
    alone. ``show`` prints misses of the seen files only: the held-out files stay unread."""
    articles = [b for b in bodies if b.page_type == "article"][::7]
    langs = sorted(p.stem for p in junkpages.BLIND_DIR.glob("*.json"))
    groups = junkpages.blind_groups(langs)
    for name, group in groups.items():
        started = time.perf_counter()
        pages, own = junkpages.blind_pages(articles, group)
        tallies = junkpages.measure(pages)
        kept, total = junkpages.own_lists_kept(own)
        total_junk = sum(t.junk for t in tallies.values())
        removed = sum(t.removed for t in tallies.values())
        print(f"{name} ({', '.join(group)}): {len(pages)} pages, "
              f"{time.perf_counter() - started:.0f} s; junk lines removed {removed}/{total_junk} "
              f"({100 * removed / max(total_junk, 1):.1f} %); the articles' own list lines kept "
              f"{kept}/{total}")
        print(junkpages.table(tallies))
        for shape, t in tallies.items():
            for doc_id, line in t.misses[:show if name.startswith("seen") else 0]:
                print(f"  miss {shape} {doc_id}: {line[:110]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
