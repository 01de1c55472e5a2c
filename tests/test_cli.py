"""The ``newsclean`` command line: run in-process through ``main(argv)``, plus one real subprocess."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclean import __version__, default_pipeline
from newsclean.cli import UsageError, main

STORY = ("Council approves new budget\n\n"
         "The city council voted on Tuesday to approve the budget for next year, officials said after "
         "a long meeting.\n\n"
         "The mayor said the plan would fund schools and repair roads across the city over the coming "
         "months.\n\n"
         "Share on Facebook")
BODY = STORY.split("\n\n")[1] + "\n\n" + STORY.split("\n\n")[2]


def story(i: int) -> str:
    return STORY + (f"\n\nThe council will meet again on day {i} of next month, the clerk said in a "
                    "statement on Wednesday.")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# ---- help, version, errors ---------------------------------------------------------------------
@pytest.mark.parametrize("command", ["clean", "explain", "rules", "eval", "fixture", "fixture new",
                                     "fixture add"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*command.split(), "--help"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: newsclean {command}")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"newsclean {__version__}"


@pytest.mark.parametrize(("argv", "message"), [
    (["clean", "no/such/file.txt"], "newsclean: error: no/such/file.txt: no such file or folder"),
    (["clean", "--disable", "nope", "-"], "newsclean: error: --disable: unknown rule 'nope'; available "
                                          "rules: site_chrome, "),
    (["rules", "--config", "missing.toml"], "newsclean: error: --config missing.toml: no such file"),
    (["eval", "gold.json"], "newsclean: error: give GOLD and at least one PRED file (or --run DATA_DIR)"),
])
def test_usage_errors_are_one_line_and_exit_2(argv: list[str], message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_bad_option_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["clean", "--format", "xml", "-"])
    assert exc.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_debug_shows_the_exception() -> None:
    with pytest.raises(UsageError, match="no such file"):
        main(["--debug", "clean", "missing.txt"])


# ---- clean -------------------------------------------------------------------------------------
def test_clean_a_text_file_to_stdout(story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "clean", str(story_file))
    assert code == 0
    assert out == BODY + "\n"
    assert err.startswith("newsclean: 1 document in ") and "0 errors; removed lines: site_chrome 1" in err


def test_text_format_separates_documents_with_a_form_feed(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(2):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-q")
    first, second = out.split("\f\n")
    assert code == 0 and "on day 0 of" in first and "on day 1 of" in second


def test_jsonl_with_workers_keeps_order_and_passes_fields_through(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": story(i), "lang": "en", "rank": i}) + "\n"
                           for i in range(8)), encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "clean", str(src), "-f", "jsonl", "-o", str(out_path), "--workers", "2",
                         "--chunk-size", "1")
    assert code == 0 and out == ""
    rows = jsonl(out_path.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == [f"n{i}" for i in range(8)]
    assert [r["rank"] for r in rows] == list(range(8)) and all(r["lang"] == "en" for r in rows)
    assert all(f"on day {r['rank']} of" in r["body"] for r in rows)
    assert rows[0]["source"] == f"{src}:1" and "text" not in rows[0]
    assert "8 documents in" in err


def test_failed_records_keep_their_place_and_exit_1(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(os.urandom(3000))[:500])
    (tmp_path / "c.txt").write_text(story(3), encoding="utf-8")
    code, out, err = run(capsys, "clean", str(tmp_path), "-f", "jsonl", "--workers", "2")
    rows = jsonl(out)
    assert code == 1
    assert [Path(r["id"]).name for r in rows] == ["a.txt", "b.txt.gz", "c.txt"]
    assert rows[1]["source"] == str(tmp_path / "b.txt.gz")
    assert rows[1]["error"].startswith("truncated gzip data: stopped at compressed offset 500")
    assert "error" not in rows[0] and "error" not in rows[2]
    assert f"newsclean: failed: {tmp_path / 'b.txt.gz'}: truncated gzip data" in err
    assert "3 documents in" in err and "1 error;" in err


def test_compression_bomb_is_reported_not_expanded(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"A" * 3_000_000))
    code, out, _ = run(capsys, "clean", str(bomb), "-f", "jsonl", "--max-bytes", "64k", "-q")
    [row] = jsonl(out)
    assert code == 1
    assert row["error"] == ("document decompresses to more than 65536 bytes (--max-bytes); "
                            "skipped as a possible compression bomb")


def test_never_writes_over_an_input(story_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "clean", str(story_file), "-o", str(story_file))
    assert code == 2
    assert "is one of the inputs; refusing to write over it" in err
    assert story_file.read_text(encoding="utf-8") == STORY


def test_an_output_inside_an_input_folder_is_not_read_back(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    assert run(capsys, "clean", str(tmp_path), "-f", "jsonl", "-o", str(out_path), "-q")[0] == 0
    assert [Path(r["id"]).name for r in jsonl(out_path.read_text(encoding="utf-8"))] == ["a.txt"]
    # Run again: out.jsonl is now an input found in the folder, so it is not written over
    # (tests/test_robust_safety.py has the general case).
    code, _, err = run(capsys, "clean", str(tmp_path), "-f", "jsonl", "-o", str(out_path), "-q")
    assert code == 2 and "is one of the inputs (in the folder" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(STORY.encode()))))
    code, out, _ = run(capsys, "clean", "-", "-f", "json", "-q")
    [row] = json.loads(out)
    assert code == 0 and row["id"] == "<stdin>" and row["body"] == BODY


def test_json_format_is_one_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-f", "json", "-q")
    rows = json.loads(out)
    assert code == 0 and [Path(r["id"]).name for r in rows] == ["0.txt", "1.txt", "2.txt"]


def test_warc_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(2):
            html = "<html><body><article>" + "".join(
                f"<p>{p}</p>" for p in story(i).split("\n\n")) + "</article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                          payload=io.BytesIO(html.encode()),
                                                          http_headers=http))
    code, out, _ = run(capsys, "clean", str(path), "-f", "jsonl", "-q")
    rows = jsonl(out)
    assert code == 0 and [r["url"] for r in rows] == ["https://example.com/0", "https://example.com/1"]
    assert all(r["id"].startswith("<urn:uuid:") and r["mode"] == "html" for r in rows)
    assert "on day 1 of" in rows[1]["body"]


def test_config_and_disable(story_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "newsclean.toml"
    config.write_text('[pipeline]\ndisable = ["line_scorer"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(story_file), "--config", str(config), "--disable", "site_chrome",
                       "-q")
    assert code == 0 and out.rstrip().endswith("Share on Facebook")


# ---- explain -----------------------------------------------------------------------------------
def test_explain_marks_removed_lines_with_rule_and_reason(story_file: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", str(story_file), "--no-color")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(f"{story_file}: mode text, 4 blocks:")
    assert "   0 T Council approves new budget" in lines
    i = lines.index("   3 - Share on Facebook")
    assert lines[i + 1].startswith("       [site_chrome] site_chrome ")
    assert "found:" in lines and "\x1b[" not in out
    code, out, _ = run(capsys, "explain", str(story_file), "--color")
    assert "\x1b[31m" in out


def test_explain_picks_a_record_of_a_jsonl_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": story(i)}) + "\n" for i in range(3)))
    code, out, _ = run(capsys, "explain", str(src), "--record", "n2")
    assert code == 0 and out.startswith(f"{src}:3 (n2): mode text") and "on day 2 of" in out


# ---- rules -------------------------------------------------------------------------------------
def test_rules_lists_order_options_and_origin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and out.startswith(" 1. site_chrome  (built in)\n")
    assert "ticker" in out and out.rstrip().splitlines()[-1].startswith("resolver: core_protection=")
    code, out, _ = run(capsys, "rules", "--disable", "ticker,duplicate")
    assert "ticker" not in out and "duplicate" not in out
    config = tmp_path / "c.toml"
    config.write_text("[pipeline]\ndisable = [\"headline_list\"]\n[rules.title]\nwindow = 5\n")
    code, out, _ = run(capsys, "rules", "--config", str(config), "--json")
    described = json.loads(out)
    names = [d["name"] for d in described]
    assert "headline_list" not in names and names[0] == "site_chrome"
    title = described[names.index("title")]
    assert title["options"]["window"] == 5
    assert title["origin"] == f"built in, options from config {config}"


# ---- eval --------------------------------------------------------------------------------------
def test_eval_scores_json_and_jsonl_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = {f"d{i}": {"articleBody": BODY + f" Day {i}.", "url": f"https://x/{i}"} for i in range(3)}
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    (tmp_path / "perfect.json").write_text(json.dumps({k: v["articleBody"] for k, v in gold.items()}))
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"d{i}.txt").write_text(STORY + f"\n\nDay {i}.")
    assert run(capsys, "clean", str(pages), "-f", "jsonl", "-o", str(tmp_path / "ours.jsonl"), "-q")[0] == 0
    code, out, _ = run(capsys, "eval", str(tmp_path / "gold.json"), str(tmp_path / "perfect.json"),
                       str(tmp_path / "ours.jsonl"), "--bootstrap", "20")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["system", "F1", "P", "R", "±F1", "±P", "±R", "n"]
    assert lines[2].split()[:2] == ["perfect", "1.000"] and lines[2].split()[-1] == "3"
    assert lines[3].split()[0] == "ours"
    assert "bootstrap standard deviation over 20 resamples; 3 gold documents" in out


def test_eval_run_over_a_bench_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = tmp_path / "bench"
    (bench / "text-inputs").mkdir(parents=True)
    gold = {f"d{i}": {"articleBody": BODY, "url": f"https://x/{i}"} for i in range(2)}
    (bench / "ground-truth.json").write_text(json.dumps(gold))
    (bench / "text-inputs" / "raw.json").write_text(json.dumps({k: {"articleBody": STORY} for k in gold}))
    code, out, _ = run(capsys, "eval", "--run", str(bench), "--mode", "text", "--input", "raw",
                       "--bootstrap", "10", "-q")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[-1] == "docs/s"
    assert lines[2].startswith("raw (input)") and lines[3].startswith("newsclean (text: raw)")
    assert lines[3].split()[3] == "1.000"  # recall: nothing of the gold body lost
    code, _, err = run(capsys, "eval", "--run", str(bench), "--mode", "text")
    assert code == 2 and "needs --input NAME; available: raw" in err


# ---- fixture -----------------------------------------------------------------------------------
def test_fixture_new_writes_a_draft_and_will_not_overwrite_it(story_file: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean import fixtures

    code, out, _ = run(capsys, "fixture", "new", str(story_file))
    expected_path = story_file.with_name("story.expected.json")
    assert code == 0 and out.startswith(f"wrote {expected_path}: title 'Council approves new budget'")
    draft = json.loads(expected_path.read_text(encoding="utf-8"))
    assert list(draft) == ["title", "subtitle", "metadata", "body", "removed"]
    assert draft["body"] == BODY.split("\n\n")
    assert draft["removed"] == [{"text": "Share on Facebook", "kind": "site_chrome"}]
    [case] = fixtures.discover(story_file.parent)
    assert fixtures.compare(fixtures.load_expected(case.expected_path), fixtures.run_case(case)) == []
    code, _, err = run(capsys, "fixture", "new", str(story_file))
    assert code == 2 and "exists; use --force" in err
    assert run(capsys, "fixture", "new", str(story_file), "--force")[0] == 0


def test_fixture_add_copies_the_page_into_the_folder(story_file: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    gz = tmp_path / "page.bin"
    gz.write_bytes(gzip.compress(STORY.encode()))
    code, _, err = run(capsys, "fixture", "add", str(gz), "--to", str(tmp_path / "cases"))
    assert code == 2 and "give --name NAME.html or NAME.txt" in err
    code, _, _ = run(capsys, "fixture", "add", str(gz), "--to", str(tmp_path / "cases"),
                     "--name", "site-001.txt.gz", "--url", "https://example.com/a")
    assert code == 0
    expected = json.loads((tmp_path / "cases" / "site-001.expected.json").read_text(encoding="utf-8"))
    assert expected["url"] == "https://example.com/a"
    assert (tmp_path / "cases" / "site-001.txt.gz").read_bytes() == gz.read_bytes()


# ---- the real thing ----------------------------------------------------------------------------
def test_subprocess_pipeline_with_workers(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": i, "text": story(i)}) + "\n" for i in range(6))
    lines += "this line is not JSON\n"
    proc = subprocess.run([sys.executable, "-m", "newsclean.cli", "clean", "-", "-f", "jsonl", "-w", "2"],
                          input=lines.encode(), capture_output=True, timeout=60)
    rows = jsonl(proc.stdout.decode())
    assert proc.returncode == 1
    assert [r["id"] for r in rows] == [0, 1, 2, 3, 4, 5, "<stdin>:7"]
    assert rows[-1]["error"].startswith("invalid JSON")
    assert "7 documents in" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


# ---- the first hour: output format, naming, warnings, missing paths, --debug, progress ----------
def test_the_output_format_follows_the_output_name(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": story(i)}) + "\n" for i in range(2)))
    code, _, _ = run(capsys, "clean", str(src), "-o", str(tmp_path / "out.jsonl"), "-q")
    rows = jsonl((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert code == 0 and [r["id"] for r in rows] == ["n0", "n1"] and "on day 1 of" in rows[1]["body"]
    code, _, _ = run(capsys, "clean", str(src), "-o", str(tmp_path / "out.json.gz"), "-q")
    assert code == 0 and len(json.loads(gzip.decompress((tmp_path / "out.json.gz").read_bytes()))) == 2
    code, _, _ = run(capsys, "clean", str(src), "-o", str(tmp_path / "out.txt"), "-q")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith(f"==> {src}:1 (n0) <==\n")


def test_an_f_contradicting_the_output_name_is_a_usage_error(story_file: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "clean", str(story_file), "-o", str(out_path), "-f", "text")
    assert code == 2 and out == "" and not out_path.exists()
    assert err == (f"newsclean: error: -o {out_path} names a jsonl file but -f text was given; drop -f "
                   "or give the file a name ending in the format's extension\n")
    assert run(capsys, "clean", str(story_file), "-o", str(out_path), "-f", "jsonl", "-q")[0] == 0


def test_text_output_names_each_document_when_there_are_several(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(2):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")
    code, out, _ = run(capsys, "clean", str(tmp_path), "-q")
    assert code == 0
    assert out.startswith(f"==> {tmp_path / '0.txt'} <==\nThe city council")
    assert f"\f\n==> {tmp_path / '1.txt'} <==\nThe city council" in out


def test_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, "clean", str(empty))
    assert code == 0 and out == ""
    assert f"newsclean: warning: {empty}: empty input: no text to clean\n" in err
    code, _, err = run(capsys, "clean", str(empty), "-q")
    assert err == ""


def test_a_missing_path_among_many_is_one_error_record(story_file: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "gone.txt")
    code, out, err = run(capsys, "clean", missing, str(story_file), "-f", "jsonl")
    rows = jsonl(out)
    assert code == 1
    assert rows[0] == {"id": missing, "source": missing, "error": "no such file or folder"}
    assert rows[1]["body"] == BODY
    assert f"newsclean: failed: {missing}: no such file or folder" in err and "2 documents in" in err
    code, out, err = run(capsys, "clean", missing, str(tmp_path / "gone2.txt"))
    assert code == 2 and out == "" and err == "newsclean: error: none of the given paths exists\n"


BOOM_RULES = """
from newsclean import Rule


