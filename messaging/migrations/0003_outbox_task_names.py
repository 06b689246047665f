"""The outbox's periodic sweeper is a messaging task now: the beat schedule row follows its name."""

from django.db import migrations

RENAMES = {"members.sweep_outbox": "messaging.sweep_outbox"}


def rename(apps, schema_editor, names):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for old, new in names.items():
        PeriodicTask.objects.filter(task=old).update(task=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, RENAMES)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0002_notifications"),
        ("members", "0005_search_and_schedules"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
