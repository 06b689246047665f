"""The outbox model moves from members to messaging, in the migrations' state only.

The table itself is renamed by members/0007, once every older migration that points at
members' outbox (funding's digest deliveries) has run, so every row and Message-ID stays.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("members", "0006_primary_contact_message"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutboxEmail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(max_length=60, verbose_name="kind")),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        ("from_email", models.CharField(max_length=200, verbose_name="from")),
                        ("subject", models.CharField(max_length=300, verbose_name="subject")),
                        ("body_text", models.TextField(verbose_name="text")),
                        ("body_html", models.TextField(blank=True, verbose_name="HTML")),
                        ("headers", models.JSONField(blank=True, default=dict, verbose_name="headers")),
                        ("message_id", models.CharField(max_length=200, unique=True, verbose_name="Message-ID")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting to be sent"),
                                    ("sending", "Being sent"),
                                    ("sent", "Sent"),
                                    ("failed", "Refused"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("send_after", models.DateTimeField(default=django.utils.timezone.now, verbose_name="send after")),
                        ("claimed_at", models.DateTimeField(blank=True, null=True, verbose_name="claimed")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                    ],
                    options={
                        "verbose_name": "outgoing e-mail",
                        "verbose_name_plural": "outgoing e-mails",
                        "ordering": ["-created_at"],
                        "indexes": [models.Index(fields=["status", "send_after"], name="messaging_outbox_due_idx")],
                    },
                ),
            ],
        ),
    ]
