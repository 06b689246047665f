"""One-click unsubscribe from a link in an e-mail: no login, a signed token (funding.unsubscribe).

CSRF-exempt on purpose: RFC 8058 mail clients POST `List-Unsubscribe=One-Click` to the link
with no cookie and no CSRF token. The signature in the link is the protection, and all a
POST can do is turn something off, for the person the link was mailed to.
"""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from funding import unsubscribe as links


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        person, scope = links.person_for_token(token)
    except links.InvalidToken:
        return render(request, "funding/unsubscribe_invalid.html", status=400)
    subscription = getattr(person, "subscription", None)
    context = {"person": person, "scope": scope, "frequency": subscription.frequency if subscription else "off"}
    if request.method == "POST":
        links.unsubscribe(person, scope)
        return render(request, "funding/unsubscribe_done.html", context)
    context["is_subscribed"] = links.is_subscribed(person, subscription, scope)
    return render(request, "funding/unsubscribe.html", context)
