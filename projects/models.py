from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Competence, FocusArea, Organisation, OrganisationKind
from members.text import search_text as project_search_text
from projects.querysets import JoinRequestQuerySet, ProjectQuerySet


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    FORMING = "forming", _("Forming a consortium")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Cluster members only")


class ParticipantRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    RESEARCH = "research", _("Research partner")
    PILOT_SITE = "pilot_site", _("Pilot site")
    TEST = "test", _("Test partner")


JOINABLE_ROLES = [choice for choice in ParticipantRole.choices if choice[0] != ParticipantRole.LEAD]
CLOSED_STAGES = [Stage.COMPLETED, Stage.CANCELLED]


class Project(models.Model):
    """A joint innovation project of member organisations.

    The lead is the participation with role LEAD (exactly one, a database constraint).
    `description` is Markdown, rendered and sanitised by projects.markdown.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=400)
    description = models.TextField(_("description"), max_length=20000, blank=True)
    language = models.CharField(
        _("language of the texts"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the title, summary and description are written in."),
    )
    focus_areas = models.ManyToManyField(FocusArea, verbose_name=_("focus areas"), blank=True, related_name="projects")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.IDEA)
    visibility = models.CharField(_("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    budget_eur = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=0, null=True, blank=True)
    target_call = models.ForeignKey(
        "funding.Call",
        verbose_name=_("funding call targeted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("The funding call this consortium is forming for, if any."),
    )
    sought_competences = models.ManyToManyField(
        Competence, verbose_name=_("competences sought"), blank=True, related_name="seeking_projects"
    )
    pilot_city = models.CharField(_("pilot city"), max_length=100, blank=True)
    pilot_site = models.CharField(_("pilot site"), max_length=200, blank=True)
    needs_test_users = models.BooleanField(_("looking for test users"), default=False)
    is_open_for_joining = models.BooleanField(_("open for joining"), default=False)
    partner_search_ends_on = models.DateField(_("partner search ends"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Case-folded title and summary: the text filter matches Estonian letters in any case on
    # PostgreSQL and SQLite alike (members.text.fold; filled in save() and by bulk writers).
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # No column: deleting a project deletes the inbox notifications about it.
    notifications = GenericRelation(
        "messaging.Notification", content_type_field="target_type", object_id_field="target_id"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["visibility", "stage"]),
            models.Index(fields=["is_open_for_joining", "partner_search_ends_on"]),
            # The project list, newest first: for visitors (public only) and for members (all).
            models.Index(fields=["visibility", "-created_at", "-id"], name="projects_list_public"),
            models.Index(fields=["-created_at", "-id"], name="projects_list_all"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = project_search_text(self.title, self.summary)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    @property
    def is_closed(self):
        return self.stage in CLOSED_STAGES

    @property
    def accepts_requests(self):
        """Open for joining, its partner search not past its end, and not completed or cancelled."""
        if not self.is_open_for_joining or self.is_closed:
            return False
        return self.partner_search_ends_on is None or self.partner_search_ends_on >= timezone.localdate()


class SoughtKind(models.Model):
    """A kind of organisation a project is looking for as a partner."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sought_kinds")
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)

    class Meta:
        verbose_name = _("kind of partner sought")
        verbose_name_plural = _("kinds of partner sought")
        constraints = [models.UniqueConstraint(fields=["project", "kind"], name="projects_soughtkind_once")]

    def __str__(self):
        return self.get_kind_display()


class Participation(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTNER)
    contact_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("contact people"), blank=True, related_name="project_contacts"
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["project", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation"], name="projects_participation_once"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="lead"),
                name="projects_participation_one_lead",
                violation_error_message=_("A project has exactly one lead."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.project}"


class JoinRequest(models.Model):
    """An organisation's request to join a project, or a lead's invitation of an organisation.

    A REQUEST is decided by the lead's admins; an INVITATION by the invited organisation's
    admins. At most one pending per project and organisation, whichever way it goes.
    """

    class Direction(models.TextChoices):
        REQUEST = "request", _("Request to join")
        INVITATION = "invitation", _("Invitation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="join_requests"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="join_requests"
    )
    direction = models.CharField(_("direction"), max_length=12, choices=Direction.choices, default=Direction.REQUEST)
    proposed_role = models.CharField(
        _("proposed role"), max_length=12, choices=JOINABLE_ROLES, default=ParticipantRole.PARTNER
    )
    message = models.TextField(_("message"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decision_note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("join request or invitation")
        verbose_name_plural = _("join requests and invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                condition=models.Q(status="pending"),
                name="projects_joinrequest_one_pending",
                violation_error_message=_("There is already a pending request or invitation."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.project}"


class ProjectUpdate(models.Model):
    """News from inside a project, posted by a participant (Markdown, sanitised on display)."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("text"), max_length=10000)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    class Meta:
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.project}: {self.body[:40]}"


class NotificationKind(models.TextChoices):
    """What projects notify people of; registered with messaging as "projects.<value>" (projects.inbox)."""

    REQUEST_RECEIVED = "request_received", _("An organisation asks to join a project you lead")
    REQUEST_DECIDED = "request_decided", _("Your request to join a project was answered")
    INVITATION_RECEIVED = "invitation_received", _("Your organisation is invited to a project")
    INVITATION_DECIDED = "invitation_decided", _("An invitation from your project was answered")
    PARTICIPANT_LEFT = "participant_left", _("A partner left your project")
    PARTNER_REMOVED = "partner_removed", _("Your organisation was removed from a project")
    PARTNER_ROLE_CHANGED = "partner_role_changed", _("The role of your organisation in a project changed")
    LEAD_CHANGED = "lead_changed", _("The lead of your project changed")
    UPDATE_POSTED = "update_posted", _("A new update in your project")
