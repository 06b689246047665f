"""Every page reachable from the home page, in both languages, as visitor, member, staff and panellist."""

import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from members.demo import DEMO_PASSWORD
from members.models import User
from tests.site.crawler import crawl, email_only_pages

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "et" / "LC_MESSAGES" / "django.po"
# Whole English words that never occur in Estonian prose.
ENGLISH_WORDS = re.compile(r"\b(the|and|your|you|with|please|this|have|are|for|sign|here)\b", re.IGNORECASE)
FOREIGN_LANGUAGE_ELEMENT = re.compile(r'<(\w+)[^>]*\blang="(?!et)[a-z-]+"[^>]*>.*?</\1>', re.DOTALL)
INVISIBLE = re.compile(r"<(script|style|head)\b.*?</\1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def visible_text(html):
    html = INVISIBLE.sub(" ", html)
    html = FOREIGN_LANGUAGE_ELEMENT.sub(" ", html)
    return re.sub(r"\s+", " ", TAG.sub(" ", html))


def english_ui_strings():
    """Our catalogue's English strings whose Estonian differs: none may show on an Estonian page."""
    entries = polib.pofile(str(CATALOGUE))
    return [e.msgid for e in entries if " " in e.msgid and e.msgstr and e.msgstr != e.msgid and "%" not in e.msgid]


@pytest.fixture
def demo_site(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def signed_in(client, email):
    assert client.login(email=email, password=DEMO_PASSWORD)
    return client


def crawl_as(persona, client, staff):
    if persona == "member":
        signed_in(client, "mari@tartu-mobility.example")
    elif persona == "staff":
        client.force_login(staff)
    elif persona == "panellist":
        signed_in(client, "pille@panel.escc.example")
    mari = User.objects.get(email="mari@tartu-mobility.example")
    return crawl(client, start=("/et/", "/en/", *email_only_pages(mari)))


def broken_links(result):
    return [(p.path, p.status, p.linked_from) for p in result.pages.values() if p.status >= 400]


def pages_without_their_language(result):
    return [p.path for p in result.ok_html_pages() if f'<html lang="{p.path.split("/")[1]}">' not in p.html]


def english_on_estonian_pages(result):
    english = english_ui_strings()
    found = []
    for page in result.ok_html_pages():
        if page.path.startswith("/et/"):
            text = visible_text(page.html)
            found += [(page.path, s) for s in english if s in text]
            found += [(page.path, word) for word in ENGLISH_WORDS.findall(text)]
    return found


def inline_scripts_or_styles(result):
    return [
        p.path
        for p in result.ok_html_pages()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", p.html) or " style=" in p.html or "<style" in p.html
    ]


# One crawl per persona (a crawl of the demo site visits every profile twice) checked four ways.
@pytest.mark.parametrize("persona", ["visitor", "member", "staff", "panellist"])
def test_every_page_answers_in_its_language_without_english_or_inline_code(persona, demo_site, client, staff):
    result = crawl_as(persona, client, staff)

    assert len(result.ok_html_pages()) >= 4
    assert result.unvisited == 0, "the crawl stopped at its page limit"
    assert broken_links(result) == []
    assert pages_without_their_language(result) == []
    assert english_on_estonian_pages(result) == []
    assert inline_scripts_or_styles(result) == []


def test_demo_member_can_sign_in(demo_site, client):
    assert signed_in(client, "mari@tartu-mobility.example")
    assert User.objects.get(email="mari@tartu-mobility.example").display_name == "Mari Maasikas"
