"""Demo people for `manage.py seed_demo`. Credentials are public on purpose: demo only."""

from allauth.account.models import EmailAddress

from members.models import User

DEMO_PASSWORD = "demo-escc-2026"

PEOPLE = [
    # e-mail, name, language, is_staff
    ("staff@escc.example", "Kadri Klastrijuht", "et", True),
    ("mari@tartu-mobility.example", "Mari Maasikas", "et", False),
    ("jaan@ut-research.example", "Jaan Tamm", "et", False),
    ("anna@citysense.example", "Anna Smith", "en", False),
]


def seed_people(*, scale=1):
    for email, name, language, is_staff in PEOPLE:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "display_name": name,
                "preferred_language": language,
                "is_staff": is_staff,
                "is_superuser": is_staff,
                "is_active": True,
            },
        )
        # Reset every run, so the printed credentials are always the ones that work.
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    _seed_generated_people(scale)
    staff_email = PEOPLE[0][0]
    return [
        "Demo data loaded.",
        f"  Staff (admin):  {staff_email} / {DEMO_PASSWORD}",
        f"  Member:         {PEOPLE[1][0]} / {DEMO_PASSWORD}",
        "  Staff set up two-factor authentication on their first visit to /admin/.",
    ]


def _seed_generated_people(scale):
    """`--scale N` adds 25 × (N − 1) generated members, in bulk, for measuring pages."""
    extra = 25 * (scale - 1)
    if extra <= 0:
        return
    password = User.objects.get(email=PEOPLE[1][0]).password
    users = [
        User(email=f"member{number}@scale.escc.example", display_name=f"Liige {number}", password=password)
        for number in range(extra)
    ]
    User.objects.bulk_create(users, ignore_conflicts=True)
    created = User.objects.filter(email__endswith="@scale.escc.example").exclude(emailaddress__isnull=False)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in created],
        ignore_conflicts=True,
    )
