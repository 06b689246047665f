"""The living lab: the citizen panel, its consent, members' test campaigns, invitations and feedback.

A panellist's personal data lives in `Panellist` (and their account); everything a campaign
owner sees goes through a per-campaign pseudonym. Deleting a panellist deletes the profile,
the consent history and the participations; answers stay as `FeedbackResponse` rows that
keep only the campaign and the pseudonym.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab import choices
from livinglab.fields import ChoiceListField
from livinglab.querysets import CampaignQuerySet, PanellistQuerySet, ParticipationQuerySet


class PanelTerms(models.Model):
    """One version of the panel's terms; the newest published one is in force.

    `body` is translated (translation.py). Publishing a new version makes every panellist
    consent again before they are matched.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    body = models.TextField(_("terms"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        verbose_name = _("panel terms")
        verbose_name_plural = _("panel terms")
        ordering = ["-version"]

    def __str__(self):
        return _("Panel terms, version %(version)s") % {"version": self.version}


class LabSettings(models.Model):
    """The living lab's settings that staff change in the admin: one row."""

    contact_pause_days = models.PositiveSmallIntegerField(
        _("days between invitations"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_("A panellist invited to a campaign is not invited to another one for this many days."),
    )

    class Meta:
        verbose_name = _("living-lab settings")
        verbose_name_plural = _("living-lab settings")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first() or cls()


class Panellist(models.Model):
    """A citizen on the test-user panel: the profile used only for matching, and their consent."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="panellist"
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    gender = models.CharField(_("gender"), max_length=10, choices=choices.Gender.choices, blank=True)
    municipality = models.CharField(_("home municipality"), max_length=20, choices=choices.MUNICIPALITY_CHOICES)
    district = models.CharField(
        _("district or village"), max_length=100, blank=True, help_text=_("For example Annelinn or Kristiine.")
    )
    occupation = models.CharField(_("occupation"), max_length=20, choices=choices.Occupation.choices)
    languages = ChoiceListField(_("languages you speak"), choice_set=choices.Language, blank=False)
    devices = ChoiceListField(_("devices you use"), choice_set=choices.Device)
    operating_systems = ChoiceListField(_("operating systems"), choice_set=choices.OperatingSystem)
    digital_skill = models.CharField(_("digital skills"), max_length=10, choices=choices.DigitalSkill.choices)
    interests = models.ManyToManyField("members.FocusArea", verbose_name=_("interests"), blank=True, related_name="+")
    mobility = ChoiceListField(_("how you get around"), choice_set=choices.Mobility)
    accessibility_needs = ChoiceListField(
        _("accessibility needs"),
        choice_set=choices.Accessibility,
        help_text=_("Optional. Helps us invite you to tests that fit you and to make tests accessible."),
    )
    test_frequency = models.CharField(
        _("how often you are willing to test"), max_length=10, choices=choices.TestFrequency.choices
    )
    terms_version = models.PositiveIntegerField(_("consented to terms version"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True)
    joined_at = models.DateTimeField(_("joined the panel"), auto_now_add=True)
    updated_at = models.DateTimeField(_("profile updated"), auto_now=True)

    objects = PanellistQuerySet.as_manager()

    class Meta:
        verbose_name = _("panellist")
        verbose_name_plural = _("panellists")
        ordering = ["-joined_at"]
        indexes = [models.Index(fields=["terms_version", "withdrawn_at"], name="livinglab_panel_matchable")]

    def __str__(self):
        return str(self.user)

    @property
    def age(self):
        return choices.age_in(timezone.now().year, self.birth_year)

    @property
    def age_band(self):
        return choices.age_band_of(self.age)

    @property
    def is_minor(self):
        return self.age < choices.ADULT_AGE

    @property
    def has_withdrawn(self):
        return self.withdrawn_at is not None


class ConsentEvent(models.Model):
    """A panellist gave, renewed or withdrew consent: the history staff see."""

    class Action(models.TextChoices):
        GIVEN = "given", _("Consent given")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    panellist = models.ForeignKey(Panellist, on_delete=models.CASCADE, related_name="consent_events")
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    terms_version = models.PositiveIntegerField(_("terms version"), null=True, blank=True)
    kept_running_campaigns = models.BooleanField(_("stayed in running tests"), default=False)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent history")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d})"


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")
    RECRUITING = "recruiting", _("Recruiting testers")
    RUNNING = "running", _("Test running")
    FINISHED = "finished", _("Finished")


class Campaign(models.Model):
    """A member organisation's test of a prototype with panellists.

    `title`, `prototype`, `tasks`, `place` and `incentive` are translated (translation.py).
    `criteria` maps profile fields to the accepted values ({"age_band": ["60-74"], ...});
    a field not named accepts anyone (livinglab.matching reads it).
    """

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        PLACE = "place", _("At a place")

    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    prototype = models.TextField(_("the prototype"), max_length=3000)
    tasks = models.TextField(_("what testers will do"), max_length=3000)
    mode = models.CharField(_("where"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    place = models.CharField(_("place"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day of testing"))
    ends_on = models.DateField(_("last day of testing"))
    testers_wanted = models.PositiveSmallIntegerField(
        _("number of testers"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    criteria = models.JSONField(_("who may take part"), default=dict, blank=True)
    include_minors = models.BooleanField(
        _("minors (13–17) may take part"),
        default=False,
        help_text=_("Only if the test suits young people; their guardian's consent is your responsibility."),
    )
    incentive = models.CharField(_("thank-you for testers"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT)
    staff_note = models.TextField(_("note from staff"), max_length=3000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("test campaign")
        verbose_name_plural = _("test campaigns")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-submitted_at"], name="livinglab_campaign_queue"),
            models.Index(fields=["organisation", "-created_at"], name="livinglab_campaign_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="livinglab_campaign_dates_in_order"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("livinglab:campaign_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self):
        return self.status in {CampaignStatus.DRAFT, CampaignStatus.RETURNED}

    @property
    def is_recruiting(self):
        return self.status in {CampaignStatus.APPROVED, CampaignStatus.RECRUITING}

    @property
    def takes_new_places(self):
        """Whether the owner may change the number of testers: after approval, until the test is over."""
        return self.status in {CampaignStatus.APPROVED, CampaignStatus.RECRUITING, CampaignStatus.RUNNING}

    @property
    def takes_feedback(self):
        return self.status in {CampaignStatus.RUNNING, CampaignStatus.FINISHED}


class QuotaAttribute(models.TextChoices):
    AGE_BAND = "age_band", _("age")
    GENDER = "gender", _("gender")
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    OCCUPATION = "occupation", _("occupation")
    DIGITAL_SKILL = "digital_skill", _("digital skills")


class Quota(models.Model):
    """A rule for the mix of testers: at least N with a value, or at most a share with any one value.

    "At least 10 aged 60–74": attribute age_band, value "60-74", minimum 10. "At most half
    from one district": attribute district, value "", maximum_percent 50.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="quotas")
    attribute = models.CharField(_("profile field"), max_length=20, choices=QuotaAttribute.choices)
    value = models.CharField(_("value"), max_length=100, blank=True)
    minimum = models.PositiveSmallIntegerField(_("at least"), null=True, blank=True)
    maximum_percent = models.PositiveSmallIntegerField(
        _("at most, per cent"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum__isnull=False) | models.Q(maximum_percent__isnull=False),
                name="livinglab_quota_has_a_bound",
            ),
        ]

    def __str__(self):
        return f"{self.get_attribute_display()} {self.value}"


class Question(models.Model):
    """A question of a campaign: a screener asked before joining, or feedback asked after the test.

    `text` is translated; a choice question's options are QuestionOption rows. A screener's
    accepted answers are the options marked `is_accepted`.
    """

    class Purpose(models.TextChoices):
        SCREENER = "screener", _("Screener")
        FEEDBACK = "feedback", _("Feedback")

    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale from 1 to 5")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        TEXT = "text", _("Free text")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["campaign", "purpose", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def has_options(self):
        return self.kind in {self.Kind.SINGLE, self.Kind.MULTIPLE}


class QuestionOption(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("answer"), max_length=200)
    is_accepted = models.BooleanField(_("accepted answer"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "pk"]

    def __str__(self):
        return self.label


def new_pseudonym():
    # Random, never derived from the person: it must not link campaigns or reveal an id.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "T-" + "".join(secrets.choice(alphabet) for _ in range(6))


class Participation(models.Model):
    """A panellist's place in a campaign, from the invitation on.

    One row per panellist and campaign (a unique constraint), so that no one is ever invited
    twice to the same campaign, whoever presses the button and however often.
    """

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Taking part")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        SCREENED_OUT = "screened_out", _("Did not fit the test")
        LEFT = "left", _("Left the test")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    panellist = models.ForeignKey(Panellist, on_delete=models.CASCADE, related_name="participations")
    pseudonym = models.CharField(_("pseudonym"), max_length=12, default=new_pseudonym)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INVITED)
    screener_answers = models.JSONField(_("screener answers"), default=dict, blank=True)
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered the invitation"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("put on the waiting list"), null=True, blank=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["campaign", "invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "panellist"], name="livinglab_participation_once"),
            models.UniqueConstraint(fields=["campaign", "pseudonym"], name="livinglab_pseudonym_unique"),
        ]
        indexes = [
            models.Index(fields=["panellist", "-invited_at"], name="livinglab_part_contact"),
            models.Index(fields=["campaign", "status"], name="livinglab_part_status"),
        ]

    def __str__(self):
        return f"{self.pseudonym} – {self.campaign}"

    def get_absolute_url(self):
        return reverse("livinglab:invitation_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        return self.status == self.Status.INVITED


class FeedbackResponse(models.Model):
    """One tester's answers to a campaign's questionnaire.

    `participation` becomes NULL when the panellist deletes their data: the answers stay,
    under the pseudonym alone, and drop out of results filtered by profile fields.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    participation = models.OneToOneField(
        Participation, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=12)
    submitted_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["campaign", "submitted_at", "pk"]

    def __str__(self):
        return f"{self.pseudonym} – {self.campaign}"


class Answer(models.Model):
    response = models.ForeignKey(FeedbackResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    scale = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    options = models.ManyToManyField(QuestionOption, blank=True, related_name="answers")
    text = models.TextField(max_length=3000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="livinglab_answer_once")]

    def __str__(self):
        return f"{self.response} – {self.question}"
