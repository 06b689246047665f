"""The e-mail settings form: one choice of channel per registered notification kind."""

from django import forms

from messaging import kinds, preferences


class NotificationPreferencesForm(forms.Form):
    """One radio group per kind: e-mail and the inbox, the inbox only, or off where the kind allows it."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = preferences.channels_of(user)
        for kind in kinds.all_kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label, choices=kind.channels, initial=chosen[kind.key], widget=forms.RadioSelect
            )

    def groups(self):
        """[(app name, [bound fields])], in the order of kinds.by_app()."""
        return [(app_name, [self[kind.key] for kind in app_kinds]) for app_name, app_kinds in kinds.by_app()]

    def save(self):
        preferences.set_preferences(self.user, self.cleaned_data)
