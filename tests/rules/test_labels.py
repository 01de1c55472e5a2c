"""Labels of headline lists and read-more lines (``data/headline_labels``), matched in every
language at once."""

from __future__ import annotations

import doctest
from importlib import resources
from pathlib import Path

import pytest

from newsclean.rules import labels
from newsclean.rules.labels import is_list_label, read_more_split


def test_doctests() -> None:
    assert doctest.testmod(labels).failed == 0


def test_every_file_parses_into_known_kinds_without_duplicates() -> None:
    folder = resources.files("newsclean").joinpath("data/headline_labels")
    names = sorted(e.name for e in folder.iterdir() if e.name.endswith(".txt"))
    assert {"en.txt", "de.txt", "fr.txt", "es.txt"} <= set(names)
    for name in names:
        entries = [ln.split(None, 1) for ln in folder.joinpath(name).read_text("utf-8").splitlines()
                   if ln.strip() and not ln.startswith("#")]
        assert all(kind in ("list", "read_more") and len(label.split()) <= 7 for kind, label in entries)
        keys = [(kind, label.strip()) for kind, label in entries]
        assert len(keys) == len(set(keys)), name


@pytest.mark.parametrize("line", ["Most read", "MOST POPULAR:", "» Meistgelesen", "Les plus lus",
                                  "Lo más leído", "À lire aussi", "Das könnte Sie auch interessieren",
                                  "Editor’s picks", "- Related stories -"])
def test_list_labels_in_any_language_and_decoration(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["Most read stories of the year were about the floods.",
                                  "Trending topics in the harbour debate", "Meistgelesen wurde der Bericht",
                                  "Politics", "Read more about it"])
def test_sentences_and_headings_are_no_labels(line: str) -> None:
    assert not is_list_label(line)


@pytest.mark.parametrize("line", ["Most read in Business", "Our most read stories this week:",
                                  "Nos articles les plus lus", "Lo más leído de la semana"])
