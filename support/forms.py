from django import forms
from django.utils.translation import gettext_lazy as _

from funding.interface import Call
from members.models import Organisation, User
from projects.interface import Project
from support.models import RequestMessage, RequestStatus, Service, ServiceRequest


class RequestForm(forms.ModelForm):
    """A member's request; `organisation_ids` are the organisations the person may ask for."""

    class Meta:
        model = ServiceRequest
        fields = ["organisation", "service", "target_market", "subject", "description", "project", "call"]
        widgets = {"call": forms.HiddenInput}

    def __init__(self, *args, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
        if len(organisation_ids) == 1:
            self.fields["organisation"].initial = organisation_ids[0]
        self.fields["project"].queryset = (
            Project.objects.filter(participations__organisation_id__in=organisation_ids).distinct().order_by("title")
        )
        self.fields["project"].help_text = _("Optional: the project of yours the help is for.")
        self.fields["project"].empty_label = _("No project")
        self.fields["call"].queryset = Call.objects.published()
        self.fields["description"].widget.attrs["rows"] = 8

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("service") == Service.INTERNATIONALISATION and not cleaned.get("target_market", "").strip():
            self.add_error("target_market", _("Say which market or country you want to go to."))
        return cleaned

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "organisation"}


class MessageForm(forms.ModelForm):
    class Meta:
        model = RequestMessage
        fields = ["body"]
        labels = {"body": _("Your message")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("State"), choices=RequestStatus.choices)
    assignee = forms.ModelChoiceField(
        label=_("Handled by"), queryset=User.objects.none(), required=False, empty_label=_("Nobody yet")
    )
    with_agency = forms.BooleanField(label=_("With the innovation agency"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(is_staff=True, is_active=True).order_by("display_name")
