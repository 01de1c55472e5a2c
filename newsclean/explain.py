"""Render a :class:`~newsclean.api.Trace` for people: every block of the input, marked with what happened
to it and why, then the metadata that was found. ``newsclean explain`` prints this.

Markers (first column after the block number)::

    (blank)  kept in the body
    -        removed; the next line says the kind, the rule, its confidence and its reason
    ~        kept, with pieces cut out (shown as [-cut-]) by a trim
    T / S    promoted to the title / subtitle (not in the body, not in ``removed``)

With ``color=True`` removed text is red, promoted text green, cut pieces red inside the kept text and
the annotations dimmed; the markers stay, so the output reads the same when colour is lost.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.api import Trace
    from newsclean.pipeline import Decision
    from newsclean.rules.base import Verdict

__all__ = ["render"]

_RESET = "\x1b[0m"
_STYLES = {
    "removed": "\x1b[31m",
    "cut": "\x1b[31;9m",
    "promoted": "\x1b[32;1m",
    "note": "\x1b[2m",
    "head": "\x1b[1m",
    "meta": "\x1b[36m",
}
_INDENT = " " * 7


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        if not self.color or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def _clip(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: max(1, width - 1)] + "…"


def _facts(facts: Any) -> str:
    parts = []
    for key, value in dict(facts).items():
        if hasattr(value, "to_dict"):
            value = value.to_dict()
        parts.append(f"{key}={value!r}")
    return ", ".join(parts)


def _verdict_note(v: Verdict) -> str:
    kind = v.kind.value if v.kind is not None else v.action.value
    return f"[{kind}] {v.rule} {v.confidence:.2f}: {v.reason}"


def _trimmed(decision: Decision, paint: _Painter) -> str:
    text = decision.block.text
    pieces: list[str] = []
    pos = 0
    for v in sorted(decision.trims, key=lambda t: t.span or (0, 0)):
        if v.span is None:
            continue
        start, end = max(v.span[0], pos), min(v.span[1], len(text))
        if end <= start:
            continue
        pieces.append(text[pos:start])
        cut = text[start:end]
        pieces.append(paint("cut", cut) if paint.color else f"[-{cut}-]")
        pos = end
    pieces.append(text[pos:])
    return " ".join("".join(pieces).split())


def _block_lines(decision: Decision, meta_notes: list[Verdict], paint: _Painter,
                 width: int | None) -> list[str]:
    block = decision.block
    number = f"{block.index:>4}"
    room = None if width is None else max(20, width - 7)
    lines: list[str] = []
    if decision.removed_by is not None:
        lines.append(f"{number} - {paint('removed', _clip(block.text, room))}")
        lines.append(_INDENT + paint("note", _verdict_note(decision.removed_by)))
    elif decision.promoted_to is not None:
        key = decision.promoted_to
        marker = "T" if key == "title" else "S"
        lines.append(f"{number} {marker} {paint('promoted', _clip(block.text, room))}")
        source = next((v for v in meta_notes if key in v.facts), None)
        if source is not None:
            meta_notes = [v for v in meta_notes if v is not source]
            rest = {k: val for k, val in source.facts.items() if k != key}
            note = f"[{key}] {source.rule} {source.confidence:.2f}: {source.reason}"
            if rest:
                meta_notes.append(replace(source, facts=rest))
        else:
            note = f"[{key}]"
        lines.append(_INDENT + paint("note", note))
    elif decision.trims:
        if room is None:
            shown = _trimmed(decision, paint)
        else:
            shown = _clip(_trimmed(decision, _Painter(False)), room)
        lines.append(f"{number} ~ {shown}")
        for v in decision.trims:
            span = v.span or (0, 0)
            cut = " ".join(block.text[span[0]:span[1]].split())
            lines.append(_INDENT + paint("note", f"cut {cut!r} {_verdict_note(v)}"))
    else:
        lines.append(f"{number}   {_clip(block.text, room)}")
    for v in decision.overruled:
        lines.append(_INDENT + paint("note", f"kept despite {_verdict_note(v)} (overruled)"))
    for v in meta_notes:
        lines.append(_INDENT + paint("meta", _clip(f"facts from {v.rule}: {_facts(v.facts)}", room)))
    return lines


def render(trace: Trace, *, color: bool = False, width: int | None = None,
           source: str | None = None) -> str:
    """The explanation as text: a header, one entry per block, then title, metadata and warnings.

    ``width`` clips each block to one line of that many characters (``None``: full text).
    """
    paint = _Painter(color)
    article = trace.article
    decisions = trace.decisions
    removed = sum(1 for d in decisions if d.removed_by is not None)
    promoted = sum(1 for d in decisions if d.promoted_to is not None)
    trimmed = sum(1 for d in decisions if d.trims and d.removed_by is None)
    kept = len(decisions) - removed - promoted
    header = (f"{source + ': ' if source else ''}mode {article.mode}, {len(decisions)} blocks: "
              f"{kept} kept ({trimmed} trimmed), {removed} removed, {promoted} promoted")
    lines = [paint("head", header)]
    if article.mode == "html":
        lines.append(paint("note", "(blocks are the text the HTML extractor kept from the page)"))
    lines.append("")

    meta_by_block: dict[int, list[Verdict]] = {}
    for v in trace.verdicts:
        if v.facts and v.kind is None:
            meta_by_block.setdefault(v.block, []).append(v)
    for decision in decisions:
        notes = meta_by_block.get(decision.block.index, [])
        lines.extend(_block_lines(decision, notes, paint, width))

    lines.append("")
    lines.append(paint("head", "found:"))
    found: list[tuple[str, str]] = []
    for key in ("title", "subtitle"):
        value = getattr(article, key)
        if value:
            origin = article.fields_from.get(key)
            note = f"  ({origin.rule}: {origin.reason})" if origin else ""
            found.append((key, f"{value}{paint('note', note)}"))
    for key, value in article.metadata.to_dict().items():
        if value in (None, "", [], {}):
            continue
        found.append((key, value if isinstance(value, str) else repr(value)))
    if not found:
        lines.append("  (nothing)")
    for key, value in found:
        lines.append(f"  {paint('meta', key.ljust(11))} {value}")
    if article.warnings:
        lines.append("")
        lines.append(paint("head", "warnings:"))
        lines.extend(f"  {w}" for w in article.warnings)
    return "\n".join(lines) + "\n"
