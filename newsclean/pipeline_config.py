"""A :class:`~newsclean.pipeline.Pipeline` from configuration: the TOML layout, already parsed.

The default order is the starting point, and a file says what changes, so that a configuration
written today does not pin today's list of rules (a file restating the order of an older version
silently ran that older, shorter pipeline)::

    [pipeline]
    disable = ["promo"]                                     # rules left out
    add = [{rule = "my_rules:NoShouting", after = "ticker"},  # rules put in: before/after a rule,
           {rule = "boilerplate", before = "line_scorer"},    # or at the end without either
           "my_plugin_rule"]
    # rules = [...]   the whole order instead of the default one (rarely what you want)

    [rules.headline_list]                                   # options of a rule in the pipeline
    min_run = 4

    [resolver]
    core_protection = 0.8

A rule is named as built in (``boilerplate``), by its entry point (a package's ``newsclean.rules``
group), or by import path ``module:Class``, looked for on the Python path, then in the config
file's folder. Every name is checked: an unknown one lists the available rules (and the closest), an
option table or an anchor naming a rule that exists but is not in the pipeline says exactly that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsclean.rules import registry

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline
    from newsclean.rules.base import Rule

__all__ = ["build"]

SECTIONS = ("pipeline", "rules", "resolver")
PIPELINE_KEYS = ("rules", "disable", "add")
ADD_KEYS = ("rule", "before", "after")


@dataclass(frozen=True, slots=True)
class _Add:
    rule: str
    before: str | None = None
    after: str | None = None


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of rule names")
    return value


def _adds(value: Any) -> list[_Add]:
    if not isinstance(value, list):
        raise ValueError('[pipeline] add must be a list: add = [{rule = "NAME", after = "RULE"}, ...]')
    out: list[_Add] = []
    for item in value:
        if isinstance(item, str):
            out.append(_Add(item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("rule"), str):
            raise ValueError(f"[pipeline] add: each entry is a rule name or a table with 'rule' "
                             f"(and 'before' or 'after'), not {item!r}")
        extra = sorted(set(item) - set(ADD_KEYS))
        if extra:
            raise ValueError(f"[pipeline] add: unknown key(s) {extra} in {item!r}; "
                             f"expected {list(ADD_KEYS)}")
        if "before" in item and "after" in item:
            raise ValueError(f"[pipeline] add: give before or after, not both ({item!r})")
        anchors = [item.get(k) for k in ("before", "after") if k in item]
        if not all(isinstance(a, str) for a in anchors):
            raise ValueError(f"[pipeline] add: before/after must name a rule ({item!r})")
        out.append(_Add(item["rule"], item.get("before"), item.get("after")))
    return out


def _place(order: list[tuple[str, type[Rule]]], add: _Add, folder: Path | None) -> None:
    cls = registry.get(add.rule, folder)
    names = [c.name for _, c in order]
    if cls.name in names:
        raise ValueError(f"[pipeline] add: rule {cls.name!r} is already in the pipeline")
    anchor = add.before or add.after
    if anchor is None:
        order.append((add.rule, cls))
        return
    if anchor not in names:
        side = "before" if add.before else "after"
        raise registry.missing(anchor, names, f"[pipeline] add {add.rule!r} {side} {anchor!r}")
    order.insert(names.index(anchor) + (1 if add.after else 0), (add.rule, cls))


def build(config: Mapping[str, Any], origin: str = "config", folder: Path | None = None) -> Pipeline:
    """The pipeline ``config`` describes (see the module docstring); ``origin`` names it in
    ``newsclean rules``, ``folder`` is where ``module:Class`` rules may also be found."""
    from newsclean.pipeline import Pipeline, ResolverOptions

    extra = set(config) - set(SECTIONS)
    if extra:
        raise ValueError(f"unknown config section(s) {sorted(extra)}; expected {sorted(SECTIONS)}")
    section = config.get("pipeline", {})
    if not isinstance(section, Mapping):
        raise ValueError("[pipeline] must be a table")
    unknown = sorted(set(section) - set(PIPELINE_KEYS))
    if unknown:
        raise ValueError(f"unknown key(s) {unknown} in [pipeline]; expected {list(PIPELINE_KEYS)}")

    order = [(n, registry.get(n, folder))
             for n in _strings(section.get("rules", list(registry.DEFAULT_ORDER)), "[pipeline] rules")]
    disable = _strings(section.get("disable", []), "[pipeline] disable")
    for name in disable:
        if not any(name in (ref, cls.name) for ref, cls in order):
            raise registry.missing(name, [c.name for _, c in order], "[pipeline] disable")
    disabled = {cls.name for ref, cls in order if ref in disable or cls.name in disable}
    order = [(ref, cls) for ref, cls in order if cls.name not in disabled]
    for add in _adds(section.get("add", [])):
        _place(order, add, folder)

    tables = config.get("rules", {})
    if not isinstance(tables, Mapping) or not all(isinstance(t, Mapping) for t in tables.values()):
        raise ValueError("[rules.NAME] sections hold the options of rule NAME")
    names = [cls.name for _, cls in order]
    for name in tables:
        if name not in names and name not in disabled:  # a disabled rule's options are kept aside
            raise registry.missing(name, names, f"[rules.{name}] sets options",
                                   f'add it with [pipeline] add = [{{rule = "{name}"}}] (before = or '
                                   'after = a rule places it) or remove the table')
    rules = [cls(**dict(tables.get(cls.name, {}))) for _, cls in order]
    origins = {}
    for ref, cls in order:
        where = registry.origin(ref)
        origins[cls.name] = f"{where}, options from {origin}" if cls.name in tables else where
    return Pipeline(rules, ResolverOptions(**config.get("resolver", {})), origins)
