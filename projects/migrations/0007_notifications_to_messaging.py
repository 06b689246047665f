"""Project notifications and notification preferences move into messaging's tables, every row kept.

A notification's project becomes its target; its join request and organisation go into
`params`; a notification about a join request keeps its once-per-request guarantee as the
dedupe key "join_request:<id>"; kinds get the "projects." prefix. Ids are kept, so a mark-read
form on a page opened before the move still marks the right row. Backwards copies them back.
"""

from django.core.management.color import no_style
from django.db import migrations

PREFIX = "projects."


def _project_type(apps, alias):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.db_manager(alias).get_or_create(app_label="projects", model="project")[0]


def _reset_sequence(schema_editor, model):
    """Rows were written with their ids: the next new row must get one past the largest."""
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [model]):
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    alias = schema_editor.connection.alias
    Old = apps.get_model("projects", "Notification")
    OldPreference = apps.get_model("projects", "NotificationPreference")
    New = apps.get_model("messaging", "Notification")
    NewPreference = apps.get_model("messaging", "NotificationPreference")
    project_type = _project_type(apps, alias)
    batch = []
    for old in Old.objects.using(alias).order_by("pk").iterator(chunk_size=2000):
        params = {}
        if old.join_request_id is not None:
            params["join_request"] = old.join_request_id
        if old.organisation_id is not None:
            params["organisation"] = old.organisation_id
        batch.append(
            New(
                pk=old.pk,
                recipient_id=old.recipient_id,
                kind=PREFIX + old.kind,
                target_type=project_type,
                target_id=old.project_id,
                params=params,
                dedupe_key=f"join_request:{old.join_request_id}" if old.join_request_id is not None else "",
                is_read=old.is_read,
                created_at=old.created_at,
            )
        )
        if len(batch) == 2000:
            New.objects.using(alias).bulk_create(batch)
            batch = []
    New.objects.using(alias).bulk_create(batch)
    # auto_now_add overwrote created_at in bulk_create: put each row's own time back.
    schema_editor.execute(
        "UPDATE messaging_notification AS new SET created_at = old.created_at"
        " FROM projects_notification AS old WHERE new.id = old.id"
    )
    NewPreference.objects.using(alias).bulk_create(
        NewPreference(user_id=old.user_id, kind=PREFIX + old.kind, channel=old.channel)
        for old in OldPreference.objects.using(alias).iterator()
    )
    _reset_sequence(schema_editor, New)


def backwards(apps, schema_editor):
    alias = schema_editor.connection.alias
    Old = apps.get_model("projects", "Notification")
    OldPreference = apps.get_model("projects", "NotificationPreference")
    New = apps.get_model("messaging", "Notification")
    NewPreference = apps.get_model("messaging", "NotificationPreference")
    project_type = _project_type(apps, alias)
    moved = New.objects.using(alias).filter(kind__startswith=PREFIX, target_type=project_type)
    Old.objects.using(alias).bulk_create(
        Old(
            pk=new.pk,
            recipient_id=new.recipient_id,
            kind=new.kind.removeprefix(PREFIX),
            project_id=new.target_id,
            join_request_id=new.params.get("join_request"),
            organisation_id=new.params.get("organisation"),
            is_read=new.is_read,
        )
        for new in moved.iterator()
    )
    schema_editor.execute(
        "UPDATE projects_notification AS old SET created_at = new.created_at"
        " FROM messaging_notification AS new WHERE new.id = old.id"
    )
    OldPreference.objects.using(alias).bulk_create(
        OldPreference(user_id=new.user_id, kind=new.kind.removeprefix(PREFIX), channel=new.channel)
        for new in NewPreference.objects.using(alias).filter(kind__startswith=PREFIX).exclude(channel="off")
    )
    moved.delete()
    NewPreference.objects.using(alias).filter(kind__startswith=PREFIX).delete()
    _reset_sequence(schema_editor, Old)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0006_notification_kinds_for_partners"),
        ("messaging", "0002_notifications"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="Notification"),
        migrations.DeleteModel(name="NotificationPreference"),
    ]
