"""Find the runnable examples of the Markdown docs, with the markers that say how to run them.

Why: an example that no test runs goes stale silently, and a newcomer's first hour is spent on it.
``tests/test_docs.py`` runs every fenced ``python``, ``bash``, ``sh`` and ``console`` block that
:func:`collect` returns. Markers are HTML comments (invisible on GitHub, visible in the source)
standing right above a block, blank lines and other markers between them allowed:

``<!-- not-run: REASON -->``
    the block is not run (a multi-minute benchmark, a cluster, the setup itself); the reason is
    required and is printed in the test run's summary.
``<!-- illustrative -->``
    the block runs and must succeed, but the output it shows is not compared (timings, machine-
    dependent numbers).
``<!-- exit: N -->``
    the last command of a shell block must exit with status ``N`` (the others, and by default the
    last one too, with 0).
``<!-- setup`` ... ``-->``
    hidden code run before the block, in the same namespace (Python) or shell (shell blocks): the
    lines after ``setup`` up to ``-->``.

How outputs are checked (unless the block is illustrative):

* ``console`` blocks: ``$ `` starts a command (a line ending in ``\\`` continues it); the lines up
  to the next command are its output (stdout and stderr together).
* ``python`` blocks: a top-level statement whose last line ends with ``# -> TEXT`` must print
  ``TEXT`` (a ``print(...)`` call) or evaluate to an object whose ``repr`` is ``TEXT``; a fenced
  ``output`` block right after a Python block is its whole standard output.
* In expected text, ``…`` matches any run of characters within a line, and a line holding only
  ``…`` matches any number of lines (none included); trailing spaces are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

RUNNABLE = ("python", "bash", "sh", "console")
ELLIPSIS = "…"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`]*)$")
_EXIT = re.compile(r"exit:\s*(\d+)")


@dataclass(frozen=True)
class DocBlock:
    """One fenced block of a Markdown file, with the markers above it."""

    path: str                 # relative to the repository root, POSIX separators
    line: int                 # 1-based line of the opening fence
    lang: str
    code: str
    not_run: str | None = None
    illustrative: bool = False
    exit_code: int = 0
    setup: str = ""
    output: str | None = None  # the ``output`` block following a Python block

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class _Markers:
    not_run: str | None = None
    illustrative: bool = False
    exit_code: int = 0
    setup: list[str] = field(default_factory=list)
    line: int = 0  # line of the first marker; 0 = none pending

    def any(self) -> bool:
        return self.line > 0


@dataclass(frozen=True)
class StrayMarker:
    """A marker that stands above no runnable block (so it would silently do nothing)."""

    path: str
    line: int
    text: str


def _marker(comment: str, markers: _Markers, line: int) -> bool:
    """Record ``comment`` (the text inside ``<!-- -->``) if it is a marker; ``False`` otherwise."""
    body = comment.strip()
    first, _, rest = body.partition("\n")
    head = first.strip()
    if head.startswith("not-run:"):
        reason = head[len("not-run:"):].strip()
        if not reason:
            raise ValueError(f"line {line}: <!-- not-run: --> needs a reason")
        markers.not_run = reason
    elif head == "illustrative":
        markers.illustrative = True
    elif m := _EXIT.fullmatch(head):
        markers.exit_code = int(m.group(1))
    elif head == "setup":
        markers.setup.append(rest)
    else:
        return False
    markers.line = markers.line or line
    return True


def parse(text: str, path: str) -> tuple[list[DocBlock], list[StrayMarker]]:
    """All fenced blocks of one Markdown text (runnable or not) and the markers attached to nothing."""
    lines = text.splitlines()
    blocks: list[DocBlock] = []
    strays: list[StrayMarker] = []
    markers = _Markers()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("<!--"):
            start = i
            chunk = [stripped[4:]]
            while "-->" not in chunk[-1] and i + 1 < len(lines):
                i += 1
                chunk.append(lines[i])
            comment = "\n".join(chunk).rsplit("-->", 1)[0]
            _marker(comment, markers, start + 1)
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            indent, ticks = fence.group("indent"), fence.group("fence")
            lang = fence.group("info").strip().split(" ")[0].lower()
            body: list[str] = []
            i += 1
            while i < len(lines) and not (lines[i].strip().startswith(ticks)
                                         and lines[i].strip().strip("`") == ""):
                body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
                i += 1
            code = "\n".join(body) + "\n"
            if lang == "output" and blocks and blocks[-1].lang == "python" and not markers.any():
                prev = blocks[-1]
                blocks[-1] = DocBlock(prev.path, prev.line, prev.lang, prev.code, prev.not_run,
                                      prev.illustrative, prev.exit_code, prev.setup, code)
            else:
                if markers.any() and lang not in RUNNABLE:
                    strays.append(StrayMarker(path, markers.line, f"above a ```{lang} block"))
                blocks.append(DocBlock(path, i - len(body), lang, code, markers.not_run,
                                       markers.illustrative, markers.exit_code,
                                       "\n".join(markers.setup)))
            markers = _Markers()
        elif stripped and markers.any():
            strays.append(StrayMarker(path, markers.line, f"followed by text: {stripped[:40]!r}"))
            markers = _Markers()
        i += 1
    if markers.any():
        strays.append(StrayMarker(path, markers.line, "at the end of the file"))
    return blocks, strays


def doc_files(root: Path) -> list[Path]:
    """README.md and every page of docs/, in a stable order."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


