"""pytest plugin: run folders of newsclean regression fixtures as tests (one test per case).

Registered through the ``pytest11`` entry point, so it is active wherever newsclean is installed, and
does nothing until it is pointed at a fixture folder, either in the pytest configuration::

    [tool.pytest.ini_options]
    newsclean_fixtures = ["fixtures"]

or on the command line with ``--newsclean-fixtures PATH`` (repeatable). The configured folders are
collected with a plain ``pytest`` run; folders given on the command line always are. Every
``NAME.expected.json`` under them becomes one test, named by its path in the folder (``seeds/001``);
a failure prints what changed (paragraphs lost, paragraphs kept that should go, metadata, removals).
``--newsclean-update`` rewrites the selected expected files from today's output instead, keeping
their keys: review the failures first, then accept them. A case whose ``must_contain`` or
``must_not_contain`` fails still fails under update (they are written by hand, not output), saying so.

The case logic lives in :mod:`newsclean.fixtures`; it is imported only when a case runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from _pytest._code.code import TerminalRepr

    from newsclean.fixtures import Case

__all__ = ["CaseFile", "CaseItem"]

_SUFFIX = ".expected.json"
_ROOTS = pytest.StashKey[list[Path]]()
_UPDATED = pytest.StashKey[list[str]]()
_NOT_UPDATED = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsclean", "newsclean regression fixtures")
    group.addoption("--newsclean-fixtures", action="append", default=[], metavar="PATH",
                    help="run the newsclean fixture cases under PATH (repeatable)")
    group.addoption("--newsclean-update", action="store_true", default=False,
                    help="rewrite the selected newsclean expected files from today's output")
    parser.addini("newsclean_fixtures", type="paths", default=[],
                  help="folders of newsclean fixture cases, collected by a plain pytest run")


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def pytest_configure(config: pytest.Config) -> None:
    invocation = config.invocation_params.dir
    given = [(invocation / p).resolve() for p in config.getoption("newsclean_fixtures") or []]
    configured = [Path(p).resolve() for p in config.getini("newsclean_fixtures") or []]
    roots = list(dict.fromkeys(given + configured))
    config.stash[_ROOTS] = roots
    config.stash[_UPDATED] = []
    config.stash[_NOT_UPDATED] = []
    if not roots:
        return
    config.addinivalue_line("markers", "newsclean_fixture: a newsclean regression fixture case")
    for root in given:
        if not root.is_dir():
            raise pytest.UsageError(f"--newsclean-fixtures {root}: not a folder")
    # A plain run (paths from testpaths or the current folder) also collects the configured
    # folders; a run naming its own paths only adds the folders named with --newsclean-fixtures.
    source = getattr(config, "args_source", None)
    plain = source is not None and source != pytest.Config.ArgsSource.ARGS
    extra = given + ([r for r in configured if r.is_dir()] if plain else [])
    for root in dict.fromkeys(extra):
        covered = any(_under(root, (invocation / arg.split("::")[0]).resolve()) for arg in config.args)
        if not covered:
            config.args.append(str(root))


def _root_of(path: Path, config: pytest.Config) -> Path | None:
    roots = [r for r in config.stash.get(_ROOTS, []) if _under(path, r)]
    return max(roots, key=lambda r: len(r.parts)) if roots else None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith(_SUFFIX):
        return None
    config = parent.config
    if not config.stash.get(_ROOTS, []) or _root_of(file_path.resolve(), config) is None:
        return None
    collector: CaseFile = CaseFile.from_parent(parent, path=file_path)
    return collector


class CaseFailed(Exception):
    """A case whose output differs from its expected file; the message is the readable report."""


class CaseFile(pytest.File):
    """One ``NAME.expected.json``: collects the single case it describes."""

    def collect(self) -> Iterator[pytest.Item]:
        root = _root_of(self.path.resolve(), self.config) or self.path.parent
        stem = self.path.name[: -len(_SUFFIX)]
        try:
            rel = self.path.resolve().parent.relative_to(root)
        except ValueError:
            rel = Path()
        yield CaseItem.from_parent(self, name=(rel / stem).as_posix(), root=root)


class CaseItem(pytest.Item):
    """Clean the case's input and compare with its expected file (or rewrite it on update)."""

    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root
        self.add_marker("newsclean_fixture")

    def _case(self) -> Case:
        from newsclean.fixtures import find_case

        return find_case(self.path.resolve(), self.root)

    def runtest(self) -> None:
        from newsclean.fixtures import (
            compare,
            dumps,
            format_report,
            load_expected,
            not_updatable,
            run_case,
            update,
        )

        case = self._case()
        expected = load_expected(case.expected_path)
        article = run_case(case, expected)
        if self.config.getoption("newsclean_update"):
            new = update(expected, article)
            if new != expected:
                case.expected_path.write_text(dumps(new), encoding="utf-8")
                self.config.stash[_UPDATED].append(str(case.expected_path))
            left = not_updatable(new, article)
            if left:
                self.config.stash[_NOT_UPDATED].append(str(case.expected_path))
                hint = ("--newsclean-update rewrites what comes from the output; must_contain and "
                        "must_not_contain are checks written by hand, so they still fail. If today's "
                        f"output is right, edit them in {case.expected_path}; if not, fix the cause.")
                raise CaseFailed(format_report(case, left, hint))
            return
        mismatches = compare(expected, article)
        if mismatches:
            hint = (f"If today's output is right, accept it with:\n"
                    f"    pytest --newsclean-update {self.nodeid.split('::')[0]}")
            raise CaseFailed(format_report(case, mismatches, hint))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | TerminalRepr:
        from newsclean.fixtures import FixtureError

        if isinstance(excinfo.value, (CaseFailed, FixtureError)):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"newsclean fixture {self.name}"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    updated = config.stash.get(_UPDATED, [])
    if config.getoption("newsclean_update", False) and config.stash.get(_ROOTS, []):
        terminalreporter.write_sep("-", "newsclean fixtures")
        if updated:
            terminalreporter.write_line(f"updated {len(updated)} expected file(s):")
            for path in updated:
                terminalreporter.write_line(f"  {path}")
        else:
            terminalreporter.write_line("no expected file needed an update")
        stuck = config.stash.get(_NOT_UPDATED, [])
        if stuck:
            terminalreporter.write_line(f"{len(stuck)} expected file(s) still fail on must_contain / "
                                        "must_not_contain, which an update cannot rewrite (edit them):")
            for path in stuck:
                terminalreporter.write_line(f"  {path}")
