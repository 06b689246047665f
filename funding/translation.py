from django.conf import settings
from django.utils import translation
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


def shown_language(obj, field, language=None):
    """The language `obj.<field>` is shown in: `language` (the active one by default) when it has
    a text of its own, else the first fallback language that has one, as modeltranslation does."""
    language = language or translation.get_language()
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for code in (language, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get(language, ())):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return language
