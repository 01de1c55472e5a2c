"""Floors for junk nobody here wrote (``fixtures/heldout-junk``, eight languages written blind by
helpers in session 33, four more files by second writers of English, German, French and Spanish
in session 34, four by third writers of English, Italian, Dutch and Portuguese in session 35, four
by fourth writers of English, German, French and Spanish in session 36, read as development data)
around real gold bodies and the helpers' own articles: per language group, the share of junk lines
removed, the body paragraphs kept, and the articles' own list lines kept.
``benchmarks/junk.py BENCH --blind`` prints the full table. Skipped when the corpora are absent
(the real bodies come from them); about 35 s."""

from __future__ import annotations

import pytest
from junkpages import (
    BLIND_DIR,
    BlindArticle,
    Tally,
    bench_root,
    blind_groups,
    blind_pages,
    load_bodies,
    measure,
    own_lists_kept,
)

LANGS = sorted(p.stem for p in BLIND_DIR.glob("*.json"))
GROUPS = blind_groups(LANGS)
REMOVED_FLOOR = {"seen": 0.955, "held_out": 0.96, "held_out_2": 0.935, "held_out_3": 0.915,
                 "seen_2": 0.955}
"""Measured in session 34: 0.945 (1,265 of 1,339 lines), 0.971 (1,308 of 1,347) and, on the second
writers' files (added late in the session, never read), 0.915 (1,243 of 1,359); at session 34's
start 0.885, 0.958 and 0.879; at 905af48, before session 33's rules, 0.623 and 0.558 (a junk line
of three words or fewer counts as kept only in an output paragraph that is no line of the body:
``junkpages._kept_junk``). The third writers' files (session 35), measured when they came in, before
any rule change of that session (at 06bfc16): 0.923 (1,218 of 1,320). Session 35's kicker boxes
weighed without their own words (``headline_list.related_box``): seen 0.945 -> 0.950, the second
writers 0.915 -> 0.946 (their totals had been measured before, so no longer quite blind), the third
writers 0.923 unchanged. The fourth writers' files (session 36, development data: their misses were
read), when they came in (at e246cea): 0.908 (1,457 of 1,605); after session 36's read-more labels
and feeds stamped with how long ago, 0.933 (1,498), the held-out groups 0.973, 0.956 and 0.928;
with boxes between two paragraphs no longer read as specifications, 0.937 (1,504); with a relative
time on a line of its own no longer glued to the headline above it, 0.950 (1,524); with headlines
naming their topic before a colon no longer read as specifications, 0.956 (1,535); with ranking
boxes ("1 ...", "2 ...") weighed like kicker boxes, 0.960 (1,541), the seen files 0.962 (1,288)."""
OWN_LINES_LOST = {"held_out_2": 1}
"""One line of the second writers' own lists is lost (at session 34's start too); which one was
not read, so that the files stay blind. Five lines of the fourth writers' own lists were lost when
they came in (a list of tips right under its lead-in sentence, sharing none of the story's words);
none since session 36."""
KEPT_VS_ALONE_FLOOR = 0.997
"""Of the body paragraphs each body keeps when cleaned alone, the share kept with the junk around
it (measured 0.9985 and 0.9997)."""


@pytest.fixture(scope="module")
def measured() -> dict[str, tuple[dict[str, Tally], list[BlindArticle]]]:
    if not (bench_root() / "wcxb-dev" / "ground-truth.json").is_file():
        pytest.skip(f"benchmark corpora not found under {bench_root()} (set NEWSCLEAN_BENCH_ROOT)")
    bodies = [b for b in load_bodies() if b.page_type == "article"][::7]
    out = {}
    for name, langs in GROUPS.items():
        pages, articles = blind_pages(bodies, langs)
        out[name] = (measure(pages), articles)
    return out


def test_twenty_files_in_five_groups() -> None:
    assert LANGS == ["de", "de2", "de3", "en", "en2", "en3", "en4", "es", "es2", "es3", "fr", "fr2",
                     "fr3", "it", "it3", "nl", "nl3", "pl", "pt", "pt3"]
    assert GROUPS == {"seen": ["en", "es", "fr", "pl"], "held_out": ["de", "it", "nl", "pt"],
                      "held_out_2": ["de2", "en2", "es2", "fr2"],
                      "held_out_3": ["en3", "it3", "nl3", "pt3"],
                      "seen_2": ["de3", "en4", "es3", "fr3"]}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_blind_junk_lines_removed(group: str, measured: dict) -> None:
    tallies, _ = measured[group]
    junk = sum(t.junk for t in tallies.values())
    removed = sum(t.removed for t in tallies.values())
    assert junk > 1300
    # the misses are shown for the seen files only: the held-out ones stay unread
    shown = ([m for t in tallies.values() for m in t.misses][:10] if group.startswith("seen")
             else group)
    assert removed / junk >= REMOVED_FLOOR[group], shown


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_blind_junk_costs_almost_no_body_paragraph(group: str, measured: dict) -> None:
    tallies, _ = measured[group]
    paragraphs = sum(t.paragraphs for t in tallies.values())
    lost_to_junk = sum(t.junk_lost for t in tallies.values())
    assert 1 - lost_to_junk / paragraphs >= KEPT_VS_ALONE_FLOOR


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_the_articles_own_lists_stay(group: str, measured: dict) -> None:
    _, articles = measured[group]
    kept, total = own_lists_kept(articles)
    assert total > 120
    assert kept >= total - OWN_LINES_LOST.get(group, 0)
