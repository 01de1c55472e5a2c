"""Binary input is refused with a clear message: executables, images, archives, NUL-heavy bytes.

It used to become text: ``newsclean clean /bin/ls`` exited 0 with 342 paragraphs of ELF garbage.
Now the API raises :class:`newsclean.api.NotTextError` ("not text or HTML: looks like an ELF
executable") and a batch or the CLI gives an error record for it. Text in any encoding, UTF-16/32
without a byte-order mark included, must still go through (the hard negatives below).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
import zipfile
from pathlib import Path

import pytest

import newsclean
from newsclean.api import NotTextError
from newsclean.batch import Record, process
from newsclean.cli import main
from newsclean.ingest.binary import sniff_binary

STORY = ("Council approves new budget\n\nThe city council voted on Tuesday to approve the budget for next "
         "year, officials said after a long meeting.\n\nThe mayor said the plan would fund schools.")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", STORY)
    return buffer.getvalue()


BINARY: dict[str, tuple[bytes, str]] = {
    "elf": (b"\x7fELF\x02\x01\x01\x00" + bytes(56) + STORY.encode(), "an ELF executable"),
    "pe": (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200) + b"This program cannot be run",
           "a Windows (PE/DOS) executable"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), "a PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40), "a JPEG image"),
    "gif": (b"GIF89a\x01\x00\x01\x00" + bytes(20), "a GIF image"),
    "zip": (_zip(), "a ZIP archive (or a docx/xlsx/jar/epub)"),
    "gzip": (gzip.compress(STORY.encode()), "gzip-compressed data"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    "sqlite": (b"SQLite format 3\x00" + bytes(84), "an SQLite database"),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_known_formats_are_named(name: str) -> None:
    data, what = BINARY[name]
    assert sniff_binary(data) == what
    with pytest.raises(NotTextError, match=f"^not text or HTML: looks like {what}$".replace("(", r"\(")
                       .replace(")", r"\)")):
        newsclean.clean(data)


@pytest.mark.parametrize("data", [bytes(100), random.Random(7).randbytes(5000), b"\x01\x02\x03\x04" * 50,
                                  bytes(range(32)) * 20],
                         ids=["nul-run", "random", "controls", "all-c0"])
def test_nul_heavy_and_random_bytes_are_binary_data(data: bytes) -> None:
    what = sniff_binary(data)
    assert what is not None and what.startswith("binary data (")
    for call in (newsclean.clean, newsclean.clean_text, newsclean.clean_html, newsclean.trace):
        with pytest.raises(NotTextError):
            call(data)


@pytest.mark.skipif(not Path(sys.executable).is_file(), reason="no interpreter binary on disk")
def test_a_real_executable_is_refused() -> None:
    data = Path(sys.executable).resolve().read_bytes()[:200_000]
    assert sniff_binary(data) is not None


TEXTS: dict[str, bytes] = {
    "utf-16-le": STORY.encode("utf-16-le"),
    "utf-16-be": STORY.encode("utf-16-be"),
    "utf-32-le": STORY.encode("utf-32-le"),
    "utf-16-bom": STORY.encode("utf-16"),
    "utf-16-cyrillic": "Совет проголосовал за бюджет в среду, сообщили чиновники.".encode("utf-16-le"),
    "utf-16-greek": "Το συμβούλιο ψήφισε τον προϋπολογισμό.".encode("utf-16-be"),
    "cp1252": "Café crème, déjà vu: the council voted.".encode("cp1252"),
    "high-bytes": bytes(range(128, 256)) * 20 + b"\n\nThe council voted on Tuesday, officials said.",
    "shift-jis": "議会は予算を承認した。市長は学校に資金を出すと述べた。".encode("shift_jis"),
    "gbk": "市议会投票通过了预算。".encode("gbk"),
    "mz-word": b"MZ Motors sold more cars this year, the company said on Tuesday.",
    "bm-word": b"BMW sold more cars this year, the company said on Tuesday.",
    "id3-word": b"ID3 tags are metadata in audio files, the guide says.",
    "a-few-nuls": STORY.encode().replace(b" ", b"\x00", 3),
    "html-with-nuls": b"<p>\x00</p>" * 50,
    "escape-codes": b"\x1b[1mBold\x1b[0m text of the story, officials said.\n" * 20,
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_in_any_encoding_is_not_refused(name: str) -> None:
    assert sniff_binary(TEXTS[name]) is None
    assert isinstance(newsclean.clean(TEXTS[name]).body, str)


def test_utf16_without_a_bom_still_gives_the_story() -> None:
    assert "The city council voted" in newsclean.clean(TEXTS["utf-16-le"], mode="text").body


def test_a_str_is_never_refused() -> None:
    assert isinstance(newsclean.clean("\x00" * 100 + "\x7fELF").body, str)


def test_a_batch_gives_an_error_record_for_binary_and_goes_on() -> None:
    records = [Record("a", STORY, "text"), Record("elf", BINARY["elf"][0]), Record("b", STORY.encode())]
    out = list(process(records))
    assert [o["id"] for o in out] == ["a", "elf", "b"]
    assert out[1]["error"] == "not text or HTML: looks like an ELF executable"
    assert "body" not in out[1] and out[0]["body"] == out[2]["body"] != ""


def test_the_cli_refuses_an_executable_gzipped_or_not(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(BINARY["elf"][0])
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(BINARY["png"][0]))
    code = main(["clean", str(tmp_path), "-f", "jsonl", "-q"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [Path(r["id"]).name for r in rows] == ["a.txt", "b.txt", "c.txt.gz"]
    assert rows[0]["body"].startswith("The city council voted")
    assert rows[1]["error"] == "not text or HTML: looks like an ELF executable"
    assert rows[2]["error"] == "not text or HTML: looks like a PNG image"
