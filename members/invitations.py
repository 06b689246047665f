"""Signed, expiring links that carry an invitation's id.

The token is `django.core.signing` output (timestamped, salted) of the invitation's primary
key: nothing in it is secret, but it cannot be forged or altered, and it stops working
after `MAX_AGE`. Whether the invitation is still pending is the database's word, not the
token's: a used or withdrawn invitation refuses its link too.
"""

import enum
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import signing

from members.models import Invitation, User

SALT = "members.invitation"
MAX_AGE = timedelta(days=14)


class InvalidToken(Exception):
    """The link was altered, truncated or never ours."""


class ExpiredToken(InvalidToken):
    """The link was ours but is older than MAX_AGE."""


def make_token(invitation):
    return signing.dumps(invitation.pk, salt=SALT)


def invitation_id_from(token):
    """The invitation id a token carries; raises ExpiredToken or InvalidToken."""
    try:
        invitation_id = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(invitation_id, int) or isinstance(invitation_id, bool):
        raise InvalidToken
    return invitation_id


def invitation_for_token(token):
    """The invitation a link points at, with what its page shows; None if it no longer exists.

    Raises ExpiredToken or InvalidToken for a link that is too old or not ours.
    """
    invitation_id = invitation_id_from(token)
    return Invitation.objects.select_related("organisation", "invited_by").filter(pk=invitation_id).first()


def invited_address_has_account(invitation):
    """Whether the invited address already signs in to (or is added to) an account."""
    email = invitation.email
    return (
        User.objects.filter(email__iexact=email).exists() or EmailAddress.objects.filter(email__iexact=email).exists()
    )


class AddressMatch(enum.Enum):
    """How a signed-in account relates to the invited address."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    OTHER = "other"


def address_match(invitation, user):
    """Whether `user` holds the invited address, and whether they confirmed it.

    Only a verified address counts for accepting: anyone can add an address to their
    account, and it proves nothing until its owner confirms it.
    """
    addresses = list(EmailAddress.objects.filter(user=user, email__iexact=invitation.email))
    if any(address.verified for address in addresses):
        return AddressMatch.VERIFIED
    return AddressMatch.UNVERIFIED if addresses else AddressMatch.OTHER
