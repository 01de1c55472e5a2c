"""Shape tests shared by several rules: what a heading, a date line, a byline or a body paragraph
looks like, independent of language.

They read only cached block features and are deliberately conservative: each is used as one signal
among several, never alone to drop text.
"""

from __future__ import annotations

from collections.abc import Container

import regex

from newsclean import ascii_text
from newsclean.dates import MONTHS
from newsclean.document import SPACELESS, Block, Document, content_units
from newsclean.lang import KOREAN_NAME, KOREAN_REPORTER
from newsclean.phrases import trie_regex

_NORM = regex.compile(r"[\W_]+")
HEADLINE_START = regex.compile(r"^[\p{Lu}\p{N}\"“‘'«¿¡(\[]")
"""How a headline starts: a capital, a digit, or an opening quote or bracket."""
CASELESS_START = regex.compile(r"^[\p{Lo}【〈《「『]")
"""How a headline starts in a script without capitals (Arabic, Hebrew, Hindi, Thai, Chinese,
Japanese, Korean ...): a letter, or the corner and angle brackets those pages open one with
(``【速報】``, ``「...」``). ``ticker`` asks it of a strip's pieces and ``teasers`` of the headline
after a read-more label, beside :data:`HEADLINE_START`."""
_CJK_DAY = r"(?:(?:19|20)\d{2}\s?[年년]\s?)?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]"
"""A day in Chinese, Japanese and Korean (``2026年11月3日``, ``11月3日``, ``2026년 11월 3일``): its
digits touch letters, so the ``\\b`` of the other forms never matches there."""
_CJK_TIME = r"\d{1,2}\s?[時时시]\s?\d{1,2}\s?[分분]"
"""A time written with hour and minute signs (``6時00分``, ``9时12分``, ``7시 5분``)."""
_DATE = regex.compile(
    r"(?<!\d[.:])(?:\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:19|20)\d{2}\b)(?![.:]\d)"
    rf"|(?<!\d){_CJK_DAY}|(?<!\d){_CJK_TIME}"
)
"""A numeric date, a time (with or without seconds) or a year; not a piece of a longer dotted or
colon-separated number (an IP address ``10.10.1.10``, a version ``2.10.1.4``, a port
``10.0.0.1:8080``); a day or a time written with the signs of Chinese, Japanese and Korean."""
_TIME = regex.compile(r"(?<!\d[.:])\b\d{1,2}:\d{2}(?::\d{2})?\b(?![.:]\d)")
_MONTH_NAMES = regex.findall(r"\S+", (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december januar februar märz mai juni juli oktober dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre enero febrero "
    "marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio febbraio "
    "aprile maggio giugno luglio settembre ottobre dicembre"
))
"""Month names and English abbreviations; with every name of five letters or more that
:data:`newsclean.dates.MONTHS` knows (Dutch, Portuguese, Polish, Russian, Turkish, Czech, Slovak,
and since session 32 Hungarian, Estonian, Finnish, Romanian, Croatian, Slovenian, Serbian,
Bulgarian, Ukrainian, Greek, Lithuanian, Latvian, the Scandinavian languages, Indonesian and
Malay). Its shorter abbreviations (``set``, ``out``, ``ago``, ``lip``) are English words: a line
holding one is no date."""
_NOT_MONTHS = frozenset({"marca"})
"""Month names that are common words in another language: Polish *marca* (of March) is Spanish and
Portuguese for a brand or a score (``Mbappé marca 2 goles``)."""
_MONTH = regex.compile(
    r"\b" + trie_regex({*_MONTH_NAMES, *(n for n in MONTHS if len(n) >= 5)} - _NOT_MONTHS) + r"\.?",
    regex.IGNORECASE,
)
DATE_START = regex.compile(
    rf"^\s*(?:(?:{_MONTH.pattern})\s*\d{{1,2}}\b|\d{{1,2}}\.?\s*(?:{_MONTH.pattern})"
    r"|\d{1,2}[./-]\d{1,2}\b|\d{4}-\d{2}-\d{2}\b)",
    regex.IGNORECASE,
)
"""A line that starts with a day: ``June 9 -- ...``, ``Aug. 2 -- ...``, ``9. Juni: ...``, ``09/06 ...``."""
_DATE_OR_MONTH = regex.compile(f"{_DATE.pattern}|{_MONTH.pattern}", regex.IGNORECASE)
"""Either of the two in one search (the date pattern has no letters, so case does not matter)."""
_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|del|della|le|la|du|dos|das|ten|ter|zu)\s+){0,2}"
"""Lower-case parts of a name: ``Jan de Vries``, ``Ursula von der Leyen``, ``Luis da Silva``."""
_BYLINE = regex.compile(
    r"^(?i:by|von|par|por|di|door|av|af|przez|от|автор)\s+\p{Lu}[\p{L}.'-]*"
    r"(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|i|и|&)\s+|\s+)" + _PARTICLE
    + r"\p{Lu}[\p{L}.'-]*){0,8}\s*$"
)
_NAMES = (r"(?P<names>\p{Lu}[\p{L}.'-]*(?:(?:\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|i|и|&)\s+|\s+)"
          + _PARTICLE + r"\p{Lu}[\p{L}.'-]*){1,8})")
