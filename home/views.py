from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.navigation import main_sections, services
from escc.page_cache import cached_for_visitors
from members.models import FocusArea


@require_GET
@cached_for_visitors
def home(request):
    return render(
        request,
        "home/home.html",
        {
            "focus_areas": FocusArea.objects.all(),
            "sections": main_sections(),
            "services": services(),
        },
    )
