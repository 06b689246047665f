"""Forms a panellist fills in: a campaign's screener when accepting, and its feedback questionnaire.

One field per question, named `q<id>`: radio buttons for one choice, checkboxes for several,
1–5 radio buttons for a scale, a text area for free text.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from livinglab.models import Question

SCALE = [(str(value), str(value)) for value in range(1, 6)]


def _field(question, *, required):
    options = [(str(option.pk), option.label) for option in question.options.all()]
    if question.kind == Question.Kind.SINGLE:
        return forms.ChoiceField(label=question.text, choices=options, widget=forms.RadioSelect, required=required)
    if question.kind == Question.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=question.text, choices=options, widget=forms.CheckboxSelectMultiple, required=required
        )
    if question.kind == Question.Kind.SCALE:
        return forms.ChoiceField(
            label=question.text,
            choices=SCALE,
            widget=forms.RadioSelect,
            required=required,
            help_text=_("1 is the lowest, 5 the highest."),
        )
    return forms.CharField(
        label=question.text, max_length=3000, required=required, widget=forms.Textarea(attrs={"rows": 4})
    )


class QuestionsForm(forms.Form):
    def __init__(self, *args, questions, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _field(question, required=required)

    def answers(self):
        """{question: value} with option ids as ints, the scale as an int, text as text."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if question.kind == Question.Kind.SINGLE:
                value = [int(value)] if value else []
            elif question.kind == Question.Kind.MULTIPLE:
                value = [int(item) for item in value or []]
            elif question.kind == Question.Kind.SCALE:
                value = int(value) if value else None
            result[question] = value
        return result

    def screener_answers(self):
        return {question.pk: value for question, value in self.answers().items()}
