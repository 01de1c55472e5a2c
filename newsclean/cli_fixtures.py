"""``newsclean fixture new`` and ``newsclean fixture add``: draft regression-fixture expected files
from today's output (:mod:`newsclean.fixtures` does the writing; docs/fixtures.md).

Apart from :mod:`newsclean.cli` (the parser and dispatch) because managing fixture files, finding
the inputs without an expected file and copying a page into a fixture folder, is a job of its own.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from newsclean.cli_options import PROG, UsageError, pipeline_for

__all__ = ["cmd_fixture_add", "cmd_fixture_new"]


def _fixture_inputs(path: Path) -> list[Path]:
    from newsclean import fixtures

    if path.is_dir():
        found = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.name.lower().endswith(fixtures.INPUT_SUFFIXES))
        return [p for p in found if not fixtures.input_path_to_expected(p).exists()]
    return [path]


def _write_draft(input_path: Path, args: argparse.Namespace) -> Path:
    from newsclean import fixtures

    try:
        path, article = fixtures.write_draft(input_path, pipeline=pipeline_for(args), url=args.url,
                                             mode=None if args.mode == "auto" else args.mode,
                                             force=args.force)
    except fixtures.FixtureError as exc:
        raise UsageError(str(exc)) from exc
    print(f"wrote {path}: title {article.title!r}, {len(article.paragraphs)} paragraphs, "
          f"{len(article.removed)} removals; review it, trim it to what matters, then commit it")
    return path


def cmd_fixture_new(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"{args.path}: no such file or folder")
    inputs = _fixture_inputs(path)
    if not inputs:
        print(f"{PROG}: {args.path}: every input already has an expected file", file=sys.stderr)
    for input_path in inputs:
        _write_draft(input_path, args)
    return 0


def cmd_fixture_add(args: argparse.Namespace) -> int:
    from newsclean import fixtures

    source = Path(args.file)
    if not source.is_file():
        raise UsageError(f"{args.file}: no such file")
    folder = Path(args.to)
    name = args.name or source.name
    if not name.lower().endswith(fixtures.INPUT_SUFFIXES):
        raise UsageError(f"{name}: a case input must end with one of {', '.join(fixtures.INPUT_SUFFIXES)}"
                         " (give --name NAME.html or NAME.txt)")
    target = folder / name
    if target.exists():
        raise UsageError(f"{target} exists; choose another --name")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    try:
        _write_draft(target, args)
    except BaseException:
        target.unlink()
        raise
    return 0
