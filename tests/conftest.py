"""Shared pytest configuration for the newsclean test suite."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register ``quality`` (``pytest -m "not quality"`` leaves the benchmark gates out) and ``slow``."""
    config.addinivalue_line(
        "markers", "quality: quality gate over the aeb-dev benchmark (skipped when it is absent)"
    )
    config.addinivalue_line(
        "markers", "slow: big-input robustness checks (50 MB documents, long fuzz runs); run with --runslow"
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--runslow`` runs the tests marked ``slow`` (skipped by default to keep the suite fast)."""
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run tests marked slow (big inputs, memory caps, long property runs)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: give --runslow to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)
