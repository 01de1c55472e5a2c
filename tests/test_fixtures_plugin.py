"""The regression-fixture plugin (run through ``pytester``) and the case logic in ``newsclean.fixtures``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import fixtures
from newsclean.article import Article, Dateline, Metadata, Removal
from newsclean.kinds import Kind

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[1]

STORY = ("Council approves new budget\n\n"
         "The city council in Zürich voted on Tuesday to approve the budget for next year, officials "
         "said after a long meeting.\n\n"
         "The mayor said the plan would fund schools and repair roads across the city over the coming "
         "months.\n\n"
         "Share on Facebook")


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    """Import and build everything once out here: pytester's in-process runs drop the modules a run
    imports, so without this every inner run would load the rules and their tables again."""
    newsclean.clean(STORY, mode="text")
    newsclean.clean(f"<html><body><p>{STORY}</p></body></html>", mode="html")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """An in-process pytest run (hypothesis' plugin left out: it adds seconds to every session)."""
    return pytester.runpytest("-p", "no:hypothesispytest", "-p", "no:cacheprovider", *args)


def today(text: str = STORY) -> dict[str, Any]:
    return fixtures.draft(newsclean.clean(text, mode="text"))


def make_case(folder: Path, name: str, expected: dict[str, Any] | str, text: str = STORY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder / f"{name}.expected.json"
    path.write_text(expected if isinstance(expected, str) else fixtures.dumps(expected), encoding="utf-8")
    return path


# ---- the plugin --------------------------------------------------------------------------------
def test_nothing_is_collected_unless_pointed_at_a_folder(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "cases", "001", today())
    pytester.makepyfile(test_plain="def test_one():\n    pass\n")
    result = run(pytester, "--collect-only", "-q")
    result.stdout.fnmatch_lines(["test_plain.py::test_one", "1 test collected*"])
    assert "expected.json" not in result.stdout.str()


def test_a_passing_case_is_one_test_named_after_its_file(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "cases" / "site", "001", today())
    result = run(pytester, "--newsclean-fixtures", "cases", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*cases/site/001.expected.json::site/001 PASSED*"])


def test_the_ini_option_adds_the_folder_to_a_plain_run_only(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "cases", "001", today())
    pytester.makepyprojecttoml("""
        [tool.pytest.ini_options]
        testpaths = ["tests"]
        newsclean_fixtures = ["cases"]
    """)
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_x.py").write_text("def test_x():\n    pass\n")
    run(pytester, ).assert_outcomes(passed=2)
    run(pytester, "tests/test_x.py").assert_outcomes(passed=1)
    run(pytester, "cases/001.expected.json").assert_outcomes(passed=1)


def test_a_failing_case_prints_a_readable_diff(pytester: pytest.Pytester) -> None:
    good = today()
    kept = good["body"]
    expected = dict(good)
    expected["title"] = "Wrong title"
    expected["metadata"] = {"section": "Sport", "language": "en"}
    expected["body"] = [kept[0], "A paragraph the cleaner never saw."]  # loses one, keeps one extra
    expected["removed"] = [{"text": "Share on Facebook", "kind": "ticker"},
                           {"text": "Cookie notice", "kind": "site_chrome"}]
    expected["must_not_contain"] = ["schools"]
    make_case(pytester.path / "cases", "001", expected)
    result = run(pytester, "--newsclean-fixtures", "cases")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*newsclean fixture 001 (*001.txt) differs from 001.expected.json:",
        "title: expected 'Wrong title'",
        "       now      'Council approves new budget'",
        "metadata differs:",
        '  section: expected "Sport", now null',
        "body: 1 paragraph lost, 1 kept that should go (expected 2 paragraphs, now 2)",
        "  paragraphs lost (expected in the body, missing now):",
        "    - [1] 'A paragraph the cleaner never saw.'",
        "  paragraphs kept that should go (in the body now, not expected):",
        "    + [[]1] 'The mayor said the plan would fund schools*",
        "must_not_contain: in the body now:",
        "    + 'schools' (paragraph [1])",
        "removed: expected 2 removals, now 1",
        "  expected to be removed, not removed now:",
        "    - [site_chrome] 'Cookie notice'",
        "  removed as another kind:",
        "    ~ 'Share on Facebook': expected ticker, now site_chrome  (site_chrome: *)",
        "If today's output is right, accept it with:",
        "    pytest --newsclean-update cases/001.expected.json",
    ])
    assert "Traceback" not in result.stdout.str()


def test_update_rewrites_the_selected_cases_keeping_their_keys(pytester: pytest.Pytester) -> None:
    stale = {
        "comment": "locked after issue #12",
        "body": ["an old paragraph"],
        "title": "Old title",
        "must_contain": ["council"],
        "metadata": {"language": "xx"},
        "removed_kinds": ["ticker", "ticker"],
    }
    path = make_case(pytester.path / "cases", "001", stale)
    other = make_case(pytester.path / "cases", "002", stale)
    before_other = other.read_text(encoding="utf-8")
    result = run(pytester, "--newsclean-fixtures", "cases", "--newsclean-update", "-k", "001")
    result.assert_outcomes(passed=1, deselected=1)
    result.stdout.fnmatch_lines(["*newsclean fixtures*", "updated 1 expected file(s):", f"  {path}"])
    text = path.read_text(encoding="utf-8")
    new = json.loads(text)
    now = today()
    assert list(new) == list(stale)
    assert new == {"comment": "locked after issue #12", "body": now["body"], "title": now["title"],
                   "must_contain": ["council"], "metadata": {"language": "en"},
                   "removed_kinds": ["site_chrome"]}
    assert "Zürich" in text and text == fixtures.dumps(new) and text.startswith('{\n  "comment"')
    assert other.read_text(encoding="utf-8") == before_other
    run(pytester, "--newsclean-fixtures", "cases", "-k", "001").assert_outcomes(passed=1)


def test_update_still_fails_on_checks_it_cannot_rewrite(pytester: pytest.Pytester) -> None:
    stale = {"body": ["an old paragraph"], "must_contain": ["council", "a sentence never written"],
             "must_not_contain": ["Tuesday", "Share on Facebook"]}
    path = make_case(pytester.path / "cases", "001", stale)
    result = run(pytester, "--newsclean-fixtures", "cases", "--newsclean-update")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*must_contain: not in the body now:", "*- 'a sentence never written'",
        "*must_not_contain: in the body now:", "*+ 'Tuesday' (paragraph [[]0[]])",
        "*must_contain and must_not_contain are checks written by hand, so they still fail.*",
        "updated 1 expected file(s):", f"  {path}",
        "1 expected file(s) still fail on must_contain / must_not_contain, which an update cannot "
        "rewrite (edit them):", f"  {path}",
    ])
    assert "Share on Facebook" not in result.stdout.str().split("must_not_contain: in the body now:")[1]
    new = json.loads(path.read_text(encoding="utf-8"))
    assert new["body"] == today()["body"] and new["must_contain"] == stale["must_contain"]
    # what the update could rewrite, it did: a plain run fails on the hand-written checks only
    result = run(pytester, "--newsclean-fixtures", "cases")
    result.assert_outcomes(failed=1)
    assert "body:" not in result.stdout.str() and "must_contain: not in the body now" in result.stdout.str()


