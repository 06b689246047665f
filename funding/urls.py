from django.urls import path

from funding.views import calls, feeds, following, news, subscriptions

app_name = "funding"

# Fixed words come before <slug:slug>; calls never get one of them as their slug (RESERVED_SLUGS).
urlpatterns = [
    path("calls/", calls.call_list, name="call_list"),
    path("calls/mine/", following.my_calls, name="my_calls"),
    path("calls/searches/", following.saved_search_create, name="saved_search_create"),
    path("calls/searches/<int:pk>/delete/", following.saved_search_delete, name="saved_search_delete"),
    path("calls/feed/rss/", feeds.CallsRssFeed(), name="calls_rss"),
    path("calls/feed/atom/", feeds.CallsAtomFeed(), name="calls_atom"),
    path("calls/deadlines.ics", feeds.calls_calendar, name="calls_calendar"),
    path("calls/deadlines/<str:token>.ics", feeds.followed_calendar, name="followed_calendar"),
    path("calls/deadlines/reset/", feeds.calendar_token_reset, name="calendar_token_reset"),
    path("calls/<slug:slug>/", calls.call_detail, name="call_detail"),
    path("calls/<slug:slug>/follow/", following.call_follow, name="call_follow"),
    path("calls/<slug:slug>/unfollow/", following.call_unfollow, name="call_unfollow"),
    path("news/", news.news_list, name="news_list"),
    path("news/feed/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("news/feed/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("news/<slug:slug>/", news.news_detail, name="news_detail"),
    path("digest/", subscriptions.preferences, name="preferences"),
]

RESERVED_SLUGS = {"mine", "searches", "feed", "deadlines", "deadlines.ics"}
