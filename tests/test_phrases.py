"""The chrome phrase lists (``newsclean/data/chrome``) and their matcher (``newsclean.phrases``)."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import regex

from newsclean import phrase_needs, phrases
from newsclean.phrases import PhraseHit, match, normalize

REQUIRED_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "tr", "pl", "sv", "ar", "xx")


def hit(line: str, language: str | None) -> PhraseHit:
    h = match(line, language)
    assert h is not None, f"{line!r} ({language}) should match"
    return h


# ---- the data files --------------------------------------------------------------------------


def test_required_files_exist() -> None:
    available = set(phrases.available_languages())
    missing = [code for code in REQUIRED_LANGUAGES if code not in available]
    assert not missing


@pytest.mark.parametrize("code", phrases.available_languages())
def test_file_parses_with_valid_entries(code: str) -> None:
    entries = phrases.entries(code)
    assert entries, f"{code}.txt has no entries"
    for e in entries:
        assert e.category in phrases.CATEGORIES
        assert e.mode in phrases.MODES
        assert e.language == code
        if e.mode == "regex":
            regex.compile(e.pattern, regex.IGNORECASE)
        else:
            assert e.key, f"{code}.txt:{e.line_no}: empty key"


@pytest.mark.parametrize("code", phrases.available_languages())
def test_file_has_no_duplicates(code: str) -> None:
    counts = Counter((e.mode, e.key) for e in phrases.entries(code))
    dupes = [key for key, n in counts.items() if n > 1]
    assert not dupes, f"{code}.txt duplicates: {dupes}"


UNIVERSAL = frozenset({"cookie", "copyright", "legal", "paywall"})
"""Categories kept without counting sites (see newsclean/data/chrome/README.md)."""


def _support() -> dict[tuple[str, str, str], int]:
    path = Path(phrases.__file__).parent / "data" / "chrome" / "support.tsv"
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        language, mode, key, sites = line.split("\t")
        out[(language, mode, key)] = int(sites)
    return out


@pytest.mark.parametrize("code", phrases.available_languages())
def test_every_entry_earned_its_place(code: str) -> None:
    """An entry stays when it matched lines on 3+ sites of the corpora (support.tsv, written by
    scripts/phrase_support.py), or is a universal notice; nothing is fitted to one page."""
    support = _support()
    unearned = [e.pattern for e in phrases.entries(code) if e.category not in UNIVERSAL
                and support.get((e.language, e.mode, e.key), 0) < 3]
    assert not unearned, f"{code}.txt entries seen on fewer than 3 sites: {unearned[:10]}"


def test_the_lists_still_name_what_recurs() -> None:
    """The cut kept what every site prints: a guard against an over-eager prune."""
    for line, language in (("Privacy policy", "en"), ("Skip to main content", "en"), ("Facebook", "de"),
                           ("Impressum", "de"), ("Cookie-Einstellungen", "de")):
        assert phrases.match(line, language) is not None, line


def _strip_escapes(pattern: str) -> str:
    return regex.sub(r"\\[pPN]\{[^}]*\}|\\.", "", pattern)


@pytest.mark.parametrize("code", phrases.available_languages())
def test_regexes_are_casefolded(code: str) -> None:
    """Inputs are casefolded (ß -> ss, İ/ı -> i), so a pattern with ß or capitals would never match."""
    for e in phrases.entries(code):
        if e.mode == "regex":
            literal = _strip_escapes(e.pattern)
            assert literal == phrases.fold(literal), (
                f"{code}.txt:{e.line_no}: write the pattern casefolded: {e.pattern!r}"
            )


def _nested_unbounded(pattern: str) -> bool:
    """True when a quantified group contains an unbounded quantifier (``*``, ``+``, ``{n,}``)."""
    stack: list[bool] = [False]  # per open group: does it hold an unbounded quantifier?
    i, n = 0, len(pattern)

    def quantifier_at(j: int) -> tuple[str | None, int]:
        if j >= n:
            return None, j
        c = pattern[j]
        if c in "*+?":
            return c, j + 1
        if c == "{":
            m = regex.match(r"\{(\d*)(,?)(\d*)\}", pattern[j:])
            if m:
                kind = "unbounded" if m.group(2) and not m.group(3) else "bounded"
                return kind, j + m.end()
        return None, j

    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            if i - 1 < n and pattern[i - 1] in "pPN" and i < n and pattern[i] == "{":
                i = pattern.index("}", i) + 1
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
        elif c == "(":
            stack.append(False)
            i += 1
            continue
        elif c == ")":
            inner = stack.pop()
            q, i = quantifier_at(i + 1)
            if q is not None and q != "?" and inner:
                return True
            if inner or q in ("*", "+", "unbounded"):
                stack[-1] = True
            continue
        else:
            i += 1
        q, j = quantifier_at(i)
        if q in ("*", "+", "unbounded"):
            stack[-1] = True
        i = j if q is not None else i
    return False


def test_nested_quantifier_checker() -> None:
    assert _nested_unbounded(r"(?:a+)+")
    assert _nested_unbounded(r"(?:\s*x)*")
    assert _nested_unbounded(r"(?:[^|]{1,}\|){2,}")
    assert not _nested_unbounded(r"(?: ?\| ?[^|\s]{1,25}){1,30}")
    assert not _nested_unbounded(r"we use cookies\b.{0,800}")
    assert not _nested_unbounded(r"(?:a+)?")


@pytest.mark.parametrize("code", phrases.available_languages())
def test_regexes_are_linear(code: str) -> None:
    for e in phrases.entries(code):
        if e.mode == "regex":
            assert not _nested_unbounded(e.pattern), (
                f"{code}.txt:{e.line_no}: nested unbounded quantifier: {e.pattern!r}"
            )


@pytest.mark.parametrize("code", phrases.available_languages())
def test_regexes_finish_fast_on_hostile_input(code: str) -> None:
    hostile = [
        "a" * 300,
        "a " * 59,
        "| " * 59,
        "1 " * 59,
        "/" * 300,
        "cookie " * 50,
        "© " + "x" * 400,
    ]
    for e in phrases.entries(code):
        if e.mode == "regex":
            pattern = regex.compile(e.pattern, regex.IGNORECASE)
            for s in hostile:
                pattern.fullmatch(s, timeout=1.0)  # raises TimeoutError when catastrophic


def test_unknown_category_or_mode_is_an_error() -> None:
    with pytest.raises(phrases.PhraseFileError):
        phrases._parse("bogus line Share", "en", "test")
    with pytest.raises(phrases.PhraseFileError):
        phrases._parse("share sometimes Share", "en", "test")
    with pytest.raises(phrases.PhraseFileError):
        phrases._parse("share regex (unclosed", "en", "test")
    with pytest.raises(phrases.PhraseFileError):
        phrases._parse("share line", "en", "test")
    parsed = phrases._parse("# comment\n\nshare\tline\tShare this\n", "en", "test")
    assert [(e.category, e.mode, e.pattern) for e in parsed] == [("share", "line", "Share this")]


# ---- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Comments (0)", "comments"),
        ("  » Comments (12):  ", "comments"),
        ("12 comments", "comments"),
        ("Kommentare 3", "kommentare"),
        ("Shares 1.2k", "shares"),
        ("• SHARE   THIS |", "share this"),
        ("[Advertisement]", "advertisement"),
        ("(dpa)", "dpa"),
        ("— Read more →", "read more"),
        ("Teilen:", "teilen"),
        ("SCHLIESSEN", "schliessen"),
        ("Schließen", "schliessen"),
        ("İLGİLİ HABERLER", "ilgili haberler"),
        ("Share\u00a0this", "share this"),
        ("COVID-19", "covid-19"),
        ("", ""),
        ("•••", ""),
        # Chinese, Japanese and Korean counts: full-width brackets, a counter word after the number
        ("评论（28）", "评论"),
        ("コメント（3件）", "コメント"),
        ("댓글 (5개)", "댓글"),
        # hard negatives: no number in the brackets, or the count is not at the end
        ("评论（精选）", "评论（精选）"),
        ("（28）评论", "（28）评论"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_trim_keeps_counts() -> None:
    assert phrases.trim("  Updated 3 hours ago. ") == "updated 3 hours ago"
    assert phrases.trim("(c) 2019 Foo") == "(c) 2019 foo"


# ---- positives ---------------------------------------------------------------------------------

POSITIVES = {
    "en": [
        ("We may earn a commission when you buy through links on our site.", "legal"),
        ("This post may contain affiliate links. Please read our disclosure policy.", "legal"),
        ("https://static.example.com/image/5dd3a081-500-250/harbour-vote.jpg", "credit"),
        ("www.example.org/assets/logos/og-image-logo.png?v=3", "credit"),
        ("This copy is for your personal, non-commercial use only. To order presentation-ready copies "
         "for distribution to your colleagues, clients or customers visit our reprints page.", "copyright"),
        ("Sakib Ali/Hindustan Times/Getty Images", "credit"),
        ("Home Depot stock fell after the retailer reported earnings. Photograph by Robyn Beck/AFP/Getty "
         "Images", "credit"),
        ("This document is subject to copyright. Apart from any fair dealing for the purpose of private "
         "study or research, no part may be reproduced without the written permission.", "copyright"),
        ("The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News "
         "Communications, Inc.", "copyright"),
        ("Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved 20 "
         "November 2019 from https://phys.org/news/2019-11-hibernating-astronauts.html", "copyright"),
        ("By submitting this form you agree to us using your data for the purposes of publishing your "
         "comment.", "comments"),
        # the consent line of a sign-up or contact form (95 lines on 58 sites of the corpora)
        ("By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and Privacy "
         "Policy.", "legal"),
        ("By entering your email address you agree to our Terms of Use and Privacy Policy and consent "
         "to receive emails.", "legal"),
        # a site builder's form status lines, on the page before anyone submits (22 and 19 sites)
        ("Oops! Something went wrong while submitting the form.", "newsletter"),
        ("Thank you! Your submission has been received!", "newsletter"),
        ("These cookies are strictly necessary to provide you with the services and features "
         "available through our site.", "cookie"),
        # a consent plugin's panel: a category's text, its label, its table of cookies (8-16 sites),
        # at the length it has on the page (the regexes see lines of up to 120 words)
        ("Necessary cookies are absolutely essential for the website to function properly. These "
         "cookies ensure basic functionalities and security features of the website, anonymously.",
         "cookie"),
        ("This website uses cookies to improve your experience while you navigate through the website. "
         "Out of these, the cookies that are categorized as necessary are stored on your browser as they "
         "are essential for the working of basic functionalities of the website. We also use third-party "
         "cookies that help us analyze and understand how you use this website. These cookies will be "
         "stored in your browser only with your consent. You also have the option to opt-out of these "
         "cookies. But opting out of some of these cookies may affect your browsing experience.",
         "cookie"),
        ("Always Enabled", "cookie"),
        ("Cookie Duration Description", "cookie"),
        ("viewed_cookie_policy 11 months The cookie is set by the GDPR Cookie Consent plugin and is used "
         "to store whether or not user has consented to the use of cookies.", "cookie"),
        ("_ga_* 1 year 1 month 4 days Google Analytics sets this cookie to store and count page views.",
         "cookie"),
        ("cookielawinfo-checkbox-necessary 11 months This cookie is set by GDPR Cookie Consent plugin.",
         "cookie"),
        # the IAB framework's consent text, in its own wording (20 sites)
        ("We and our 100 partners store and/or access information on a device, such as unique IDs in "
         "cookies to process personal data.", "cookie"),
        # a form plugin's hidden field, printed as text (23 sites)
        ("This field is for validation purposes and should be left unchanged.", "newsletter"),
        ("Quotes delayed at least 15 minutes. Real-time quotes provided by BATS BZX Real-Time Price.",
         "legal"),
        ("Vicente Aguiar loads garage door trims into his pickup truck in Hialeah, Fla. (AP Photo/Alan "
         "Diaz, File)", "credit"),
        ("WeWork chairman Marcelo Claure (Credit: Getty Images)", "credit"),
        ("A reference module for a crewed Mars mission compared to its equivalent. Credit: ESA", "credit"),
        ("A cyclist rides past a blocked plant in La Paz, November 19, 2019. © Reuters / David Mercado",
         "credit"),
        ("Der Kanzler sprach am Montag in Berlin vor Journalisten (Foto: dpa)", "credit"),
        ("Comments (0)", "comments"),
        ("Leave a reply", "comments"),
        ("All news", "navigation"),
        ("Home > World", "navigation"),
        ("Skip to main content", "navigation"),
        ("Share on Facebook", "share"),
        ("Follow us on Twitter", "follow"),
        ("Sign up for our newsletter", "newsletter"),
        ("Subscribe now", "subscribe"),
        ("We use cookies to give you the best experience on our website.", "cookie"),
        ("Accept all cookies", "cookie"),
        ("Advertisement", "advertisement"),
        ("© 2019 Hearst Communications, Inc. All Rights Reserved.", "copyright"),
        ("Copyright 2020 The Associated Press. All rights reserved.", "copyright"),
        ("Privacy Policy", "legal"),
        ("Read more", "read_more"),
        ("READ MORE: China plague outbreak confirmed", "read_more"),
        ("Related Articles", "related"),
        ("Photo: Reuters", "credit"),
        ("Getty Images", "credit"),
        ("Sign in", "login"),
        ("Download our app", "app"),
        ("Updated 3 hours ago", "timestamp"),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", "timestamp"),
        ("5 min read", "timestamp"),
        ("About the author", "byline_label"),
        ("Tags: politics, economy", "tags_label"),
        ("Watch: The moment the bridge collapsed", "media"),
        ("This article is for subscribers only", "paywall"),
    ],
    "de": [
        ("Fehler gefunden? Jetzt melden", "feedback"), ("Weitere Postings laden", "comments"),
        ("Wir und unsere 160 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, "
         "wie z. B. eindeutige Kennungen in Cookies.", "cookie"),
        # session 23: recurring on 3+ sites of fixtures/written's new pages (two writers a language)
        ("Werbung", "advertisement"), ("Artikel teilen", "share"), ("412 Postings", "comments"),
        ("vor 2 Stunden", "timestamp"), ("Direkt zum Inhalt", "navigation"),
        ("Dieser Artikel ist exklusiv für Abonnentinnen und Abonnenten.", "paywall"),
        ("Exklusiv für Abonnent:innen", "paywall"),
        ("Teilen", "share"),
        ("Zur Startseite", "navigation"),
        ("Mehr zum Thema", "read_more"),
        ("Lesen Sie auch", "read_more"),
        ("Anzeige", "advertisement"),
        ("ANZEIGE", "advertisement"),
        ("Kommentare (12)", "comments"),
        ("Alle Rechte vorbehalten", "copyright"),
        ("© dpa-infocom, dpa:210312-99-790000/2", "copyright"),
        ("Foto: dpa", "credit"),
        ("Bild: Keystone", "credit"),
        ("dpa", "credit"),
        ("sab/dpa", "credit"),
        ("Datenschutz", "legal"),
        ("Impressum", "legal"),
        ("Cookie-Einstellungen", "cookie"),
        ("Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren.", "cookie"),
        ("Dieser Artikel ist exklusiv für Abonnenten", "paywall"),
        # session 18: short lines recurring on 3+ sites of fixtures/written (support.tsv)
        ("Link kopieren", "share"), ("Zum Inhalt springen", "navigation"), ("Meistgelesen", "related"),
    ],
    "fr": [
        ("Disponible sur Google Play", "app"), ("Accessibilité : non conforme", "legal"),
        ("Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires "
         "pour stocker et accéder à des informations personnelles.", "cookie"),
        ("Lire aussi : Tempête Herminia : trois morts et des milliers de foyers privés"
         " d’électricité dans l’ouest", "read_more"),
        ("Lire aussi : La réforme des retraites", "read_more"),
        ("Tous droits réservés", "copyright"),
        ("Publicité", "advertisement"),
        ("Mentions légales", "legal"),
        ("Commentaires", "comments"),
        ("Photo : AFP", "credit"),
        ("Article réservé aux abonnés", "paywall"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie"),
    ],
    "es": [
        ("Te puede interesar", "related"), ("Compartir en Telegram", "share"),
        ("Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales "
         "como cookies.", "cookie"),
        ("Todos los derechos reservados", "copyright"),
        ("Publicidad", "advertisement"),
        ("Suscríbete", "subscribe"),
        ("Aviso legal", "legal"),
        ("Comentarios", "comments"),
        ("Foto: EFE", "credit"),
        ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "cookie"),
    ],
    "it": [
        ("Potrebbe interessarti anche", "related"), ("Carica altri commenti", "comments"),
        ("Noi e i nostri partner archiviamo e/o accediamo a informazioni su un dispositivo, come gli "
         "ID univoci nei cookie.", "cookie"),
        ("Leggi anche", "read_more"),
        ("Riproduzione riservata", "copyright"),
        ("Pubblicità", "advertisement"),
        ("Abbonati", "subscribe"),
    ],
    "pt": [
        ("Livro de reclamações", "legal"), ("Compartilhe:", "share"),
        ("Todos os direitos reservados", "copyright"),
    ],
    "nl": [
        ("Word abonnee", "subscribe"), ("Ga naar de inhoud", "navigation"),
        ("Alle rechten voorbehouden", "copyright"),
        # session 18: short lines recurring on 3+ sites of fixtures/written (support.tsv)
        ("Advertentie", "advertisement"), ("Kopieer link", "share"), ("Volg ons", "follow"),
    ],
    "ru": [
        ("Комментарии (4)", "comments"), ("Все материалы автора", "related"),
        ("Все права защищены", "copyright"),
    ],
    "tr": [
        ("Bunlar da ilginizi çekebilir", "related"), ("Beğen (24)", "feedback"),
        ("Tüm hakları saklıdır", "copyright"),
        # session 18: short lines recurring on 3+ sites of fixtures/written (support.tsv)
        ("Bağlantıyı kopyala", "share"), ("Çok okunanlar", "related"), ("Bizi takip edin", "follow"),
    ],
    "pl": [
        ("18 komentarzy", "comments"), ("Czas czytania: 4 min", "timestamp"),
        ("Czytaj też: Rząd przyjął projekt budżetu na przyszły rok, opozycja zapowiada"
         " głosowanie przeciw w Sejmie", "read_more"),
        ("Udostępnij", "share"),
        ("Czytaj także: Rząd przyjął projekt", "read_more"),
        ("Wszelkie prawa zastrzeżone", "copyright"),
        ("Reklama", "advertisement"),
        ("Komentarze", "comments"),
    ],
    "sv": [
        ("Endast nödvändiga", "cookie"), ("Ämnen i artikeln", "tags_label"),
        ("Alla rättigheter förbehållna", "copyright"),
        # session 18: short lines recurring on 3+ sites of fixtures/written (support.tsv)
        ("Annons", "advertisement"), ("Mest läst", "related"), ("Följ oss", "follow"),
    ],
    "ar": [
        ("الوسوم:", "tags_label"), ("منذ ساعتين", "timestamp"), ("أضف تعليقك", "comments"),
        ("جميع الحقوق محفوظة", "copyright"),
        # session 18: short lines recurring on 3+ sites of fixtures/written (support.tsv)
        ("إعلان", "advertisement"), ("نسخ الرابط", "share"), ("الأكثر قراءة", "related"),
    ],
    "ja": [  # sessions 18 and 23: recurring on 3+ sites of fixtures/written
        ("関連記事", "related"), ("Google Playで手に入れよう", "app"),
        ("広告", "advertisement"), ("URLをコピー", "share"), ("本文へ移動", "navigation"),
    ],
    "zh": [  # sessions 18 and 23: recurring on 3+ sites of fixtures/written
        ("请登录后发表评论", "comments"), ("更多>>", "navigation"),
        ("广告", "advertisement"), ("复制链接", "share"), ("相关新闻", "related"),
    ],
    "ko": [  # sessions 18 and 23: recurring on 3+ sites of fixtures/written
        ("이 기사를 추천합니다", "feedback"), ("답글 0", "comments"),
        ("광고", "advertisement"), ("본문 바로가기", "navigation"), ("많이 본 뉴스", "related"),
    ],
    "cs": [  # sessions 18 and 23: recurring on 3+ sites of fixtures/written
        ("Diskuse (24)", "comments"), ("Mohlo by vás zajímat", "related"),
        ("Reklama", "advertisement"), ("Kopírovat odkaz", "share"), ("Nejčtenější", "related"),
    ],
    # session 23: recurring on 3+ sites of fixtures/written's new pages (two writers a language)
    "bg": [("Реклама", "advertisement"), ("Сподели", "share"), ("Етикети:", "tags_label")],
    "ca": [("Publicitat", "advertisement"), ("Copia l'enllaç", "share"), ("El més llegit", "navigation")],
    "hr": [("Podijeli", "share"), ("Najnovije", "navigation"), ("Uvjeti korištenja", "legal")],
    "sk": [("Reklama", "advertisement"), ("Zdieľať", "share"), ("Ochrana osobných údajov", "legal")],
    "da": [("Annonce", "advertisement"), ("Kopiér link", "share"), ("Mest læste", "navigation")],
    "fi": [("Mainos", "advertisement"), ("Kopioi linkki", "share"), ("Uusimmat", "navigation")],
    "no": [("Kopier lenke", "share"), ("Logg inn", "login")],
    "lt": [("Reklama", "advertisement"), ("Komentarai (64)", "comments"), ("Kopijuoti nuorodą", "share")],
    # session 23, fifth batch
    "el": [("ΔΙΑΦΗΜΙΣΗ", "advertisement"), ("Σχόλια (3)", "comments"), ("Σχετικά άρθρα", "related")],
    "fa": [("غیر قابل انتشار: ۰", "comments"), ("اخبار مرتبط", "related"), ("کپی لینک", "share")],
    "he": [("הוספת תגובה", "comments"), ("הכי נקראים", "navigation"), ("שתפו בוואטסאפ", "share")],
    "hi": [("2 घंटे पहले", "timestamp"), ("टैग्स", "tags_label"), ("सब्सक्राइब करें", "subscribe")],
    "hu": [("Tetszik (14)", "feedback"), ("Sütiket használunk", "cookie"), ("Hozzászólás", "comments")],
    "ro": [("Lasă un comentariu", "comments"), ("Articole similare", "related"), ("Etichete:", "tags_label")],
    "uk": [("Реклама на сайті", "advertisement"), ("Найпопулярніше", "navigation"),
           ("Коментарі", "comments")],
    "vi": [("Tin liên quan", "related"), ("Bình luận (12)", "comments"), ("Sao chép liên kết", "share")],
    # session 23, fourth batch
    "bn": [("বিজ্ঞাপন", "advertisement"), ("গোপনীয়তা নীতি", "legal")],
    "et": [("Reklaam", "advertisement"), ("Kopeeri link", "share"), ("Kõige loetumad", "navigation")],
    "ms": [("Iklan", "advertisement"), ("Salin pautan", "share"), ("Tag:", "tags_label")],
    "sr": [("Коментари (57)", "comments"), ("Тагови:", "tags_label"), ("Најчитаније", "navigation")],
    "ta": [("கருத்துகள் (3)", "comments"), ("தொடர்புடைய செய்திகள்", "related")],
    "th": [("คัดลอกลิงก์", "share"), ("นโยบายความเป็นส่วนตัว", "legal")],
    "ur": [("متعلقہ خبریں", "related"), ("تبصرے (3)", "comments"), ("اشتہار", "advertisement")],
    "id": [("Pilihan Redaksi", "related"), ("Tulis komentar...", "comments")],
    "sl": [("Oglaševanje", "advertisement"), ("Komentarji (58)", "comments"), ("Oznake:", "tags_label")],
    # session 24
    "lv": [("Komentāri (7)", "comments"), ("Tēmas:", "tags_label"), ("Reklāma", "advertisement")],
    "my": [("ကြော်ငြာ", "advertisement"), ("မျှဝေရန်", "share"), ("ဆက်စပ်သတင်းများ", "related")],
}


@pytest.mark.parametrize(
    ("language", "line", "category"),
    [(lang, line, cat) for lang, cases in POSITIVES.items() for line, cat in cases],
)
def test_positive(language: str, line: str, category: str) -> None:
    h = hit(line, language)
    assert h.category == category, f"{line!r}: {h}"


@pytest.mark.parametrize(("language", "line", "category"), [
    ("en", "Listen to this article", "media"), ("en", "Reject Non-Essential", "cookie"),
    ("pt", "Veja também", "related"), ("ru", "Подробнее", "read_more"), ("ja", "もっと知りたい", "read_more"),
    # the seventh batch: a further writer for sixteen languages
    ("cs", "Diskuse k článku (24)", "comments"), ("cs", "Čtení na 9 minut", "timestamp"),
    ("da", "Lyt til artiklen", "media"), ("fi", "Kommentit 48", "comments"), ("fi", "Tykkää 34", "feedback"),
    ("nl", "Deel via WhatsApp", "share"), ("pl", "Sortuj: najnowsze", "comments"),
    ("sv", "Hoppa till huvudinnehåll", "navigation"), ("tr", "Yorum Yaz", "comments"),
    ("zh", "加入收藏", "share"), ("ja", "Xでポスト", "share"), ("es", "Aviso de privacidad", "legal"),
    # the blog batch: the strings of blog platforms and their comment forms
    ("de", "Kommentar abschicken", "comments"), ("fr", "Laisser un commentaire", "comments"),
    ("it", "Nome *", "comments"), ("nl", "Reactie plaatsen", "comments"), ("pl", "O mnie", "legal"),
    ("pt", "Comentário *", "comments"), ("es", "Saltar al contenido", "navigation"),
    ("ru", "Просмотров: 1 346", "feedback"), ("ru", "6 комментариев", "comments"),
])
def test_session_24_entries_of_listed_languages(language: str, line: str, category: str) -> None:
    """Lines that recur on three sites of session 24's batches of written pages (news, then blog
    posts), in languages that had a list already (each is in no gold body of the three corpora)."""
    assert hit(line, language).category == category


@pytest.mark.parametrize(("language", "line"), [
    ("fi", "Vastaa kysymykseen, kehotti poliisi, ja lähetä kuva tapahtumapaikalta."),
    ("fi", "Jaa"),  # the share button, left out: beside it the line model dropped a live blog's entry
    ("cs", "Čtení na 9 minut denně pomáhá dětem, říká ředitelka školy."),
    ("tr", "Menü fiyatları bu yıl yüzde kırk arttı."),
    ("es", "Temas como la vivienda y el empleo dominaron el debate."),
    ("ru", "Хорошо"),  # a consent button on four sites, left out: an interview answer can be just that
    ("es", "Más información"),  # a blog's button on three sites, left out: a story's last subhead
    ("de", "Kommentar: Die Stadt hat zu lange gewartet"),  # an opinion piece's headline, not the label
    ("it", "Nome e cognome del sindaco non sono stati resi noti."),
])
def test_session_24_hard_negatives(language: str, line: str) -> None:
    assert match(line, language) is None


@pytest.mark.parametrize(
    "line",
    [
        "Facebook",
        "WhatsApp",
        "E-Mail",
        "RSS",
        "Twitter",
        "Pinterest",
        "LinkedIn",
        "©",
        "(c) 2019 Foo Media",
        "1 2 3 Next",
        "Home | News | Sport | Contact",
        "Facebook Twitter WhatsApp E-Mail",
        "(AP)",
        "Reuters",
        "2020-02-28 13:06",
    ],
)
def test_neutral_list_applies_to_every_language(line: str) -> None:
    for language in ("de", "ja", None):
        assert match(line, language) is not None, f"{line!r} ({language})"


def test_language_codes_are_normalised() -> None:
    assert phrases.language_chain("de-AT") == ("de", "en", "xx")
    assert phrases.language_chain("pt_BR") == ("pt", "en", "xx")
    assert phrases.language_chain("nb") == ("no", "en", "xx")
    assert phrases.language_chain("EN") == ("en", "xx")
    assert hit("Impressum", "DE-ch").language == "de"


def test_unknown_language_falls_back_to_english_and_neutral() -> None:
    for language in (None, "", "zz", "xx"):
        assert phrases.language_chain(language) == ("en", "xx")
        assert hit("Share on Facebook", language).language == "en"
        assert hit("WhatsApp", language).language == "xx"
        assert match("Artikel teilen", language) is None  # German only for German documents


def test_has_own_list_tells_a_language_with_its_own_list_from_one_read_with_englishs() -> None:
    for language in ("de-AT", "en", "ja", "fa", "he", "bg", "lv"):  # bg: since session 23, lv: 24
        assert phrases.has_own_list(language), language
    assert phrases.has_own_list(None)  # undetected: read with the English list, as English
    for language in ("sq", "ka", "zz", "xx"):
        assert not phrases.has_own_list(language), language


def test_english_chrome_is_found_on_pages_in_other_languages() -> None:
    h = hit("Share on Facebook", "de")
    assert (h.category, h.language) == ("share", "en")


def test_document_language_wins_over_english() -> None:
    # "Newsletter" is in both lists; a German page gets the German entry.
    assert hit("Newsletter", "de").language == "de"
    assert hit("Newsletter", "en").language == "en"


def test_hit_reason_and_label() -> None:
    h = hit("Share on Facebook", "en")
    assert h.label == "share prompt"
    assert h.reason("Share on Facebook") == "share prompt ('Share on Facebook')"
    assert h.reason() == f"share prompt ({h.pattern!r})"
    long = h.reason("Share on Facebook " * 10, width=20)
    assert len(long) < 40 and long.endswith("…')")
    assert not h.weak
    assert hit("Politics", "en").weak
    assert hit("Politik", "de").category == "section"


def test_every_category_has_a_label() -> None:
    assert set(phrases.CATEGORY_LABELS) == phrases.CATEGORIES
    used = {e.category for code in phrases.available_languages() for e in phrases.entries(code)}
    assert used <= phrases.CATEGORIES


# ---- hard negatives: body text that mentions chrome words -----------------------------------------

NEGATIVES = {
    "en": [
        "The company may earn a commission on each sale, analysts said.",
        "http://amzn.to/2iJFhRj",
        "The map is at https://example.com/harbour.png for anyone who wants to see the plan.",
        "Thanks for signing up, said the organiser, who expected 300 volunteers on Sunday.",
        "By clicking on the link in the email, the council said, residents confirm their vote.",
        "By registering early, you agree to pay the lower fee, the organisers said in a statement.",
        "These cookies are delicious and easy to make, and the kids love them.",
        "Pre-bake 10 minutes, until the cookies are set and golden at the edges.",
        "We and our partners use the land for grazing, the farmer said.",
        "Chocolate chip cookies are the best thing my grandmother ever made for us.",
        "Bake-off finalist 15 minutes later pulled the cookies out of the oven.",
        "Necessary changes are absolutely essential for the website to function, the developer said.",
        "Oops, something went wrong with the launch, the agency admitted on Friday.",
        "This document is subject to review by the council before it is published next month.",
        "Shares rose sharply on the news from AP",
        "More AP reporters were sent to the border: the agency said it would add 20 staff.",
        "He worked as a photographer for AFP",
        "Keep an eye on your inbox, the bank told customers after the data breach.",
        # a sentence that ends in a parenthesis is not a caption unless the parenthesis is a credit
        "He said the talks would resume next week (Reuters reported).",
        "Students can earn credit by taking an exam in Advanced Placement (AP)",
        "The study was published in Nature (see photo below).",
        "The plan looks good. Image is everything, he said.",
        "The newsletter, launched in 2019, now reaches 2 million readers.",
        "He shared the post on Facebook, where it drew 3,000 comments.",
        "Read more about it in the report, the minister said.",
        "Advertisement spending rose 4% last year.",
        "Copyright law was changed in 2019.",
        '"Subscribe!" he shouted.',
        "“Share it with everyone,” she said.",
        "Share prices fell 3% on Monday.",
        "Sign up for classes begins next week.",
        "More than 100 people died.",
        "More from the president on Monday.",
        "Sources said the talks had stalled.",
        "Updated figures show inflation at 3%.",
        "Updated 3 times in 2019 by the agency",
        "By 2030, the city will be carbon neutral.",
        "Cookies were served at the reception.",
        "Home sales fell in October.",
        "Comments from the minister drew criticism.",
        "Posted by a user on Reddit, the video went viral.",
        "Powered by solar panels, the car can drive 500 km.",
        "Designed by Zaha Hadid, the building opened in 2010.",
        "He thanked the nursing staff",
        "Do you have information about the crime?",
        "Listen to your body",
        "I agree.",
        "I understand.",
        "Background",
        "What happens next?",
        "Russian Foreign Minister Sergei Lavrov told reporters that the talks had focused on it.",
        "The company said all rights reserved under the 1998 contract would revert to the author.",
        "Users can block cookies in the settings of their browser, the regulator said.",
    ],
    "de": [
        "Wir und unsere Partner nutzen den Hafen seit Jahren, sagte der Reeder.",
        "Werbung für Zigaretten ist verboten.", "Vor 2 Stunden begann die Sitzung des Gemeinderats.",
        "Weiter geht es am Montag mit der Sitzung.", "Zurück zur Natur: Der Park wird renaturiert.",
        "Der Text ist nur für Abonnenten gedacht, sagte die Verlegerin, die das Modell verteidigte.",
        "Die Arbeitslosigkeit stieg auf 6 Prozent (Quelle: Bundesagentur für Arbeit)",
        "Die Polizei (mit Hunden) suchte den Wald ab.",
        "Mehr zum Thema Hafen sagte der Bürgermeister am Abend nichts: Die Gespräche laufen noch.",
        "Seit Jahren wird intensiv diskutiert: Die elektronische Patientenakte (ePA)",
        "Die Anzeige wurde bei der Polizei erstattet.",
        "Der Newsletter erreicht inzwischen zwei Millionen Leser.",
        "Er teilte das Video auf Facebook.",
        "Er wollte den Artikel teilen.",
        "Viele wollen den Artikel teilen.",
        "Nach der Anzeige ermittelte die Polizei.",
        "Anzeige gegen Unbekannt",
        "Anzeige erstattet",
        "„Teilen!“, rief er.",
        "„Abonnieren Sie uns“, sagte der Sprecher.",
        "Haben Sie einen Fehler gemacht?",
        "Teilen Sie diese Einschätzung?",
        "Folgen Sie der Argumentation?",
        "Wie gefällt Ihnen Berlin?",
        "Bitte melden Sie sich bei der Polizei.",
        "Hinweise nimmt die Polizei unter 0711 8990-0 entgegen.",
        "Die Polizei bittet um Hinweise.",
        "Die Folgen",
        "Folgen",
        "Mehr als 100 Menschen starben.",
        "Mehr Geld für Schulen",
        "Mehr aus weniger machen",
        "Zurück zu den Wurzeln",
        "Alles zu spät",
        "In Zusammenarbeit mit der Uni",
        "Jetzt testen Forscher ein neues Verfahren.",
        "Das Werk ist urheberrechtlich geschützt.",
        "Datenschutz ist ihm wichtig.",
        "Cookies sind kleine Textdateien.",
        "Werbung für Zigaretten ist verboten.",
        "Der Kommentar sorgte für Empörung.",
        "Von unserer Seite nicht.",
        "Ja.",
        "Nein.",
        "Einverstanden.",
        "Ich stimme zu.",
        "Heute",
        "Teil 2",
        "Nutzer können Cookies in den Einstellungen ihres Browsers löschen.",
    ],
    "fr": [
        "Nous et nos partenaires utilisons ce terrain depuis des années, a expliqué le maire.",
        "Il faut lire aussi : les rapports de la commission sont publics depuis lundi.",
        "La newsletter, lancée en 2019, compte deux millions d'abonnés.",
        "Il a partagé la vidéo sur Facebook.",
        "Soutenez-vous le gouvernement ?",
        "La publicité en ligne a progressé de 4 %.",
    ],
    "es": [
        "Más de 100 muertos en el terremoto",
        "Disponible en Netflix a partir del lunes",
        "Compartió el vídeo en Facebook.",
        "De acuerdo.",
    ],
    "pt": ["Siga o dinheiro", "Continua após cirurgia", "Concordo."],
    "nl": ["Deel 2", "Volg het geld", "Advertentie-inkomsten stegen met vier procent."],
    "ru": ["Ответить на вопросы журналистов губернатор отказался.", "Хорошо.", "Согласен."],
    # the session-18 entries are whole lines only: a sentence or headline that holds the word stays
    "ja": ["広告収入が前年より減った。", "検索エンジン大手に制裁金"],
    "zh": ["广告收入同比下降", "搜索引擎公司被罚款"],
    "sv": ["Annonsintäkterna sjönk kraftigt i år.", "Dela ut mat till de hemlösa"],
    "tr": ["Bunlar da ilginizi çekebilir diyen bakan, yeni projeleri anlattı.", "Ara seçim tarihi belli oldu",
           "Yorumlar yağdı: bakanlık açıklama yaptı."],
    "cs": ["Reklama na cigarety je zakázána.", "Komentáře politiků se lišily."],
    "bg": ["Рекламата по телевизията поскъпна с десет процента.", "Сподели мнението си, каза кметът."],
    "ca": ["La publicitat institucional va créixer un deu per cent.",
           "Comparteix la teva opinió, va dir l'alcaldessa."],
    "hr": ["Podijeli s nama svoju priču, poručio je gradonačelnik.",
           "Najnovije mjere stupaju na snagu u ponedjeljak."],
    "sk": ["Reklama na cigarety je zakázaná.", "Zdieľať dáta s políciou odmietli."],
    "lt": ["Reklama per televiziją pabrango dešimt procentų.", "Komentarai pasipylė iškart po posėdžio."],
    "ms": ["Iklan kerajaan meningkat sepuluh peratus tahun ini.",
           "Kongsi pengalaman anda, kata menteri itu."],
    "sr": ["Коментари политичара били су различити.", "Маркетинг агенција је добила уговор за кампању."],
    "el": ["Τα σχόλια των πολιτικών ήταν διαφορετικά.", "Η διαφήμιση στην τηλεόραση ακρίβυνε."],
    "hi": ["2 घंटे पहले शुरू हुई बैठक अब भी जारी है।", "टिप्पणी करते हुए मंत्री ने कहा कि योजना जारी रहेगी।"],
    "sl": ["Oglaševanje na televiziji se je podražilo za deset odstotkov.",
           "Komentarji politikov so bili različni."],
    "lv": ["Reklāma televīzijā sadārdzinājās par desmit procentiem.",
           "Komentāri no politiķiem bija dažādi."],
    "my": ["ကြော်ငြာခများ ဆယ်ရာခိုင်နှုန်း မြင့်တက်လာသည်။"],
    "ar": ["أضف تعليقك على الخطة، قال المحافظ للسكان في اجتماع الثلاثاء."],
}


@pytest.mark.parametrize(
    ("language", "line"),
    [(lang, line) for lang, lines in NEGATIVES.items() for line in lines],
)
def test_hard_negative(language: str, line: str) -> None:
    assert match(line, language) is None, f"{line!r} ({language}) matched {match(line, language)}"


@pytest.mark.parametrize(("language", "line"), [
    ("ru", "Квартиры в кирпичных домах продавались быстрее всего. Фото: Игорь Звягин / ПРИРЕЧЬЕ.ИНФО"),
    ("pl", "Sala obrad Sejmu podczas głosowania. Fot. PAP"),
    ("pl", "Nowy most na Warcie otwarto w czwartek rano (Zdjęcie: Jan Nowak)"),
    ("vi", "Tường nhà B3 khu tập thể Văn Lâm bong tróc, lộ cốt thép. Ảnh: Minh Tuấn"),
    ("tr", "İzmir'de barajların doluluk oranı yüzde 20'ye düştü. Fotoğraf: AA"),
    ("he", "ראש העיר בטקס הפתיחה. צילום: דני כהן"),
    ("el", "Ο δήμαρχος στα εγκαίνια της γέφυρας. Φωτογραφία: Eurokinissi"),
    ("en", "The council met on Tuesday evening. Photo: Reuters/J.Smith"),
])
def test_a_caption_ending_in_its_credit_in_more_languages(language: str, line: str) -> None:
    """Session 29: the credit word of the languages of ``fixtures/written`` after a caption's last
    sentence, and a dot inside the credit's names (written 0.9439 -> 0.9445, held-out 0.9496 ->
    0.9502, held-out-html 0.8911 -> 0.8940; 35 pages better, none worse, the dev corpora identical)."""
    assert hit(line, language).category == "credit"


@pytest.mark.parametrize(("language", "line"), [
    ("ar", "تصوير: أحمد رمضان"), ("tr", "Fotoğraf: Tribün Haber / Mert Akdağ"),
    ("en", "Photograph: Maureen Aldcroft"), ("el", "ΦΩΤΟΓΡΑΦΙΑ: ΓΙΩΡΓΟΣ ΚΟΝΤΑΡΙΝΗΣ"),
    ("th", "ภาพ: วัดภูมินทร์ช่วงบ่าย"), ("ja", "写真：共同"), ("vi", "Ảnh: Minh Tuấn"),
    ("he", "צילום: דני כהן"),
])
def test_a_credit_line_in_more_languages(language: str, line: str) -> None:
    """Session 29: the credit line's word in more languages, and the full-width colon (written
    0.9449 -> 0.9451, held-out 0.9504 -> 0.9506, held-out-html 0.8940 -> 0.8941; 23 pages better, one
    worse, the dev corpora identical)."""
    assert hit(line, language).category == "credit"


@pytest.mark.parametrize(("language", "line"), [
    ("pl", "Fotograf z Gdańska pokazał zdjęcia. Fot ball to jego pasja od lat."),
    ("vi", "Người dân chụp ảnh kỷ niệm trước cây cầu mới."),
    ("en", "The photo was taken in 1936. Photographers later disputed its date."),
    ("en", "Photographers gathered at dawn outside the court."),
    ("vi", "Ảnh hưởng của bão số 3 đến các tỉnh phía Bắc là rất lớn."),
])
def test_a_sentence_naming_a_photo_is_no_credit(language: str, line: str) -> None:
    assert match(line, language) is None


def test_seed_article_body_is_not_chrome() -> None:
    """No line of a real article body is chrome (the first seed, an English wire story)."""
    body = [
        "MOSCOW: Russian President Vladimir Putin and Turkish leader Recep Tayyip Erdogan on Friday "
        "expressed grave concern over the situation in Syria's Idlib province after 33 Turkish "
        "soldiers were killed by Syrian fire, the Kremlin said.",
        "The Kremlin added that the two also agreed in a telephone call on the need for "
        '"additional measures" and are looking into the possibility of a summit meeting.',
        '"There is always room for dialogue," said Lavrov.',
    ]
    for line in body:
        assert match(line, "en") is None


# ---- rows of buttons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "language", "category"),
    [
        ("Impressum Datenschutz", "de", "legal"),
        ("Impressum | Datenschutz | Kontakt", "de", "legal"),
        ("Subscribe Sign in", "en", "subscribe"),
        ("Comments 12 Shares 3", "en", "comments"),
        ("Facebook Twitter", "fr", "share"),
        ("Print Email", "en", "print_email"),
    ],
)
def test_row_of_entries(line: str, language: str, category: str) -> None:
    h = hit(line, language)
    assert (h.mode, h.category) == ("row", category)
    assert " + " in h.pattern


def test_row_needs_two_strong_parts() -> None:
    assert hit("News Sport Weather", "en").weak
    assert hit("Share Economy", "en").weak  # one chrome word beside a section name


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Home Office", "en"),
        ("Share Price", "en"),
        ("Sport und Politik", "de"),
        ("Weiter, weiter!", "de"),
        ("From Home", "en"),
        ("Mehr Weiter", "de"),
    ],
)
def test_not_a_row(line: str, language: str) -> None:
    assert match(line, language) is None


@pytest.mark.parametrize(
    "line",
    [
        "7.9” x 14.2” x 7.9”",  # a product's dimensions: between numbers "x" is a times sign
        "6.75 x 13.5 x 14.25",
    ],
)
def test_dimensions_are_no_row_of_share_buttons(line: str) -> None:
    assert match(line, "en") is None


def test_x_beside_other_buttons_is_still_a_row() -> None:
    h = hit("Facebook X LinkedIn", "en")
    assert (h.mode, h.category) == ("row", "share")


# ---- code is no menu -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "E -->|Big Difference| F[Update Statistics: ANALYZE table]",  # a Mermaid diagram
        "H -->|No| J[Regular Index]",
        "Auto [boot|search] [on|off] Set/show auto mode",  # a command's usage
        "(<DEV>=lan|scsi|eisa.<slot>)",
        "<parm>=<baud>.<length>.<parity>",
    ],
)
def test_a_line_of_code_is_no_menu(line: str) -> None:
    """Its ``|`` and ``>`` are operators, not the separators of a menu or a breadcrumb."""
    assert match(line, "en") is None


@pytest.mark.parametrize(
    "line",
    [
        "Home | News | Sport | Weather",
        "< Previous | Compare | Next >",  # a lone "<" is an arrow, not a tag
        "Home > News > World",
        "[ LOADING]",
    ],
)
def test_menus_with_arrows_and_brackets_stay_menus(line: str) -> None:
    assert hit(line, "en").category == "navigation"


# ---- limits and options --------------------------------------------------------------------------


def test_prefix_and_contains_only_apply_to_short_lines() -> None:
    line = "Share on Facebook " + "word " * 20
    assert match(line, "en", max_words=40) is not None
    assert match(line, "en") is None


def test_contains_skips_lines_that_end_like_sentences() -> None:
    assert hit("Click to share on Facebook", "en").mode == "contains"
    assert match("She did not share on Facebook.", "en") is None


def test_regex_timeout_is_swallowed() -> None:
    line = "Updated 1:39 am EST, Wednesday, November 20, 2019 " + "x" * 100
    for _ in range(20):  # a timeout this small may or may not fire; it must never raise
        result = match(line, "en", timeout=1e-12)
        assert result is None or isinstance(result, PhraseHit)


def test_empty_and_symbol_lines() -> None:
    assert match("", "en") is None
    assert match("   ", "de") is None
    assert match("•••", "de") is None


def test_nothing_is_loaded_at_import() -> None:
    code = (
        "import newsclean.phrases as p; "
        "assert p.entries.cache_info().currsize == 0; "
        "assert p.matcher.cache_info().currsize == 0; "
        "assert p.available_languages.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_many_lines_run() -> None:
    """Not a benchmark: 10k mixed lines go through without error and give sane answers."""
    rng = random.Random(7)
    words = [
        "the",
        "minister",
        "said",
        "on",
        "Monday",
        "that",
        "share",
        "prices",
        "comments",
        "newsletter",
        "home",
        "Anzeige",
    ]
    lines = [
        "Share on Facebook",
        "Comments (3)",
        "© 2020 Foo",
        "Lesen Sie auch: Titel",
        "Home | News | Sport",
    ]
    for _ in range(10_000 - len(lines)):
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))))
    hits = [match(line, rng.choice(["en", "de", "fr", None])) for line in lines]
    assert len(hits) == 10_000
    assert all(h is not None for h in hits[:3])
    assert sum(h is not None for h in hits) < len(hits) / 2


def test_regex_requirements_are_necessary() -> None:
    """The cheap pre-test of ``regex`` entries (length and required strings) never refuses a line
    the regex would full-match: checked on lines built to match, plus the readings it relies on."""
    width, clauses = phrase_needs.requirements(r"(?:page )?\d{1,4} of \d{1,4}")
    assert width == 17 and clauses == ((" of ",),)
    need = phrase_needs.requirements(r"(?=.{8,60}[.!] (?:photo|bild)).{8,60}[.!] (?:photo|bild)")
    assert phrase_needs.possible("a long caption text. photo", 26, need)
    assert not phrase_needs.possible("a long sentence of the story.", 29, need)
    # what ``re`` would read differently is not analysed: the entry stays possible for every line
    assert phrase_needs.requirements(r"[[:alpha:]]+ x") == phrase_needs.ANY_LINE
    assert phrase_needs.requirements(r"(?:foo){e<=1} bar") == phrase_needs.ANY_LINE
    assert phrase_needs.requirements(r"\p{L}{2,5} x")[0] == 7
    samples = {
        r"(?:page )?\d{1,4} of \d{1,4}": "page 3 of 12",
        r"(?:image|photo) ?\d{1,3} (?:of|/) \d{1,3}": "photo 2 / 9",
        r"by [\p{L}.'’&-]{2,30}(?: [\p{L}.'’&-]{2,30}){0,4} staff": "by jane doe staff",
        r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}": "12.03.2024",
    }
    for pattern, line in samples.items():
        assert regex.fullmatch(pattern, line, regex.IGNORECASE)
        assert phrase_needs.possible(line, len(line), phrase_needs.requirements(pattern)), pattern


def test_chinese_japanese_and_korean_have_their_own_lists_and_full_width_decoration_is_trimmed() -> None:
    for language in ("zh", "ja", "ko"):
        assert phrases.language_chain(language) == (language, "en", "xx")
    assert hit("【责任编辑：王敏】", "zh").category == "byline_label"  # lenticular brackets, full-width colon
    assert hit("首页：", "zh").language == "zh"
    assert hit("当サイトでは、利便性の向上のためにCookieを使用しています。", "ja").category == "cookie"
    assert hit("ⓒ 한빛일보, 무단전재 및 재배포 금지", "ko").category == "copyright"
    # hard negatives: a sentence about cookies the food, a story line naming the home page
    assert match("クッキーを焼くのが趣味だという田中さんは、毎週末に教室を開いている。", "ja") is None
    assert match("首页改版后，网站的访问量明显增加。", "zh") is None


@pytest.mark.parametrize(("language", "line", "category"), [
    # session 25: the blog platforms of eight more languages (Hatena, Ameba, note, Naver, Tistory,
    # Blogger, WordPress, Wix), three sites each of fixtures/written's blog posts
    ("ja", "コメント（3件）", "comments"), ("ja", "あわせて読みたい", "related"), ("ja", "はてブ", "share"),
    ("ja", "いいね 34", "share"), ("ja", "X（旧Twitter）", "share"), ("ja", "楽天市場", "advertisement"),
    ("sv", "Kommentarer (3)", "comments"), ("sv", "Svara", "comments"), ("sv", "Om mig", "legal"),
    ("da", "Spring til indhold", "navigation"), ("da", "Navn *", "comments"),
    ("da", "3 kommentarer", "comments"),
    ("fi", "Kirjoita kommentti", "comments"), ("fi", "Siirry pääsisältöön", "navigation"),
    ("tr", "Yorum gönder", "comments"), ("tr", "2 Yorum", "comments"), ("tr", "Hakkımda", "legal"),
    ("cs", "Štítky:", "tags_label"), ("ko", "홈", "navigation"),
])
def test_session_25_blog_platform_entries(language: str, line: str, category: str) -> None:
    assert hit(line, language).category == category


@pytest.mark.parametrize(("language", "line"), [
    ("zh", "首頁"),  # left out: with it the line model took a food blog's menu prices as chrome
    ("zh", "搜尋"),
    ("sv", "Svara på enkäten senast fredag, uppmanar kommunen."),  # a sentence, not the reply link
    ("da", "Navnet på den nye bydel er endnu ikke besluttet."),
    ("ja", "コメントの数が多い記事ほど、読まれている時間も長いそうです。"),
    ("tr", "Yorum yapmak istemeyen bakan, basın toplantısını erken bitirdi."),
])
def test_session_25_hard_negatives(language: str, line: str) -> None:
    assert match(line, language) is None


@pytest.mark.parametrize("line", [
    "11月2日，工人在和睦新村为一幢老楼安装电梯导轨。记者 陈思远 摄",
    "江西某县城一条商业街上，相隔不到百米开着三家咖啡店。观潮财经记者 林可 摄",
    "改建後的市場一樓生鮮區，走道寬敞明亮。（記者陳怡蓁攝）",
    "记者 陈思远 摄",
])
def test_session_26_a_chinese_caption_ending_in_its_credit(line: str) -> None:
    """5 sites of fixtures/written, none in a gold body: "photographed by reporter X"."""
    assert hit(line, "zh").category == "credit"


@pytest.mark.parametrize("line", [
    "记者在现场拍摄",  # "the reporter filmed on site": 拍摄 is to film, no credit
    "这张照片由记者张三摄于昨天。",
    "记者走访了三个村庄，拍摄了大量照片。",
])
def test_session_26_a_chinese_sentence_about_a_reporter_is_no_credit(line: str) -> None:
    assert match(line, "zh") is None
