"""Demo data for `manage.py seed_demo`: people, organisations, applications and invitations.

Credentials are public on purpose: demo only. The dataset itself is plain data in
members/demo_data.py. Every seeder here may run again: it finds what it wrote before (by
slug, e-mail or key), changes only fields that differ and creates what is missing, so a
second run writes nothing (not even a history row). `--scale N` adds generated organisations
and people in bulk, for measuring pages at size.
"""

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from itertools import cycle, islice

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone, translation

from members import demo_data
from members.models import (
    PROFILE_CONFIRMATION_PERIOD,
    Competence,
    FocusArea,
    Invitation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from members.text import competence_key, search_text

DEMO_PASSWORD = "demo-escc-2026"

PEOPLE = [
    # e-mail, name, language, is_staff
    ("staff@escc.example", "Kadri Klastrijuht", "et", True),
    ("mari@tartu-mobility.example", "Mari Maasikas", "et", False),
    ("jaan@ut-research.example", "Jaan Tamm", "et", False),
    ("anna@citysense.example", "Anna Smith", "en", False),
]

GENERATED_SLUG_PREFIX = "demo-organisation-"
GENERATED_EMAIL_DOMAIN = "@scale.escc.example"
BATCH_SIZE = 1000

# Hashes known to match DEMO_PASSWORD, so the seeders of one run check it once (half a second each).
_checked_hashes = set()


def seed_people(*, scale=1):
    """Cluster staff and the three demo personas, with the credentials the command prints."""
    password = demo_password_hash()
    for email, name, language, is_staff in PEOPLE:
        upsert_person(email, name, language, password=password, is_staff=is_staff, is_superuser=is_staff)
    staff_email = PEOPLE[0][0]
    return [
        "Demo data loaded.",
        f"  Staff (admin):  {staff_email} / {DEMO_PASSWORD}",
        f"  Member:         {PEOPLE[1][0]} / {DEMO_PASSWORD}",
        "  Staff set up two-factor authentication on their first visit to /admin/.",
    ]


def seed_organisations(*, scale=1):
    """The member organisations, their people, applications and invitations; `scale` adds more."""
    now = timezone.now()
    password = demo_password_hash()
    known = _load_known()
    # modeltranslation writes the untranslated column in the active language: keep it Estonian.
    with translation.override(settings.LANGUAGE_CODE):
        competences = _seed_competences(known)
        focus_areas = {area.slug: area for area in FocusArea.objects.all()}
        organisations = {}
        for data in demo_data.ORGANISATIONS:
            organisation = _seed_organisation(data, known, competences=competences, focus_areas=focus_areas, now=now)
            _seed_people_of(organisation, data["people"], known, password=password)
            organisations[data["slug"]] = organisation
        staff = User.objects.get(email=PEOPLE[0][0])
        for data in demo_data.APPLICATIONS:
            applicant = upsert_person(*data["applicant"], password=password, known=known)
            _seed_application(data, organisation=organisations[data["organisation"]], applicant=applicant, staff=staff)
        for slug, email, role, invited_by in demo_data.INVITATIONS:
            _seed_invitation(organisations[slug], email, role, known["users"][(invited_by,)])
        if scale > 1:
            _seed_generated(scale, competences=list(competences.values()), password=password, now=now)
    return [*_persona_lines(), _summary_line()]


def demo_password_hash():
    """One hash of DEMO_PASSWORD for every demo person: hashing is slow, by design.

    The hash already stored for Mari is reused while it still matches, so a second run
    changes no password.
    """
    stored = User.objects.filter(email=PEOPLE[1][0]).values_list("password", flat=True).first()
    if stored and (stored in _checked_hashes or check_password(DEMO_PASSWORD, stored)):
        _checked_hashes.add(stored)
        return stored
    password = make_password(DEMO_PASSWORD)
    _checked_hashes.add(password)
    return password


def upsert_person(email, name, language, *, password, known=None, **fields):
    """The person with a verified address, so they can sign in with DEMO_PASSWORD."""
    values = {"display_name": name, "preferred_language": language, "is_active": True, "password": password}
    user, _created = _upsert(User, {"email": email}, values | fields, known=known and known["users"])
    _upsert(
        EmailAddress,
        {"user_id": user.pk, "email": email},
        {"verified": True, "primary": True},
        known=known and known["addresses"],
    )
    return user


def registry_code(first_seven_digits):
    """Append the Estonian registry code's check digit (weights 1–7, then 3–9, modulo 11)."""
    digits = [int(digit) for digit in first_seven_digits]
    for weights in (range(1, 8), range(3, 10)):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder < 10:
            return f"{first_seven_digits}{remainder}"
    return f"{first_seven_digits}0"


def _upsert(model, lookup, values, *, on_create=None, known=None):
    """Create the row, or save only the fields that differ from `values`.

    `update_or_create` would save every time, adding a history row per organisation and run.
    `on_create` holds values written only when the row is new (dates that should not move);
    `known` maps the lookup's values to rows loaded beforehand, so a row costs no SELECT.
    """
    key = tuple(lookup.values())
    instance = known.get(key) if known is not None else model.objects.filter(**lookup).first()
    if instance is None:
        instance = model.objects.create(**lookup, **values, **(on_create or {}))
        if known is not None:
            known[key] = instance
        return instance, True
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, values[field])
        instance.save(update_fields=changed)
    return instance, False


