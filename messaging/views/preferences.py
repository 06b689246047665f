"""The one e-mail settings page: a channel per notification kind, grouped by app, and the
panels other apps register (the digest's frequency)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from messaging import preferences
from messaging.forms import NotificationPreferencesForm


@login_required
@require_http_methods(["GET", "POST"])
def preferences_page(request):
    data = request.POST if request.method == "POST" else None
    form = NotificationPreferencesForm(data, user=request.user, prefix="kinds")
    panels = [(panel, panel.form_class(data, user=request.user, prefix=panel.key)) for panel in preferences.panels()]
    forms = [form, *(panel_form for _panel, panel_form in panels)]
    if data is not None and all([each.is_valid() for each in forms]):
        with transaction.atomic():
            for each in forms:
                each.save()
        messages.success(request, _("Your e-mail settings were saved."))
        return redirect("messaging:preferences")
    context = {"form": form, "panels": panels, "forms": forms, "has_errors": any(each.errors for each in forms)}
    return render(request, "messaging/preferences.html", context)
