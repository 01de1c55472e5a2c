"""The docs run: every ``python``, ``bash``, ``sh`` and ``console`` block of README.md and docs/*.md.

One case per block, named ``FILE:LINE``. Blocks run in a scratch folder that mirrors the repository
root (its entries linked, ``fixtures/`` copied), so relative paths read as in a checkout and files an
example writes do not land in the repository. Python blocks run in a fresh namespace; shell blocks in
``bash`` with the interpreter's ``bin`` first on ``PATH`` and ``$BENCH`` set to the aeb-dev folder.
How markers and shown outputs work: ``tests/docblocks.py``.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import shutil
import subprocess
import sys
import types
import warnings
from pathlib import Path
from typing import Any

import pytest
from docblocks import DocBlock, collect, console_commands, iter_arrow_checks, matches

REPO = Path(__file__).resolve().parents[1]
BLOCKS, STRAYS = collect(REPO)
SHELL_TIMEOUT = 300
MAX_NOT_RUN = 16


class NotRunExamples(UserWarning):
    """The count of doc examples marked not-run, shown in the warnings summary of every run."""


def bench_dir() -> Path:
    """The aeb-dev folder, found as the quality gate finds it."""
    env = os.environ.get("NEWSCLEAN_BENCH")
    return Path(env) if env else REPO.parent / "shared" / "bench" / "aeb-dev"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A scratch copy of the repository root: entries linked, ``fixtures/`` copied (examples write there)."""
    for entry in REPO.iterdir():
        if entry.name in {".git", "fixtures"}:
            continue
        (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(REPO / "fixtures", tmp_path / "fixtures")
    return tmp_path


def _shell_code(code: str, cwd: Path) -> str:
    """``.venv/bin/X`` is the running interpreter's ``bin/X`` when the checkout has no ``.venv``."""
    if (cwd / ".venv" / "bin").is_dir():
        return code
    return code.replace(".venv/bin/", f"{Path(sys.executable).parent}/")


def _shell_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["BENCH"] = str(bench_dir())
    env["NO_COLOR"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    return env


def _run_shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", _shell_code(script, cwd)], cwd=cwd, env=_shell_env(),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=SHELL_TIMEOUT, check=False)


def _needs_bench(block: DocBlock) -> None:
    if "$BENCH" in block.code + block.setup and not (bench_dir() / "ground-truth.json").is_file():
        pytest.skip(f"the example reads $BENCH; the aeb-dev folder is absent at {bench_dir()}")


def run_console(block: DocBlock, cwd: Path) -> None:
    if block.setup:
        done = _run_shell(block.setup, cwd)
        if done.returncode != 0:
            pytest.fail(f"{block.id}: hidden setup failed:\n{done.stdout}", pytrace=False)
    commands = console_commands(block.code)
    for cmd in commands:
        done = _run_shell(cmd.command, cwd)
        where = f"{block.id} (+{cmd.line}): $ {cmd.command}"
        status = block.exit_code if cmd is commands[-1] else 0
        if done.returncode != status:
            pytest.fail(f"{where}\nexit status {done.returncode}, expected {status}:\n"
                        f"{done.stdout}", pytrace=False)
        if cmd.expected and not block.illustrative and not matches(cmd.expected, done.stdout):
            pytest.fail(f"{where}\nshown output:\n{cmd.expected}\n\nactual output:\n{done.stdout}",
                        pytrace=False)


def run_script(block: DocBlock, cwd: Path) -> None:
    script = f"set -euo pipefail\n{block.setup}\n{block.code}"
    done = _run_shell(script, cwd)
    if done.returncode != block.exit_code:
        pytest.fail(f"{block.id}: exit status {done.returncode}, expected {block.exit_code}:\n"
                    f"{done.stdout}", pytrace=False)


def _statement_checks(block: DocBlock, tree: ast.Module) -> dict[int, str]:
    """``# -> TEXT`` checks by the index of the top-level statement they end."""
    simple = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Import, ast.ImportFrom)
    ends = {stmt.end_lineno: n for n, stmt in enumerate(tree.body) if isinstance(stmt, simple)}
    checks: dict[int, str] = {}
    for line, expected in iter_arrow_checks(block.code):
        assert line in ends, (
            f"{block.id}: '# ->' on line {line} of the block does not end a simple top-level "
            "statement, so nothing would check it")
        checks[ends[line]] = expected
    return checks


def run_python(block: DocBlock, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(cwd)
    module = types.ModuleType("__docs__")  # a real module: dataclasses look their module up
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace: dict[str, Any] = module.__dict__
    if block.setup:
        exec(compile(block.setup, f"{block.id} (setup)", "exec"), namespace)
    tree = ast.parse(block.code, filename=block.id)
    checks = _statement_checks(block, tree)
    ast.increment_lineno(tree, block.line)  # tracebacks name the line of the Markdown file
    stdout = io.StringIO()
    for n, stmt in enumerate(tree.body):
        mine = io.StringIO()
        with contextlib.redirect_stdout(mine):
            if isinstance(stmt, ast.Expr):
                value = eval(compile(ast.Expression(stmt.value), block.path, "eval"), namespace)
                is_print = (isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Name)
                            and stmt.value.func.id == "print")
                shown = mine.getvalue() if is_print else repr(value)
            else:
                exec(compile(ast.Module([stmt], type_ignores=[]), block.path, "exec"), namespace)
                shown = mine.getvalue()
        stdout.write(mine.getvalue())
        if n in checks and not block.illustrative and not matches(checks[n], shown):
            pytest.fail(f"{block.path}:{stmt.end_lineno}: shown '# -> {checks[n]}', "
                        f"actual {shown.rstrip()!r}", pytrace=False)
    if block.output is not None and not block.illustrative and not matches(block.output, stdout.getvalue()):
        pytest.fail(f"{block.id}: shown output:\n{block.output}\nactual output:\n{stdout.getvalue()}",
                    pytrace=False)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.id)
