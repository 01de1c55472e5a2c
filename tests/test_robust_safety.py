"""Safe with hostile input: no network, no external entities or DTDs, capped decompression, the CLI
stays inside what it was given and never writes over an input; bad input gets a clear answer.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.batch import Record, process
from newsclean.cli import main
from newsclean.ingest.decode import UNDECODABLE_WARNING

PARAS = ["The city council voted on Tuesday to approve the budget for next year, officials said after a "
         "long meeting that ran late into the night.",
         "The mayor said the plan would fund schools and repair roads across the city over the coming "
         "months, and that work would begin in the spring."]
BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- no network ----------------------------------------------------------------------------------------
def refuse_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make socket creation, connecting, sending and name lookups raise; returns the attempts made."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def _refuse(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network access attempted: {name}")
        return _refuse

    for attr in ("__init__", "connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(socket.socket, attr, refuse(f"socket.{attr}"))
    for attr in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "socketpair"):
        monkeypatch.setattr(socket, attr, refuse(attr))
    return attempts


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Creating a socket, connecting, sending and name lookups raise, and are recorded (in case a
    library swallows the error).

    trafilatura is imported first: importing it imports urllib3, whose import-time IPv6 probe creates
    a socket and binds it to ``::1`` port 0 (no traffic). That probe is not what is tested here; any
    socket made while cleaning is.
    """
    import newsclean.ingest.html  # noqa: F401

    attempts = refuse_network(monkeypatch)
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


def test_the_network_guard_catches_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib.request

    attempts = refuse_network(monkeypatch)
    with pytest.raises(OSError):
        urllib.request.urlopen("http://203.0.113.9/", timeout=1)
    assert attempts


EXTERNAL = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://203.0.113.9/xhtml1-strict.dtd">'
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><base href="http://203.0.113.9/">'
            '<meta http-equiv="refresh" content="0; url=http://203.0.113.9/r">'
            '<link rel="stylesheet" href="http://203.0.113.9/x.css"><link rel="canonical" '
            'href="http://203.0.113.9/article"><script src="http://203.0.113.9/x.js"></script>'
            '<style>@import url("http://203.0.113.9/y.css");</style><title>Council budget</title></head>'
            '<body><article><h1>Council budget</h1><img src="http://203.0.113.9/i.png">'
            '<iframe src="http://203.0.113.9/frame"></iframe><xi:include href="http://203.0.113.9/inc.xml"/>'
            '<object data="http://203.0.113.9/o.swf"></object>' + BODY + "</article></body></html>")


def test_clean_html_opens_no_socket(no_network: list[str]) -> None:
    for data in (EXTERNAL, EXTERNAL.encode()):
        article = newsclean.clean_html(data, url="http://203.0.113.9/article")
        assert article.paragraphs == PARAS


def test_clean_text_and_auto_open_no_socket(no_network: list[str]) -> None:
    newsclean.clean_text("See http://203.0.113.9/x and www.example.com\n\n" + "\n\n".join(PARAS),
                         url="http://203.0.113.9/article")
    assert newsclean.clean(EXTERNAL).paragraphs == PARAS


