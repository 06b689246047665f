"""The admin's date fields read dd.mm.yyyy (and ISO) in both languages, and say so beside the field."""

from datetime import UTC, date, datetime

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.utils import translation

from escc.widgets import AdminDateInput, AdminSplitDateTimeInput
from funding.models import News
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {"messaging", "members", "projects", "funding", "livinglab"}


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def news_data(**fields):
    data = {
        "slug": "uudis",
        "published_at_0": "",
        "published_at_1": "",
        "author": "",
        "title_et": "Uudis",
        "title_en": "News",
        "summary_et": "",
        "summary_en": "",
        "body_et": "Tekst.",
        "body_en": "Text.",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("language", ["et", "en"])
def test_a_date_and_time_typed_the_estonian_way_is_saved(staff_client, language):
    data = news_data(published_at_0="05.03.2031", published_at_1="17:00")

    response = staff_client.post("/admin/funding/news/add/", data, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert News.objects.get().published_at == datetime(2031, 3, 5, 15, 0, tzinfo=UTC)  # 17:00 in Tallinn


@pytest.mark.parametrize(
    "language, date_hint, datetime_hint",
    [
        ("et", "Vorming: pp.kk.aaaa", "Vorming: pp.kk.aaaa tt:mm"),
        ("en", "Format: dd.mm.yyyy", "Format: dd.mm.yyyy hh:mm"),
    ],
)
def test_the_format_is_shown_beside_date_fields(staff_client, language, date_hint, datetime_hint):
    news_page = staff_client.get("/admin/funding/news/add/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    project_page = staff_client.get("/admin/projects/project/add/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert f'<span class="help">{datetime_hint}</span>' in news_page
    assert f'<span class="help">{date_hint}</span>' in project_page


@pytest.mark.parametrize("language", ["et", "en"])
@pytest.mark.parametrize("typed", ["05.03.2031", "2031-03-05"])
def test_date_fields_read_the_estonian_format_and_iso(language, typed):
    with translation.override(language):
        assert forms.DateField().clean(typed) == date(2031, 3, 5)
        assert forms.DateTimeField().clean(f"{typed} 17:00").replace(tzinfo=None) == datetime(2031, 3, 5, 17, 0)


def test_english_slashes_are_day_first_as_the_portal_shows_them():
    with translation.override("en"):
        assert forms.DateField().clean("05/03/2031") == date(2031, 3, 5)


def test_every_date_field_in_our_admins_shows_its_format():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(staff=True)
    plain = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        for each in [model_admin, *model_admin.get_inline_instances(request)]:
            if not each.has_change_permission(request):
                continue  # read-only: the dates are shown as text
            form = each.get_form(request) if each is model_admin else each.get_formset(request).form
            plain += [
                f"{type(each).__name__}.{name}"
                for name, field in form.base_fields.items()
                if isinstance(field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField)
                and not isinstance(field.widget, AdminDateInput | AdminSplitDateTimeInput)
            ]

    assert plain == []
