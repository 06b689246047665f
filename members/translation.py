import simple_history
from modeltranslation.translator import TranslationOptions, register

from members.models import Competence, FocusArea, Organisation


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("et",)


@register(Competence)
class CompetenceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "short_description", "description")
    required_languages = ("et",)


# History after translation: modeltranslation must add its fields before simple-history copies
# the model (NOTES.md). Who changed membership status, and when, is read from here.
simple_history.register(Organisation, excluded_fields=["search_text"], m2m_fields=[])
