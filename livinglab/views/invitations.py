"""A panellist's invitation: read it, answer the screener and accept, or decline; later, the feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from livinglab import services
from livinglab.forms_answers import QuestionsForm
from livinglab.models import Question
from livinglab.permissions import get_participation_for


def _posted(request):
    # A campaign without questions posts nothing but the token: the form is still bound.
    return request.POST if request.method == "POST" else None


def _questions(campaign, purpose):
    return campaign.questions.filter(purpose=purpose).prefetch_related("options")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_detail(request, pk):
    participation = get_participation_for(request.user, pk)
    campaign = participation.campaign
    form = QuestionsForm(_posted(request), questions=_questions(campaign, Question.Purpose.SCREENER))
    if request.method == "POST" and participation.is_open and form.is_valid():
        try:
            participation = services.accept_invitation(participation, screener_answers=form.screener_answers())
        except services.LivingLabError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _outcome(participation))
        return redirect(participation)
    return render(
        request,
        "livinglab/invitation_detail.html",
        {"participation": participation, "campaign": campaign, "form": form},
    )


def _outcome(participation):
    status = participation.Status
    return {
        status.ACCEPTED: _("You are in! The organisers will be in touch with the details."),
        status.WAITLISTED: _("Every place is taken: you are on the waiting list and we e-mail you if one frees up."),
        status.SCREENED_OUT: _(
            "Thank you for answering. This test looks for someone else; we will invite you to others."
        ),
    }.get(participation.status, _("Thank you for answering."))


@login_required
@require_POST
def invitation_decline(request, pk):
    participation = get_participation_for(request.user, pk)
    try:
        services.decline_invitation(participation)
    except services.LivingLabError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have said no to this test. Thank you for letting us know."))
    return redirect(participation)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_form(request, pk):
    participation = get_participation_for(request.user, pk)
    campaign = participation.campaign
    form = QuestionsForm(_posted(request), questions=_questions(campaign, Question.Purpose.FEEDBACK), required=False)
    answered = hasattr(participation, "response")
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_feedback(participation, answers=form.answers())
        except services.LivingLabError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you for your feedback!"))
        return redirect(participation)
    context = {"participation": participation, "campaign": campaign, "form": form, "answered": answered}
    return render(request, "livinglab/feedback_form.html", context)
