from django.urls import path

from messaging.views import inbox, preferences, unsubscribe

app_name = "messaging"

urlpatterns = [
    path("notifications/", inbox.inbox_page, name="inbox"),
    path("notifications/read/", inbox.mark_read, name="mark_read"),
    path("notifications/settings/", preferences.preferences_page, name="preferences"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
