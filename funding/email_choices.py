"""What funding adds to messaging: the digest and reminder unsubscribe links, and the digest's
frequency on the one e-mail settings page. Registered from FundingConfig.ready().
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from funding.models import Frequency, Subscription
from funding.services.subscriptions import subscription_for, update_subscription
from messaging import preferences, unsubscribe

DIGEST = "digest"
REMINDERS = "reminders"


def _subscription(user):
    return Subscription.objects.filter(user=user).first()


def _turn_off(user, field, value):
    """Turn one choice off; a person without a subscription gets one that is already off.

    Off from the start, so a digest signal (a new membership) does not subscribe them again.
    """
    subscription, _created = Subscription.objects.get_or_create(user=user, defaults={"frequency": Frequency.OFF})
    update_subscription(subscription, actor=None, **{field: value})


def _digest_question(user):
    frequency = getattr(_subscription(user), "frequency", Frequency.WEEKLY)
    questions = {
        Frequency.DAILY: _("Unsubscribe %(email)s from the daily digest?"),
        Frequency.MONTHLY: _("Unsubscribe %(email)s from the monthly digest?"),
    }
    return questions.get(frequency, _("Unsubscribe %(email)s from the weekly digest?")) % {"email": user.email}


def register():
    unsubscribe.register_scope(
        unsubscribe.Scope(
            key=DIGEST,
            is_subscribed=lambda user: getattr(_subscription(user), "frequency", Frequency.OFF) != Frequency.OFF,
            unsubscribe=lambda user: _turn_off(user, "frequency", Frequency.OFF),
            question=_digest_question,
            done=lambda user: _("%(email)s will get no more digests.") % {"email": user.email},
            not_subscribed=lambda user: _("%(email)s gets no digest.") % {"email": user.email},
        )
    )
    unsubscribe.register_scope(
        unsubscribe.Scope(
            key=REMINDERS,
            is_subscribed=lambda user: getattr(_subscription(user), "send_reminders", False),
            unsubscribe=lambda user: _turn_off(user, "send_reminders", False),
            question=lambda user: _("Stop deadline reminders to %(email)s?") % {"email": user.email},
            done=lambda user: _("%(email)s will get no more deadline reminders.") % {"email": user.email},
            not_subscribed=lambda user: _("%(email)s gets no deadline reminders.") % {"email": user.email},
        )
    )
    preferences.register_panel(
        preferences.Panel(
            key=DIGEST, title=_("Digest"), form_class=DigestFrequencyForm, template="funding/_digest_panel.html"
        )
    )


class DigestFrequencyForm(forms.Form):
    """How often the digest comes; what it holds is chosen on the digest's own page."""

    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect)

    def __init__(self, data=None, *, user, prefix=None):
        self.user = user
        self.subscription = subscription_for(user)
        super().__init__(data, prefix=prefix, initial={"frequency": self.subscription.frequency})

    def save(self):
        if self.cleaned_data["frequency"] != self.subscription.frequency:
            update_subscription(self.subscription, actor=self.user, frequency=self.cleaned_data["frequency"])
