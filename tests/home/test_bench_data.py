"""The benchmark's dataset (home/bench_data.py, manage.py seed_bench), at a thousandth of the cluster."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from funding.models import Call, News, Subscription
from home import bench_data
from members.models import Membership, Organisation, User
from projects.models import Participation, Project

pytestmark = pytest.mark.django_db

THOUSANDTH = 0.001


def bench_rows():
    prefix = bench_data.BENCH_PREFIX
    return {
        "organisations": Organisation.objects.filter(slug__startswith=prefix).count(),
        "people": User.objects.filter(email__endswith=bench_data.BENCH_EMAIL_DOMAIN).count(),
        "memberships": Membership.objects.filter(organisation__slug__startswith=prefix).count(),
        "projects": Project.objects.filter(slug__startswith=prefix).count(),
        "participations": Participation.objects.filter(project__slug__startswith=prefix).count(),
        "calls": Call.objects.filter(slug__startswith=prefix).count(),
        "news": News.objects.filter(slug__startswith=prefix).count(),
        "subscribers": Subscription.objects.filter(user__email__endswith=bench_data.BENCH_EMAIL_DOMAIN).count(),
    }


def test_seed_bench_writes_the_cluster_in_proportion_to_the_scale():
    output = StringIO()

    call_command("seed_bench", scale=THOUSANDTH, stdout=output)

    assert bench_rows() == {
        "organisations": 10,
        "people": 30,
        "memberships": 30,
        "projects": 5,
        "participations": 20,
        "calls": 2,
        "news": 20,
        "subscribers": 20,
    }
    assert "seeded scale 0.001 in" in output.getvalue()


def test_seeding_again_writes_nothing():
    call_command("seed_bench", scale=THOUSANDTH, stdout=StringIO())
    before = bench_rows()
    output = StringIO()

    call_command("seed_bench", scale=THOUSANDTH, stdout=output)

    assert bench_rows() == before
    assert "nothing written" in output.getvalue()


def test_every_project_has_exactly_one_lead_and_generated_text_is_searchable():
    call_command("seed_bench", scale=THOUSANDTH, stdout=StringIO())

    projects = Project.objects.filter(slug__startswith=bench_data.BENCH_PREFIX)
    for project in projects:
        assert project.participations.filter(role="lead").count() == 1
    assert all(project.search_text for project in projects)
    assert all(organisation.search_text for organisation in Organisation.objects.filter(slug__startswith="bench-"))


@pytest.mark.parametrize(
    "name", ["members:directory", "projects:project_list", "funding:call_list", "funding:news_list"]
)
def test_the_main_lists_show_the_generated_rows(client, name):
    call_command("seed_bench", scale=THOUSANDTH, stdout=StringIO())

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert "Bench" in response.content.decode() or "Pingi" in response.content.decode()
