"""Permission-matrix rows for funding: call and news pages, following and saved searches."""

from funding.models import CallFollow
from tests.factories import CallFactory, NewsFactory, SavedSearchFactory
from tests.site.matrix_common import SIGNED_IN, Row, everyone, visitor_then

CALL = {"slug": "smart-mobility-pilots"}


def a_call(fixture):
    CallFactory(slug="smart-mobility-pilots")
    return CALL


def a_followed_call(fixture):
    """Every signed-in persona follows the call, so each one's unfollow changes something."""
    call = CallFactory(slug="smart-mobility-pilots")
    CallFollow.objects.bulk_create([CallFollow(user=fixture(persona), call=call) for persona in SIGNED_IN])
    return CALL


def members_search(fixture):
    """A search that `member` saved: only they may delete it; the others get 404."""
    return {"pk": SavedSearchFactory(user=fixture("member"), query="q=mobility").pk}


def a_news_item(fixture):
    NewsFactory(slug="cluster-day")
    return {"slug": "cluster-day"}


ROWS = {
    "funding:call_list": Row(get=everyone(200), post=everyone(405)),
    "funding:call_detail": Row(get=everyone(200), post=everyone(405), kwargs=a_call),
    "funding:call_follow": Row(
        get=visitor_then(302, 405), post=visitor_then(302, 302), kwargs=a_call, writers=set(SIGNED_IN)
    ),
    "funding:call_unfollow": Row(
        get=visitor_then(302, 405), post=visitor_then(302, 302), kwargs=a_followed_call, writers=set(SIGNED_IN)
    ),
    "funding:my_calls": Row(get=visitor_then(302, 200), post=visitor_then(302, 405)),
    "funding:saved_search_create": Row(
        get=visitor_then(302, 405),
        post=visitor_then(302, 302),
        post_data={"name": "Mobility calls", "query": "q=mobility&status=open"},
        writers=set(SIGNED_IN),
    ),
    "funding:saved_search_delete": Row(
        get=visitor_then(302, 405),
        post={"visitor": 302, "member": 302, "org_admin": 404, "other_member": 404, "staff": 404},
        kwargs=members_search,
        writers={"member"},
    ),
    "funding:news_list": Row(get=everyone(200), post=everyone(405)),
    "funding:news_detail": Row(get=everyone(200), post=everyone(405), kwargs=a_news_item),
}
