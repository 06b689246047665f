"""Every `next` goes through escc/redirects.py: a local path is followed, anything else falls back."""

import pytest
from django.urls import reverse

from projects.models import NotificationKind
from tests.factories import ProjectFactory, project_notification


@pytest.mark.parametrize("target", ["0", "projects:dashboard", "//evil.example/", "https://evil.example/", "a\x00b"])
def test_marking_read_with_a_next_that_is_no_local_path_goes_to_the_inbox(client, member, target):
    client.force_login(member)

    response = client.post(reverse("messaging:mark_read"), {"next": target.replace("\x00", "")})

    assert response.status_code == 302
    assert response["Location"] == reverse("messaging:inbox")


def test_marking_read_goes_back_to_a_local_next(client, member, organisation):
    project_notification(
        recipient=member, kind=NotificationKind.UPDATE_POSTED, project=ProjectFactory(lead=organisation)
    )
    client.force_login(member)

    response = client.post(reverse("messaging:mark_read"), {"next": "/et/projects/"})

    assert response["Location"] == "/et/projects/"
