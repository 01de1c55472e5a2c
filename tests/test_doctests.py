"""The examples in newsclean's docstrings run, one case per module that has any.

``--doctest-modules`` would import every module, optional extras included (``scale`` needs Dask);
so the modules are found by their ``>>>`` lines and run with ``doctest.testmod``.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsclean"


def modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>> " in path.read_text(encoding="utf-8"):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = modules_with_examples()


def test_the_examples_are_found() -> None:
    """Guards the finder: the package documents its API with examples in these modules at least."""
    assert {"newsclean", "newsclean.dates", "newsclean.phrases", "newsclean.profiles"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False, report=True)
    assert result.attempted > 0, f"{name}: '>>> ' found in the source but no example collected"
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed (see above)"
