"""Site profile: drop the lines a site prints on most of its pages (learned by
:func:`newsclean.learn_profile`), such as its footer, its promo line, its "about us" paragraph.

The rule looks up the page's site (:func:`newsclean.profiles.site_of` of ``doc.url``, else of the
URL the HTML metadata gave) in :class:`~newsclean.profiles.Profiles`, and drops every block whose key
(:func:`newsclean.profiles.normalize`) is one of the site's recurring lines, as ``site_chrome``, with
the evidence as the reason: ``appears on 87% of 1,240 pages of example.com``.

Confidence is ``confidence`` (0.9): above the resolver's core protection, because a line that
recurs on most pages of a site is chrome wherever it sits, inside the article core included (a
promo paragraph between two paragraphs of the story). A block an earlier rule already removes at
least as surely is left to that rule, so ``removed`` keeps the more specific reason.

Must not catch: lines a person allowed back (the ``allow`` option for every site, the ``allow``
list of the site or of all sites in the profiles file): ``"re:PATTERN"`` entries are searched in
the line, other entries are lines compared by key. Pages of sites without a profile, and pages
without a URL, are left alone. Body paragraphs of one article copied to several pages are kept out
of profiles at learning time (``min_distinct``).

Not in the default pipeline: ``newsclean.clean(..., profiles=...)``, ``newsclean clean --profiles``
and :func:`newsclean.profiles.with_profiles` add it (before ``duplicate``). In a TOML config,
``[rules.site_profile] profiles = "profiles.json"`` loads the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsclean.confidence import SURE
from newsclean.document import Document
from newsclean.kinds import Action, Kind
from newsclean.profiles import Profiles, allow_matcher, allowed, normalize, site_of
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict


@dataclass(frozen=True)
class SiteProfileOptions(RuleOptions):
    profiles: Profiles | None = None
    """The learned profiles (a :class:`~newsclean.profiles.Profiles`, or the path of its JSON file)."""
    allow: tuple[str, ...] = ()
    """Lines never dropped by this rule, on any site: ``"re:PATTERN"`` or a line (compared by key)."""
    confidence: float = SURE
    """Confidence of the drops; below the resolver's ``core_protection`` the article core protects
    its lines from them."""
    def __post_init__(self) -> None:
        if isinstance(self.profiles, (str, os.PathLike)):
            object.__setattr__(self, "profiles", Profiles.load(self.profiles))
        elif self.profiles is not None and not isinstance(self.profiles, Profiles):
            raise TypeError(f"profiles must be a newsclean.Profiles or a path, not "
                            f"{type(self.profiles).__name__}")
        if isinstance(self.allow, str):
            object.__setattr__(self, "allow", (self.allow,))
        object.__setattr__(self, "allow", tuple(self.allow))
        allow_matcher(self.allow)  # a bad pattern fails here, when the rule is built


class SiteProfileRule(Rule):
    """Drop lines that recur on most pages of the page's site, from learned site profiles."""

    name = "site_profile"
    Options = SiteProfileOptions
    options: SiteProfileOptions

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._allow = allow_matcher(self.options.allow)

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        profiles = self.options.profiles
        if profiles is None or not len(profiles):
            return
        url = doc.url or doc.hints.get("url")
        site = site_of(url if isinstance(url, str) else None)
        profile = profiles.get(site)
        if profile is None or not profile.lines:
            return
        confidence = self.options.confidence
        sure: dict[int, float] = {}
        for v in context.verdicts:
            if v.action is Action.DROP or (v.action is Action.META and v.kind is not None):
                sure[v.block] = max(sure.get(v.block, 0.0), v.confidence)
        for block in doc.blocks:
            if sure.get(block.index, 0.0) >= confidence:
                continue
            key = normalize(block.text)
            found = profile.lookup(block.text, key)
            if found is None or allowed(block.text, key, self._allow) or profiles.allows(
                    block.text, key):
                continue
            share = 100 * found.pages // profile.pages  # floored: 1,239 of 1,240 is 99%, not 100%
            reason = f"appears on {share}% of {profile.pages:,} pages of {profile.site}"
            yield self.drop(block, Kind.SITE_CHROME, reason, confidence)
