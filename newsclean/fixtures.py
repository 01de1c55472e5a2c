"""Regression fixtures: a folder of input pages, each beside the output it must keep producing.

A *case* is an input ``NAME.txt`` / ``NAME.html`` / ``NAME.htm`` (optionally ``.gz``) next to
``NAME.expected.json``; the expected file holds any subset of the keys in :data:`KEYS` (the schema is
in ``fixtures/README.md`` and ``docs/fixtures.md``). Only the keys present are checked, so a case can
lock a whole page or one detail of it.

These are plain functions shared by the pytest plugin (:mod:`newsclean.pytest_plugin`) and the
``newsclean fixture`` command: :func:`discover` finds the cases, :func:`run_case` cleans one input,
:func:`compare` lists what differs, :func:`format_report` makes that readable, :func:`update` and
:func:`draft` write expected files from today's output.

A ``newsclean.toml`` in a case's folder (or any folder above it, up to the fixture root) is the
pipeline configuration for the cases below it, as for ``Pipeline.from_toml``.
"""

from __future__ import annotations

import difflib
import gzip
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.article import Article
    from newsclean.pipeline import Pipeline

__all__ = [
    "EXPECTED_SUFFIX",
    "KEYS",
    "Case",
    "FixtureError",
    "Mismatch",
    "compare",
    "discover",
    "draft",
    "dumps",
    "find_case",
    "format_report",
    "load_expected",
    "not_updatable",
    "run_case",
    "update",
    "write_draft",
]

EXPECTED_SUFFIX = ".expected.json"
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".txt.gz", ".html.gz", ".htm.gz")
CONFIG_NAME = "newsclean.toml"
USER_KEYS = ("must_contain", "must_not_contain")
"""Checks written by hand, not taken from the output: an update cannot rewrite them."""
KEYS = ("title", "subtitle", "metadata", "body", "must_contain", "must_not_contain", "removed",
        "removed_kinds", "url", "mode")
"""The keys an expected file may have (plus ``comment`` and keys starting with ``_``, ignored)."""
METADATA_FIELDS = ("source", "section", "published", "dateline", "authors", "language", "url",
                   "description", "categories", "page_type")
MAX_INPUT_BYTES = 64 * 1024 * 1024
_SHOW = 160


class FixtureError(ValueError):
    """An expected file that cannot be used (bad JSON, unknown key, wrong type, missing input)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One case: its id (``seeds/001``), expected file, input file and the fixture root."""

    id: str
    expected_path: Path
    input_path: Path | None
    root: Path


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One checked key that differs, with the lines explaining how."""

    key: str
    lines: tuple[str, ...]


# ---- finding cases -----------------------------------------------------------------------------
def _stem(expected_path: Path) -> str:
    return expected_path.name[: -len(EXPECTED_SUFFIX)]


def _input_for(expected_path: Path) -> Path | None:
    stem = _stem(expected_path)
    found = [expected_path.with_name(stem + s) for s in INPUT_SUFFIXES
             if expected_path.with_name(stem + s).is_file()]
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise FixtureError(f"{expected_path}: more than one input for this case ({names})")
    return found[0] if found else None


def find_case(expected_path: Path, root: Path) -> Case:
    """The case of ``expected_path``; its id is the path relative to ``root`` without the suffix."""
    try:
        rel = expected_path.parent.relative_to(root)
    except ValueError:
        rel = Path()
    case_id = (rel / _stem(expected_path)).as_posix()
    return Case(case_id, expected_path, _input_for(expected_path), root)


def discover(root: str | Path) -> list[Case]:
    """Every case under ``root`` (recursively, sorted; hidden folders skipped)."""
    root = Path(root)
    paths = sorted(p for p in root.rglob("*" + EXPECTED_SUFFIX)
                   if not any(part.startswith(".") for part in p.relative_to(root).parts))
    return [find_case(p, root) for p in paths]


def input_path_to_expected(input_path: Path) -> Path:
    """``x/NAME.html.gz`` -> ``x/NAME.expected.json``."""
    name = input_path.name
    for suffix in sorted(INPUT_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return input_path.with_name(name[: -len(suffix)] + EXPECTED_SUFFIX)
    raise FixtureError(f"{input_path}: a case input must end with one of {', '.join(INPUT_SUFFIXES)}")


# ---- expected files ----------------------------------------------------------------------------
def _is_comment(key: str) -> bool:
    return key == "comment" or key.startswith("_")


def _str_list(path: Path, key: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FixtureError(f"{path}: {key!r} must be a list of strings")


def validate(expected: Any, path: Path) -> dict[str, Any]:
    """Check the shape of an expected mapping; raises :class:`FixtureError` naming the problem."""
    if not isinstance(expected, dict):
        raise FixtureError(f"{path}: an expected file holds a JSON object, not {type(expected).__name__}")
    unknown = [k for k in expected if k not in KEYS and not _is_comment(k)]
    if unknown:
        raise FixtureError(f"{path}: unknown key(s) {', '.join(map(repr, unknown))}; "
                           f"known keys: {', '.join(KEYS)}")
    for key in ("title", "subtitle", "url"):
        if key in expected and not isinstance(expected[key], (str, type(None))):
            raise FixtureError(f"{path}: {key!r} must be a string or null")
    for key in ("body", "must_contain", "must_not_contain", "removed_kinds"):
        if key in expected:
            _str_list(path, key, expected[key])
    if "mode" in expected and expected["mode"] not in ("text", "html", "auto"):
        raise FixtureError(f"{path}: 'mode' must be 'text', 'html' or 'auto'")
    meta = expected.get("metadata", {})
    if not isinstance(meta, dict):
        raise FixtureError(f"{path}: 'metadata' must be an object")
    bad = [k for k in meta if k not in METADATA_FIELDS]
    if bad:
        raise FixtureError(f"{path}: unknown metadata field(s) {', '.join(map(repr, bad))}; "
                           f"known: {', '.join(METADATA_FIELDS)}")
    if "dateline" in meta and not isinstance(meta["dateline"], (dict, type(None))):
        raise FixtureError(f"{path}: metadata 'dateline' must be an object (place, date, agency) or null")
    removed = expected.get("removed", [])
    if not isinstance(removed, list) or not all(
            isinstance(r, dict) and isinstance(r.get("text"), str) and isinstance(r.get("kind"), str)
            for r in removed):
        raise FixtureError(f"{path}: 'removed' must be a list of objects with 'text' and 'kind'")
    return expected


def load_expected(path: str | Path) -> dict[str, Any]:
    """Read and validate an expected file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FixtureError(f"{path}: not valid JSON ({exc})") from exc
    return validate(data, path)


