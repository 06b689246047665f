from django import template
from django.urls import reverse

from escc.middleware import ADMIN_NEXT_SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_continue_url(context):
    """Where staff go on after setting up two-factor: the admin page they asked for, else the admin.

    Empty for people who are not staff: they have no admin to go on to.
    """
    request = context["request"]
    if not request.user.is_staff:
        return ""
    next_path = request.session.get(ADMIN_NEXT_SESSION_KEY, "")
    # Only ever an admin path the middleware stored, never an address from elsewhere.
    return next_path if next_path.startswith("/admin/") else reverse("admin:index")
