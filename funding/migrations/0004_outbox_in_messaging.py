"""A digest delivery's e-mail is a messaging outbox row now; the table was only renamed (messaging/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0003_call_deadline_after_opening"),
        ("messaging", "0001_outbox_from_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="digestdelivery",
                    name="email",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="digest_delivery",
                        to="messaging.outboxemail",
                        verbose_name="e-mail",
                    ),
                ),
            ],
        ),
    ]
