"""One-click unsubscribe from a link in an e-mail: no login, a signed token (messaging/unsubscribe.py).

CSRF-exempt on purpose: RFC 8058 mail clients POST `List-Unsubscribe=One-Click` to the link
with no cookie and no CSRF token. The signature in the link is the protection, and all a
POST can do is turn something off, for the person the link was mailed to.
"""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from messaging import unsubscribe as links


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        person, scope = links.person_for_token(token)
    except links.InvalidToken:
        return render(request, "messaging/unsubscribe_invalid.html", status=400)
    context = {"person": person, "scope": scope.key}
    if request.method == "POST":
        scope.unsubscribe(person)
        return render(request, "messaging/unsubscribe_done.html", {**context, "done": scope.done(person)})
    if scope.is_subscribed(person):
        context.update(question=scope.question(person), explanation=scope.explanation)
    else:
        context["not_subscribed"] = scope.not_subscribed(person)
    return render(request, "messaging/unsubscribe.html", context)
