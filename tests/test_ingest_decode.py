"""Tests for newsclean.ingest.decode: encoding choice, truncation, and the HTML sniffer."""

from __future__ import annotations

import codecs
import dataclasses
import os
import random

import pytest

from newsclean.ingest.decode import UNDECODABLE_WARNING, Decoded, decode, looks_like_html

ARTICLE = "Le café était très bon — “à bientôt”, dit-il. Ça coûte 5 €."


def test_plain_utf8() -> None:
    result = decode(ARTICLE.encode("utf-8"))
    assert result == Decoded(ARTICLE, "utf-8", (), False)


def test_decoded_is_frozen_and_slotted() -> None:
    result = decode(b"x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "y"  # type: ignore[misc]
    assert not hasattr(result, "__dict__")


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_bom_wins_and_is_stripped(bom: bytes, codec: str, expected: str) -> None:
    # the meta tag lies: the BOM decides
    text = '<html><head><meta charset="iso-8859-1"></head><body>' + ARTICLE + "</body></html>"
    result = decode(bom + text.encode(codec))
    assert result.encoding == expected
    assert result.text == text
    assert not result.warnings


def test_declared_meta_charset_windows_1252() -> None:
    html = '<html><head><meta charset="iso-8859-1"><title>t</title></head><body><p>'
    html += "caf\xe9 \x93quoted\x94 \x80 5</p></body></html>"
    data = html.encode("latin-1")
    result = decode(data)
    # iso-8859-1 means windows-1252 (WHATWG): 0x93/0x94 are curly quotes, 0x80 the euro sign
    assert result.encoding == "windows-1252"
    assert "café “quoted” € 5" in result.text
    assert not result.warnings


def test_declared_http_equiv_charset() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Привет, мир</p></body></html>"
    )
    result = decode(html.encode("cp1251"))
    assert result.encoding == "cp1251"
    assert "Привет, мир" in result.text


def test_windows_1252_undefined_bytes_do_not_fail() -> None:
    data = b'<html><head><meta charset="latin1"></head><body>a\x81b\x8dc</body></html>'
    result = decode(data)
    assert result.encoding == "windows-1252"
    assert "a\x81b\x8dc" in result.text
    assert not result.warnings


def test_declared_single_byte_but_valid_utf8_is_utf8() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>café</p></body></html>'
    result = decode(html.encode("utf-8"))
    assert result.encoding == "utf-8"
    assert "café" in result.text
    assert any("declared charset" in w for w in result.warnings)


def test_declared_charset_ignored_for_plain_text() -> None:
    # not HTML-looking bytes: a charset= mention in prose is not a declaration
    text = "Set charset=shift_jis in the config. Café."
    result = decode(text.encode("utf-8"))
    assert result.encoding == "utf-8"
    assert result.text == text


def test_invalid_utf8_html_with_multibyte_declared_charset_replaced_with_warning() -> None:
    data = b'<html><head><meta charset="utf-8"></head><body>ok \xff\xfe bad</body></html>'
    result = decode(data)
    assert result.encoding == "utf-8"
    assert "\ufffd" in result.text
    assert "ok " in result.text and " bad" in result.text
    assert UNDECODABLE_WARNING in result.warnings