def test_a_list_label_with_a_few_words_of_the_site_around_it(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize("line", [
    "Most read stories were about floods.",  # a sentence
    "Most read in the harbour debate today",  # four words more: a heading of the story
    "Read more about the harbour plan",  # a read-more label is only ever one alone
    "Meistgelesen in der Region",  # a one-word label stays exact
])
def test_a_known_label_inside_a_sentence_or_a_long_heading_is_no_label(line: str) -> None:
    assert not is_list_label(line)


@pytest.mark.parametrize(("line", "label", "rest"), [
    ("Read more: Floods close the road", "Read more", "Floods close the road"),
    ("READ MORE >> Floods close the road", "READ MORE", "Floods close the road"),
    ("Lire aussi : Canicule : vigilance orange", "Lire aussi", "Canicule : vigilance orange"),
    ("Lesetipp – Wie sicher sind unsere Brücken?", "Lesetipp", "Wie sicher sind unsere Brücken?"),
    ("» Lee también: El Gobierno aprueba", "Lee también", "El Gobierno aprueba"),
])
def test_read_more_split(line: str, label: str, rest: str) -> None:
    assert read_more_split(line) == (label, rest)


@pytest.mark.parametrize(("line", "label"), [
    ("Читайте также: Мэр открыл новый мост", "Читайте также"),
    ("Czytaj także: Rząd przyjął budżet", "Czytaj także"),
    ("Ayrıca okuyun: Meclis bütçeyi kabul etti", "Ayrıca okuyun"),
    ("Läs också: Regeringen lägger fram budgeten", "Läs också"),
    ("Baca juga: Pemerintah umumkan anggaran baru", "Baca juga"),
    ("اقرأ أيضا: الحكومة تعلن الميزانية", "اقرأ أيضا"),
    ("İlginizi Çekebilir: İzmir'de barajlar alarm veriyor", "İlginizi Çekebilir"),
    ("ŞUNU DA OKUYUN: Kocaelispor taraftarları istifa istedi", "ŞUNU DA OKUYUN"),
    ("طالع أيضاً: جدول ترتيب الدوري المصري", "طالع أيضاً"),
], ids=["ru", "pl", "tr", "sv", "id", "ar", "tr-dotted-capital-i", "tr-capitals", "ar-2"])
def test_read_more_labels_of_more_languages(line: str, label: str) -> None:
    assert read_more_split(line) == (label, line.split(":", 1)[1].strip())


@pytest.mark.parametrize("line", ["Самое читаемое", "Najczęściej czytane", "En çok okunanlar",
                                  "Mest lästa", "Luetuimmat", "Berita terkait", "الأكثر قراءة",
                                  "Cele mai citite:", "Nejčtenější", "Читайте также"])
def test_list_labels_of_more_languages(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["Читайте также наши материалы о выборах в регионе",
                                  "Czytaj także w poniedziałek", "Popüler kültür ve medya",
                                  "Baca juga berita lainnya di halaman ini"])
def test_sentences_in_more_languages_are_no_labels(line: str) -> None:
    assert not is_list_label(line)
    assert read_more_split(line) is None


@pytest.mark.parametrize("line", ["Bundesliga: Bayern verliert in Mainz", "Read more about the plan",
                                  "E-Scooter-Verbot in der Innenstadt", "Read more:"])
def test_no_read_more_label(line: str) -> None:
    assert read_more_split(line) is None


@pytest.mark.parametrize(("line", "label", "rest"), [
    ("関連記事：北陸新幹線延伸から1年", "関連記事", "北陸新幹線延伸から1年"),
    ("【相关阅读】我市今年将改造老旧小区320个", "相关阅读", "我市今年将改造老旧小区320个"),
    ("延伸閱讀：北市公共自行車新增百站", "延伸閱讀", "北市公共自行車新增百站"),
    ("관련기사: 지방 소멸 위기 89곳", "관련기사", "지방 소멸 위기 89곳"),
    ("▶ 함께 보면 좋은 기사: 광역급행버스 개통", "함께 보면 좋은 기사", "광역급행버스 개통"),
], ids=["ja-full-width-colon", "zh-lenticular-brackets", "zh-hant", "ko", "ko-2"])
def test_read_more_labels_of_chinese_japanese_and_korean(line: str, label: str, rest: str) -> None:
    assert read_more_split(line) == (label, rest)


@pytest.mark.parametrize("line", ["関連ニュース", "アクセスランキング", "【人気記事】", "猜你喜欢",
                                  "熱門新聞", "많이 본 뉴스", "이 시각 주요뉴스"])
def test_list_labels_of_chinese_japanese_and_korean(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["関連記事によると、市は補助金を増やす方針だ。", "相关阅读量持续上升",
                                  "[Video] Floods close the road", "Update [3]: the road is open"])
def test_cjk_sentences_and_bracketed_tags_are_no_read_more_lines(line: str) -> None:
    assert read_more_split(line) is None


@pytest.mark.parametrize("line", ["Recent Posts", "Latest posts:", "Свежие записи", "Neueste Beiträge",
                                  "Articles récents", "Entradas recientes", "最近の投稿"])
def test_the_recent_posts_widget_of_wordpress_in_its_translations(line: str) -> None:
    # 61 such labels on 55 wcxb-dev and aeb-dev pages: the lines under them were never gold
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["Recent posts on the forum show the mood has changed.",
                                  "Recent posting rules", "Neueste Beiträge zur Debatte lesen Sie hier"])
def test_sentences_about_recent_posts_are_no_labels(line: str) -> None:
    assert not is_list_label(line)


def test_a_slot_stands_for_a_name_of_one_to_four_words() -> None:
    assert is_list_label("More from Sportsnet")
    assert is_list_label("More From the Los Angeles Times")
    assert not is_list_label("More from the council on the harbour plan")  # a six-word "name"
    assert not is_list_label("More from")  # the slot is not empty


def test_only_list_labels_may_hold_a_slot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "xx.txt").write_text("read_more   read more from *\n", encoding="utf-8")
    monkeypatch.setattr(labels.resources, "files", lambda _package: _Root(tmp_path))
    labels._labels.cache_clear()
    try:
        with pytest.raises(ValueError, match="only a list label may hold"):
            labels._labels()
    finally:
        labels._labels.cache_clear()


