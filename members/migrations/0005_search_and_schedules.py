from django.db import migrations

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS members_organisation_search_trgm "
    "ON members_organisation USING gin (search_text gin_trgm_ops)"
)

SCHEDULES = [
    # name, task, crontab (minute, hour)
    ("Send e-mails the queue lost", "members.sweep_outbox", ("*", "*")),
    ("Remind organisations to confirm their profile", "members.remind_profile_confirmation", ("15", "9")),
]


def add_trigram_index(apps, schema_editor):
    # A substring filter on search_text uses this on PostgreSQL; SQLite scans, which is fine embedded.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS members_organisation_search_trgm")


def add_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, (minute, hour) in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/Tallinn"
        )
        PeriodicTask.objects.update_or_create(name=name, defaults={"task": task, "crontab": crontab, "enabled": True})


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, _task, _cron in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_organisations"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index),
        migrations.RunPython(add_schedules, remove_schedules),
    ]