def dumps(expected: Mapping[str, Any]) -> str:
    """An expected mapping as file text: indent 2, non-ASCII kept, final newline."""
    return json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


# ---- running -----------------------------------------------------------------------------------
def read_input(path: Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a case input, gunzipped (``.gz``) up to ``max_bytes``."""
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    else:
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise FixtureError(f"{path}: input larger than {max_bytes} bytes")
    return data


def mode_for(input_path: Path, expected: Mapping[str, Any]) -> str:
    """``mode`` from the expected file, else from the extension (``.txt`` text, ``.html`` html)."""
    mode = expected.get("mode")
    if isinstance(mode, str):
        return mode
    name = input_path.name.lower().removesuffix(".gz")
    return "text" if name.endswith(".txt") else "html"


def config_for(input_path: Path, root: Path) -> Path | None:
    """The nearest ``newsclean.toml`` from the input's folder up to ``root``."""
    folder = input_path.parent.resolve()
    top = root.resolve()
    while True:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if folder == top or folder.parent == folder or not folder.is_relative_to(top):
            return None
        folder = folder.parent


@lru_cache(maxsize=16)
def load_pipeline(config: Path) -> Pipeline:
    from newsclean.pipeline import Pipeline

    return Pipeline.from_toml(config)


def run_case(case: Case, expected: Mapping[str, Any] | None = None) -> Article:
    """Clean the case's input the way its expected file says (``url``, ``mode``, folder config)."""
    from newsclean.api import clean

    if case.input_path is None:
        raise FixtureError(f"{case.expected_path}: no input beside it "
                           f"(expected {_stem(case.expected_path)} + one of {', '.join(INPUT_SUFFIXES)})")
    expected = load_expected(case.expected_path) if expected is None else expected
    config = config_for(case.input_path, case.root)
    pipeline = load_pipeline(config) if config is not None else None
    return clean(read_input(case.input_path), url=expected.get("url"), pipeline=pipeline,
                 mode=mode_for(case.input_path, expected))


# ---- comparing ---------------------------------------------------------------------------------
def _show(text: str | None, limit: int = _SHOW) -> str:
    if text is None:
        return "null"
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _around_difference(a: str, b: str, context: int = 50) -> tuple[str, str]:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    start = max(0, i - context)

    def cut(s: str) -> str:
        piece = s[start: i + context]
        return ("…" if start else "") + piece + ("…" if i + context < len(s) else "")

    return cut(a), cut(b)


def _body_mismatch(expected: Sequence[str], got: Sequence[str]) -> Mismatch | None:
    if list(expected) == list(got):
        return None
    lost: list[str] = []
    extra: list[str] = []
    changed: list[str] = []
    matcher = difflib.SequenceMatcher(None, list(expected), list(got), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        if op == "replace":
            while olds and news and difflib.SequenceMatcher(
                    None, expected[olds[0]], got[news[0]], autojunk=False).quick_ratio() >= 0.6:
                i, j = olds.pop(0), news.pop(0)
                was, now = _around_difference(expected[i], got[j])
                changed.append(f"    ~ expected [{i}]: {was!r}")
                changed.append(f"      now      [{j}]: {now!r}")
        lost.extend(f"    - [{i}] {_show(expected[i])}" for i in olds)
        extra.extend(f"    + [{j}] {_show(got[j])}" for j in news)
    counts = []
    if lost:
        counts.append(f"{len(lost)} paragraph{'s' if len(lost) > 1 else ''} lost")
    if extra:
        counts.append(f"{len(extra)} kept that should go")
    if changed:
        counts.append(f"{len(changed) // 2} changed")
    lines = [f"body: {', '.join(counts) or 'paragraphs in a different order'} "
             f"(expected {len(expected)} paragraphs, now {len(got)})"]
    if lost:
        lines += ["  paragraphs lost (expected in the body, missing now):", *lost]
    if extra:
        lines += ["  paragraphs kept that should go (in the body now, not expected):", *extra]
    if changed:
        lines += ["  paragraphs changed:", *changed]
    return Mismatch("body", tuple(lines))


def _removed_mismatch(expected: Sequence[Mapping[str, Any]], article: Article) -> Mismatch | None:
    want = [(r["text"], r["kind"]) for r in expected]
    have = [(r.text, r.kind.value) for r in article.removed]
    if want == have:
        wrong_rule = [f"    ~ {_show(r.text)}: expected rule {w['rule']}, now {r.rule}"
                      for w, r in zip(expected, article.removed, strict=True)
                      if "rule" in w and w["rule"] != r.rule]
        if not wrong_rule:
            return None
        return Mismatch("removed", ("removed: same removals, another rule:", *wrong_rule))
    reasons = {(r.text, r.kind.value): f"{r.rule}: {r.reason}" for r in article.removed}
    changed: list[str] = []
    olds: list[tuple[str, str]] = []
    news: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            olds.extend(want[i1:i2])
            news.extend(have[j1:j2])
    for old in list(olds):
        same = next((n for n in news if n[0] == old[0]), None)
        if same is not None:
            olds.remove(old)
            news.remove(same)
            changed.append(f"    ~ {_show(old[0])}: expected {old[1]}, now {same[1]}  "
                           f"({reasons.get(same, '?')})")
    missing = [f"    - [{k}] {_show(t)}" for t, k in olds]
    extra = [f"    + [{k}] {_show(t)}  ({reasons.get((t, k), '?')})" for t, k in news]
    lines = [f"removed: expected {len(want)} removals, now {len(have)}"]
    if missing:
        lines += ["  expected to be removed, not removed now:", *missing]
    if extra:
        lines += ["  removed now, not expected:", *extra]
    if changed:
        lines += ["  removed as another kind:", *changed]
    if not (missing or extra or changed):
        lines += ["  the same removals in another order"]
    return Mismatch("removed", tuple(lines))


def compare(expected: Mapping[str, Any], article: Article) -> list[Mismatch]:
    """What differs between ``expected`` (an expected-file mapping) and ``article``; empty when OK."""
    out: list[Mismatch] = []
    for key in ("title", "subtitle"):
        if key in expected and expected[key] != getattr(article, key):
            out.append(Mismatch(key, (f"{key}: expected {_show(expected[key])}",
                                      f"{' ' * len(key)}  now      {_show(getattr(article, key))}")))
    meta = expected.get("metadata") or {}
    meta_now = article.metadata.to_dict()
    meta_lines = []
    for field, want in meta.items():
        have = meta_now[field]
        if field == "dateline":
            want = {k: v for k, v in want.items() if v is not None} if want else None
            have = have or None
        if want != have:
            meta_lines.append(f"  {field}: expected {json.dumps(want, ensure_ascii=False)}, "
                              f"now {json.dumps(have, ensure_ascii=False)}")
    if meta_lines:
        out.append(Mismatch("metadata", ("metadata differs:", *meta_lines)))
    if "body" in expected:
        body = _body_mismatch(expected["body"], article.paragraphs)
        if body is not None:
            out.append(body)
    text = article.body
    absent = [s for s in expected.get("must_contain", []) if s not in text]
    if absent:
        out.append(Mismatch("must_contain", ("must_contain: not in the body now:",
                                             *(f"    - {_show(s)}" for s in absent))))
    present = [s for s in expected.get("must_not_contain", []) if s in text]
    if present:
        lines = ["must_not_contain: in the body now:"]
        for s in present:
            where = next((i for i, p in enumerate(article.paragraphs) if s in p), None)
            lines.append(f"    + {_show(s)}" + (f" (paragraph [{where}])" if where is not None else ""))
        out.append(Mismatch("must_not_contain", tuple(lines)))
    if "removed" in expected:
        removed = _removed_mismatch(expected["removed"], article)
        if removed is not None:
            out.append(removed)
    if "removed_kinds" in expected:
        want_kinds = Counter(expected["removed_kinds"])
        have_kinds = Counter(r.kind.value for r in article.removed)
        if want_kinds != have_kinds:
            diffs = [f"    {k}: expected {want_kinds[k]}, now {have_kinds[k]}"
                     for k in sorted(set(want_kinds) | set(have_kinds)) if want_kinds[k] != have_kinds[k]]
            out.append(Mismatch("removed_kinds", ("removed_kinds: counts differ:", *diffs)))
    return out


def format_report(case: Case, mismatches: Sequence[Mismatch], hint: str | None = None) -> str:
    """A readable failure report for one case, ending with ``hint`` (how to accept the new output)."""
    lines = [f"newsclean fixture {case.id} ({case.input_path or case.expected_path}) differs from "
             f"{case.expected_path.name}:"]
    for m in mismatches:
        lines.append("")
        lines.extend(m.lines)
    if hint:
        lines.append("")
        lines.append(hint)
    return "\n".join(lines)


# ---- writing -----------------------------------------------------------------------------------
def _removals(article: Article, with_rule: bool = False) -> list[dict[str, str]]:
    out = []
    for r in article.removed:
        item = {"text": r.text, "kind": r.kind.value}
        if with_rule:
            item["rule"] = r.rule
        out.append(item)
    return out


def update(expected: Mapping[str, Any], article: Article) -> dict[str, Any]:
    """``expected`` with every checked key rewritten from ``article``, keys and their order kept.

    ``must_contain``/``must_not_contain`` are the user's words, not output, and are left alone, as are
    ``url``, ``mode`` and comments; ``metadata`` keeps the fields it listed.
    """
    new: dict[str, Any] = {}
    meta_now = article.metadata.to_dict()
    for key, value in expected.items():
        if key in ("title", "subtitle"):
            new[key] = getattr(article, key)
        elif key == "metadata":
            new[key] = {field: meta_now[field] for field in value}
        elif key == "body":
            new[key] = list(article.paragraphs)
        elif key == "removed":
            new[key] = _removals(article, with_rule=any("rule" in r for r in value))
        elif key == "removed_kinds":
            new[key] = [r.kind.value for r in article.removed]
        else:
            new[key] = value
    return new


def not_updatable(expected: Mapping[str, Any], article: Article) -> list[Mismatch]:
    """The failing checks an update leaves failing: ``must_contain``/``must_not_contain``.

    An update that passed over them quietly reported success, and the next plain run failed.
    """
    return compare({k: v for k, v in expected.items() if k in USER_KEYS}, article)


def write_draft(input_path: Path, *, pipeline: Pipeline | None = None, mode: str | None = None,
                url: str | None = None, force: bool = False) -> tuple[Path, Article]:
    """Clean ``input_path`` and write its draft ``NAME.expected.json``; returns the path and article.

    Without ``pipeline``, the nearest ``newsclean.toml`` (from the input's folder up to the current
    folder) configures it, as for the plugin. An existing expected file is kept unless ``force``.
    """
    from newsclean.api import clean

    expected_path = input_path_to_expected(input_path)
    if expected_path.exists() and not force:
        raise FixtureError(f"{expected_path} exists; use --force to replace it "
                           "(or pytest --newsclean-update to refresh it keeping its keys)")
    if pipeline is None:
        cwd, here = Path.cwd().resolve(), input_path.resolve()
        found = config_for(input_path, cwd if here.is_relative_to(cwd) else here.parent)
        pipeline = load_pipeline(found) if found is not None else None
    article = clean(read_input(input_path), url=url, pipeline=pipeline,
                    mode=mode or mode_for(input_path, {}))
    expected_path.write_text(dumps(draft(article, url=url, mode=mode)), encoding="utf-8")
    return expected_path, article


def draft(article: Article, *, url: str | None = None, mode: str | None = None) -> dict[str, Any]:
    """A first expected file from today's output: title, subtitle, found metadata, body, removed."""
    out: dict[str, Any] = {}
    if url:
        out["url"] = url
    if mode:
        out["mode"] = mode
    out["title"] = article.title
    out["subtitle"] = article.subtitle
    out["metadata"] = {k: v for k, v in article.metadata.to_dict().items()
                       if v not in (None, "", [], {}) and k in METADATA_FIELDS and k != "url"}
    out["body"] = list(article.paragraphs)
    out["removed"] = _removals(article)
    return out
