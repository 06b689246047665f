"""Permission-matrix rows for funding: the one-click unsubscribe.

The link is the permission: anyone holding it may see the page and turn the digest off,
signed in or not, as whoever. Each persona's case gets a fresh subscribed person, so every
POST has something to change.
"""

from messaging.unsubscribe import make_token
from tests.conftest import PERSONAS
from tests.factories import SubscriptionFactory
from tests.site.matrix_common import Row, everyone


def weekly_subscriber_link(fixture):
    return {"token": make_token(SubscriptionFactory(frequency="weekly").user, "digest")}


ROWS = {
    "messaging:unsubscribe": Row(
        get=everyone(200),
        post=everyone(200),
        kwargs=weekly_subscriber_link,
        post_data={"List-Unsubscribe": "One-Click"},
        writers=set(PERSONAS),
    ),
}