_LABELLED_BYLINE = regex.compile(
    r"^(?i:(?:ein|eine) (?:interview|gespräch|kommentar|gastbeitrag|gastkommentar|analyse|essay|bericht"
    r"|reportage|kolumne|recherche|artikel|beitrag|text) von"
    r"|(?:interview|text|autor|autorin|autoren|autorinnen|protokoll|von|by)\s*:"
    r"|(?:author|authors|auteur|autrice|autore|autora|autori|autorka|avtor|avtorica|autorius|autorė|autors"
    r"|szerző|írta|kirjoittaja|toimittaja|tekst|teksti|texto|piše|пише|napísal|napísala|napisal|napisala"
    r"|автор|авторка|автори|συντάκτης|συντάκτρια|του|της|skrevet af|skrevet av|skriven av)\s*:)"
    r"\s+" + _NAMES + r"\s*$"
)
"""A byline behind a label: ``Ein Interview von Rafaela von Bredow und Veronika Hackenbroch``,
``Interview: Mariam Lau und Robert Pausch``, ``Text: Anna Schmidt`` (a full name at least); the
label *author* (*written by*) in more languages since session 32: ``Szerző: Horváth Réka``,
``Autorius: Jonas Petraitis``, ``Автор: Іван Петренко``, ``Piše: Ana Horvat``."""


_POSTED_BY = regex.compile(
    r"^(?i:posted|published|written|submitted)\s+(?i:by)\s+" + _NAMES
    + r"(?:\s+(?i:on|at)\s+.{4,60}?)?\s*$"
)
"""A blog's byline with its date: ``Posted by Amy Chen on October 2, 2024``."""


_KOREAN_BYLINE = regex.compile(
    r"^(?:기자명\s*)?(?:글\s*)?(?P<names>" + KOREAN_NAME + r"(?:\s*[·ㆍ,]\s*" + KOREAN_NAME
    + r")*)\s*" + KOREAN_REPORTER
    + r"(?:\s*[·ㆍ,]\s*사진\s*" + KOREAN_NAME + r"\s*기자)?"
    + r"(?:\s*[(<]?[\w.+-]+@[\w.-]+[)>]?)?\s*$"
)
"""A Korean byline: the name, then the word for reporter after it (``김서연 기자``, ``기자명 이준혁
기자``, ``정다은·최민호 기자``, ``글 윤하늘 기자·사진 문재혁 기자``; 12 sites of ``fixtures/written``): the
names before the first ``기자``, not the photographer's."""


