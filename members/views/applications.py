"""The public membership application: the form, and the page that follows it."""

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import complete_signup
from allauth.core import ratelimit
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members import services
from members.forms_applications import ApplicationForm
from members.services.applications import ApplicationError

SESSION_KEY = "members_application_sent"


@require_http_methods(["GET", "POST"])
def application_create(request):
    is_visitor = not request.user.is_authenticated
    form = ApplicationForm(request.POST or None, with_account=is_visitor)
    account_exists = False
    if request.method == "POST" and form.is_valid():
        if is_visitor and not ratelimit.consume(request, action="signup"):
            form.add_error(None, _("Too many applications from your network. Please try again in a minute."))
        else:
            try:
                application = services.submit_application(
                    **form.service_kwargs(), applicant=None if is_visitor else request.user
                )
            except ApplicationError as error:
                form.add_error(error.field, str(error))
                account_exists = error.field == "email"
            else:
                return _sent(request, application, is_visitor=is_visitor)
    sign_in_url = f"{reverse('account_login')}?{urlencode({'next': request.path})}"
    context = {"form": form, "sign_in_url": sign_in_url, "account_exists": account_exists}
    return render(request, "members/application_form.html", context)


def _sent(request, application, *, is_visitor):
    sent_url = reverse("members:application_sent")
    if is_visitor:
        # allauth e-mails a code and keeps the pending sign-in in the session; the person is
        # signed in only once they enter the code on the page application_sent links to.
        complete_signup(request, application.applicant, allauth_settings.EMAIL_VERIFICATION, sent_url)
    request.session[SESSION_KEY] = {
        "organisation": application.organisation.name,
        "email": application.applicant.email,
        "needs_verification": is_visitor,
    }
    return redirect(sent_url)


@require_http_methods(["GET"])
def application_sent(request):
    sent = request.session.get(SESSION_KEY)
    if sent and request.user.is_authenticated:
        sent = {**sent, "needs_verification": False}
    return render(request, "members/application_sent.html", {"sent": sent})
