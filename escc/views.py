from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from escc import health


@never_cache
@require_GET
def healthz(request):
    failures = health.run_checks()
    body = {
        "status": "ok" if not any(failures.values()) else "unavailable",
        "checks": {name: {"ok": failure is None, "error": failure} for name, failure in failures.items()},
    }
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)