def labelled_byline(text: str) -> str | None:
    """The names of a byline behind a label (:data:`_LABELLED_BYLINE`, ``Posted by ... on
    <date>``) or before the Korean word for reporter (:data:`_KOREAN_BYLINE`), or ``None``."""
    text = text.strip()
    m = _LABELLED_BYLINE.match(text) or _POSTED_BY.match(text)
    if m is None and ("기자" in text or "특파원" in text):
        k = _KOREAN_BYLINE.match(text)
        return regex.sub(r"\s*[·ㆍ]\s*", ", ", k.group("names")) if k is not None else None
    return m.group("names") if m is not None else None


_CAPTION_CREDIT = regex.compile(
    r"(?i:\b(?:photo|photograph|foto|fotó|fotografia|фото|снимка|kuva|nuotr|nuotrauka|zdjęcie|fot|bild"
    r"|image|credit|crédit|φωτογραφία|φωτ|slika|fotka))\s*:\s*\p{Lu}\S*(?:\s+\S+){0,5}\s*$")


def caption_credit(text: str) -> str | None:
    """The photo credit ending a line of other words, or ``None``: the line is the photo's caption
    (``... vistoria quintal — Foto: Rodrigo Albuquerque/Diário``, ``... Стамболов“ Снимка: Архив
    Хоризонт``), printed under a picture, often right by the headline. A credit alone on its line
    (``Photo: AP``) is the phrase lists' (category ``credit``). On the page texts of both dev
    corpora and the five fixture folders such lines are gold 4 times (2 sites) in 329."""
    if ":" not in text:  # every credit has its colon: most lines skip the regex
        return None
    m = _CAPTION_CREDIT.search(text.strip())
    return m.group(0).strip() if m is not None and m.start() > 0 else None


NUMBERED_ITEM = regex.compile(r"^\s*[(\[]?(\d{1,3})[.)\]]\s")
"""A numbered list item (``1) ...``, ``2. ...``, ``(3) ...``); the group is its number."""


def item_number(text: str) -> int | None:
    """The number of a numbered list item (:data:`NUMBERED_ITEM`), or ``None``."""
    m = NUMBERED_ITEM.match(text)
    return int(m.group(1)) if m else None

BULLET_ITEM = regex.compile(r"^\s*[-–•·*+]\s+\S")
"""A bulleted list item (``- ...``, ``• ...``)."""
SPEC_ITEM = regex.compile(r"^\s*(?:[-–•·*+]\s+)?\p{L}[\p{L}/&-]*(?: [\p{L}/&-]+)?\s*:\s")
"""An item that is a key and its value: ``- Processor: Dual core``, ``Pricing: Several tiers``."""
GLOSS_ITEM = regex.compile(
    r"^\s*(?:[-–•·*+]\s+)?\S[^–—]{0,60}?\s[-–—]\s*(?:\p{Ll}{2}|[$€£¥]\s?\d)")
"""An item that names a thing and then says something about it in lower case, or prices it, after a
dash: ``Book music – DJ or band secured``, ``Replacing Outlets, Switches - $89 - $189+``. A
checklist, a glossary or a price list; a headline rarely goes on in lower case after its dash."""
_NOT_A_HEAD_START = regex.compile(r"^\s*(?:[-–•·*+]\s+)?(?:\p{Ll}+\b(?![-'’.]\p{L})|[,;:)\]}]|--)")
"""How a line that continues something starts: with a word all in lower case (``requests, even
if ...``, ``- list of repositories``; ``iPhone`` and ``eBay`` are names), with a comma or a closing
bracket (a hard-wrapped sentence), or with ``--`` (a code comment)."""


def is_continuation(text: str) -> bool:
    """A line that is the rest of a sentence, a code comment or a table row, not a headline: it
    starts like :data:`_NOT_A_HEAD_START` or holds two or more `` | ``. Headlines of scripts with
    letter case start with a capital or a figure."""
    return text.count(" | ") >= 2 or _NOT_A_HEAD_START.match(text) is not None
AUTHOR_SPLIT = regex.compile(r"\s*(?:,|&|\s(?:and|und|et|y|e|en|och|og|i|и)\s)\s*")


