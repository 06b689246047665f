"""Staff approve proposed competences and merge duplicates into one."""

import pytest
from django.utils import translation

from members import services
from members.models import Competence
from members.services.competences import approve_competence
from tests.factories import CompetenceFactory, OrganisationFactory


@pytest.mark.django_db
def test_merging_moves_every_organisation_to_the_target_and_deletes_the_source(staff):
    source = CompetenceFactory(name_en="Mobile app", name_et="Mobiilirakendus")
    into = CompetenceFactory(name_en="Mobile development", name_et="Mobiiliarendus")
    only_source = OrganisationFactory(competences=[source])
    both = OrganisationFactory(competences=[source, into])
    only_into = OrganisationFactory(competences=[into])
    unrelated = OrganisationFactory()

    result = services.merge_competences(source, into=into, actor=staff)

    assert result == into
    assert not Competence.objects.filter(pk=source.pk).exists()
    assert set(into.organisations.all()) == {only_source, both, only_into}
    assert list(both.competences.all()) == [into]
    assert list(unrelated.competences.all()) == []


@pytest.mark.django_db
def test_a_competence_cannot_be_merged_into_itself(staff):
    competence = CompetenceFactory()
    organisation = OrganisationFactory(competences=[competence])

    with translation.override("en"), pytest.raises(services.MembersError, match="itself"):
        services.merge_competences(competence, into=competence, actor=staff)

    assert list(organisation.competences.all()) == [competence]


@pytest.mark.django_db
def test_merging_a_competence_that_was_merged_meanwhile_is_refused(staff):
    source, into, third = CompetenceFactory.create_batch(3)
    organisation = OrganisationFactory(competences=[into])
    stale_source = Competence.objects.get(pk=source.pk)
    services.merge_competences(source, into=third, actor=staff)

    with translation.override("en"), pytest.raises(services.MembersError, match="meanwhile"):
        services.merge_competences(stale_source, into=into, actor=staff)

    assert list(organisation.competences.all()) == [into]


@pytest.mark.django_db
def test_approving_a_proposed_competence_puts_it_on_the_list_once(staff):
    proposal = CompetenceFactory(is_approved=False)

    assert approve_competence(proposal, actor=staff) is True
    assert approve_competence(proposal, actor=staff) is False
    assert Competence.objects.get(pk=proposal.pk).is_approved
