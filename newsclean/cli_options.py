"""What the options several commands share ask for: the pipeline (``--config``, ``--disable``,
``--profiles``) and the :class:`~newsclean.config.Config` (``--mode``, ``--max-chars``); and
:class:`UsageError`, the one-line complaint of any command about its command line.

Apart from :mod:`newsclean.cli` (the parser and dispatch) so that the command modules
(:mod:`newsclean.cli_eval`, :mod:`newsclean.cli_fixtures`) and the dispatch can all use them
without importing each other.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = ["PROG", "UsageError", "config_for", "pipeline_for"]

PROG = "newsclean"


class UsageError(Exception):
    """A problem with the command line or its files: reported in one line, exit code 2."""


def pipeline_for(args: argparse.Namespace) -> Pipeline | None:
    """The pipeline from ``--config``, ``--disable`` and ``--profiles`` (``None``: the default)."""
    pipe = _configured_pipeline(args)
    profiles_path: str | None = getattr(args, "profiles", None)
    if profiles_path is None:
        return pipe
    from newsclean.profiles import Profiles, with_profiles

    if not Path(profiles_path).is_file():
        raise UsageError(f"--profiles {profiles_path}: no such file")
    try:
        profiles = Profiles.load(profiles_path)
    except ValueError as exc:
        raise UsageError(f"--profiles {exc}") from exc
    return with_profiles(pipe, profiles)


def _configured_pipeline(args: argparse.Namespace) -> Pipeline | None:
    from newsclean.pipeline import Pipeline, default_pipeline

    config: str | None = getattr(args, "config", None)
    disable = [n.strip() for item in getattr(args, "disable", None) or [] for n in item.split(",")
               if n.strip()]
    if config is None and not disable:
        return None
    pipe: Pipeline
    if config is not None:
        if not Path(config).is_file():
            raise UsageError(f"--config {config}: no such file")
        try:
            pipe = Pipeline.from_toml(config)
        except (ValueError, TypeError, KeyError, ImportError) as exc:
            raise UsageError(f"--config {config}: {exc}") from exc
    else:
        pipe = default_pipeline()
    try:
        return pipe.without(*disable) if disable else pipe
    except KeyError as exc:
        raise UsageError(f"--disable: {exc}") from exc


def config_for(args: argparse.Namespace) -> Any:
    from newsclean.config import Config

    changes: dict[str, Any] = {"mode": args.mode}
    if getattr(args, "max_chars", None):
        changes["max_chars"] = args.max_chars
    if getattr(args, "page_prose", True) is False:
        changes["page_prose"] = False
    return Config(**changes)
