from django.urls import path

from members.views import applications, directory, organisation_edit, organisations, people, profile

app_name = "members"

urlpatterns = [
    path("me/", profile.profile_edit, name="profile_edit"),
    path("members/", directory.directory, name="directory"),
    path("members/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("members/<slug:slug>/edit/", organisation_edit.organisation_edit, name="organisation_edit"),
    path("members/<slug:slug>/confirm/", organisation_edit.organisation_confirm, name="organisation_confirm"),
    path("members/<slug:slug>/people/", people.people_list, name="people_list"),
    path("members/<slug:slug>/people/invite/", people.invitation_create, name="invitation_create"),
    path("members/<slug:slug>/people/<int:membership_id>/", people.membership_edit, name="membership_edit"),
    path("members/<slug:slug>/people/<int:membership_id>/remove/", people.membership_remove, name="membership_remove"),
    path(
        "members/<slug:slug>/invitations/<int:invitation_id>/withdraw/",
        people.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/<str:token>/", people.invitation_accept, name="invitation_accept"),
    path("join/", applications.application_create, name="application_create"),
    path("join/sent/", applications.application_sent, name="application_sent"),
]
