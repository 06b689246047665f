"""Load the demo dataset; safe to run again (it updates what it created before).

Each app adds its part as a function in its own `demo.py` and lists it in SEEDERS,
so later apps extend the command without touching its other parts.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

SEEDERS = [
    "members.demo.seed_people",
    "members.demo.seed_organisations",
    # Before the projects: a few of them name the call they target.
    "funding.demo.seed_funding",
    "projects.demo.seed_projects",
    "support.demo.seed_support",
    "livinglab.demo.seed_livinglab",
]


class Command(BaseCommand):
    help = "Load idempotent demo data and print the demo sign-in credentials."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="Multiply the dataset (for measuring).")

    def handle(self, *args, scale, **options):
        lines = []
        with transaction.atomic():
            for path in SEEDERS:
                lines += import_string(path)(scale=scale)
        for line in lines:
            self.stdout.write(line)
