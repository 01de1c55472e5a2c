"""Site profiles: the lines a site prints on most of its pages, learned by counting over many pages.

Some chrome can only be seen across pages: the same footer, promo line or "about us" paragraph under
every article of a site. No single-page rule can tell it from body text; a count over the site can.
:func:`newsclean.learn_profile` (:mod:`newsclean.learn`) does the count and returns
:class:`Profiles` (one :class:`SiteProfile` per site), which saves to and loads from a small JSON
file a person can read and edit; the ``site_profile`` rule (:mod:`newsclean.rules.site_profile`)
drops those lines from each page of the site (``newsclean.clean(text, url=..., profiles=...)``).

**Site**: the URL's host, lower-cased, without port and without a leading ``www.``
(:func:`site_of`). ``news.example.com`` and ``example.com`` are different sites: they often have
different templates.

**What is counted**: the blocks newsclean itself segments, so the profile matches what the rule
sees. Text is segmented as text; HTML goes through the same extraction as :func:`newsclean.clean_html`
(so chrome that the extractor already removes is never counted). Each block is counted once per
page, under its key (:func:`normalize`).

**Key** (:func:`normalize`): the text NFKC-normalised and case-folded; ``am``/``pm`` right after a
number removed; then only the runs of letters (``\\p{L}``/``\\p{M}``) are kept, so digits,
punctuation, symbols and spacing do not count; then month names (those :mod:`newsclean.dates`
knows, 12 languages, full and abbreviated) and English weekday names are dropped; the words are
joined with single spaces. ``"© 2019 Example Media. All rights reserved."`` and ``"© 2020 Example
Media - all rights reserved"`` both give ``"example media all rights reserved"``; ``"Updated: Tuesday,
March 3, 2020 10:45 am"`` gives ``"updated"``.

**Recurring** (:class:`LearnOptions`): a key recurs on a site when the site has at least
``min_pages`` pages (default 5: with fewer, a repeat is as likely a coincidence as a template), the
key is on at least ``min_share`` of them (default 0.5), and the pages it is on carry at least
``min_distinct`` different stories (default 3; a page's story is told by its three longest other
lines), so that three copies of one article (syndication, updates, URL variants) do not make its
paragraphs "recur". Keys with fewer than ``min_letters`` letters (default 3) are never counted:
once digits are stripped, a bare date, number, separator or two-letter label has no identity of its
own (every timestamp line would share the key ``""``).

Memory: learning holds one entry per distinct line of each site. A site's recurring lines show on a
few hundred pages as well as on a million, so for very large sites learn on a sample.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import regex

from newsclean.dates import MONTHS

if TYPE_CHECKING:
    from newsclean.pipeline import Pipeline

__all__ = [
    "DEFAULT_MIN_DISTINCT",
    "DEFAULT_MIN_LETTERS",
    "DEFAULT_MIN_PAGES",
    "DEFAULT_MIN_SHARE",
    "FORMAT",
    "LearnOptions",
    "Profiles",
    "Recurring",
    "SiteProfile",
    "normalize",
    "site_of",
    "with_profiles",
]

FORMAT = "newsclean-profiles/1"
"""The ``format`` value of a profiles JSON file."""

DEFAULT_MIN_PAGES = 5
DEFAULT_MIN_SHARE = 0.5
DEFAULT_MIN_LETTERS = 3
DEFAULT_MIN_DISTINCT = 3

POSITIONS = ("top", "middle", "bottom")

_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
_DATE_WORDS = frozenset(MONTHS) | _WEEKDAYS
_AMPM = regex.compile(r"(?<=\d)\s*[ap]\.?\s?m\b\.?", regex.IGNORECASE)
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_REGEX_PREFIX = "re:"


def site_of(url: str | None) -> str | None:
    """The site of ``url``: its host, lower-cased, without port and leading ``www.``.

    >>> site_of("https://WWW.Example.com:8080/news/1?x=2")
    'example.com'
    >>> site_of("example.org/a") is None, site_of(None) is None
    (True, True)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


def normalize(text: str) -> str:
    """The key a line is counted under (see the module docstring for the exact steps).

    >>> normalize("© 2019 Example Media. All rights reserved.")
    'example media all rights reserved'
    >>> normalize("Updated: Tuesday, March 3, 2020 10:45 a.m. ET")
    'updated et'
    """
    text = _AMPM.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(w for w in _LETTERS.findall(text) if w not in _DATE_WORDS)


def letters(key: str) -> int:
    """The number of letters in a key (its length without the spaces)."""
    return len(key) - key.count(" ")


