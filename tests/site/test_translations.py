"""The Estonian catalogue is complete, current and compiled."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "et" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
SOURCE_DIRS = ["escc", "messaging", "members", "projects", "funding", "livinglab", "home", "templates"]


def messages_of(catalogue):
    return {(e.msgctxt, e.msgid) for e in catalogue if not e.obsolete}


def test_makemessages_would_add_no_string(tmp_path):
    # makemessages writes into the tree it runs in, so it runs on a copy of the sources.
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "et", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )

    regenerated = polib.pofile(str(tmp_path / "locale" / "et" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(CATALOGUE))
    assert messages_of(regenerated) - messages_of(committed) == set(), "run `make messages` and translate"


def test_every_estonian_message_is_translated_and_not_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))

    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    plural_gaps = [e.msgid for e in catalogue if e.msgid_plural and not all(e.msgstr_plural.values())]

    assert untranslated == []
    assert fuzzy == []
    assert plural_gaps == []


def test_compiled_catalogue_matches_the_source():
    # The .mo is committed so a fresh checkout needs no gettext; it must not go stale.
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(CATALOGUE))
        if e.msgstr or any(e.msgstr_plural.values())
    }
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(COMPILED)) if e.msgid}

    assert compiled == source, "run `make messages`"
