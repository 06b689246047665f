"""Inviting panellists to a campaign, their answers, and the places and waiting list that follow.

Every write here locks the campaign row first, so two owners pressing "invite" at once, or
an acceptance racing a decline, are served one after the other; the unique (campaign,
panellist) constraint is the last guard against inviting anyone twice.

A round of invitations asks as many people as there are places not yet taken, less the
invitations still waiting for an answer (INVITATION_ANSWER_DAYS); so a second press invites
nobody new until people answer or those invitations grow old. Accepting when every place is
taken puts the person on the waiting list; when someone with a place declines or leaves,
the longest waiting person moves up and is told.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab import matching, notifications
from livinglab.models import Campaign, CampaignStatus, Participation, Question
from livinglab.services.errors import LivingLabError

INVITATION_ANSWER_DAYS = 7

Status = Participation.Status


def _lock(campaign):
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def places_taken(campaign):
    return campaign.participations.filter(status=Status.ACCEPTED).count()


def round_size(campaign, *, now=None):
    """How many people the next round of invitations asks."""
    now = now or timezone.now()
    waiting = campaign.participations.filter(
        status=Status.INVITED, invited_at__gt=now - timedelta(days=INVITATION_ANSWER_DAYS)
    ).count()
    return max(0, campaign.testers_wanted - places_taken(campaign) - waiting)


def invite_panellists(campaign, *, actor) -> list[Participation]:
    """Invite matching panellists who fill the quotas, as many as the round allows; e-mail each.

    Raises LivingLabError unless the campaign is approved or recruiting. Returns the new
    participations (none when nobody matches or no place is free).
    """
    with transaction.atomic():
        campaign = _lock(campaign)
        if not campaign.is_recruiting:
            raise LivingLabError(_("Invitations can be sent once staff approve the campaign, until the test starts."))
        how_many = round_size(campaign)
        if how_many == 0:
            return []
        candidates = matching.invitable(campaign).values("pk", *matching.QUOTA_VALUE_FIELDS)
        holding = campaign.participations.filter(status=Status.ACCEPTED).values(
            "panellist__pk", *[f"panellist__{name}" for name in matching.QUOTA_VALUE_FIELDS]
        )
        already = [{key.removeprefix("panellist__"): value for key, value in row.items()} for row in holding]
        chosen = matching.pick(
            candidates,
            quotas=list(campaign.quotas.all()),
            wanted=campaign.testers_wanted,
            how_many=how_many,
            already=already,
        )
        try:
            with transaction.atomic():
                created = Participation.objects.bulk_create(
                    [Participation(campaign=campaign, panellist_id=row["pk"]) for row in chosen]
                )
        except IntegrityError:
            # The lock makes this unreachable for our own writers; a pseudonym collision is the
            # one-in-a-billion case left, and the owner simply presses again.
            raise LivingLabError(_("The invitations could not be sent. Please try again.")) from None
        if campaign.status == CampaignStatus.APPROVED:
            campaign.status = CampaignStatus.RECRUITING
            campaign.save(update_fields=["status", "updated_at"])
        notifications.invitations_sent(campaign, created)
    return created


def accept_invitation(participation, *, screener_answers) -> Participation:
    """The panellist takes part: a place, the waiting list, or "does not fit" after the screener.

    `screener_answers` maps each screener question's id to the chosen option ids. Raises
    LivingLabError if the invitation was already answered or recruiting is over.
    """
    with transaction.atomic():
        campaign = _lock(participation.campaign)
        participation = Participation.objects.select_for_update().get(pk=participation.pk)
        if participation.status != Status.INVITED:
            raise LivingLabError(_("You have already answered this invitation."))
        if campaign.status not in {CampaignStatus.RECRUITING, CampaignStatus.APPROVED, CampaignStatus.RUNNING}:
            raise LivingLabError(_("This test no longer takes testers."))
        now = timezone.now()
        participation.screener_answers = {str(key): sorted(value) for key, value in screener_answers.items()}
        participation.answered_at = now
        if not passes_screener(campaign, screener_answers):
            participation.status = Status.SCREENED_OUT
        elif places_taken(campaign) < campaign.testers_wanted:
            participation.status = Status.ACCEPTED
        else:
            participation.status, participation.waitlisted_at = Status.WAITLISTED, now
        participation.save(update_fields=["screener_answers", "answered_at", "status", "waitlisted_at"])
    return participation


def passes_screener(campaign, screener_answers):
    """Every screener question answered, and only with accepted answers."""
    questions = campaign.questions.filter(purpose=Question.Purpose.SCREENER).prefetch_related("options")
    for question in questions:
        chosen = set(screener_answers.get(question.pk, ()))
        accepted = {option.pk for option in question.options.all() if option.is_accepted}
        if not chosen or not chosen <= accepted:
            return False
    return True


def decline_invitation(participation) -> Participation:
    """The panellist says no, before or after accepting; a place they held goes to the waiting list."""
    with transaction.atomic():
        campaign = _lock(participation.campaign)
        participation = Participation.objects.select_for_update().get(pk=participation.pk)
        if participation.status == Status.INVITED:
            participation.status = Status.DECLINED
        elif (
            participation.status in {Status.ACCEPTED, Status.WAITLISTED} and campaign.status != CampaignStatus.FINISHED
        ):
            participation.status = Status.LEFT
        else:
            raise LivingLabError(_("There is nothing to cancel: this invitation is closed."))
        participation.answered_at = participation.answered_at or timezone.now()
        participation.save(update_fields=["status", "answered_at"])
        promote_waiting(campaign)
    return participation


def change_places(campaign, *, testers_wanted) -> list[Participation]:
    """The owner wants more (or fewer) testers once the campaign is approved; a raise moves the waiting list up.

    Never below the places already taken, nor below a quota's "at least". Returns the
    people who moved up from the waiting list.
    """
    with transaction.atomic():
        campaign = _lock(campaign)
        if not campaign.takes_new_places:
            raise LivingLabError(_("The number of testers can change while the campaign recruits or runs."))
        taken = places_taken(campaign)
        if testers_wanted < taken:
            raise LivingLabError(
                _("%(count)s testers already have a place: ask for at least that many.") % {"count": taken},
                field="testers_wanted",
            )
        largest_minimum = max((q.minimum for q in campaign.quotas.all() if q.minimum is not None), default=0)
        if testers_wanted < largest_minimum:
            raise LivingLabError(
                _("A quota asks for at least %(count)s testers.") % {"count": largest_minimum}, field="testers_wanted"
            )
        campaign.testers_wanted = testers_wanted
        campaign.save(update_fields=["testers_wanted", "updated_at"])
        return promote_waiting(campaign)


def promote_waiting(campaign) -> list[Participation]:
    """Give free places to the longest waiting people, and tell them. The caller holds the campaign's lock."""
    free = campaign.testers_wanted - places_taken(campaign)
    if free <= 0:
        return []
    moving = list(campaign.participations.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk")[:free])
    for participation in moving:
        participation.status = Status.ACCEPTED
        participation.save(update_fields=["status"])
    notifications.places_confirmed(campaign, moving)
    return moving


def leave_open_campaigns(panellist, *, keep_accepted) -> None:
    """Take the panellist out of campaigns not yet finished: open invitations always, places unless kept."""
    leaving = [Status.INVITED] if keep_accepted else [Status.INVITED, Status.ACCEPTED, Status.WAITLISTED]
    open_ones = (
        Participation.objects.filter(panellist=panellist, status__in=leaving)
        .exclude(campaign__status=CampaignStatus.FINISHED)
        .select_related("campaign")
    )
    for participation in open_ones:
        campaign = _lock(participation.campaign)
        was_holding_a_place = participation.status == Status.ACCEPTED
        participation.status = Status.DECLINED if participation.status == Status.INVITED else Status.LEFT
        participation.save(update_fields=["status"])
        if was_holding_a_place:
            promote_waiting(campaign)