def norm(text: str) -> str:
    """Case-folded text with punctuation and spacing removed, for comparing lines."""
    if text.isascii():  # most lines: a byte table instead of the regex (newsclean.ascii_text)
        return ascii_text.norm(text)
    return str(_NORM.sub(" ", text.casefold())).strip()


_NOT_A_HEAD_END = (".", ",", ";", "、", "，", "；")
"""A headline does not end in a full stop, a comma (the line breaks a sentence: ``今日は朝から
ぽかぽか陽気だったので、``) or a semicolon."""


def is_heading_like(block: Block, max_words: int = 30) -> bool:
    """Short, title-shaped: 2..max_words words (:attr:`Block.n_units`: a Chinese or Japanese
    headline is one ``\\w+`` token), mostly letters, not ending in a full stop, a comma or a
    semicolon (emoji after the last mark not read)."""
    if not 2 <= block.n_units <= max_words:
        return False
    text = block.bare_end
    if text.endswith(_NOT_A_HEAD_END) and not text.endswith("..."):
        return False
    return block.letter_ratio >= 0.6


def has_date(text: str) -> bool:
    """True when the text holds a numeric date, a time, a year, or a month name."""
    return _DATE_OR_MONTH.search(text) is not None


_NUMERIC_DAY = regex.compile(
    rf"(?<!\d[.:])\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}\b(?![.:]\d)|(?<!\d){_CJK_DAY}")


def has_day(text: str) -> bool:
    """True when the text names a day (a month name or a numeric date), not only a time or a year."""
    return bool(_NUMERIC_DAY.search(text) or _MONTH.search(text))


def is_date_line(block: Block) -> bool:
    """A line that is mostly a date or time stamp (``Local | 2020-02-28 13:06``, ``Nov. 19, 2019``).

    A question or an exclamation (``What's new in 2.26 (September pack)?``, ``What's new in May?``)
    names a date but is never a stamp, in any language; nor is a line ending in the full stop of
    Chinese and Japanese (``11月3日，秋粮收获结束。``)."""
    if block.text.rstrip().endswith(("?", "？", "؟", "¿", "!", "！", "。")):
        return False
    if block.n_words <= 12:
        return _is_stamp(block.text)
    # two stamps on one line: "Publié le 21 novembre 2026 à 18h42 - Mis à jour le ... à 19h05",
    # "Publié le 3 décembre 2024 à 17h42, modifié le 3 décembre 2024 à 19h05"
    parts = _STAMP_SEPARATOR.split(block.text)
    return 2 <= len(parts) <= 3 and block.n_words <= 30 and all(_is_stamp(p) for p in parts)


_ANY_DIGIT = regex.compile(r"\d")
STAMP_SPACELESS_CHARS = 20
"""A stamp holds at most this many Chinese or Japanese characters besides its date (``最終更新``,
``来源：南岭新闻网 记者：何思远``); a run of Han has no spaces, so it counts as one word however long
(``11月3日，记者从省农业农村厅获悉，今年全省秋粮收获已基本结束。`` is a sentence)."""
_STAMP_SEPARATOR = regex.compile(r"\s+[-–—|•·/]\s+|,\s+(?=\p{L})")
"""Between two stamps on one line: a dash, bar or dot, or a comma before the second's first word
(``Publié le 3 décembre 2024 à 17h42, modifié le 3 décembre 2024 à 19h05``)."""


