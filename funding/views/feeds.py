"""RSS/Atom feeds of news and calls (Django syndication), and iCalendar feeds of deadlines.

Feeds speak the language of their address (/et/… or /en/…), with the other language as the
fallback of each text, and every link in them is absolute. The private calendar of followed
calls is found by its secret token alone (calendar apps cannot sign in): an unknown token is a
404, whatever it looks like.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from escc.redirects import redirect_to_next
from funding import calendars
from funding.deadlines import format_deadline
from funding.models import CalendarFeed, Call, News
from funding.services.calendar import reset_calendar_token

NEWS_IN_FEED = 30
CALLS_IN_FEED = 50
FEED_MAX_AGE = 15 * 60
# secrets.token_urlsafe(32) gives 43 characters; anything else is no token of ours.
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


class _SiteFeed(Feed):
    """A feed that answers GET and HEAD only and may be cached for a while."""

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def item_title(self, item):
        return item.title

    def item_categories(self, item):
        return [area.name for area in item.focus_areas.all()]


class NewsRssFeed(_SiteFeed):
    def title(self):
        return _("Estonian Smart City Cluster: news")

    def description(self):
        return _("News from the Estonian Smart City Cluster.")

    def link(self):
        return reverse("funding:news_list")

    def items(self):
        return (
            News.objects.published()
            .select_related("author")
            .prefetch_related("focus_areas")
            .order_by("-published_at", "-pk")[:NEWS_IN_FEED]
        )

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return item.author.get_short_name() if item.author else None


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


class CallsRssFeed(_SiteFeed):
    def title(self):
        return _("Estonian Smart City Cluster: funding calls")

    def description(self):
        return _("Funding calls open to the cluster's members, newest first.")

    def link(self):
        return reverse("funding:call_list")

    def items(self):
        return (
            Call.objects.published()
            .not_closed()
            .select_related("programme")
            .prefetch_related("focus_areas")
            .order_by("-published_at", "-pk")[:CALLS_IN_FEED]
        )

    def item_description(self, item):
        lines = [item.summary, _("Programme: %(programme)s") % {"programme": item.programme.name}]
        for stage, moment in calendars.stages(item):
            when = format_deadline(moment, item)
            if stage is None:
                lines.append(_("Deadline: %(when)s") % {"when": when})
            else:
                lines.append(_("Stage %(stage)s deadline: %(when)s") % {"stage": stage, "when": when})
        if item.is_rolling:
            lines.append(_("Rolling intake: no deadline."))
        return "\n".join(lines)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.programme.name, *super().item_categories(item)]


class CallsAtomFeed(CallsRssFeed):
    feed_type = Atom1Feed
    subtitle = CallsRssFeed.description


def _calendar_response(request, calls, *, name, description, uid):
    site = get_current_site(request)
    ical = calendars.build_calendar(
        calls,
        name=name,
        description=description,
        uid=f"{uid}-{get_language()}@{site.domain}",
        host=site.domain,
        absolute_url=lambda path: add_domain(site.domain, path, request.is_secure()),
    )
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response


@require_safe
def calls_calendar(request):
    response = _calendar_response(
        request,
        calendars.calendar_calls(now=timezone.now()),
        name=_("ESCC funding deadlines"),
        description=_("Deadlines of the funding calls published by the Estonian Smart City Cluster."),
        uid="calls-deadlines",
    )
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def followed_calendar(request, token):
    feed = _feed_by_token(token)
    response = _calendar_response(
        request,
        calendars.followed_calls(feed.user_id, now=timezone.now()),
        name=_("ESCC: deadlines of the calls I follow"),
        description=_("Deadlines of the funding calls you follow on the Estonian Smart City Cluster's portal."),
        uid=f"followed-{feed.pk}",
    )
    patch_cache_control(response, private=True, max_age=FEED_MAX_AGE)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _feed_by_token(token):
    # Checked first: PostgreSQL refuses some characters (NUL) outright, and junk must be a 404.
    if not TOKEN.fullmatch(token):
        raise Http404
    try:
        # A deactivated account's address stops working with the account.
        return CalendarFeed.objects.only("pk", "user_id").get(token=token, user__is_active=True)
    except CalendarFeed.DoesNotExist:
        raise Http404 from None


@login_required
@require_POST
def calendar_token_reset(request):
    reset_calendar_token(request.user)
    messages.success(
        request, _("Your calendar has a new private address. Calendars subscribed with the old one stop updating.")
    )
    return redirect_to_next(request, "funding:my_calls")
