"""Signed one-click unsubscribe links and the List-Unsubscribe headers of every e-mail we send in bulk.

A token is `django.core.signing` output of the person's id and a scope: "digest" turns the
digest off (Subscription.frequency = off), "reminders" turns deadline reminders off,
"notifications" turns project notification e-mails into inbox-only notifications.
Account e-mails (sign-in codes, password resets, invitations) carry no link: they are sent
because the person just asked for them. It
never expires (RFC 8058: a link in an old e-mail must still work), cannot be forged or
altered, and says nothing secret. The link is what the e-mail carries in its body and in
List-Unsubscribe; mail clients POST to it with `List-Unsubscribe=One-Click` and no CSRF
token, so the signature is the protection.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from funding.models import Frequency, Subscription
from members.models import User
from projects.models import NotificationKind, NotificationPreference
from projects.notifications import set_preferences

SALT = "funding.unsubscribe"


class Scope:
    DIGEST = "digest"
    REMINDERS = "reminders"
    NOTIFICATIONS = "notifications"


SCOPES = {Scope.DIGEST, Scope.REMINDERS, Scope.NOTIFICATIONS}


class InvalidToken(Exception):
    """The link was altered, truncated, never ours, or its person is gone."""


def make_token(user, scope):
    """The same token for the same person and scope, always: a signature without a timestamp."""
    if scope not in SCOPES:
        raise ValueError(f"unknown unsubscribe scope {scope!r}")
    return signing.Signer(salt=SALT).sign_object([user.pk, scope])


def read_token(token):
    """(user id, scope) a token carries; raises InvalidToken."""
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError) as error:
        # ValueError: signed by us but not JSON of the expected shape (an older format).
        raise InvalidToken from error
    match value:
        case [int() as user_id, str() as scope] if scope in SCOPES and not isinstance(user_id, bool) and user_id > 0:
            return user_id, scope
    raise InvalidToken


def person_for_token(token):
    """(user, scope) of a link, the user with their subscription loaded; raises InvalidToken."""
    user_id, scope = read_token(token)
    user = User.objects.filter(pk=user_id, is_active=True).select_related("subscription").first()
    if user is None:
        raise InvalidToken
    return user, scope


def unsubscribe_url(user, scope, *, language=None):
    """The absolute one-click link, under the person's language prefix (/et/… or /en/…)."""
    if language is None:
        subscription = Subscription.objects.filter(user=user).first()
        language = subscription.digest_language if subscription else user.preferred_language
    with translation.override(language):
        path = reverse("funding:unsubscribe", kwargs={"token": make_token(user, scope)})
    return settings.SITE_URL.rstrip("/") + path


def list_unsubscribe_headers(user, scope, *, language=None):
    """The RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that POSTs the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, scope, language=language)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def is_subscribed(user, subscription, scope):
    if scope == Scope.NOTIFICATIONS:
        return bool(notification_kinds_by_email(user))
    if subscription is None:
        return False
    if scope == Scope.REMINDERS:
        return subscription.send_reminders
    return subscription.frequency != Frequency.OFF


def notification_kinds_by_email(user):
    """The project notification kinds that still reach the person by e-mail (no row: e-mail)."""
    inbox_only = set(
        NotificationPreference.objects.filter(user=user, channel=NotificationPreference.Channel.SITE).values_list(
            "kind", flat=True
        )
    )
    return [kind for kind in NotificationKind.values if kind not in inbox_only]


def unsubscribe(user, scope):
    """Turn off what the link names; doing it again changes nothing. Returns the subscription.

    A person without a subscription row gets one that is already off, so a digest signal
    (a new membership) does not subscribe them again.
    """
    if scope == Scope.NOTIFICATIONS:
        set_preferences(user, dict.fromkeys(NotificationKind.values, NotificationPreference.Channel.SITE))
        return getattr(user, "subscription", None)
    subscription, _created = Subscription.objects.get_or_create(user=user, defaults={"frequency": Frequency.OFF})
    if scope == Scope.REMINDERS:
        subscription.send_reminders = False
        subscription.save(update_fields=["send_reminders", "updated_at"])
    else:
        subscription.frequency = Frequency.OFF
        subscription.save(update_fields=["frequency", "updated_at"])
    return subscription