def _is_stamp(text: str) -> bool:
    """A date or time with at most four other words (``Updated``, ``Published on``, ``Uhr``).
    A month name needs a number beside it: ``Door Jan de Vries`` is a byline, not a stamp. A year
    without a day or a time needs a line of its own: ``Harbour to grow by 2030``, ``Olympia 2024
    in Paris``, ``WM 2026: Deutschland im Viertelfinale`` and ``Acer Nitro 16 (2023)`` are
    headlines or names, not stamps."""
    if not has_date(text) or not _ANY_DIGIT.search(text):
        return False
    rest = _MONTH.sub(" ", _DATE.sub(" ", text))
    others = len(regex.findall(r"\p{L}{2,}", rest))
    if not rest.isascii() and len(SPACELESS.findall(rest)) > STAMP_SPACELESS_CHARS:
        return False  # a sentence of Chinese or Japanese that names a day, not a stamp
    if others and not has_day(text) and not _TIME.search(text):
        return False  # its only date is a year: no day, no time
    return others <= 4


CLOCK = regex.compile(rf"(?<!\d[.:])\b\d{{1,2}}[:h]\d{{2}}(?![.:]?\d)|(?<!\d){_CJK_TIME}")
"""A time of day: ``10:38``, ``17h42``, ``1:48am``, ``6時00分`` (not ``10.38``, a decimal as often)."""
_STAMP_WORDS = frozenset(regex.findall(r"\S+", (
    "am pm a.m. p.m. at on by um uhr le à el a las de del om alle kl klo o в г "
    "posted post updated published edited modified last added created written submitted "
    "veröffentlicht aktualisiert publié modifié publicado actualizado pubblicato aggiornato "
    "gepubliceerd bijgewerkt opublikowano опубликовано обновлено "
    "frissítve közzétéve uuendatud avaldatud päivitetty julkaistu actualizat publicat actualitzat "
    "ažurirano objavljeno posodobljeno aktualizováno publikováno aktualizované publikované "
    "uppdaterad publicerad opdateret publiceret oppdatert publisert ενημερώθηκε δημοσιεύθηκε "
    "оновлено опубліковано обновено публикувано atnaujinta paskelbta atjaunināts publicēts")))
"""The words a date stamp holds besides its date (``Posted by ... at``, ``Updated``, ``Uhr``, and
the same in the languages whose month names :data:`newsclean.dates.MONTHS` got in session 32):
none of them names the one who wrote."""
_SIGNER = regex.compile(r"\p{Lu}|\p{Lo}")
"""A name's first letter: a capital, or a letter of a script without capitals."""


def is_signed_stamp(text: str) -> bool:
    """A comment's signature line: a name beside the day and time it was written (``Silvia R.
    escribió el 14/09/2011 08:47``, ``Abdul Majeed 3/12/2021 at 1:48am``, ``たかし 2024/11/21
    08:40``). A stamp without a name (``Updated December 5, 2025 10:15 am``, a live blog's entry)
    is none, nor a sentence, nor a line of more than twelve words."""
    if len(text.split()) > 12 or text.rstrip().endswith((".", "?", "!", "。", "？", "！")):
        return False
    if not CLOCK.search(text) or not has_day(text):
        return False
    rest = _MONTH.sub(" ", _DATE.sub(" ", CLOCK.sub(" ", text)))
    words = regex.findall(r"[\p{L}][\p{L}\p{M}.'’_-]*", rest)
    if not 1 <= len(words) <= 6:
        return False
    return any(_SIGNER.match(w) and w.casefold().rstrip(":") not in _STAMP_WORDS for w in words)


_ROW_SEPARATOR = regex.compile(r"\s+[|•·]\s+")


def byline_of_row(text: str) -> str | None:
    """The byline opening a row of header items (``By Jane Doe | jdoe@example.com | The Times``),
    or ``None``. Menus of ``|``-separated links look the same, but none starts with ``By Name``."""
    parts: list[str] = _ROW_SEPARATOR.split(text.strip())
    if len(parts) < 2 or len(parts[0].split()) > 12 or not _BYLINE.match(parts[0]):
        return None
    return parts[0]


def is_byline(block: Block) -> bool:
    """``By Jane Doe``, ``Von Max Muster und Erika Beispiel``."""
    return block.n_words <= 12 and bool(_BYLINE.match(block.text.strip()))


