"""Service requests: the member's list and form, a request's thread, and staff's queue."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from escc.lists import paginate
from members.permissions import staff_required
from support import services
from support.figures import response_times
from support.filters import QueueFilter
from support.forms import MessageForm, RequestForm, TriageForm
from support.models import ServiceRequest
from support.permissions import get_request_for, organisations_asking_for, visible_requests

FIGURES_MONTHS = 12


@login_required
@require_GET
def request_list(request):
    requests = visible_requests(request.user, ServiceRequest.objects.with_people())
    page_obj, page_range = paginate(request, requests.order_by("-created_at"))
    context = {
        "page_obj": page_obj,
        "page_range": page_range,
        "can_ask": bool(organisations_asking_for(request.user)),
    }
    return render(request, "support/request_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    organisation_ids = organisations_asking_for(request.user)
    if not organisation_ids:
        raise PermissionDenied
    form = RequestForm(request.POST or None, organisation_ids=organisation_ids, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        created = services.ask_for_service(
            organisation=form.cleaned_data["organisation"], actor=request.user, data=form.data_for_service()
        )
        messages.success(request, _("Your request is with cluster staff. You will hear from them here and by e-mail."))
        return redirect(created)
    return render(request, "support/request_form.html", {"form": form})


def _initial(request):
    """A call's page links here with ?service=funding_advice&call=<id>."""
    initial = {}
    if request.GET.get("service"):
        initial["service"] = request.GET["service"]
    if request.GET.get("call", "").isdigit():
        initial["call"] = request.GET["call"]
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, pk):
    found = get_request_for(request.user, pk, queryset=ServiceRequest.objects.with_people().select_related("call"))
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_message(found, author=request.user, body=form.cleaned_data["body"])
        except services.SupportError as error:
            form.add_error("body" if error.field else None, str(error))
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(found)
    context = {
        "service_request": found,
        "thread": found.messages.select_related("author"),
        "form": form,
        "triage_form": TriageForm(
            initial={"status": found.status, "assignee": found.assignee_id, "with_agency": found.with_agency}
        )
        if request.user.is_staff
        else None,
    }
    return render(request, "support/request_detail.html", context)


@staff_required
@require_POST
def request_triage(request, pk):
    found = get_request_for(request.user, pk)
    form = TriageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a state from the list."))
        return redirect(found)
    try:
        services.triage(found, actor=request.user, **form.cleaned_data)
    except services.SupportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request is updated."))
    return redirect(found)


@staff_required
@require_GET
def queue(request):
    filterset = QueueFilter(request.GET or None, queryset=ServiceRequest.objects.with_people().order_by("-created_at"))
    page_obj, page_range = paginate(request, filterset.qs)
    since = timezone.now() - timedelta(days=31 * FIGURES_MONTHS)
    context = {
        "form": filterset.form,
        "page_obj": page_obj,
        "page_range": page_range,
        "now": timezone.now(),
        "figures": response_times(ServiceRequest.objects.filter(created_at__gte=since)),
        "figures_months": FIGURES_MONTHS,
    }
    return render(request, "support/queue.html", context)
