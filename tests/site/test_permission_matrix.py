"""Who may GET and POST each URL of the portal, checked for every persona.

Every URL pattern must have a row in MATRIX; a new page without one fails
`test_every_url_has_a_row`. A row names the URL (with its kwargs), what a GET and a POST
answer per persona, the POST data to send, and who may write. A POST by anyone else must
leave the portal's own tables exactly as they were; a POST by a writer must change them.
"""

from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from tests.conftest import PERSONAS
from tests.site.url_patterns import project_url_names

OUR_APPS = ["members", "projects", "funding", "livinglab"]
SIGNED_IN = ["member", "org_admin", "other_member", "staff"]


@dataclass
class Row:
    get: dict
    post: dict
    kwargs: dict = field(default_factory=dict)
    post_data: dict = field(default_factory=dict)
    writers: set = field(default_factory=set)


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


def visitor_then(visitor_status, signed_in_status):
    return {"visitor": visitor_status, **dict.fromkeys(SIGNED_IN, signed_in_status)}


MATRIX = {
    "home": Row(get=everyone(200), post=everyone(405)),
    "healthz": Row(get=everyone(200), post=everyone(405)),
    "members:profile_edit": Row(
        get=visitor_then(302, 200),
        post=visitor_then(302, 302),
        post_data={"display_name": "Changed Name", "preferred_language": "en"},
        writers=set(SIGNED_IN),
    ),
}


def test_every_url_has_a_row():
    assert sorted(set(project_url_names()) - set(MATRIX)) == []
    assert sorted(set(MATRIX) - set(project_url_names())) == []


def snapshot():
    """The rows of the portal's own tables, ignoring sign-in bookkeeping."""
    state = {}
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = model.objects.order_by("pk").values()
            state[model._meta.label] = [{k: v for k, v in row.items() if k != "last_login"} for row in rows]
    return state


def url_for(name, row):
    with translation.override("et"):
        return reverse(name, kwargs=row.kwargs)


CASES = [(name, persona) for name in MATRIX for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES)
def test_get(name, persona, persona_client, db):
    row = MATRIX[name]
    client = persona_client(persona)

    response = client.get(url_for(name, row))

    assert response.status_code == row.get[persona]


@pytest.mark.parametrize(("name", "persona"), CASES)
def test_post(name, persona, persona_client, db):
    row = MATRIX[name]
    client = persona_client(persona)
    before = snapshot()

    response = client.post(url_for(name, row), row.post_data)

    assert response.status_code == row.post[persona]
    if persona in row.writers:
        assert snapshot() != before, f"{persona}'s POST to {name} changed nothing"
    else:
        assert snapshot() == before, f"denied POST to {name} as {persona} changed data"
