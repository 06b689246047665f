"""Outgoing e-mail (what was sent, what was refused, send again) and the inbox's notifications."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from messaging import outbox
from messaging.models import Notification, OutboxEmail


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    """What the portal sent or tries to send; refusals stay visible, staff may send again."""

    list_display = ["kind", "to", "subject", "status", "attempts", "created_at", "sent_at", "short_error"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "to",
        "from_email",
        "subject",
        "status",
        "attempts",
        "send_after",
        "claimed_at",
        "sent_at",
        "last_error",
        "message_id",
        "headers",
        "created_at",
        "body_text",
        "body_html",
    ]
    fields = readonly_fields
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # A row is never edited; the change permission only lets staff send again.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("last error"))
    def short_error(self, email):
        return email.last_error[:80]

    @admin.action(description=_("Send again now"), permissions=["change"])
    def send_again(self, request, queryset):
        ids = outbox.send_again(queryset.values_list("pk", flat=True))
        skipped = queryset.count() - len(ids)
        if ids:
            self.message_user(
                request,
                ngettext(
                    "Queued %(count)d e-mail to be sent now.", "Queued %(count)d e-mails to be sent now.", len(ids)
                )
                % {"count": len(ids)},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail was sent or is being sent, and was left alone.",
                    "%(count)d e-mails were sent or are being sent, and were left alone.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Visible and deletable (a data fix), never added or changed here."""

    list_display = ["recipient", "kind", "target_type", "target_id", "is_read", "created_at"]
    list_filter = ["kind", "is_read"]
    list_select_related = ["recipient", "target_type"]
    search_fields = ["recipient__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
