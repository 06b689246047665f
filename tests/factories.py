"""factory_boy factories shared by every app's tests."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from members.models import (
    Competence,
    Invitation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Role,
    User,
)

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.ee")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    preferred_language = "et"
    password = factory.django.Password(TEST_PASSWORD)

    class Params:
        staff = factory.Trait(is_staff=True, is_superuser=True)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        # allauth's mandatory verification: a person without a verified address cannot sign in.
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence
        django_get_or_create = ["slug"]

    name_en = factory.Sequence(lambda n: f"Competence {n}")
    name_et = factory.Sequence(lambda n: f"Oskus {n}")
    name = factory.SelfAttribute("name_en")
    slug = factory.Sequence(lambda n: f"competence-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name_et = factory.Sequence(lambda n: f"Organisatsioon {n} OÜ")
    name_en = factory.Sequence(lambda n: f"Organisation {n} Ltd")
    name = factory.SelfAttribute("name_et")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.COMPANY
    registry_code = factory.Sequence(lambda n: f"{10000000 + n}")
    short_description_et = "Nutikad lahendused linnadele."
    short_description_en = "Smart solutions for cities."
    city = "Tartu"
    country = "EE"
    contact_email = factory.Sequence(lambda n: f"info{n}@organisation.example")
    membership_status = MembershipStatus.ACTIVE
    member_since = factory.LazyFunction(lambda: timezone.localdate())
    profile_confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        applicant = factory.Trait(membership_status=MembershipStatus.APPLICANT, member_since=None)
        suspended = factory.Trait(membership_status=MembershipStatus.SUSPENDED)

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.set(extracted)

    @factory.post_generation
    def competences(self, create, extracted, **kwargs):
        if create and extracted:
            self.competences.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEMBER
    job_title = "Project manager"

    class Params:
        admin = factory.Trait(role=Role.ADMIN)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.ee")
    role = Role.MEMBER


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    organisation = factory.SubFactory(OrganisationFactory, applicant=True)
    applicant = factory.SubFactory(UserFactory)
    contact_job_title = "CEO"
    motivation = "We build mobility data platforms and want to pilot them with cities."


class ProjectFactory(factory.django.DjangoModelFactory):
    """A public project looking for partners; `lead` is the lead organisation (made if not given)."""

    class Meta:
        model = "projects.Project"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Smart bus stops {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "Bus stops that tell how full the next bus is."
    description = "We pilot **sensors** in Tartu."
    stage = "forming"
    visibility = "public"
    is_open_for_joining = True

    class Params:
        members_only = factory.Trait(visibility="members")

    @factory.post_generation
    def lead(self, create, extracted, **kwargs):
        if create:
            from projects.models import Participation

            Participation.objects.create(project=self, organisation=extracted or OrganisationFactory(), role="lead")


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.Participation"

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "partner"


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.JoinRequest"

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    direction = "request"
    proposed_role = "partner"
    message = "We can help with the sensors."


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "funding.Programme"

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = "eu"
    website = "https://programme.example.eu/"


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open now, its deadline 30 days ahead. `eligible_kinds=["company"]` lists kinds."""

    class Meta:
        model = "funding.Call"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Smart mobility call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    identifier = factory.Sequence(lambda n: f"HORIZON-CL5-2027-{n:03d}")
    programme = factory.SubFactory(ProgrammeFactory)
    summary = "Pilots of data-driven public transport."
    description = "Consortia of **at least three** partners."
    link = "https://ec.europa.eu/info/funding-tenders/"
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    # Ten days ago, or a day before a deadline further back: the deadline comes after the opening.
    opens_at = factory.LazyAttribute(
        lambda call: min(timezone.now() - timedelta(days=10), (call.deadline or timezone.now()) - timedelta(days=1))
    )
    state = "published"

    class Params:
        draft = factory.Trait(state="draft")
        rolling = factory.Trait(deadline=None)

    @factory.post_generation
    def eligible_kinds(self, create, extracted, **kwargs):
        if create and extracted:
            from funding.models import EligibleKind

            EligibleKind.objects.bulk_create([EligibleKind(call=self, kind=kind) for kind in extracted])

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.set(extracted)


class NewsFactory(factory.django.DjangoModelFactory):
    """A published news item (an hour ago)."""

    class Meta:
        model = "funding.News"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cluster news {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "What happened in the cluster."
    body = "The cluster met in **Tartu**."
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.set(extracted)


class CallFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "funding.CallFollow"

    user = factory.SubFactory(UserFactory)
    call = factory.SubFactory(CallFactory)


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "funding.SavedSearch"

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Search {n}")
    query = factory.Sequence(lambda n: f"q=mobility{n}")


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A person's digest choice: weekly, everything included, by default.

    Members already have one (funding.signals); the factory then updates it with what it is given.
    """

    class Meta:
        model = "funding.Subscription"
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    frequency = "weekly"

    @classmethod
    def _create(cls, model_class, *args, user, **kwargs):
        subscription, _created = model_class.objects.update_or_create(user=user, defaults=kwargs)
        return subscription

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.set(extracted)


def project_notification(*, recipient, kind, project, join_request=None, organisation=None, **fields):
    """An inbox row about a project, as projects.notifications.notify writes it (without the e-mail)."""
    from django.contrib.contenttypes.models import ContentType

    from messaging.models import Notification

    params = {}
    if join_request is not None:
        params["join_request"] = join_request.pk
    if organisation is not None:
        params["organisation"] = organisation.pk
    return Notification.objects.create(
        recipient=recipient,
        kind=f"projects.{kind}",
        target_type=ContentType.objects.get_for_model(project),
        target_id=project.pk,
        params=params,
        dedupe_key=f"join_request:{join_request.pk}" if join_request is not None else "",
        **fields,
    )
