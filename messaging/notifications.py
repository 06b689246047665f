"""Notify people: a row in each one's inbox, and an e-mail to those whose channel is e-mail.

Services call `notify` inside their transaction. The Notification rows and the outbox rows
commit or roll back together with the change they report, and the outbox sends the e-mails
after commit, in each recipient's language, from the kind's `emails/<template>_*` files. With
a `dedupe_key`, a person already notified of this kind with this key is skipped, e-mail
included, so a retried decision never notifies anybody twice.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from messaging import emails, kinds, preferences
from messaging.models import Channel, Notification
from messaging.unsubscribe import NOTIFICATIONS, list_unsubscribe_headers, unsubscribe_url


def notify(key, *, recipients, target, params=None, dedupe_key="", email_context=None):
    """Put a notification of kind `key` about `target` in each recipient's inbox; e-mail those who want it.

    Recipients may repeat or be None (a deleted sender); each active person is notified once,
    and nobody whose channel for the kind is off. `email_context` adds to what the e-mail
    templates get (kind, notification, target, recipient, unsubscribe_url). Must run inside
    the caller's transaction. Returns the notifications created.

    Each e-mail carries a one-click unsubscribe link (body and List-Unsubscribe headers)
    that makes every kind inbox-only for that person.
    """
    kind = kinds.require(key)
    people = _unique_active(recipients)
    if not people:
        return []
    channels = preferences.channels_for(people, kind)
    target_type = ContentType.objects.get_for_model(target)
    created = []
    with transaction.atomic():
        for person in people:
            channel = channels[person.pk]
            if channel == Channel.OFF:
                continue
            notification, is_new = _record(kind, person, target_type, target, params or {}, dedupe_key)
            if not is_new:
                continue
            created.append(notification)
            if channel == Channel.EMAIL:
                _email(kind, person, notification, target, email_context or {})
    return created


def _email(kind, person, notification, target, email_context):
    language = person.preferred_language
    context = {
        "kind": kind.key,
        "notification": notification,
        "target": target,
        "unsubscribe_url": unsubscribe_url(person, NOTIFICATIONS, language=language),
        **email_context,
    }
    emails.send_to_person(
        person,
        kind.email_template,
        context,
        kind=kind.key,
        headers=list_unsubscribe_headers(person, NOTIFICATIONS, language=language),
    )


def _unique_active(recipients):
    people, seen = [], set()
    for person in recipients:
        if person is None or not person.is_active or person.pk in seen:
            continue
        seen.add(person.pk)
        people.append(person)
    return people


def _record(kind, person, target_type, target, params, dedupe_key):
    fields = {"target_type": target_type, "target_id": target.pk, "params": params}
    if not dedupe_key:
        return Notification.objects.create(recipient=person, kind=kind.key, **fields), True
    # get_or_create catches the unique constraint's IntegrityError in a savepoint, so a
    # concurrent duplicate returns the existing row instead of failing the transaction.
    return Notification.objects.get_or_create(recipient=person, kind=kind.key, dedupe_key=dedupe_key, defaults=fields)