def is_byline_text(text: str) -> bool:
    """:func:`is_byline` for a piece of a line."""
    return len(text.split()) <= 12 and bool(_BYLINE.match(text.strip()))


def is_stamp_text(text: str) -> bool:
    """A piece of a line that is a date or time stamp (``Published July 15, 2024``), not a
    headline naming a year."""
    return len(text.split()) <= 12 and _is_stamp(text)


def is_body_like(block: Block, doc: Document) -> bool:
    """A paragraph that reads like article prose: a sentence of some length."""
    return block.n_units >= 12 and block.ends_sentence and doc.prose_scores[block.index] >= 0.55


def kept_words_before(doc: Document, removed: Container[int]) -> tuple[list[int], int]:
    """For each block, how many words of the blocks not in ``removed`` come before it; and how many
    there are in all. Rules that act on what follows a heading "once the article is behind it"
    (``comment_thread``, ``author_bio``) compare the two. Words as a reader counts them
    (:attr:`Block.n_units`): a Chinese or Japanese paragraph is a few ``\\w+`` tokens, and read so a
    whole story came to fewer words than the comment thread's threshold."""
    before: list[int] = []
    total = 0
    for b in doc.blocks:
        before.append(total)
        if b.index not in removed:
            total += round(b.n_units)
    return before, total


def first_body(doc: Document, skip: Container[int] = ()) -> int | None:
    """Index of the first body-like block not in ``skip``, preferring one followed by more prose.

    A lone sentence at the top (a cookie notice, a standfirst) is passed over when a run of two
    body-like blocks starts later, within the first half of the document's core.
    """
    first: int | None = None
    for b in doc.blocks:
        if b.index in skip or not is_body_like(b, doc):
            continue
        if first is None:
            first = b.index
        core_start, core_end = doc.core
        if core_start <= b.index <= core_end:
            return b.index if first < core_start else first
    return first


def _content(words: list[str], stops: frozenset[str]) -> list[str]:
    """A block's content words (:func:`~newsclean.document.content_units`): lower-cased, 3+ letters,
    not numbers, not stopwords; Chinese and Japanese character bigrams, Korean stems."""
    return [u for w in words for u in content_units(w, w.lower(), stops)]


def overlap(words: list[str], vocabulary: frozenset[str], stops: frozenset[str]) -> float:
    """Share of a block's content words (3+ letters, not stopwords) found in ``vocabulary``."""
    return share_in(_content(words, stops), vocabulary)


def loose_hits(words: list[str], vocabulary: frozenset[str], stops: frozenset[str],
               min_part: int = 5) -> tuple[int, int]:
    """``(found, content)``: how many of a block's content words :func:`loose_overlap` finds in
    ``vocabulary``, and how many content words the block has."""
    content = _content(words, stops)
    long_vocab = [v for v in vocabulary if len(v) >= min_part] if content else []
    hits = 0
    for w in content:
        if w in vocabulary or (len(w) >= min_part and any(w in v or v in w for v in long_vocab)):
            hits += 1
    return hits, len(content)


def loose_overlap(words: list[str], vocabulary: frozenset[str], stops: frozenset[str],
                  min_part: int = 5) -> float:
    """:func:`overlap` where a word of ``min_part`` letters or more also counts when it is part of
    a vocabulary word or holds one (``Zulieferer`` in ``Autozulieferer``, ``harbour`` in
    ``harbours``): compounds and inflections share their stem, in German as in English."""
    hits, content = loose_hits(words, vocabulary, stops, min_part)
    return hits / content if content else 0.0


def share_in(content: list[str], vocabulary: frozenset[str]) -> float:
    """Share of ``content`` (a block's content words, see :attr:`Document.content_words`) found in
    ``vocabulary``: :func:`overlap` for words already filtered."""
    if not content:
        return 0.0
    return sum(map(vocabulary.__contains__, content)) / len(content)


