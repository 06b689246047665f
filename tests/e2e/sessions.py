"""Signing a browser in: the test client logs in, and the browser context gets its session cookie."""

from django.conf import settings
from django.test import Client


def share_session(client, context, live_server):
    """Give the browser the session the test client signed in."""
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def signed_in_page(new_context, user, live_server):
    """A page in a new Estonian browser context, signed in as `user`."""
    client = Client()
    client.force_login(user)
    context = new_context(locale="et-EE")
    share_session(client, context, live_server)
    return context.new_page()
