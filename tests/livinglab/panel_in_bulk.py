"""A panel of any size in a few statements, for tests that compare query counts at 10 and 3,000 people."""

from django.utils import timezone

from livinglab.models import Panellist
from members.models import User

DISTRICTS = ["Annelinn", "Karlova", "Supilinn", "Tammelinn", "Ülejõe"]


def bulk_panel(size, *, prefix="bulk"):
    users = User.objects.bulk_create(
        [User(email=f"{prefix}{n}@panel.example", display_name=f"Bulk {n}", password="!") for n in range(size)]
    )
    now = timezone.now()
    return Panellist.objects.bulk_create(
        [
            Panellist(
                user=user,
                birth_year=1940 + n % 60,
                gender=["woman", "man", "unsaid"][n % 3],
                municipality=["tartu", "tallinn"][n % 2],
                district=DISTRICTS[n % len(DISTRICTS)],
                occupation="employed",
                languages=["et"],
                devices=["smartphone"],
                digital_skill="everyday",
                mobility=["walking", "cycling"][: 1 + n % 2],
                test_frequency="quarterly",
                terms_version=1,
                consented_at=now,
            )
            for n, user in enumerate(users)
        ]
    )
