"""Parse the date stamps news pages print into ISO 8601, without guessing.

Only complete dates are returned (a year, a month, a day); a time is added when one is printed next
to the date. ``February 28`` (no year) gives ``None``: a wrong year is worse than none.
"""

from __future__ import annotations

import datetime as dt

import regex

MONTHS: dict[str, int] = {}
"""Month names and the abbreviations news sites print (``3 dic 2024``, ``19 set``, ``6 gru``,
``3 déc. 2024``, ``12. Okt. 2026``, ``21. března 2024``, ``15 فبراير 2024``), lower-cased."""
for _i, _names in enumerate([
    "jan january januar janvier enero gennaio januari janeiro stycznia января ocak "
    "janv jänner jän ene gen sty styczeń ledna januára يناير",
    "feb february februar février fevrier febrero febbraio februari fevereiro lutego февраля şubat "
    "févr fevr fév fev lut luty února februára فبراير شباط",
    "mar march märz maerz mars marzo maart março marca марта mart "
    "mär mrt marzec března مارس آذار",
    "apr april avril abril aprile kwietnia апреля nisan "
    "avr abr kwi kwiecień dubna apríla أبريل ابريل إبريل نيسان",
    "may mai mayo maggio mei maio maja мая mayıs "
    "mag maj května مايو أيار",
    "jun june juni juin junio giugno junho czerwca июня haziran "
    "giu cze czerwiec června يونيو يونيه حزيران",
    "jul july juli juillet julio luglio julho lipca июля temmuz "
    "juil lug lip lipiec července يوليو يوليه تموز",
    "aug august août aout agosto augustus sierpnia августа ağustos "
    "ago sie sierpień srpna أغسطس",
    "sep sept september septembre septiembre settembre setembro września сентября eylül "
    "set wrz wrzesień září septembra سبتمبر أيلول",
    "oct october oktober octobre octubre ottobre outubro października октября ekim "
    "okt ott out paź paz październik října októbra أكتوبر اكتوبر",
    "nov november novembre noviembre novembro listopada ноября kasım "
    "lis listopad listopadu novembra نوفمبر",
    "dec december dezember décembre decembre diciembre dicembre dezembro grudnia декабря aralık "
    "déc dez dic gru grudzień prosince decembra ديسمبر",
], start=1):
    for _n in _names.split():
        MONTHS[_n] = _i

_MORE_MONTHS = {
    1: ("január jaanuar jaan tammikuuta tammikuu ianuarie ian gener siječnja siječanj januarja "
        "јануар януари січня ιανουαρίου ιανουαριου sausio janvārī janvāris"),
    2: ("február febr veebruar veebr helmikuuta helmikuu februarie febrer veljače veljača februarja "
        "фебруар февруари лютого φεβρουαρίου φεβρουαριου vasario februārī februāris"),
    3: ("március márc märts maaliskuuta maaliskuu martie març ožujka ožujak marec marts maret март "
        "березня μαρτίου μαρτιου kovo martā"),
    4: ("április ápr aprill huhtikuuta huhtikuu aprilie travnja travanj aprila април квітня "
        "απριλίου απριλιου balandžio aprīlī aprīlis"),
    5: ("május máj toukokuuta toukokuu maig svibnja svibanj maja мај травня μαΐου μαιου gegužės "
        "maijā maijs mei"),
    6: ("június jún juuni kesäkuuta kesäkuu iunie iun juny lipnja lipanj junij junija јун юни "
        "червня ιουνίου ιουνιου birželio jūnijā jūnijs"),
    7: ("július júl juuli heinäkuuta heinäkuu iulie iul juliol srpnja srpanj julij julija julai јул "
        "юли липня ιουλίου ιουλιου liepos jūlijā jūlijs"),
    8: ("augusztus elokuuta elokuu agost kolovoza kolovoz avgust avgusta augusti agustus ogos "
        "август серпня αυγούστου αυγουστου rugpjūčio augustā augusts"),
    9: ("szeptember szept syyskuuta syyskuu septembrie setembre rujna rujan septembar септембар "
        "септември вересня σεπτεμβρίου σεπτεμβριου rugsėjo septembrī septembris"),
    10: ("október lokakuuta lokakuu oktoober octombrie octubre oktobar октобар октомври жовтня "
        "οκτωβρίου οκτωβριου spalio oktobrī oktobris"),
    11: ("marraskuuta marraskuu noiembrie novembre studenoga novembar новембар ноември листопада "
        "νοεμβρίου νοεμβριου lapkričio novembrī novembris"),
    12: ("detsember dets joulukuuta joulukuu decembrie desembre prosinca prosinac decembar desember "
        "децембар декември грудня δεκεμβρίου δεκεμβριου gruodžio decembrī decembris "
        "disember"),
}
"""Session 32: the month names (and the forms dates print: genitive, locative) of Hungarian,
Estonian, Finnish, Romanian, Catalan, Croatian, Slovenian, Serbian, Bulgarian, Ukrainian, Greek,
Lithuanian, Latvian, Swedish, Danish, Norwegian, Indonesian and Malay. Croatian ``listopad`` is
October, Polish and Czech November: it keeps its Polish month."""
for _i, _names in _MORE_MONTHS.items():
    for _n in _names.split():
        MONTHS.setdefault(_n, _i)

_TIME = (r"(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*"
         r"(?P<ampm>[ap]\.?m\.?|مساءً|مساءا|مساء|صباحاً|صباحا|صباح|م(?!\w)|ص(?!\w))?")
