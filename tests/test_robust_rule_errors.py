"""A rule that raises costs that rule, not the document: it is skipped with a warning naming it, or,
with ``strict=True`` (API) / ``--strict`` (CLI), the error is raised (an error record in a batch)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import newsclean
from newsclean import Kind, Pipeline, Rule, Verdict, default_pipeline
from newsclean.api import RuleError
from newsclean.batch import DocumentTimeout
from newsclean.document import Document
from newsclean.rules.base import Context

STORY = ("Council approves new budget\n\nThe city council voted on Tuesday to approve the budget for next "
         "year, officials said after a long meeting.\n\nThe mayor said the plan would fund schools and "
         "repair roads across the city over the coming months.\n\nShare on Facebook")
HTML = ("<html><body><article><h1>Council approves new budget</h1><p>The city council voted on Tuesday "
        "to approve the budget for next year, officials said after a long meeting.</p><p>The mayor said "
        "the plan would fund schools and repair roads across the city over the coming months.</p>"
        "</article></body></html>")


class HalfWay(Rule):
    """Test rule: drops the first block, then raises (a bug half-way through a document)."""

    name = "half_way"

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        yield self.drop(doc.blocks[0], Kind.SITE_CHROME, "first block")
        raise KeyError("missing-feature")


class Interrupted(Rule):
    """Test rule: raises a BaseException (a time budget running out), which is not a rule's bug."""

    name = "interrupted"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        raise DocumentTimeout("budget spent")


def with_rule(rule: Rule) -> Pipeline:
    return default_pipeline().with_rule(rule, before="duplicate")


WARNING = "rule 'half_way' failed: KeyError: 'missing-feature'; the rule was skipped for this document"


@pytest.mark.parametrize(("data", "mode"), [(STORY, "text"), (HTML, "html"), (STORY.encode(), "auto")])
def test_a_rule_that_raises_is_skipped_with_a_warning_naming_it(data: str | bytes, mode: str) -> None:
    article = newsclean.clean(data, pipeline=with_rule(HalfWay()), mode=mode)
    healthy = newsclean.clean(data, mode=mode)
    assert WARNING in article.warnings
    assert WARNING not in healthy.warnings
    # the other rules ran, and the verdict it gave before raising does not count
    assert article.paragraphs == healthy.paragraphs
    assert [r.rule for r in article.removed] == [r.rule for r in healthy.removed]
    assert "half_way" not in {r.rule for r in article.removed}


def test_strict_raises_rule_error_naming_the_rule() -> None:
    with pytest.raises(RuleError) as caught:
        newsclean.clean(STORY, pipeline=with_rule(HalfWay()), strict=True)
    assert caught.value.rule == "half_way"
    assert isinstance(caught.value.error, KeyError)
    assert caught.value.__cause__ is caught.value.error
    assert str(caught.value) == "rule 'half_way' failed: KeyError: 'missing-feature'"


@pytest.mark.parametrize("call", ["clean_text", "clean_html", "trace"])
def test_strict_is_passed_by_every_entry_point(call: str) -> None:
    func = getattr(newsclean, call)
    data = HTML if call == "clean_html" else STORY
    with pytest.raises(RuleError):
        func(data, pipeline=with_rule(HalfWay()), strict=True)
    result = func(data, pipeline=with_rule(HalfWay()))
    article = result.article if call == "trace" else result
    assert WARNING in article.warnings


def test_a_time_budget_running_out_in_a_rule_is_not_swallowed() -> None:
    """Only ``Exception`` is a rule's bug; a BaseException (the batch's time budget, Ctrl-C) goes
    through, or a timed-out document would come out half-cleaned."""
    with pytest.raises(DocumentTimeout):
        newsclean.clean(STORY, pipeline=with_rule(Interrupted()))


def test_a_healthy_pipeline_gives_no_rule_warning() -> None:
    assert not any("failed" in w for w in newsclean.clean(STORY).warnings)


def test_the_cli_skips_the_rule_and_strict_fails_the_record(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean import cli

    monkeypatch.setattr(cli, "pipeline_for", lambda args: with_rule(HalfWay()))
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert cli.main(["clean", str(tmp_path / "a.txt"), "-f", "jsonl", "-q"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert WARNING in row["warnings"] and row["body"].startswith("The city council voted")
    assert cli.main(["clean", str(tmp_path / "a.txt"), "-f", "jsonl", "-q", "--strict"]) == 1
    row = json.loads(capsys.readouterr().out)
    assert row["error"] == "RuleError: rule 'half_way' failed: KeyError: 'missing-feature'"
    assert "body" not in row
