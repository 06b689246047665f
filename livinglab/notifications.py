"""What the living lab tells people, through messaging: the kinds, who is told, the inbox's sentences.

Panellists hear about their own invitations and places; owners (the proposer and their
organisation's admins) about their campaign's decision; staff about campaigns waiting for
them. No notification to an owner names a panellist. E-mails come from
`templates/emails/livinglab_<kind>_*`, in each recipient's language.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from livinglab.models import Campaign, Participation
from members.models import Role, User
from messaging import kinds
from messaging import notifications as messaging


class Kind(TextChoices):
    INVITATION_RECEIVED = "invitation_received", _("An invitation to test a prototype")
    PLACE_CONFIRMED = "place_confirmed", _("A place in a test became free for you")
    FEEDBACK_REQUESTED = "feedback_requested", _("A test you took part in asks for your feedback")
    FEEDBACK_REMINDER = "feedback_reminder", _("A reminder to give feedback on a test you took part in")
    CAMPAIGN_SUBMITTED = "campaign_submitted", _("A test campaign waits for approval")
    CAMPAIGN_DECIDED = "campaign_decided", _("Staff decided on your test campaign")


# Somebody has to answer these: they may go inbox-only, never off.
MUST_ARRIVE = {Kind.INVITATION_RECEIVED, Kind.PLACE_CONFIRMED, Kind.CAMPAIGN_SUBMITTED}


def key(kind):
    return f"livinglab.{kind}"


def _to_panellists(kind, participations):
    """Notify each participation's panellist; returns the notifications created (a repeat creates none)."""
    created = []
    rows = Participation.objects.filter(pk__in=[p.pk for p in participations]).select_related(
        "panellist__user", "campaign__organisation"
    )
    for participation in rows:
        created += messaging.notify(
            key(kind),
            recipients=[participation.panellist.user],
            target=participation,
            dedupe_key=f"participation:{participation.pk}",
            email_context={"participation": participation, "campaign": participation.campaign},
        )
    return created


def invitations_sent(campaign, participations):
    _to_panellists(Kind.INVITATION_RECEIVED, participations)


def places_confirmed(campaign, participations):
    _to_panellists(Kind.PLACE_CONFIRMED, participations)


def feedback_requested(campaign):
    waiting = campaign.participations.filter(status=Participation.Status.ACCEPTED, response__isnull=True)
    _to_panellists(Kind.FEEDBACK_REQUESTED, list(waiting))


def feedback_reminded(participations):
    return _to_panellists(Kind.FEEDBACK_REMINDER, participations)


def owners(campaign):
    """The proposer and the admins of the campaign's organisation."""
    admins = User.objects.filter(
        is_active=True, memberships__organisation_id=campaign.organisation_id, memberships__role=Role.ADMIN
    )
    return [campaign.proposed_by, *admins.order_by("pk")]


def campaign_submitted(campaign):
    staff = User.objects.filter(is_active=True, is_staff=True).order_by("pk")
    messaging.notify(
        key(Kind.CAMPAIGN_SUBMITTED), recipients=staff, target=campaign, email_context={"campaign": campaign}
    )


def campaign_decided(campaign):
    messaging.notify(
        key(Kind.CAMPAIGN_DECIDED),
        recipients=owners(campaign),
        target=campaign,
        params={"status": campaign.status},
        email_context={"campaign": campaign},
    )


def prepare_inbox(notifications):
    """Load the campaigns and participations of a page of notifications: two queries."""
    participations = Participation.objects.select_related("campaign").in_bulk(
        {n.target_id for n in notifications if not n.kind.startswith("livinglab.campaign_")}
    )
    campaigns = Campaign.objects.in_bulk(
        {n.target_id for n in notifications if n.kind.startswith("livinglab.campaign_")}
    )
    for notification in notifications:
        notification.short_kind = notification.kind.removeprefix("livinglab.")
        notification.participation = participations.get(notification.target_id)
        notification.campaign = (
            campaigns.get(notification.target_id)
            if notification.short_kind.startswith("campaign_")
            else getattr(notification.participation, "campaign", None)
        )


INBOX = kinds.InboxRenderer(template="livinglab/_notification_item.html", prepare=prepare_inbox)


def register():
    for kind in Kind:
        kinds.register(
            key(kind),
            label=kind.label,
            email_template=f"livinglab_{kind.value}",
            inbox=INBOX,
            may_turn_off=kind not in MUST_ARRIVE,
        )
