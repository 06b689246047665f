"""The benchmark's dataset: the cluster at scale, written in bulk (`manage.py seed_bench --scale N`).

It lives in the top app because it fills every app below. Scale 1 is the cluster at full size:
10,000 organisations with three people each, 5,000 projects with 20,000 participations, 2,000
funding calls, 20,000 news items, 20,000 digest subscribers, 3,000 panellists and 30 test campaigns
(ten of them finished with 100 testers' answers each), 2,000 service requests with three
messages each; scale 10 is ten times that, and
a fraction (0.001) makes the suite's smoke dataset. The demo (seed_demo) comes first, for the
focus areas, competences, programmes and signed-in personas the benchmark uses.

Rows are written with bulk_create, so save() is skipped: search_text is computed here, and no
history rows are written. Every generated row is recognisable by its prefix (BENCH_PREFIX), and
a second run on a database that holds them adds nothing.
"""

import time
from datetime import timedelta
from itertools import cycle, islice

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, F, Value
from django.utils import timezone

from funding.models import Call, News, Programme, Subscription
from livinglab.models import Answer, Campaign, CampaignStatus, FeedbackResponse, Panellist, Question, QuestionOption
from livinglab.models import Participation as PanelParticipation
from livinglab.terms import terms_version_in_force
from members.models import Competence, FocusArea, Membership, MembershipStatus, Organisation, OrganisationKind, User
from members.text import search_text
from projects.models import ParticipantRole, Participation, Project, Stage
from support.models import RequestMessage, RequestStatus, Service, ServiceRequest

BENCH_PREFIX = "bench-"
BENCH_EMAIL_DOMAIN = "@bench.escc.example"
PANEL_EMAIL_DOMAIN = "@panel.bench.escc.example"
BATCH_SIZE = 2000

# What scale 1 holds.
ORGANISATIONS = 10_000
PEOPLE_PER_ORGANISATION = 3
PROJECTS = 5_000
PARTICIPATIONS_PER_PROJECT = 4
CALLS = 2_000
NEWS = 20_000
SUBSCRIBERS = 20_000
PANELLISTS = 3_000
CAMPAIGNS = 30  # every third finished, each with TESTERS_PER_CAMPAIGN answers
TESTERS_PER_CAMPAIGN = 100
SERVICE_REQUESTS = 2_000  # over the last year, each with MESSAGES_PER_REQUEST messages
MESSAGES_PER_REQUEST = 3

CITIES = [("Tallinn", "EE"), ("Tartu", "EE"), ("Pärnu", "EE"), ("Narva", "EE"), ("Helsinki", "FI"), ("Riga", "LV")]


def seed(scale=1.0, *, log=print):
    """Write the dataset for `scale`; returns {what: rows written}. Nothing if bench rows exist already."""
    if Organisation.objects.filter(slug__startswith=BENCH_PREFIX).exists():
        log("bench data is there already: nothing written (seed a fresh database for another scale)")
        return {}
    started = time.perf_counter()
    counts = {}
    with transaction.atomic():
        for name, step in [
            ("organisations", _organisations),
            ("people", _people),
            ("projects", _projects),
            ("calls", _calls),
            ("news", _news),
            ("subscribers", _subscribers),
            ("panellists", _panellists),
            ("campaigns", _campaigns),
            ("service requests", _service_requests),
        ]:
            counts[name] = step(scale)
            log(f"{name}: {counts[name]} ({time.perf_counter() - started:.1f} s)")
    return counts


def _count(base, scale):
    return max(1, round(base * scale))


def _pick(items, *, start, count):
    return list(islice(cycle(items), start % len(items), start % len(items) + count))


def _link_focus_areas(model, rows, areas):
    """One or two focus areas for each row, through the model's focus_areas table."""
    Link = model.focus_areas.through
    owner = f"{model._meta.model_name}_id"
    Link.objects.bulk_create(
        [
            Link(**{owner: row.pk, "focusarea_id": area.pk})
            for number, row in enumerate(rows)
            for area in _pick(areas, start=number, count=1 + number % 2)
        ],
        batch_size=BATCH_SIZE,
    )