@lru_cache(maxsize=4)
def collect(root: Path) -> tuple[tuple[DocBlock, ...], tuple[StrayMarker, ...]]:
    """The runnable blocks of all doc files under ``root``, and every stray marker."""
    runnable: list[DocBlock] = []
    strays: list[StrayMarker] = []
    for file in doc_files(root):
        rel = file.relative_to(root).as_posix()
        blocks, stray = parse(file.read_text(encoding="utf-8"), rel)
        runnable.extend(b for b in blocks if b.lang in RUNNABLE)
        strays.extend(stray)
    return tuple(runnable), tuple(strays)


@dataclass(frozen=True)
class Command:
    """One ``$ `` command of a console block and the output shown under it."""

    line: int  # offset of the command within the block (0-based)
    command: str
    expected: str


def console_commands(code: str) -> list[Command]:
    """Split a console block into its commands and their shown outputs."""
    commands: list[Command] = []
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            if lines[i].strip():
                raise ValueError(f"console block: output before any command: {lines[i]!r}")
            i += 1
            continue
        start = i
        parts = [lines[i][2:]]
        while parts[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            parts.append(lines[i])
        i += 1
        out: list[str] = []
        while i < len(lines) and not lines[i].startswith("$ "):
            out.append(lines[i])
            i += 1
        while out and not out[-1].strip():
            out.pop()
        commands.append(Command(start, "\n".join(parts), "\n".join(out)))
    return commands


def _line_pattern(expected: str) -> re.Pattern[str]:
    pieces = [re.escape(p) for p in expected.rstrip().split(ELLIPSIS)]
    return re.compile(".*".join(pieces))


def matches(expected: str, actual: str) -> bool:
    """Whether ``actual`` fits ``expected``, ``…`` being a wildcard (see the module docstring)."""
    want = expected.rstrip("\n").splitlines()
    got = [g.rstrip() for g in actual.rstrip("\n").splitlines()]
    patterns = [None if w.strip() == ELLIPSIS else _line_pattern(w) for w in want]

    @cache
    def fit(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(got)
        pattern = patterns[i]
        if pattern is None:
            return any(fit(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and pattern.fullmatch(got[j]) is not None and fit(i + 1, j + 1)

    return fit(0, 0)


def iter_arrow_checks(code: str) -> Iterator[tuple[int, str]]:
    """``(line, expected)`` for every ``# -> expected`` comment of a Python block (1-based lines)."""
    import io
    import tokenize

    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT and tok.string.startswith("# ->"):
            yield tok.start[0], tok.string[len("# ->"):].strip()
