import json

from django.db import migrations

# name, task, args, crontab (minute, hour, day_of_week, day_of_month), all Europe/Tallinn.
# Celery counts weekdays from Sunday = 0: "1" is Monday. funding/digests/periods.py names the same moments.
SCHEDULES = [
    ("Daily digests", "funding.run_digests", ["daily"], ("0", "7", "*", "*")),
    ("Weekly digests", "funding.run_digests", ["weekly"], ("0", "8", "1", "*")),
    ("Monthly digests", "funding.run_digests", ["monthly"], ("0", "8", "*", "1")),
    ("Deadline reminders", "funding.send_reminders", [], ("0", "7", "*", "*")),
    ("Plan digests that were missed", "funding.ensure_digests", [], ("*/5", "*", "*", "*")),
]


def add_digest_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, args, (minute, hour, day_of_week, day_of_month) in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=hour,
            day_of_week=day_of_week,
            day_of_month=day_of_month,
            month_of_year="*",
            timezone="Europe/Tallinn",
        )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "args": json.dumps(args), "crontab": crontab, "enabled": True}
        )


def remove_digest_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, *_rest in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(add_digest_schedules, remove_digest_schedules)]