def test_a_bad_expected_file_says_what_is_wrong(pytester: pytest.Pytester) -> None:
    make_case(pytester.path / "cases", "typo", {"body": [], "remvoed": []})
    (pytester.path / "cases" / "orphan.expected.json").write_text("{}")
    result = run(pytester, "--newsclean-fixtures", "cases")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*orphan.expected.json: no input beside it*",
                                 "*typo.expected.json: unknown key(s) 'remvoed'; known keys: title, *"])


def test_a_folder_config_applies_to_its_cases(pytester: pytest.Pytester) -> None:
    folder = pytester.path / "cases" / "mysite"
    expected = {"must_contain": ["Share on Facebook"], "removed_kinds": []}
    make_case(folder, "001", expected)
    (folder / "newsclean.toml").write_text('[pipeline]\ndisable = ["site_chrome", "line_scorer"]\n')
    run(pytester, "--newsclean-fixtures", "cases").assert_outcomes(passed=1)


def test_the_project_seed_fixtures_pass(pytester: pytest.Pytester) -> None:
    result = run(pytester, "--newsclean-fixtures", str(REPO / "fixtures"), "-v")
    result.assert_outcomes(passed=len(list((REPO / "fixtures").rglob("*.expected.json"))))
    result.stdout.fnmatch_lines(["*::seeds/000 PASSED*"])


# ---- the case logic ----------------------------------------------------------------------------
def article(**changes: Any) -> Article:
    base = Article(paragraphs=["One paragraph.", "Two paragraph."], title="T",
                   metadata=Metadata(source="TASS", dateline=Dateline("MOSCOW", "February 28", "TASS")),
                   removed=[Removal("Menu", Kind.SITE_CHROME, "site_chrome", "menu", 0, 4),
                            Removal("Menu", Kind.SITE_CHROME, "site_chrome", "menu", 9, 13),
                            Removal("A | B | C", Kind.TICKER, "ticker", "strip", 20, 29)])
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_compare_checks_only_the_listed_keys() -> None:
    assert fixtures.compare({}, article()) == []
    assert fixtures.compare({"metadata": {"source": "TASS"}, "subtitle": None}, article()) == []


