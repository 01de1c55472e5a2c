"""A cookie banner's text at the top of a whole page's text (:mod:`newsclean.consent`): dropped as
chrome, and left out of the article core, so the headline under it is still found as the title."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import phrases
from newsclean.consent import consent_notices
from newsclean.ingest.segment import segment

STORY = [
    "Farmers in the upper valley have spent the winter planting sorghum and chickpeas where maize "
    "used to grow, after three dry summers left the river too low to water their fields in August.",
    "The cooperative that buys most of the harvest says about thirty farms have joined the trial, "
    "which is paid for by the regional water agency and will run for at least five more years.",
    "\"We could not go on pumping as we did,\" said one grower, who farms ninety hectares near the "
    "old mill. \"The new crops need half the water, and so far the yields have held up.\"",
    "Agronomists from the agricultural college visit every farm twice a month to measure the soil's "
    "moisture and to compare the plots with those of neighbours who kept to the old rotation.",
    "The agency will publish its first results in the spring, and officials say a wider programme "
    "could follow if the savings are confirmed across a second dry season.",
]
HEADLINE = "Valley farmers learn to grow more with less water"
BANNER = ("We and our partners use cookies and similar technologies to measure our audience, "
          "personalise content and advertising and improve our services. You can change your choices "
          "at any time in the privacy centre.")


def page(banner: list[str]) -> str:
    return "\n".join(["Skip to main content", "Home", "World", "Environment", "Sport", *banner,
                      "Home", "Environment", HEADLINE, "By Claire Martin", "14 April 2025", *STORY,
                      "Share this article", "More from Environment"])


def test_the_banner_text_goes_and_the_headline_under_it_is_the_title() -> None:
    text = page([BANNER, "Accept all", "Manage preferences"])
    doc = segment(text, mode="text")
    banner = next(b.index for b in doc.blocks if b.text == BANNER)
    assert banner in consent_notices(doc)
    assert doc.core[0] > banner  # the story's region starts below the banner
    article = newsclean.clean_text(text)
    assert article.title == HEADLINE
    assert article.paragraphs == STORY
    removal = next(r for r in article.removed if r.text == BANNER)
    assert removal.rule == "site_chrome" and "cookie" in removal.reason


def test_a_story_about_cookies_keeps_its_paragraphs() -> None:
    """Hard negative: paragraphs that name cookies, with no consent button beside them."""
    recipe = ["These brown butter cookies keep for a week in a tin, and the dough freezes well for "
              "a month, so it is worth making a double batch on a quiet afternoon.",
              "Bake the cookies for eleven minutes, until the edges are golden and the middle still "
              "looks a little soft; they firm up as they cool on the tray."]
    text = "\n".join(["Brown butter cookies", *recipe, *STORY[:2]])
    assert not consent_notices(segment(text, mode="text"))
    article = newsclean.clean_text(text)
    assert set(recipe) <= set(article.paragraphs)


def test_a_cookie_paragraph_far_from_the_banner_buttons_stays() -> None:
    """Hard negative: a story's paragraph on cookie law, well below the banner's buttons."""
    ruling = ("The court ruled that websites must ask before they store cookies, a decision that "
              "regulators in several countries are now studying closely.")
    text = page(["Accept all", "Manage preferences"]).replace(STORY[3], ruling)
    doc = segment(text, mode="text")
    assert not any(doc.blocks[i].text == ruling for i in consent_notices(doc))
    assert ruling in newsclean.clean_text(text).paragraphs


def test_on_a_page_whose_only_prose_is_the_banner_the_core_stays_on_it() -> None:
    """Hard negative: a listing of short items under a banner. Without the banner the dense region
    would be one of the items, and the rules would read it as a story; the banner still goes."""
    items = [f"{head}\n{day} March 2025" for head, day in [
        ("Harbour repairs to start in spring", 3), ("New bus timetable for the valley", 4),
        ("School roof to be replaced", 5), ("Library opens on Sundays", 6),
        ("Market square closed for a week", 7), ("Council approves the cycle path", 8)]]
    text = "\n".join(["Home", "News", "Latest news", BANNER, "Accept all", "Manage preferences",
                      *items, "Older posts"])
    doc = segment(text, mode="text")
    assert consent_notices(doc)
    assert not doc.banner_blocks
    banner = next(b.index for b in doc.blocks if b.text == BANNER)
    assert doc.core == (banner, banner)
    article = newsclean.clean_text(text)
    assert BANNER not in article.paragraphs


NOTICES = {
    # language: a banner's notice, and a story's sentence about cookies that is no notice
    "hr": ("Mi i naši partneri pohranjujemo i/ili pristupamo informacijama na uređaju, kao što su "
           "kolačići, te obrađujemo osobne podatke.",
           "Agencija je utvrdila da je trgovina postavljala kolačiće za praćenje bez pristanka kupaca."),
    "pl": ("Ta witryna korzysta z plików cookie dostarczanych przez Google, aby świadczyć usługi i "
           "analizować ruch.",
           "Urząd ustalił, że sklep internetowy zapisywał pliki cookie bez zgody klientów."),
    "ru": ("На этом сайте используются файлы cookie, предоставленные Google, для анализа трафика.",
           "Суд установил, что интернет-магазин сохранял файлы cookie без согласия покупателей."),
    "ro": ("Folosim cookie-uri pentru a-ți oferi o experiență mai bună pe site.",
           "Autoritatea a constatat că magazinul folosea cookie-uri fără consimțământul clienților."),
    "hu": ("Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.",
           "A hatóság szerint a webáruház sütiket használt a látogatók beleegyezése nélkül."),
    "sl": ("Ta spletna stran uporablja piškotke za analizo obiska in prikaz oglasov.",
           "Pooblaščenec je ugotovil, da je trgovina uporabljala piškotke brez privolitve kupcev."),
    "el": ("Αυτός ο ιστότοπος χρησιμοποιεί cookies για να βελτιώσει την εμπειρία σας.",
           "Η Αρχή διαπίστωσε ότι το κατάστημα χρησιμοποιούσε cookies χωρίς τη συγκατάθεση των πελατών."),
    "uk": ("Цей сайт використовує файли cookie, щоб покращити ваш досвід.",
           "Омбудсман з'ясував, що магазин зберігав файли cookie без згоди відвідувачів."),
    "lv": ("Šī vietne izmanto sīkdatnes, lai uzlabotu jūsu pieredzi.",
           "Inspekcija konstatēja, ka veikals izmantoja sīkdatnes bez pircēju piekrišanas."),
    "bg": ("Този уебсайт използва бисквитки, за да подобри вашето изживяване.",
           "Комисията установи, че магазинът е използвал бисквитки без съгласието на клиентите."),
}


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_each_language_knows_its_banner_notice_and_not_a_story_about_cookies(lang: str) -> None:
    """The notice's opening (``we use cookies``, ``this site uses cookies``, the consent framework's
    ``we and our partners``) is a universal notice in every language's list; a story's sentence
    that names cookies, with a subject of its own, is none."""
    notice, story = NOTICES[lang]
    hit = phrases.match(notice, lang)
    assert hit is not None and hit.category == "cookie"
    assert phrases.match(story, lang) is None


def test_a_notice_in_the_languages_own_word_for_cookies_is_the_banners() -> None:
    """A banner whose notice no list knows (it opens on its purpose) names cookies in the language's
    own word (``piškotke``); beside the banner's button it is the banner's."""
    notice = ("Za delovanje spletnega mesta in prikaz prilagojenih oglasov uporabljamo piškotke. S "
              "klikom na gumb se strinjate z njihovo uporabo.")
    story = ["Mestni svet je v četrtek potrdil načrt za prenovo tržnice, ki bo stala devet milijonov "
             "evrov in bo končana do začetka poletne sezone prihodnje leto.",
             "Prodajalci so ob tem zahtevali nižje najemnine stojnic, saj so bili med gradnjo več "
             "mesecev brez prostora za prodajo svojih pridelkov in izdelkov.",
             "Župan je dejal, da bo občina del stroškov pokrila iz evropskih sredstev, preostanek pa "
             "iz proračuna, ki ga bodo svetniki sprejemali jeseni."]
    text = "\n".join(["Domov", "Novice", notice, "Sprejmi vse", "Nastavitve", *story])
    doc = segment(text, mode="text")
    assert next(b.index for b in doc.blocks if b.text == notice) in consent_notices(doc)


def test_a_story_about_cookies_tagged_with_the_word_keeps_its_last_paragraphs() -> None:
    """Hard negative: the tag ``piškotki`` under a story about cookies is a listed line, but the
    word alone is no banner: the story's last paragraphs, which name cookies, stay."""
    story = ["Informacijski pooblaščenec je spletni trgovini izrekel globo, ker je piškotke za "
             "oglaševanje nameščala, še preden so obiskovalci dali privolitev.",
             "Trgovina je med postopkom obvestilo spremenila, zdaj pa je gumb za zavrnitev "
             "postavljen ob gumbu za sprejem, kot zahteva zakon.",
             "Pooblaščenec je napovedal, da bo letos okrepil nadzor nad uporabo piškotkov v "
             "spletni trgovini in na novičarskih portalih."]
    text = "\n".join(["Domov", "Tehnologija", "Globa zaradi piškotkov", *story, "Oznake:",
                      "piškotki", "zasebnost"])
    doc = segment(text, mode="text")
    assert not any(doc.blocks[i].text in story for i in consent_notices(doc))
    assert set(story) <= set(newsclean.clean_text(text).paragraphs)
