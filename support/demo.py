"""Demo data of the service requests for `manage.py seed_demo`: requests in every state, with threads.

Runs after the members seeder (requests belong to its organisations and people). Requests are
found by subject, and what exists is left as it is, so a second run writes nothing; rows are
written directly, not through the services, so seeding queues no e-mail.
"""

from datetime import timedelta

from django.utils import timezone

from members.models import Organisation, User
from support.models import RequestMessage, RequestStatus, Service, ServiceRequest

STAFF = "staff@escc.example"

# organisation slug, asked by, service, target market, subject, description, state, days ago, with the agency, thread
REQUESTS = [
    (
        "tartu-mobility",
        "mari@tartu-mobility.example",
        Service.INTERNATIONALISATION,
        "Soome",
        "Sisenemine Soome ühistranspordi turule",
        "Soovime pakkuda oma piletiäppi Soome linnadele. Vajame kontakte Helsingi ja Tampere transpordiametites.",
        RequestStatus.IN_PROGRESS,
        12,
        True,
        [
            (STAFF, "Aitäh! Võtame ühendust Enterprise Europe Networki Soome partneritega ja anname teada."),
            ("mari@tartu-mobility.example", "Suurepärane, ootame."),
        ],
    ),
    (
        "tartu-mobility",
        "mari@tartu-mobility.example",
        Service.FUNDING_ADVICE,
        "",
        "Nõu Horizon Europe taotluseks",
        "Kas meie konsortsium sobib linnaliikuvuse taotlusvooru? Vajame hinnangut partnerite koosseisule.",
        RequestStatus.WAITING_FOR_MEMBER,
        6,
        False,
        [(STAFF, "Palun saatke partnerite nimekiri ja nende rollid, siis saame hinnata.")],
    ),
    (
        "tartu-ulikool",
        "jaan@ut-research.example",
        Service.PILOT_SITE,
        "",
        "Pilootala õhukvaliteedi anduritele",
        "Otsime Tartus tänavalõiku, kus paigaldada 20 andurit kolmeks kuuks.",
        RequestStatus.NEW,
        1,
        False,
        [],
    ),
    (
        "citysense",
        "anna@citysense.example",
        Service.INNOVATION_MANAGEMENT,
        "",
        "Product roadmap review",
        "We would like a session on turning our sensor pilot into a product for municipalities.",
        RequestStatus.DONE,
        40,
        False,
        [(STAFF, "We met on Tuesday; the notes are in your inbox. Closing this request.")],
    ),
    (
        "citysense",
        "anna@citysense.example",
        Service.OTHER,
        "",
        "Booth at a trade fair",
        "Can the cluster pay for our booth at a trade fair?",
        RequestStatus.DECLINED,
        25,
        False,
        [(STAFF, "Unfortunately the cluster does not fund booths; see the funding calls for trade-mission support.")],
    ),
]


def seed_support(*, scale=1):
    people = {user.email: user for user in User.objects.filter(email__in=_emails())}
    organisations = Organisation.objects.in_bulk([row[0] for row in REQUESTS], field_name="slug")
    existing = set(ServiceRequest.objects.values_list("subject", flat=True))
    now = timezone.now()
    for slug, asker, service, market, subject, description, status, days_ago, agency, thread in REQUESTS:
        if subject in existing or slug not in organisations:
            continue
        asked = now - timedelta(days=days_ago)
        request = ServiceRequest.objects.create(
            organisation=organisations[slug],
            requested_by=people.get(asker),
            service=service,
            target_market=market,
            subject=subject,
            description=description,
            language="en" if slug == "citysense" else "et",
            status=status,
            with_agency=agency,
            assignee=people.get(STAFF) if status != RequestStatus.NEW else None,
        )
        for number, (author, body) in enumerate(thread):
            message = RequestMessage.objects.create(
                request=request,
                author=people.get(author),
                from_staff=author == STAFF,
                body=body,
                language="en" if slug == "citysense" else "et",
            )
            RequestMessage.objects.filter(pk=message.pk).update(created_at=asked + timedelta(hours=5 + 20 * number))
        first_staff = next((number for number, (author, _body) in enumerate(thread) if author == STAFF), None)
        ServiceRequest.objects.filter(pk=request.pk).update(
            created_at=asked,
            first_answered_at=asked + timedelta(hours=5 + 20 * first_staff) if first_staff is not None else None,
            closed_at=asked + timedelta(days=3) if status in {RequestStatus.DONE, RequestStatus.DECLINED} else None,
        )
    return [f"  Service requests: {ServiceRequest.objects.count()} (staff queue at /et/services/queue/)."]


def _emails():
    return {STAFF} | {row[1] for row in REQUESTS} | {author for row in REQUESTS for author, _body in row[9]}
