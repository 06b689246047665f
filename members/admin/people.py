"""People: users, their places in organisations, invitations."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.models import (
    Invitation,
    Membership,
    User,
)

# --- People ------------------------------------------------------------------------------------


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class OnePrimaryContactFormSet(forms.BaseInlineFormSet):
    """Two rows ticked as primary contact in one save would break the database's rule."""

    def clean(self):
        super().clean()
        ticked = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_primary_contact") and not form.cleaned_data.get("DELETE")
        ]
        if len(ticked) > 1:
            raise ValidationError(_("An organisation has one primary contact; tick only one person."))


class PersonInOrganisationInline(admin.TabularInline):
    """The organisation's people, on the organisation's page."""

    model = Membership
    formset = OnePrimaryContactFormSet
    fields = ["user", "role", "job_title", "is_primary_contact", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user"]
    extra = 0


class OrganisationOfPersonInline(admin.TabularInline):
    """The organisations a person belongs to, on the person's page."""

    model = Membership
    fk_name = "user"
    fields = ["organisation", "role", "job_title", "is_primary_contact", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ["email"]
    list_display = ["email", "display_name", "preferred_language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [OrganisationOfPersonInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["display_name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "usable_password", "password1", "password2"]}),
    ]

    def get_inlines(self, request, obj):
        # A person's organisations are added once the person exists.
        return self.inlines if obj is not None else []


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "job_title", "is_primary_contact", "created_at"]
    list_filter = ["role", "is_primary_contact", "organisation__membership_status"]
    list_select_related = ["user", "organisation"]
    search_fields = [
        "user__email",
        "user__display_name",
        "organisation__name_et",
        "organisation__name_en",
    ]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["created_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent and answered on the site; the admin shows them."""

    list_display = ["email", "organisation", "role", "status", "invited_by", "created_at", "decided_at"]
    list_filter = ["status", "role"]
    list_select_related = ["organisation", "invited_by"]
    search_fields = ["email", "organisation__name_et", "organisation__name_en"]
    readonly_fields = [
        "organisation",
        "email",
        "role",
        "invited_by",
        "status",
        "accepted_by",
        "created_at",
        "decided_at",
    ]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
