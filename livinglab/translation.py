from modeltranslation.translator import TranslationOptions, register

from livinglab.models import Campaign, PanelTerms, Question, QuestionOption


@register(PanelTerms)
class PanelTermsTranslationOptions(TranslationOptions):
    fields = ("body",)
    required_languages = ("et",)


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "prototype", "tasks", "place", "incentive")
    required_languages = {"et": ("title", "prototype", "tasks")}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("et",)


@register(QuestionOption)
class QuestionOptionTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("et",)
