"""Forms for joining projects, deciding requests, handing over the lead, and notification choices.

Forms parse and offer sensible choices; the rules (an open project, no duplicate pending
request, no request from a participant) live in projects.services and come back as
ProjectError, which the views show next to the form.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from projects.models import (
    JOINABLE_ROLES,
    ParticipantRole,
    Participation,
)
from projects.permissions import organisations_acting_for

MESSAGE_HELP = _("What your organisation brings and what it hopes for. Plain text.")


def _role_field(label):
    return forms.ChoiceField(label=label, choices=JOINABLE_ROLES, initial=ParticipantRole.PARTNER)


class JoinRequestForm(forms.Form):
    """A person asks on behalf of one of their active organisations that is not yet a participant.

    With a single such organisation the choice is a hidden field and `fixed_organisation`
    names it; the page then says on whose behalf the person asks.
    """

    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), to_field_name="slug"
    )
    proposed_role = _role_field(_("Proposed role"))
    message = forms.CharField(
        label=_("Message to the project's lead"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MESSAGE_HELP,
    )

    def __init__(self, *args, user, project, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(
            Organisation.objects.filter(pk__in=organisations_acting_for(user))
            .exclude(pk__in=Participation.objects.filter(project=project).values("organisation_id"))
            .order_by("name", "pk")
        )
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in choices])
        self.organisation_choices = choices
        self.fixed_organisation = choices[0] if len(choices) == 1 else None
        if self.fixed_organisation:
            field.widget = forms.HiddenInput()
            self.initial.setdefault("organisation", self.fixed_organisation.slug)
        else:
            field.empty_label = _("Choose an organisation")


class InvitationForm(forms.Form):
    """The lead invites an active member organisation that neither takes part nor is already asked."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation to invite"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=_("Choose an organisation"),
        help_text=_("Active cluster members that do not take part and have no open request or invitation."),
    )
    proposed_role = _role_field(_("Proposed role"))
    message = forms.CharField(
        label=_("Message to the organisation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why you invite them and what the project needs from them. Plain text."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = (
            Organisation.objects.active()
            .exclude(pk__in=Participation.objects.filter(project=project).values("organisation_id"))
            .exclude(pk__in=project.join_requests.pending().values("organisation_id"))
            .order_by("name", "pk")
        )
        self.fields["organisation"].queryset = candidates
        self.has_candidates = candidates.exists()


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the other side"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: they see it in their notification. Plain text."),
    )


class PartnerRoleForm(forms.Form):
    """The lead gives a partner another role; the current one is preselected."""

    role = forms.ChoiceField(label=_("Role in the project"), choices=JOINABLE_ROLES)


class LeadHandoverForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("New lead"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=_("Choose a participant"),
        help_text=_("Its admins then manage the project: they edit it and answer requests."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = Organisation.objects.filter(
            pk__in=Participation.objects.filter(project=project)
            .exclude(role=ParticipantRole.LEAD)
            .values("organisation_id")
        ).order_by("name", "pk")
        self.fields["organisation"].queryset = candidates
        self.has_candidates = candidates.exists()
