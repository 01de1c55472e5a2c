"""A tiny synthetic crawl for the site-profile examples of docs/scale.md and docs/cli.md.

Why: those examples read ``crawl.jsonl``, a user's crawl. The docs test writes this one in its
scratch folder instead (``python tests/doccrawl.py crawl.jsonl``): eight HTML pages of one invented
site, each with its own story and the same promo line inside it, which a profile must learn. Every
string is written here; nothing is read from a benchmark.
"""

from __future__ import annotations

import json
import sys

SITE = "https://www.harbourgazette.example/news/"
PROMO = "Get the Gazette's morning briefing in your inbox every weekday. It's free."
PLACES = ["the harbour", "the old town", "the river bank", "the north quay", "the station",
          "the market square", "the university", "the ferry terminal"]
EVENTS = ["a new footbridge", "a food festival", "a rowing regatta", "a housing plan",
          "a school extension", "a cycle lane", "a museum wing", "a night bus route"]


def page(n: int) -> dict[str, str]:
    """Page ``n``: its URL and HTML (story ``n``, with the site's promo between two paragraphs)."""
    place, event = PLACES[n % len(PLACES)], EVENTS[n % len(EVENTS)]
    paragraphs = [
        f"The council on Tuesday approved {event} near {place}, after a debate that lasted {n + 3} hours.",
        PROMO,
        f"Residents of {place} said they had waited {n + 2} years for {event} and welcomed the vote.",
        f"Work on {event} is due to start in spring and to cost {n + 4} million pounds, officials said.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><head><title>Council backs {event}</title></head><body><article>"
            f"<h1>Council backs {event}</h1>{body}</article></body></html>")
    return {"id": f"page-{n}", "url": f"{SITE}{n}", "html": html}


def pages(count: int = 8) -> list[dict[str, str]]:
    return [page(n) for n in range(count)]


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for doc in pages():
            out.write(json.dumps(doc) + "\n")
