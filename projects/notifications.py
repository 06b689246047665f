"""Notifications: a row in a person's inbox, and an e-mail unless they chose the inbox only.

Services call `notify` inside their transaction. The Notification rows and the outbox
rows commit or roll back together with the change they report, and the outbox sends
the e-mails after commit, in each recipient's language, from
`templates/emails/project_<kind>_*`. A notification about a join request is unique per
recipient, kind and request, so a retried decision never notifies anybody twice.

`organisation` is the organisation the event is about: the one that asked or was
invited (the join request's organisation), the one that left, the new lead, or the
author's organisation for an update.
"""

from django.db import transaction

from members import emails
from members.models import Role, User
from projects.models import Notification, NotificationPreference


def people_to_notify(organisation, *, admins_only):
    """The active people of an organisation (only its admins if `admins_only`), by id."""
    memberships = {"memberships__organisation": organisation}
    if admins_only:
        memberships["memberships__role"] = Role.ADMIN
    # One filter() call: both conditions must hold for the same membership row.
    return list(User.objects.filter(is_active=True, **memberships).distinct().order_by("pk"))


def notify(kind, *, project, recipients, join_request=None, organisation=None, email_context=None):
    """Put a notification of `kind` in each recipient's inbox and e-mail those who want it.

    Recipients may repeat or be None (a deleted sender); each active person is notified
    once. With a `join_request`, a person already notified of this kind for this request
    is skipped, e-mail included. `email_context` adds to what the e-mail templates get
    (project, join_request, organisation, notification, recipient). Must run inside the
    caller's transaction. Returns the notifications created.

    Each e-mail carries a one-click unsubscribe link (body and List-Unsubscribe headers)
    that makes every kind inbox-only for that person.
    """
    # Imported here: funding imports projects (a call targeted by projects), not the other way round at load.
    from funding.unsubscribe import Scope, list_unsubscribe_headers, unsubscribe_url

    people = _unique_active(recipients)
    if not people:
        return []
    inbox_only = set(
        NotificationPreference.objects.filter(
            user__in=people, kind=kind, channel=NotificationPreference.Channel.SITE
        ).values_list("user_id", flat=True)
    )
    created = []
    with transaction.atomic():
        for person in people:
            notification, is_new = _record(kind, person, project, join_request, organisation)
            if not is_new:
                continue
            created.append(notification)
            if person.pk not in inbox_only:
                link = unsubscribe_url(person, Scope.NOTIFICATIONS, language=person.preferred_language)
                context = {
                    "kind": kind,
                    "notification": notification,
                    "project": project,
                    "join_request": join_request,
                    "organisation": organisation,
                    "unsubscribe_url": link,
                    **(email_context or {}),
                }
                emails.send_to_person(
                    person,
                    f"project_{kind}",
                    context,
                    kind=f"projects.{kind}",
                    headers=list_unsubscribe_headers(person, Scope.NOTIFICATIONS, language=person.preferred_language),
                )
    return created


def _unique_active(recipients):
    people, seen = [], set()
    for person in recipients:
        if person is None or not person.is_active or person.pk in seen:
            continue
        seen.add(person.pk)
        people.append(person)
    return people


def _record(kind, person, project, join_request, organisation):
    if join_request is None:
        return Notification.objects.create(
            recipient=person, kind=kind, project=project, organisation=organisation
        ), True
    # get_or_create catches the unique constraint's IntegrityError in a savepoint, so a
    # concurrent duplicate returns the existing row instead of failing the transaction.
    return Notification.objects.get_or_create(
        recipient=person,
        kind=kind,
        join_request=join_request,
        defaults={"project": project, "organisation": organisation},
    )


def mark_read(user, *, notification_id=None):
    """Mark one of the person's notifications read, or all of them when no id is given."""
    unread = Notification.objects.filter(recipient=user, is_read=False)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(is_read=True)


def set_preferences(user, channels):
    """Store the person's channel for each kind (`channels` maps kind to channel) in one transaction."""
    with transaction.atomic():
        for kind, channel in channels.items():
            NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})
