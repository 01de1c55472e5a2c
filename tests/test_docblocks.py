"""The docs-example collector (``tests/docblocks.py``): fences, markers, commands, the output matcher."""

from __future__ import annotations

import textwrap

import pytest
from docblocks import console_commands, iter_arrow_checks, matches, parse


def blocks_of(markdown: str):  # type: ignore[no-untyped-def]
    return parse(textwrap.dedent(markdown), "x.md")


def test_fences_give_language_line_and_code() -> None:
    blocks, strays = blocks_of("""\
        # Title

        ```python
        print(1)
        ```

        ```toml
        a = 1
        ```
        """)
    assert [(b.lang, b.line, b.code) for b in blocks] == [("python", 3, "print(1)\n"),
                                                          ("toml", 7, "a = 1\n")]
    assert blocks[0].id == "x.md:3"
    assert not strays


def test_an_indented_fence_in_a_list_item_is_dedented() -> None:
    blocks, _ = blocks_of("""\
        * item:

          ```console
          $ newsclean --version
          ```
        """)
    assert blocks[0].lang == "console"
    assert blocks[0].code == "$ newsclean --version\n"


def test_markers_attach_to_the_next_block_only() -> None:
    blocks, strays = blocks_of("""\
        <!-- not-run: needs a cluster -->
        <!-- illustrative -->

        ```python
        a = 1
        ```

        ```python
        b = 2
        ```
        """)
    assert blocks[0].not_run == "needs a cluster" and blocks[0].illustrative
    assert blocks[1].not_run is None and not blocks[1].illustrative
    assert not strays


def test_setup_and_exit_markers() -> None:
    blocks, _ = blocks_of("""\
        <!-- setup
        text = "Hello"
        -->
        <!-- exit: 2 -->
        ```python
        print(text)
        ```
        """)
    assert blocks[0].setup.strip() == 'text = "Hello"'
    assert blocks[0].exit_code == 2


def test_an_ordinary_comment_is_no_marker() -> None:
    blocks, strays = blocks_of("""\
        <!-- TODO: rewrite this page -->
        ```python
        a = 1
        ```
        """)
    assert blocks[0].not_run is None and not blocks[0].setup
    assert not strays


def test_a_marker_followed_by_prose_or_nothing_is_stray() -> None:
    _, strays = blocks_of("""\
        <!-- illustrative -->
        Some prose.

        <!-- not-run: slow -->
        """)
    assert [s.line for s in strays] == [1, 4]


def test_a_marker_above_a_block_that_does_not_run_is_stray() -> None:
    _, strays = blocks_of("""\
        <!-- illustrative -->
        ```json
        {}
        ```
        """)
    assert len(strays) == 1


def test_not_run_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a reason"):
        blocks_of("<!-- not-run: -->\n```bash\nls\n```\n")


def test_an_output_block_after_python_is_its_expected_output() -> None:
    blocks, _ = blocks_of("""\
        ```python
        print("hi")
        ```

        ```output
        hi
        ```
        """)
    assert len(blocks) == 1
    assert blocks[0].output == "hi\n"


def test_console_commands_with_continuations_and_outputs() -> None:
    commands = console_commands(textwrap.dedent("""\
        $ printf 'a\\n' \\
              'b'
        a
        b
        $ true
        """))
    assert [c.command for c in commands] == ["printf 'a\\n' \\\n      'b'", "true"]
    assert [c.expected for c in commands] == ["a\nb", ""]


def test_console_output_before_a_command_is_an_error() -> None:
    with pytest.raises(ValueError, match="before any command"):
        console_commands("stray output\n$ true\n")


def test_matches_is_exact_without_ellipsis() -> None:
    assert matches("a\nb", "a\nb\n")
    assert matches("a  ", "a")            # trailing spaces
    assert not matches("a\nb", "a\nc")
    assert not matches("a", "a\nb")       # extra output is a difference
    assert not matches("a.c", "abc")      # no regex leaks through


def test_ellipsis_within_a_line_and_as_a_line() -> None:
    assert matches("took … s (… docs/s)", "took 1.3 s (0.8 docs/s)")
    assert matches("head\n…\ntail", "head\ntail")
    assert matches("head\n…\ntail", "head\n1\n2\ntail")
    assert matches("   0 - Established by …", "   0 - Established by Fathi")
    assert not matches("head\n…\ntail", "head\n1\n2")
    assert not matches("took … s", "took 1.3 ms now")


def test_arrow_comments_are_found_by_line() -> None:
    code = 'x = 1\nprint(x)   # -> 1\ny = "# -> not a comment"\n'
    assert list(iter_arrow_checks(code)) == [(2, "1")]