def test_dateline_is_compared_as_a_dict() -> None:
    ok = {"metadata": {"dateline": {"place": "MOSCOW", "date": "February 28", "agency": "TASS"}}}
    assert fixtures.compare(ok, article()) == []
    [m] = fixtures.compare({"metadata": {"dateline": {"place": "MOSCOW"}}}, article())
    assert m.key == "metadata" and "dateline" in m.lines[1]


def test_removed_kinds_is_a_multiset() -> None:
    assert fixtures.compare({"removed_kinds": ["ticker", "site_chrome", "site_chrome"]}, article()) == []
    [m] = fixtures.compare({"removed_kinds": ["site_chrome", "ticker"]}, article())
    assert m.lines == ("removed_kinds: counts differ:", "    site_chrome: expected 1, now 2")


def test_removed_is_compared_in_order_and_may_name_the_rule() -> None:
    exact = [{"text": "Menu", "kind": "site_chrome"}, {"text": "Menu", "kind": "site_chrome"},
             {"text": "A | B | C", "kind": "ticker", "rule": "ticker"}]
    assert fixtures.compare({"removed": exact}, article()) == []
    swapped = [exact[2], exact[0], exact[1]]
    [m] = fixtures.compare({"removed": swapped}, article())
    assert m.key == "removed"
    wrong_rule = [*exact[:2], {**exact[2], "rule": "headline_list"}]
    [m] = fixtures.compare({"removed": wrong_rule}, article())
    assert "expected rule headline_list, now ticker" in m.lines[1]


def test_must_contain_and_must_not_contain() -> None:
    assert fixtures.compare({"must_contain": ["Two para"], "must_not_contain": ["Menu"]}, article()) == []
    found = fixtures.compare({"must_contain": ["Three"], "must_not_contain": ["One"]}, article())
    assert [m.key for m in found] == ["must_contain", "must_not_contain"]


def test_a_changed_paragraph_shows_where_it_differs() -> None:
    [m] = fixtures.compare({"body": ["One paragraph.", "Two paragraphs."]}, article())
    assert m.lines[0] == "body: 1 changed (expected 2 paragraphs, now 2)"
    assert m.lines[2:] == ("    ~ expected [1]: 'Two paragraphs.'", "      now      [1]: 'Two paragraph.'")


def test_validate_rejects_wrong_shapes(tmp_path: Path) -> None:
    for bad, message in [({"body": "text"}, "'body' must be a list of strings"),
                         ({"metadata": {"place": "x"}}, "unknown metadata field(s) 'place'"),
                         ({"removed": [{"text": "x"}]}, "'removed' must be a list of objects"),
                         ({"mode": "pdf"}, "'mode' must be"),
                         ([], "holds a JSON object")]:
        with pytest.raises(fixtures.FixtureError, match=message.replace("(", r"\(").replace(")", r"\)")):
            fixtures.validate(bad, tmp_path / "x.expected.json")
    assert fixtures.validate({"_note": 1, "comment": "ok"}, tmp_path) == {"_note": 1, "comment": "ok"}


def test_draft_writes_the_output_without_empty_metadata() -> None:
    out = fixtures.draft(article(), url="https://example.com/a")
    assert list(out) == ["url", "title", "subtitle", "metadata", "body", "removed"]
    assert out["metadata"] == {"source": "TASS",
                               "dateline": {"place": "MOSCOW", "date": "February 28", "agency": "TASS"}}
    assert out["removed"][2] == {"text": "A | B | C", "kind": "ticker"}


def test_discover_finds_cases_with_ids_from_their_paths(tmp_path: Path) -> None:
    make_case(tmp_path / "b", "002", {})
    make_case(tmp_path / "a", "001", {})
    (tmp_path / "a" / "003.html.gz").write_bytes(b"")
    (tmp_path / "a" / "003.expected.json").write_text("{}")
    cases = fixtures.discover(tmp_path)
    assert [c.id for c in cases] == ["a/001", "a/003", "b/002"]
    assert cases[1].input_path == tmp_path / "a" / "003.html.gz"
    assert fixtures.mode_for(cases[1].input_path, {}) == "html"
    assert fixtures.mode_for(tmp_path / "x.txt.gz", {}) == "text"


def test_a_fixture_can_pin_the_page_type() -> None:
    """metadata.page_type is a field an expected file may list (what newsclean took the page for);
    a draft lists it, and a wrong one is reported like any other metadata field."""
    article = newsclean.clean("\n\n".join(["The council voted on Tuesday to expand the harbour, a "
                                           "project that has divided residents for a decade."] * 3))
    assert fixtures.draft(article)["metadata"]["page_type"] == "article"
    assert fixtures.compare({"metadata": {"page_type": "article"}}, article) == []
    [mismatch] = fixtures.compare({"metadata": {"page_type": "listing"}}, article)
    assert 'page_type: expected "listing", now "article"' in "\n".join(mismatch.lines)
    assert fixtures.validate({"metadata": {"page_type": "forum"}}, Path("x.expected.json"))
