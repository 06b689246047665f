"""Permission-matrix rows for the living lab: the panel's pages, invitations, campaigns and staff's queue.

Campaigns belong to `organisation` (tartu-mobility): its member and admin manage them, staff
see and decide every one, anybody else gets 404. Panel pages are the panellist's own: a
signed-in person who is not on the panel gets 404, as does anyone for somebody else's
invitation.
"""

from livinglab.models import CampaignStatus, Participation
from members.models import FocusArea
from tests.livinglab.factories import CampaignFactory, ParticipationFactory, QuestionFactory, QuotaFactory
from tests.site.matrix_common import Row, everyone, visitor_then

OWNERS = {"member", "org_admin", "staff"}
PANELLIST_ONLY = {"visitor": 302, "member": 404, "org_admin": 404, "other_member": 404, "staff": 404, "panellist": 200}
OWNERS_GET = {"visitor": 302, "member": 200, "org_admin": 200, "other_member": 404, "staff": 200, "panellist": 404}
OWNERS_POST = {"visitor": 302, "member": 302, "org_admin": 302, "other_member": 404, "staff": 302, "panellist": 404}
STAFF_ONLY = {"visitor": 302, "member": 403, "org_admin": 403, "other_member": 403, "staff": 200, "panellist": 403}


def _panellist_write(status=302):
    return {**PANELLIST_ONLY, "panellist": status}


def _signed_in_get_only():
    return visitor_then(302, 405)


def campaign(fixture, **fields):
    made = CampaignFactory(organisation=fixture("organisation"), **fields)
    return {"pk": made.pk}


def draft(fixture):
    return campaign(fixture, status=CampaignStatus.DRAFT)


def draft_with_question(fixture):
    made = CampaignFactory(organisation=fixture("organisation"), status=CampaignStatus.DRAFT)
    return {"pk": made.pk, "question_pk": QuestionFactory(campaign=made).pk}


def draft_with_quota(fixture):
    made = CampaignFactory(organisation=fixture("organisation"), status=CampaignStatus.DRAFT)
    return {"pk": made.pk, "quota_pk": QuotaFactory(campaign=made, value="60-74", minimum=1).pk}


def finished_with_a_scale_question(fixture):
    made = CampaignFactory(organisation=fixture("organisation"), status=CampaignStatus.FINISHED)
    return {"pk": made.pk, "question_pk": QuestionFactory(campaign=made).pk}


def finished(fixture):
    return {"pk": finished_with_a_scale_question(fixture)["pk"]}


def feedback_question(fixture):
    return {**draft(fixture), "purpose": "feedback"}


def invitation(fixture, **fields):
    panellist = fixture("panellist").panellist
    made = CampaignFactory(organisation=fixture("organisation"), status=CampaignStatus.RECRUITING)
    return {"pk": ParticipationFactory(campaign=made, panellist=panellist, **fields).pk}


def place_in_running_test(fixture):
    panellist = fixture("panellist").panellist
    made = CampaignFactory(organisation=fixture("organisation"), status=CampaignStatus.RUNNING)
    QuestionFactory(campaign=made)
    return {"pk": ParticipationFactory(campaign=made, panellist=panellist, status=Participation.Status.ACCEPTED).pk}


def campaign_data(fixture):
    return {
        "organisation": fixture("organisation").pk,
        "title_et": "Bussipeatuse ekraan",
        "prototype_et": "Ekraan näitab busside tegelikku saabumisaega.",
        "tasks_et": "Oota bussi ja ütle, kas ekraan aitas.",
        "mode": "online",
        "starts_on": "2031-05-01",
        "ends_on": "2031-05-14",
        "testers_wanted": "8",
        "criteria_age_band": ["60-74"],
    }


def join_data(fixture):
    return {
        "birth_year": "1980",
        "municipality": "tartu",
        "occupation": "employed",
        "languages": ["et"],
        "digital_skill": "everyday",
        "test_frequency": "quarterly",
        "interests": [FocusArea.objects.get(slug="mobility").pk],
        "display_name": "Uus Kodanik",
        "email": "uus.kodanik@example.ee",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "consent": "on",
        "terms_version": "1",
    }


PROFILE = {
    "birth_year": "1979",
    "municipality": "tallinn",
    "occupation": "retired",
    "languages": ["et", "en"],
    "digital_skill": "basic",
    "test_frequency": "yearly",
}

NOT_YET_ON_THE_PANEL = {"visitor", "member", "org_admin", "other_member", "staff"}