_TABLE_DATUM = regex.compile(r"[\d$€£¥%✓✔✗✘]|(?:^|\|)\s*[◎○〇△×✕★☆●]+\s*(?:\||$)")
"""What a row of a data table has somewhere and a menu has not: a figure, a price, a check mark, or
a cell that is only a grade (``◎`` / ``○`` / ``△`` / ``×``, the marks Japanese, Chinese and Korean
comparison tables grade with; ``★★★☆☆``). A grade mark inside a cell's words (``★ Favourites`` in a
menu) is no grade."""


def _cells(text: str) -> tuple[int, bool]:
    """How many ``|`` a line holds between its cells (the frame of ``| a | b |`` not counted), and
    whether it is framed; ``(-1, False)`` for a line of fewer than three cells."""
    text = text.strip()
    framed = len(text) > 2 and text[0] == "|" and text[-1] == "|"
    inner = text.count("|") - (2 if framed else 0)
    if not framed:
        inner -= text.startswith("|") + (text.endswith("|") and len(text) > 1)
    return (inner, framed) if inner >= 2 else (-1, False)


def date_lines(doc: Document) -> frozenset[int]:
    """The blocks that are date or time stamps (:func:`is_date_line`), remembered on the document
    (:meth:`~newsclean.document.Document.remember`): the page-type features and the dated feeds of
    ``teasers`` both count them. A stamp holds a digit and at most 30 words, so only such blocks
    are tested."""
    return doc.remember(("shapes.date_lines",), _date_lines, doc)


def _date_lines(doc: Document) -> frozenset[int]:
    return frozenset(b.index for b in doc.blocks
                     if b.n_words <= 30 and _ANY_DIGIT.search(b.text) and is_date_line(b))


def table_rows(doc: Document) -> frozenset[int]:
    """Blocks that are rows of a table, as extractors write ``<table>`` rows: consecutive lines of
    three or more ``|``-separated cells, either two or more all framed by ``|`` with the same number
    of cells (``| HD | Home Depot | 225.86 |``), or three or more with cell counts that differ by at
    most one (an empty last cell) and a figure, a price, a check mark or a grade (``◎``, ``★★★☆☆``)
    in some row (``Home Size | Crew Size | Estimated Cost`` over ``Studio | 1-2 | $400``). The lines
    of a footer menu (``About | Contact | Careers`` over ``Privacy | Terms | Sitemap``) hold no
    figure; a pagination line over a menu is two lines. Several rules ask: the answer is remembered
    on the document (:meth:`~newsclean.document.Document.remember`)."""
    if "|" not in doc.source:
        return frozenset()
    return doc.remember(("shapes.table_rows",), _table_rows, doc)


def _table_rows(doc: Document) -> frozenset[int]:
    rows: set[int] = set()
    run: list[Block] = []
    shape = (-1, False)

    def close() -> None:
        framed = shape[1] and len(run) >= 2
        if framed or (len(run) >= 3 and any(_TABLE_DATUM.search(b.text) for b in run)):
            rows.update(b.index for b in run)

    for block in doc.blocks:
        n, framed = _cells(block.text)
        if n >= 2 and run and framed == shape[1] and (
                n == shape[0] if framed else abs(n - shape[0]) <= 1):
            run.append(block)
            continue
        close()
        run, shape = ([block], (n, framed)) if n >= 2 else ([], (-1, False))
    close()
    return frozenset(rows)


_SEPARATOR = regex.compile(r"^[\s\-–—•·*|»›>+_=~#]*$")
_LINK = regex.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.)\S+\s*$", regex.IGNORECASE)


def is_separator(block: Block) -> bool:
    """A line of nothing but dashes, bullets, pipes or similar."""
    return block.n_words == 0 and bool(_SEPARATOR.match(block.text))


def is_link(block: Block) -> bool:
    """A line that is one bare address (``http://amzn.to/2x``, ``www.example.org/a``)."""
    text = block.text
    if "://" not in text and "www." not in text.lower():  # what every match holds (only "W" folds
        return False                                      # to "w"): most lines need no regex
    return bool(_LINK.match(text))