def _organisations(scale):
    now = timezone.now()
    kinds = list(OrganisationKind.values)
    competences = list(Competence.objects.order_by("pk"))
    areas = list(FocusArea.objects.order_by("pk"))
    organisations = []
    for number in range(_count(ORGANISATIONS, scale)):
        city, country = CITIES[number % len(CITIES)]
        name_et, name_en = f"Pingiorganisatsioon {number}", f"Bench Organisation {number}"
        short_et, short_en = f"Nutika linna lahendused, {city}.", f"Smart city solutions, {city}."
        organisations.append(
            Organisation(
                slug=f"{BENCH_PREFIX}org-{number}",
                name=name_et,
                name_et=name_et,
                name_en=name_en,
                short_description=short_et,
                short_description_et=short_et,
                short_description_en=short_en,
                kind=kinds[number % len(kinds)],
                city=city,
                country=country,
                size_band=["1-9", "10-49", "50-249", "250+"][number % 4],
                contact_email=f"info{number}{BENCH_EMAIL_DOMAIN}",
                membership_status=MembershipStatus.ACTIVE if number % 10 else MembershipStatus.APPLICANT,
                member_since=(now - timedelta(days=30 + number % 3000)).date(),
                profile_confirmed_at=now - timedelta(days=number % 400),
                search_text=search_text(name_et, name_en, short_et, short_en, city),
            )
        )
    for organisation in organisations:
        organisation.profile_stale = organisation.is_profile_stale  # as save() would store it
    Organisation.objects.bulk_create(organisations, batch_size=BATCH_SIZE)
    _link_focus_areas(Organisation, organisations, areas)
    CompetenceLink = Organisation.competences.through
    if competences:
        CompetenceLink.objects.bulk_create(
            [
                CompetenceLink(organisation_id=organisation.pk, competence_id=competence.pk)
                for number, organisation in enumerate(organisations)
                for competence in _pick(competences, start=number * 7, count=2 + number % 2)
            ],
            batch_size=BATCH_SIZE,
        )
    return len(organisations)