# ---- the profile types ---------------------------------------------------------------------------
@dataclass(frozen=True)
class LearnOptions:
    """The thresholds of :func:`newsclean.learn_profile` (see the module docstring)."""

    min_pages: int = DEFAULT_MIN_PAGES
    """A site needs at least this many pages to get a profile."""
    min_share: float = DEFAULT_MIN_SHARE
    """A line must be on at least this share of the site's pages."""
    min_letters: int = DEFAULT_MIN_LETTERS
    """Lines whose key has fewer letters are not counted."""
    min_distinct: int = DEFAULT_MIN_DISTINCT
    """The pages a line is on must carry at least this many different stories."""

    def __post_init__(self) -> None:
        if self.min_pages < 1:
            raise ValueError("min_pages must be at least 1")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError("min_share must be in (0, 1]")
        if self.min_letters < 1 or self.min_distinct < 1:
            raise ValueError("min_letters and min_distinct must be at least 1")

    def to_dict(self) -> dict[str, Any]:
        return {"min_pages": self.min_pages, "min_share": self.min_share,
                "min_letters": self.min_letters, "min_distinct": self.min_distinct}


@dataclass(frozen=True)
class Recurring:
    """A line that recurs on a site: its key, an example as printed, and where it was seen."""

    key: str
    text: str
    pages: int
    """Pages it is on."""
    share: float
    """``pages`` / the site's pages."""
    position: str = "middle"
    """Where on the page it usually is: ``top``, ``middle`` or ``bottom`` third of the blocks."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "key": self.key, "pages": self.pages, "share": round(self.share, 4),
                "position": self.position}


AllowMatcher = tuple[frozenset[str], tuple[Any, ...]]
"""Allow-list keys and patterns, as :func:`allow_matcher` builds them."""


def allow_matcher(entries: Iterable[Any]) -> AllowMatcher:
    """Compile an allow list: ``"re:PATTERN"`` (or a compiled pattern) is searched in the line, case
    insensitive; any other string is a line, compared by key (:func:`normalize`)."""
    keys: set[str] = set()
    patterns: list[Any] = []
    for entry in entries:
        if isinstance(entry, str) and entry.startswith(_REGEX_PREFIX):
            patterns.append(regex.compile(entry[len(_REGEX_PREFIX):], regex.IGNORECASE))
        elif isinstance(entry, str):
            keys.add(normalize(entry))
        elif hasattr(entry, "search") and hasattr(entry, "pattern"):
            patterns.append(entry)  # an re or regex pattern, used as compiled
        else:
            raise TypeError(f"an allow entry must be a string or a compiled regex, not {entry!r}")
    return frozenset(keys), tuple(patterns)


def allowed(text: str, key: str, matcher: AllowMatcher) -> bool:
    """True when ``text`` (with key ``key``) matches an allow-list built by :func:`allow_matcher`."""
    keys, patterns = matcher
    return key in keys or any(p.search(text) for p in patterns)



@dataclass(frozen=True)
class SiteProfile:
    """The recurring lines of one site, and the lines a person allowed back (``allow``)."""

    site: str
    pages: int
    lines: tuple[Recurring, ...] = ()
    allow: tuple[str, ...] = ()
    _by_key: dict[str, Recurring] = field(init=False, repr=False, compare=False, hash=False)
    _allow: Any = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "allow", tuple(self.allow))
        object.__setattr__(self, "_by_key", {r.key: r for r in self.lines})
        object.__setattr__(self, "_allow", allow_matcher(self.allow))

    def lookup(self, text: str, key: str | None = None) -> Recurring | None:
        """The recurring line ``text`` is, unless the site's ``allow`` list lets it through."""
        key = normalize(text) if key is None else key
        rec = self._by_key.get(key)
        if rec is None or allowed(text, key, self._allow):
            return None
        return rec

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "allow": list(self.allow),
                "lines": [r.to_dict() for r in self.lines]}

    @classmethod
    def from_dict(cls, site: str, data: Mapping[str, Any]) -> SiteProfile:
        """From the JSON layout; a line needs only ``text`` and ``pages`` (``key`` and ``share`` are
        computed when missing)."""
        pages = int(data["pages"])
        lines = []
        for item in data.get("lines", []):
            text, n = str(item["text"]), int(item["pages"])
            share = float(item["share"]) if "share" in item else n / max(pages, 1)
            lines.append(Recurring(str(item.get("key") or normalize(text)), text, n, share,
                                   str(item.get("position", "middle"))))
        return cls(site, pages, tuple(lines), tuple(data.get("allow", ())))


