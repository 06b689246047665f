"""What messaging keeps in PostgreSQL: every outgoing e-mail, every inbox notification, and
each person's choice of channel per notification kind.

People are known only as `settings.AUTH_USER_MODEL`; what a notification is about is a
generic target (any model of any app) plus a few ids in `params`, so this app imports none
of the apps that use it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmail(models.Model):
    """One e-mail the portal sends, recorded before it is queued (messaging/outbox.py).

    The row is written in the transaction of the change that causes the e-mail; a Celery
    task sends it after commit, and a periodic sweeper re-queues rows that are due and
    unsent, so a lost broker message delays an e-mail but never loses it. Sending claims
    the row with a conditional update, so a retried or duplicated task sends it once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Refused")

    kind = models.CharField(_("kind"), max_length=60)
    to = models.EmailField(_("to"))
    from_email = models.CharField(_("from"), max_length=200)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    send_after = models.DateTimeField(_("send after"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "send_after"], name="messaging_outbox_due_idx")]

    def __str__(self):
        return f"{self.kind} → {self.to}"


class Channel(models.TextChoices):
    """How a notification kind reaches a person."""

    EMAIL = "email", _("E-mail and the inbox")
    SITE = "site", _("Only the inbox")
    OFF = "off", _("Off")


class Notification(models.Model):
    """A message for one person in the site's inbox; e-mailed too unless they chose otherwise.

    The sentence is written at display time in the reader's language by the app that
    registered `kind` (messaging/kinds.py), from the target and `params`, so stored
    notifications need no translation.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    target_type = models.ForeignKey(ContentType, verbose_name=_("about"), on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField(_("about (id)"))
    target = GenericForeignKey("target_type", "target_id")
    params = models.JSONField(_("details"), default=dict, blank=True)
    # Set when the same event must never notify a person twice (a retried decision).
    dedupe_key = models.CharField(_("once per"), max_length=80, blank=True)
    is_read = models.BooleanField(_("read"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["recipient", "is_read", "-created_at"], name="messaging_inbox_idx"),
            models.Index(fields=["target_type", "target_id"], name="messaging_notification_target"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="messaging_notification_once",
            ),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient}"

    @property
    def kind_label(self):
        from messaging import kinds

        registered = kinds.get(self.kind)
        return registered.label if registered else self.kind


class NotificationPreference(models.Model):
    """A person's channel for one notification kind; no row: the kind's default channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="messaging_preference_once")]

    def __str__(self):
        return f"{self.user}: {self.kind} → {self.channel}"
