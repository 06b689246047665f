"""What a signed-in person keeps: the calls they follow and the calls searches they save.

Every function here is idempotent: following twice is one follow, unfollowing a call one
does not follow changes nothing, and saving the same search twice keeps one row.
"""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from funding.models import Call, CallFollow, SavedSearch

# The parameters a saved search keeps (funding.filters.CallFilter's, without the sort order).
SEARCH_PARAMETERS = ("q", "status", "programme", "programme_kind", "focus_area", "eligible_for", "deadline_before")
MAX_SAVED_SEARCHES = 25
MAX_QUERY_LENGTH = SavedSearch._meta.get_field("query").max_length


class FollowingError(Exception):
    """A follow or a saved search that breaks a rule; the message says why, translated."""


def follow_call(call, *, user):
    """Follow a published call: it joins the person's calendar feed and deadline reminders."""
    if call.state != Call.State.PUBLISHED:
        raise FollowingError(_("Only published calls can be followed."))
    follow, _created = CallFollow.objects.get_or_create(user=user, call=call)
    return follow


def unfollow_call(call, *, user):
    """Stop following a call; nothing happens if the person did not follow it."""
    CallFollow.objects.filter(user=user, call=call).delete()


def normalise_query(query):
    """The search's filters as a canonical query string: only CallFilter's parameters, sorted, no page or sort.

    Two query strings with the same filters in another order give the same string, so the
    same search is saved once.
    """
    params = QueryDict(query or "")
    pairs = sorted(
        {(key, value.strip()) for key in SEARCH_PARAMETERS for value in params.getlist(key) if value.strip()}
    )
    return urlencode(pairs)


def save_search(*, user, name, query):
    """Save a calls search under a name; returns (search, created).

    The same filters saved again return the search already saved (created is False), so a
    double submit or a second try keeps one row. Raises FollowingError for a search without
    filters, one too long to keep, or when the person already keeps too many.
    """
    normalised = normalise_query(query)
    if not normalised:
        raise FollowingError(_("Choose at least one filter before saving the search."))
    if len(normalised) > MAX_QUERY_LENGTH:
        raise FollowingError(_("This search has too many filters to save. Remove some and try again."))
    existing = SavedSearch.objects.filter(user=user, query=normalised).first()
    if existing is not None:
        return existing, False
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise FollowingError(
            _("You can keep at most %(count)d saved searches. Delete one you no longer need first.")
            % {"count": MAX_SAVED_SEARCHES}
        )
    try:
        with transaction.atomic():
            return SavedSearch.objects.create(user=user, name=name.strip(), query=normalised), True
    except IntegrityError:
        # The same search saved at the same moment by a second request.
        return SavedSearch.objects.get(user=user, query=normalised), False


def delete_saved_search(search, *, user):
    """Delete one of the person's saved searches; another person's is left alone."""
    SavedSearch.objects.filter(pk=search.pk, user=user).delete()
