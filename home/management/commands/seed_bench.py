"""manage.py seed_bench --scale N: the demo, then the cluster at scale N in bulk, for `make bench`."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import bench_data


class Command(BaseCommand):
    help = (
        "Fill the database with the benchmark's dataset: scale 1 = 10,000 organisations, 30,000 people, "
        "5,000 projects, 2,000 calls, 20,000 news items, 20,000 digest subscribers; scale 10 = ten times that."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = the cluster at full size; 0.01 for a look")

    def handle(self, *args, scale, **options):
        if not 0 < scale <= 100:
            raise CommandError("--scale must be above 0 and at most 100")
        started = time.perf_counter()
        call_command("seed_demo", verbosity=0)
        self.stdout.write(f"demo: {time.perf_counter() - started:.1f} s")
        bench_data.seed(scale, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"seeded scale {scale:g} in {time.perf_counter() - started:.1f} s"))
