import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from members.demo import DEMO_PASSWORD
from members.models import User


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_prints_credentials_that_work(client):
    output = seed()

    assert f"staff@escc.example / {DEMO_PASSWORD}" in output
    assert client.login(email="staff@escc.example", password=DEMO_PASSWORD)
    assert User.objects.get(email="staff@escc.example").is_staff


@pytest.mark.django_db
def test_seed_demo_twice_creates_nothing_new():
    seed()
    counts = (User.objects.count(), EmailAddress.objects.count())

    seed()

    assert (User.objects.count(), EmailAddress.objects.count()) == counts
    assert not EmailAddress.objects.filter(verified=False).exists()


@pytest.mark.django_db
def test_scale_multiplies_people_in_bulk_and_stays_idempotent():
    call_command("seed_demo", "--scale", "3", stdout=io.StringIO())
    call_command("seed_demo", "--scale", "3", stdout=io.StringIO())

    assert User.objects.filter(email__endswith="@scale.escc.example").count() == 50
    assert EmailAddress.objects.filter(email__endswith="@scale.escc.example", verified=True).count() == 50
