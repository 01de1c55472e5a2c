"""The ``table`` rule: rows of a data table, written as ``|``-separated cells, are kept."""

from __future__ import annotations

import pytest
from stories import STORY, page

import newsclean
from newsclean import Action, Context
from newsclean.ingest.segment import segment
from newsclean.rules.tables import Table

MOVERS = [
    "Home Size | Crew Size | Move Time | Estimated Cost",
    "Studio | 2 movers | 2-3 hours | $400 - $600",
    "2 Bedroom House | 3 movers | 4-5 hours | $900 - $1,300",
    "4 Bedroom House | 4 movers | 7-9 hours | $1,800 - $2,600",
]
CHECKS = [
    "Feature | Free | Pro | Team",
    "Unlimited projects | ✗ | ✓ | ✓",
    "Shared workspaces | ✗ | ✗ | ✓",
]
RATINGS = [  # a Japanese comparison of tomato varieties: graded with ◎ ○ △, no figure anywhere
    "品種 | 育てやすさ | 甘さ | ひとこと",
    "アイコ | ◎ | ○ | 細長い実で割れにくい。初心者向き",
    "千果 | ◎ | ◎ | 病気に強く収量も多い",
    "シシリアンルージュ | ○ | △ | ソースにすると絶品",
]
STARS = [
    "Camera | Battery | Screen | Verdict",
    "Pixel | ★★★★☆ | ★★★☆☆ | Best for photos",
    "Galaxy | ★★★☆☆ | ★★★★★ | Best screen",
]
FRAMED = ["| Pos | Player | Team |", "| DL | Jane Doe | Harbour City |", "| LB | John Roe | Port Town |"]


def kept(text: str) -> list[int]:
    vs = list(Table().apply(segment(text), Context()))
    assert all(v.action is Action.KEEP and v.rule == "table" for v in vs)
    return [v.block for v in vs]


@pytest.mark.parametrize("rows", [MOVERS, CHECKS, RATINGS, STARS, FRAMED],
                         ids=["prices", "check-marks", "rating-marks", "stars", "framed"])
def test_rows_of_a_table_are_kept(rows: list[str]) -> None:
    assert kept(page(*STORY[:2], *rows, *STORY[2:])) == list(range(2, 2 + len(rows)))


def test_an_empty_last_cell_does_not_break_the_table() -> None:
    rows = ["Codepoint Range | Byte 1 | Byte 2 | Byte 3", "U+0000 – U+007F | 0xxxxxxx | |",
            "U+0080 – U+07FF | 110xxxxx | 10xxxxxx |", "U+0800 – U+FFFF | 1110xxxx | 10xxxxxx | 10xxxxxx"]
    assert kept(page(*STORY, *rows)) == [4, 5, 6, 7]


def test_the_whole_pipeline_keeps_a_table_the_line_model_would_drop() -> None:
    # a table closing the story: each row alone reads as chrome to the line model (which drops
    # nothing on so short an input, read as an extract, unless its gate limit is lifted)
    text = page(*STORY, *MOVERS)
    assert newsclean.clean(text).paragraphs == [*STORY, *MOVERS]
    without = newsclean.default_pipeline().without("table").with_options("line_scorer",
                                                                        max_drop_gate=2.0)
    article = newsclean.clean(text, pipeline=without)
    assert article.paragraphs == STORY
    assert {r.rule for r in article.removed} == {"line_scorer"}


@pytest.mark.parametrize("lines", [
    ["Home | News | Sport | Weather"],
    ["About us | Contact | Careers | Advertise", "Privacy | Terms of use | Cookies | Sitemap",
     "Newsletters | Podcasts | Apps | Archive"],
    ["Page 1 | 2 | 3 | Next", "Home | News | Sport | Contact"],
    ["Strike halts trains | Minister flies to Paris | Storm warning for the coast | Derby won 2-1"],
    ["Home | News", "Sport | Weather", "Local | 24 Hours"],
    ["Home | News | Sport | ×", "Politics | Business | Culture | Search"],
    ["★ Favourites | Home | News | Sport", "About us | Contact | Careers | Advertise",
     "Privacy | Terms of use | Cookies | Sitemap"],
], ids=["one-menu-line", "footer-menus-without-figures", "pagination-over-menu", "ticker",
        "two-cells", "menu-with-a-close-button", "menus-under-a-starred-label"])
def test_menus_tickers_and_short_runs_are_not_tables(lines: list[str]) -> None:
    assert kept(page(*STORY, *lines)) == []
