"""A campaign's feedback as its owner sees it: counts, averages, distributions, free text, by pseudonym.

Every figure is read in a fixed number of queries whatever the number of answers. A filter
by profile fields (the same fields as the criteria) applies only when it still leaves at
least MINIMUM_GROUP responses, so that a narrow filter cannot reveal one person's answers;
answers of people who deleted their data count in the unfiltered results only.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from livinglab import matching
from livinglab.models import Answer, FeedbackResponse, Panellist, Question

MINIMUM_GROUP = matching.MINIMUM_SHOWN_COUNT


@dataclass
class QuestionResult:
    question: object
    answered: int = 0
    average: float | None = None
    bars: list = field(default_factory=list)  # [(label, count)]
    texts: list = field(default_factory=list)  # [(pseudonym, text)]

    @property
    def largest(self):
        return max([count for _label, count in self.bars] or [0])


@dataclass
class Results:
    responses: int
    questions: list
    is_filtered: bool
    too_few: bool


def filtered_responses(campaign, profile_filter):
    responses = FeedbackResponse.objects.filter(campaign=campaign)
    if not profile_filter:
        return responses
    panellists = Panellist.objects.filter(matching.criteria_q(profile_filter))
    return responses.filter(participation__panellist__in=panellists)


def results_for(campaign, *, profile_filter=None):
    """The results of `campaign`, optionally of the responses whose panellists meet `profile_filter`."""
    responses = filtered_responses(campaign, profile_filter)
    count = responses.count()
    questions = list(campaign.questions.filter(purpose=Question.Purpose.FEEDBACK).prefetch_related("options"))
    too_few = bool(profile_filter) and count < MINIMUM_GROUP
    if too_few or not questions:
        return Results(count, [QuestionResult(q) for q in questions], bool(profile_filter), too_few)
    answers = Answer.objects.filter(response__in=responses)
    by_question = {question.pk: QuestionResult(question) for question in questions}
    scales = answers.filter(scale__isnull=False).values("question_id", "scale").annotate(n=Count("pk")).order_by()
    scale_counts = defaultdict(dict)
    for row in scales:
        scale_counts[row["question_id"]][row["scale"]] = row["n"]
    chosen = (
        Answer.options.through.objects.filter(answer__in=answers)
        .values("questionoption_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    option_counts = {row["questionoption_id"]: row["n"] for row in chosen}
    answered = answers.values("question_id").annotate(n=Count("pk")).order_by()
    answered_counts = {row["question_id"]: row["n"] for row in answered}
    texts = (
        answers.exclude(text="")
        .values_list("question_id", "response__pseudonym", "text")
        .order_by("response__submitted_at", "pk")
    )
    for question_id, pseudonym, text in texts:
        by_question[question_id].texts.append((pseudonym, text))
    for question in questions:
        result = by_question[question.pk]
        result.answered = answered_counts.get(question.pk, 0)
        if question.kind == Question.Kind.SCALE:
            counts = scale_counts[question.pk]
            result.bars = [(str(value), counts.get(value, 0)) for value in range(1, 6)]
            total = sum(counts.values())
            result.average = round(sum(value * n for value, n in counts.items()) / total, 2) if total else None
        elif question.has_options:
            result.bars = [(option.label, option_counts.get(option.pk, 0)) for option in question.options.all()]
    return Results(count, [by_question[q.pk] for q in questions], bool(profile_filter), False)


def csv_rows(campaign):
    """One row per response: the pseudonym, when, then each feedback question's answer."""
    questions = list(campaign.questions.filter(purpose=Question.Purpose.FEEDBACK).order_by("position", "pk"))
    yield ["pseudonym", "answered_at", *[question.text for question in questions]]
    responses = (
        FeedbackResponse.objects.filter(campaign=campaign)
        .order_by("submitted_at", "pk")
        .prefetch_related("answers__options")
    )
    for response in responses:
        answers = {answer.question_id: answer for answer in response.answers.all()}
        cells = []
        for question in questions:
            answer = answers.get(question.pk)
            if answer is None:
                cells.append("")
            elif question.kind == Question.Kind.SCALE:
                cells.append(answer.scale)
            elif question.kind == Question.Kind.TEXT:
                cells.append(answer.text)
            else:
                cells.append("; ".join(option.label for option in answer.options.all()))
        yield [response.pseudonym, response.submitted_at.isoformat(), *cells]
