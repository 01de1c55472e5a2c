"""newsclean: turn the messy text or HTML of a news page into a clean article.

    >>> import newsclean
    >>> article = newsclean.clean("Title of the story\\n\\nFirst paragraph of the story, which says "
    ...                           "what happened, where and when it happened.\\n\\nShare on Facebook")
    >>> article.paragraphs[-1].startswith("First paragraph")
    True
    >>> [(r.kind.value, r.rule) for r in article.removed]
    [('site_chrome', 'site_chrome')]

The public API is re-exported here; everything else is internal.
"""

from __future__ import annotations

from newsclean.api import Trace, clean, clean_html, clean_text, trace
from newsclean.article import Article, Dateline, Metadata, Provenance, Removal
from newsclean.config import Config
from newsclean.kinds import Action, Kind
from newsclean.learn import learn_profile
from newsclean.pagetype import PageType
from newsclean.pipeline import Pipeline, ResolverOptions, default_pipeline
from newsclean.profiles import Profiles
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.registry import UnknownRuleError

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Article",
    "Config",
    "Context",
    "Dateline",
    "Kind",
    "Metadata",
    "PageType",
    "Pipeline",
    "Profiles",
    "Provenance",
    "Removal",
    "ResolverOptions",
    "Rule",
    "RuleOptions",
    "Trace",
    "UnknownRuleError",
    "Verdict",
    "__version__",
    "clean",
    "clean_html",
    "clean_text",
    "default_pipeline",
    "learn_profile",
    "trace",
]