"""A time of day; its ``am``/``pm`` also in Arabic (``م``/``مساءً`` evening, ``ص``/``صباحاً``
morning)."""
_ISO = regex.compile(
    r"\b(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    r"(?:[T\s,]+" + _TIME + r")?",
    regex.IGNORECASE,
)
_DMY = regex.compile(
    r"\b(?P<d>\d{1,2})[./]\s?(?P<m>\d{1,2})[./]\s?(?P<y>(?:19|20)\d{2})\b(?:[\s,|-]+(?:um\s+)?" + _TIME
    + r")?",
    regex.IGNORECASE,
)
_MDY_NAME = regex.compile(
    r"\b(?P<mon>\p{L}{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})"
    r"(?:[\s,|·-]+(?:at\s+)?" + _TIME + r")?",
    regex.IGNORECASE,
)
_DMY_NAME = regex.compile(
    r"\b(?P<d>\d{1,2})(?:er|st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<mon>\p{L}{3,12})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})"
    r"(?:[\s,|·-]+(?:um\s+|à\s+|at\s+)?" + _TIME + r")?",
    regex.IGNORECASE,
)
_YMD_NAME = regex.compile(
    r"\b(?P<y>(?:19|20)\d{2})(?:\.|\s+m\.)\s+(?P<mon>\p{L}{3,12})\.?\s+(?P<d>\d{1,2})\b\.?(?:\s*d\.)?"
    r"(?:[\s,|·-]+" + _TIME + r")?",
    regex.IGNORECASE,
)
"""The year first, then the month's name and the day: Hungarian ``2025. március 9. 18:42``,
Lithuanian ``2025 m. kovo 9 d.``."""
_YDM_NAME = regex.compile(
    r"\b(?P<y>(?:19|20)\d{2})\.\s+gada\s+(?P<d>\d{1,2})\.\s+(?P<mon>\p{L}{3,12})"
    r"(?:[\s,|·-]+" + _TIME + r")?",
    regex.IGNORECASE,
)
"""Latvian: ``2025. gada 9. martā``."""

_YMD_CJK = regex.compile(
    r"(?P<y>(?:19|20)\d{2})\s?[年년]\s?(?P<m>\d{1,2})\s?[月월]\s?(?P<d>\d{1,2})\s?[日일]"
    r"(?:\s*[(（][^)）]{1,4}[)）])?(?:\s*(?P<pre>午前|午後|上午|下午|오전|오후)?\s*" + _TIME + r")?",
)
"""Chinese, Japanese and Korean dates: ``2024年3月21日 19:05``, ``2024년 3월 21일 (목) 오후 7:05``
(a weekday in brackets; morning and afternoon written before the time)."""
_AFTERNOON = ("午後", "下午", "오후")
_MORNING = ("午前", "上午", "오전")


def _build(y: str, m: int, d: str, match: regex.Match[str]) -> str | None:
    try:
        date = dt.date(int(y), m, int(d))
    except ValueError:
        return None
    h = match.groupdict().get("h")
    if h is None:
        return date.isoformat()
    hour, minute = int(h), int(match.group("mi"))
    second = int(match.group("s") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    ampm = "pm" if ampm.startswith("م") else "am" if ampm.startswith("ص") else ampm
    pre = match.groupdict().get("pre")
    if pre:
        ampm = "pm" if pre in _AFTERNOON else "am" if pre in _MORNING else ampm
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return dt.datetime(date.year, date.month, date.day, hour, minute, second).isoformat()
    except ValueError:
        return date.isoformat()


def parse_date(text: str, *, not_after: dt.date | None = None) -> str | None:
    """The first complete date (with its time, if printed) in ``text``, as ISO 8601; else ``None``.

    >>> parse_date("Local | 2020-02-28 13:06:00")
    '2020-02-28T13:06:00'
    >>> parse_date("Associated Press November 19, 2019, 9:02 AM")
    '2019-11-19T09:02:00'
    >>> parse_date("MOSCOW, February 28") is None
    True
    """
    result: str | None = None
    for pattern in (_ISO, _DMY, _YMD_CJK):
        m = pattern.search(text)
        if m:
            result = _build(m.group("y"), int(m.group("m")), m.group("d"), m)
            break
    if result is None:
        for pattern in (_MDY_NAME, _DMY_NAME, _YMD_NAME, _YDM_NAME):
            m = pattern.search(text)
            if m:
                month = MONTHS.get(m.group("mon").lower().rstrip("."))
                if month:
                    result = _build(m.group("y"), month, m.group("d"), m)
                    break
    if result is not None:
        limit = not_after or (dt.date.today() + dt.timedelta(days=1))
        if dt.date.fromisoformat(result[:10]) > limit:
            return None
    return result


RELATIVE_TIME = regex.compile(
    r"^\W*(?:\p{L}+:?\s+)?(?:"
    r"(?:\d{1,3}|an?|one)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\.?\s+ago"
    r"|vor\s+\d{1,3}\s?\p{L}+\.?|il\s+y\s+a\s+\d{1,3}\s?\p{L}+\.?|hace\s+\d{1,3}\s?\p{L}+"
    r"|há\s+\d{1,3}\s?\p{L}+|\d{1,3}\s?\p{L}+\.?\s+(?:fa|temu|geleden|sedan|siden|назад|тому)"
    r"|(?:för|for)\s+\d{1,3}\s?\p{L}+\s+(?:sedan|siden))\W*$",
    regex.IGNORECASE)
"""A relative time on a line of its own, as under each item of a news box: ``3h ago``, ``vor 2
Stunden``, ``il y a 4 h``, ``hace 1 hora``, ``há 3 horas``, ``2 ore fa``, ``5 uur geleden``,
``2 godz. temu``, ``för 3 timmar sedan``, ``2 часа назад``: each language's grammar of "ago"."""