def test_doc_example_runs(block: DocBlock, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.not_run is not None:
        pytest.skip(f"{block.id} marked not-run: {block.not_run}")
    _needs_bench(block)
    if block.lang == "python":
        run_python(block, workdir, monkeypatch)
    elif block.lang == "console":
        run_console(block, workdir)
    else:
        run_script(block, workdir)


def test_few_blocks_are_marked_not_run() -> None:
    """Marking a block not-run is the exception (the list, with reasons, is in the ``-ra`` summary).

    The cap is today's count: raise it only with the reason in the commit message.
    """
    skipped = [b for b in BLOCKS if b.not_run is not None]
    assert len(skipped) <= MAX_NOT_RUN, [f"{b.id}: {b.not_run}" for b in skipped]
    warnings.warn(NotRunExamples(f"{len(skipped)} of {len(BLOCKS)} doc examples are marked not-run: "
                                 + ", ".join(b.id for b in skipped)), stacklevel=1)


def test_no_marker_is_attached_to_nothing() -> None:
    assert not STRAYS, "markers above no runnable block: " + ", ".join(
        f"{s.path}:{s.line} ({s.text})" for s in STRAYS)


def test_the_docs_have_examples_in_every_language() -> None:
    """Guards the collector itself: if parsing broke, the parametrized test would run nothing."""
    assert {b.lang for b in BLOCKS} >= {"python", "console", "bash"}
    assert len(BLOCKS) >= 40
    assert sum(b.path == "README.md" and b.lang == "python" for b in BLOCKS) >= 2


# The runner on blocks written here: a wrong shown output, a wrong exit status must fail.

def block(lang: str, code: str, **kw: Any) -> DocBlock:
    return DocBlock("x.md", 1, lang, code, **kw)


def test_a_right_arrow_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_python(block("python", "x = [1]\nx  # -> [1]\nprint('a', 2)  # -> a 2\n"), tmp_path, monkeypatch)


def test_a_wrong_arrow_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"x\.md:3: shown '# -> 3', actual '2'"):
        run_python(block("python", "import math\nprint(1 + 1)  # -> 3\n"), tmp_path, monkeypatch)


def test_an_arrow_nothing_would_check_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AssertionError, match="does not end a simple top-level"):
        run_python(block("python", "for i in range(2):\n    print(i)  # -> 0\n"), tmp_path, monkeypatch)


def test_an_output_block_is_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_python(block("python", "print('a')\nprint('b')\n", output="a\n…\n"), tmp_path, monkeypatch)
    with pytest.raises(pytest.fail.Exception, match="shown output"):
        run_python(block("python", "print('a')\n", output="b\n"), tmp_path, monkeypatch)


def test_the_setup_runs_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_python(block("python", "text  # -> 'hi'\n", setup="text = 'hi'"), tmp_path, monkeypatch)


def test_a_wrong_console_output_fails(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="shown output"):
        run_console(block("console", "$ echo hi\nho\n"), tmp_path)
    run_console(block("console", "$ echo hi\nho\n", illustrative=True), tmp_path)
    run_console(block("console", "$ echo hi there\nhi …\n"), tmp_path)


def test_the_exit_status_is_checked(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="exit status 1, expected 0"):
        run_console(block("console", "$ false\n"), tmp_path)
    run_console(block("console", "$ true\n$ false\n", exit_code=1), tmp_path)
    with pytest.raises(pytest.fail.Exception, match="exit status 1, expected 0"):
        run_console(block("console", "$ false\n$ false\n", exit_code=1), tmp_path)  # only the last
    with pytest.raises(pytest.fail.Exception, match="exit status 1"):
        run_script(block("bash", "false\necho never\n"), tmp_path)


def test_dot_venv_is_the_running_interpreter_without_a_checkout_venv(tmp_path: Path) -> None:
    code = _shell_code(".venv/bin/python -c 1", tmp_path)
    assert code == f"{Path(sys.executable).parent}/python -c 1"
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    assert _shell_code(".venv/bin/python -c 1", tmp_path) == ".venv/bin/python -c 1"
