"""Forms of the members admin: the pages between choosing an action and running it, and checks
the plain model forms cannot make."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.models import Competence, MembershipApplication
from members.text import competence_key

REASON_MAX_LENGTH = 2000

APPROVE_BUTTON = "_approve"
REJECT_BUTTON = "_reject"


class ReasonForm(forms.Form):
    """The reason for a status change or a rejection, asked once for every selected row."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
    )

    def __init__(self, *args, required=True, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        self.fields["reason"].help_text = help_text
        if required:
            self.fields["reason"].error_messages["required"] = _("Write the reason: nothing was changed without one.")


class RejectionReasonForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            required=True,
            help_text=_("The applicant receives this reason by e-mail."),
            **kwargs,
        )
        self.fields["reason"].label = _("Reason for rejection")


class MergeCompetencesForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Competence.objects.order_by("name_et", "name_en"),
        help_text=_(
            "Organisations tagged with a selected competence get this one instead; "
            "the selected competences are then deleted."
        ),
    )


class CompetenceAdminForm(forms.ModelForm):
    """Renaming a competence recomputes its normalised name, which must stay unique."""

    class Meta:
        model = Competence
        fields = ["name", "slug", "is_approved", "proposed_by"]

    def clean(self):
        cleaned = super().clean()
        name_en, name_et = cleaned.get("name_en"), cleaned.get("name_et")
        key = competence_key(name_en or name_et or "")
        if not key:
            return cleaned
        twin = Competence.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if twin is not None:
            message = _(
                "“%(twin)s” already has this name (spelling, case and plurals aside). "
                "Merge the two competences from the list instead of renaming."
            ) % {"twin": twin}
            self.add_error("name_en" if name_en else "name_et", ValidationError(message, code="duplicate"))
        return cleaned


class ApplicationDecisionForm(forms.ModelForm):
    """The application's change page: every field is read-only, staff approve or reject.

    Which button was pressed is read from the submitted data; a rejection needs a reason.
    """

    decision_reason = forms.CharField(
        label=_("Reason for rejection"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("Needed to reject; the applicant receives it by e-mail."),
    )

    class Meta:
        model = MembershipApplication
        fields = []

    @property
    def decision(self):
        if REJECT_BUTTON in self.data:
            return "reject"
        if APPROVE_BUTTON in self.data:
            return "approve"
        return None

    def clean(self):
        cleaned = super().clean()
        if self.decision is None:
            raise ValidationError(_("Choose Approve or Reject."), code="no_decision")
        if self.decision == "reject" and not cleaned.get("decision_reason", "").strip():
            self.add_error(
                "decision_reason",
                ValidationError(_("Write the reason for rejecting: the applicant receives it."), code="required"),
            )
        return cleaned
