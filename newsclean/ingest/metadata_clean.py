"""Metadata values cleaned: the site's name off the title, junk out of the authors, ISO 8601 dates
(none in the future), category and tag lists without duplicates.

Apart from :mod:`newsclean.ingest.html_metadata`, which reads the values from the page, because
every function here takes and returns plain values (no tree, no trafilatura): the clean-up can be
tested, and its regular expressions audited for backtracking (``fuzz/regex_audit.py``), on its own.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

__all__ = ["clean_date", "clean_title", "hostname_keys", "split_list", "title_as_headline"]

_LETTER = re.compile(r"[^\W\d_]")
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:analysis|opinion|commentary|story|text|words|written|posted|reported|reporting|"
    r"photos?|interview)\s+)?(?:by|von|por|par)\b[\s:]*|^(?:текст|автор|фото)\b[\s:]*",
    re.IGNORECASE,
)
_AUTHOR_ROLE_SUFFIX = re.compile(
    r"[\s,]+(?:(?:senior|chief|staff|sports?|auto|business|news|political|politics|science|tech|"
    r"technology|health|national|foreign|special|contributing|associate|managing|deputy|"
    r"executive|white house|global|investigative|data|digital|freelance)\s+)*"
    r"(?:writer|reporter|correspondent|editor(?:-at-large)?|columnist|contributor|producer|"
    r"photographer|analyst|journalist)s?$",
    re.IGNORECASE,
)
_DATE_WORDS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|published|updated|posted"
)
_AUTHOR_DATE_SUFFIX = re.compile(rf"(?:\s+(?:{_DATE_WORDS}))+$", re.IGNORECASE)
_AUTHOR_ONLY_DATE = re.compile(rf"^(?:(?:{_DATE_WORDS})\s*)+$", re.IGNORECASE)
_AUTHOR_JUNK_START = re.compile(
    r"^(?:e-?mail|contact|follow|view|see|read|more|share|click|subscribe|sign|about)\b",
    re.IGNORECASE,
)
_AUTHOR_JUNK_WORD = re.compile(
    r"\b(?:staff|desk|bureau|newsroom|editorial|editors|wire services|admin|administrator|"
    r"webmaster|team)\b",
    re.IGNORECASE,
)
_AUTHOR_JUNK = frozenset(
    {
        "by", "author", "authors", "editor", "editors", "reporter", "correspondent", "contributor",
        "contributors", "guest", "guest author", "guest post", "unknown", "anonymous", "none",
        "null", "n/a", "na", "user", "jdadmin", "wire", "agencies", "agency", "photo", "photos",
        "video", "getty images", "ms", "md", "phd", "rdn", "rd", "mba", "ma", "ba", "bsc", "msc",
        "rn", "np", "jd", "esq", "cpa", "cfa", "lcsw", "dr", "mr", "mrs",
    }
)
_MAX_AUTHOR_CHARS = 80

_TITLE_SEPARATORS = r"\s+[-|–—·•:/»«~]+\s+|\s*[|·•»]\s*"
_TITLE_SPLIT = re.compile(rf"({_TITLE_SEPARATORS})")
_TITLE_PREFIX_SEP = re.compile(r"^\s*(?:[:|–—·•»]|-)\s*|^\s+[-/]\s+")
_KEY_CHARS = re.compile(r"[\W_]+")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})

_ISO_DATE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_FUTURE_TOLERANCE = timedelta(days=1)
"""A date up to this far ahead of now is accepted (time zones, scheduled publishing)."""


def _key(text: str) -> str:
    """Comparison key for names: casefolded letters and digits only."""
    return _KEY_CHARS.sub("", text.casefold())


def hostname_keys(hostname: str | None) -> set[str]:
    """Comparison keys of a host: ``news.sky.com`` -> newsskycom, skycom, sky."""
    if not hostname:
        return set()
    host = hostname.lower().removeprefix("www.")
    parts = [p for p in host.split(".") if p]
    keys = {_key(host)}
    if len(parts) >= 2:
        label_index = -3 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else -2
        keys.add(_key(parts[label_index]))
        keys.add(_key(".".join(parts[label_index:])))
    return {k for k in keys if k}


def _is_site(segment: str, name_keys: set[str], name_words: list[list[str]],
             host_keys: set[str], *, allow_prefix: bool) -> bool:
    key = _key(segment)
    if len(key) < 2:
        return False
    if key in name_keys or key in host_keys:
        return True
    if allow_prefix and len(key) >= 4:
        # "Inexhibit" for the site "Inexhibit magazine": the segment is the name's first words
        words = segment.casefold().split()
        return any(len(w) > len(words) and w[: len(words)] == words for w in name_words)
    return False


_TITLE_BEFORE_SITE = re.compile(rf"^(.*?\S)(?:{_TITLE_SEPARATORS})\s*$")
"""What precedes a site name at the end of a title: the title, then a separator."""
_TITLE_AFTER_SITE = re.compile(rf"^\s*(?::|{_TITLE_SEPARATORS})\s*(.*\S)\s*$")
"""What follows a site name at the start of a title: a separator (or a colon), then the title."""


def _same_text(a: str, b: str) -> bool:
    """``a`` and ``b`` equal but for case, character by character (as ``re.IGNORECASE`` compares)."""
    return len(a) == len(b) and all(
        x == y or x.lower() == y.lower() or x.upper() == y.upper() for x, y in zip(a, b, strict=True))


def clean_title(title: str | None, names: list[str], hostname: str | None) -> str | None:
    """Remove a site name glued to the title: "Title - Site", "Title | Site", "Site: Title"."""
    if not title:
        return title
    # Collapsed as trafilatura's own titles are: the separator patterns below start with \s+/\s*
    # and rescan a long whitespace run from each of its positions (20,000 spaces took 13 s).
    title = " ".join(title.split())
    name_keys = {_key(n) for n in names if len(_key(n)) >= 2}
    name_words = [n.casefold().split() for n in names]
    host_keys = hostname_keys(hostname)
    if not name_keys and not host_keys:
        return title
    # whole-name suffix or prefix, even when the name itself contains a separator; the name is
    # compared as text and only the fixed separator patterns are regular expressions (one pattern
    # compiled per site name cost more than the rest of the title clean-up)
    for name in sorted(names, key=len, reverse=True):
        name = name.strip()
        if not name or len(name) >= len(title):
            continue
        if _same_text(title[-len(name):], name):
            suffix = _TITLE_BEFORE_SITE.match(title[:-len(name)])
            if suffix and _LETTER.search(suffix.group(1)):
                return suffix.group(1).strip()
        if _same_text(title[:len(name)], name):
            prefix = _TITLE_AFTER_SITE.match(title[len(name):])
            if prefix and _LETTER.search(prefix.group(1)):
                return prefix.group(1).strip()
    parts = _TITLE_SPLIT.split(title)
    if len(parts) >= 3:
        last, first = parts[-1], parts[0]
        if _is_site(last, name_keys, name_words, host_keys, allow_prefix=True):
            rest = "".join(parts[:-2]).strip()
            if _LETTER.search(rest):
                return rest
        if _is_site(first, name_keys, name_words, host_keys, allow_prefix=False):
            rest = "".join(parts[2:]).strip()
            if _LETTER.search(rest):
                return rest
    # "Site: Title" with a colon that _TITLE_SPLIT leaves alone (no space before it)
    colon = re.match(r"^([^:]{2,60}):\s+(.*\S)\s*$", title)
    if colon and _is_site(colon.group(1), name_keys, name_words, host_keys, allow_prefix=False):
        return colon.group(2)
    return title


_TITLE_SEPARATOR_AT_START = re.compile(rf"^(?:{_TITLE_SEPARATORS}|:\s+)\S")
_TITLE_SEPARATOR_AT_END = re.compile(rf"\S(?:{_TITLE_SEPARATORS}|:\s+)$")
_MIN_HEADLINE_CHARS = 12


def title_as_headline(title: str | None, headings: tuple[tuple[int, str], ...]) -> str | None:
    """The page's ``<h1>`` when the title is that headline with a label glued on by a separator
    ("Headline | Opinion", "Headline – Outlet", "Blog Name: Headline"): the site name search
    misses a section or an outlet the metadata does not name."""
    if not title:
        return title
    for level, headline in headings:
        if level != 1 or len(headline) < _MIN_HEADLINE_CHARS or len(headline) >= len(title):
            continue
        n = len(headline)
        if _same_text(title[:n], headline) and _TITLE_SEPARATOR_AT_START.match(title[n:]):
            return title[:n]
        if _same_text(title[-n:], headline) and _TITLE_SEPARATOR_AT_END.search(title[:-n]):
            return title[-n:]
    return title


def _clean_authors(raw: str | None, names: list[str], hostname: str | None) -> list[str]:
    """Split trafilatura's ``"A; B"`` and drop what is not a person's (or agency's) name."""
    if not raw:
        return []
    site_keys = {_key(n) for n in names} | hostname_keys(hostname)
    out: list[str] = []
    seen: set[str] = set()
    for part in raw.split(";"):
        author = " ".join(part.split())
        if len(author) > 4 * _MAX_AUTHOR_CHARS:
            # Not a name; and the suffix patterns below backtrack quadratically on a long run of
            # ", , ," (4,000 characters took 25 s), so such a string must not reach them.
            continue
        author = _AUTHOR_PREFIX.sub("", author).strip(" ,:-–—|")
        author = _AUTHOR_DATE_SUFFIX.sub("", author).strip(" ,:-–—|")
        without_role = _AUTHOR_ROLE_SUFFIX.sub("", author).strip(" ,:-–—|")
        if without_role != author and " " not in without_role:
            continue  # "Ap Auto Writer", "CNN Editor-at-large": a job title, not a name
        author = without_role
        if (
            not author
            or not _LETTER.search(author)
            or len(author) > _MAX_AUTHOR_CHARS
            or "@" in author
            or "http" in author.lower()
            or "www." in author.lower()
            or author.casefold() in _AUTHOR_JUNK
            or _AUTHOR_ONLY_DATE.match(author)
            or _AUTHOR_JUNK_START.match(author)
            or _AUTHOR_JUNK_WORD.search(author)
            or _key(author) in site_keys
            or (" " not in author and len(author) <= 2)
        ):
            continue
        key = author.casefold()
        if key not in seen:
            seen.add(key)
            out.append(author)
    return out


def _parse_date(value: str) -> date | datetime | None:
    """ISO-like string -> date (no time given) or datetime (aware if an offset is given)."""
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        tz: timezone | None = None
        if zone:
            tz = timezone.utc
            if zone.upper() != "Z":
                sign = -1 if zone[0] == "-" else 1
                digits = zone[1:].replace(":", "")
                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return datetime(int(year), int(month), int(day), int(hour), int(minute),
                        int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def _is_future(value: date | datetime, now: datetime) -> bool:
    """True if ``value`` lies beyond now plus the tolerance (a naive time is read as UTC)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return aware > now + _FUTURE_TOLERANCE
    return value > (now + _FUTURE_TOLERANCE).date()


def clean_date(
    found: str | None, declared: list[str], now: datetime, warnings: list[str]
) -> str | None:
    """Normalise htmldate's ``found`` to ISO 8601; drop it (with a warning) if in the future.

    htmldate gives a bare date; when the page declares a publication time on that same day
    (``article:published_time``, JSON-LD ``datePublished``), the full timestamp is returned
    instead (with its UTC offset when the page gives one). The declared dates are also checked
    for the future, so a future publication date that htmldate silently passed over still gets
    its warning.
    """
    parsed_declared = [(d, _parse_date(d)) for d in declared]
    future = [d for d, p in parsed_declared if p is not None and _is_future(p, now)]
    result: str | None = None
    if found:
        parsed = _parse_date(found)
        if parsed is None:
            warnings.append(f"unparsable date dropped: {found!r}")
        elif _is_future(parsed, now):
            future.insert(0, found)
        else:
            result = parsed.isoformat()
            if not isinstance(parsed, datetime):
                for _, p in parsed_declared:
                    if isinstance(p, datetime) and p.date() == parsed and not _is_future(p, now):
                        result = p.isoformat()
                        break
    if future:
        warnings.append(f"future date dropped: {future[0]}")
    return result


def split_list(values: list[str] | None) -> list[str]:
    """Flatten comma-joined categories/tags, drop CMS-internal ``@tags`` and duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values or []:
        for item in value.split(","):
            item = " ".join(item.split())
            if not item or item.startswith("@") or not _LETTER.search(item):
                continue
            if item.casefold() not in seen:
                seen.add(item.casefold())
                out.append(item)
    return out
