"""Site profiles on a synthetic multi-page corpus: what they remove that single-page rules do not.

Usage::

    python benchmarks/profiles_synthetic.py DATA_DIR [--mode text|html|both] [--seed N] [--min-distinct N]

The public benchmark has at most two pages per site (aeb-dev: 98 hosts, 79 with one page, 19 with
two), too few to learn from. So this script builds sites: each page is one gold article of DATA_DIR
(its ``articleBody``, read at run time, never copied) wrapped in the chrome of one of seven invented
sites, written here in the style of real chrome: mastheads, menus, newsletter and subscription
promos placed inside the story, "about us" paragraphs, author bios, footers with varying years and
numbers, and per-page lines (bylines, dates, related links) that do not recur. Some chrome recurs on
most pages of its site, some only on a third (rotating promos, which a profile learns only when
one happens to be on half of the learning pages). One small site carries three copies of one story
among its five learning pages (syndication), the case ``min_distinct`` guards against: a fourth copy
is among its test pages.

For each site the first half of the pages learn the profile and the other half are cleaned, with
and without it. Reported, per mode (full-page text; HTML with the chrome in header/footer/aside and
inside the article):

* body F1 (the benchmark metric) on the test pages, with and without the profile;
* the ``site_profile`` removals: how many are chrome lines of the template (correct), gold body lines
  (wrong), or other lines;
* recall of template chrome: the share of chrome occurrences on the test pages that are not in the
  output, for recurring chrome (on >= 50% of the site's pages) and rotating chrome, with and without;
* gold body lines kept without the profile and lost with it (must be 0).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import newsclean
from newsclean.evaluation import evaluate
from newsclean.profiles import normalize

NAMES = ["Ada Brennan", "Tomas Okafor", "Lena Fischer", "Priya Raman", "Marco Bellini", "Hana Sato",
         "Owen Price", "Ines Duarte", "Karl Berg", "Maya Cohen"]


@dataclass
class Chrome:
    """A line of site chrome: ``text`` may hold ``{year}``, ``{n}`` and ``{date}``; ``share`` is the
    chance it is on a page; ``place``: top, nav, lead (under the title), mid (inside the story), end
    (after the story), aside, footer."""

    text: str
    share: float
    place: str


@dataclass
class Site:
    host: str
    chrome: list[Chrome]
    pages: int = 0
    bodies: list[str] = field(default_factory=list)


def sites() -> list[Site]:
    return [
        Site("www.harbourgazette.example", [
            Chrome("The Harbour Gazette", 1.0, "top"),
            Chrome("Independent local news since 1887", 1.0, "top"),
            Chrome("News  Sport  Business  Opinion  Weather  Obituaries", 1.0, "nav"),
            Chrome("Get the Gazette's morning briefing in your inbox every weekday. It's free.", 0.9, "mid"),
            Chrome("The Harbour Gazette is an independent, reader-funded newsroom covering the coast and its "
                   "towns. Our journalism is free to read because readers like you support it.", 1.0, "end"),
            Chrome("© {year} Harbour Gazette Media Ltd. Registered in England No. {n}.", 1.0, "footer"),
            Chrome("Contact the newsroom: tips@harbourgazette.example", 0.8, "footer"),
        ]),
        Site("ledger.example", [
            Chrome("METRO LEDGER", 1.0, "top"),
            Chrome("Subscribe now: 12 weeks for $1", 0.95, "top"),
            Chrome("Want more stories like this? Sign up for Ledger Daily, our free evening newsletter.",
                   0.7, "mid"),
            Chrome("Have a news tip? Call our newsroom at 555-0{n} or message us on Signal.", 0.85, "end"),
            Chrome("Metro Ledger, {year}. Terms of Use | Privacy Policy | Cookie Settings", 1.0, "footer"),
        ]),
        Site("www.dailybrief.example", [
            Chrome("Daily Brief", 1.0, "top"),
            Chrome("Menu  Search  Sign in", 1.0, "nav"),
            Chrome("Views expressed by contributors are their own and do not necessarily reflect those of "
                   "Daily Brief or its partners.", 0.75, "end"),
            Chrome("Support Daily Brief: become a member from $5 a month", 0.35, "mid"),
            Chrome("Listen to this story with Daily Brief Audio", 0.33, "mid"),
            Chrome("Read the latest edition of our weekend magazine", 0.33, "mid"),
            Chrome("Daily Brief is published by Brief Media Group, {date}.", 1.0, "footer"),
        ]),
        Site("www.landbote.example", [
            Chrome("Der Landbote", 1.0, "top"),
            Chrome("Politik  Wirtschaft  Kultur  Sport  Region", 1.0, "nav"),
            Chrome("Jetzt den Landbote-Newsletter abonnieren und keine Nachricht mehr verpassen.", 0.8,
                   "mid"),
            Chrome("Sie haben einen Fehler entdeckt? Schreiben Sie uns an korrektur@landbote.example.",
                   0.9, "end"),
            Chrome("© {year} Landbote Verlag GmbH. Alle Rechte vorbehalten.", 1.0, "footer"),
        ]),
        Site("techstreet.example", [
            Chrome("Tech Street", 1.0, "top"),
            Chrome("Sam Rivera writes about technology and transport for Tech Street. Follow Sam on Mastodon "
                   "for more.", 0.8, "end"),
            Chrome("This post may contain affiliate links. We may earn a commission when you buy through "
                   "them.", 0.9, "lead"),
            Chrome("Join 40,000 readers: get Tech Street in your inbox", 0.6, "aside"),
            Chrome("Tech Street {year}. Powered by an open-source publishing platform.", 1.0, "footer"),
        ]),
        Site("www.valleytimes.example", [
            Chrome("The Valley Times", 1.0, "top"),
            Chrome("Home > News > Local", 0.6, "nav"),
            Chrome("To continue reading, log in or create a free account.", 0.55, "mid"),
            Chrome("The Valley Times has been serving the valley since 1903. We are a member of the "
                   "Regional Press Association and follow its code of practice.", 1.0, "end"),
            Chrome("Copyright {year} The Valley Times. All rights reserved. Reproduction without permission "
                   "is prohibited.", 1.0, "footer"),
        ]),
        Site("tiny.example", [
            Chrome("Tiny Courier", 1.0, "top"),
            Chrome("Tiny Courier is run by volunteers. Donate to keep local news alive.", 1.0, "end"),
        ]),
    ]


@dataclass
class Page:
    id: str
    url: str
    site: str
    gold_id: str
    text: str
    html: str
    chrome: list[tuple[str, float]]
    """The template chrome on this page: (text as printed, its share on the site)."""


def _fill(template: str, r: random.Random) -> str:
    date = f"{r.randint(1, 28)} {r.choice(['March', 'June', 'October'])} {r.randint(2015, 2022)}"
    return template.format(year=r.randint(2015, 2022), n=r.randint(1000, 99999), date=date)


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def build_page(site: Site, number: int, gold_id: str, body: str, titles: list[str],
               r: random.Random) -> Page:
    places: dict[str, list[tuple[str, float]]] = {}
    for c in site.chrome:
        if r.random() < c.share:
            places.setdefault(c.place, []).append((_fill(c.text, r), c.share))
    paras = _paragraphs(body)
    title = " ".join(paras[0].split()[:9]).rstrip(".,;:") if paras else "Untitled"
    byline = f"By {r.choice(NAMES)}"
    month = r.choice(["May", "July", "November"])
    date = f"Published {r.randint(1, 28)} {month} 2021, {r.randint(1, 12)}:{r.randint(10, 59)} pm"
    related = [f"Related: {t}" for t in r.sample(titles, 2)]

    def lines(place: str) -> list[str]:
        return [t for t, _ in places.get(place, [])]

    cut = min(2, len(paras))
    text_blocks = (lines("top") + lines("nav") + [title, byline, date] + lines("lead") + paras[:cut]
                   + lines("mid") + paras[cut:] + lines("end") + related + lines("aside") + lines("footer"))
    e = html.escape
    p = "".join
    page_html = (
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)} | "
        f"{e(site.host)}</title></head><body>"
        f"<header><div class=\"masthead\">{p(f'<p>{e(t)}</p>' for t in lines('top'))}</div>"
        f"<nav>{p(f'<a href=/s>{e(t)}</a>' for t in lines('nav'))}</nav></header>"
        f"<main><article><h1>{e(title)}</h1><p class=\"byline\">{e(byline)}</p><p><time>{e(date)}</time></p>"
        + p(f"<p><em>{e(t)}</em></p>" for t in lines("lead"))
        + p(f"<p>{e(t)}</p>" for t in paras[:cut])
        + p(f"<p><strong>{e(t)}</strong></p>" for t in lines("mid"))
        + p(f"<p>{e(t)}</p>" for t in paras[cut:])
        + p(f"<p><i>{e(t)}</i></p>" for t in lines("end"))
        + "</article>"
        f"<aside class=\"related\"><ul>{p(f'<li><a href=/r>{e(t)}</a></li>' for t in related)}</ul>"
        + p(f"<p>{e(t)}</p>" for t in lines("aside")) + "</aside></main>"
        f"<footer>{p(f'<p>{e(t)}</p>' for t in lines('footer'))}</footer></body></html>")
    chrome = [pair for pairs in places.values() for pair in pairs]
    host = site.host
    return Page(f"{host.removeprefix('www.')}-{number}", f"https://{host}/news/{number}-{gold_id[:8]}",
                host.removeprefix("www."), gold_id, "\n\n".join(text_blocks), page_html, chrome)


def build_corpus(gold: dict[str, str], seed: int) -> tuple[list[Page], list[Page]]:
    """(learning pages, test pages)."""
    r = random.Random(seed)
    ids = sorted(gold)
    r.shuffle(ids)
    titles = [" ".join(_paragraphs(gold[i])[0].split()[:8]) for i in ids if _paragraphs(gold[i])]
    all_sites = sites()
    tiny, big = all_sites[-1], all_sites[:-1]
    # tiny.example: five learning pages, three of them copies of one story; a fourth copy is tested.
    tiny_ids = [ids[0], ids[0], ids[0], ids[1], ids[2]], [ids[0], ids[3], ids[4]]
    rest = ids[5:]
    learn: list[Page] = []
    test: list[Page] = []
    for k, site in enumerate(big):
        mine = rest[k::len(big)]
        half = len(mine) // 2
        for j, gid in enumerate(mine):
            page = build_page(site, j, gid, gold[gid], titles, r)
            (learn if j < half else test).append(page)
    for j, gid in enumerate(tiny_ids[0] + tiny_ids[1]):
        page = build_page(tiny, j, gid, gold[gid], titles, r)
        (learn if j < 5 else test).append(page)
    return learn, test


def _keys(lines: list[str]) -> set[str]:
    return {normalize(x) for x in lines if normalize(x)}


def run(mode: str, learn: list[Page], test: list[Page], gold: dict[str, str],
        min_distinct: int) -> dict[str, object]:
    field_name = "html" if mode == "html" else "text"
    docs = [{"url": pg.url, field_name: getattr(pg, field_name)} for pg in learn]
    t0 = time.perf_counter()
    profiles = newsclean.learn_profile(docs, min_distinct=min_distinct)
    learn_s = time.perf_counter() - t0
    stats: dict[str, int] = {"profile_removals": 0, "profile_chrome": 0, "profile_body": 0,
                             "profile_other": 0, "lost_body_lines": 0}
    chrome_counts = {"recurring": [0, 0, 0], "rotating": [0, 0, 0]}  # occurrences, gone without, gone with
    preds: dict[str, dict[str, str]] = {"without": {}, "with": {}}
    for pg in test:
        data = getattr(pg, field_name)
        a0 = newsclean.clean(data, url=pg.url, mode=mode)
        a1 = newsclean.clean(data, url=pg.url, mode=mode, profiles=profiles)
        preds["without"][pg.id] = a0.body
        preds["with"][pg.id] = a1.body
        out0, out1 = _keys(a0.paragraphs), _keys(a1.paragraphs)
        body_keys = _keys(_paragraphs(gold[pg.gold_id]))
        chrome_keys = _keys([t for t, _ in pg.chrome])
        for rem in a1.removed:
            if rem.rule != "site_profile":
                continue
            stats["profile_removals"] += 1
            key = normalize(rem.text)
            bucket = ("profile_chrome" if key in chrome_keys else "profile_body" if key in body_keys
                      else "profile_other")
            stats[bucket] += 1
        stats["lost_body_lines"] += len((body_keys & out0) - out1)
        for text, share in pg.chrome:
            kind = "recurring" if share >= 0.5 else "rotating"
            key = normalize(text)
            c = chrome_counts[kind]
            c[0] += 1
            c[1] += key not in out0
            c[2] += key not in out1
    gold_test = {pg.id: gold[pg.gold_id] for pg in test}
    s0 = evaluate(preds["without"], gold_test, bootstrap=0)
    s1 = evaluate(preds["with"], gold_test, bootstrap=0)
    return {"mode": mode, "learn_pages": len(learn), "test_pages": len(test),
            "learn_seconds": round(learn_s, 2),
            "sites_profiled": len(profiles), "recurring_lines": sum(len(s.lines) for s in profiles),
            "f1_without": s0.f1, "f1_with": s1.f1, "p_without": s0.precision, "p_with": s1.precision,
            "r_without": s0.recall, "r_with": s1.recall, **stats, "chrome": chrome_counts,
            "profiles": profiles}


def report(res: dict[str, object]) -> str:
    c = res["chrome"]
    assert isinstance(c, dict)
    lines = [
        f"== {res['mode']} mode: learned on {res['learn_pages']} pages ({res['learn_seconds']} s), "
        f"cleaned {res['test_pages']} test pages; {res['sites_profiled']} site profiles, "
        f"{res['recurring_lines']} recurring lines",
        f"body F1 {res['f1_without']:.4f} -> {res['f1_with']:.4f} (P {res['p_without']:.4f} -> "
        f"{res['p_with']:.4f}, R {res['r_without']:.4f} -> {res['r_with']:.4f})",
        f"site_profile removals {res['profile_removals']}: template chrome {res['profile_chrome']}, "
        f"gold body lines {res['profile_body']}, other {res['profile_other']}",
        f"gold body lines kept without the profile and lost with it: {res['lost_body_lines']}",
    ]
    for kind, (n, gone0, gone1) in c.items():
        if n:
            lines.append(f"{kind} chrome on test pages: {n}; removed without profile {gone0} "
                         f"({gone0 / n:.0%}), with profile {gone1} ({gone1 / n:.0%})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", help="a bench folder with ground-truth.json (aeb-dev)")
    ap.add_argument("--mode", choices=("text", "html", "both"), default="both")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-distinct", type=int, default=3, help="learn_profile min_distinct (1: guard off)")
    ap.add_argument("--save-profiles", metavar="FILE", help="write the learned profiles (last mode)")
    ap.add_argument("--show", action="store_true", help="print the learned recurring lines")
    args = ap.parse_args(argv)
    truth = json.loads((Path(args.data_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {k: v["articleBody"] for k, v in truth.items() if v.get("articleBody")}
    learn, test = build_corpus(gold, args.seed)
    for mode in (("text", "html") if args.mode == "both" else (args.mode,)):
        res = run(mode, learn, test, gold, args.min_distinct)
        print(report(res))
        profiles = res["profiles"]
        assert isinstance(profiles, newsclean.Profiles)
        if args.show:
            for sp in profiles:
                for line in sp.lines:
                    print(f"   {sp.site:24} {line.share:5.0%} {line.position:6} {line.text[:80]}")
        if args.save_profiles:
            profiles.save(args.save_profiles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
