import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from members.querysets import OrganisationQuerySet


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: e-mail is the login, no username."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails from the portal are written in this language."),
    )
    is_staff = models.BooleanField(
        _("cluster staff"), default=False, help_text=_("Staff can sign in to the administration.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="members_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]


class FocusArea(models.Model):
    """One of the cluster's focus areas: the taxonomy shared by every app.

    `name` and `description` are translated by django-modeltranslation (translation.py).
    """

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    RESEARCH = "research", _("R&D institute or university")
    PUBLIC = "public", _("City or public authority")
    SUPPORT = "support", _("Support organisation")
    OTHER = "other", _("Other")


class Competence(models.Model):
    """Something an organisation can do, from one shared list (names translated).

    `key` is the normalised name (see members.text.competence_key), unique, so that
    "Mobile apps" and "mobile-app" are one competence. Members may propose new ones
    (is_approved False until staff look); staff rename and merge them in the admin.
    """

    name = models.CharField(_("name"), max_length=100)
    key = models.CharField(_("normalised name"), max_length=100, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_approved = models.BooleanField(_("approved"), default=True)
    proposed_by = models.ForeignKey(
        "Organisation",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from members.text import competence_key

        # The key follows the English name when there is one: it is the list's shared spelling.
        self.key = competence_key(self.name_en or self.name_et or self.name)
        super().save(*args, **kwargs)


def directory_name(language):
    """The name the directory sorts by in `language`: the other language's when it has none, lower case."""
    codes = [language, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get(language, ())]
    return Lower(Coalesce(*[NullIf(F(f"name_{code}"), Value("")) for code in codes], Value("")))


class MembershipStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active member")
    SUSPENDED = "suspended", _("Suspended")
    FORMER = "former", _("Former member")


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1–9 people")
    SMALL = "10-49", _("10–49 people")
    MEDIUM = "50-249", _("50–249 people")
    LARGE = "250+", _("250 or more people")


class ContactVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Cluster members only")


registry_code_validator = RegexValidator(
    r"^\d{8}$", _("An Estonian registry code has exactly 8 digits, e.g. 10000000.")
)


def logo_path(organisation, filename):
    return f"logos/{organisation.slug}-{uuid.uuid4().hex[:8]}.png"


class Organisation(models.Model):
    """A member of the cluster (or an applicant, or a former member).

    `name`, `short_description` and `description` are translated (translation.py).
    `search_text` is a case-folded copy of the names and descriptions, so that a
    text filter matches Estonian letters in any case on PostgreSQL and SQLite alike.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    # NULL, not "", when absent: the unique constraint must allow many organisations without one.
    registry_code = models.CharField(  # noqa: DJ001
        _("Estonian registry code"),
        max_length=8,
        null=True,
        blank=True,
        validators=[registry_code_validator],
        help_text=_("8 digits, from the Estonian Business Register."),
    )
    foreign_registration = models.CharField(
        _("foreign registration"),
        max_length=100,
        blank=True,
        help_text=_("Registry and number, for organisations registered outside Estonia."),
    )
    website = models.URLField(_("website"), blank=True)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), default="EE")
    size_band = models.CharField(_("size"), max_length=10, choices=SizeBand.choices, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1632), MaxValueValidator(2100)],
    )
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), blank=True, related_name="organisations"
    )
    focus_areas = models.ManyToManyField(
        FocusArea, verbose_name=_("focus areas"), blank=True, related_name="organisations"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_visibility = models.CharField(
        _("contact details shown to"),
        max_length=10,
        choices=ContactVisibility.choices,
        default=ContactVisibility.MEMBERS,
    )
    membership_status = models.CharField(
        _("membership status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.APPLICANT,
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    member_until = models.DateField(_("member until"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    profile_confirmed_at = models.DateTimeField(_("profile confirmed"), null=True, blank=True)
    confirmation_reminded_at = models.DateTimeField(_("last reminded to confirm"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    # `is_profile_stale` as stored on the last save or the daily refresh: the directory sorts by
    # it through an index, which a condition on "now" cannot use (members.services.profile).
    profile_stale = models.BooleanField(editable=False, default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registry_code"],
                condition=models.Q(registry_code__isnull=False),
                name="members_organisation_registry_code_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["membership_status", "kind"]),
            # The directory's default order, one per page language: fresh profiles first, by
            # name, read in index order so a page costs the same at any size.
            *[
                models.Index(
                    F("membership_status"),
                    F("profile_stale"),
                    directory_name(language),
                    F("id"),
                    name=f"members_org_directory_{language}",
                )
                for language in ("et", "en")
            ],
            # The admin's list: by name in the staff member's language, newest first among equals.
            *[
                models.Index(F(f"name_{language}"), F("id").desc(), name=f"members_org_admin_{language}")
                for language in ("et", "en")
            ],
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from members.text import search_text

        self.search_text = search_text(
            self.name_et,
            self.name_en,
            self.short_description_et,
            self.short_description_en,
            self.description_et,
            self.description_en,
            self.city,
        )
        self.profile_stale = self.is_profile_stale
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "profile_stale"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_active_member(self):
        return self.membership_status == MembershipStatus.ACTIVE

    @property
    def is_profile_stale(self):
        """Not confirmed current for over a year: staff see it, the directory lists it last."""
        confirmed = self.profile_confirmed_at or self.created_at
        return confirmed is not None and confirmed < timezone.now() - PROFILE_CONFIRMATION_PERIOD


PROFILE_CONFIRMATION_PERIOD = timedelta(days=365)


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    MEMBER = "member", _("Member")


class Membership(models.Model):
    """A person's place in an organisation: their role and job title."""

    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    is_primary_contact = models.BooleanField(_("primary contact"), default=False)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("person in organisation")
        verbose_name_plural = _("people in organisations")
        ordering = ["organisation", "user__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="members_membership_once"),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(is_primary_contact=True),
                name="members_membership_one_primary_contact",
                violation_error_message=_("An organisation has one primary contact: unmark the current one first."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    @property
    def is_admin(self):
        return self.role == Role.ADMIN


class Invitation(models.Model):
    """An organisation admin's invitation of a colleague, accepted through a signed link."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    accepted_by = models.ForeignKey(
        User, verbose_name=_("accepted by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "organisation",
                condition=models.Q(status="pending"),
                name="members_invitation_one_pending_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class MembershipApplication(models.Model):
    """A visitor's application for their organisation to join; staff approve or reject it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        User, verbose_name=_("contact person"), on_delete=models.PROTECT, related_name="applications"
    )
    contact_job_title = models.CharField(_("contact person's job title"), max_length=150, blank=True)
    motivation = models.TextField(_("why join the cluster"), max_length=3000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    decided_by = models.ForeignKey(
        User, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return str(self.organisation)