def _index(queryset, *fields):
    return {tuple(getattr(row, field) for field in fields): row for row in queryset}


def _load_known():
    """What earlier runs wrote, in a few queries, keyed as each `_upsert` looks it up."""
    slugs = [data["slug"] for data in demo_data.ORGANISATIONS]
    emails = [person[0] for data in demo_data.ORGANISATIONS for person in data["people"]]
    emails += [data["applicant"][0] for data in demo_data.APPLICATIONS]
    keys = [competence_key(name_en) for _slug, name_en, _name_et in demo_data.COMPETENCES]
    links = {"focus_areas": defaultdict(set), "competences": defaultdict(set)}
    for organisation_id, focus_area_id in Organisation.focus_areas.through.objects.filter(
        organisation__slug__in=slugs
    ).values_list("organisation_id", "focusarea_id"):
        links["focus_areas"][organisation_id].add(focus_area_id)
    for organisation_id, competence_id in Organisation.competences.through.objects.filter(
        organisation__slug__in=slugs
    ).values_list("organisation_id", "competence_id"):
        links["competences"][organisation_id].add(competence_id)
    return {
        "organisations": _index(Organisation.objects.filter(slug__in=slugs), "slug"),
        "users": _index(User.objects.filter(email__in=emails), "email"),
        "addresses": _index(EmailAddress.objects.filter(email__in=emails), "user_id", "email"),
        "memberships": _index(Membership.objects.filter(organisation__slug__in=slugs), "user_id", "organisation_id"),
        "competences": _index(Competence.objects.filter(key__in=keys), "key"),
        "links": links,
    }


def _aware(year, month, day):
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


def _seed_competences(known):
    competences = {}
    for slug, name_en, name_et in demo_data.COMPETENCES:
        competence, _created = _upsert(
            Competence,
            {"key": competence_key(name_en)},
            {"name_et": name_et, "name_en": name_en, "is_approved": True},
            on_create={"name": name_et, "slug": slug},
            known=known["competences"],
        )
        competences[slug] = competence
    return competences


def _seed_organisation(data, known, *, competences, focus_areas, now):
    fields = {
        "kind": data["kind"],
        "registry_code": data["registry_code"],
        "foreign_registration": data.get("foreign_registration", ""),
        "website": data["website"],
        "city": data["city"],
        "country": data["country"],
        "size_band": data["size_band"],
        "founded_year": data["founded_year"],
        "contact_email": data["contact_email"],
        "contact_visibility": data["contact_visibility"],
        "membership_status": data["status"],
        "member_since": data["member_since"],
        "member_until": data.get("member_until"),
        "status_changed_at": _aware(*data["status_changed_at"]) if "status_changed_at" in data else None,
    }
    for field in ("name", "short_description", "description"):
        for language in ("et", "en"):
            fields[f"{field}_{language}"] = data[f"{field}_{language}"]
    existing = known["organisations"].get((data["slug"],))
    fields["profile_confirmed_at"] = _confirmed_at(
        existing and existing.profile_confirmed_at, days_ago=data["confirmed_days_ago"], now=now
    )
    organisation, _created = _upsert(
        Organisation,
        {"slug": data["slug"]},
        fields,
        on_create={"name": data["name_et"]},
        known=known["organisations"],
    )
    for relation, chosen in [
        ("focus_areas", [focus_areas[slug] for slug in data["focus_areas"]]),
        ("competences", [competences[slug] for slug in data["competences"]]),
    ]:
        if known["links"][relation][organisation.pk] != {row.pk for row in chosen}:
            getattr(organisation, relation).set(chosen)
    return organisation