class _Root:
    """Stands for the package's resource root, its label folder being ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def joinpath(self, _name: str) -> Path:
        return self.folder


@pytest.mark.parametrize(("line", "label"), [
    ("यह भी पढ़ें: दिल्ली में पानी की किल्लत पर बैठक", "यह भी पढ़ें"),
    ("อ่านเพิ่มเติม: กทม. เตรียมรับมือน้ำท่วม", "อ่านเพิ่มเติม"),
    ("Xem thêm: Hà Nội mở rộng tuyến buýt điện", "Xem thêm"),
    ("Διαβάστε επίσης: Νέα μέτρα για τη στέγαση", "Διαβάστε επίσης"),
    ("קראו גם: הממשלה אישרה את התקציב", "קראו גם"),
    ("بیشتر بخوانید: افزایش قیمت بنزین تصویب شد", "بیشتر بخوانید"),
    ("Ez is érdekelheti: Drágul a BKV-bérlet", "Ez is érdekelheti"),
    ("Прочетете още: Парламентът прие бюджета", "Прочетете още"),
    ("Čítajte aj: Vláda schválila rozpočet", "Čítajte aj"),
    ("Llegeix també: El Parlament aprova els pressupostos", "Llegeix també"),
    ("Pročitajte i: Vlada donijela proračun", "Pročitajte i"),
    ("Preberite še: Vlada sprejela proračun", "Preberite še"),
    ("Прочитајте још: Скупштина усвојила буџет", "Прочитајте још"),
    ("یہ بھی پڑھیں: حکومت نے بجٹ پیش کر دیا", "یہ بھی پڑھیں"),
    ("আরও পড়ুন: সংসদে বাজেট পাস", "আরও পড়ুন"),
    ("இதையும் படிக்க: சென்னையில் கனமழை", "இதையும் படிக்க"),
    ("Loe ka: Riigikogu võttis eelarve vastu", "Loe ka"),
    ("Lasi arī: Saeima pieņem budžetu", "Lasi arī"),
    ("Taip pat skaitykite: Seimas priėmė biudžetą", "Taip pat skaitykite"),
], ids=["hi", "th", "vi", "el", "he", "fa", "hu", "bg", "sk", "ca", "hr", "sl", "sr", "ur", "bn", "ta",
        "et", "lv", "lt"])
def test_read_more_labels_of_languages_added_in_session_29(line: str, label: str) -> None:
    assert read_more_split(line) == (label, line.split(":", 1)[1].strip())


@pytest.mark.parametrize("line", ["संबंधित खबरें", "ข่าวที่เกี่ยวข้อง", "Tin liên quan", "Δημοφιλή",
                                  "הנקראים ביותר", "آخرین اخبار", "Legolvasottabb", "Най-четени",
                                  "Najčítanejšie", "El més llegit", "Najčitanije", "Najbolj brano",
                                  "متعلقہ خبریں", "সর্বাধিক পঠিত", "Loetumad", "Populārākie",
                                  "Skaitomiausi", "Berita berkaitan"])
def test_list_labels_of_languages_added_in_session_29(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["Tin liên quan đến vụ cháy được công an xác minh",
                                  "यह भी पढ़ें कि सरकार ने क्या कहा",
                                  "Διαβάστε επίσης το πλήρες κείμενο της απόφασης στη Βουλή"])
def test_sentences_opening_with_a_new_label_are_no_labels(line: str) -> None:
    assert not is_list_label(line)
    assert read_more_split(line) is None


@pytest.mark.parametrize(("line", "label", "rest"), [
    ("Related content: Council delays vote on the harbour plan", "Related content",
     "Council delays vote on the harbour plan"),
    ("Hier weiterlesen: Wie die Stadt ihre Brücken saniert", "Hier weiterlesen",
     "Wie die Stadt ihre Brücken saniert"),
    ("Pour aller plus loin : Le port de Brest change de cap", "Pour aller plus loin",
     "Le port de Brest change de cap"),
    ("Sigue leyendo: El Congreso aprueba la reforma", "Sigue leyendo", "El Congreso aprueba la reforma"),
    ("POLECAMY: Sejm przyjął nową ustawę", "POLECAMY", "Sejm przyjął nową ustawę"),
    ("LEER MÁS ▸ Suben las tarifas del transporte", "LEER MÁS", "Suben las tarifas del transporte"),
    ("➤ Lisez aussi : La mairie ferme la piscine", "Lisez aussi", "La mairie ferme la piscine"),
], ids=["en", "de", "fr", "es", "pl", "arrowhead", "arrow-before"])
def test_read_more_labels_added_in_session_36(line: str, label: str, rest: str) -> None:
    # labels many sites of each language put before one linked headline; an arrowhead separates
    assert read_more_split(line) == (label, rest)


@pytest.mark.parametrize("line", ["Explore more related content", "You might also like these",
                                  "Más noticias relacionadas"])
def test_a_label_that_is_also_a_read_more_label_keeps_the_sites_words_around_it(line: str) -> None:
    # "related content" is declared both ways: as a read-more label it must not lose its span
    assert is_list_label(line)


@pytest.mark.parametrize("line", ["Pour aller plus loin, la commune a voté un budget de 2 millions",
                                  "Lire la presse chaque matin reste un rituel",
                                  "Sigue leyendo el informe completo en la web del ministerio"])
def test_sentences_opening_with_a_new_label_are_no_read_more_lines(line: str) -> None:
    assert read_more_split(line) is None