def test_guess_for_undeclared_legacy_text() -> None:
    text = "Le café était très bon, à bientôt! Ça va? Où êtes-vous? " * 3
    result = decode(text.encode("cp1252"))
    assert result.text == text
    assert result.encoding == "windows-1252"
    assert any(w.startswith("encoding guessed") for w in result.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Le café était fermé pendant l’été, a déclaré le propriétaire du restaurant.",
        "Der Bürgermeister sagte, die Arbeiten würden im nächsten Frühjahr beginnen.",
        "¿Dónde está el niño? ¡Qué bueno! El año pasado costó 5 €.",
        "A população não está satisfeita com a situação econômica.",
        "café",
    ],
)
def test_undeclared_western_text_is_windows_1252(text: str) -> None:
    # charset-normalizer alone reads these as mac_latin2 / cp775 ("ťtť", "B³rgermeister")
    result = decode(text.encode("cp1252"))
    assert result.text == text
    assert result.encoding == "windows-1252"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет, как дела? Это обычный текст на русском языке, без разметки.", "cp1251"),
        ("Zażółć gęślą jaźń, to jest polski tekst o życiu.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Türkiye’nin başkenti Ankara’dır, İstanbul değil. Güzel ağaçlar.", "cp1254"),
        ("Καλημέρα, αυτό είναι ένα ελληνικό κείμενο.", "cp1253"),
        ("日本語のテキストです。これはテストです。", "shift_jis"),
    ],
)
def test_other_legacy_encodings_are_not_taken_for_windows_1252(text: str, codec: str) -> None:
    result = decode(text.encode(codec))
    assert result.text == text
    assert result.encoding != "windows-1252"


def test_nul_bytes_are_kept() -> None:
    result = decode(b"a\x00b")
    assert result.text == "a\x00b"


def test_empty() -> None:
    assert decode(b"") == Decoded("", "utf-8", (), False)


@pytest.mark.parametrize("seed", range(20))
def test_never_raises_on_random_bytes(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
    result = decode(data, max_bytes=rng.choice([None, 10, 1000]))
    assert isinstance(result.text, str)


def test_binary_garbage() -> None:
    result = decode(os.urandom(50_000))
    assert isinstance(result.text, str)
    assert result.warnings


def test_all_byte_values_replaced_with_warning() -> None:
    result = decode(bytes(range(256)) * 4)
    assert result.encoding == "utf-8"
    assert UNDECODABLE_WARNING in result.warnings
    assert "\ufffd" in result.text


def test_max_bytes_cuts_at_utf8_boundary() -> None:
    data = "abcé€".encode()  # 3 + 2 + 3 bytes
    result = decode(data, max_bytes=6)  # would split the euro sign
    assert result.text == "abcé"
    assert result.truncated
    assert result.encoding == "utf-8"
    assert any("truncated" in w for w in result.warnings)
    assert UNDECODABLE_WARNING not in result.warnings


def test_max_bytes_not_reached() -> None:
    result = decode(b"short", max_bytes=100)
    assert not result.truncated
    assert not result.warnings


def test_max_bytes_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + "héllo wörld".encode("utf-16-le")
    result = decode(data, max_bytes=9)  # odd: cut back to a whole code unit
    assert result.truncated
    assert result.encoding == "utf-16-le"
    assert result.text == "héll"


def test_max_bytes_multibyte_declared() -> None:
    html = "<html><head><meta charset=shift_jis></head><body><p>日本語のテキスト</p></body></html>"
    data = html.encode("shift_jis")
    result = decode(data, max_bytes=len(data) - 20)
    assert result.truncated
    assert result.encoding == "cp932"
    assert "\ufffd" not in result.text
    assert result.text.startswith("<html>")


# ---- looks_like_html -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body>x</body></html>",
        "\ufeff  \n<html lang=en>",
        "<head><title>x</title></head>",
        "<body>text</body>",
        "<p>one</p><p>two</p>",
        '<div class="story"><p>text</p></div>',
        '<meta charset="utf-8"><article>x</article>',
        "\n\n   <div>a</div>\n<div>b</div>",
    ],
)
def test_looks_like_html_positive(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain text without any markup",
        "a < b and c > d",
        "I <3 this story",
        "> foo\n> bar\nquoted e-mail",
        "x <b> y",  # a single tag-like thing is not enough
        "Use the <div> element for layout.",
        "if (a<b && c>d) { return; }",
        "Price <= 5 and >= 3",
    ],
)
def test_looks_like_html_negative(text: str) -> None:
    assert not looks_like_html(text)


def test_looks_like_html_only_reads_the_start() -> None:
    assert not looks_like_html("word " * 400 + "<html><body>")
