"""What a signed-in person keeps: followed calls, saved searches, and the page listing both."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from funding import permissions
from funding.forms import SavedSearchForm
from funding.models import Call
from funding.services import following
from funding.services.calendar import calendar_feed_for


@login_required
@require_GET
def my_calls(request):
    user = request.user
    feed = calendar_feed_for(user)
    context = {
        "calls": Call.objects.published()
        .filter(follows__user=user)
        .with_status()
        .select_related("programme")
        .by_nearest_deadline(),
        "searches": user.saved_searches.order_by("name", "pk"),
        "calendar_url": settings.SITE_URL + reverse("funding:followed_calendar", kwargs={"token": feed.token}),
    }
    return render(request, "funding/my_calls.html", context)


@login_required
@require_POST
def call_follow(request, slug):
    call = permissions.get_call_for(request.user, slug)
    try:
        following.follow_call(call, user=request.user)
    except following.FollowingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You follow this call: its deadlines are in your calendar feed and you will be reminded of them."),
        )
    return redirect(call)


@login_required
@require_POST
def call_unfollow(request, slug):
    call = permissions.get_call_for(request.user, slug)
    following.unfollow_call(call, user=request.user)
    messages.success(request, _("You no longer follow this call."))
    return redirect(call)


@login_required
@require_POST
def saved_search_create(request):
    form = SavedSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the search a name (at most 100 characters) to save it."))
        return redirect(_call_list_url(request.POST.get("query", "")))
    try:
        search, created = following.save_search(
            user=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
        )
    except following.FollowingError as error:
        messages.error(request, str(error))
        return redirect(_call_list_url(form.cleaned_data["query"]))
    if created:
        messages.success(
            request,
            _("Search saved. New calls that match it come in your e-mail digest, unless the digest is off."),
        )
    else:
        messages.info(request, _("You have already saved this search as “%(name)s”.") % {"name": search.name})
    return redirect(search.get_absolute_url())


@login_required
@require_POST
def saved_search_delete(request, pk):
    search = permissions.get_saved_search_for(request.user, pk)
    following.delete_saved_search(search, user=request.user)
    messages.success(request, _("The saved search “%(name)s” is deleted.") % {"name": search.name})
    return redirect("funding:my_calls")


def _call_list_url(query):
    normalised = following.normalise_query(query)
    return reverse("funding:call_list") + (f"?{normalised}" if normalised else "")
