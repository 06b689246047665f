"""Digests in the admin: subscriptions, what was sent (read-only), and the staff digest tools.

The tools build digests with the same code a run uses (funding.digests), without saving or
sending anything: "Preview next digest" for one person, and "Who will a run mail" for a
kind of run, from which staff may queue the run itself. A run started here plans its
deliveries like a scheduled one, so a period already planned plans nothing new.
"""

from csp.decorators import csp
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from funding.digests import delivery, rendering, selection
from funding.models import DeliveryKind, DigestDelivery, DigestRun, Frequency, Subscription

RECIPIENTS_SHOWN = 200

# The e-mail's own HTML, framed by the preview page: its inline styles may apply, nothing may run.
EMAIL_FRAME_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "https:"],
    "frame-ancestors": ["'self'"],
    "sandbox": [""],
}


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the digest runs; staff read it here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Subscriptions and "Preview next digest" -----------------------------------------------------


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "frequency", "language", "send_reminders", "updated_at", "preview_link"]
    list_filter = ["frequency", "language", "send_reminders"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__display_name"]
    autocomplete_fields = ["user"]
    ordering = ["frequency", "user__email"]
    readonly_fields = ["created_at", "updated_at"]
    change_form_template = "admin/funding/subscription/change_form.html"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "focus_areas":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="funding_subscription_preview",
            ),
            path(
                "<path:object_id>/preview/email.html",
                self.admin_site.admin_view(self.preview_html_view),
                name="funding_subscription_preview_html",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("next digest"))
    def preview_link(self, subscription):
        url = reverse("admin:funding_subscription_preview", args=[subscription.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Preview"))

    def preview_view(self, request, object_id):
        subscription = self._subscription(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": subscription,
            "title": gettext("Next digest of %(person)s") % {"person": subscription.user},
            "kind": preview_kind(subscription),
        }
        digest, (subject, text, _html) = preview_digest(subscription)
        context.update(
            digest=digest,
            subject=subject,
            text=text,
            html_url=reverse("admin:funding_subscription_preview_html", args=[subscription.pk]),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/funding/digest_preview.html", context)

    @method_decorator(xframe_options_sameorigin)
    @method_decorator(csp(EMAIL_FRAME_POLICY))
    def preview_html_view(self, request, object_id):
        subscription = self._subscription(request, object_id)
        _digest, (_subject, _text, html) = preview_digest(subscription)
        return HttpResponse(html)

    def _subscription(self, request, object_id):
        subscription = self.get_object(request, unquote(object_id))
        if subscription is None:
            raise Http404
        if not self.has_view_permission(request, subscription):
            raise PermissionDenied
        return subscription


def preview_kind(subscription):
    """The kind of digest a preview shows: the person's frequency, weekly for someone who chose none."""
    return DeliveryKind.WEEKLY if subscription.frequency == Frequency.OFF else DeliveryKind(subscription.frequency)


def preview_digest(subscription, *, now=None):
    """(digest, (subject, text, html)) of the person's next digest, built now and neither saved nor sent.

    The unsubscribe link in a preview is a dead one, so a click in the preview unsubscribes nobody.
    """
    now = now or timezone.now()
    (digest,) = selection.build_digests([subscription], kind=preview_kind(subscription), now=now)
    rendered = rendering.render_digest(
        digest,
        unsubscribe_url=settings.SITE_URL + reverse("messaging:unsubscribe", args=["preview"]),
        preferences_url=settings.SITE_URL + reverse("funding:preferences"),
    )
    return digest, rendered


# --- What was sent -------------------------------------------------------------------------------


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["user", "kind", "period", "item_count", "email_status", "email_link", "created_at"]
    list_filter = ["kind", "email__status"]
    list_select_related = ["user", "email"]
    search_fields = ["user__email", "user__display_name", "period"]
    date_hierarchy = "created_at"
    fields = ["user", "kind", "period", "covers_from", "covers_until", "item_count", "email_link", "created_at"]
    readonly_fields = fields

    @admin.display(description=_("e-mail status"), ordering="email__status")
    def email_status(self, delivery):
        return delivery.email.get_status_display() if delivery.email else "–"

    @admin.display(description=_("e-mail"))
    def email_link(self, delivery):
        if delivery.email is None:
            return "–"
        url = reverse("admin:messaging_outboxemail_change", args=[delivery.email_id])
        return format_html('<a href="{}">{}</a>', url, delivery.email.subject or delivery.email.message_id)


# --- Runs and "Who will a run mail" -------------------------------------------------------------


class RunKindForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=DeliveryKind.choices)


@admin.register(DigestRun)
class DigestRunAdmin(ReadOnlyAdmin):
    list_display = ["kind", "period", "started_at", "completed_at", "planned"]
    list_filter = ["kind"]
    search_fields = ["period"]
    date_hierarchy = "started_at"
    change_list_template = "admin/funding/digestrun/change_list.html"

    def get_urls(self):
        return [
            path(
                "recipients/",
                self.admin_site.admin_view(self.recipients_view),
                name="funding_digestrun_recipients",
            ),
            path(
                "run/",
                self.admin_site.admin_view(self.run_view),
                name="funding_digestrun_run",
            ),
            *super().get_urls(),
        ]

    def recipients_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = RunKindForm(request.GET or {"kind": DeliveryKind.WEEKLY})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Who will a run mail"),
            "form": form,
            "can_run": can_run_digests(request.user),
            "shown_limit": RECIPIENTS_SHOWN,
        }
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            digests = delivery.recipients(kind)
            context.update(
                kind=kind,
                kind_label=DeliveryKind(kind).label,
                total=len(digests),
                rows=[(digest, len(digest.keys)) for digest in digests[:RECIPIENTS_SHOWN]],
            )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/funding/digest_recipients.html", context)

    @method_decorator(require_POST)
    def run_view(self, request):
        if not can_run_digests(request.user):
            raise PermissionDenied
        form = RunKindForm(request.POST)
        if not form.is_valid():
            self.message_user(request, gettext("Choose a kind of run."), messages.ERROR)
            return redirect("admin:funding_digestrun_recipients")
        kind = form.cleaned_data["kind"]
        queue_run(kind)
        self.message_user(
            request,
            gettext("Queued a %(kind)s run. Its deliveries appear in the list of digest deliveries as it goes.")
            % {"kind": DeliveryKind(kind).label.lower()},
            messages.SUCCESS,
        )
        return redirect(f"{reverse('admin:funding_digestrun_recipients')}?kind={kind}")


def can_run_digests(user):
    return user.is_active and user.is_staff and user.has_perm("funding.add_digestrun")


def queue_run(kind):
    """Queue the run's task after the request's transaction commits (the same tasks beat starts)."""
    from funding import tasks

    if kind == DeliveryKind.REMINDER:
        tasks.send_reminders.delay_on_commit()
    else:
        tasks.run_digests.delay_on_commit(kind)
