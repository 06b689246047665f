"""django-import-export resources: the member list as staff download it from the admin."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field

from members.models import Membership, Organisation

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class OrganisationResource(resources.ModelResource):
    """One row per organisation, in the language of the person exporting."""

    name_et = Field(attribute="name_et", column_name=_("Name (Estonian)"))
    name_en = Field(attribute="name_en", column_name=_("Name (English)"))
    kind = Field(column_name=_("Kind"))
    registry_code = Field(attribute="registry_code", column_name=_("Registry code"))
    membership_status = Field(column_name=_("Membership status"))
    member_since = Field(column_name=_("Member since"))
    city = Field(attribute="city", column_name=_("City"))
    country = Field(column_name=_("Country"))
    website = Field(attribute="website", column_name=_("Website"))
    contact_email = Field(attribute="contact_email", column_name=_("Contact e-mail"))
    focus_areas = Field(column_name=_("Focus areas"))
    competences = Field(column_name=_("Competences"))
    primary_contact_name = Field(column_name=_("Primary contact"))
    primary_contact_email = Field(column_name=_("Primary contact's e-mail"))

    class Meta:
        model = Organisation
        fields = (
            "name_et",
            "name_en",
            "kind",
            "registry_code",
            "membership_status",
            "member_since",
            "city",
            "country",
            "website",
            "contact_email",
            "focus_areas",
            "competences",
            "primary_contact_name",
            "primary_contact_email",
        )
        export_order = fields
        # Rows are read in pages of this size, each page with its prefetches.
        chunk_size = 1000

    def filter_export(self, queryset, **kwargs):
        primary_contacts = Membership.objects.filter(is_primary_contact=True).select_related("user")
        return queryset.prefetch_related(
            "focus_areas",
            "competences",
            Prefetch("memberships", queryset=primary_contacts, to_attr="primary_contacts"),
        )

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if value is None:
            return ""
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value

    def dehydrate_kind(self, organisation):
        return str(organisation.get_kind_display())

    def dehydrate_membership_status(self, organisation):
        return str(organisation.get_membership_status_display())

    def dehydrate_member_since(self, organisation):
        return organisation.member_since.isoformat() if organisation.member_since else ""

    def dehydrate_country(self, organisation):
        return str(organisation.country.name) if organisation.country else ""

    def dehydrate_focus_areas(self, organisation):
        return "; ".join(area.name for area in organisation.focus_areas.all())

    def dehydrate_competences(self, organisation):
        return "; ".join(competence.name for competence in organisation.competences.all())

    def dehydrate_primary_contact_name(self, organisation):
        contact = _primary_contact(organisation)
        return contact.user.get_full_name() if contact else ""

    def dehydrate_primary_contact_email(self, organisation):
        contact = _primary_contact(organisation)
        return contact.user.email if contact else ""


def _primary_contact(organisation):
    contacts = getattr(organisation, "primary_contacts", None)
    if contacts is None:
        contacts = [m for m in organisation.memberships.all() if m.is_primary_contact]
    return contacts[0] if contacts else None
