"""The digest preferences form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from funding.models import Frequency, Subscription
from members.models import FocusArea

INCLUDE_FIELDS = [
    "include_calls",
    "include_saved_searches",
    "include_news",
    "include_projects",
    "include_activity",
    "send_reminders",
]


class SubscriptionForm(forms.ModelForm):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Daily at 07:00, weekly on Monday at 08:00, or monthly on the 1st at 08:00 (Tallinn time). "
            "“Off” stops the digest; deadline reminders are chosen below."
        ),
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.order_by("position", "slug"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to hear about every focus area."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), required=False, widget=forms.RadioSelect)

    class Meta:
        model = Subscription
        fields = ["frequency", *INCLUDE_FIELDS, "focus_areas", "language"]
        labels = {
            "include_calls": _("New funding calls"),
            "include_saved_searches": _("New calls matching my saved searches"),
            "include_news": _("News from the cluster"),
            "include_projects": _("Projects looking for partners that fit my organisation"),
            "include_activity": _("Activity in the projects I take part in"),
            "send_reminders": _("Deadline reminders for the calls I follow (7 days and 1 day before)"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        account_language = dict(settings.LANGUAGES).get(user.preferred_language, user.preferred_language)
        self.fields["language"].choices = [
            ("", gettext("My account's language (%(language)s)") % {"language": gettext(account_language)}),
            *[(code, gettext(name)) for code, name in settings.LANGUAGES],
        ]
        # Sent as an empty value, "my account's language" must still show as the chosen radio.
        self.initial.setdefault("language", "")

    def include_fields(self):
        return [self[name] for name in INCLUDE_FIELDS]

    def changes(self):
        """The cleaned choices, as update_subscription takes them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
