"""Fuzz ``newsclean.clean`` (atheris, coverage-guided; a plain mutation loop when atheris is missing).

Run (see fuzz/README.md)::

    pip install atheris
    python fuzz/fuzz_clean.py fuzz/corpus/ -dict=fuzz/newsclean.dict -max_total_time=1200 \\
        -timeout=60 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=fuzz/findings/
    python fuzz/fuzz_clean.py --plain --seconds 1200          # without atheris
    python fuzz/fuzz_clean.py --replay fuzz/findings/crash-*  # rerun saved inputs

One input is a 4-byte header then the payload. Header: flags (mode auto/text/html, str or bytes,
amplify, check determinism), then how to amplify: a slice of the payload repeated up to
:data:`MAX_AMPLIFIED` bytes in all. Amplification is what finds super-linear behaviour: mutations
alone rarely build a 100 KB run of CR or of ``", "``. As ``str``, the payload is decoded with
``surrogateescape``, so invalid UTF-8 becomes lone surrogates.

Each input must give an Article without raising, and:

* the Article serialises to UTF-8 JSON;
* paragraphs are non-empty and stripped;
* text mode: every word of the output is a word of the input after the documented repairs
  (mojibake fixed line by line, invisible characters and non-whitespace controls deleted, lone
  surrogates to U+FFFD), written out independently of the library's repair code;
* HTML mode: every word of the output occurs in the markup-free, entity-decoded, NFC input;
* some inputs are cleaned twice and must give the same result;
* one clean call finishes within :data:`SLOW_SECONDS` (a generous hang detector; ``-timeout``
  is libFuzzer's own backstop).

A failure raises, so atheris saves the input as ``crash-*`` under ``-artifact_prefix``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

try:
    import atheris
except ImportError:  # pragma: no cover - the plain loop below works without it
    atheris = None

if atheris is not None and "--plain" not in sys.argv and "--replay" not in sys.argv:
    with atheris.instrument_imports(include=["newsclean"]):
        import newsclean
        import newsclean.api
        import newsclean.ingest.html
else:
    import newsclean
    import newsclean.api

sys.path.insert(0, str(HERE.parent / "tests"))
from faithfulness import WORD as _WORD  # noqa: E402  (shared with the property tests)
from faithfulness import glued_from, html_haystack, repaired_words  # noqa: E402

MODES = ("auto", "text", "html")
MAX_AMPLIFIED = 300_000
"""Largest input after amplification (characters or bytes)."""
SLOW_SECONDS = float(os.environ.get("NEWSCLEAN_FUZZ_SLOW", "20"))
"""One clean call longer than this is reported (hang detector; the CPU may be shared)."""


class SlowInput(Exception):
    """An input took longer than :data:`SLOW_SECONDS`."""


class Broken(AssertionError):
    """An input broke a guarantee."""


def decode_input(data: bytes) -> tuple[str | bytes, str, bool]:
    """(document, mode, check determinism) from one fuzzer input."""
    if len(data) < 4:
        data = data + b"\0" * (4 - len(data))
    flags, rep, start, length = data[0], data[1], data[2], data[3]
    payload = data[4:]
    mode = MODES[(flags & 3) % 3]
    if flags & 8 and payload:
        a = start % len(payload)
        b = min(len(payload), a + 1 + length % 16)
        piece = payload[a:b]
        times = min((rep + 1) * 1000, MAX_AMPLIFIED // max(1, len(piece)))
        payload = payload[:a] + piece * times + payload[b:]
    doc: str | bytes = payload.decode("utf-8", "surrogateescape") if flags & 4 else payload
    return doc, mode, bool(flags & 16)


def _as_text(doc: str | bytes) -> str:
    if isinstance(doc, str):
        return newsclean.api._valid_unicode(doc, [])
    from newsclean.ingest.decode import decode

    return decode(doc).text


def check(doc: str | bytes, mode: str, twice: bool) -> None:
    started = time.perf_counter()
    article = newsclean.clean(doc, mode=mode)
    elapsed = time.perf_counter() - started
    if elapsed > SLOW_SECONDS:
        raise SlowInput(f"clean(mode={mode}) took {elapsed:.1f} s on {len(doc)} units")
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    for p in article.paragraphs:
        if not p or p != p.strip():
            raise Broken(f"empty or unstripped paragraph {p!r}")
    produced = [w for p in article.paragraphs for w in _WORD.findall(p)]
    if article.mode == "text":
        source = repaired_words(_as_text(doc))
        invented = [w for w in produced if w not in source]
    else:
        haystack = html_haystack(_as_text(doc))
        tokens = set(_WORD.findall(haystack))
        invented = [w for w in produced if not glued_from(w, haystack, tokens)]
    if invented:
        raise Broken(f"words not in the input ({article.mode} mode): {invented[:10]}")
    if twice and newsclean.clean(doc, mode=mode).to_dict() != article.to_dict():
        raise Broken("two runs on the same input differ")


FINDINGS = Path(os.environ.get("NEWSCLEAN_FUZZ_FINDINGS", str(HERE / "findings")))
KEEP_GOING = os.environ.get("NEWSCLEAN_FUZZ_KEEP_GOING", "1") != "0"
_seen: dict[str, int] = {}


KEEP_PER_KIND = 20
"""Inputs saved per kind of failure (the exception type and its message up to the first colon)."""


def _signature(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc).split(':')[0]}"


def test_one_input(data: bytes) -> None:
    """The fuzz target. With NEWSCLEAN_FUZZ_KEEP_GOING=1 (the default) a failure is saved to
    ``FINDINGS`` (the first :data:`KEEP_PER_KIND` inputs of each kind) and fuzzing goes on; with 0
    it raises, and libFuzzer stops and writes its own ``crash-*`` file."""
    doc, mode, twice = decode_input(data)
    try:
        check(doc, mode, twice)
    except Exception as exc:
        if not KEEP_GOING:
            raise
        sig = _signature(exc)
        _seen[sig] = _seen.get(sig, 0) + 1
        if _seen[sig] <= KEEP_PER_KIND:
            FINDINGS.mkdir(parents=True, exist_ok=True)
            name = FINDINGS / f"finding-{sum(_seen.values()):04d}-{type(exc).__name__}.bin"
            name.write_bytes(data)
            print(f"\nFINDING {name}: {type(exc).__name__}: {str(exc)[:300]}", file=sys.stderr, flush=True)


# ---- without atheris -------------------------------------------------------------------------------
def _tokens() -> list[bytes]:
    """The tokens of ``newsclean.dict`` (libFuzzer format: ``"..."`` with ``\\xHH``, ``\\\\``, ``\\"``)."""
    out: list[bytes] = []
    for line in (HERE / "newsclean.dict").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not (line.startswith('"') and line.endswith('"') and len(line) >= 2):
            continue
        body, token, i = line[1:-1], bytearray(), 0
        while i < len(body):
            if body[i] == "\\" and body[i + 1:i + 2] == "x":
                token.append(int(body[i + 2:i + 4], 16))
                i += 4
            elif body[i] == "\\":
                token.extend(body[i + 1].encode())
                i += 2
            else:
                token.extend(body[i].encode())
                i += 1
        out.append(bytes(token))
    return out or [b"<p>", b"\r", b" "]


def mutate(data: bytes, rng: random.Random, tokens: list[bytes], corpus: list[bytes]) -> bytes:
    """A few random edits: flip, insert a token, delete, splice another seed, change the header."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(tokens)
        elif op == 2 and buf:
            del buf[pos:pos + rng.randint(1, 64)]
        elif op == 3:
            other = rng.choice(corpus)
            a = rng.randrange(len(other) + 1)
            buf[pos:pos] = other[a:a + rng.randint(1, 256)]
        elif op == 4 and len(buf) >= 4:
            buf[rng.randrange(4)] = rng.randrange(256)
        elif op == 5:
            buf[pos:pos] = rng.choice(tokens) * rng.randint(2, 50)
    return bytes(buf[:65_536])


def plain_loop(seconds: float, seed: int, findings: Path) -> int:
    corpus = [p.read_bytes() for p in sorted((HERE / "corpus").iterdir()) if p.is_file()]
    tokens = _tokens()
    rng = random.Random(seed)
    findings.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + seconds
    runs = failures = 0
    while time.monotonic() < deadline:
        data = mutate(rng.choice(corpus), rng, tokens, corpus)
        runs += 1
        try:
            doc, mode, twice = decode_input(data)
            check(doc, mode, twice)
        except Exception as exc:
            failures += 1
            name = findings / f"plain-{type(exc).__name__}-{runs}.bin"
            name.write_bytes(data)
            print(f"#{runs} {type(exc).__name__}: {str(exc)[:200]} -> {name}", flush=True)
        if runs % 500 == 0:
            left = deadline - time.monotonic()
            print(f"#{runs} inputs, {failures} failures, {left:.0f} s left", flush=True)
    print(f"done: {runs} inputs in {seconds:.0f} s, {failures} failures")
    return 1 if failures else 0


def replay(paths: list[str]) -> int:
    status = 0
    for path in paths:
        data = Path(path).read_bytes()
        doc, mode, twice = decode_input(data)
        try:
            check(doc, mode, twice)
            print(f"ok   {path} ({mode}, {type(doc).__name__}, {len(doc)} units)")
        except Exception as exc:
            status = 1
            what = f"{mode}, {type(doc).__name__}, {len(doc)} units"
            print(f"FAIL {path} ({what}): {type(exc).__name__}: {exc}")
    return status


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--replay", nargs="+")
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--findings", default=str(HERE / "findings"))
    ours, rest = parser.parse_known_args(argv[1:])
    if ours.replay:
        return replay(ours.replay)
    if ours.plain or atheris is None:
        return plain_loop(ours.seconds, ours.seed, Path(ours.findings))
    atheris.Setup([argv[0], *rest], test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
