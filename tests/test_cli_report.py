"""What ``clean`` prints on stderr: failures, tracebacks under --debug, warnings, the summary."""

from __future__ import annotations

import pytest

from newsclean.cli_report import Report


def test_warnings_are_listed_up_to_ten_then_counted(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report()
    for i in range(12):
        report.add({"id": f"d{i}", "source": f"d{i}.txt", "body": "", "warnings": ["empty input"]})
    report.add({"id": "ok", "source": "ok.txt", "body": "Text.", "warnings": []})
    report.print(quiet=False, debug=False)
    lines = capsys.readouterr().err.splitlines()
    assert lines[:2] == ["newsclean: warning: d0.txt: empty input", "newsclean: warning: d1.txt: empty input"]
    assert "newsclean: warning: d10.txt: empty input" not in lines
    assert lines[10] == "newsclean: ... and 2 more warnings"
    assert lines[11].startswith("newsclean: 13 documents in ") and "0 errors" in lines[11]


def test_tracebacks_leave_the_record_and_show_only_under_debug(capsys: pytest.CaptureFixture[str]) -> None:
    record = {"id": "a", "source": "a.txt", "error": "RuntimeError: boom",
              "traceback": "Traceback (most recent call last):\n  ...\nRuntimeError: boom\n"}
    report = Report()
    report.add(record)
    assert "traceback" not in record  # the output record keeps its usual fields
    report.print(quiet=False, debug=False)
    err = capsys.readouterr().err
    assert err.startswith("newsclean: failed: a.txt: RuntimeError: boom\n") and "Traceback" not in err
    report.print(quiet=True, debug=True)
    assert capsys.readouterr().err == ("    Traceback (most recent call last):\n      ...\n"
                                       "    RuntimeError: boom\n")
