"""Shared pytest configuration for the newsclean test suite."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register ``quality``; ``pytest -m "not quality"`` leaves the benchmark gates out."""
    config.addinivalue_line(
        "markers", "quality: quality gate over the aeb-dev benchmark (skipped when it is absent)"
    )
