"""Finding a benchmark corpus for a quality gate: skip on a developer's machine when it is absent,
fail in CI (``CI`` set), where the corpora are present and a gate that skips guards nothing; skip
when it is not the corpus the floors were measured on."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from newsclean.evaluation import Bench, load_bench


def require_corpus(folder: Path, sha256: str, hint: str = "") -> Bench:
    """The corpus at ``folder``, if its ``ground-truth.json`` hashes to ``sha256``."""
    gt = folder / "ground-truth.json"
    if not gt.is_file():
        missing = f"benchmark folder not found at {folder}{f' ({hint})' if hint else ''}"
        if os.environ.get("CI"):
            pytest.fail(f"{missing}: in CI the quality gate must run, not skip")
        pytest.skip(missing)
    digest = hashlib.sha256(gt.read_bytes()).hexdigest()
    if digest != sha256:
        pytest.skip(f"{gt} has sha256 {digest[:12]}…, floors were set on {sha256[:12]}…: update "
                    "benchmarks/floors.json for this corpus")
    return load_bench(folder)
