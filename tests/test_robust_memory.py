"""Memory: big inputs are handled within a bounded memory budget (numbers in docs/guarantees.md).

Each case runs in a subprocess whose address space is capped with ``RLIMIT_AS``: the test checks
that the run completes under the cap, not how long it takes. The default run uses a 50 MB input cut
to a small ``max_chars`` (the cut happens before the costly work, which is what keeps memory
bounded); ``--runslow`` runs the 50 MB document and the 100 MB single line with the default
``max_chars`` (5,000,000), in text and in HTML mode, and prints the peak RSS of each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux")

GIB = 1024 ** 3

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    kind, mb, mode, max_chars, as_bytes, cap = sys.argv[1:7]
    resource.setrlimit(resource.RLIMIT_AS, (int(cap), int(cap)))
    import newsclean

    n = int(float(mb) * 1_000_000)
    sentence = ("The city council voted on Tuesday to approve the budget for next year, officials said "
                "after a long meeting. ")
    if kind == "document":  # many different paragraphs
        paragraphs, size, i = [], 0, 0
        while size < n:
            p = f"Paragraph {i}: " + sentence * 3
            paragraphs.append(f"<p>{p}</p>" if mode == "html" else p)
            size += len(paragraphs[-1]) + 2
            i += 1
        data = ("<html><body><article>" + "\\n".join(paragraphs) + "</article></body></html>"
                if mode == "html" else "\\n\\n".join(paragraphs))
        del paragraphs
    else:  # one line
        data = (sentence * (n // len(sentence) + 1))[:n]
        if mode == "html":
            data = "<html><body><article><p>" + data + "</p></article></body></html>"
    if as_bytes == "1":
        data = data.encode()

    def status(key):
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith(key))

    rss_with_input = status("VmRSS:") // 1024
    try:  # reset the high-water mark: the peak below is the cleaning's, not the input building's
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    started, cpu = time.perf_counter(), time.process_time()
    article = newsclean.clean(data, mode=mode, max_chars=int(max_chars))
    print(json.dumps({"paragraphs": len(article.paragraphs), "body_chars": len(article.body),
                      "warnings": article.warnings[:3], "input_mb": round(len(data) / 1e6),
                      "rss_with_input_mb": rss_with_input, "peak_rss_mb": status("VmHWM:") // 1024,
                      "peak_vm_mb": status("VmPeak:") // 1024,
                      "seconds": round(time.perf_counter() - started, 1),
                      "cpu_seconds": round(time.process_time() - cpu, 1)}))
""")


def run_capped(kind: str, mb: float, mode: str, *, max_chars: int = 5_000_000, as_bytes: bool = False,
               cap: int = 3 * GIB) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", CHILD, kind, str(mb), mode, str(max_chars),
                           "1" if as_bytes else "0", str(cap)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, f"failed under a {cap / GIB:g} GiB address-space cap:\n{proc.stderr[-3000:]}"
    result: dict[str, object] = json.loads(proc.stdout)
    print(f"{kind} {mb} MB {mode} max_chars={max_chars} bytes={as_bytes}: {result}")
    return result


@pytest.mark.parametrize(("mode", "as_bytes"), [("text", False), ("html", True)])
def test_a_50_mb_input_is_cut_before_the_work_under_a_2_gib_cap(mode: str, as_bytes: bool) -> None:
    result = run_capped("line", 50, mode, max_chars=300_000, as_bytes=as_bytes, cap=2 * GIB)
    assert result["body_chars"] and int(result["body_chars"]) <= 300_000  # type: ignore[call-overload]
    assert any("input cut to 300000 characters" in w for w in result["warnings"])  # type: ignore[attr-defined]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["text", "html"])
@pytest.mark.parametrize(("kind", "mb"), [("document", 50), ("line", 100)])
def test_big_inputs_with_the_default_max_chars_under_a_3_gib_cap(kind: str, mb: int, mode: str) -> None:
    result = run_capped(kind, mb, mode, cap=3 * GIB)
    assert result["paragraphs"]
    assert any("input cut to 5000000 characters" in w for w in result["warnings"])  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_100_mb_line_as_bytes_under_a_3_gib_cap() -> None:
    run_capped("line", 100, "text", as_bytes=True, cap=3 * GIB)


if __name__ == "__main__":  # the table in docs/guarantees.md: python tests/test_robust_memory.py
    rows = []
    for kind, mb in (("document", 50), ("line", 100)):
        for mode in ("text", "html"):
            for max_chars in (5_000_000, 200_000_000):
                r = run_capped(kind, mb, mode, max_chars=max_chars, cap=8 * GIB)
                rows.append(f"| {mb} MB {kind} | {mode} | {max_chars:,} | {r['rss_with_input_mb']} MB | "
                            f"{r['peak_rss_mb']} MB | {r['cpu_seconds']} s | {r['paragraphs']} |")
    print("| input | mode | max_chars | RSS with the input loaded | peak RSS while cleaning | CPU "
          "| paragraphs |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
