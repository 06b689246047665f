"""Shared pieces of the members admin actions: intermediate pages and reports."""

from django.contrib import messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from members import services

ACTION_PAGE_TEMPLATE = "admin/members/action_form.html"


# --- Helpers shared by the actions ------------------------------------------------------------


def action_form_data(request):
    """The POST data when the action's own page was submitted, else None (the page is shown)."""
    return request.POST if request.POST.get("post") == "yes" else None


def render_action_page(model_admin, request, queryset, *, action, form, title, intro, submit_label):
    """The page between choosing an action and running it: what is selected, and a form.

    It posts back to the change list with the same selection and action, plus post=yes.
    """
    objects = list(queryset)
    request.current_app = model_admin.admin_site.name
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "intro": intro,
        "objects": objects,
        "selected": [str(obj.pk) for obj in objects],
        "action": action,
        "form": form,
        "submit_label": submit_label,
        "media": model_admin.media + form.media,
        "changelist_url": request.get_full_path(),
    }
    return TemplateResponse(request, ACTION_PAGE_TEMPLATE, context)


def report(model_admin, request, *, done, done_message, refusals):
    """One message per refused row (naming it), one for the rows that were changed.

    `done_message` is a callable of the count, so that it can pick the plural form.
    """
    for obj, error in refusals:
        model_admin.message_user(
            request, gettext("%(object)s: %(error)s") % {"object": obj, "error": error}, messages.ERROR
        )
    if done:
        model_admin.message_user(request, done_message(done), messages.SUCCESS)
    elif not refusals:
        model_admin.message_user(request, gettext("Nothing was changed."), messages.WARNING)


def count_of(model, field):
    """How many `model` rows point at the outer row through `field`, as a subquery.

    A subquery rather than a join with GROUP BY, so that the change list's COUNT(*) stays a
    plain count of the outer table.
    """
    rows = model._default_manager.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(total=Count("pk")).values("total")), 0)


def run_for_each(queryset, change):
    """Call `change(obj)` for each row; returns (how many succeeded, [(obj, MembersError), ...])."""
    done, refusals = 0, []
    for obj in queryset:
        try:
            change(obj)
        except services.MembersError as error:
            refusals.append((obj, error))
        else:
            done += 1
    return done, refusals
