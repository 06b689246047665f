"""Every page reachable from the home page, in both languages, as visitor, member and staff."""

import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from members.demo import DEMO_PASSWORD
from members.models import User
from tests.site.crawler import crawl

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


@pytest.fixture(params=["visitor", "member", "staff"])
def crawled(request, demo_site, client, staff):
    if request.param == "member":
        signed_in(client, "mari@tartu-mobility.example")
    elif request.param == "staff":
        client.force_login(staff)
    return crawl(client)


def test_no_page_fails_or_links_nowhere(crawled):
    broken = [(p.path, p.status, p.linked_from) for p in crawled.pages.values() if p.status >= 400]

    assert broken == []
    assert len(crawled.ok_html_pages()) >= 4


def test_every_page_declares_its_language(crawled):
    for page in crawled.ok_html_pages():
        language = page.path.split("/")[1]
        assert f'<html lang="{language}">' in page.html, page.path


def test_estonian_pages_show_no_english_interface_text(crawled):
    english = english_ui_strings()
    for page in crawled.ok_html_pages():
        if not page.path.startswith("/et/"):
            continue
        text = visible_text(page.html)
        leaked = [s for s in english if s in text]
        assert leaked == [], f"{page.path} shows untranslated {leaked}"
        assert ENGLISH_WORDS.findall(text) == [], f"{page.path}: English words in {text[:2000]}"


def test_pages_carry_no_inline_scripts_or_styles(crawled):
    for page in crawled.ok_html_pages():
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.html) is None, page.path
        assert " style=" not in page.html, page.path
        assert "<style" not in page.html, page.path


def test_demo_member_can_sign_in(demo_site, client):
    assert signed_in(client, "mari@tartu-mobility.example")
    assert User.objects.get(email="mari@tartu-mobility.example").display_name == "Mari Maasikas"
