"""`make run`'s embedded mode (SQLite, eager Celery, e-mail to files) on a fresh database, end to end.

The rest of the suite runs on PostgreSQL; this is the one check that the commands a newcomer
types first, migrate and seed_demo, and the portal's main pages and digests work on SQLite too.
"""

from tests.escc.test_settings_modes import run_python

SMOKE = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client

call_command("migrate", verbosity=0)
call_command("seed_demo", stdout=open("/dev/null", "w"))
client = Client(HTTP_HOST="127.0.0.1")
for path in ["/et/", "/et/members/", "/en/projects/", "/et/calls/", "/en/calls/?status=closed&q=tartu",
             "/et/news/", "/et/calls/feed/rss/", "/en/news/feed/atom/", "/et/calls/deadlines.ics"]:
    status = client.get(path).status_code
    assert status == 200, (path, status)
from funding.tasks import run_digests
print("planned", run_digests("daily"), run_digests("weekly"))
"""


def test_embedded_mode_migrates_seeds_serves_the_pages_and_sends_digests(tmp_path):
    result = run_python(
        SMOKE,
        DATABASE_URL=f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        MEDIA_ROOT=str(tmp_path / "media"),
        LOG_LEVEL="WARNING",
    )

    assert result.returncode == 0, result.stderr[-3000:]
    planned = [int(number) for number in result.stdout.strip().splitlines()[-1].split()[1:]]
    assert planned[0] >= 1  # the demo member's daily digest
    assert len(list((tmp_path / "mail").iterdir())) >= 1
