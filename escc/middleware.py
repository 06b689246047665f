import logging

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ServiceUnavailableMiddleware:
    """Turn a Redis outage into a clear 503 page instead of a 500.

    Only views that touch the cache (sign-in and its rate limits, for one) are affected;
    sessions live in the database, so every other page keeps working.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RedisError):
            return None
        logger.warning("redis_unavailable", extra={"path": request.path, "error": type(exception).__name__})
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "60"
        return response


# The admin page staff asked for before being sent to set up two-factor: the recovery codes
# page, the last step of the set-up, leads back to it (escc_staff.admin_continue_url).
ADMIN_NEXT_SESSION_KEY = "escc.admin_next"


class StaffTwoFactorMiddleware:
    """Staff reach the admin only after turning on two-factor authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and user.is_staff
            and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
        ):
            messages.warning(
                request, _("Cluster staff must turn on two-factor authentication before using the administration.")
            )
            if request.method == "GET":
                request.session[ADMIN_NEXT_SESSION_KEY] = request.get_full_path()
            return redirect("mfa_activate_totp")
        return self.get_response(request)
