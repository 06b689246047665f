"""A digest as an e-mail: subject with the counts, both parts in the person's language, safe HTML."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from funding.digests.rendering import render_digest
from funding.digests.selection import build_digests, build_reminders
from funding.models import CallFollow
from projects.models import SoughtKind
from tests.factories import CallFactory, NewsFactory, ProjectFactory, SavedSearchFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

UNSUBSCRIBE = "https://escc.example/et/unsubscribe/signed-token/"
PREFERENCES = "https://escc.example/et/digest/"


def rendered(user, *, language="et", kind="weekly"):
    subscription = SubscriptionFactory(user=user, frequency=kind, language=language)
    [digest] = build_digests([subscription], kind=kind, now=timezone.now())
    return digest, render_digest(digest, unsubscribe_url=UNSUBSCRIBE, preferences_url=PREFERENCES)


@pytest.fixture
def items(member):
    SavedSearchFactory(user=member, name="Bussid", query="q=bus")
    return [
        CallFactory(title_et="Nutikad bussid", title_en="Smart buses"),
        CallFactory(title_et="Targad tänavad", title_en="Smart streets"),
        CallFactory(title_et="Rohelised hooned", title_en="Green buildings"),
        NewsFactory(title_et="Klaster kogunes", title_en="The cluster met"),
        NewsFactory(title_et="Uus liige", title_en=""),
    ]


def test_the_english_subject_names_the_period_and_the_counts(member, items):
    _digest, (subject, _text, _html) = rendered(member, language="en")

    assert subject == "ESCC weekly digest: 3 new calls, 2 news items"


def test_the_estonian_digest_is_in_estonian(member, items):
    _digest, (subject, text, html) = rendered(member, language="et")

    assert "Tere, Mari Member!" in text and "Tere, Mari Member!" in html
    assert "Uudised" in html
    assert "Nutikad bussid" in text and "Smart buses" not in text
    assert "Nutikad bussid" in html and "Smart buses" not in html
    assert 'lang="et"' in html


@pytest.mark.parametrize("language", ["et", "en"])
def test_both_parts_hold_every_entry_and_the_links_at_the_bottom(member, items, language):
    digest, (_subject, text, html) = rendered(member, language=language)

    for entry in (entry for section in digest.sections for entry in section.entries):
        assert entry.title in text and entry.url in text
        assert entry.title in html and f'href="{entry.url}"' in html
    for section in digest.sections:
        assert section.title.upper() in text and section.title in html
    assert UNSUBSCRIBE in text and f'href="{UNSUBSCRIBE}"' in html
    assert PREFERENCES in text and f'href="{PREFERENCES}"' in html
    assert text.rindex(UNSUBSCRIBE) > text.rindex(digest.sections[-1].entries[-1].url)


def test_the_saved_search_is_named_in_its_entry(member, items):
    _digest, (_subject, text, html) = rendered(member, language="en")

    assert "“Bussid”" in text and "“Bussid”" in html


def test_an_english_page_marks_the_estonian_fallback_title(member, items):
    _digest, (_subject, _text, html) = rendered(member, language="en")

    assert 'lang="et">Uus liige</a>' in html


def test_an_english_digest_labels_the_estonian_only_entry_in_both_parts(member, items):
    _digest, (_subject, text, html) = rendered(member, language="en")

    assert "Uus liige (in Estonian)\n" in text
    assert re.search(r'lang="et">Uus liige</a> <span style="[^"]*">\(in Estonian\)</span>', html)
    assert text.count("in Estonian") == html.count("in Estonian") == 1


def test_an_estonian_digest_labels_nothing_written_in_estonian(member, items):
    _digest, (_subject, text, html) = rendered(member, language="et")

    assert "keeles" not in text and "keeles" not in html


def test_an_estonian_digest_labels_an_english_project(organisation, member):
    project = ProjectFactory(title="Smart bus stops", language="en")
    SoughtKind.objects.create(project=project, kind=organisation.kind)
    SubscriptionFactory(user=member, frequency="weekly", language="et")
    [digest] = build_digests([member.subscription], kind="weekly", now=timezone.now())

    _subject, text, html = render_digest(digest, unsubscribe_url=UNSUBSCRIBE, preferences_url=PREFERENCES)

    assert "Smart bus stops (inglise keeles)" in text
    assert re.search(r'lang="en">Smart bus stops</a> <span style="[^"]*">\(inglise keeles\)</span>', html)


def test_titles_with_markup_characters_are_escaped_in_html_and_plain_in_text(member):
    CallFactory(title_et="Linnad <script> & ruumid > kõik")

    _digest, (_subject, text, html) = rendered(member)

    assert "Linnad &lt;script&gt; &amp; ruumid &gt; kõik" in html
    assert "<script>" not in html
    assert "Linnad <script> & ruumid > kõik" in text


def test_the_plain_text_part_fits_72_columns(member):
    CallFactory(
        title_et="Pikk pealkiri " * 3,
        summary_et="Väga pikk kokkuvõte, mis räägib linnade liikuvusest ja andmetest. " * 6,
    )

    _digest, (_subject, text, _html) = rendered(member)

    assert max(len(line) for line in text.splitlines() if not line.startswith("http")) <= 72


def test_the_html_part_is_one_column_for_a_phone(member, items):
    _digest, (_subject, _text, html) = rendered(member)

    assert 'name="viewport"' in html
    assert "max-width:600px" in html
    assert "<img" not in html


def test_a_reminder_names_the_call_and_the_days_left(member):
    call = CallFactory(
        title_et="Nutikad bussid", title_en="Smart buses", deadline=timezone.now() + timedelta(days=1, hours=1)
    )
    CallFollow.objects.create(user=member, call=call)
    SubscriptionFactory(user=member, language="en")
    now = timezone.now()
    # Aim the reminder exactly one Tallinn day ahead whatever the time of day.
    reminders = build_reminders([member.pk], now=now)
    if not reminders:
        pytest.skip("the deadline falls two Tallinn days ahead at this hour")
    [reminder] = reminders

    subject, text, html = render_digest(reminder, unsubscribe_url=UNSUBSCRIBE, preferences_url=PREFERENCES)

    assert subject == "Deadline coming up: Smart buses"
    assert "The deadline is tomorrow." in text and "The deadline is tomorrow." in html
    assert UNSUBSCRIBE in text and UNSUBSCRIBE in html


def test_people_who_get_the_same_digest_share_one_rendering_but_each_gets_their_own_name_and_links(items, monkeypatch):
    from django.template import loader

    from funding.digests import rendering
    from tests.factories import UserFactory

    people = [
        UserFactory(display_name="Mari"),
        UserFactory(display_name="<b>Jüri</b> & \ue000unsubscribe\ue001"),
        UserFactory(display_name="Kati"),
    ]
    subscriptions = [SubscriptionFactory(user=person, frequency="weekly", language="et") for person in people]
    digests = build_digests(subscriptions, kind="weekly", now=timezone.now())
    renders = []
    render_to_string = loader.render_to_string
    monkeypatch.setattr(
        rendering, "render_to_string", lambda name, context: renders.append(name) or render_to_string(name, context)
    )
    fragments = {}

    letters = [
        render_digest(
            digest,
            unsubscribe_url=f"https://escc.example/et/unsubscribe/token-{number}/",
            preferences_url=PREFERENCES,
            fragments=fragments,
        )
        for number, digest in enumerate(digests)
    ]

    # Each section twice (HTML and text) and the digest's three templates, once for all three people.
    sections = len(digests[0].sections)
    assert len(renders) == 2 * sections + 3
    assert len({subject for subject, _text, _html in letters}) == 1
    for number, (person, (_subject, text, html)) in enumerate(zip(people, letters, strict=True)):
        assert f"https://escc.example/et/unsubscribe/token-{number}/" in text
        assert f"https://escc.example/et/unsubscribe/token-{number}/" in html
        if number == 1:  # a name is escaped in HTML, kept as it is in the text, and never read as a link's mark
            assert "Tere, &lt;b&gt;Jüri&lt;/b&gt; &amp; \ue000unsubscribe\ue001!" in html
            assert "Tere, <b>Jüri</b> & \ue000unsubscribe\ue001!" in text
        else:
            assert "\ue000" not in text + html
            assert f"Tere, {person.get_short_name()}!" in text and f"Tere, {person.get_short_name()}!" in html
    assert letters[0][1].replace("Mari", "Kati").replace("token-0", "token-2") == letters[2][1]
