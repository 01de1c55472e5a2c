"""Audit every regular expression in newsclean for super-linear (backtracking) running time.

Usage::

    python fuzz/regex_audit.py                  # every pattern, inputs of 1,000 and 4,000 characters
    python fuzz/regex_audit.py --raw            # ignore the input domains (see below)
    python fuzz/regex_audit.py --only ticker --verbose

It imports every module of the package and collects the compiled patterns held at module level
(``re`` and ``regex``), the patterns built from package data (the ``regex`` entries of the chrome
phrase lists, the phrase tries, the promo credit patterns and channel alternations) and the patterns
written inline in functions (:data:`INLINE`: keep it in step with
``grep -rnE "(re|regex)\\.(sub|findall|match|search|split)\\(" newsclean``). Each pattern runs over
adversarial strings (long runs of one character or of a short motif, each followed by a character
that makes the match fail) at two sizes four times apart: a linear pattern takes about 4x longer on
the bigger input, a quadratic one about 16x. A pattern is reported when its time grows more than
:data:`FLAG_RATIO` times and the bigger input takes more than :data:`FLAG_SECONDS`.

**Input domains.** Most patterns never see arbitrary strings. Rules read ``Block.text``, which the
repair stage left with single spaces only (``newsclean.ingest.repair.normalize_space``); the phrase
matcher works on :func:`newsclean.phrases.trim`-med keys; the HTML sniffers read the first 1-2 KB;
the phrase-list regexes are full-matched on lines of at most 2,000 characters under a 50 ms
timeout. :func:`domain` maps each pattern to what it is given in the library, and the audit feeds it
exactly that (``--raw`` feeds the raw strings instead, to see which patterns rely on their domain).
A pattern that is only safe thanks to its domain is listed as such in ``docs/guarantees.md``.

``--quick`` (:func:`quick_audit`) is the check the test suite runs on every pattern
(``tests/test_robust_regex.py``): ``findall`` and ``fullmatch`` (or the domain's operations), each
input timed once at 300 characters and again at 1,200 only when it is slow. The full audit here is
the slower, wider one (five operations, 1,000 and 4,000 characters; about three minutes). Timings
are noisy: rerun a finding alone with ``--only``. Exit code 1 when something is flagged.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pkgutil
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import newsclean
from newsclean import phrases
from newsclean.ingest.repair import repair_line

FLAG_RATIO = 9.0
FLAG_SECONDS = 0.02
GUARD_SECONDS = 20
MAX_FINDINGS = 3
"""Findings reported per pattern (one bad pattern usually fails on many inputs)."""

# Patterns used inline (not compiled at module level): (where, pattern).
INLINE: list[tuple[str, str]] = [
    ("newsclean.document.Block.n_sentences", r"[.!?…][\"'”’»)]*\s+(?=[\p{Lu}\"“‘«])"),
    ("newsclean.rules.promo.Promo.classify", r"[\w'’-]+"),
    ("newsclean.rules.metadata_line.is_outlet_name", r"[\W_]+"),
    ("newsclean.rules.metadata_line.MetadataLine._classify", r"^\S+\s+"),
    ("newsclean.rules.shapes.is_date_line", r"\p{L}{2,}"),
    ("newsclean.ingest.metadata_clean.clean_title:colon", r"^([^:]{2,60}):\s+(.*\S)\s*$"),
]

CHARS = [" ", "\t", "\r", "\x85", "\u2028", "\u00a0", ".", "-", "–", "|", "a", "A", "é", "1", "(", ")",
         "[", ">", "<", '"', "”", ",", ":", ";", "/", "@", "_", "&", "#", "*", "Ã", "\ufffd", "\n"]
MOTIFS = ["a ", "A ", "Ab ", "1.", "a.", ". ", "- ", " -", "| ", " | ", "a@", "A.", "by ", " and ",
          "a,", "a, ", ", ", ".)", '."', "1:", "12 ", "A\r", "a\u2028", "A-", "A'", "Ã©", "(1", "«a",
          "> ", "a\t", " ,", "a;", "a:", "ab@c.", "x-", "Jan 1 ", " \r", "monday ", "senior ", " ;"]
ENDINGS = ["", "!", "\x00", "x", "X", " x", "."]


# ---- what each pattern is given in the library ----------------------------------------------------
def _block_text(s: str) -> str:
    """``Block.text``: one repaired line (segmentation splits at newlines)."""
    return repair_line(s.replace("\n", " "))


def _collapsed(s: str) -> str:
    return " ".join(s.split())


def _author(s: str) -> str:
    return _collapsed(s)[:320]  # ingest.metadata_clean._clean_authors skips longer entries


Domain = tuple[str, Callable[[str], str], tuple[str, ...] | None]
ALL_OPS = ("search", "match", "fullmatch", "findall", "split")

_BLOCK_TEXT: Domain = ("Block.text (repaired: single spaces)", _block_text, None)
_TRIMMED: Domain = ("phrases.trim() key (casefolded, single spaces)", phrases.trim, None)
_RAW: Domain = ("any string", lambda s: s, None)

# name prefix -> domain; the longest matching prefix wins.
DOMAINS: dict[str, Domain] = {
    "newsclean.document.": _BLOCK_TEXT,
    "newsclean.rules.": _BLOCK_TEXT,
    "newsclean.dates.": _BLOCK_TEXT,
    "newsclean.lang.": _BLOCK_TEXT,
    "newsclean.ingest.segment.": ("a repaired line", _block_text, None),
    "newsclean.rules.ticker._SPLIT": ("Block.raw (unrepaired)", lambda s: s, None),
    "newsclean.rules.ticker._HEADLINE_START": ("a piece of Block.raw", lambda s: s, ("match",)),
    "promo.cues": _BLOCK_TEXT,
    "newsclean.phrases.": _TRIMMED,
    "newsclean.phrases._ATTRIBUTION": ("any line given to phrases.match()", lambda s: s, None),
    "phrases[": _TRIMMED,
    "data/chrome/": ("trim()-med line of at most 2,000 characters, fullmatch, 50 ms timeout",
                     lambda s: phrases.trim(s)[:2000], ("fullmatch",)),
    "newsclean.ingest.decode._META_CHARSET": ("the first 2 KB of the bytes", lambda s: s[:2048], None),
    "newsclean.ingest.decode._XML_ENCODING": ("the first 2 KB of the bytes", lambda s: s[:2048], None),
    "newsclean.ingest.decode._HTML_": ("the first 1 KB of the text", lambda s: s[:1024], None),
    "newsclean.ingest.metadata_clean._AUTHOR_": ("one author entry, whitespace collapsed, at most 320 "
                                                 "characters", _author, None),
    "newsclean.ingest.metadata_clean._TITLE_": ("a title, whitespace collapsed", _collapsed, None),
    "newsclean.ingest.metadata_clean.clean_title": ("a title, whitespace collapsed", _collapsed,
                                                    ("match",)),
}


def domain(name: str, raw: bool) -> Domain:
    if raw:
        return _RAW
    best = max((prefix for prefix in DOMAINS if name.startswith(prefix)), key=len, default=None)
    return DOMAINS[best] if best is not None else _RAW


# ---- collecting the patterns ----------------------------------------------------------------------
def modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        try:
            yield importlib.import_module(info.name)
        except Exception as exc:  # a module being written by someone else must not stop the audit
            print(f"skipped {info.name}: {type(exc).__name__}: {exc}", file=sys.stderr)


def patterns() -> Iterator[tuple[str, Any]]:
    """(name, compiled pattern) for every pattern the audit knows how to reach."""
    seen: set[int] = set()
    for module in modules():
        for attr, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in seen:
                seen.add(id(value))
                yield f"{module.__name__}.{attr}", value
    for where, pattern in INLINE:
        yield f"{where} (inline)", regex.compile(pattern)

    from newsclean.rules import promo

    for code in sorted(phrases.available_languages()):
        c = phrases.matcher(code)._c
        for label, pat in (("prefix", c.prefix_re), ("contains", c.contains_re)):
            if pat is not None:
                yield f"phrases[{code}].{label}_re (trie)", pat
        for pat, entry, *_ in c.regexes:
            if id(entry) not in seen:
                seen.add(id(entry))
                yield f"data/chrome/{entry.language}.txt:{entry.line_no}", pat
        cues = promo.cues(code)
        if cues.channel_re is not None and id(cues.channel_re) not in seen:
            seen.add(id(cues.channel_re))
            yield f"promo.cues({code}).channel_re", cues.channel_re
        for i, pat in enumerate(cues.credit):
            if pat.pattern not in seen:
                seen.add(pat.pattern)  # type: ignore[arg-type]
                yield f"promo.cues({code}).credit[{i}]", pat


def inputs(n: int) -> Iterator[tuple[str, str]]:
    for ch in CHARS:
        for end in ENDINGS:
            yield f"{ch!r}*n+{end!r}", ch * n + end
            yield f"a+{ch!r}*n+{end!r}", "a" + ch * n + end
            yield f"By A+{ch!r}*n+{end!r}", "By A" + ch * n + end
    for motif in MOTIFS:
        for end in ENDINGS:
            yield f"{motif!r}*n+{end!r}", motif * (n // len(motif)) + end


# ---- timing -----------------------------------------------------------------------------------
def _ops(pat: Any, wanted: tuple[str, ...] | None) -> list[tuple[str, Callable[[Any], object]]]:
    """The operations to time, as callables of one string (``regex`` ones under a timeout)."""
    names = wanted or ALL_OPS
    if isinstance(pat, regex.Pattern):
        return [(n, lambda s, n=n: getattr(pat, n)(s, timeout=GUARD_SECONDS)) for n in names]
    return [(n, getattr(pat, n)) for n in names]


class _Alarm(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Alarm


def timed(op: Callable[[Any], object], text: Any) -> float:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GUARD_SECONDS + 5)
    t0 = time.perf_counter()
    try:
        op(text)
    except (TimeoutError, _Alarm):
        return float("inf")
    finally:
        signal.alarm(0)
    return time.perf_counter() - t0


QUICK_OPS = ("findall", "fullmatch")
"""Quick mode's operations: ``findall`` tries every start (it costs what ``search`` and ``split``
cost, and more), ``fullmatch`` is where a pattern that ``findall`` satisfies early still backtracks."""
QUICK_SIZE = 300
QUICK_SCREEN_SECONDS = 0.0002
"""Quick mode times each input once at ``QUICK_SIZE``; only what takes longer is timed again at four
times the size (a linear pattern takes microseconds there; the quadratic ones found so far 0.9-3 ms,
so a higher screen, 1 ms at first, let ``author_bio._FULL_NAME`` through on a quiet machine)."""
QUICK_FLAG_SECONDS = 0.003


def _preparer(given: Callable[[str], str], as_bytes: bool) -> Callable[[str], Any]:
    """A raw input as a pattern meets it: through its domain's ``given``, as bytes for a bytes
    pattern."""
    def prepare(s: str) -> Any:
        s = given(s)
        return s.encode("utf-8", "surrogatepass") if as_bytes else s
    return prepare


def _grows_again(op: Callable[[Any], object], raw_huge: dict[str, str], key: str,
                 prepare: Callable[[str], Any], t_big: float) -> bool:
    """Confirm a finding at four times the size again (16x the first): a super-linear pattern grows
    about 16 times once more, while a linear one slowed by a busy machine (two
    timings taken while another process ran) grows about four times. The larger input also makes
    the timing long enough for noise to matter less."""
    if not raw_huge:
        raw_huge.update(inputs(QUICK_SIZE * 16))
    text = prepare(raw_huge[key])
    t_huge = min(timed(op, text), timed(op, text))
    return t_huge > 8.0 * t_big  # quadratic: 16x, linear: 4x


def quick_audit(*, size: int = QUICK_SIZE, only: str | None = None) -> tuple[int, list[str]]:
    """Every pattern, every input, two operations, one timing each unless it is slow: the check
    the test suite runs (``tests/test_robust_regex.py``, a few seconds). Returns the number of
    patterns audited and the findings."""
    raw_small = dict(inputs(size))
    raw_big = dict(inputs(size * 4))
    raw_huge: dict[str, str] = {}  # 16x, built only when a pattern is about to be flagged
    prepared: dict[tuple[str, bool], tuple[dict[str, Any], dict[str, Any]]] = {}
    flagged: list[str] = []
    count = 0
    for name, pat in patterns():
        if only and only not in name:
            continue
        count += 1
        label, given, wanted = domain(name, False)
        as_bytes = isinstance(pat.pattern, bytes)
        prepare = _preparer(given, as_bytes)
        if (label, as_bytes) not in prepared:
            prepared[label, as_bytes] = ({k: prepare(v) for k, v in raw_small.items()},
                                         {k: prepare(v) for k, v in raw_big.items()})
        small, big = prepared[label, as_bytes]

        for op_name, op in _ops(pat, wanted or QUICK_OPS):
            for key, text in small.items():
                t0 = time.perf_counter()
                with contextlib.suppress(TimeoutError):
                    op(text)
                t_small = time.perf_counter() - t0
                if t_small < QUICK_SCREEN_SECONDS:
                    continue
                t_small = min(t_small, timed(op, text))
                t_big = timed(op, big[key])
                for _ in range(2):  # a slow run may be noise (another process, the GC): best of three
                    if t_big > QUICK_FLAG_SECONDS and t_big > FLAG_RATIO * max(t_small, 1e-4):
                        t_small = min(t_small, timed(op, text))
                        t_big = min(t_big, timed(op, big[key]))
                if (t_big > QUICK_FLAG_SECONDS and t_big > FLAG_RATIO * max(t_small, 1e-4)
                        and _grows_again(op, raw_huge, key, prepare, t_big)):
                    flagged.append(f"{name} [{label}]: {op_name} on {key}: {t_small * 1000:.1f} ms at "
                                   f"n={size}, {t_big * 1000:.1f} ms at n={size * 4}  {pat.pattern!r:.100}")
                    break
    return count, flagged


def audit(size: int, *, raw: bool = False, verbose: bool = False, only: str | None = None) -> list[str]:
    flagged: list[str] = []
    small_inputs = dict(inputs(size))
    big_inputs = dict(inputs(size * 4))
    count = 0
    for name, pat in patterns():
        if only and only not in name:
            continue
        count += 1
        label, given, wanted = domain(name, raw)
        prepare = _preparer(given, isinstance(pat.pattern, bytes))
        small = {k: prepare(v) for k, v in small_inputs.items()}
        big = {k: prepare(v) for k, v in big_inputs.items()}
        worst = (0.0, 0.0, "", "")
        findings = 0
        for op_name, op in _ops(pat, wanted):
            for key in small:
                if findings >= MAX_FINDINGS:
                    break
                t_small = timed(op, small[key])
                # clearly super-linear: do not wait for the big input
                t_big = float("inf") if t_small > GUARD_SECONDS / 16 else timed(op, big[key])
                if FLAG_SECONDS < t_big < float("inf") and t_big > FLAG_RATIO * max(t_small, 1e-4):
                    # measure again: one slow run may be noise (another process, the GC)
                    t_small = min(t_small, timed(op, small[key]))
                    t_big = min(t_big, timed(op, big[key]))
                if t_big > worst[1]:
                    worst = (t_small, t_big, op_name, key)
                if t_big > FLAG_SECONDS and t_big > FLAG_RATIO * max(t_small, 1e-4):
                    line = (f"{name} [{label}]: {op_name} on {key}: {t_small * 1000:.1f} ms at n={size}, "
                            f"{t_big * 1000:.1f} ms at n={size * 4}  {pat.pattern!r:.100}")
                    flagged.append(line)
                    findings += 1
                    print("FLAG", line, flush=True)
        if verbose:
            print(f"ok   {name} [{label}]: worst {worst[2]} on {worst[3]}: {worst[0] * 1000:.1f} -> "
                  f"{worst[1] * 1000:.1f} ms", flush=True)
    print(f"{count} patterns audited, {len(flagged)} findings", flush=True)
    return flagged


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="the smaller input size (default 1000)")
    parser.add_argument("--only", help="audit only patterns whose name contains this")
    parser.add_argument("--raw", action="store_true", help="feed raw strings, ignoring input domains")
    parser.add_argument("--verbose", action="store_true", help="print every pattern's worst case")
    parser.add_argument("--quick", action="store_true",
                        help="the test suite's check: two operations, one timing per input (seconds)")
    args = parser.parse_args()
    if args.quick:
        count, flagged = quick_audit(only=args.only)
        for line in flagged:
            print("FLAG", line)
        print(f"{count} patterns audited (quick), {len(flagged)} findings")
        return 1 if flagged else 0
    return 1 if audit(args.size, raw=args.raw, verbose=args.verbose, only=args.only) else 0


if __name__ == "__main__":
    sys.exit(main())
