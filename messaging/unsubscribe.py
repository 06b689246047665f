"""Signed one-click unsubscribe links and the List-Unsubscribe headers of every e-mail we send in bulk.

A token is `django.core.signing` output of the person's id and a scope. Scopes are registered
by the apps that send such e-mails (funding registers "digest" and "reminders" from its
AppConfig); messaging's own, "notifications", makes every notification kind inbox-only.
Account e-mails (sign-in codes, password resets, invitations) carry no link: they are sent
because the person just asked for them.

A token never expires (RFC 8058: a link in an old e-mail must still work), cannot be forged
or altered, and says nothing secret. The link is what the e-mail carries in its body and in
List-Unsubscribe; mail clients POST to it with `List-Unsubscribe=One-Click` and no CSRF
token, so the signature is the protection.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from messaging import preferences
from messaging.models import Channel

# The links already in people's mailboxes were signed with this salt when funding owned them.
SALT = "funding.unsubscribe"

NOTIFICATIONS = "notifications"


@dataclass(frozen=True)
class Scope:
    """What one kind of link turns off, and the sentences of its confirmation page.

    `question`, `done` and `not_subscribed` are callables of the person returning the
    sentence in the active language; `is_subscribed(user)` and `unsubscribe(user)` do the
    work (unsubscribing twice changes nothing).
    """

    key: str
    is_subscribed: object
    unsubscribe: object
    question: object
    done: object
    not_subscribed: object
    explanation: object = _("You can subscribe again at any time on your e-mail settings page.")


_SCOPES = {}


def register_scope(scope):
    _SCOPES[scope.key] = scope
    return scope


def scope(key):
    return _SCOPES[key]


class InvalidToken(Exception):
    """The link was altered, truncated, never ours, names an unknown scope, or its person is gone."""


def make_token(user, scope_key):
    """The same token for the same person and scope, always: a signature without a timestamp."""
    if scope_key not in _SCOPES:
        raise ValueError(f"unknown unsubscribe scope {scope_key!r}")
    return signing.Signer(salt=SALT).sign_object([user.pk, scope_key])


def read_token(token):
    """(user id, scope key) a token carries; raises InvalidToken."""
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError) as error:
        # ValueError: signed by us but not JSON of the expected shape (an older format).
        raise InvalidToken from error
    match value:
        case [int() as user_id, str() as key] if key in _SCOPES and not isinstance(user_id, bool) and user_id > 0:
            return user_id, key
    raise InvalidToken


def person_for_token(token):
    """(user, scope) of a link; raises InvalidToken."""
    user_id, key = read_token(token)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise InvalidToken
    return user, _SCOPES[key]


def unsubscribe_url(user, scope_key, *, language=None):
    """The absolute one-click link, under the person's language prefix (/et/… or /en/…)."""
    with translation.override(language or user.preferred_language):
        path = reverse("messaging:unsubscribe", kwargs={"token": make_token(user, scope_key)})
    return settings.SITE_URL.rstrip("/") + path


def list_unsubscribe_headers(user, scope_key, *, language=None):
    """The RFC 2369 / RFC 8058 headers: mail clients show an unsubscribe button that POSTs the link."""
    return unsubscribe_headers(unsubscribe_url(user, scope_key, language=language))


def unsubscribe_headers(link):
    """The headers for an unsubscribe link already made (by unsubscribe_url)."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _notifications_by_email(user):
    return bool(preferences.kinds_by_email(user))


def _notifications_to_inbox(user):
    preferences.set_preferences(user, dict.fromkeys(preferences.kinds_by_email(user), Channel.SITE))


register_scope(
    Scope(
        key=NOTIFICATIONS,
        is_subscribed=_notifications_by_email,
        unsubscribe=_notifications_to_inbox,
        question=lambda user: _("Stop notification e-mails to %(email)s?") % {"email": user.email},
        done=lambda user: (
            _("%(email)s will get no more notification e-mails; they stay in the inbox on the site.")
            % {"email": user.email}
        ),
        not_subscribed=lambda user: _("%(email)s gets no notification e-mails.") % {"email": user.email},
        explanation=_(
            "The notifications stay in your inbox on the site. You can have them e-mailed again on your "
            "notification settings page."
        ),
    )
)