ROWS = {
    "livinglab:home": Row(get=everyone(200), post=everyone(405)),
    "livinglab:terms": Row(get=everyone(200), post=everyone(405)),
    # Everyone not on the panel may join (a visitor with a new account); a panellist is sent to their page.
    "livinglab:panel_join": Row(
        get={**everyone(200), "panellist": 302},
        post={**everyone(302)},
        post_data=join_data,
        writers=NOT_YET_ON_THE_PANEL,
    ),
    "livinglab:panel_joined": Row(get=everyone(200), post=everyone(405)),
    "livinglab:panel_profile": Row(
        get=PANELLIST_ONLY, post=_panellist_write(), post_data=PROFILE, writers={"panellist"}
    ),
    "livinglab:panel_invitations": Row(get=PANELLIST_ONLY, post=_signed_in_get_only()),
    "livinglab:consent": Row(
        get=PANELLIST_ONLY,
        post=_panellist_write(),
        post_data={"consent": "on", "terms_version": "1"},
        writers={"panellist"},
    ),
    "livinglab:panel_withdraw": Row(
        get=PANELLIST_ONLY, post=_panellist_write(), post_data={"keep_running": "no"}, writers={"panellist"}
    ),
    "livinglab:panel_export": Row(get=PANELLIST_ONLY, post=_signed_in_get_only()),
    "livinglab:panel_delete": Row(
        get=PANELLIST_ONLY, post=_panellist_write(), post_data={"confirm": "on"}, writers={"panellist"}
    ),
    "livinglab:invitation_detail": Row(
        get=PANELLIST_ONLY, post=_panellist_write(), kwargs=invitation, writers={"panellist"}
    ),
    "livinglab:invitation_decline": Row(
        get=_signed_in_get_only(), post=_panellist_write(), kwargs=invitation, writers={"panellist"}
    ),
    "livinglab:feedback_form": Row(
        get=PANELLIST_ONLY, post=_panellist_write(), kwargs=place_in_running_test, writers={"panellist"}
    ),
    # Everyone signed in sees their organisations' campaigns (none, for most personas).
    "livinglab:campaign_list": Row(get=visitor_then(302, 200), post=visitor_then(302, 405)),
    # The data names tartu-mobility: the member of another organisation gets the form back.
    "livinglab:campaign_create": Row(
        get={"visitor": 302, "member": 200, "org_admin": 200, "other_member": 200, "staff": 403, "panellist": 403},
        post={"visitor": 302, "member": 302, "org_admin": 302, "other_member": 200, "staff": 403, "panellist": 403},
        post_data=campaign_data,
        writers={"member", "org_admin"},
    ),
    # Who is not staff is refused before the method is looked at.
    "livinglab:campaign_queue": Row(get=STAFF_ONLY, post={**STAFF_ONLY, "staff": 405}),
    "livinglab:panel_overview": Row(get=STAFF_ONLY, post={**STAFF_ONLY, "staff": 405}),
    "livinglab:campaign_detail": Row(get=OWNERS_GET, post=visitor_then(302, 405), kwargs=draft),
    "livinglab:campaign_edit": Row(
        get=OWNERS_GET, post=OWNERS_POST, kwargs=draft, post_data=campaign_data, writers=OWNERS
    ),
    "livinglab:campaign_submit": Row(get=_signed_in_get_only(), post=OWNERS_POST, kwargs=draft, writers=OWNERS),
    "livinglab:campaign_decide": Row(
        get=STAFF_ONLY,
        post={**STAFF_ONLY, "staff": 302},
        kwargs=lambda fixture: campaign(fixture, status=CampaignStatus.SUBMITTED),
        post_data={"decision": "approve"},
        writers={"staff"},
    ),
    # The panellist persona is on the panel and matches anything, so every press invites them.
    "livinglab:campaign_invite": Row(get=_signed_in_get_only(), post=OWNERS_POST, kwargs=campaign, writers=OWNERS),
    "livinglab:campaign_places": Row(
        get=OWNERS_GET, post=OWNERS_POST, kwargs=campaign, post_data={"testers_wanted": "12"}, writers=OWNERS
    ),
    "livinglab:campaign_start": Row(get=_signed_in_get_only(), post=OWNERS_POST, kwargs=campaign, writers=OWNERS),
    "livinglab:campaign_finish": Row(
        get=_signed_in_get_only(),
        post=OWNERS_POST,
        kwargs=lambda fixture: campaign(fixture, status=CampaignStatus.RUNNING),
        writers=OWNERS,
    ),
    "livinglab:campaign_results": Row(get=OWNERS_GET, post=visitor_then(302, 405), kwargs=finished),
    "livinglab:campaign_results_csv": Row(get=OWNERS_GET, post=visitor_then(302, 405), kwargs=finished),
    "livinglab:campaign_results_chart": Row(
        get=OWNERS_GET, post=visitor_then(302, 405), kwargs=finished_with_a_scale_question
    ),
    "livinglab:question_add": Row(
        get=OWNERS_GET,
        post=OWNERS_POST,
        kwargs=feedback_question,
        post_data={"kind": "scale", "text_et": "Kui lihtne oli ekraani lugeda?"},
        writers=OWNERS,
    ),
    "livinglab:question_remove": Row(
        get=_signed_in_get_only(), post=OWNERS_POST, kwargs=draft_with_question, writers=OWNERS
    ),
    "livinglab:quota_add": Row(
        get=OWNERS_GET,
        post=OWNERS_POST,
        kwargs=draft,
        post_data={"attribute": "district", "value": "", "maximum_percent": "50"},
        writers=OWNERS,
    ),
    "livinglab:quota_remove": Row(get=_signed_in_get_only(), post=OWNERS_POST, kwargs=draft_with_quota, writers=OWNERS),
}
