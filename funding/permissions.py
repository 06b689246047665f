"""Who may see and change what in funding. Every view asks here.

Published calls and news are public. Drafts (and news scheduled for later) exist only for
staff who may edit them, who see them as a preview; to anyone else they are a 404, so an
unpublished call cannot be probed. A saved search is its owner's alone.
"""

from django.http import Http404

from funding.models import Call, News, SavedSearch


def can_edit_calls(user):
    return user.is_authenticated and user.is_staff and user.has_perm("funding.change_call")


def can_edit_news(user):
    return user.is_authenticated and user.is_staff and user.has_perm("funding.change_news")


def get_call_for(user, slug, queryset=None):
    """A published call; a draft too for staff who may edit calls (their preview)."""
    queryset = queryset if queryset is not None else Call.objects.all()
    if not can_edit_calls(user):
        queryset = queryset.published()
    call = queryset.filter(slug=slug).first()
    if call is None:
        raise Http404
    return call


def get_news_for(user, slug, queryset=None):
    """A published news item; drafts and scheduled items too for staff who may edit news."""
    queryset = queryset if queryset is not None else News.objects.all()
    if not can_edit_news(user):
        queryset = queryset.published()
    news = queryset.filter(slug=slug).first()
    if news is None:
        raise Http404
    return news


def get_saved_search_for(user, pk):
    """One of the person's own saved searches; anyone else's is a 404."""
    search = SavedSearch.objects.filter(pk=pk, user=user).first() if user.is_authenticated else None
    if search is None:
        raise Http404
    return search
