"""A Thai page (``tests/data/th_page.json``: the top of a page, five paragraphs of its story and
what follows it, cut from a page a helper wrote for the project in session 19).

Thai is written without spaces between words; a space ends a phrase, and no full stop ends a
sentence. Counted as ``\\w+`` tokens, a paragraph of some 80 words was a dozen "words" that end no
sentence: read as a menu line, every paragraph scored as chrome, and the page as a whole was taken
for an extract (44 of its 64 lines kept). Counted as a reader counts them
(:attr:`Block.n_units`, four Thai characters a word) the story is the page's prose and its menus,
tags and lists are chrome."""

from __future__ import annotations

import json
from pathlib import Path

import newsclean
from newsclean.document import word_units

PAGE = json.loads((Path(__file__).parent / "data" / "th_page.json").read_text("utf-8"))


def test_a_thai_page_keeps_its_story_and_nothing_else() -> None:
    article = newsclean.clean_text("\n".join([*PAGE["top"], *PAGE["story"], *PAGE["tail"]]))
    assert article.paragraphs == PAGE["story"]
    assert article.metadata.language == "th"


def test_a_thai_paragraph_is_long_and_a_thai_menu_item_short() -> None:
    paragraph = PAGE["story"][0]
    assert len(paragraph.split()) < 30  # phrases, not words
    assert word_units(paragraph) > 80
    assert word_units("หน้าแรก") < 2  # "home": seven characters, one word
