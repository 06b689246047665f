from modeltranslation.translator import TranslationOptions, register

from funding.models import Call, News, Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("et",)


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("et",)


@register(News)
class NewsTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("et",)