class Boom(Rule):
    \"\"\"Fail on every document (a test of error reporting).\"\"\"

    name = "boom"

    def apply(self, doc, context):
        return explode()


def explode():
    raise RuntimeError("boom in a rule")
"""


def test_debug_prints_the_traceback_of_a_failed_record(story_file: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "boom_rules", raising=False)
    (tmp_path / "boom_rules.py").write_text(BOOM_RULES, encoding="utf-8")
    config = tmp_path / "boom.toml"
    config.write_text('[pipeline]\nadd = [{rule = "boom_rules:Boom", after = "ticker"}]\n')
    # a rule that raises is skipped with a warning unless --strict: then the record fails, with an
    # error that names the rule
    options = ["-f", "jsonl", "--config", str(config), "--strict"]
    error = "RuleError: rule 'boom' failed: RuntimeError: boom in a rule"
    argv = ["clean", str(story_file), *options]
    code, out, err = run(capsys, *argv)
    [row] = jsonl(out)
    assert code == 1 and row["error"] == error and "Traceback" not in err
    code, out, err = run(capsys, "--debug", *argv)
    [row] = jsonl(out)
    assert code == 1 and "traceback" not in row
    assert f"newsclean: failed: {story_file}: {error}\n    Traceback" in err
    assert "in explode\n" in err and err.count(error) == 2
    # from worker processes too: the rule's module is found beside the config there as well
    code, out, err = run(capsys, "--debug", "clean", str(story_file), str(story_file), *options,
                         "-w", "2", "--chunk-size", "1")
    # each failed record's line is followed by its traceback (chained: the rule's error, then RuleError)
    assert code == 1 and len(jsonl(out)) == 2 and "in explode\n" in err
    assert err.count(f"{error}\n    Traceback") == 2


def test_progress_bar_is_off_unless_asked_when_stderr_is_no_terminal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": story(i)}) + "\n" for i in range(3)))
    _, _, err = run(capsys, "clean", str(src), "-f", "jsonl")
    assert "3/3" not in err and "doc/s" not in err
    _, _, err = run(capsys, "clean", str(src), "-f", "jsonl", "--progress", "-q")
    assert "3/3 [" in err
    _, _, err = run(capsys, "clean", str(src), "-f", "jsonl", "--no-progress")
    assert "3/3" not in err


def test_rules_never_cut_a_description_mid_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--json")
    described = json.loads(out)
    assert code == 0 and len(described) == len(default_pipeline().names)
    assert all(d["summary"].endswith((".", ")")) for d in described), [d["summary"] for d in described]
    teasers = next(d for d in described if d["name"] == "teasers")
    assert teasers["summary"].endswith("and feeds of dated items.")
    _, out, _ = run(capsys, "rules")
    assert max(len(line) for line in out.splitlines()) <= 100
    block = out.split("teasers  (built in)\n")[1].split("    options:")[0]
    assert " ".join(block.split()) == teasers["summary"]


@pytest.mark.parametrize(("doc", "first"), [
    ("Drop teasers: runs under a label, a\n    bulleted list.\n\n    More.",
     "Drop teasers: runs under a label, a bulleted list."),
    ("Keep lists. They matter.", "Keep lists."),
    ("Keep e.g. lists, i.e. items.", "Keep e.g. lists, i.e. items."),
    ("Drop it (see ``x``). Then more.", "Drop it (see ``x``)."),
    (None, ""),
])
def test_a_rule_summary_is_its_first_sentence(doc: str | None, first: str) -> None:
    from newsclean.rules.base import summary

    assert summary(doc) == first
