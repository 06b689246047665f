"""Organisation admins edit their organisation's profile, logo and competences, and confirm it is current."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from members import services
from members.models import Competence, FocusArea, Organisation
from members.services.organisation_profile import propose_competences
from tests.factories import CompetenceFactory, MembershipFactory, OrganisationFactory

EDIT_URL = "/en/members/tartu-mobility/edit/"
CONFIRM_URL = "/en/members/tartu-mobility/confirm/"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form_data(organisation, **changes):
    """A complete, valid POST of the edit form for the organisation as it is now."""
    data = {
        "name_et": organisation.name_et,
        "name_en": organisation.name_en or "",
        "kind": organisation.kind,
        "registry_code": organisation.registry_code or "",
        "foreign_registration": organisation.foreign_registration,
        "country": str(organisation.country),
        "city": organisation.city,
        "size_band": organisation.size_band,
        "founded_year": organisation.founded_year or "",
        "short_description_et": organisation.short_description_et or "",
        "short_description_en": organisation.short_description_en or "",
        "description_et": organisation.description_et or "",
        "description_en": organisation.description_en or "",
        "focus_areas": [area.pk for area in organisation.focus_areas.all()],
        "competences": [competence.pk for competence in organisation.competences.all()],
        "new_competences": "",
        "website": organisation.website,
        "contact_email": organisation.contact_email,
        "contact_visibility": organisation.contact_visibility,
    }
    data.update(changes)
    return data


def png_upload(name="logo.png", size=(1024, 768)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def snapshot(organisation):
    organisation = Organisation.objects.get(pk=organisation.pk)
    return (
        {k: v for k, v in vars(organisation).items() if not k.startswith("_")},
        sorted(organisation.competences.values_list("pk", flat=True)),
        sorted(organisation.focus_areas.values_list("pk", flat=True)),
    )


# --- Saving --------------------------------------------------------------------------------------


def test_org_admin_saves_the_profile_and_the_history_names_them(persona_client, organisation, org_admin):
    client = persona_client("org_admin")
    mobility = FocusArea.objects.get(slug="mobility")
    data = form_data(
        organisation,
        name_en="Tartu Mobility",
        city="Tallinn",
        founded_year=2015,
        size_band="10-49",
        focus_areas=[mobility.pk],
        website="tartu-mobility.example",
    )

    response = client.post(EDIT_URL, data)

    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    organisation.refresh_from_db()
    assert (organisation.name_en, organisation.city, organisation.founded_year) == ("Tartu Mobility", "Tallinn", 2015)
    assert organisation.website == "https://tartu-mobility.example"
    assert list(organisation.focus_areas.all()) == [mobility]
    assert organisation.history.first().history_user == org_admin


def test_staff_edit_any_organisation(persona_client, organisation, staff):
    client = persona_client("staff")

    response = client.post(EDIT_URL, form_data(organisation, city="Narva"))

    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).city == "Narva"


def test_service_records_the_actor_in_history_outside_a_request(organisation, org_admin):
    services.update_organisation_profile(organisation, actor=org_admin, data={"city": "Pärnu"})

    record = organisation.history.first()
    assert (record.city, record.history_user) == ("Pärnu", org_admin)


def test_service_refuses_someone_who_may_not_edit(organisation, other_member):
    with pytest.raises(services.MembersError):
        services.update_organisation_profile(organisation, actor=other_member, data={"city": "Pärnu"})

    assert Organisation.objects.get(pk=organisation.pk).city == "Tartu"


# --- Who may edit ---------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client, organisation):
    before = snapshot(organisation)

    response = client.post(EDIT_URL, form_data(organisation, city="Narva"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get(EDIT_URL).status_code == 302
    assert snapshot(organisation) == before


def test_plain_member_may_not_edit_their_organisation(persona_client, organisation, member):
    client = persona_client("member")
    before = snapshot(organisation)

    assert client.get(EDIT_URL).status_code == 403
    assert client.post(EDIT_URL, form_data(organisation, city="Narva")).status_code == 403
    assert snapshot(organisation) == before


def test_member_of_a_cannot_edit_b_and_b_is_unchanged(persona_client, organisation, other_organisation, org_admin):
    client = persona_client("org_admin")
    before = snapshot(other_organisation)

    response = client.post(
        "/en/members/air-sense/edit/", form_data(other_organisation, name_et="Kaaperdatud", city="Narva")
    )

    assert response.status_code == 403
    assert client.get("/en/members/air-sense/edit/").status_code == 403
    assert snapshot(other_organisation) == before


def test_other_organisations_member_gets_403_for_an_active_organisation(persona_client, organisation, other_member):
    assert persona_client("other_member").get(EDIT_URL).status_code == 403


def test_stranger_gets_404_for_an_applicant_organisation(persona_client, other_member):
    OrganisationFactory(slug="hopeful", applicant=True)

    assert persona_client("other_member").get("/en/members/hopeful/edit/").status_code == 404


# --- Bad input ----------------------------------------------------------------------------------


def test_wrong_registry_code_is_explained_next_to_the_field_and_typed_values_kept(
    persona_client, organisation, org_admin
):
    client = persona_client("org_admin")
    before = snapshot(organisation)

    response = client.post(EDIT_URL, form_data(organisation, registry_code="12345", city="Typed City"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_registry_code_errors"' in html
    assert "exactly 8 digits" in html
    assert 'value="12345"' in html
    assert 'value="Typed City"' in html
    assert 'class="error-summary"' in html
    assert snapshot(organisation) == before


def test_registry_code_of_another_organisation_is_refused_with_a_clear_message(
    persona_client, organisation, other_organisation, org_admin
):
    client = persona_client("org_admin")

    response = client.post(EDIT_URL, form_data(organisation, registry_code=other_organisation.registry_code))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Another organisation in the portal already has the registry code {other_organisation.registry_code}" in (
        html
    )
    assert Organisation.objects.get(pk=organisation.pk).registry_code == organisation.registry_code


def test_estonian_organisation_is_asked_for_its_registry_code(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, registry_code=""))

    assert "An Estonian organisation needs its registry code" in response.content.decode()
    assert Organisation.objects.get(pk=organisation.pk).registry_code == organisation.registry_code


def test_foreign_organisation_saves_a_foreign_registration_without_registry_code(
    persona_client, organisation, org_admin
):
    data = form_data(organisation, country="FI", registry_code="", foreign_registration="PRH 1234567-8")

    response = persona_client("org_admin").post(EDIT_URL, data)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.registry_code, organisation.foreign_registration) == (None, "PRH 1234567-8")


def test_registry_code_may_be_typed_with_spaces(persona_client, organisation, org_admin):
    persona_client("org_admin").post(EDIT_URL, form_data(organisation, registry_code=" 1234 5678 "))

    assert Organisation.objects.get(pk=organisation.pk).registry_code == "12345678"


def test_over_long_text_is_refused_and_kept(persona_client, organisation, org_admin):
    long_text = "Pikk tekst. " * 420  # 5040 characters

    response = persona_client("org_admin").post(
        EDIT_URL, form_data(organisation, description_et=long_text, short_description_en="x" * 301)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_description_et_errors"' in html
    assert 'id="id_short_description_en_errors"' in html
    assert "at most 5000 characters" in html
    assert long_text.strip() in html
    assert Organisation.objects.get(pk=organisation.pk).description_et != long_text


def test_html_in_descriptions_is_stored_as_text_and_shown_escaped(persona_client, organisation, org_admin):
    client = persona_client("org_admin")
    script = '<script>alert("x")</script><b>Bold</b>'

    client.post(EDIT_URL, form_data(organisation, description_en=script, name_en="<i>Tartu</i>"))

    organisation.refresh_from_db()
    assert organisation.description_en == script
    html = client.get(EDIT_URL).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "<script>alert" not in html
    assert "<i>Tartu</i>" not in html


def test_empty_post_shows_what_is_missing(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(EDIT_URL, {})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_et_errors"' in html
    assert 'class="error-summary"' in html
    assert Organisation.objects.get(pk=organisation.pk).name_et == "Tartu Liikuvus OÜ"


def test_bad_founding_year_is_explained(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, founded_year=2999))

    assert 'id="id_founded_year_errors"' in response.content.decode()


# --- Logo ---------------------------------------------------------------------------------------


def test_uploaded_logo_is_saved_as_a_small_png(persona_client, organisation, org_admin):
    data = form_data(organisation, logo=png_upload("company.jpg", size=(2000, 1000)))

    response = persona_client("org_admin").post(EDIT_URL, data)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/tartu-mobility-")
    assert organisation.logo.name.endswith(".png")
    with Image.open(organisation.logo.path) as saved:
        assert (saved.format, saved.size) == ("PNG", (512, 256))


def test_oversized_logo_is_refused_next_to_the_field(persona_client, organisation, org_admin):
    huge = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1), content_type="image/png")

    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, logo=huge, city="Kept"))

    html = response.content.decode()
    assert 'id="id_logo_errors"' in html
    assert "larger than 2 MB" in html
    assert 'value="Kept"' in html
    assert not Organisation.objects.get(pk=organisation.pk).logo


def test_text_file_renamed_png_is_refused_as_a_logo(persona_client, organisation, org_admin):
    fake = SimpleUploadedFile("logo.png", b"just some text, honest", content_type="image/png")

    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, logo=fake))

    html = response.content.decode()
    assert 'id="id_logo_errors"' in html
    assert "must be a PNG, JPEG or WebP image" in html
    assert not Organisation.objects.get(pk=organisation.pk).logo


def test_admin_removes_the_logo(persona_client, organisation, org_admin):
    client = persona_client("org_admin")
    client.post(EDIT_URL, form_data(organisation, logo=png_upload()))
    assert Organisation.objects.get(pk=organisation.pk).logo

    page = client.get(EDIT_URL).content.decode()
    response = client.post(EDIT_URL, form_data(organisation, remove_logo="on"))

    assert 'name="remove_logo"' in page
    assert response.status_code == 302
    assert not Organisation.objects.get(pk=organisation.pk).logo


# --- Competences --------------------------------------------------------------------------------


def test_proposing_mobile_apps_links_the_existing_competence_and_creates_nothing(
    persona_client, organisation, org_admin
):
    existing = CompetenceFactory(name_en="Mobile apps", name_et="Mobiilirakendused", name="Mobile apps")
    count = Competence.objects.count()

    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, new_competences="Mobile-Apps"))

    assert response.status_code == 302
    assert Competence.objects.count() == count
    assert list(organisation.competences.all()) == [existing]


def test_proposal_matches_the_estonian_name_too(organisation):
    existing = CompetenceFactory(name_en="Data analytics", name_et="Andmeanalüütika", name="Data analytics")

    found = propose_competences(["  ANDMEANALÜÜTIKA "], organisation=organisation)

    assert found == [existing]


def test_new_competence_is_proposed_unapproved_in_the_current_language(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(
        "/et/members/tartu-mobility/edit/",
        form_data(organisation, new_competences="Droonid, DROONID ,  Liikuvus-andmed"),
    )

    assert response.status_code == 302
    proposed = Competence.objects.filter(proposed_by=organisation).order_by("name_et")
    assert [(c.name_et, c.name_en, c.is_approved) for c in proposed] == [
        ("Droonid", None, False),
        ("Liikuvus-andmed", None, False),
    ]
    assert set(organisation.competences.all()) == set(proposed)


def test_proposed_competence_is_offered_only_to_the_organisation_that_proposed_it(
    persona_client, organisation, other_organisation, org_admin, staff
):
    approved = CompetenceFactory(name_en="Sensors", name="Sensors")
    propose_competences(["Road weather forecasting"], organisation=other_organisation, language="en")

    page = persona_client("org_admin").get(EDIT_URL).content.decode()
    others_page = persona_client("staff").get("/en/members/air-sense/edit/").content.decode()

    assert approved.name in page
    assert "Road weather forecasting" not in page
    assert "Road weather forecasting (proposed, waiting for the cluster staff)" in others_page


def test_too_many_proposals_at_once_are_refused(persona_client, organisation, org_admin):
    names = ", ".join(f"Skill {n}" for n in range(11))

    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, new_competences=names))

    assert 'id="id_new_competences_errors"' in response.content.decode()
    assert not Competence.objects.filter(proposed_by=organisation).exists()


# --- Live validation ----------------------------------------------------------------------------


def test_live_validation_answers_the_field_block_with_its_message_and_saves_nothing(
    persona_client, organisation, org_admin
):
    client = persona_client("org_admin")
    before = snapshot(organisation)
    data = form_data(organisation, registry_code="abc", city="Changed", _validate="registry_code")

    response = client.post(EDIT_URL, data, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<div id="org-edit-registry_code"')
    assert "exactly 8 digits" in html
    assert 'value="abc"' in html
    assert "<html" not in html
    assert "id_city" not in html
    assert "HX-Request" in response["Vary"]
    assert snapshot(organisation) == before


def test_live_validation_of_a_valid_field_shows_no_message(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(
        EDIT_URL, form_data(organisation, name_en="Fine", _validate="name_en"), headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert 'id="org-edit-name_en"' in html
    assert "field__errors" not in html


def test_live_validation_of_the_country_also_refreshes_the_registry_code(persona_client, organisation, org_admin):
    data = form_data(organisation, country="EE", registry_code="", _validate="country")

    html = persona_client("org_admin").post(EDIT_URL, data, headers={"HX-Request": "true"}).content.decode()

    assert 'id="org-edit-country"' in html
    assert '<div id="org-edit-registry_code"' in html
    assert 'hx-swap-oob="true"' in html
    assert "An Estonian organisation needs its registry code" in html


def test_live_validation_of_an_unknown_field_is_a_bad_request(persona_client, organisation, org_admin):
    response = persona_client("org_admin").post(EDIT_URL, form_data(organisation, _validate="is_staff"))

    assert response.status_code == 400


def test_live_validation_is_refused_to_people_who_may_not_edit(persona_client, organisation, member):
    response = persona_client("member").post(EDIT_URL, form_data(organisation, _validate="city"))

    assert response.status_code == 403


def test_edit_page_fields_carry_live_validation_but_the_file_input_does_not(persona_client, organisation, org_admin):
    html = persona_client("org_admin").get(EDIT_URL).content.decode()

    assert 'id="org-edit-name_et" class="org-edit__field" hx-post="/en/members/tartu-mobility/edit/"' in html
    assert """hx-vals='{"_validate": "name_et"}'""" in html
    assert '<div id="org-edit-logo" class="org-edit__field">' in html
    assert 'enctype="multipart/form-data"' in html


# --- Query counts -------------------------------------------------------------------------------


def add_choices(count):
    for n in range(count):
        CompetenceFactory()
        FocusArea.objects.create(slug=f"extra-{count}-{n}", name_et=f"Lisavaldkond {n}", name_en=f"Extra area {n}")


@pytest.mark.parametrize("choices", [10, 100])
def test_edit_page_runs_the_same_queries_with_10_or_100_choices(
    choices, persona_client, organisation, org_admin, assert_page_queries
):
    add_choices(choices)
    organisation.competences.set(Competence.objects.all()[:5])
    organisation.focus_areas.set(FocusArea.objects.all()[:5])
    persona_client("org_admin")

    response = assert_page_queries(EDIT_URL, 9)

    assert response.content.decode().count('name="competences"') == choices


# --- Confirming the profile is current ----------------------------------------------------------


def test_admin_confirms_the_profile_is_current(persona_client, organisation, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=timezone.now() - timedelta(days=400))

    response = persona_client("org_admin").post(CONFIRM_URL)

    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    organisation.refresh_from_db()
    assert timezone.now() - organisation.profile_confirmed_at < timedelta(minutes=1)
    assert organisation.history.first().history_user == org_admin


def test_staff_confirm_any_profile(persona_client, organisation, staff):
    assert persona_client("staff").post(CONFIRM_URL).status_code == 302


@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_people_who_may_not_edit_cannot_confirm(persona, persona_client, organisation, member, other_member):
    stale = timezone.now() - timedelta(days=400)
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=stale)

    response = persona_client(persona).post(CONFIRM_URL)

    assert response.status_code == 403
    assert Organisation.objects.get(pk=organisation.pk).profile_confirmed_at == stale


def test_confirming_takes_a_post(persona_client, organisation, org_admin):
    assert persona_client("org_admin").get(CONFIRM_URL).status_code == 405


def test_visitor_confirming_is_sent_to_sign_in(client, organisation):
    response = client.post(CONFIRM_URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_stale_profile_gets_a_prominent_confirm_button(persona_client, organisation, org_admin):
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=timezone.now() - timedelta(days=340))

    html = persona_client("org_admin").get(EDIT_URL).content.decode()

    assert "org-edit__confirm--due" in html
    assert "Is the profile still current?" in html
    assert '<button type="submit">Confirm the profile is current</button>' in html


def test_fresh_profile_shows_when_it_was_confirmed(persona_client, organisation, org_admin):
    confirmed = timezone.now() - timedelta(days=30)
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=confirmed)

    html = persona_client("org_admin").get(EDIT_URL).content.decode()

    assert "org-edit__confirm--due" not in html
    assert "The profile was last confirmed as current on" in html
    assert '<button type="submit" class="secondary">Confirm the profile is current</button>' in html


# --- The yearly reminder ------------------------------------------------------------------------


def test_reminder_emails_the_admins_of_a_stale_organisation_once_in_their_language(
    organisation, org_admin, member, mail_after_commit
):
    # `member` is no admin: the reminder is not for them.
    english_admin = MembershipFactory(organisation=organisation, admin=True, user__preferred_language="en").user
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=timezone.now() - timedelta(days=400))
    fresh = OrganisationFactory()
    MembershipFactory(organisation=fresh, admin=True)

    with mail_after_commit():
        first = services.remind_profile_confirmation()
    with mail_after_commit():
        second = services.remind_profile_confirmation()

    assert (first, second) == (1, 0)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([org_admin.email, english_admin.email])
    by_address = {message.to[0]: message for message in mail.outbox}
    english = by_address[english_admin.email]
    estonian = by_address[org_admin.email]
    assert english.subject == "[ESCC] Is the profile of Tartu Mobility Ltd still current?"
    assert f"{settings.SITE_URL}/en/members/tartu-mobility/edit/" in english.body
    assert '<html lang="en">' in english.alternatives[0][0]
    assert "/et/members/tartu-mobility/edit/" in estonian.body
    assert "Tartu Liikuvus OÜ" in estonian.subject
    assert '<html lang="et">' in estonian.alternatives[0][0]
