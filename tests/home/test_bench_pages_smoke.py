"""A smoke run of `make bench` (scripts/bench-pages) at a thousandth of the cluster, so it cannot rot.

Every page the benchmark measures answers 200 and has its query count recorded; the counts
stay within the targets for visitors (10), members (15) and staff (25). (The suite runs with
the page cache off, so here a visitor's "cached" row is rendered too.)
"""

import importlib.machinery
import importlib.util
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench-pages"
BUDGET = {"visitor": 10, "member": 15, "staff": 25}


@pytest.fixture
def bench_pages():
    """The script as a module; its environment defaults (its own database, DEBUG off) are undone."""
    environment = dict(os.environ)
    loader = importlib.machinery.SourceFileLoader("bench_pages", str(SCRIPT))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("bench_pages", loader))
    try:
        loader.exec_module(module)
    finally:
        os.environ.clear()
        os.environ.update(environment)
    return module


def test_every_benchmarked_page_answers_with_a_query_count_within_budget(bench_pages):
    call_command("seed_bench", scale=0.001, stdout=StringIO())

    rows, _clients = bench_pages.measure_sequential(bench_pages.with_cache_modes(bench_pages.pages()), requests=2)

    measured = {(row["page"], row["persona"], row["cache"]) for row in rows}
    assert measured >= {
        ("home", "visitor", "cached"),
        ("home", "visitor", "uncached"),
        ("my projects", "member", "never"),
        ("admin: organisations", "staff", "never"),
    }
    for row in rows:
        assert row["status"] == 200, row
        assert 0 < row["queries"] <= BUDGET[row["persona"]], row
        assert row["median_ms"] > 0 and row["p95_ms"] >= row["median_ms"]
