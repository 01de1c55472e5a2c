"""HTML mode against trafilatura per page type, plus title/author/date against the gold metadata.

Usage::

    python benchmarks/pagetypes.py DATA_DIR [--limit N | --sample N] [--cache FILE] [--per-page FILE]

DATA_DIR is laid out like ``wcxb-dev`` (``ground-truth.json`` with ``page_type`` and the gold
``title``/``author``/``published``, ``html/ID.html.gz``). For every page it runs newsclean
``clean_html(bytes, url=...)`` and trafilatura ``extract(html, include_comments=False)`` (its
metadata from the same call, ``with_metadata=True``, which leaves the text unchanged), then prints:

* body F1 (P, R) of both per gold page type and overall, with :mod:`newsclean.evaluation`'s metric,
  leaving out pages with an empty gold or ``gold_in_page`` < 0.8 (the corpus README's rule);
* how often newsclean's detected ``page_type`` is the gold one (on the shipped classifier, which
  saw these pages in training: the out-of-fold figures come from ``scripts/train_page_type.py``);
* on gold articles, titles, authors and dates right (and authors wrong) for both.

Metadata comparison (:func:`title_right`, :func:`authors_right`, :func:`date_right`): titles equal
after case folding and keeping only word characters; authors as a *set* of names (split on ``,``
``;`` ``&`` ``|`` and ``and``; degrees such as ``MD``/``PhD`` dropped) equal to the gold set; dates
the same day. ``--cache`` keeps trafilatura's results in a JSON file between runs (they do not
change while newsclean does).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import regex

import newsclean
from newsclean.evaluation import Score, evaluate, format_table, load_bench, score_document

MIN_GOLD_IN_PAGE = 0.8
_WORD = regex.compile(r"\w+")
_LIST_SPLIT = regex.compile(r"\s*[,;&|/]\s*")
_AND_SPLIT = regex.compile(r"\s*(?:\band\b|\bund\b|\bet\b|\by\b)\s*", regex.IGNORECASE)
_DEGREES = frozenset(regex.findall(
    r"\S+", "md m.d phd ph.d ms msc rd rdn mba ma ba bsc jd esq cpa cfa lcsw rn np dr mr mrs facp "
    "facs faclm fand cscs do dds dmd mph dvm"))


def norm_title(text: str | None) -> str:
    """Case-folded words of a title joined by one space (punctuation and spacing ignored)."""
    return " ".join(_WORD.findall((text or "").casefold()))


_ROLES = frozenset(regex.findall(
    r"\S+", "expert director ceo founder cofounder editor writer reporter dietitian attorney "
    "consultant manager specialist contributor columnist correspondent sr senior years"))


def author_names(value: str | Iterable[str] | None) -> frozenset[str]:
    """The normalised names in an author field: a string (gold) or a list (found).

    A piece that is a job description ("Shipping Expert", "CEO of CaseBasix", "Home and Digital
    Security Expert": told before "and" splits names) or a degree is no name, in the gold as in
    what is found.
    """
    if not value:
        return frozenset()
    parts = [value] if isinstance(value, str) else list(value)
    names: set[str] = set()
    roles: set[str] = set()
    for part in parts:
        for listed in _LIST_SPLIT.split(part):
            if _ROLES.intersection(_WORD.findall(listed.casefold())):
                pieces = [listed]
            else:
                pieces = _AND_SPLIT.split(listed)
            for piece in pieces:
                words = _WORD.findall(piece.casefold())
                key = " ".join(w for w in words if w.replace(".", "") not in _DEGREES)
                if key:
                    (roles if _ROLES.intersection(words) else names).add(key)
    return frozenset(names or roles)  # "SFist Contributor" alone is the byline


def title_right(found: str | None, gold: str | None) -> bool:
    return bool(gold) and bool(found) and norm_title(found) == norm_title(gold)


def authors_right(found: Iterable[str] | str | None, gold: str | None) -> bool:
    want = author_names(gold)
    return bool(want) and author_names(found) == want


def date_right(found: str | None, gold: str | None) -> bool:
    return bool(gold) and bool(found) and str(found)[:10] == str(gold)[:10]


def metadata_table(rows: Mapping[str, Sequence[tuple[dict[str, Any], dict[str, Any]]]]) -> str:
    """One line per system: titles, authors right/wrong and dates right, out of the gold counts.

    ``rows`` maps a system name to ``(found, gold)`` pairs, each a dict with ``title``,
    ``authors`` and ``published``.
    """
    lines = ["| system | titles right | authors right / wrong (found) | dates right |",
             "|---|---|---|---|"]
    for name, pairs in rows.items():
        n_title = sum(1 for _, g in pairs if g.get("title"))
        n_author = sum(1 for _, g in pairs if g.get("authors"))
        n_date = sum(1 for _, g in pairs if g.get("published"))
        t_ok = sum(title_right(f.get("title"), g.get("title")) for f, g in pairs)
        a_ok = sum(authors_right(f.get("authors"), g.get("authors")) for f, g in pairs)
        a_found = sum(1 for f, g in pairs if g.get("authors") and f.get("authors"))
        d_ok = sum(date_right(f.get("published"), g.get("published")) for f, g in pairs)
        lines.append(f"| {name} | {t_ok} of {n_title} | {a_ok} / {a_found - a_ok} ({a_found} of "
                     f"{n_author}) | {d_ok} of {n_date} |")
    return "\n".join(lines)


def _trafilatura(html: bytes, url: str | None) -> dict[str, Any]:
    import trafilatura

    text = html.decode("utf-8", errors="replace")
    raw = trafilatura.extract(text, url=url, include_comments=False, output_format="json",
                              with_metadata=True)
    data = json.loads(raw) if raw else {}
    author = data.get("author")
    return {"text": data.get("text") or "", "title": data.get("title"),
            "authors": [a.strip() for a in author.split(";")] if author else [],
            "published": data.get("date")}


def _newsclean(html: bytes, url: str | None, page_type: str | None = None) -> dict[str, Any]:
    article = newsclean.clean_html(html, url=url, page_type=page_type)
    page_type = getattr(article.metadata, "page_type", None)
    return {"text": article.body, "title": article.title, "authors": article.metadata.authors,
            "published": article.metadata.published,
            "page_type": getattr(page_type, "value", page_type)}


def _progress(items: Sequence[str], label: str) -> Iterable[str]:
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return items
    return tqdm(items, desc=label, file=sys.stderr, leave=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="the first N pages only")
    parser.add_argument("--sample", type=int, default=0, help="N pages drawn at random (seed 0)")
    parser.add_argument("--only", help="pages of this gold page type only")
    parser.add_argument("--cache", type=Path, help="JSON file keeping trafilatura's results")
    parser.add_argument("--per-page", type=Path, help="CSV with one row per page")
    parser.add_argument("--page-types", type=Path,
                        help="JSON id -> page type used instead of the detection (the --oof file "
                             "of scripts/train_page_type.py: out-of-fold scores)")
    args = parser.parse_args(argv)
    gt_path = args.data_dir / "ground-truth.json"
    if not gt_path.is_file():
        print(f"no benchmark at {args.data_dir}", file=sys.stderr)
        return 2
    bench = load_bench(args.data_dir)
    truth: dict[str, dict[str, Any]] = json.loads(gt_path.read_text(encoding="utf-8"))
    for row in truth.values():  # aeb-dev has no page types: all its pages are articles
        row.setdefault("page_type", "article")
    ids = sorted(k for k in truth if bench.html_path(k).exists())
    if args.only:
        ids = [k for k in ids if truth[k]["page_type"] == args.only]
    if args.sample:
        ids = sorted(random.Random(0).sample(ids, min(args.sample, len(ids))))
    elif args.limit:
        ids = ids[: args.limit]

    cache: dict[str, dict[str, Any]] = {}
    if args.cache and args.cache.is_file():
        cache = json.loads(args.cache.read_text(encoding="utf-8"))
    forced: dict[str, str] = {}
    if args.page_types:
        oof = json.loads(args.page_types.read_text(encoding="utf-8"))
        prefix = f"{args.data_dir.name}/"
        forced = {k.removeprefix(prefix): v for k, v in oof.items() if k.startswith(prefix)}
    ours: dict[str, dict[str, Any]] = {}
    theirs: dict[str, dict[str, Any]] = {}
    for k in _progress(ids, "pages"):
        html = bench.read_html(k)
        url = truth[k].get("url")
        ours[k] = _newsclean(html, url, forced.get(k))
        if k not in cache:
            cache[k] = _trafilatura(html, url)
        theirs[k] = cache[k]
    if args.cache:
        args.cache.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")

    def usable(k: str) -> bool:
        share = truth[k].get("gold_in_page")  # absent (aeb-dev): the gold is all in the page
        return bool(bench.gold.get(k, "").strip()) and (
            share is None or float(share) >= MIN_GOLD_IN_PAGE)

    by_type: dict[str, list[str]] = defaultdict(list)
    for k in ids:
        if usable(k):
            by_type[truth[k]["page_type"]].append(k)
    scored = sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    groups = [*scored, ("all", [k for _, ks in scored for k in ks])]
    rows: list[tuple[str, Score]] = []
    deltas: list[str] = []
    for name, ks in groups:
        gold = {k: bench.gold[k] for k in ks}
        mine = evaluate({k: ours[k]["text"] for k in ks}, gold, bootstrap=0)
        ref = evaluate({k: theirs[k]["text"] for k in ks}, gold, bootstrap=0)
        rows += [(f"{name} newsclean", mine), (f"{name} trafilatura", ref)]
        deltas += [f"{mine.f1 - ref.f1:+.3f}", ""]
    print(f"Body F1 on {args.data_dir} ({sum(len(ks) for _, ks in scored)} usable of {len(ids)} "
          "pages), newsclean HTML mode vs trafilatura.extract(include_comments=False)")
    print(format_table(rows, {"ΔF1": deltas}))

    detected = Counter((truth[k]["page_type"], ours[k].get("page_type")) for k in ids)
    if any(p for (_, p) in detected):
        right = sum(n for (g, p), n in detected.items() if g == p)
        how = "given by --page-types" if forced else "detected, in-sample"
        print(f"\nPage type = gold on {right} of {len(ids)} pages ({how})")
        kinds = sorted({g for g, _ in detected} | {str(p) for _, p in detected})
        print("| gold \\ detected | " + " | ".join(kinds) + " |")
        print("|---|" + "---|" * len(kinds))
        for g in sorted({g for g, _ in detected}):
            print(f"| {g} | " + " | ".join(str(detected.get((g, p), 0)) for p in kinds) + " |")

    articles = [k for k in ids if truth[k]["page_type"] == "article"]
    gold_meta = {k: {"title": truth[k].get("title"), "authors": truth[k].get("author"),
                     "published": truth[k].get("published")} for k in articles}
    print(f"\nMetadata on {len(articles)} gold articles")
    print(metadata_table({
        "newsclean": [(ours[k], gold_meta[k]) for k in articles],
        "trafilatura": [(theirs[k], gold_meta[k]) for k in articles],
    }))

    if args.per_page:
        with args.per_page.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "page_type", "detected", "usable", "f1_newsclean",
                             "f1_trafilatura", "authors", "gold_author"])
            for k in ids:
                gold = bench.gold.get(k, "")
                f_ours = score_document(ours[k]["text"], gold).f1
                f_ref = score_document(theirs[k]["text"], gold).f1
                writer.writerow([k, truth[k]["page_type"], ours[k].get("page_type"), usable(k),
                                 f"{f_ours or 0:.3f}", f"{f_ref or 0:.3f}",
                                 "; ".join(ours[k]["authors"] or []), truth[k].get("author")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
