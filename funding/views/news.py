"""The news list and a news item's page. Drafts and scheduled items are seen only by staff who edit news."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.lists import paginate
from escc.page_cache import cached_for_visitors
from funding import permissions
from funding.filters import NewsFilter
from funding.models import News

FEATURED_COUNT = 3


@require_GET
@cached_for_visitors
def news_list(request):
    """Published news, newest first; the latest featured items stand above the list on the first page."""
    filterset = NewsFilter(request.GET, queryset=News.objects.published().prefetch_related("focus_areas"))
    news = filterset.qs.order_by("-published_at", "-pk")
    featured = list(news.filter(is_featured=True)[:FEATURED_COUNT])
    # Featured items stand on top of the first page and are not repeated in the list below them.
    page_obj, page_range = paginate(request, news.exclude(pk__in=[item.pk for item in featured]))
    context = {
        "form": filterset.form,
        "featured": featured if page_obj.number == 1 else [],
        "page_obj": page_obj,
        "page_range": page_range,
    }
    return render(request, "funding/news_list.html", context)


@require_GET
@cached_for_visitors
def news_detail(request, slug):
    news = permissions.get_news_for(
        request.user, slug, queryset=News.objects.select_related("author").prefetch_related("focus_areas")
    )
    context = {"news": news, "can_edit": permissions.can_edit_news(request.user)}
    return render(request, "funding/news_detail.html", context)
