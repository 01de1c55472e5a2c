"""Pipelines from TOML: the default order changed by what the file says, every name checked, and the
example of docs/configuration.md run as written."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsclean
from newsclean import Kind, Pipeline
from newsclean.cli import main
from newsclean.rules import registry
from newsclean.rules.registry import NotInPipelineError, UnknownRuleError

REPO = Path(__file__).resolve().parents[1]
DEFAULT = list(registry.DEFAULT_ORDER)
STORY = ["Council approves new budget",
         "The city council voted on Tuesday to approve the budget for next year, officials said after "
         "a long meeting.",
         "The mayor said the plan would fund schools and repair roads across the city over the coming "
         "months."]
SHOUT = "WHAT THE MAYOR SAID"


def page(*middle: str) -> str:
    return "\n\n".join([*STORY[:2], *middle, STORY[2], STORY[2].replace("mayor", "clerk")])

RULE_MODULE = '''
from newsclean import Kind, Rule


class Shouting(Rule):
    """Drop lines written entirely in capitals."""

    name = "shouting"

    def apply(self, doc, context):
        for block in doc:
            if block.n_words >= 3 and block.text.isupper():
                yield self.drop(block, Kind.SITE_CHROME, "all capitals", confidence=0.9)


def not_a_rule():
    pass
'''


@pytest.fixture()
def isolated_imports(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """sys.path is restored after the test, and the rule modules it wrote are forgotten."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield
    for name in [n for n in sys.modules if n == "my_rules" or n.startswith("rules_")]:
        del sys.modules[name]


def build(tmp_path: Path, toml: str, module: str | None = None) -> Pipeline:
    if module is not None:
        (tmp_path / f"{module}.py").write_text(RULE_MODULE, encoding="utf-8")
    path = tmp_path / "newsclean.toml"
    path.write_text(toml, encoding="utf-8")
    return Pipeline.from_toml(path)


# ---- adding without restating the defaults ------------------------------------------------------
@pytest.mark.usefixtures("isolated_imports")
def test_add_places_rules_after_before_and_at_the_end(tmp_path: Path) -> None:
    pipe = build(tmp_path, '[pipeline]\nadd = [{rule = "rules_a:Shouting", after = "ticker"},\n'
                           '       {rule = "boilerplate", before = "line_scorer"}, "site_profile"]\n',
                 "rules_a")
    expected = [*DEFAULT[:2], "shouting", *DEFAULT[2:]]
    expected.insert(expected.index("line_scorer"), "boilerplate")
    assert pipe.names == [*expected, "site_profile"]
    assert pipe.origins["shouting"] == "import path rules_a:Shouting"
    assert pipe.origins["boilerplate"] == "built in"
    article = newsclean.clean(page(SHOUT), pipeline=pipe)
    assert [(r.text, r.rule, r.kind) for r in article.removed] == [(SHOUT, "shouting", Kind.SITE_CHROME)]
    # hard negative: without the rule, no default rule removes the line
    assert SHOUT in newsclean.clean(page(SHOUT)).paragraphs


@pytest.mark.usefixtures("isolated_imports")
def test_an_added_rule_takes_options_by_its_name_and_anchors_later_adds(tmp_path: Path) -> None:
    pipe = build(tmp_path, '[pipeline]\ndisable = ["promo"]\n'
                           'add = [{rule = "rules_b:Shouting", after = "title"},\n'
                           '       {rule = "boilerplate", after = "shouting"}]\n'
                           '[rules.boilerplate]\nmodes = ["text"]\n', "rules_b")
    assert "promo" not in pipe.names
    i = pipe.names.index("title")
    # one rule disabled, two added
    assert pipe.names[i + 1: i + 3] == ["shouting", "boilerplate"]
    assert len(pipe.names) == len(newsclean.default_pipeline().names) + 1
    described = {d["name"]: d for d in pipe.describe()}
    assert described["boilerplate"]["options"]["modes"] == ["text"]
    config = tmp_path / "newsclean.toml"
    assert described["boilerplate"]["origin"] == f"built in, options from config {config}"


def test_entry_point_rule_is_added_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.test_pipeline import FakeEntryPoint, MyRule

    ep = FakeEntryPoint("my_rule", "my_pkg.rules:MyRule", MyRule)
    monkeypatch.setattr(registry, "_entry_points", lambda: {"my_rule": ep})
    pipe = build(tmp_path, '[pipeline]\nadd = [{rule = "my_rule", before = "duplicate"}]\n')
    assert pipe.names[-3:] == ["my_rule", "duplicate", "no_article"]
    assert pipe.origins["my_rule"] == "entry point my_pkg.rules:MyRule"


def test_no_pipeline_section_is_the_default_pipeline(tmp_path: Path) -> None:
    assert build(tmp_path, "[resolver]\ncore_protection = 0.8\n").names == DEFAULT


