"""The inbox's tables, for every app: projects/0007 copies its notifications and preferences in."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("messaging", "0001_outbox_from_members"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=60, verbose_name="kind")),
                ("target_id", models.PositiveBigIntegerField(verbose_name="about (id)")),
                ("params", models.JSONField(blank=True, default=dict, verbose_name="details")),
                ("dedupe_key", models.CharField(blank=True, max_length=80, verbose_name="once per")),
                ("is_read", models.BooleanField(default=False, verbose_name="read")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "recipient",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recipient",
                    ),
                ),
                (
                    "target_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="about",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(fields=["recipient", "is_read", "-created_at"], name="messaging_inbox_idx"),
                    models.Index(fields=["target_type", "target_id"], name="messaging_notification_target"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("dedupe_key", ""), _negated=True),
                        fields=("recipient", "kind", "dedupe_key"),
                        name="messaging_notification_once",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="NotificationPreference",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=60, verbose_name="kind")),
                (
                    "channel",
                    models.CharField(
                        choices=[("email", "E-mail and the inbox"), ("site", "Only the inbox"), ("off", "Off")],
                        default="email",
                        max_length=10,
                        verbose_name="how",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notification_preferences",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "notification preference",
                "verbose_name_plural": "notification preferences",
                "constraints": [models.UniqueConstraint(fields=("user", "kind"), name="messaging_preference_once")],
            },
        ),
    ]
