"""The shared filter form keeps the text search in sight and folds the rest into "Filters".

On a 360 px phone the unfolded filters were 1,570 px tall. The fold is a <details> that works
without JavaScript, opens by itself when a filter is on, and says how many are
(tests/e2e/test_filter_fold.py measures it in Chromium).
"""

import re

import pytest

pytestmark = pytest.mark.django_db

LISTS = {
    "/en/members/": "kind=company",
    "/en/projects/": "stage=forming",
    "/en/calls/": "status=open",
}


def fold(html):
    match = re.search(
        r"<details class=\"filter-form__more\"( open)?>\s*<summary>([^<]*)</summary>(.*?)</details>", html, re.S
    )
    assert match, "no Filters fold in the form"
    return bool(match.group(1)), " ".join(match.group(2).split()), match.group(3)


@pytest.mark.parametrize("url", LISTS)
def test_the_filters_are_folded_and_the_search_stays_outside(client, url):
    html = client.get(url).content.decode()

    is_open, summary, folded = fold(html)
    assert not is_open
    assert summary == "Filters"
    assert 'type="search"' in html
    assert 'type="search"' not in folded
    assert "<select" in folded or 'type="checkbox"' in folded


@pytest.mark.parametrize("url, query", LISTS.items())
def test_a_chosen_filter_opens_the_fold_and_is_counted(client, url, query):
    html = client.get(f"{url}?{query}").content.decode()

    is_open, summary, _ = fold(html)
    assert is_open
    assert summary == "Filters (1 chosen)"


def test_a_search_alone_leaves_the_filters_folded(client):
    is_open, summary, _ = fold(client.get("/en/members/?q=tartu").content.decode())

    assert not is_open
    assert summary == "Filters"


def test_the_default_sort_order_is_not_a_chosen_filter(client):
    first_sort = fold(client.get("/en/projects/").content.decode())[2]
    value = re.search(r'name="o"[^>]*>\s*<option value="([^"]+)"', first_sort).group(1)

    is_open, summary, _ = fold(client.get(f"/en/projects/?o={value}&stage=forming").content.decode())

    assert is_open
    assert summary == "Filters (1 chosen)"
