"""The Estonian catalogue and demo texts use one word for a funding call and Estonian quotation marks."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "et" / "LC_MESSAGES" / "django.po"
DEMO_TEXTS = [
    ROOT / "funding" / "demo_data.py",
    ROOT / "members" / "demo_data.py",
    ROOT / "members" / "demo.py",
    ROOT / "projects" / "demo.py",
    ROOT / "support" / "demo.py",
]
# A funding call is a "taotlusvoor", the Estonian funders' word; "rahastusvoor" in any inflection is not used.
OTHER_WORD = re.compile(r"rahastusvoo", re.IGNORECASE)
MARKUP = re.compile(r"<[^>]*>")
# „…“ is an Estonian quotation; anything else that opens or closes one is English or German style.
FOREIGN_QUOTES = re.compile(r'["”»«]')
QUOTATION = re.compile(r"„[^„“]*“")


def estonian_texts():
    for entry in polib.pofile(str(CATALOGUE)):
        if not entry.obsolete:
            yield from [entry.msgstr, *entry.msgstr_plural.values()]


def quotation_problems(text):
    """What is wrong with the quotation marks of `text` once its HTML markup is left out."""
    prose = MARKUP.sub("", text)
    problems = FOREIGN_QUOTES.findall(prose)
    unpaired = QUOTATION.sub("", prose)
    return problems + re.findall(r"[„“]", unpaired)


def test_the_catalogue_calls_a_funding_call_taotlusvoor():
    assert [text for text in estonian_texts() if OTHER_WORD.search(text)] == []


@pytest.mark.parametrize("path", DEMO_TEXTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_demo_texts_call_a_funding_call_taotlusvoor(path):
    assert OTHER_WORD.findall(path.read_text()) == []


def test_the_catalogue_quotes_the_estonian_way():
    assert {text: problems for text in estonian_texts() if (problems := quotation_problems(text))} == {}


@pytest.mark.parametrize("path", DEMO_TEXTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_demo_texts_quote_the_estonian_way(path):
    assert re.findall(r"[”»«]", path.read_text()) == []
    assert re.findall(r"[„“]", QUOTATION.sub("", path.read_text())) == []


def test_an_html_attribute_is_not_a_quotation():
    assert quotation_problems('<a href="%(url)s">Logi sisse</a>, et näha „Minu projektid“.') == []
    assert quotation_problems('Vali "Suletud".') == ['"', '"']
    assert quotation_problems("Vali „Suletud”.") == ["”", "„"]
