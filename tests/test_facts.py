"""Rules share what they found through declared facts (``newsclean.Fact``), never by naming each other."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest
from stories import STORY, page

import newsclean
from newsclean import Context, Fact, Kind, Pipeline, Rule, Verdict, default_pipeline, phrases
from newsclean.document import Document
from newsclean.ingest.segment import segment
from newsclean.rules.chrome import SiteChrome
from newsclean.rules.registry import DEFAULT_ORDER

RULES = Path(newsclean.__file__).parent / "rules"
COMMENTS = [
    "This is exactly what I needed to read today, thank you so much for writing it down so clearly.",
    "I disagree with the part about the wetlands, the council did hold three public hearings on it.",
]


def _names_a_rule(node: ast.Compare) -> bool:
    """``x.rule == "name"``, ``"name" == x.rule``, ``x.rule in ("a", "b")``."""
    sides = [node.left, *node.comparators]
    reads_rule = any(isinstance(s, ast.Attribute) and s.attr == "rule" for s in sides)
    literals = [c for s in sides for c in ast.walk(s) if isinstance(c, ast.Constant)
                and isinstance(c.value, str)]
    return reads_rule and bool(literals)


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_no_rule_looks_another_up_by_name(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{path.name}:{n.lineno}" for n in ast.walk(tree)
             if isinstance(n, ast.Compare) and _names_a_rule(n)]
    assert found == [], "a rule compares Verdict.rule with a rule's name; read a Fact instead"


def test_the_checker_sees_a_lookup_by_name() -> None:
    tree = ast.parse('chrome = {v.block for v in context.verdicts if v.rule == "site_chrome"}')
    assert any(isinstance(n, ast.Compare) and _names_a_rule(n) for n in ast.walk(tree))


def test_every_fact_the_default_rules_require_is_provided_before_them() -> None:
    pipeline = default_pipeline()
    assert pipeline.unmet() == {}
    provided: set[Fact] = set()
    for rule in pipeline.rules:
        assert rule.requires <= provided, rule.name
        provided |= rule.provides
    assert {r.name for r in pipeline.rules if Fact.CHROME_LINE in r.provides} == {"site_chrome"}
    assert {r.name for r in pipeline.rules if Fact.CHROME_LINE in r.requires} == {
        "metadata_line", "title", "teasers", "headline_list", "comment_thread"}
    assert pipeline.names == list(DEFAULT_ORDER)


def test_unmet_names_the_rules_left_without_a_fact() -> None:
    unmet = default_pipeline().without("site_chrome").unmet()
    assert unmet == {name: [Fact.CHROME_LINE]
                     for name in ("metadata_line", "title", "teasers", "headline_list", "comment_thread")}


def test_site_chrome_establishes_chrome_lines_by_phrase_and_by_shape(
        monkeypatch: pytest.MonkeyPatch) -> None:
    crumb = "Home > World > Europe"
    match_block = phrases.match_block
    monkeypatch.setattr(phrases, "match_block",  # the crumb by its shape alone, no phrase
                        lambda doc, block, **kw: None if block.text == crumb
                        else match_block(doc, block, **kw))
    doc = segment(page(*STORY, crumb, "Share on Facebook"))
    verdicts = list(SiteChrome().apply(doc, Context()))
    assert [v.reason for v in verdicts] == ["breadcrumb navigation", "share prompt ('Share on Facebook')"]
    assert all(v.establishes is Fact.CHROME_LINE for v in verdicts)
    context = Context(verdicts=verdicts)
    assert context.established(Fact.CHROME_LINE) == {len(STORY), len(STORY) + 1}
    assert Context().established(Fact.CHROME_LINE) == set()


def test_a_rule_under_another_name_can_provide_the_fact() -> None:
    """What ``comment_thread`` reads is the fact, not the name of the rule that provides it."""

    class MyChrome(SiteChrome):
        """Site chrome under another name."""

        name = "my_chrome"

    text = page(*STORY, "Leave a Reply", *COMMENTS)
    mine = Pipeline([MyChrome(), *default_pipeline().without("site_chrome").rules])
    assert mine.unmet() == {}
    removed = {r.text: r.rule for r in newsclean.clean(text, pipeline=mine).removed}
    assert removed["Leave a Reply"] == "my_chrome"
    assert removed[COMMENTS[0]] == "comment_thread"
    # without any rule providing chrome lines the thread heading is not recognised
    bare = default_pipeline().without("site_chrome")
    assert "comment_thread" not in {r.rule for r in newsclean.clean(text, pipeline=bare).removed}


def test_establishing_an_undeclared_fact_is_a_failure_of_that_rule() -> None:
    class Boaster(Rule):
        """Claims chrome lines it does not declare."""

        name = "boaster"

        def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
            yield self.drop(doc.blocks[0], Kind.SITE_CHROME, "boast", establishes=Fact.CHROME_LINE)

    article = newsclean.clean(page(*STORY), pipeline=Pipeline([Boaster()]))
    assert article.removed == []
    assert any("established the fact 'chrome_line' without declaring it" in w for w in article.warnings)


def test_fact_is_a_string_enum() -> None:
    assert Fact.CHROME_LINE == "chrome_line" and str(Fact.CHROME_LINE) == "chrome_line"


def test_the_page_type_is_read_from_the_context_not_from_a_rule() -> None:
    """Context.page_type(): the most confident page_type statement of any earlier rule."""
    from newsclean.pagetype import PageType

    assert Context().page_type() is None
    stated = [Verdict(0, newsclean.Action.META, "anyone", "page type: forum", None, 0.9,
                      facts={"page_type": PageType.FORUM}),
              Verdict(0, newsclean.Action.META, "another", "page type: article", None, 0.6,
                      facts={"page_type": "article"})]
    assert Context(verdicts=stated).page_type() is PageType.FORUM
    assert Context(verdicts=stated[1:]).page_type() is PageType.ARTICLE


def test_the_title_blocks_are_read_from_the_title_and_subtitle_facts() -> None:
    """``Context.title_blocks()``: the one place rules learn which lines are the title and the
    standfirst (they leave the body, whatever else is said of them)."""
    title = Verdict(0, newsclean.Action.META, "title", "the title", None, 0.9, None, {"title": "T"})
    sub = Verdict(1, newsclean.Action.META, "title", "the standfirst", None, 0.8, None,
                  {"subtitle": "S"})
    date = Verdict(2, newsclean.Action.META, "metadata_line", "a date", Kind.METADATA, 0.85, None,
                   {"published": "2024-01-02"})
    assert Context([title, sub, date]).title_blocks() == {0, 1}
    assert Context([date]).title_blocks() == set()


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_no_rule_rebuilds_the_title_blocks(path: Path) -> None:
    # base.py defines Context.title_blocks(); the scorer groups the verdicts themselves per block
    if path.name not in ("base.py", "scorer.py"):
        assert '"title" in v.facts or "subtitle" in v.facts' not in path.read_text("utf-8")


def test_no_rule_module_imports_another_rule_module() -> None:
    """Shared shape tests live in ``rules/shapes.py`` (and the other helper modules), not in a rule:
    a rule that imported another rule's module would change when that rule changes."""
    import ast

    from newsclean.rules.registry import BUILTIN

    modules = {v.split(":")[0] for v in BUILTIN.values()}
    found = []
    for module in sorted(modules):
        path = RULES / f"{module.rsplit('.', 1)[1]}.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in modules - {module}:
                found.append(f"{module} imports {node.module}")
    assert found == []
