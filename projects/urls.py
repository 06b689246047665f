from django.urls import path
from django.views.generic import RedirectView

from projects.views import browse, dashboard, editing, joining, partners, suggestions

app_name = "projects"

# Fixed words come before <slug:slug>; create_project never gives a project one of them.
urlpatterns = [
    path("", browse.project_list, name="project_list"),
    path("new/", editing.project_create, name="project_create"),
    path("mine/", dashboard.dashboard, name="dashboard"),
    # The inbox and its settings moved to messaging; links in e-mails already sent still arrive.
    path(
        "notifications/",
        RedirectView.as_view(pattern_name="messaging:inbox", permanent=True),
        name="notification_list_moved",
    ),
    path(
        "notifications/settings/",
        RedirectView.as_view(pattern_name="messaging:preferences", permanent=True),
        name="notification_preferences_moved",
    ),
    path("requests/<int:pk>/accept/", joining.join_request_accept, name="join_request_accept"),
    path("requests/<int:pk>/decline/", joining.join_request_decline, name="join_request_decline"),
    path("requests/<int:pk>/withdraw/", joining.join_request_withdraw, name="join_request_withdraw"),
    path("<slug:slug>/", browse.project_detail, name="project_detail"),
    path("<slug:slug>/edit/", editing.project_edit, name="project_edit"),
    path("<slug:slug>/partner-search/", editing.partner_search_update, name="partner_search_update"),
    path("<slug:slug>/updates/new/", editing.update_create, name="update_create"),
    path("<slug:slug>/join/", joining.join_request_create, name="join_request_create"),
    path("<slug:slug>/invite/", joining.invitation_create, name="invitation_create"),
    path("<slug:slug>/participants/<int:pk>/leave/", joining.participation_leave, name="participation_leave"),
    path("<slug:slug>/partners/<int:pk>/remove/", partners.partner_remove, name="partner_remove"),
    path("<slug:slug>/partners/<int:pk>/role/", partners.partner_role, name="partner_role"),
    path("<slug:slug>/lead/", joining.lead_handover, name="lead_handover"),
    path("<slug:slug>/suggestions/", suggestions.partner_suggestions, name="partner_suggestions"),
]

RESERVED_SLUGS = {"new", "mine", "notifications", "requests"}
