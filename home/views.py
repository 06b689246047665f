from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.navigation import main_sections, services
from members.models import FocusArea


@require_GET
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