def _confirmed_at(current, *, days_ago, now):
    """Keep the stored date while it is on the intended side of the staleness line.

    Dates relative to now would change every run; fixed dates would all turn stale in a year.
    """
    is_stale_wanted = timedelta(days=days_ago) > PROFILE_CONFIRMATION_PERIOD
    if current is not None and (current < now - PROFILE_CONFIRMATION_PERIOD) == is_stale_wanted:
        return current
    return now - timedelta(days=days_ago)


def _seed_people_of(organisation, people, known, *, password):
    memberships = known["memberships"]
    for position, (email, name, language, role, job_title) in enumerate(people):
        user = upsert_person(email, name, language, password=password, known=known)
        is_primary = position == 0
        if is_primary:
            # One primary contact per organisation (a constraint): take it back from whoever has it.
            for other in memberships.values():
                if other.organisation_id == organisation.pk and other.is_primary_contact and other.user_id != user.pk:
                    other.is_primary_contact = False
                    other.save(update_fields=["is_primary_contact"])
        _upsert(
            Membership,
            {"user_id": user.pk, "organisation_id": organisation.pk},
            {"role": role, "job_title": job_title, "is_primary_contact": is_primary},
            known=memberships,
        )


def _seed_application(data, *, organisation, applicant, staff):
    is_decided = data["status"] != MembershipApplication.Status.SUBMITTED
    values = {
        "contact_job_title": data["contact_job_title"],
        "motivation": data["motivation"],
        "status": data["status"],
        "rejection_reason": data.get("rejection_reason", ""),
        "decided_by_id": staff.pk if is_decided else None,
        "decided_at": _aware(*data["decided"]) if is_decided else None,
    }
    application, created = _upsert(
        MembershipApplication, {"organisation": organisation, "applicant": applicant}, values
    )
    if created:
        # created_at is auto_now_add: date the application back once, when it is first written.
        submitted = (
            _aware(*data["submitted"]) if is_decided else timezone.now() - timedelta(days=data["submitted_days_ago"])
        )
        MembershipApplication.objects.filter(pk=application.pk).update(created_at=submitted)


def _seed_invitation(organisation, email, role, invited_by):
    # Any status counts: an invitation accepted or withdrawn in the demo is not sent again.
    if not organisation.invitations.filter(email__iexact=email).exists():
        Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=invited_by)


def _persona_lines():
    organisation_of = {person[0]: data["name_et"] for data in demo_data.ORGANISATIONS for person in data["people"]}
    return [
        f"  {label + ':':<24}{email} / {DEMO_PASSWORD} ({organisation_of[email]})"
        for label, email in demo_data.PERSONAS
    ]


def _summary_line():
    return (
        f"  Members: {Organisation.objects.count()} organisations "
        f"({Organisation.objects.active().count()} active), {User.objects.count()} people, "
        f"{MembershipApplication.objects.count()} applications, "
        f"{Invitation.objects.filter(status=Invitation.Status.PENDING).count()} pending invitations."
    )


# --scale: generated organisations and people, written in bulk.


