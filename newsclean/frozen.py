"""A faster ``__init__`` for frozen slotted dataclasses (:class:`~newsclean.rules.base.Verdict`,
:class:`~newsclean.article.Removal`).

A frozen dataclass's generated ``__init__`` sets every field through ``object.__setattr__``, since
the class's own ``__setattr__`` raises; that costs about a third of a microsecond a field. A page
makes a few hundred verdicts and removals, so :func:`fast_init` gives the class an ``__init__``
with the same signature that writes each slot through its descriptor instead. Instances are the
same: fields, defaults (a ``default_factory`` still runs per instance), ``repr``, equality, hashing,
pickling and immutability (assigning a field still raises ``FrozenInstanceError``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["fast_init"]

T = TypeVar("T")


class _Factory:
    """The default of a ``default_factory`` parameter (shown as ``<factory>``, as dataclasses do)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def fast_init(cls: type[T]) -> type[T]:
    """Replace ``cls.__init__`` (a frozen, slotted dataclass with plain fields) by a direct one."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__")
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    args: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain init fields are supported")
        names[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        value = f.name
        if f.default is not dataclasses.MISSING:
            names[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            args.append(f.name)
        body.append(f"    _set_{f.name}(self, {value})\n")
    source = f"def __init__(self, {', '.join(args)}):\n{''.join(body) or '    pass'}\n"
    exec(source, names)  # the same technique dataclasses uses to build __init__
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses assigning to a method
    return cls
