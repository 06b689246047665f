from modeltranslation.translator import TranslationOptions, register

from members.models import FocusArea


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("et",)
