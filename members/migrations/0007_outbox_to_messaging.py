"""The outbox belongs to messaging now: its table is renamed, so every row and Message-ID stays.

messaging/0001 took the model into messaging's state and funding/0004 pointed digest
deliveries at it; here members forgets the model and the table gets messaging's name. The
content type follows, so staff permissions and admin history of outgoing e-mails keep
pointing at the same rows.
"""

from django.db import migrations


def move_content_type(apps, schema_editor, *, source, destination):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label=source, model="outboxemail").update(
        app_label=destination
    )


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source="members", destination="messaging")


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source="messaging", destination="members")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0006_primary_contact_message"),
        ("messaging", "0001_outbox_from_members"),
        ("funding", "0004_outbox_in_messaging"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE members_outboxemail RENAME TO messaging_outboxemail;"
                    " ALTER INDEX members_out_status_7cc83a_idx RENAME TO messaging_outbox_due_idx;",
                    "ALTER TABLE messaging_outboxemail RENAME TO members_outboxemail;"
                    " ALTER INDEX messaging_outbox_due_idx RENAME TO members_out_status_7cc83a_idx;",
                ),
            ],
            state_operations=[migrations.DeleteModel(name="OutboxEmail")],
        ),
        migrations.RunPython(forwards, backwards),
    ]
