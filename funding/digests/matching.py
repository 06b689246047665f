"""A saved calls search evaluated in Python, so a digest batch matches every search without a query each.

The parameters are those of funding.filters.CallFilter (the calls list's query string):

    q               text, case-folded, matched against Call.search_text (every word must occur)
    status          forthcoming | open | closing_soon | closed (several allowed)
    programme       Programme slug (several allowed)
    programme_kind  eu | national | regional | private (several allowed)
    focus_area      FocusArea slug (several allowed; any of them)
    eligible_for    an OrganisationKind value: calls listing it, or listing no kind
    deadline_before a date (YYYY-MM-DD): the next deadline falls on or before it (Tallinn date)
    sort            ordering only; ignored when matching

As on the calls list, a parameter whose value does not parse (a status that is no status, a
slug of no programme, a date that is no date, a text over 100 characters) is left out, as if
it were not there, and unknown parameters are ignored; nothing raises. No status chosen means
every status but closed. Only the first MAX_WORDS words of the text count.
"""

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone

from funding.models import CallStatus, ProgrammeKind
from members.models import OrganisationKind
from members.text import fold

TALLINN = ZoneInfo("Europe/Tallinn")
MAX_WORDS = 10
MAX_TEXT_LENGTH = 100
DEFAULT_STATUSES = frozenset({CallStatus.FORTHCOMING, CallStatus.OPEN, CallStatus.CLOSING_SOON})


@dataclass(frozen=True)
class SearchCriteria:
    words: tuple = ()
    statuses: frozenset = DEFAULT_STATUSES
    programmes: frozenset = frozenset()
    programme_kinds: frozenset = frozenset()
    focus_areas: frozenset = frozenset()
    eligible_for: str = ""
    deadline_before: date | None = None

    @classmethod
    def from_query(cls, query_string, *, programme_slugs=None, focus_area_slugs=None):
        """The criteria of a query string such as "q=mobility&status=open&focus_area=mobility".

        `programme_slugs` and `focus_area_slugs` are the slugs that exist: a search naming
        another one has that parameter left out, as the calls list leaves it out. Without
        them every slug is taken at its word.
        """
        try:
            params = QueryDict(query_string or "")
        except Exception:  # noqa: BLE001 - a stored search must never break a digest run
            return cls()
        return cls(
            words=_words(params.get("q", "")),
            statuses=_choices(params.getlist("status"), set(CallStatus.values)) or DEFAULT_STATUSES,
            programmes=_choices(params.getlist("programme"), programme_slugs),
            programme_kinds=_choices(params.getlist("programme_kind"), set(ProgrammeKind.values)),
            focus_areas=_choices(params.getlist("focus_area"), focus_area_slugs),
            eligible_for=params.get("eligible_for", "")
            if params.get("eligible_for") in OrganisationKind.values
            else "",
            deadline_before=_date(params.get("deadline_before", "")),
        )

    def matches(self, call, *, now):
        """Does `call` (loaded with programme, focus_areas and eligible_kinds) meet every criterion?"""
        if self.words and not all(word in call.search_text for word in self.words):
            return False
        if call.status(now) not in self.statuses:
            return False
        if self.programmes and call.programme.slug not in self.programmes:
            return False
        if self.programme_kinds and call.programme.kind not in self.programme_kinds:
            return False
        if self.focus_areas and not {area.slug for area in call.focus_areas.all()} & self.focus_areas:
            return False
        if self.eligible_for and not call.is_open_to([self.eligible_for]):
            return False
        if self.deadline_before:
            deadline = call.next_deadline(now)
            if deadline is None or timezone.localtime(deadline, TALLINN).date() > self.deadline_before:
                return False
        return True


def _words(text):
    text = text.strip()
    if len(text) > MAX_TEXT_LENGTH:
        return ()
    return tuple(fold(text).split()[:MAX_WORDS])


def _choices(values, allowed=None):
    """Every value must be a choice, or the parameter is left out (as the form field rejects it)."""
    values = {value.strip() for value in values if value.strip()}
    if not values or (allowed is not None and not values <= set(allowed)):
        return frozenset()
    return frozenset(values)


def _date(value):
    """A date as the calls list's date field reads it; anything else is no date."""
    if not value or not value.strip():
        return None
    try:
        return forms.DateField().clean(value)
    except ValidationError:
        return None
