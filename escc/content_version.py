"""The number that changes whenever what visitors see may have changed.

Every table of the apps in `settings.PAGE_CACHE_CONTENT_APPS` gets a trigger that bumps the
one row of `ContentVersion` when a transaction that wrote to it commits, however it wrote:
`save()`, `queryset.update()`, `bulk_create`, raw SQL, the admin, a migration. The trigger is
deferred to the commit, so the row is locked only for the moment the transaction ends (no
deadlock with the rows it wrote before), and it bumps once per transaction however many rows
it wrote. A reader that sees the new number sees the new rows too (the bump commits with them).

Migrations run without them: `migrate` removes them first (PostgreSQL refuses DDL on a table
with deferred trigger events pending, which a data migration's writes would leave) and puts
them back after, on every content table, so a table a later migration adds gets one; then it
moves the version once, for whatever the migrations changed. PostgreSQL only: on SQLite (the
embedded mode) the caches are off.
"""

from django.apps import apps
from django.conf import settings
from django.db import connections

from escc.models import ContentVersion

FUNCTION = "escc_bump_content_version"
TRIGGER = "escc_content_version"
TRUNCATE_TRIGGER = "escc_content_version_truncate"

BUMP = """
INSERT INTO escc_contentversion (id, version) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET version = escc_contentversion.version + 1
"""

CREATE_FUNCTION = (
    """
CREATE OR REPLACE FUNCTION escc_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('escc.content_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('escc.content_version_bumped', 'yes', true);  -- until the transaction ends
"""
    + BUMP
    + """;
    END IF;
    RETURN NULL;
END
$$
"""
)


def content_tables():
    """The tables public pages read: every model of the content apps, with their link tables."""
    return sorted(
        {
            model._meta.db_table
            for label in settings.PAGE_CACHE_CONTENT_APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def remove_triggers(using="default", **_kwargs):
    """pre_migrate receiver: no content table keeps its trigger while migrations run."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for quoted in _content_tables_in(connection):
            _drop_triggers(cursor, quoted)


def install_triggers(using="default", **_kwargs):
    """post_migrate receiver: the function, a trigger on each content table, one bump (idempotent)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(CREATE_FUNCTION)
        for quoted in _content_tables_in(connection):
            _drop_triggers(cursor, quoted)
            cursor.execute(
                f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quoted} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )
            cursor.execute(
                f"CREATE TRIGGER {TRUNCATE_TRIGGER} AFTER TRUNCATE ON {quoted} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )
        if ContentVersion._meta.db_table in connection.introspection.table_names():
            cursor.execute(BUMP)


def _drop_triggers(cursor, quoted):
    cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quoted}")
    cursor.execute(f"DROP TRIGGER IF EXISTS {TRUNCATE_TRIGGER} ON {quoted}")


def _content_tables_in(connection):
    existing = set(connection.introspection.table_names())
    return [connection.ops.quote_name(table) for table in content_tables() if table in existing]


def current(using="default"):
    """The version now: one indexed read of one row (0 before the first write)."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT version FROM escc_contentversion WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def for_request(request):
    """The version, read once per request however many caches ask (the page, its total, fragments)."""
    if request is None:
        return current()
    if not hasattr(request, "_escc_content_version"):
        request._escc_content_version = current()
    return request._escc_content_version
