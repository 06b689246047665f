"""Factories of the living lab: panellists (with consent to the terms in force), campaigns, questions."""

from datetime import timedelta

import factory
from django.utils import timezone

from livinglab.models import Campaign, CampaignStatus, Panellist, Participation, Question, QuestionOption, Quota
from tests.factories import OrganisationFactory, UserFactory


class PanellistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panellist
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    birth_year = 1985
    gender = "woman"
    municipality = "tartu"
    district = "Annelinn"
    occupation = "employed"
    languages = ["et"]
    devices = ["smartphone"]
    operating_systems = ["android"]
    digital_skill = "everyday"
    mobility = ["walking"]
    test_frequency = "quarterly"
    terms_version = 1
    consented_at = factory.LazyFunction(timezone.now)

    class Params:
        withdrawn = factory.Trait(withdrawn_at=factory.LazyFunction(timezone.now))
        stale_consent = factory.Trait(terms_version=0)

    @factory.post_generation
    def interests(self, create, extracted, **kwargs):
        if create and extracted:
            self.interests.set(extracted)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    organisation = factory.SubFactory(OrganisationFactory)
    title_et = factory.Sequence(lambda n: f"Test {n}")
    title_en = factory.Sequence(lambda n: f"Test {n}")
    title = factory.SelfAttribute("title_et")
    prototype_et = "Uus piletiäpp."
    prototype = factory.SelfAttribute("prototype_et")
    tasks_et = "Osta pilet ja anna tagasisidet."
    tasks = factory.SelfAttribute("tasks_et")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=28))
    testers_wanted = 5
    status = CampaignStatus.APPROVED

    class Params:
        draft = factory.Trait(status=CampaignStatus.DRAFT)
        submitted = factory.Trait(status=CampaignStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now))
        running = factory.Trait(status=CampaignStatus.RUNNING)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    purpose = Question.Purpose.FEEDBACK
    kind = Question.Kind.SCALE
    text_et = factory.Sequence(lambda n: f"Küsimus {n}?")
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    text = factory.SelfAttribute("text_et")

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        """`answers=[("Jah", True), ("Ei", False)]`: options with whether each is accepted."""
        for number, (label, accepted) in enumerate(extracted or []):
            QuestionOption.objects.create(
                question=self, label_et=label, label=label, is_accepted=accepted, position=number
            )


class QuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quota

    campaign = factory.SubFactory(CampaignFactory)
    attribute = "age_band"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    campaign = factory.SubFactory(CampaignFactory)
    panellist = factory.SubFactory(PanellistFactory)
