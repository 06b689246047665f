"""Staff's living-lab pages: the queue of campaigns waiting for a decision, and the decision."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livinglab import panel_figures, services
from livinglab.forms_campaigns import DecisionForm
from livinglab.models import Campaign, CampaignStatus
from livinglab.permissions import get_campaign_for
from members.permissions import staff_required


@staff_required
@require_GET
def campaign_queue(request):
    waiting = Campaign.objects.with_owner().filter(status=CampaignStatus.SUBMITTED).order_by("submitted_at")
    recent = Campaign.objects.with_owner().exclude(status__in=[CampaignStatus.SUBMITTED, CampaignStatus.DRAFT])
    return render(
        request, "livinglab/campaign_queue.html", {"waiting": waiting, "recent": recent.order_by("-decided_at")[:30]}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def campaign_decide(request, pk):
    campaign = get_campaign_for(request.user, pk, queryset=Campaign.objects.with_owner())
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        try:
            if form.cleaned_data["decision"] == "approve":
                services.approve_campaign(campaign, actor=request.user, note=note)
            else:
                services.return_campaign(campaign, actor=request.user, note=note)
        except services.LivingLabError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("The owner is told of your decision."))
            return redirect("livinglab:campaign_queue")
    return render(request, "livinglab/campaign_decide.html", {"form": form, "campaign": campaign})


@staff_required
@require_GET
def panel_overview(request):
    return render(request, "livinglab/panel_overview.html", panel_figures.overview())
