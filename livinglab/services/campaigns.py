"""A campaign's life: the owner drafts and submits it, staff approve it or return it with a note,
the owner edits and submits again; once approved it recruits, runs and finishes.

Only drafts and returned campaigns can be edited (their questions and quotas too), so what
staff approved is what panellists see.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab import notifications
from livinglab.models import Campaign, CampaignStatus, Question, QuestionOption, Quota
from livinglab.services.errors import LivingLabError

S = CampaignStatus


def _lock(campaign):
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _check_dates(data):
    if data["ends_on"] < data["starts_on"]:
        raise LivingLabError(_("The last day of testing cannot be before the first."), field="ends_on")


def create_campaign(*, organisation, actor, data, criteria) -> Campaign:
    """A draft campaign of `organisation` proposed by `actor`."""
    _check_dates(data)
    return Campaign.objects.create(organisation=organisation, proposed_by=actor, criteria=criteria, **data)


def update_campaign(campaign, *, data, criteria) -> Campaign:
    """Change a draft or returned campaign. Raises LivingLabError once it is submitted."""
    _check_dates(data)
    with transaction.atomic():
        campaign = _lock(campaign)
        _require_editable(campaign)
        for name, value in data.items():
            setattr(campaign, name, value)
        campaign.criteria = criteria
        campaign.save()
    return campaign


def _require_editable(campaign):
    if not campaign.is_editable:
        raise LivingLabError(_("This campaign is with staff or approved: it can no longer be changed."))


def submit_campaign(campaign, *, actor) -> Campaign:
    """Send a draft or returned campaign to staff for approval, and tell them."""
    with transaction.atomic():
        campaign = _lock(campaign)
        _require_editable(campaign)
        campaign.status, campaign.submitted_at = S.SUBMITTED, timezone.now()
        campaign.save(update_fields=["status", "submitted_at", "updated_at"])
        notifications.campaign_submitted(campaign)
    return campaign


def approve_campaign(campaign, *, actor, note="") -> Campaign:
    return _decide(campaign, actor=actor, to=S.APPROVED, note=note)


def return_campaign(campaign, *, actor, note) -> Campaign:
    """Send the campaign back to its owner with a note saying what to change."""
    if not note.strip():
        raise LivingLabError(_("Say what the owner should change."), field="note")
    return _decide(campaign, actor=actor, to=S.RETURNED, note=note)


def _decide(campaign, *, actor, to, note):
    with transaction.atomic():
        campaign = _lock(campaign)
        if campaign.status != S.SUBMITTED:
            raise LivingLabError(_("This campaign is not waiting for a decision."))
        campaign.status, campaign.staff_note = to, note
        campaign.decided_by, campaign.decided_at = actor, timezone.now()
        campaign.save(update_fields=["status", "staff_note", "decided_by", "decided_at", "updated_at"])
        notifications.campaign_decided(campaign)
    return campaign


def start_test(campaign, *, actor) -> Campaign:
    """Recruiting is over: the test runs, and testers can give feedback."""
    return _move(campaign, allowed={S.APPROVED, S.RECRUITING}, to=S.RUNNING)


def finish_campaign(campaign, *, actor) -> Campaign:
    """The test is over; those who took part and have not answered are asked for feedback."""
    with transaction.atomic():
        campaign = _move(campaign, allowed={S.RUNNING}, to=S.FINISHED)
        notifications.feedback_requested(campaign)
    return campaign


def _move(campaign, *, allowed, to):
    with transaction.atomic():
        campaign = _lock(campaign)
        if campaign.status not in allowed:
            raise LivingLabError(_("The campaign cannot move to “%(status)s” from here.") % {"status": to.label})
        campaign.status = to
        if to == S.FINISHED:
            campaign.finished_at = timezone.now()
        campaign.save(update_fields=["status", "finished_at", "updated_at"])
    return campaign


def add_question(campaign, *, purpose, kind, text, options) -> Question:
    """A screener or feedback question; `options` are (label_et, label_en, is_accepted) for choice questions."""
    with transaction.atomic():
        campaign = _lock(campaign)
        _require_editable(campaign)
        if kind in {Question.Kind.SINGLE, Question.Kind.MULTIPLE} and len(options) < 2:
            raise LivingLabError(_("Give at least two answers to choose from."), field="options_et")
        if purpose == Question.Purpose.SCREENER and kind not in {Question.Kind.SINGLE, Question.Kind.MULTIPLE}:
            raise LivingLabError(_("A screener question offers answers to choose from."), field="kind")
        if purpose == Question.Purpose.SCREENER and not any(accepted for _et, _en, accepted in options):
            raise LivingLabError(_("Mark at least one answer as accepted."), field="accepted")
        position = campaign.questions.filter(purpose=purpose).count()
        question = Question.objects.create(campaign=campaign, purpose=purpose, kind=kind, position=position, **text)
        QuestionOption.objects.bulk_create(
            QuestionOption(question=question, label_et=et, label_en=en, is_accepted=accepted, position=number)
            for number, (et, en, accepted) in enumerate(options)
        )
    return question


def remove_question(question) -> None:
    with transaction.atomic():
        _require_editable(_lock(question.campaign))
        question.delete()


def add_quota(campaign, *, attribute, value, minimum, maximum_percent) -> Quota:
    with transaction.atomic():
        campaign = _lock(campaign)
        _require_editable(campaign)
        if minimum is None and maximum_percent is None:
            raise LivingLabError(_("Give “at least” or “at most”."), field="minimum")
        if minimum is not None and not value:
            raise LivingLabError(_("“At least” needs the value it counts, e.g. 60–74."), field="value")
        if minimum is not None and minimum > campaign.testers_wanted:
            raise LivingLabError(_("“At least” cannot be more than the testers wanted."), field="minimum")
        return Quota.objects.create(
            campaign=campaign, attribute=attribute, value=value, minimum=minimum, maximum_percent=maximum_percent
        )


def remove_quota(quota) -> None:
    with transaction.atomic():
        _require_editable(_lock(quota.campaign))
        quota.delete()