# ---- errors that say what is wrong -------------------------------------------------------------
@pytest.mark.parametrize(("toml", "error", "message"), [
    ('[rules.boilerplate]\nmodes = ["text"]\n', NotInPipelineError,
     "[rules.boilerplate] sets options: rule 'boilerplate' is not in the pipeline; add it with "
     "[pipeline] add = [{rule = \"boilerplate\"}]"),
    ('[pipeline]\nadd = [{rule = "tikcer"}]\n', UnknownRuleError,
     "unknown rule 'tikcer' (did you mean 'ticker'?); available rules: site_chrome, ticker, "),
    ('[pipeline]\ndisable = ["ticker"]\nadd = [{rule = "boilerplate", after = "ticker"}]\n',
     NotInPipelineError, "[pipeline] add 'boilerplate' after 'ticker': rule 'ticker' is not in the "
                         "pipeline (the pipeline's rules: site_chrome, metadata_line, "),
    ('[pipeline]\nadd = [{rule = "boilerplate", before = "nope"}]\n', UnknownRuleError,
     "unknown rule 'nope'; available rules: site_chrome, ticker, metadata_line"),
    ('[pipeline]\ndisable = ["boilerplate"]\n', NotInPipelineError,
     "[pipeline] disable: rule 'boilerplate' is not in the pipeline"),
    ('[pipeline]\nadd = [{rule = "ticker"}]\n', ValueError, "rule 'ticker' is already in the pipeline"),
    ('[pipeline]\nadd = [{rule = "boilerplate", before = "ticker", after = "title"}]\n', ValueError,
     "give before or after, not both"),
    ('[pipeline]\nadd = [{rule = "boilerplate", afterr = "ticker"}]\n', ValueError,
     "unknown key(s) ['afterr']"),
    ('[pipeline]\nadd = "boilerplate"\n', ValueError, "[pipeline] add must be a list"),
    ('[pipeline]\nadd_rules = ["boilerplate"]\n', ValueError,
     "unknown key(s) ['add_rules'] in [pipeline]; expected ['rules', 'disable', 'add']"),
    ('[pipeline]\nadd = ["no_such_module_xyz:Rule"]\n', ImportError,
     "rule 'no_such_module_xyz:Rule': no module 'no_such_module_xyz' on the Python path or in "),
])
def test_configuration_errors_say_what_is_wrong(tmp_path: Path, toml: str, error: type[Exception],
                                                message: str) -> None:
    with pytest.raises(error) as info:
        build(tmp_path, toml)
    assert message in str(info.value)
    if error is UnknownRuleError:
        assert not isinstance(info.value, NotInPipelineError)


@pytest.mark.usefixtures("isolated_imports")
def test_import_path_to_something_else_than_a_rule(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="not a newsclean Rule subclass"):
        build(tmp_path, '[pipeline]\nadd = ["rules_c:not_a_rule"]\n', "rules_c")
    with pytest.raises(ImportError, match="module 'rules_c' has no 'Nope'"):
        build(tmp_path, '[pipeline]\nadd = ["rules_c:Nope"]\n')


def test_without_a_rule_that_is_not_in_the_pipeline_says_so() -> None:
    with pytest.raises(NotInPipelineError, match="rule 'boilerplate' is not in the pipeline"):
        newsclean.default_pipeline().without("boilerplate")
    with pytest.raises(UnknownRuleError, match=r"unknown rule 'tickr' \(did you mean 'ticker'\?\)"):
        newsclean.default_pipeline().without("tickr")


def test_cli_reports_a_config_error_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[rules.boilerplate]\nmodes = ["text"]\n', encoding="utf-8")
    assert main(["rules", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsclean: error: --config {path}: [rules.boilerplate] sets options: rule "
                          "'boilerplate' is not in the pipeline") and err.count("\n") == 1


# ---- the documented example --------------------------------------------------------------------
def _doc_block(language: str, first_line: str) -> str:
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)
    [block] = [b for b in blocks if b.startswith(first_line + "\n")]
    return block


@pytest.mark.usefixtures("isolated_imports")
def test_the_documented_example_runs_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "my_rules.py").write_text(_doc_block("python", "# my_rules.py"), encoding="utf-8")
    config = tmp_path / "newsclean.toml"
    config.write_text(_doc_block("toml", "# newsclean.toml"), encoding="utf-8")
    pipe = Pipeline.from_toml(config)
    expected = [n for n in DEFAULT if n != "dateline"]
    expected.insert(expected.index("promo") + 1, "no_shouting")
    assert pipe.names == expected  # the 16 defaults, one left out, one added: not an old short list
    assert pipe.resolver.core_protection == 0.8
    article = newsclean.clean(page(SHOUT, "THE CITY RESPONDS"), pipeline=pipe)
    assert [(r.text, r.rule) for r in article.removed] == [(SHOUT, "no_shouting")]
    assert "THE CITY RESPONDS" in article.paragraphs  # three words: under min_words = 4
    assert main(["rules", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert f" 7. no_shouting  (import path my_rules:NoShouting, options from config {config})" in out
