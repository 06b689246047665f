"""Campaign owners' pages: their campaigns, proposing and editing one, questions, quotas, inviting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livinglab import matching, services
from livinglab.forms_campaigns import CampaignForm, PlacesForm, QuestionForm, QuotaForm, criteria_summary
from livinglab.models import Campaign, Question
from livinglab.permissions import get_campaign_for, organisations_of
from livinglab.services.invitations import change_places, round_size
from livinglab.terms import terms_version_in_force


@login_required
@require_GET
def campaign_list(request):
    organisation_ids = organisations_of(request.user)
    campaigns = Campaign.objects.owned_by(organisation_ids).with_owner().order_by("-created_at")[:100]
    return render(
        request, "livinglab/campaign_list.html", {"campaigns": campaigns, "can_propose": bool(organisation_ids)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    organisation_ids = organisations_of(request.user)
    if not organisation_ids:
        raise PermissionDenied
    form = CampaignForm(request.POST or None, organisation_ids=organisation_ids)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.create_campaign(
                organisation=form.cleaned_data["organisation"],
                actor=request.user,
                data=form.data_for_service(),
                criteria=form.criteria(),
            )
        except services.LivingLabError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("The campaign is saved as a draft. Add questions, then send it to staff."))
            return redirect(campaign)
    return render(request, "livinglab/campaign_form.html", {"form": form, "match": _match(form.submitted_criteria())})


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, pk):
    campaign = get_campaign_for(request.user, pk)
    if not campaign.is_editable:
        raise PermissionDenied
    form = CampaignForm(request.POST or None, instance=campaign, organisation_ids=[campaign.organisation_id])
    if request.method == "POST" and form.is_valid():
        try:
            services.update_campaign(campaign, data=form.data_for_service(), criteria=form.criteria())
        except services.LivingLabError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(campaign)
    context = {"form": form, "campaign": campaign, "match": _match(form.submitted_criteria(), campaign.include_minors)}
    return render(request, "livinglab/campaign_form.html", context)


def _match(criteria, include_minors=False):
    count = matching.matching(criteria, include_minors=include_minors, terms_version=terms_version_in_force()).count()
    return {"count": matching.shown_count(count), "minimum": matching.MINIMUM_SHOWN_COUNT}


@login_required
@require_GET
def campaign_detail(request, pk):
    campaign = get_campaign_for(request.user, pk, queryset=Campaign.objects.with_owner())
    questions = campaign.questions.prefetch_related("options")
    context = {
        "campaign": campaign,
        "screeners": [q for q in questions if q.purpose == Question.Purpose.SCREENER],
        "feedback_questions": [q for q in questions if q.purpose == Question.Purpose.FEEDBACK],
        "quotas": campaign.quotas.all(),
        "counts": campaign.participations.status_counts(),
        "participants": campaign.participations.order_by("status", "invited_at").only(
            "pseudonym", "status", "invited_at"
        ),
        "invitable": matching.shown_count(matching.invitable(campaign).count()) if campaign.is_recruiting else None,
        "round_size": round_size(campaign) if campaign.is_recruiting else 0,
        "minimum_shown": matching.MINIMUM_SHOWN_COUNT,
        "criteria": criteria_summary(campaign.criteria),
    }
    return render(request, "livinglab/campaign_detail.html", context)


def _act(request, campaign, action, success):
    try:
        action()
    except services.LivingLabError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(campaign)


@login_required
@require_POST
def campaign_submit(request, pk):
    campaign = get_campaign_for(request.user, pk)
    return _act(
        request,
        campaign,
        lambda: services.submit_campaign(campaign, actor=request.user),
        _("The campaign is sent to staff. You will hear from them by e-mail."),
    )


@login_required
@require_POST
def campaign_invite(request, pk):
    campaign = get_campaign_for(request.user, pk)
    try:
        invited = services.invite_panellists(campaign, actor=request.user)
    except services.LivingLabError as error:
        messages.error(request, str(error))
    else:
        if invited:
            messages.success(
                request, _("Invitations are on their way to %(count)s panellists.") % {"count": len(invited)}
            )
        else:
            messages.info(
                request, _("Nobody new to invite now: every place is taken or asked for, or nobody else matches.")
            )
    return redirect(campaign)


@login_required
@require_POST
def campaign_start(request, pk):
    campaign = get_campaign_for(request.user, pk)
    return _act(request, campaign, lambda: services.start_test(campaign, actor=request.user), _("The test is running."))


@login_required
@require_POST
def campaign_finish(request, pk):
    campaign = get_campaign_for(request.user, pk)
    return _act(
        request,
        campaign,
        lambda: services.finish_campaign(campaign, actor=request.user),
        _("The campaign is finished; testers are asked for their feedback."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk, purpose):
    campaign = get_campaign_for(request.user, pk)
    if purpose not in Question.Purpose.values or not campaign.is_editable:
        raise PermissionDenied
    form = QuestionForm(request.POST or None, purpose=purpose, prefix="screener" if purpose == "screener" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(
                campaign, purpose=purpose, kind=form.cleaned_data["kind"], text=form.text(), options=form.options()
            )
        except services.LivingLabError as error:
            form.add_error(_field_in(form, error.field), str(error))
        else:
            messages.success(request, _("The question is added."))
            return redirect(campaign)
    return render(request, "livinglab/question_form.html", {"form": form, "campaign": campaign, "purpose": purpose})


def _field_in(form, name):
    return name if name in form.fields else None


@login_required
@require_POST
def question_remove(request, pk, question_pk):
    campaign = get_campaign_for(request.user, pk)
    question = campaign.questions.filter(pk=question_pk).first()
    if question is None:
        return redirect(campaign)
    return _act(request, campaign, lambda: services.remove_question(question), _("The question is removed."))


@login_required
@require_http_methods(["GET", "POST"])
def quota_add(request, pk):
    campaign = get_campaign_for(request.user, pk)
    if not campaign.is_editable:
        raise PermissionDenied
    form = QuotaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_quota(campaign, **{name: form.cleaned_data[name] for name in QuotaForm.Meta.fields})
        except services.LivingLabError as error:
            form.add_error(_field_in(form, error.field), str(error))
        else:
            messages.success(request, _("The quota is added."))
            return redirect(campaign)
    return render(request, "livinglab/quota_form.html", {"form": form, "campaign": campaign})


@login_required
@require_POST
def quota_remove(request, pk, quota_pk):
    campaign = get_campaign_for(request.user, pk)
    quota = campaign.quotas.filter(pk=quota_pk).first()
    if quota is None:
        return redirect(campaign)
    return _act(request, campaign, lambda: services.remove_quota(quota), _("The quota is removed."))


@login_required
@require_http_methods(["GET", "POST"])
def campaign_places(request, pk):
    campaign = get_campaign_for(request.user, pk)
    if not campaign.takes_new_places:
        raise PermissionDenied
    form = PlacesForm(request.POST or None, initial={"testers_wanted": campaign.testers_wanted})
    if request.method == "POST" and form.is_valid():
        try:
            moved = change_places(campaign, testers_wanted=form.cleaned_data["testers_wanted"])
        except services.LivingLabError as error:
            form.add_error(_field_in(form, error.field), str(error))
        else:
            messages.success(
                request,
                _("The campaign now wants %(wanted)s testers; %(moved)s moved up from the waiting list.")
                % {"wanted": form.cleaned_data["testers_wanted"], "moved": len(moved)},
            )
            return redirect(campaign)
    return render(request, "livinglab/places_form.html", {"form": form, "campaign": campaign})
