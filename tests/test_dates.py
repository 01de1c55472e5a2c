"""``newsclean.dates.parse_date``: printed date stamps to ISO 8601, without guessing."""

from __future__ import annotations

import datetime as dt

import pytest

from newsclean.dates import MONTHS, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO and numeric
        ("Local | 2020-02-28 13:06:00", "2020-02-28T13:06:00"),
        ("2020-02-28T13:06", "2020-02-28T13:06:00"),
        ("2020-02-28", "2020-02-28"),
        ("28/02/2020 13:06", "2020-02-28T13:06:00"),
        ("12.03.2021 um 14:30", "2021-03-12T14:30:00"),
        # abbreviated month names of other languages
        ("MADRID, 3 dic. 2024 10:20", "2024-12-03T10:20:00"),
        ("3 ene 2025", "2025-01-03"),
        ("19 set 2024", "2024-09-19"),
        ("Warszawa, 6 gru 2024", "2024-12-06"),
        ("Publié le 3 déc. 2024 à 17h42", "2024-12-03T17:42:00"),
        ("12. Okt. 2026, 14:30 Uhr", "2026-10-12T14:30:00"),
        ("3 mrt 2025", "2025-03-03"),
        ("17 paź 2024", "2024-10-17"),
        # English month names
        ("Associated Press November 19, 2019, 9:02 AM", "2019-11-19T09:02:00"),
        ("Nov. 19, 2019", "2019-11-19"),
        ("Feb 28th, 2020", "2020-02-28"),
        ("Jan. 5 2021", "2021-01-05"),
        ("Friday, 28 February 2020 13:06 GMT", "2020-02-28T13:06:00"),
        ("December 12, 2019 at 12:05 PM", "2019-12-12T12:05:00"),
        ("December 12, 2019, 12:30 a.m.", "2019-12-12T00:30:00"),
        # other languages
        ("28. Februar 2020", "2020-02-28"),
        ("28. Februar 2020, 13:06 Uhr", "2020-02-28T13:06:00"),
        ("3. März 2021", "2021-03-03"),
        ("28 février 2020 à 13h06", "2020-02-28T13:06:00"),
        ("3 de mayo de 2021", "2021-05-03"),
        ("3 de mayo de 2021, 10:15", "2021-05-03T10:15:00"),
        ("15 gennaio 2021", "2021-01-15"),
        ("1 марта 2020", "2020-03-01"),
        ("5 Mart 2020", "2020-03-05"),
        ("21. března 2024 19:05", "2024-03-21T19:05:00"),  # Czech, genitive
        ("4. 6. 2024, 13:22", "2024-06-04T13:22:00"),  # a space after each dot
        ("الخميس 15 فبراير 2024 - 05:30 مساءً", "2024-02-15T17:30:00"),  # Arabic, evening
        ("الأحد، 28 أبريل 2024 10:14 م", "2024-04-28T22:14:00"),
        ("28 أبريل 2024 10:14 ص", "2024-04-28T10:14:00"),  # morning
        ("14 شباط 2024", "2024-02-14"),  # Levantine month name
        # Chinese, Japanese and Korean: year, month and day marked by their characters
        ("2024年3月21日 19:05", "2024-03-21T19:05:00"),
        ("公開日：2024年03月21日", "2024-03-21"),
        ("2024年3月21日（木）午後7:05", "2024-03-21T19:05:00"),  # weekday, afternoon before the time
        ("2024年3月21日 上午9:30", "2024-03-21T09:30:00"),
        ("입력 2024년 3월 21일 (목) 오후 7:05", "2024-03-21T19:05:00"),
        ("2024년 3월 21일", "2024-03-21"),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, February 28",  # no year: a wrong year is worse than none
        "February 2020",  # no day
        "31.02.2020",  # no such day
        "2020-02-30",
        "13/13/2020",
        "2099-01-01",  # in the future
        "",
        "The council voted on Tuesday.",
        "Seats 197 24.1% -49",
        "2024年3月",  # no day
        "2024年度の予算",  # a fiscal year
        "2024年13月40日",  # no such day
    ],
)
def test_incomplete_impossible_or_future_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_not_after_rejects_later_dates() -> None:
    assert parse_date("2020-03-01", not_after=dt.date(2020, 2, 1)) is None
    assert parse_date("2020-01-31", not_after=dt.date(2020, 2, 1)) == "2020-01-31"


def test_tomorrow_is_allowed_by_default_but_not_later() -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert parse_date(tomorrow) == tomorrow
    assert parse_date((dt.date.today() + dt.timedelta(days=2)).isoformat()) is None


def test_impossible_time_keeps_the_date() -> None:
    assert parse_date("2020-01-01 25:99") == "2020-01-01"


def test_first_date_in_the_text_wins() -> None:
    assert parse_date("Published 2020-02-28, updated 2020-03-01") == "2020-02-28"


def test_month_table_covers_each_month_in_several_languages() -> None:
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    for name, month in [("janvier", 1), ("märz", 3), ("mayo", 5), ("août", 8), ("dezember", 12)]:
        assert MONTHS[name] == month


@pytest.mark.parametrize("text", ["2020/02/28", "2020.02.28 13:06"])
def test_year_first_dates_with_slashes_or_dots(text: str) -> None:
    assert (parse_date(text) or "")[:10] == "2020-02-28"


def test_french_first_of_the_month() -> None:
    assert parse_date("1er mars 2020") == "2020-03-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025. március 9. 18:42", "2025-03-09T18:42:00"),  # Hungarian: year, month, day
        ("2025 m. kovo 9 d.", "2025-03-09"),  # Lithuanian
        ("2025. gada 9. martā", "2025-03-09"),  # Latvian
        ("9. ožujka 2025.", "2025-03-09"),  # Croatian
        ("9. marec 2025", "2025-03-09"),  # Slovenian
        ("9 Μαρτίου 2025", "2025-03-09"),  # Greek
        ("9 березня 2025, 14:30", "2025-03-09T14:30:00"),  # Ukrainian
        ("9 март 2025", "2025-03-09"),  # Bulgarian
        ("9 de març de 2025", "2025-03-09"),  # Catalan
        ("9. maaliskuuta 2025", "2025-03-09"),  # Finnish
        ("8. aprill 2025, 21:47", "2025-04-08T21:47:00"),  # Estonian
        ("9 martie 2025", "2025-03-09"),  # Romanian
        ("9 augusti 2025", "2025-08-09"),  # Swedish
        ("9 Agustus 2025", "2025-08-09"),  # Indonesian
    ],
)
def test_month_names_of_more_languages(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["Il 2025 maggio 3 giorni", "Posted 2025 March 9"])
def test_year_first_with_a_month_name_only_as_hungarian_or_lithuanian_print_it(text: str) -> None:
    """Hard negative: a year, a month's name and a number in that order are a date only after
    ``2025.`` or ``2025 m.``; elsewhere they are words of a sentence."""
    assert parse_date(text) is None


def test_croatian_listopad_keeps_its_polish_month() -> None:
    """The one clash: ``listopad`` is October in Croatian, November in Polish and Czech."""
    assert MONTHS["listopada"] == 11
