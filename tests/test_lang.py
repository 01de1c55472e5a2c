"""Language guessing by stopword vote (``newsclean.lang``), on the shapes scraped pages have."""

from __future__ import annotations

import pytest

from newsclean import lang

ENGLISH_STORY = (
    "The council voted on Tuesday to close the old bridge after engineers found that its steel "
    "supports had rusted through in several places.\n"
    "Residents who cross it every day said they had not been told how long the work would take, "
    "and several of them asked whether a ferry could run in the meantime.\n"
    "The mayor said a temporary crossing would be ready before the end of the month."
)
MENU_OF_NAMES = "\n".join([
    "Video", "Real Estate", "Pro", "Street", "Media", "Big Sun", "Asia", "Washington D C",
    "Christopher Daniel", "Andy Walter", "Russell Mary", "Jason Joseph", "Art", "Your Money",
] * 3)


def test_english_story_is_english() -> None:
    assert lang.detect([ENGLISH_STORY]) == "en"


def test_menu_of_names_above_the_story_does_not_elect_another_language() -> None:
    # Hard case from full-page text: the first 400 words are a menu of names that the large,
    # web-mined Finnish stoplist covers better than the English one.
    assert lang.detect([MENU_OF_NAMES, ENGLISH_STORY]) == "en"


def test_english_words_in_a_foreign_stoplist_do_not_vote_for_it() -> None:
    # The Marathi list holds English words ("ancient", "areas", "data", "least"...); an English
    # text must not come out as Marathi.
    text = ("Quotes delayed at least 15 minutes. Real-time quotes provided by the exchange. "
            "Market data provided by an outside company. Legal statement. Mutual fund and ETF "
            "data provided by a research firm.")
    assert lang.detect([text]) == "en"


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Die Regierung hat am Dienstag beschlossen, dass die alte Brücke geschlossen wird, "
           "weil die Ingenieure an mehreren Stellen Rost gefunden haben und niemand weiß, wie "
           "lange die Arbeiten dauern werden."),
    ("fr", "Le conseil a voté mardi la fermeture du vieux pont après que les ingénieurs ont "
           "découvert que ses supports en acier étaient rouillés à plusieurs endroits."),
    ("it", "Il consiglio ha votato martedì per chiudere il vecchio ponte dopo che gli ingegneri "
           "hanno scoperto che i supporti in acciaio erano arrugginiti in diversi punti."),
    ("ru", "Совет во вторник проголосовал за закрытие старого моста после того, как инженеры "
           "обнаружили, что его стальные опоры проржавели в нескольких местах."),
    ("pt", "O conselho votou na terça-feira pelo fechamento da velha ponte depois que os "
           "engenheiros descobriram que os seus suportes de aço estavam enferrujados."),
])
def test_other_languages_still_win_their_own_text(code: str, text: str) -> None:
    # Dropping English stopwords from other lists must not cost them their own text: "in", "a"
    # and "die" also occur in Italian, Portuguese and German.
    assert lang.detect([text]) == code


def test_too_little_text_is_no_guess() -> None:
    assert lang.detect(["Home"]) is None
    assert lang.detect([]) is None


def test_text_without_stopwords_is_no_guess() -> None:
    assert lang.detect(["Xq zzv 12 34 kkr plo wuu"]) is None


def test_sentences_are_read_before_menus() -> None:
    # An English page of an Italian outlet: its navigation, full of Italian stopwords, comes first.
    menu = "\n".join(["Chi siamo", "Tutte le notizie", "Per te", "Della settimana", "Con noi",
                      "Nel mondo", "Dalla redazione"] * 15)
    story = (
        "The committee said on Monday that the new rules would take effect next year, after a "
        "consultation that drew thousands of responses from across the country.\n") * 3
    assert lang.detect([menu, story]) == "en"


def test_sentences_ending_in_a_closing_quote_are_sentences() -> None:
    # German quotes close with “ (and French or Swiss ones with »): those lines are sentences too
    menu = "\n".join(["Chi siamo", "Tutte le notizie", "Per te", "Della settimana", "Con noi",
                      "Nel mondo", "Dalla redazione"] * 15)
    story = ("Der Bürgermeister sagte am Montag: „Die Arbeiten werden im nächsten Frühjahr beginnen "
             "und sind noch vor dem Winter abgeschlossen, wenn das Wetter mitspielt.“\n") * 3
    assert lang.detect([menu, story]) == "de"


JAPANESE = ("富山県高岡市で計画が進む路面電車の延伸区間で、20日夜から新型車両による試運転が始まった。"
            "市によると、駅南地区の人口はこの10年で約1割増えた。")
CHINESE = ("记者21日从市住房和城乡建设局获悉，我市将进一步提高老旧小区加装电梯的财政补贴标准。"
           "根据新出台的实施办法，每台电梯的补贴最高可达25万元。")
TRADITIONAL_CHINESE = "市政府今日宣布，明年起將擴大公共自行車服務範圍，新增一百個租借站。"
KOREAN = ("충남 공주시는 원도심 청년 창업공간의 입주율이 1년 만에 90%를 넘었다고 21일 밝혔다. "
          "시는 빈 점포를 고쳐 청년들에게 싼 값에 빌려주고 있다.")


@pytest.mark.parametrize(("code", "text"), [
    ("ja", JAPANESE), ("zh", CHINESE), ("zh", TRADITIONAL_CHINESE), ("ko", KOREAN),
])
def test_chinese_japanese_and_korean(code: str, text: str) -> None:
    # jusText has no stoplist for Chinese or Japanese: the script tells them (kana are Japanese).
    assert lang.detect([text]) == code


THAI = ("เมื่อวันที่ 6 ก.พ. 2568 ที่ทำเนียบรัฐบาล โฆษกประจำสำนักนายกรัฐมนตรี แถลงผลการประชุมคณะรัฐมนตรีว่า "
        "ที่ประชุมมีมติเห็นชอบมาตรการเร่งด่วนแก้ไขปัญหาฝุ่นละออง")
LAO = "ກອງປະຊຸມລັດຖະບານ ໄດ້ຮັບຮອງເອົາແຜນການພັດທະນາເສດຖະກິດ ແລະ ສັງຄົມ ປະຈຳປີ"
KHMER = "រាជរដ្ឋាភិបាលបានអនុម័តផែនការអភិវឌ្ឍន៍សេដ្ឋកិច្ច និងសង្គម សម្រាប់ឆ្នាំក្រោយ"
BURMESE = "အစိုးရအဖွဲ့သည် လာမည့်နှစ်အတွက် စီးပွားရေးဖွံ့ဖြိုးတိုးတက်ရေး အစီအစဉ်ကို အတည်ပြုခဲ့သည်"


@pytest.mark.parametrize(("code", "text"), [("th", THAI), ("lo", LAO), ("km", KHMER), ("my", BURMESE)])
def test_thai_lao_khmer_and_burmese_by_their_script(code: str, text: str) -> None:
    # each the one language of its script, with no stoplist in jusText: the script tells
    assert lang.detect([text]) == code


def test_a_thai_menu_does_not_make_an_english_story_thai() -> None:
    menu = "\n".join(["หน้าแรก", "การเมือง", "เศรษฐกิจ", "กีฬา"])
    assert lang.detect([menu + "\n" + ENGLISH_STORY]) == "en"


def test_a_chinese_menu_does_not_make_an_english_story_chinese() -> None:
    menu = "\n".join(["首页", "新闻", "财经", "体育"])
    assert lang.detect([menu + "\n" + ENGLISH_STORY]) == "en"
