"""CI runs the README's two Setup commands exactly, so CI fails whenever a newcomer's setup would."""

from __future__ import annotations

import re
from pathlib import Path

from docblocks import parse

REPO = Path(__file__).resolve().parents[1]
_MARK = re.compile(r"^# Setup, command (\d+) \(README\.md\)$")


def readme_setup_commands(readme: str) -> list[str]:
    """The commands of the ``bash`` blocks of the README's ``## Setup`` section, in order."""
    section = readme.split("\n## Setup\n", 1)[1].split("\n## ", 1)[0]
    blocks, _ = parse(section, "README.md")
    return [line for b in blocks if b.lang == "bash" for line in b.code.splitlines() if line.strip()]


def ci_setup_commands(script: str) -> dict[int, str]:
    """The command under each ``# Setup, command N (README.md)`` comment of ``.ci/run``.

    ``set`` lines between the comment and the command (``set +e`` to read pytest's status) are skipped.
    """
    lines = script.splitlines()
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        m = _MARK.match(line.strip())
        if m:
            rest = [x for x in lines[i + 1:] if x.strip() and not x.startswith("set ")]
            found[int(m.group(1))] = rest[0] if rest else ""
    return found


def test_the_readme_has_two_setup_commands() -> None:
    commands = readme_setup_commands((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(commands) == 2, commands
    assert commands[0].startswith("python3 -m venv .venv")
    assert commands[1].startswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_setup_commands_verbatim() -> None:
    commands = readme_setup_commands((REPO / "README.md").read_text(encoding="utf-8"))
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_setup_commands(script) == {1: commands[0], 2: commands[1]}


def test_ci_adds_no_install_step_of_its_own() -> None:
    """A pip upgrade or an extra install in CI would pass where a newcomer's setup fails."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = readme_setup_commands((REPO / "README.md").read_text(encoding="utf-8"))
    body = [line for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert [line for line in body if re.search(r"\bpip\b", line)] == [commands[0]]
    assert [line for line in body if "-m venv" in line] == [commands[0]]


def test_a_changed_command_is_noticed() -> None:
    readme = "# x\n\n## Setup\n\n```bash\npython3 -m venv .venv && .venv/bin/pip install -e .\n```\n\n" \
             "```bash\n.venv/bin/python -m pytest -q\n```\n\n## Use\n\n```bash\nls\n```\n"
    script = ("# Setup, command 1 (README.md)\npython3 -m venv .venv && .venv/bin/pip install -U pip && "
              ".venv/bin/pip install -e .\n# Setup, command 2 (README.md)\nset +e\n"
              ".venv/bin/python -m pytest -q\n")
    commands = readme_setup_commands(readme)
    assert commands == ["python3 -m venv .venv && .venv/bin/pip install -e .",
                        ".venv/bin/python -m pytest -q"]
    found = ci_setup_commands(script)
    assert found[2] == commands[1]
    assert found[1] != commands[0]
