"""Funding calls, news, and what people follow and receive about them.

Calls and news are curated by cluster staff; people follow calls, save call searches and
choose their digest. Digest deliveries are recorded here (one row per person and period,
written before anything is queued) and sent through the messaging outbox.
"""

import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding.deadlines import time_zone, validate_time_zone
from funding.querysets import CallQuerySet, NewsQuerySet
from members.models import FocusArea, OrganisationKind
from members.text import search_text
from messaging.models import OutboxEmail

# A call whose next deadline is this close is "closing soon".
CLOSING_SOON = timedelta(days=14)


class ProgrammeKind(models.TextChoices):
    EU = "eu", _("EU programme")
    NATIONAL = "national", _("National programme")
    REGIONAL = "regional", _("Regional programme")
    PRIVATE = "private", _("Private investment")


class CallStatus(models.TextChoices):
    """Derived from the dates (CallQuerySet.with_status, Call.status); never stored."""

    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


class Programme(models.Model):
    """A funder's programme or an investor: Horizon Europe, Interreg, EIS, a VC fund.

    `name` and `description` are translated (translation.py).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ProgrammeKind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Call(models.Model):
    """A funding opportunity: a call for proposals, or an investor's intake.

    `title`, `summary` and `description` (Markdown) are translated (translation.py), with
    fallback to the other language. `deadline` is the (first-stage) deadline and
    `second_deadline` the final one of a two-stage call; both are instants, and
    `deadline_timezone` is the zone the funder states them in: staff type the dates in it
    (the admin's CallAdminForm) and the site shows them in it. No deadline means rolling
    intake. The status is derived from the dates, never stored.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    identifier = models.CharField(
        _("identifier"),
        max_length=100,
        blank=True,
        help_text=_("The funder's topic or call ID, e.g. HORIZON-CL5-2027-D6-01."),
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="calls"
    )
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), max_length=20000, blank=True)
    link = models.URLField(_("link to the call"), blank=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(
        _("deadline"), null=True, blank=True, help_text=_("Leave empty for rolling intake (no deadline).")
    )
    second_deadline = models.DateTimeField(
        _("second-stage deadline"),
        null=True,
        blank=True,
        help_text=_("Only for two-stage calls: the full proposal deadline."),
    )
    deadline_timezone = models.CharField(
        _("time zone of the deadlines"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_time_zone],
        help_text=_(
            "As the funder states it, e.g. Europe/Brussels. The opening date and the deadlines are in this zone."
        ),
    )
    budget_eur = models.DecimalField(_("budget (EUR)"), max_digits=14, decimal_places=0, null=True, blank=True)
    funding_rate = models.PositiveSmallIntegerField(_("funding rate (%)"), null=True, blank=True)
    ticket_min_eur = models.DecimalField(
        _("smallest ticket (EUR)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    ticket_max_eur = models.DecimalField(
        _("largest ticket (EUR)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    focus_areas = models.ManyToManyField(FocusArea, verbose_name=_("focus areas"), blank=True, related_name="calls")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    # Set when first published: "new since your last digest" and the feeds go by it.
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["deadline"]
        indexes = [
            models.Index(fields=["state", "published_at"]),
            models.Index(fields=["state", "deadline"]),
            models.Index(fields=["state", "second_deadline"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(deadline__isnull=True)
                | models.Q(deadline__gt=models.F("opens_at")),
                name="call_deadline_after_opening",
                violation_error_message=_("The deadline must come after the opening date."),
            ),
            models.CheckConstraint(
                condition=models.Q(second_deadline__isnull=True) | models.Q(deadline__lt=models.F("second_deadline")),
                name="call_second_deadline_after_first",
                violation_error_message=_("The second-stage deadline must come after the first deadline."),
            ),
            models.CheckConstraint(
                condition=models.Q(funding_rate__isnull=True) | models.Q(funding_rate__lte=100),
                name="call_funding_rate_percent",
                violation_error_message=_("The funding rate is a percentage, at most 100."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # title_et/_en and summary_et/_en come from modeltranslation (translation.py).
        self.search_text = search_text(self.title_et, self.title_en, self.identifier, self.summary_et, self.summary_en)
        if self.state == self.State.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "published_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("funding:call_detail", kwargs={"slug": self.slug})

    def clean(self):
        # The constraints say the same; here the message goes next to the field that is wrong.
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline must come after the opening date.")})
        if self.deadline and self.second_deadline and self.second_deadline <= self.deadline:
            raise ValidationError(
                {"second_deadline": _("The second-stage deadline must come after the first deadline.")}
            )

    @property
    def is_rolling(self):
        return self.deadline is None

    @property
    def deadline_zone(self):
        """The zone the funder states the deadlines in; Tallinn's when the name is not a zone (typed wrong)."""
        return time_zone(self.deadline_timezone) or ZoneInfo(settings.TIME_ZONE)

    def is_open_to(self, kinds):
        """May an organisation of one of `kinds` apply? Reads eligible_kinds.all(): prefetch it for many calls."""
        listed = {eligible.kind for eligible in self.eligible_kinds.all()}
        return not listed or bool(listed & set(kinds))

    @property
    def deadlines(self):
        return [moment for moment in (self.deadline, self.second_deadline) if moment is not None]

    def next_deadline(self, now=None):
        """The first deadline still ahead, or None (rolling intake, or every deadline past)."""
        now = now or timezone.now()
        return next((moment for moment in self.deadlines if moment >= now), None)

    def status(self, now=None):
        now = now or timezone.now()
        if self.opens_at and self.opens_at > now:
            return CallStatus.FORTHCOMING
        if self.is_rolling:
            return CallStatus.OPEN
        upcoming = self.next_deadline(now)
        if upcoming is None:
            return CallStatus.CLOSED
        return CallStatus.CLOSING_SOON if upcoming - now <= CLOSING_SOON else CallStatus.OPEN


class EligibleKind(models.Model):
    """A kind of organisation that may apply to a call (none listed: anyone may)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="eligible_kinds")
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)

    class Meta:
        verbose_name = _("eligible kind of organisation")
        verbose_name_plural = _("eligible kinds of organisation")
        constraints = [models.UniqueConstraint(fields=["call", "kind"], name="eligible_kind_once_per_call")]

    def __str__(self):
        return self.get_kind_display()


class News(models.Model):
    """A news item. `title`, `summary` and `body` (Markdown) are translated, with fallback.

    No publication time: a draft. A time in the future: scheduled, shown from then on.
    """

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"), max_length=40000)
    published_at = models.DateTimeField(
        _("publication time"), null=True, blank=True, help_text=_("Empty: a draft. In the future: scheduled.")
    )
    focus_areas = models.ManyToManyField(FocusArea, verbose_name=_("focus areas"), blank=True, related_name="news")
    is_featured = models.BooleanField(_("featured"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("funding:news_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()


class CallFollow(models.Model):
    """A person follows a call: it is in their calendar feed and they are reminded of its deadlines."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_follows")
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("followed"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed call")
        verbose_name_plural = _("followed calls")
        constraints = [models.UniqueConstraint(fields=["user", "call"], name="follow_call_once")]

    def __str__(self):
        return f"{self.user} → {self.call}"


class SavedSearch(models.Model):
    """A calls search a person saved: its filters as a query string (funding.filters.CallFilter)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("filters"), max_length=1000)
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved calls search")
        verbose_name_plural = _("saved calls searches")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["user", "query"], name="saved_search_once")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('funding:call_list')}?{self.query}"


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    OFF = "off", _("Off")


class Subscription(models.Model):
    """What a person wants in their e-mail digest. New members get a weekly one (funding.signals).

    No focus areas chosen means every focus area.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscription")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    focus_areas = models.ManyToManyField(
        FocusArea,
        verbose_name=_("focus areas"),
        blank=True,
        related_name="+",
        help_text=_("Leave all unticked to hear about every focus area."),
    )
    include_calls = models.BooleanField(_("new funding calls"), default=True)
    include_news = models.BooleanField(_("news"), default=True)
    include_projects = models.BooleanField(_("projects looking for partners that fit my organisation"), default=True)
    include_activity = models.BooleanField(_("activity in my projects"), default=True)
    include_saved_searches = models.BooleanField(_("new calls matching my saved searches"), default=True)
    send_reminders = models.BooleanField(_("deadline reminders for calls I follow"), default=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: my account's language."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")
        indexes = [models.Index(fields=["frequency"])]

    def __str__(self):
        return f"{self.user} ({self.get_frequency_display()})"

    @property
    def digest_language(self):
        return self.language or self.user.preferred_language


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret in a person's private iCalendar address; resetting it makes old addresses 404."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("private calendar address")
        verbose_name_plural = _("private calendar addresses")

    def __str__(self):
        return str(self.user)


class DeliveryKind(models.TextChoices):
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    MONTHLY = "monthly", _("Monthly digest")
    REMINDER = "reminder", _("Deadline reminder")


class DigestRun(models.Model):
    """One scheduled run (a kind and a period). Beat starts it; the sweeper finishes one that stopped.

    `completed_at` is set once every subscriber of the run has been planned.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=DeliveryKind.choices)
    period = models.CharField(_("period"), max_length=20)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    planned = models.PositiveIntegerField(_("digests planned"), default=0)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "period"], name="digest_run_once_per_period")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period}"


class DigestDelivery(models.Model):
    """One person's digest (or reminder) for one period, written before anything is queued.

    Unique per person, kind and period, so planning the same period twice plans nothing new.
    The e-mail itself is an outbox row (messaging/outbox.py) written in the same transaction,
    with a Message-ID derived from this row, and sent, retried and swept by the outbox.
    `covers_until` is the instant the digest's content was chosen at: the next digest holds
    what is new after it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_deliveries")
    kind = models.CharField(_("kind"), max_length=10, choices=DeliveryKind.choices)
    period = models.CharField(_("period"), max_length=20)
    covers_from = models.DateTimeField(_("covers from"))
    covers_until = models.DateTimeField(_("covers until"))
    item_count = models.PositiveIntegerField(_("items"), default=0)
    email = models.OneToOneField(
        OutboxEmail,
        verbose_name=_("e-mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="digest_delivery",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period"], name="digest_delivery_once_per_period")
        ]
        indexes = [models.Index(fields=["user", "-covers_until"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period} → {self.user}"


class DigestItem(models.Model):
    """An item a person has been sent. Unique per person and item: nothing goes out twice.

    `key` names the item: "call:12" (in whichever section it was sent: new calls or a
    saved-search match), "news:5", "project:3", "update:40", "participant:7", and
    "reminder:12:2026-12-01T15:00:00+00:00:7" (call, deadline, days before).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    delivery = models.ForeignKey(DigestDelivery, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("item sent")
        verbose_name_plural = _("items sent")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="digest_item_once_per_person")]

    def __str__(self):
        return self.key
