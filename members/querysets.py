"""Named reads of members' data. Pages get everything they show from a `with_*` method."""

from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Lower
from django.utils import timezone


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(membership_status="active")

    def visible_to(self, user):
        """Active members for everyone; staff see all; people see their own organisation."""
        if user.is_authenticated and user.is_staff:
            return self
        if user.is_authenticated:
            return self.filter(Q(membership_status="active") | Q(memberships__user=user)).distinct()
        return self.active()

    def stale(self, *, now=None):
        """Profiles not confirmed current for a year (never confirmed: a year since created)."""
        return self.filter(stale_condition(now=now))

    def with_directory_details(self):
        """What a directory card shows: focus areas, competences, and the staleness flag."""
        return self.prefetch_related("focus_areas", "competences").annotate(
            is_stale=Case(When(stale_condition(), then=True), default=False, output_field=models.BooleanField())
        )

    def administered_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role="admin")

    def for_directory(self):
        """The public directory: active members with their card's details, fresh profiles first, by name.

        Cards show approved competences only, as `approved_competences`.
        """
        from members.models import Competence

        return (
            self.active()
            .with_directory_details()
            # Replaces the plain competences prefetch: unapproved proposals stay off the cards.
            .prefetch_related(None)
            .prefetch_related(
                "focus_areas",
                models.Prefetch(
                    "competences", queryset=Competence.objects.filter(is_approved=True), to_attr="approved_competences"
                ),
            )
            .in_directory_order()
        )

    def in_directory_order(self, sort="name"):
        """Sort by name (in the page's language), newest member or latest update; stale profiles last.

        Stale is the stored `profile_stale` (refreshed daily), so the name order is read from
        the index `members_org_directory_<language>`.
        """
        from members.models import directory_name

        name = directory_name(self._language())
        orderings = {
            "name": [name],
            "newest": [F("member_since").desc(nulls_last=True), name],
            "updated": [F("updated_at").desc()],
        }
        return self.order_by("profile_stale", *orderings.get(sort, orderings["name"]), "pk")

    def _language(self):
        from django.conf import settings
        from django.utils.translation import get_language

        language = get_language() or settings.LANGUAGE_CODE
        return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    def matching_text(self, text):
        """Every word of `text` occurs in the names, descriptions or city, in any letter case."""
        from members.text import fold

        queryset = self
        for word in fold(text).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def in_focus_areas(self, focus_areas):
        """In at least one of the focus areas (a subquery, so no duplicate rows)."""
        through = self.model.focus_areas.through
        return self.filter(pk__in=through.objects.filter(focusarea__in=focus_areas).values("organisation_id"))

    def having_competence(self, competence):
        through = self.model.competences.through
        return self.filter(pk__in=through.objects.filter(competence=competence).values("organisation_id"))

    def places(self):
        """The distinct (country, city) pairs of these organisations: the directory's place choices."""
        return self.order_by().values_list("country", "city").distinct()

    def for_profile(self, *, with_people=False):
        """What the profile page shows: focus areas, approved competences, and people when asked.

        `with_people` adds `people`: the active persons' memberships, primary contact first.
        """
        from members.models import Competence, Membership

        lookups = [
            "focus_areas",
            models.Prefetch(
                "competences", queryset=Competence.objects.filter(is_approved=True), to_attr="approved_competences"
            ),
        ]
        if with_people:
            people = (
                Membership.objects.filter(user__is_active=True)
                .select_related("user")
                .order_by("-is_primary_contact", Lower("user__display_name"), "user__email")
            )
            lookups.append(models.Prefetch("memberships", queryset=people, to_attr="people"))
        return self.prefetch_related(*lookups)


def is_cluster_member(user):
    """Staff, or a person in an active member organisation: who may see people and contacts."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    from members.models import Membership

    return Membership.objects.filter(user=user, organisation__membership_status="active").exists()


def stale_condition(*, now=None):
    from members.models import PROFILE_CONFIRMATION_PERIOD

    before = (now or timezone.now()) - PROFILE_CONFIRMATION_PERIOD
    return Q(profile_confirmed_at__lt=before) | Q(profile_confirmed_at__isnull=True, created_at__lt=before)


def people_of(organisation):
    """The people page: each membership with its person, by name."""
    return organisation.memberships.select_related("user").order_by("user__display_name", "user__email")


def pending_invitations_of(organisation):
    return organisation.invitations.filter(status="pending").select_related("invited_by").order_by("-created_at")
