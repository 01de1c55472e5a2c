"""``newsclean explain`` rendering: every block marked with what happened to it and why."""

from __future__ import annotations

from collections.abc import Iterable

import newsclean
from newsclean import Kind, Pipeline, Rule, default_pipeline
from newsclean.document import Document
from newsclean.explain import render
from newsclean.rules.base import Context, Verdict

STORY = ("Council approves new budget\n\n"
         "The city council voted on Tuesday to approve the budget for next year, officials said after "
         "a long meeting.\n\n"
         "ADVERT: buy now. The mayor said the plan would fund schools and repair roads across the city "
         "over the coming months.\n\n"
         "Read our sponsors\n\n"
         "Share on Facebook")


class Marker(Rule):
    """Test rule: drops 'Read our sponsors', trims 'ADVERT: buy now. ', records a section fact."""

    name = "marker"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        for block in doc:
            if block.text == "Read our sponsors":
                yield self.drop(block, Kind.SITE_CHROME, "sponsor line", confidence=0.99)
            if block.text.startswith("ADVERT: buy now. "):
                yield self.trim(block, (0, len("ADVERT: buy now. ")), Kind.SITE_CHROME, "advert prefix")
                yield self.meta(block, {"section": "City"}, "section from the advert")


def pipeline() -> Pipeline:
    return default_pipeline().with_rule(Marker(), origin="test")


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def test_every_block_gets_one_marked_line_in_order() -> None:
    trace = newsclean.trace(STORY, mode="text", pipeline=pipeline())
    out = render(trace)
    block_lines = [line for line in lines_of(out) if line[:4].strip().isdigit()]
    assert len(block_lines) == len(trace.decisions)
    for line, decision in zip(block_lines, trace.decisions, strict=True):
        marker = line[5]
        if decision.removed_by is not None:
            assert marker == "-"
        elif decision.promoted_to == "title":
            assert marker == "T"
        elif decision.trims:
            assert marker == "~"
        else:
            assert marker == " "


def test_removed_lines_carry_kind_rule_confidence_and_reason() -> None:
    out = render(newsclean.trace(STORY, mode="text", pipeline=pipeline()))
    lines = lines_of(out)
    i = next(i for i, line in enumerate(lines) if line.endswith("- Read our sponsors"))
    assert lines[i + 1].strip() == "[site_chrome] marker 0.99: sponsor line"
    j = next(i for i, line in enumerate(lines) if line.endswith("- Share on Facebook"))
    assert lines[j + 1].strip().startswith("[site_chrome] site_chrome")


def test_trims_are_shown_inside_the_kept_text() -> None:
    out = render(newsclean.trace(STORY, mode="text", pipeline=pipeline()))
    lines = lines_of(out)
    i = next(i for i, line in enumerate(lines) if " ~ " in line)
    assert lines[i].split(" ~ ", 1)[1].startswith("[-ADVERT: buy now. -]The mayor said")
    assert lines[i + 1].strip() == "cut 'ADVERT: buy now.' [site_chrome] marker 1.00: advert prefix"
    assert lines[i + 2].strip() == "facts from marker: section='City'"


def test_title_and_metadata_are_listed_at_the_end() -> None:
    trace = newsclean.trace(STORY, mode="text", pipeline=pipeline())
    out = render(trace, source="story.txt")
    assert out.startswith(f"story.txt: mode text, {len(trace.decisions)} blocks:")
    found = out.split("\nfound:\n", 1)[1]
    assert f"  title       {trace.article.title}" in found
    assert "  section     City" in found
    assert "  language    en" in found


def test_plain_output_has_no_escape_codes_and_colour_output_does() -> None:
    trace = newsclean.trace(STORY, mode="text", pipeline=pipeline())
    plain = render(trace)
    coloured = render(trace, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured
    # the markers stay when colour is on, so the meaning does not depend on it
    assert any(line[5:7] == "- " for line in lines_of(coloured) if line[:4].strip().isdigit())


def test_width_clips_long_lines() -> None:
    out = render(newsclean.trace(STORY, mode="text", pipeline=pipeline()), width=40)
    block_lines = [line for line in lines_of(out) if line[:4].strip().isdigit()]
    assert all(len(line) <= 40 for line in block_lines)
    assert any(line.endswith("…") for line in block_lines)


def test_warnings_are_shown() -> None:
    out = render(newsclean.trace("", mode="text"))
    assert "warnings:\n  empty input: no text to clean" in out
    assert "found:\n  (nothing)" in out