def _people(scale):
    password = make_password("bench-password-not-for-use")  # hashed once: the slow part of a user
    organisations = list(
        Organisation.objects.filter(slug__startswith=BENCH_PREFIX).order_by("pk").values_list("pk", flat=True)
    )
    users = [
        User(
            email=f"person{index}{BENCH_EMAIL_DOMAIN}",
            display_name=f"Pingi Inimene {index}",
            preferred_language="en" if index % 3 == 0 else "et",
            password=password,
        )
        for index in range(len(organisations) * PEOPLE_PER_ORGANISATION)
    ]
    User.objects.bulk_create(users, batch_size=BATCH_SIZE)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True) for user in users],
        batch_size=BATCH_SIZE,
    )
    Membership.objects.bulk_create(
        [
            Membership(
                user_id=user.pk,
                organisation_id=organisations[index // PEOPLE_PER_ORGANISATION],
                role="admin" if index % PEOPLE_PER_ORGANISATION == 0 else "member",
                is_primary_contact=index % PEOPLE_PER_ORGANISATION == 0,
            )
            for index, user in enumerate(users)
        ],
        batch_size=BATCH_SIZE,
    )
    return len(users)


def _projects(scale):
    today = timezone.localdate()
    areas = list(FocusArea.objects.order_by("pk"))
    organisations = list(
        Organisation.objects.filter(slug__startswith=BENCH_PREFIX, membership_status=MembershipStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    stages = [Stage.IDEA, Stage.FORMING, Stage.RUNNING, Stage.RUNNING, Stage.COMPLETED]
    projects = []
    for number in range(_count(PROJECTS, scale)):
        title, summary = f"Pingiprojekt {number}", f"Andmepõhise linnaliikluse pilootprojekt number {number}."
        projects.append(
            Project(
                slug=f"{BENCH_PREFIX}project-{number}",
                title=title,
                summary=summary,
                language="et" if number % 3 else "en",
                stage=stages[number % len(stages)],
                visibility="members" if number % 5 == 0 else "public",
                starts_on=today - timedelta(days=number % 700),
                is_open_for_joining=number % 2 == 0,
                search_text=search_text(title, summary),
            )
        )
    Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
    _link_focus_areas(Project, projects, areas)
    roles = [ParticipantRole.LEAD] + [ParticipantRole.PARTNER] * (PARTICIPATIONS_PER_PROJECT - 1)
    taken = min(PARTICIPATIONS_PER_PROJECT, len(organisations))
    Participation.objects.bulk_create(
        [
            Participation(project_id=project.pk, organisation_id=organisation, role=role)
            for number, project in enumerate(projects)
            for organisation, role in zip(
                _pick(organisations, start=number * 3, count=taken), roles[:taken], strict=True
            )
        ],
        batch_size=BATCH_SIZE,
    )
    return len(projects)


def _calls(scale):
    now = timezone.now()
    areas = list(FocusArea.objects.order_by("pk"))
    programmes = list(Programme.objects.order_by("pk")) or [
        Programme.objects.create(slug=f"{BENCH_PREFIX}programme", name="Horizon Europe", kind="eu")
    ]
    calls = []
    for number in range(_count(CALLS, scale)):
        title_et, title_en = f"Pingi taotlusvoor {number}", f"Bench call {number}"
        summary_et, summary_en = "Targa linna lahenduste piloodid.", "Pilots of smart city solutions."
        identifier = f"BENCH-{number:05d}"
        calls.append(
            Call(
                slug=f"{BENCH_PREFIX}call-{number}",
                title=title_et,
                title_et=title_et,
                title_en=title_en,
                identifier=identifier,
                programme=programmes[number % len(programmes)],
                summary=summary_et,
                summary_et=summary_et,
                summary_en=summary_en,
                # A quarter open with deadlines ahead, the rest closed in the past three years.
                deadline=now + timedelta(days=1 + number % 120)
                if number % 4 == 0
                else now - timedelta(days=number % 1000),
                state="published",
                published_at=now - timedelta(days=number % 1100),
                search_text=search_text(title_et, title_en, identifier, summary_et, summary_en),
            )
        )
    Call.objects.bulk_create(calls, batch_size=BATCH_SIZE)
    _link_focus_areas(Call, calls, areas)
    return len(calls)


def _news(scale):
    now = timezone.now()
    items = []
    for number in range(_count(NEWS, scale)):
        title_et, title_en = f"Pingi uudis {number}", f"Bench news {number}"
        body_et, body_en = "Klaster kohtus **Tartus**.", "The cluster met in **Tartu**."
        items.append(
            News(
                slug=f"{BENCH_PREFIX}news-{number}",
                title=title_et,
                title_et=title_et,
                title_en=title_en,
                summary="Klaster kohtus Tartus.",
                summary_et="Klaster kohtus Tartus.",
                summary_en="The cluster met in Tartu.",
                body=body_et,
                body_et=body_et,
                body_en=body_en,
                published_at=now - timedelta(hours=number),
                is_featured=number % 500 == 0,
            )
        )
    News.objects.bulk_create(items, batch_size=BATCH_SIZE)
    return len(items)


def _subscribers(scale):
    people = list(User.objects.filter(email__endswith=BENCH_EMAIL_DOMAIN).order_by("pk")[: _count(SUBSCRIBERS, scale)])
    frequencies = ["weekly", "weekly", "daily", "monthly"]
    Subscription.objects.bulk_create(
        [Subscription(user=user, frequency=frequencies[index % 4]) for index, user in enumerate(people)],
        batch_size=BATCH_SIZE,
    )
    return len(people)


def _panellists(scale):
    password = make_password("bench-password-not-for-use")
    count = _count(PANELLISTS, scale)
    users = [
        User(email=f"panellist{index}{PANEL_EMAIL_DOMAIN}", display_name=f"Pingi Testija {index}", password=password)
        for index in range(count)
    ]
    User.objects.bulk_create(users, batch_size=BATCH_SIZE)
    now, version = timezone.now(), terms_version_in_force()
    municipalities = ["tallinn", "tallinn", "tartu", "tartu", "parnu", "narva", "viimsi", "elva"]
    districts = ["Kesklinn", "Annelinn", "Lasnamäe", "Karlova", "Mustamäe", ""]
    Panellist.objects.bulk_create(
        [
            Panellist(
                user_id=user.pk,
                birth_year=now.year - 16 - index % 70,
                gender=["woman", "man", "unsaid", ""][index % 4],
                municipality=municipalities[index % len(municipalities)],
                district=districts[index % len(districts)],
                occupation=["employed", "retired", "pupil", "self_employed"][index % 4],
                languages=[["et"], ["et", "en"], ["ru", "et"], ["en"]][index % 4],
                devices=[["smartphone"], ["smartphone", "laptop"], ["tablet"]][index % 3],
                operating_systems=[["android"], ["ios"], ["android", "windows"]][index % 3],
                digital_skill=["basic", "everyday", "advanced", "expert"][index % 4],
                mobility=[["walking"], ["car"], ["cycling", "public_transport"]][index % 3],
                test_frequency=["monthly", "quarterly", "yearly"][index % 3],
                terms_version=version,
                consented_at=now,
                withdrawn_at=now if index % 20 == 19 else None,
            )
            for index, user in enumerate(users)
        ],
        batch_size=BATCH_SIZE,
    )
    return count


def _campaigns(scale):
    today = timezone.localdate()
    organisations = list(
        Organisation.objects.filter(slug__startswith=BENCH_PREFIX, membership_status=MembershipStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    statuses = [CampaignStatus.FINISHED, CampaignStatus.RECRUITING, CampaignStatus.APPROVED]
    campaigns = [
        Campaign(
            organisation_id=organisations[number % len(organisations)],
            title=f"{BENCH_PREFIX}Pingikampaania {number}",
            title_et=f"{BENCH_PREFIX}Pingikampaania {number}",
            prototype="Piletiäpi prototüüp.",
            prototype_et="Piletiäpi prototüüp.",
            tasks="Osta pilet ja anna tagasisidet.",
            tasks_et="Osta pilet ja anna tagasisidet.",
            starts_on=today - timedelta(days=30),
            ends_on=today - timedelta(days=10),
            testers_wanted=TESTERS_PER_CAMPAIGN,
            criteria={"mobility": ["walking", "cycling"]} if number % 2 else {"age_band": ["30-44", "45-59", "60-74"]},
            status=statuses[number % len(statuses)],
        )
        # At least one of each status, so that the smoke run has every page to measure.
        for number in range(max(len(statuses), _count(CAMPAIGNS, scale)))
    ]
    Campaign.objects.bulk_create(campaigns, batch_size=BATCH_SIZE)
    finished = [campaign for campaign in campaigns if campaign.status == CampaignStatus.FINISHED]
    questions = []
    for campaign in finished:
        questions += [
            Question(campaign=campaign, purpose="feedback", kind="scale", text="Kui lihtne?", text_et="Kui lihtne?"),
            Question(
                campaign=campaign, purpose="feedback", kind="single", text="Kas soovitad?", text_et="Kas soovitad?"
            ),
            Question(campaign=campaign, purpose="feedback", kind="text", text="Mida muuta?", text_et="Mida muuta?"),
        ]
    Question.objects.bulk_create(questions, batch_size=BATCH_SIZE)
    options = [
        QuestionOption(question=question, label=label, label_et=label, position=position)
        for question in questions
        if question.kind == "single"
        for position, label in enumerate(["Jah", "Ei"])
    ]
    QuestionOption.objects.bulk_create(options, batch_size=BATCH_SIZE)
    panel = list(
        Panellist.objects.filter(user__email__endswith=PANEL_EMAIL_DOMAIN).order_by("pk").values_list("pk", flat=True)
    )
    participations = [
        PanelParticipation(
            campaign=campaign, panellist_id=panellist, status="accepted", pseudonym=f"B-{number}-{index}"
        )
        for number, campaign in enumerate(finished)
        for index, panellist in enumerate(_pick(panel, start=number * 37, count=min(TESTERS_PER_CAMPAIGN, len(panel))))
    ]
    PanelParticipation.objects.bulk_create(participations, batch_size=BATCH_SIZE)
    responses = [
        FeedbackResponse(campaign_id=p.campaign_id, participation=p, pseudonym=p.pseudonym) for p in participations
    ]
    FeedbackResponse.objects.bulk_create(responses, batch_size=BATCH_SIZE)
    by_campaign = {}
    for question in questions:
        by_campaign.setdefault(question.campaign_id, {})[question.kind] = question
    answers, chosen = [], []
    for index, response in enumerate(responses):
        asked = by_campaign[response.campaign_id]
        answers.append(Answer(response=response, question=asked["scale"], scale=1 + index % 5))
        answers.append(Answer(response=response, question=asked["text"], text=f"Ettepanek {index}"))
        single = Answer(response=response, question=asked["single"])
        answers.append(single)
        chosen.append(single)
    Answer.objects.bulk_create(answers, batch_size=BATCH_SIZE)
    yes_no = {}
    for option in options:
        yes_no.setdefault(option.question_id, []).append(option.pk)
    Answer.options.through.objects.bulk_create(
        [
            Answer.options.through(answer_id=answer.pk, questionoption_id=yes_no[answer.question_id][index % 3 == 0])
            for index, answer in enumerate(chosen)
        ],
        batch_size=BATCH_SIZE,
    )
    return len(campaigns)


def _service_requests(scale):
    organisations = list(
        Organisation.objects.filter(slug__startswith=BENCH_PREFIX, membership_status=MembershipStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    states, services = list(RequestStatus.values), list(Service.values)
    requests = [
        ServiceRequest(
            organisation_id=organisations[number % len(organisations)],
            service=services[number % len(services)],
            status=states[number % len(states)],
            subject=f"{BENCH_PREFIX}Abi palve {number}",
            description="Vajame abi piloodi kavandamisel.",
            target_market="Soome" if number % len(services) == 0 else "",
        )
        for number in range(_count(SERVICE_REQUESTS, scale))
    ]
    ServiceRequest.objects.bulk_create(requests, batch_size=BATCH_SIZE)
    now = timezone.now()
    # Asked over the last year; most answered within two days, the done and declined ones closed.
    bench = ServiceRequest.objects.filter(subject__startswith=BENCH_PREFIX)
    bench.update(
        created_at=ExpressionWrapper(
            Value(now) - F("pk") % 365 * Value(timedelta(days=1)), output_field=DateTimeField()
        )
    )
    bench.exclude(status=RequestStatus.NEW).update(
        first_answered_at=F("created_at") + F("pk") % 48 * Value(timedelta(hours=1))
    )
    bench.filter(status__in=[RequestStatus.DONE, RequestStatus.DECLINED]).update(
        closed_at=F("created_at") + F("pk") % 30 * Value(timedelta(days=1))
    )
    RequestMessage.objects.bulk_create(
        (
            RequestMessage(request=request, from_staff=bool(index % 2), body=f"Sõnum {index}")
            for request in requests
            for index in range(MESSAGES_PER_REQUEST)
        ),
        batch_size=BATCH_SIZE,
    )
    return len(requests)
