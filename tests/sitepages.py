"""Synthetic multi-page sites for the site-profile tests: generated article bodies wrapped in chrome
lines written here (no benchmark data)."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

SUBJECTS = ["The city council", "The regional health board", "A group of local farmers", "The port authority",
            "Teachers at the central school", "The transport minister", "Residents of the old quarter",
            "The water company", "Police in the northern district", "The university's research team"]
VERBS = ["approved", "rejected", "delayed", "criticised", "announced", "questioned", "funded", "reviewed"]
OBJECTS = ["a plan to rebuild the harbour wall", "the budget for next year", "new rules for night buses",
           "a study of river pollution", "the closure of two clinics", "a proposal to widen the ring road",
           "higher fees for parking permits", "a scheme to plant trees along the canal"]
TAILS = ["after a meeting that lasted until late in the evening",
         "despite objections from opposition members", "in a statement published on its website",
         "following months of debate in the local press",
         "according to documents seen by reporters", "in a vote that surprised many observers"]
QUOTES = ["This is the most important decision we have taken in years", "We were not consulted at all",
          "The numbers simply do not add up", "People here have waited long enough for this",
          "We will keep a close eye on how the money is spent"]
NAMES = ["Ada Brennan", "Tomas Okafor", "Lena Fischer", "Priya Raman", "Marco Bellini", "Hana Sato"]

HEADER = ["The Example Times", "News  Sport  Business  Opinion  Weather"]
PROMO = "Get the Example Times morning briefing in your inbox every weekday. It's free."
ABOUT = ("The Example Times is an independent, reader-funded newsroom covering the coast and its towns. "
         "Our journalism is free to read because readers like you support it.")
FOOTER = "© {year} Example Times Media Ltd. Registered in England No. {n}."


def paragraph(r: random.Random) -> str:
    first = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}."
    years = r.randint(2, 30)
    second = f"\"{r.choice(QUOTES)},\" said {r.choice(NAMES)}, who has followed the issue for {years} years."
    day = r.randint(1, 900)
    third = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} on day {day} of the dispute."
    return " ".join([first, second, third])


def body(seed: int, n: int = 5) -> list[str]:
    r = random.Random(seed)
    return [paragraph(r) for _ in range(n)]


@dataclass
class SitePage:
    url: str
    text: str
    html: str
    body: list[str]
    title: str


def page(i: int, site: str = "example.com", *, body_seed: int | None = None, promo: bool = True,
         about: bool = True) -> SitePage:
    """Page ``i`` of ``site``: header, title, byline, body with a promo line after the second
    paragraph, an about-us paragraph, a footer whose year and number vary."""
    r = random.Random(i * 7919 + len(site))
    paras = body(i if body_seed is None else body_seed)
    # a title tells its story (the title rule checks that they share words): the first paragraph's
    # opening clause; the draw stays, so bylines and footers are as before
    r.choice(OBJECTS)
    clause = paras[0].split(".")[0]
    for tail in TAILS:
        clause = clause.removesuffix(" " + tail)
    title = f"Council story {i}: {clause[0].lower()}{clause[1:]}".capitalize()
    byline = f"By {r.choice(NAMES)}"
    lines = [*HEADER, title, byline, *paras[:2]]
    lines += [PROMO] if promo else []
    lines += paras[2:]
    lines += [ABOUT] if about else []
    footer = FOOTER.format(year=r.randint(2015, 2022), n=r.randint(10000, 99999))
    lines.append(footer)
    e = html.escape
    mid = f"<p><strong>{e(PROMO)}</strong></p>" if promo else ""
    html_page = (
        f"<html><head><title>{e(title)}</title></head><body><header><p>{e(HEADER[0])}</p>"
        f"<nav>{e(HEADER[1])}</nav></header><main><article><h1>{e(title)}</h1><p>{e(byline)}</p>"
        + "".join(f"<p>{e(p)}</p>" for p in paras[:2]) + mid
        + "".join(f"<p>{e(p)}</p>" for p in paras[2:])
        + (f"<p><i>{e(ABOUT)}</i></p>" if about else "")
        + f"</article></main><footer><p>{e(footer)}</p></footer></body></html>")
    return SitePage(f"https://www.{site}/news/{i}", "\n\n".join(lines), html_page, paras, title)


def documents(n: int, site: str = "example.com", *, field: str = "text",
              start: int = 0) -> list[dict[str, str]]:
    return [{"url": p.url, field: getattr(p, field), "id": f"{site}-{i}"}
            for i in range(start, start + n) for p in [page(i, site)]]