def _seed_generated(scale, *, competences, password, now):
    """Add (scale − 1) × 28 active organisations with two people each; skip what exists.

    bulk_create skips Organisation.save(), so search_text and profile_stale are computed here; it writes the
    many-to-many rows through the through models, and no history rows.
    """
    numbers = range(1, (scale - 1) * demo_data.GENERATED_PER_SCALE + 1)
    existing = set(Organisation.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", flat=True))
    focus_areas = list(FocusArea.objects.all())
    new = [
        (number, *_generated_organisation(number, competences=competences, now=now))
        for number in numbers
        if f"{GENERATED_SLUG_PREFIX}{number}" not in existing
    ]
    for _number, organisation, _competences in new:
        organisation.profile_stale = organisation.is_profile_stale  # as save() would store it
    Organisation.objects.bulk_create([organisation for _n, organisation, _c in new], batch_size=BATCH_SIZE)
    FocusAreaLink = Organisation.focus_areas.through
    CompetenceLink = Organisation.competences.through
    FocusAreaLink.objects.bulk_create(
        [
            FocusAreaLink(organisation_id=organisation.pk, focusarea_id=area.pk)
            for number, organisation, _c in new
            for area in _pick(focus_areas, start=number, count=1 + number % 3)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    CompetenceLink.objects.bulk_create(
        [
            CompetenceLink(organisation_id=organisation.pk, competence_id=competence.pk)
            for _n, organisation, chosen in new
            for competence in chosen
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    _seed_generated_people(numbers, password=password)


def _pick(items, *, start, count):
    return list(islice(cycle(items), start % len(items), start % len(items) + count))


def _generated_organisation(number, *, competences, now):
    kinds = list(OrganisationKind.values)
    kind = kinds[number % len(kinds)]
    kind_et, kind_en = demo_data.GENERATED_KIND_WORDS[kind]
    city, country = demo_data.GENERATED_CITIES[number % len(demo_data.GENERATED_CITIES)]
    chosen = _pick(competences, start=number * 7, count=2 + number % 3)
    name_et, name_en = f"Näidisorganisatsioon {number}", f"Demo Organisation {number}"
    names_et = ", ".join(_mid_sentence(competence.name_et) for competence in chosen)
    names_en = ", ".join(_mid_sentence(competence.name_en) for competence in chosen)
    short_et = f"Näidisandmed portaali mõõtmiseks. Pädevused: {names_et}."
    short_en = f"Demo data for measuring the portal. Competences: {names_en}."
    description_et = (
        f"{name_et} on genereeritud näidisorganisatsioon, mille abil mõõdetakse portaali kiirust suure "
        f"andmemahu korral. Liik: {kind_et}. Asukoht: {city}."
    )
    description_en = (
        f"{name_en} is a generated demo organisation used to measure how fast the portal is with a lot of "
        f"data. Kind: {kind_en}. Location: {city}."
    )
    slug = f"{GENERATED_SLUG_PREFIX}{number}"
    organisation = Organisation(
        slug=slug,
        name=name_et,
        name_et=name_et,
        name_en=name_en,
        short_description=short_et,
        short_description_et=short_et,
        short_description_en=short_en,
        description=description_et,
        description_et=description_et,
        description_en=description_en,
        kind=kind,
        registry_code=registry_code(f"18{number:05d}") if number < 100_000 and country == "EE" else None,
        website=f"https://{slug}.example",
        city=city,
        country=country,
        size_band=["1-9", "10-49", "50-249", "250+"][number % 4],
        founded_year=1991 + number % 35,
        contact_email=f"info@{slug}.example",
        contact_visibility=["public", "members"][number % 2],
        membership_status=MembershipStatus.ACTIVE,
        member_since=(now - timedelta(days=30 + number % 3000)).date(),
        # Every ninth profile is stale, as in a real directory.
        profile_confirmed_at=now - timedelta(days=500 if number % 9 == 0 else number % 300),
        search_text=search_text(name_et, name_en, short_et, short_en, description_et, description_en, city),
    )
    return organisation, chosen


def _mid_sentence(name):
    """'Masinõpe' → 'masinõpe' inside a sentence, but 'IoT sensors' and 'GIS' keep their capitals."""
    first_word = name.split()[0]
    return name if any(letter.isupper() for letter in first_word[1:]) else name[:1].lower() + name[1:]


def _seed_generated_people(numbers, *, password):
    """Two people per generated organisation: its admin (the primary contact) and a member."""
    wanted = [
        (number, position, role, f"org{number}-{role}{GENERATED_EMAIL_DOMAIN}")
        for number in numbers
        for position, role in enumerate(Role.values)
    ]
    existing = set(User.objects.filter(email__endswith=GENERATED_EMAIL_DOMAIN).values_list("email", flat=True))
    first, last = demo_data.GENERATED_FIRST_NAMES, demo_data.GENERATED_LAST_NAMES
    new_users = [
        User(
            email=email,
            display_name=f"{first[(number + position) % len(first)]} {last[(number * 3 + position) % len(last)]}",
            preferred_language="en" if number % 5 == 0 else "et",
            password=password,
        )
        for number, position, _role, email in wanted
        if email not in existing
    ]
    User.objects.bulk_create(new_users, batch_size=BATCH_SIZE)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in new_users],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    users = dict(User.objects.filter(email__endswith=GENERATED_EMAIL_DOMAIN).values_list("email", "pk"))
    organisations = dict(Organisation.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", "pk"))
    linked = set(
        Membership.objects.filter(organisation_id__in=organisations.values()).values_list("user_id", "organisation_id")
    )
    memberships = []
    for number, _position, role, email in wanted:
        pair = (users[email], organisations[f"{GENERATED_SLUG_PREFIX}{number}"])
        if pair not in linked:
            is_admin = role == Role.ADMIN
            memberships.append(
                Membership(
                    user_id=pair[0],
                    organisation_id=pair[1],
                    role=role,
                    job_title="Juhataja" if is_admin else "Projektijuht",
                    is_primary_contact=is_admin,
                )
            )
    Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
