"""How the portal's connections to PostgreSQL are set up."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_postgresql_connections_do_not_jit_compile_the_portals_short_queries():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
