"""newsclean.frozen: the faster __init__ of Verdict, Removal and PhraseHit behaves like the generated one."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from newsclean.article import Removal
from newsclean.frozen import fast_init
from newsclean.kinds import Action, Kind
from newsclean.phrases import PhraseHit
from newsclean.rules.base import Verdict


@dataclasses.dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "x"
    c: list[int] = dataclasses.field(default_factory=list)


@fast_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Fast:
    a: int
    b: str = "x"
    c: list[int] = dataclasses.field(default_factory=list)


def test_same_signature_and_values() -> None:
    assert str(inspect.signature(_Fast)) == str(inspect.signature(_Plain))
    one, two = _Fast(1), _Fast(1)
    assert (one.a, one.b, one.c) == (1, "x", [])
    assert one.c is not two.c  # the factory runs per instance
    assert _Fast(2, "y", [3]) == _Fast(a=2, b="y", c=[3])
    assert repr(_Fast(2)) == "_Fast(a=2, b='x', c=[])"
    with pytest.raises(TypeError):
        _Fast()  # type: ignore[call-arg]


def test_public_types_unchanged() -> None:
    v = Verdict(3, Action.DROP, "site_chrome", "menu", Kind.SITE_CHROME, 0.9)
    assert v == Verdict(block=3, action=Action.DROP, rule="site_chrome", reason="menu",
                        kind=Kind.SITE_CHROME, confidence=0.9)
    assert v.facts == {} and v.span is None
    assert pickle.loads(pickle.dumps(v)) == v and copy.deepcopy(v) == v
    assert dataclasses.replace(v, block=4).block == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.block = 4  # type: ignore[misc]
    r = Removal("Share", Kind.SITE_CHROME, "site_chrome", "share prompt", 0, 5)
    assert hash(r) == hash(Removal("Share", Kind.SITE_CHROME, "site_chrome", "share prompt", 0, 5))
    assert r.confidence == 1.0 and r.to_dict()["kind"] == "site_chrome"
    assert PhraseHit("share", "share", "en", "line").label == "share prompt"


def test_refuses_other_classes() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        a: int

    with pytest.raises(TypeError):
        fast_init(Mutable)
