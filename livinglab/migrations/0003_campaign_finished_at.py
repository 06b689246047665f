from django.db import migrations, models

NAME = "Living lab: campaigns follow their dates, testers are reminded of feedback"


def add_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="15", hour="0", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/Tallinn"
    )
    PeriodicTask.objects.update_or_create(
        name=NAME, defaults={"task": "livinglab.follow_campaign_dates", "crontab": crontab, "enabled": True}
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("livinglab", "0002_first_terms"), ("django_celery_beat", "0019_alter_periodictasks_options")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="finished_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="finished"),
        ),
        migrations.RunPython(add_schedule, remove_schedule),
    ]
