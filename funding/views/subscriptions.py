"""The digest preferences page: how often a person's e-mail digest comes and what it holds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from funding.forms_subscriptions import SubscriptionForm
from funding.services.calendar import calendar_feed_for
from funding.services.subscriptions import subscription_for, update_subscription


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    subscription = subscription_for(request.user)
    form = SubscriptionForm(
        request.POST if request.method == "POST" else None, instance=subscription, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        update_subscription(subscription, actor=request.user, **form.changes())
        messages.success(request, _("Your digest settings were saved."))
        return redirect("funding:preferences")
    calendar_path = reverse("funding:followed_calendar", kwargs={"token": calendar_feed_for(request.user).token})
    context = {
        "form": form,
        "private_calendar_path": calendar_path,
        "private_calendar_url": request.build_absolute_uri(calendar_path),
    }
    return render(request, "funding/preferences.html", context)
