from django.urls import path

from livinglab.views import campaigns, invitations, panel, results, staff

app_name = "livinglab"

urlpatterns = [
    path("", panel.home, name="home"),
    path("terms/", panel.terms, name="terms"),
    path("panel/join/", panel.panel_join, name="panel_join"),
    path("panel/joined/", panel.panel_joined, name="panel_joined"),
    path("panel/", panel.panel_profile, name="panel_profile"),
    path("panel/invitations/", panel.panel_invitations, name="panel_invitations"),
    path("panel/consent/", panel.consent_renew, name="consent"),
    path("panel/withdraw/", panel.panel_withdraw, name="panel_withdraw"),
    path("panel/export/", panel.panel_export, name="panel_export"),
    path("panel/delete/", panel.panel_delete, name="panel_delete"),
    path("invitations/<int:pk>/", invitations.invitation_detail, name="invitation_detail"),
    path("invitations/<int:pk>/decline/", invitations.invitation_decline, name="invitation_decline"),
    path("invitations/<int:pk>/feedback/", invitations.feedback_form, name="feedback_form"),
    path("campaigns/", campaigns.campaign_list, name="campaign_list"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign_create"),
    path("campaigns/queue/", staff.campaign_queue, name="campaign_queue"),
    path("panel/overview/", staff.panel_overview, name="panel_overview"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/submit/", campaigns.campaign_submit, name="campaign_submit"),
    path("campaigns/<int:pk>/decide/", staff.campaign_decide, name="campaign_decide"),
    path("campaigns/<int:pk>/invite/", campaigns.campaign_invite, name="campaign_invite"),
    path("campaigns/<int:pk>/places/", campaigns.campaign_places, name="campaign_places"),
    path("campaigns/<int:pk>/start/", campaigns.campaign_start, name="campaign_start"),
    path("campaigns/<int:pk>/finish/", campaigns.campaign_finish, name="campaign_finish"),
    path("campaigns/<int:pk>/results/", results.campaign_results, name="campaign_results"),
    path("campaigns/<int:pk>/results.csv", results.campaign_results_csv, name="campaign_results_csv"),
    path(
        "campaigns/<int:pk>/results/<int:question_pk>.svg",
        results.campaign_results_chart,
        name="campaign_results_chart",
    ),
    path("campaigns/<int:pk>/questions/<slug:purpose>/new/", campaigns.question_add, name="question_add"),
    path("campaigns/<int:pk>/questions/<int:question_pk>/remove/", campaigns.question_remove, name="question_remove"),
    path("campaigns/<int:pk>/quotas/new/", campaigns.quota_add, name="quota_add"),
    path("campaigns/<int:pk>/quotas/<int:quota_pk>/remove/", campaigns.quota_remove, name="quota_remove"),
]
