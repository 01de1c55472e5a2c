"""Simple text-mode baselines that newsclean's ``clean_text`` should beat.

Both work on plain text, one line per paragraph, the way a page's text arrives when the HTML is long
gone (an html-to-text dump, a corpus record). They are what people reach for instead of a dedicated
cleaner, so the quality and speed benchmarks report them next to newsclean.
"""

from __future__ import annotations

import html

#: Characters a C4-kept line may end with: sentence punctuation and closing quotes, ASCII and
#: typographic, plus the CJK full-width stops.
TERMINAL = frozenset(".!?\"'”’»…。！？")


def c4_filter(text: str, *, min_words: int = 3) -> str:
    """Keep the lines that end in terminal punctuation and have at least *min_words* words.

    This is the line-level heuristic of the C4 corpus (Raffel et al. 2020), which drops menus,
    bylines, buttons and captions because they rarely end like a sentence. C4 itself used 5 words
    and also dropped whole pages and lines mentioning "javascript"; we keep only the two line rules,
    with 3 words so short closing sentences survive. Whitespace inside a line is left as is.
    """
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and stripped[-1] in TERMINAL and len(stripped.split()) >= min_words:
            kept.append(stripped)
    return "\n".join(kept)


def justext_filter(text: str, language: str = "English") -> str:
    """Run jusText's paragraph classifier over the lines of *text* and keep the non-boilerplate.

    Each non-empty line becomes one ``<p>``, so jusText sees exactly the paragraph structure of the
    text and scores it with its usual length, stop-word and neighbour rules (link density is 0, as
    text has no links). jusText normalises whitespace inside each paragraph.
    """
    import justext  # imported lazily: only the benchmarks need it

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page += "</body></html>"
    paragraphs = justext.justext(page, justext.get_stoplist(language))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
