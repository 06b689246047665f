"""The outbox belongs to messaging now: its table is renamed, so every row and Message-ID stays.

messaging/0001 took the model into messaging's state and funding/0004 pointed digest
deliveries at it; here members forgets the model and the table gets messaging's name. The
content type follows, so staff permissions and admin history of outgoing e-mails keep
pointing at the same rows.
"""

from django.db import migrations, models


OLD_TABLE, NEW_TABLE = "members_outboxemail", "messaging_outboxemail"
DUE_FIELDS = ["status", "send_after"]
OLD_INDEX = models.Index(fields=DUE_FIELDS, name="members_out_status_7cc83a_idx")
NEW_INDEX = models.Index(fields=DUE_FIELDS, name="messaging_outbox_due_idx")


def rename_table(apps, schema_editor):
    # Through the schema editor, not SQL: SQLite (the embedded mode) has no ALTER INDEX.
    outbox = apps.get_model("messaging", "OutboxEmail")
    schema_editor.alter_db_table(outbox, OLD_TABLE, NEW_TABLE)
    schema_editor.rename_index(outbox, OLD_INDEX, NEW_INDEX)


def rename_table_back(apps, schema_editor):
    outbox = apps.get_model("messaging", "OutboxEmail")
    schema_editor.rename_index(outbox, NEW_INDEX, OLD_INDEX)
    schema_editor.alter_db_table(outbox, NEW_TABLE, OLD_TABLE)


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
                migrations.RunPython(rename_table, rename_table_back),
            ],
            state_operations=[migrations.DeleteModel(name="OutboxEmail")],
        ),
        migrations.RunPython(forwards, backwards),
    ]