def test_the_cli_opens_no_socket(no_network: list[str], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.html").write_text(EXTERNAL, encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path / "page.html"), "-f", "jsonl", "-q")
    assert code == 0
    assert json.loads(out)["paragraphs"] == PARAS


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_opens_no_socket(no_network: list[str], workers: int) -> None:
    """Worker processes inherit the guard (fork) and talk to the parent over OS pipes, not sockets."""
    records = [Record(f"p{i}", EXTERNAL if i % 2 else "\n\n".join(PARAS), None,
                      url="http://203.0.113.9/article") for i in range(6)]
    out = list(process(records, workers=workers, chunksize=2))
    assert [o.get("paragraphs") for o in out] == [PARAS] * 6


def test_the_cli_with_workers_opens_no_socket(no_network: list[str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(4):
        (tmp_path / f"page{i}.html").write_text(EXTERNAL, encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-f", "jsonl", "-q", "-w", "2")
    assert code == 0
    assert [json.loads(line)["paragraphs"] for line in out.splitlines()] == [PARAS] * 4


# ---- no file written but the output ---------------------------------------------------------------------
WATCH_WRITES = textwrap.dedent("""
    import os, sys

    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    MUTATING = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate",
                "os.chmod", "os.chown", "os.utime", "shutil.copyfile", "shutil.rmtree", "os.replace"}

    def report(what):
        os.write(2, f"WROTE {what}\\n".encode("utf-8", "backslashreplace"))

    def hook(event, args):
        # every process reports on stderr, forked workers included (they inherit the hook)
        if event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            if (mode and any(c in str(mode) for c in "wax+")) or (flags and flags & WRITE_FLAGS):
                report(os.path.abspath(os.fsdecode(path)))
        elif event in MUTATING:
            report(f"{event} {args[0]!r}")

    sys.addaudithook(hook)
    from newsclean.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_cli_writes_no_file_but_its_output(tree: Path, tmp_path: Path, workers: str) -> None:
    """Every file opened for writing, created, renamed or removed by the CLI (and its workers) is
    watched with an audit hook: the only one is ``-o``. Inputs: text, HTML, gzip, JSON Lines."""
    (tree / "c.txt.gz").write_bytes(gzip.compress("\n\n".join(PARAS).encode()))
    (tree / "d.jsonl").write_text(json.dumps({"id": "x", "html": EXTERNAL}) + "\n", encoding="utf-8")
    work = tmp_path / "cwd"
    work.mkdir()
    out = tmp_path / "result.jsonl.gz"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(work), "TMPDIR": str(work)}
    proc = subprocess.run([sys.executable, "-c", WATCH_WRITES, "clean", str(tree), "-f", "jsonl", "-q",
                           "-o", str(out), "-w", workers], capture_output=True, text=True, cwd=work,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    writes = {line.removeprefix("WROTE ") for line in proc.stderr.splitlines() if line.startswith("WROTE ")}
    assert writes == {str(out)}
    assert list(work.iterdir()) == []
    rows = [json.loads(line) for line in gzip.decompress(out.read_bytes()).decode().splitlines()]
    assert len(rows) == 5 and all(r["paragraphs"] == PARAS for r in rows)


def test_the_write_watch_sees_a_write(tmp_path: Path) -> None:
    """The watch above can fail: a write outside ``-o`` is reported."""
    code = WATCH_WRITES.replace("from newsclean.cli import main",
                                f"open({str(tmp_path / 'stray.txt')!r}, 'w').close()\n"
                                "from newsclean.cli import main")
    proc = subprocess.run([sys.executable, "-c", code, "rules"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert f"WROTE {tmp_path / 'stray.txt'}" in proc.stderr


# ---- external entities and DTDs -------------------------------------------------------------------------
@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-MARKER-7f3a9", encoding="utf-8")
    return path


def _xxe(secret: Path) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            f'<!ENTITY % ext SYSTEM "file://{secret}"> %ext;]><html><head><title>&xxe;</title></head>'
            f"<body><article><p>Before &xxe; after.</p>{BODY}</article></body></html>")


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><html><head><title>&lol9;</title></head>'
            f"<body><article><p>&lol9;</p>{BODY}</article></body></html>")


@pytest.mark.parametrize("mode", ["auto", "html"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_external_entities_are_not_resolved_through_clean(secret: Path, mode: str, as_bytes: bool) -> None:
    page = _xxe(secret)
    article = newsclean.clean(page.encode() if as_bytes else page, mode=mode)
    assert "SECRET-MARKER" not in json.dumps(article.to_dict())
    assert PARAS[0] in article.paragraphs


@pytest.mark.parametrize("mode", ["auto", "html"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_billion_laughs_is_not_expanded_through_clean(mode: str, as_bytes: bool) -> None:
    page = _billion_laughs()
    started = time.perf_counter()
    article = newsclean.clean(page.encode() if as_bytes else page, mode=mode)
    assert time.perf_counter() - started < 30  # a hang detector, not a speed test
    dump = json.dumps(article.to_dict())
    assert "lollollol" not in dump and len(dump) < 20_000
    assert PARAS[0] in article.paragraphs


# ---- compression bombs, truncated containers ------------------------------------------------------------
def test_a_jsonl_gzip_bomb_through_the_cli_is_an_error_record_and_the_run_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "a-bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b'{"id": "big", "text": "' + b"a" * 20_000_000 + b'"}\n'
                                   + json.dumps({"id": "after", "text": PARAS[0]}).encode() + b"\n"))
    (tmp_path / "b.txt").write_text(PARAS[1], encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-f", "jsonl", "-q", "--max-bytes", "1M")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert "line longer than 1048576 bytes" in rows[0]["error"]
    assert [r.get("body") for r in rows[1:]] == [PARAS[0], PARAS[1]]


def _bomb(path: Path, size: int, unit: bytes = b"a") -> Path:
    """``size`` bytes of ``unit`` gzip-compressed into ``path`` (1 GB: about 1 MB), built in pieces."""
    packer = zlib.compressobj(9, wbits=31)
    chunk = unit * (1 << 20)
    with path.open("wb") as fh:
        for _ in range(size >> 20):
            fh.write(packer.compress(chunk))
        fh.write(packer.flush())
    return path


MEASURE = textwrap.dedent("""
    import json, sys
    from newsclean.cli import main
    code = main(sys.argv[1:])
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking process (the test
    # run itself, hundreds of MB by then); VmHWM belongs to this program's own memory.
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024
    print(json.dumps({"code": code, "peak_mb": peak}), file=sys.stderr)
""")


def _check_bomb(tmp_path: Path, name: str, size: int) -> None:
    if name.endswith(".jsonl.gz"):  # one line whose "text" is the bomb, then a good line
        bomb = tmp_path / name
        packer = zlib.compressobj(9, wbits=31)
        with bomb.open("wb") as fh:
            fh.write(packer.compress(b'{"id": "big", "text": "'))
            for _ in range(size >> 20):
                fh.write(packer.compress(b"a" * (1 << 20)))
            after = json.dumps({"id": "after", "text": PARAS[0]}).encode()
            fh.write(packer.compress(b'"}\n' + after + b"\n"))
            fh.write(packer.flush())
    else:
        bomb = _bomb(tmp_path / name, size)
    proc = subprocess.run([sys.executable, "-c", MEASURE, "clean", str(bomb), "-f", "jsonl", "-q"],
                          capture_output=True, text=True, timeout=600)
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    print(f"{size >> 20} MiB {name}: {result}")
    assert result["code"] == 1
    assert "than 33554432 bytes (--max-bytes)" in rows[0]["error"]
    if name.endswith(".jsonl.gz"):
        assert [r["id"] for r in rows] == [f"{bomb}:1", "after"] and rows[1]["body"] == PARAS[0]
    assert result["peak_mb"] < 200, result


LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak memory read from /proc")


@LINUX
@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_a_gzip_bomb_over_the_default_cap_is_refused_under_200_mb(tmp_path: Path, name: str) -> None:
    """Default ``--max-bytes`` (32 MiB): a 64 MiB bomb is refused while streaming, as a document and as
    one JSON Lines line (the next line is still read); the whole CLI run peaks under 200 MB of RSS."""
    _check_bomb(tmp_path, name, 64 << 20)


@LINUX
@pytest.mark.slow
@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_a_1_gb_gzip_bomb_is_refused_under_200_mb(tmp_path: Path, name: str) -> None:
    """The same with 1 GiB (1 MB compressed); with the old 512 MiB cap it peaked at 600 MB."""
    _check_bomb(tmp_path, name, 1 << 30)


def test_a_truncated_warc_through_the_cli_is_reported_with_its_offset(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = f"<html><body><article><h1>Budget</h1>{BODY}</article></body></html>".encode()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(2):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                      payload=io.BytesIO(page), http_headers=http))
    data = buffer.getvalue()
    (tmp_path / "a.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    (tmp_path / "b.txt").write_text(PARAS[0], encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-f", "jsonl", "-q")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert rows[0]["paragraphs"] == PARAS
    assert "truncated WARC record at offset" in rows[1]["error"] and "@" in rows[1]["source"]
    assert rows[2]["body"] == PARAS[0]


# ---- the CLI stays inside what it was given, never writes over an input -------------------------------
def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """in/a.txt, in/sub/b.html, a link to a file outside, a link to a folder outside, outside/secret.txt."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-MARKER-7f3a9 is outside the input folder.", encoding="utf-8")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("\n\n".join(PARAS), encoding="utf-8")
    (root / "sub" / "b.html").write_text(f"<html><body><article>{BODY}</article></body></html>",
                                         encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "link-out.txt")
    os.symlink(outside, root / "dir-out")
    os.symlink(root / "a.txt", root / "link-in.txt")
    return root


def test_the_cli_does_not_follow_links_out_of_a_folder(tree: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clean", str(tree), "-f", "jsonl", "-q")
    assert code == 0
    assert "SECRET-MARKER" not in out
    ids = sorted(Path(json.loads(line)["id"]).name for line in out.splitlines())
    assert ids == ["a.txt", "b.html", "link-in.txt"]


@pytest.mark.parametrize("target", ["a.txt", "sub/b.html", "link-in.txt"])
def test_the_cli_refuses_to_write_over_an_input_found_in_a_folder(tree: Path, target: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(tree)
    code, _, err = run(capsys, "clean", str(tree), "-o", str(tree / target), "-q")
    assert code == 2 and "refusing to write over it" in err
    assert _digest(tree) == before


def test_the_cli_refuses_an_output_linked_to_an_input(tree: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(tree)
    os.symlink(tree / "a.txt", tmp_path / "out-link.txt")
    os.link(tree / "a.txt", tmp_path / "out-hardlink.txt")
    for out in ("out-link.txt", "out-hardlink.txt"):
        code, _, err = run(capsys, "clean", str(tree / "a.txt"), "-o", str(tmp_path / out), "-q")
        assert code == 2 and "refusing to write over it" in err
    assert _digest(tree) == before


def test_a_normal_run_leaves_every_input_unchanged(tree: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(tree)
    for fmt in ("text", "json", "jsonl"):
        code, _, _ = run(capsys, "clean", str(tree), "-f", fmt, "-q", "-o", str(tmp_path / f"out.{fmt}"))
        assert code == 0
    assert _digest(tree) == before
    assert os.path.islink(tree / "link-out.txt") and os.path.islink(tree / "dir-out")


# ---- bad input gets a clear answer ----------------------------------------------------------------------
@pytest.mark.parametrize("data", [Path("page.html"), 3 + 4j, b"x".decode, object(), None, ["<p>x</p>"],
                                  iter([b"x"])], ids=["path", "complex", "function", "object", "None",
                                                      "list", "iterator"])
def test_wrong_types_raise_type_error_naming_the_type(data: object) -> None:
    with pytest.raises(TypeError, match=type(data).__name__):
        newsclean.clean(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [bytearray(b"<p>x</p>"), memoryview(b"Text of a story."),
                                  type("Text", (str,), {})("A str subclass.")],
                         ids=["bytearray", "memoryview", "str-subclass"])
def test_bytes_like_and_str_subclasses_are_accepted(data: object) -> None:
    assert isinstance(newsclean.clean(data).body, str)  # type: ignore[arg-type]


def test_undecodable_bytes_are_replaced_with_a_warning() -> None:
    page = (b'<html><head><meta charset="utf-8"></head><body><article><p>Caf\xe9 \xff\xfe owners said the '
            b"council voted on Tuesday to approve the budget for next year after a long meeting.</p>"
            b"</article></body></html>")
    article = newsclean.clean(page)
    assert UNDECODABLE_WARNING in article.warnings
    assert "Caf\ufffd" in article.body and "council voted on Tuesday" in article.body


def test_bytes_in_no_known_encoding_still_give_text_and_a_warning() -> None:
    data = bytes(range(128, 256)) * 20 + b"\n\nThe council voted on Tuesday, officials said."
    article = newsclean.clean(data, mode="text")
    assert any(w.startswith(("encoding guessed", UNDECODABLE_WARNING)) for w in article.warnings)
    assert "The council voted on Tuesday, officials said." in article.paragraphs
