"""newsclean: turn the messy text or HTML of a news page into a clean article.

    >>> import newsclean
    >>> article = newsclean.clean("Council approves new budget\\n\\nThe city council voted on Tuesday to "
    ...                           "approve the budget for next year, officials said after a long "
    ...                           "meeting.\\n\\nShare on Facebook")
    >>> article.title
    'Council approves new budget'
    >>> article.paragraphs[0].startswith("The city council voted")
    True
    >>> [(r.kind.value, r.rule, r.reason) for r in article.removed]
    [('site_chrome', 'site_chrome', "share prompt ('Share on Facebook')")]

The public API is re-exported here; everything else is internal.
"""

from __future__ import annotations

from newsclean.api import Trace, clean, clean_html, clean_text, trace
from newsclean.article import Article, Dateline, Metadata, Provenance, Removal
from newsclean.config import Config
from newsclean.kinds import Action, Fact, Kind
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
    "Fact",
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
