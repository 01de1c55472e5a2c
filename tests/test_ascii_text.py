"""The ASCII shortcuts (:mod:`newsclean.ascii_text`) give exactly what the regexes they replace give."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import ascii_text
from newsclean.document import Block

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
# every ASCII character plus the non-ASCII ones the block features treat specially
MIXED = st.text(alphabet=st.sampled_from(
    [chr(i) for i in range(128)] + list("…。！？।။።”’»“‘«\u00a0\u2028\u0307\u093fİıßéÉ٣²Ⅳक")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(ASCII)
def test_words_and_norm_match_the_regexes(text: str) -> None:
    assert ascii_text.words(text) == regex.findall(r"\w+", text)
    assert ascii_text.lower_words(text) == [w.lower() for w in regex.findall(r"\w+", text)]
    assert ascii_text.norm(text) == regex.sub(r"[\W_]+", " ", text.casefold()).strip()
    assert ascii_text.count_letters(text) == len(regex.findall(r"\p{L}", text))


@settings(max_examples=500, deadline=None)
@given(MIXED)
def test_block_features_match_their_definitions(text: str) -> None:
    block = Block(0, text, 0, len(text), text)
    words = regex.findall(r"\w+", text)
    assert block.words == words
    assert block.lower_words == [w.lower() for w in words]
    assert block.letter_ratio == (len(regex.findall(r"[\p{L}\p{M}]", text)) / len(text) if text else 0.0)
    # emoji and symbols after the last word are not read (on ASCII lines there are none)
    tail = regex.sub(r"(?:[\s\uFE0F\u200D]|(?![\^`])[\p{So}\p{Sk}])+$", "", text.rstrip())
    assert block.ends_sentence == (regex.search(
        r"[.!?…:;。！？：；।॥။۔؟።։។][\"'”’»“«)\]）」』】]*\s*$|[\"”’»“«]\s*$", tail) is not None
        or regex.search(r"[요다죠까][ㅋㅎㅠㅜ~〜♪… ]*$", tail) is not None)
    assert block.n_sentences == 1 + len(regex.findall(
        r"[.!?…][\"'”’»“«)]*\s+(?=[\p{Lu}\"“‘«„»])", text))
