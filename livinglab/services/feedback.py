"""Testers' answers to a campaign's questionnaire: once per tester, after the test has started."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from livinglab.models import Answer, FeedbackResponse, Participation, Question
from livinglab.services.errors import LivingLabError


def submit_feedback(participation, *, answers) -> FeedbackResponse:
    """Record a tester's answers: `answers` maps a feedback question to a scale (1–5), option ids or text.

    Raises LivingLabError unless the person took part, the test is running or finished, and
    they have not answered before (a unique constraint holds that under a double submit).
    """
    with transaction.atomic():
        participation = Participation.objects.select_for_update().select_related("campaign").get(pk=participation.pk)
        if participation.status != Participation.Status.ACCEPTED:
            raise LivingLabError(_("Only people who took part in the test can answer."))
        if not participation.campaign.takes_feedback:
            raise LivingLabError(_("The questionnaire opens when the test starts."))
        if FeedbackResponse.objects.filter(participation=participation).exists():
            raise LivingLabError(_("You have already answered. Thank you!"))
        try:
            with transaction.atomic():
                response = FeedbackResponse.objects.create(
                    campaign=participation.campaign, participation=participation, pseudonym=participation.pseudonym
                )
        except IntegrityError:
            raise LivingLabError(_("You have already answered. Thank you!")) from None
        for question, value in answers.items():
            _answer(response, question, value)
    return response


def _answer(response, question, value):
    if value in (None, "", []):
        return
    if question.kind == Question.Kind.SCALE:
        Answer.objects.create(response=response, question=question, scale=int(value))
    elif question.kind == Question.Kind.TEXT:
        Answer.objects.create(response=response, question=question, text=value)
    else:
        answer = Answer.objects.create(response=response, question=question)
        answer.options.set(value)
