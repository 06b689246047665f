"""What messaging holds about a person, for their data export and for erasing it.

Notifications and preferences go with the account (foreign keys cascade). E-mails are kept
by address, not by account, so erasing a person deletes the outbox rows sent to their
address as well; a pending one is then never sent.
"""

from messaging.models import Notification, OutboxEmail


def held_about(user):
    """The e-mails sent to the person and their notifications, as plain data."""
    emails = OutboxEmail.objects.filter(to__iexact=user.email).order_by("created_at", "pk")
    notifications = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    return {
        "emails": [
            {
                "to": email.to,
                "subject": email.subject,
                "body": email.body_text,
                "status": email.status,
                "created_at": email.created_at.isoformat(),
                "sent_at": email.sent_at.isoformat() if email.sent_at else None,
            }
            for email in emails
        ],
        "notifications": [
            {"kind": n.kind, "created_at": n.created_at.isoformat(), "is_read": n.is_read} for n in notifications
        ],
    }


def forget_emails_to(address, *, kind_prefix=""):
    """Delete the outbox rows sent or waiting to be sent to `address` (of kinds starting with
    `kind_prefix`, if given); returns how many."""
    emails = OutboxEmail.objects.filter(to__iexact=address)
    if kind_prefix:
        emails = emails.filter(kind__startswith=kind_prefix)
    deleted, _by_model = emails.delete()
    return deleted
