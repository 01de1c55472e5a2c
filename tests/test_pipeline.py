"""The Pipeline: building it (names, options, user rules, TOML, entry points) and resolving verdicts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from stories import STORY as BASE_STORY
from stories import page

import newsclean
from newsclean import (
    Action,
    Context,
    Kind,
    Pipeline,
    ResolverOptions,
    Rule,
    UnknownRuleError,
    Verdict,
    default_pipeline,
)
from newsclean.document import Document
from newsclean.rules import registry

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_IDS = [p.stem for p in sorted(SEEDS.glob("*.txt"))]

STORY = [
    *BASE_STORY,
    "A final decision on the financing of the project is expected in the autumn, when the regional "
    "government presents its budget for the coming year to parliament.",
]
HEADLINES = [
    "Lenore Taylor resigns as Guardian Australia editor after decade-long tenure",
    "Snow forecast warns of reduced visibility and travel risks in Ontario",
    "Gordie Howe Bridge faces uncertainty after Trump warning to Canada",
    "Air Canada’s flights to Cuba halted as aviation fuel crisis worsens",
]


def seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def make_rule(rule_name: str, propose: Callable[[Rule, Document], Iterable[Verdict]]) -> Rule:
    """A one-off rule named ``rule_name`` whose verdicts come from ``propose(rule, doc)``."""
    cls = type(f"Rule_{rule_name}", (Rule,), {
        "name": rule_name,
        "__doc__": f"Test rule {rule_name}.",
        "apply": lambda self, doc, context: list(propose(self, doc)),
    })
    return cls()  # type: ignore[no-any-return]


class NoShouting(Rule):
    """Drop lines written entirely in capitals (but not short acronyms)."""

    name = "no_shouting"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        for block in doc:
            if block.n_words >= 3 and block.text.isupper():
                yield self.drop(block, Kind.SITE_CHROME, "all capitals")


# ---- building pipelines ------------------------------------------------------------------------


def test_default_pipeline_order() -> None:
    assert default_pipeline().names == list(registry.DEFAULT_ORDER)
    assert all(o == "built in" for o in default_pipeline().origins.values())


def test_without_removes_only_that_rule_and_the_ticker_survives() -> None:
    text = seed("001")
    # on this page the ticker sits under the comment form: comment_thread would take it too
    off = ("ticker", "line_scorer", "comment_thread")
    pipe = default_pipeline().without(*off)
    assert pipe.names == [n for n in registry.DEFAULT_ORDER if n not in off]
    assert "ticker" in default_pipeline().names  # the original is untouched
    article = newsclean.clean(text, pipeline=pipe)
    assert not [r for r in article.removed if r.rule == "ticker" or r.kind is Kind.TICKER]
    assert any(p.startswith("One person killed in regime shelling") for p in article.paragraphs)
    assert {r.rule for r in article.removed} <= set(pipe.names)


def test_unknown_name_lists_the_available_ones() -> None:
    with pytest.raises(UnknownRuleError) as info:
        default_pipeline().without("tickr")
    message = str(info.value)
    assert "'tickr'" in message
    for name in registry.DEFAULT_ORDER:
        assert name in message
    assert isinstance(info.value, KeyError)
    assert info.value.available == list(registry.DEFAULT_ORDER)


def test_unknown_name_in_from_names_lists_the_registry() -> None:
    with pytest.raises(UnknownRuleError, match="available rules: site_chrome, ticker"):
        Pipeline.from_names(["site_chrome", "no_such_rule"])


def test_with_options_changes_behaviour_and_returns_a_copy() -> None:
    text = page(*STORY, *HEADLINES[:2])
    pipe = default_pipeline().with_options("headline_list", min_run=2)
    assert pipe.describe()[pipe.names.index("headline_list")]["options"]["min_run"] == 2
    assert default_pipeline().describe()[pipe.names.index("headline_list")]["options"]["min_run"] == 3
    changed = newsclean.clean(text, pipeline=pipe)
    assert [(r.text, r.kind, r.rule) for r in changed.removed] == [
        (h, Kind.HEADLINE_LIST, "headline_list") for h in HEADLINES[:2]
    ]
    assert not [r for r in newsclean.clean(text).removed if r.rule == "headline_list"]


def test_with_options_keeps_the_other_options() -> None:
    pipe = default_pipeline().with_options("headline_list", min_run=2).with_options("headline_list",
                                                                                    max_words=10)
    opts = next(d for d in pipe.describe() if d["name"] == "headline_list")["options"]
    assert (opts["min_run"], opts["max_words"]) == (2, 10)


def test_unknown_option_lists_the_valid_ones() -> None:
    with pytest.raises(TypeError, match=r"no option\(s\) \['min_runs'\]; valid options: \[.*'min_run'"):
        default_pipeline().with_options("headline_list", min_runs=2)
    with pytest.raises(UnknownRuleError):
        default_pipeline().with_options("headlines", min_run=2)


def test_user_rule_in_a_few_lines() -> None:
    pipe = default_pipeline().with_rule(NoShouting(), before="duplicate")
    assert pipe.names[-3:] == ["no_shouting", "duplicate", "no_article"]
    assert pipe.origins["no_shouting"] == "user code"
    shout = "CLICK HERE TO WIN A PRIZE"
    article = newsclean.clean(page(*STORY[:2], shout, *STORY[2:]), pipeline=pipe)
    assert article.paragraphs == STORY
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (shout, Kind.SITE_CHROME, "no_shouting", "all capitals")
    ]
    # the acronym sentence is not shouting
    nato = "NATO's secretary-general called on Russia to halt the offensive."
    assert newsclean.clean(page(nato, *STORY), pipeline=pipe).paragraphs[0] == nato


def test_with_rule_positions_and_errors() -> None:
    assert default_pipeline().with_rule(NoShouting()).names[-1] == "no_shouting"
    assert default_pipeline().with_rule(NoShouting(), after="site_chrome").names[1] == "no_shouting"
    with pytest.raises(ValueError, match="before= or after="):
        default_pipeline().with_rule(NoShouting(), before="ticker", after="title")
    with pytest.raises(UnknownRuleError):
        default_pipeline().with_rule(NoShouting(), before="nope")
    with pytest.raises(ValueError, match="unique"):
        default_pipeline().with_rule(NoShouting()).with_rule(NoShouting())


def test_pipeline_of_rule_names_raises_type_error() -> None:
    with pytest.raises(TypeError, match="Rule instances"):
        Pipeline(["ticker"])  # type: ignore[list-item]


def test_describe() -> None:
    described = default_pipeline().with_rule(NoShouting()).describe()
    assert [d["position"] for d in described] == list(range(1, len(described) + 1))
    last = described[-1]
    assert (last["name"], last["summary"], last["origin"], last["options"]) == (
        "no_shouting", "Drop lines written entirely in capitals (but not short acronyms).", "user code",
        {"modes": ("text", "html")})


# ---- TOML --------------------------------------------------------------------------------------


def test_from_toml_with_order_disable_options_and_resolver(tmp_path: Path) -> None:
    path = tmp_path / "newsclean.toml"
    path.write_text(
        '[pipeline]\n'
        'rules = ["site_chrome", "ticker", "metadata_line", "title", "headline_list", "duplicate"]\n'
        'disable = ["ticker"]\n'
        '\n[rules.headline_list]\nmin_run = 5\n'
        '\n[rules.ticker]\nmin_pieces = 99\n'  # options of a disabled rule are ignored
        '\n[resolver]\ncore_protection = 0.9\n',
        encoding="utf-8",
    )
    pipe = Pipeline.from_toml(path)
    assert pipe.names == ["site_chrome", "metadata_line", "title", "headline_list", "duplicate"]
    assert pipe.resolver == ResolverOptions(core_protection=0.9)
    opts = next(d for d in pipe.describe() if d["name"] == "headline_list")["options"]
    assert opts["min_run"] == 5
    assert pipe.origins["headline_list"] == f"built in, options from config {path}"
    assert pipe.origins["title"] == "built in"
    article = newsclean.clean(page(*STORY, *HEADLINES), pipeline=pipe)
    assert not [r for r in article.removed if r.kind is Kind.HEADLINE_LIST]


def test_from_toml_default_order(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[pipeline]\ndisable = ["line_scorer"]\n', encoding="utf-8")
    assert Pipeline.from_toml(path).names == [n for n in registry.DEFAULT_ORDER if n != "line_scorer"]


@pytest.mark.parametrize(
    ("toml", "error", "match"),
    [
        ('[pipelines]\nrules = ["ticker"]\n', ValueError, r"unknown config section\(s\) \['pipelines'\]"),
        ('[pipeline]\ndisable = ["tickers"]\n', UnknownRuleError, "available rules"),
        ('[pipeline]\nrules = ["ticker", "nope"]\n', UnknownRuleError, "'nope'"),
        ('[pipeline]\nrules = ["ticker"]\n[rules.title]\nwindow = 3\n', UnknownRuleError, "'title'"),
        ('[rules.ticker]\nmin_peices = 3\n', TypeError, "valid options"),
        ('[resolver]\ncore_protect = 0.5\n', TypeError, "core_protect"),
    ],
    ids=["bad-section", "disable-unknown", "unknown-rule", "options-for-absent-rule", "bad-option",
         "bad-resolver-option"],
)
def test_bad_toml_raises(tmp_path: Path, toml: str, error: type[Exception], match: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(error, match=match):
        Pipeline.from_toml(path)


# ---- entry points ------------------------------------------------------------------------------


ACME = "Acme widget of the week"


class FakeEntryPoint:
    def __init__(self, name: str, value: str, target: object) -> None:
        self.name = name
        self.value = value
        self.group = registry.ENTRY_POINT_GROUP
        self._target = target
        self.loaded = 0

    def load(self) -> object:
        self.loaded += 1
        return self._target


class MyRule(Rule):
    """Drop the 'Acme widget of the week' line."""

    name = "my_rule"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        return [self.drop(b, Kind.SITE_CHROME, "acme promotion", 0.9) for b in doc if b.text == ACME]


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterable[dict[str, FakeEntryPoint]]:
    """Fake the installed entry points of the ``newsclean.rules`` group (through the real cached scan)."""
    eps = {"my_rule": FakeEntryPoint("my_rule", "my_pkg.rules:MyRule", MyRule),
           "not_a_rule": FakeEntryPoint("not_a_rule", "my_pkg.rules:helper", len)}
    groups: list[str] = []

    def fake_entry_points(*, group: str) -> list[FakeEntryPoint]:
        groups.append(group)
        return list(eps.values()) if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(registry, "entry_points", fake_entry_points)
    registry._entry_points.cache_clear()
    yield eps
    registry._entry_points.cache_clear()
    assert set(groups) <= {registry.ENTRY_POINT_GROUP}


def test_entry_point_rule_is_found_by_name(entry_points: dict[str, FakeEntryPoint]) -> None:
    pipe = Pipeline.from_names([*registry.DEFAULT_ORDER, "my_rule"])
    assert pipe.names[-1] == "my_rule"
    assert isinstance(pipe.rules[-1], MyRule)
    assert registry.origin("my_rule") == "entry point my_pkg.rules:MyRule"
    assert pipe.origins["my_rule"] == "entry point my_pkg.rules:MyRule"
    assert "my_rule" in registry.available()
    assert entry_points["my_rule"].loaded == 1
    article = newsclean.clean(page(*STORY, ACME), pipeline=pipe)
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        (ACME, Kind.SITE_CHROME, "my_rule", "acme promotion")
    ]


def test_entry_point_rule_from_toml(entry_points: dict[str, FakeEntryPoint], tmp_path: Path) -> None:
    path = tmp_path / "ep.toml"
    path.write_text('[pipeline]\nrules = ["site_chrome", "my_rule"]\n', encoding="utf-8")
    assert Pipeline.from_toml(path).origins["my_rule"] == "entry point my_pkg.rules:MyRule"


def test_entry_point_that_is_not_a_rule(entry_points: dict[str, FakeEntryPoint]) -> None:
    with pytest.raises(TypeError, match="not a newsclean Rule subclass"):
        Pipeline.from_names(["not_a_rule"])


def test_unknown_name_lists_entry_point_rules_too(entry_points: dict[str, FakeEntryPoint]) -> None:
    with pytest.raises(UnknownRuleError, match="my_rule"):
        registry.get("nope")
    with pytest.raises(UnknownRuleError):
        registry.origin("nope")


def test_entry_points_are_not_scanned_for_built_in_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(**_: object) -> None:
        raise AssertionError("entry points scanned")

    monkeypatch.setattr(registry, "entry_points", boom)
    registry._entry_points.cache_clear()
    try:
        pipe = default_pipeline()
        assert newsclean.clean(page(*STORY), pipeline=pipe).paragraphs == STORY
    finally:
        registry._entry_points.cache_clear()


def test_entry_point_lookup_can_be_patched_at_the_function(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = FakeEntryPoint("my_rule", "other_pkg:MyRule", MyRule)
    monkeypatch.setattr(registry, "_entry_points", lambda: {"my_rule": ep})
    assert Pipeline.from_names(["my_rule"]).origins == {"my_rule": "entry point other_pkg:MyRule"}


# ---- the resolver ------------------------------------------------------------------------------


def test_keep_protects_against_a_weaker_drop() -> None:
    text = page(*STORY, "Sponsored content")
    dropper = make_rule("dropper", lambda r, d: [r.drop(d[5], Kind.SITE_CHROME, "weak guess", 0.8)])
    keeper = make_rule("keeper", lambda r, d: [r.keep(d[5], "I know better", 0.9)])
    t = newsclean.trace(text, pipeline=Pipeline([dropper, keeper]))
    assert t.article.paragraphs == [*STORY, "Sponsored content"]
    assert [(v.rule, v.reason) for v in t.decisions[5].overruled] == [("dropper", "weak guess")]
    assert t.decisions[5].removed_by is None


def test_equal_confidence_keep_still_protects_and_a_stronger_drop_wins() -> None:
    text = page(*STORY, "Sponsored content")
    keeper = make_rule("keeper", lambda r, d: [r.keep(d[5], "keep", 0.9)])
    equal = make_rule("equal", lambda r, d: [r.drop(d[5], Kind.SITE_CHROME, "equal", 0.9)])
    assert newsclean.clean(text, pipeline=Pipeline([equal, keeper])).removed == []
    strong = make_rule("strong", lambda r, d: [r.drop(d[5], Kind.SITE_CHROME, "sure", 0.95)])
    t = newsclean.trace(text, pipeline=Pipeline([equal, keeper, strong]))
    assert [(r.rule, r.reason) for r in t.article.removed] == [("strong", "sure")]
    assert t.decisions[5].removed_by is not None and t.decisions[5].removed_by.rule == "strong"


def test_core_protects_against_low_confidence_drops() -> None:
    text = page(*STORY)
    weak = make_rule("weak", lambda r, d: [r.drop(d[2], Kind.SITE_CHROME, "looks odd", 0.6)])
    t = newsclean.trace(text, pipeline=Pipeline([weak]))
    assert t.document.core == (0, 4)
    assert t.article.paragraphs == STORY
    assert [(v.rule, v.confidence) for v in t.decisions[2].overruled] == [("weak", 0.6)]
    assert t.decisions[2].removed_by is None
    # a drop at or above core_protection goes through
    sure = make_rule("sure", lambda r, d: [r.drop(d[2], Kind.SITE_CHROME, "sure", 0.75)])
    assert [r.rule for r in newsclean.clean(text, pipeline=Pipeline([sure])).removed] == ["sure"]
    # and the threshold is a resolver option
    lenient = Pipeline([weak], ResolverOptions(core_protection=0.5))
    assert [r.rule for r in newsclean.clean(text, pipeline=lenient).removed] == ["weak"]


def test_low_confidence_drop_outside_the_core_goes_through() -> None:
    text = page(*STORY, "Sponsored content")
    weak = make_rule("weak", lambda r, d: [r.drop(d[5], Kind.SITE_CHROME, "looks odd", 0.6)])
    article = newsclean.clean(text, pipeline=Pipeline([weak]))
    assert [(r.text, r.rule, r.confidence) for r in article.removed] == [("Sponsored content", "weak", 0.6)]


def test_verdicts_below_min_confidence_are_ignored_but_traced() -> None:
    text = page(*STORY, "Sponsored content")
    faint = make_rule("faint", lambda r, d: [r.drop(d[5], Kind.SITE_CHROME, "faint", 0.4)])
    t = newsclean.trace(text, pipeline=Pipeline([faint]))
    assert t.article.removed == []
    assert [v.rule for v in t.verdicts] == ["faint"]


def test_trim_spans_remove_text_inside_a_block() -> None:
    text = page(*STORY)
    first = STORY[0]
    trims = make_rule("trims", lambda r, d: [
        r.trim(d[0], (0, 9), Kind.SOURCE_PREFIX, "first"),
        r.trim(d[0], (5, 20), Kind.SOURCE_PREFIX, "overlapping"),
    ])
    article = newsclean.clean(text, pipeline=Pipeline([trims]))
    assert article.paragraphs == [first[20:].strip(), *STORY[1:]]
    assert [(r.text, r.reason) for r in article.removed] == [
        (first[0:9].strip(), "first"),
        (first[9:20].strip(), "overlapping"),  # overlaps are not removed twice
    ]
    for r in article.removed:  # offsets index the input, without the surrounding spaces
        assert text[r.start:r.end] == r.text
    for r in article.removed:
        assert text[r.start:r.end].strip() == r.text


def test_trim_on_a_dropped_block_is_not_reported() -> None:
    both = make_rule("both", lambda r, d: [r.trim(d[5], (0, 4), Kind.SOURCE_PREFIX, "trim"),
                                           r.drop(d[5], Kind.SITE_CHROME, "drop", 0.9)])
    article = newsclean.clean(page(*STORY, "Sponsored content"), pipeline=Pipeline([both]))
    assert [(r.text, r.reason) for r in article.removed] == [("Sponsored content", "drop")]


def test_meta_facts_most_confident_wins_then_earliest() -> None:
    def source(value: str, confidence: float) -> Callable[[Rule, Document], list[Verdict]]:
        return lambda r, d: [r.meta(d[0], {"source": value}, "says so", confidence=confidence)]

    low = make_rule("low", source("Low Times", 0.7))
    high = make_rule("high", source("High Herald", 0.9))
    tie = make_rule("tie", source("Tie Tribune", 0.7))
    for rules in ([low, high], [high, low]):
        assert newsclean.clean(page(*STORY), pipeline=Pipeline(rules)).metadata.source == "High Herald"
    assert newsclean.clean(page(*STORY), pipeline=Pipeline([low, tie])).metadata.source == "Low Times"
    assert newsclean.clean(page(*STORY), pipeline=Pipeline([tie, low])).metadata.source == "Tie Tribune"


def test_meta_with_a_kind_moves_the_block_and_title_facts_promote_it() -> None:
    text = page("Harbour news", "Published today", *STORY)
    rules = make_rule("facts", lambda r, d: [
        r.meta(d[0], {"title": "Harbour news"}, "the title", confidence=0.8),
        r.meta(d[1], {"published": "2020-02-28"}, "a date", remove=Kind.METADATA, confidence=0.9),
        r.meta(d[2], {"dateline": {"place": "LONDON"}}, "stays in the body", confidence=0.9),
    ])
    article = newsclean.clean(text, pipeline=Pipeline([rules]))
    assert article.title == "Harbour news"
    assert article.fields_from["title"].to_dict() == {"rule": "facts", "reason": "the title",
                                                      "start": 0, "end": len("Harbour news")}
    assert [(r.text, r.kind, r.rule, r.reason) for r in article.removed] == [
        ("Published today", Kind.METADATA, "facts", "a date")
    ]
    assert article.metadata.published == "2020-02-28"
    assert article.metadata.to_dict()["dateline"] == {"place": "LONDON"}
    assert article.paragraphs == STORY


def test_verdict_for_a_missing_block_is_a_failure_of_that_rule() -> None:
    bad = make_rule("bad", lambda r, d: [Verdict(0, Action.DROP, "bad", "fine", Kind.SITE_CHROME),
                                         Verdict(99, Action.DROP, "bad", "oops", Kind.SITE_CHROME)])
    article = newsclean.clean(page(*STORY), pipeline=Pipeline([bad]))
    assert article.removed == []  # none of its verdicts count, not even the valid one
    assert any("rule 'bad' failed: InvalidVerdictError: rule 'bad' gave a verdict for block 99" in w
               for w in article.warnings)
    with pytest.raises(newsclean.api.RuleError, match="rule 'bad' gave a verdict for block 99"):
        newsclean.clean(page(*STORY), pipeline=Pipeline([bad]), strict=True)


def test_later_rules_see_earlier_verdicts() -> None:
    seen: list[set[int]] = []

    class Watcher(Rule):
        """Record what earlier rules dropped."""

        name = "watcher"

        def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
            seen.append(context.dropped_set())
            return []

    newsclean.clean(page(*STORY, *HEADLINES), pipeline=default_pipeline().with_rule(Watcher()))
    assert seen == [{5, 6, 7, 8}]


# ---- the Article -------------------------------------------------------------------------------


def test_kinds_and_actions_are_string_enums() -> None:
    assert Kind.TICKER == "ticker" and str(Kind.HEADLINE_LIST) == "headline_list"
    assert Action.DROP == "drop" and str(Action.META) == "meta"
    assert {k.value for k in Kind} == {"site_chrome", "ticker", "headline_list", "duplicate", "metadata",
                                       "source_prefix"}


@pytest.mark.parametrize("name", SEED_IDS)
def test_to_dict_and_to_json_round_trip(name: str) -> None:
    article = newsclean.clean(seed(name), url="https://example.com/story")
    d = article.to_dict()
    assert list(d) == ["schema", "mode", "title", "subtitle", "body", "paragraphs", "metadata", "removed",
                       "fields_from", "warnings"]
    assert (d["schema"], d["mode"]) == (1, "text")
    assert d["body"] == "\n\n".join(d["paragraphs"]) == article.body
    assert list(d["metadata"]) == ["source", "section", "published", "dateline", "authors", "language",
                                   "url", "description", "categories", "tags", "image", "hostname",
                                   "page_type"]
    assert d["metadata"]["page_type"] == "article"  # read from the shape of the lines (page_type rule)
    assert d["metadata"]["url"] == "https://example.com/story"
    assert d["metadata"]["language"] == "en"
    for r in d["removed"]:
        assert list(r) == ["text", "kind", "rule", "reason", "start", "end", "confidence"]
        assert r["kind"] in {k.value for k in Kind}
    for prov in d["fields_from"].values():
        assert list(prov) == ["rule", "reason", "start", "end"]
    assert json.loads(article.to_json()) == d
    assert json.loads(article.to_json(indent=2)) == d
    assert "timings" not in d


def test_to_json_keeps_non_ascii() -> None:
    js = newsclean.clean(seed("003")).to_json()
    assert "Erdoğan" in js and "\\u" not in js


@pytest.mark.parametrize("name", SEED_IDS)
def test_removal_offsets_index_the_input(name: str) -> None:
    text = seed(name)
    article = newsclean.clean(text)
    for r in article.removed:
        assert text[r.start:r.end].strip() == r.text, r


@pytest.mark.parametrize(
    "text",
    [
        "  Menu  \r\n\r\nShare on Facebook\r\n\r\n" + "\r\n\r\n".join(STORY) + "\r\n\r\n  Advertisement  ",
        "\n\n".join(STORY) + "\n\n" + "\n".join(HEADLINES),
        "Council backs harbour expansion\nCouncil backs harbour expansion\n" + "\n".join(STORY),
    ],
    ids=["crlf-indented", "headlines", "title-repeat"],
)
def test_removal_offsets_index_the_input_for_whole_block_drops(text: str) -> None:
    article = newsclean.clean(text)
    assert article.removed
    for r in article.removed:
        assert text[r.start:r.end].strip() == r.text, r