@dataclass(frozen=True)
class Profiles:
    """Site profiles by site, plus an ``allow`` list for every site; save/load as JSON.

    >>> p = Profiles.from_dict({"sites": {"example.com": {"pages": 10, "lines": [
    ...     {"text": "Subscribe to The Example", "pages": 9, "share": 0.9}]}}})
    >>> p.get("example.com").lookup("SUBSCRIBE to the example!").pages
    9
    """

    sites: tuple[SiteProfile, ...] = ()
    allow: tuple[str, ...] = ()
    learned_with: LearnOptions | None = None
    stats: tuple[tuple[str, int], ...] = ()
    """What learning saw: ``documents``, ``failed``, ``without_site``, ``sites_seen``."""
    _by_site: dict[str, SiteProfile] = field(init=False, repr=False, compare=False, hash=False)
    _allow: Any = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sites", tuple(sorted(self.sites, key=lambda s: s.site)))
        object.__setattr__(self, "allow", tuple(self.allow))
        object.__setattr__(self, "_by_site", {s.site: s for s in self.sites})
        object.__setattr__(self, "_allow", allow_matcher(self.allow))

    def allows(self, text: str, key: str | None = None) -> bool:
        """True when the allow list for every site lets ``text`` through."""
        return allowed(text, normalize(text) if key is None else key, self._allow)

    def get(self, site: str | None) -> SiteProfile | None:
        """The profile of ``site`` (a host as :func:`site_of` gives it), or ``None``."""
        return self._by_site.get(site) if site else None

    def for_url(self, url: str | None) -> SiteProfile | None:
        return self.get(site_of(url))

    def __len__(self) -> int:
        return len(self.sites)

    def __iter__(self) -> Iterator[SiteProfile]:
        return iter(self.sites)

    def __contains__(self, site: object) -> bool:
        return site in self._by_site

    def __repr__(self) -> str:
        n = sum(len(s.lines) for s in self.sites)
        return f"Profiles({len(self.sites)} sites, {n} recurring lines)"

    def with_allow(self, *entries: str, site: str | None = None) -> Profiles:
        """A copy with ``entries`` added to the allow list of ``site`` (``None``: every site)."""
        if site is None:
            return Profiles(self.sites, self.allow + entries, self.learned_with, self.stats)
        profile = self.get(site)
        if profile is None:
            raise KeyError(f"no profile for site {site!r}; sites: {', '.join(self._by_site) or 'none'}")
        changed = SiteProfile(profile.site, profile.pages, profile.lines, profile.allow + entries)
        return Profiles(tuple(changed if s.site == site else s for s in self.sites), self.allow,
                        self.learned_with, self.stats)

    # ---- JSON ----------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": FORMAT}
        if self.learned_with is not None:
            out["learned_with"] = self.learned_with.to_dict()
        if self.stats:
            out["stats"] = dict(self.stats)
        out["allow"] = list(self.allow)
        out["sites"] = {s.site: s.to_dict() for s in self.sites}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profiles:
        if not isinstance(data, Mapping) or not isinstance(data.get("sites"), Mapping):
            raise ValueError("a profiles file is a JSON object with a 'sites' object")
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            raise ValueError(f"unknown profiles format {fmt!r}; expected {FORMAT!r}")
        learned = data.get("learned_with")
        sites = tuple(SiteProfile.from_dict(str(site), value) for site, value in data["sites"].items())
        stats = tuple((str(k), int(v)) for k, v in dict(data.get("stats", {})).items())
        return cls(sites, tuple(data.get("allow", ())),
                   LearnOptions(**learned) if isinstance(learned, Mapping) else None, stats)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profiles as indented JSON (UTF-8, non-ASCII kept)."""
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profiles:
        """Read a profiles JSON file; ``ValueError`` (with the path) if it is not one."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls.from_dict(data)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a newsclean profiles file ({exc})") from exc


# ---- using profiles ---------------------------------------------------------------------------
def with_profiles(pipeline: Pipeline | None, profiles: Profiles) -> Pipeline:
    """``pipeline`` (default: the built-in one) with the ``site_profile`` rule using ``profiles``.

    The rule goes before ``duplicate`` (or last), so it runs after the single-page rules and only
    claims the lines they left; a pipeline that already has it gets its ``profiles`` option set.
    """
    from newsclean.pipeline import default_pipeline
    from newsclean.rules.site_profile import SiteProfileRule

    pipe = pipeline if pipeline is not None else default_pipeline()
    if SiteProfileRule.name in pipe.names:
        return pipe.with_options(SiteProfileRule.name, profiles=profiles)
    anchor = "duplicate" if "duplicate" in pipe.names else None
    return pipe.with_rule(SiteProfileRule(profiles=profiles), before=anchor, origin="site profiles")
