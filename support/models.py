"""Members' requests for the cluster's services, and the one thread each request carries.

A request belongs to its organisation: the person who asked and the organisation's admins
follow it; staff triage it (a state, a staff member or the innovation agency to handle it)
and answer in the same thread. The first staff answer and the close are stamped, so the
queue's figures (median time to first answer and to done) are one pass over the rows.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from support.querysets import ServiceRequestQuerySet


class Service(models.TextChoices):
    INTERNATIONALISATION = "internationalisation", _("Internationalisation: a market or country abroad")
    FUNDING_ADVICE = "funding_advice", _("Funding advice for a call")
    INNOVATION_MANAGEMENT = "innovation_management", _("Innovation management: products, services, pilots")
    LIVING_LAB = "living_lab", _("A test with the living lab's panel")
    PILOT_SITE = "pilot_site", _("A pilot site in a partner city")
    OTHER = "other", _("Something else")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_FOR_MEMBER = "waiting_for_member", _("Waiting for the member")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


CLOSED = {RequestStatus.DONE, RequestStatus.DECLINED}


class ServiceRequest(models.Model):
    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    service = models.CharField(_("service"), max_length=30, choices=Service.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what you need"), max_length=5000)
    target_market = models.CharField(
        _("target market or country"),
        max_length=100,
        blank=True,
        help_text=_("For internationalisation: where you want to go, e.g. Finland or Japan."),
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    call = models.ForeignKey(
        "funding.Call",
        verbose_name=_("funding call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The language the member wrote in (the page's at the time), so pages mark it for readers.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="et")
    status = models.CharField(_("state"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True},
    )
    with_agency = models.BooleanField(
        _("with the innovation agency"),
        default=False,
        help_text=_("The cluster's innovation agency (an Enterprise Europe Network member) handles it."),
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="support_request_queue"),
            models.Index(fields=["organisation", "-created_at"], name="support_request_org"),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("support:request_detail", kwargs={"pk": self.pk})

    @property
    def is_closed(self):
        return self.status in CLOSED


class RequestMessage(models.Model):
    request = models.ForeignKey(
        ServiceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_staff = models.BooleanField(_("from cluster staff"), default=False)
    body = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="et")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["request", "created_at"], name="support_message_thread")]

    def __str__(self):
        return self.body[:60]
