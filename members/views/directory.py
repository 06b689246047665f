from django.views.decorators.http import require_GET

from escc.lists import render_filtered_list
from escc.page_cache import cached_for_visitors
from members.filters import DirectoryFilter
from members.models import Organisation


@require_GET
@cached_for_visitors
def directory(request):
    """The public member directory: a GET filter form, so every result list has a shareable URL."""
    filterset = DirectoryFilter(request.GET, queryset=Organisation.objects.for_directory(), request=request)
    return render_filtered_list(
        request, filterset, template="members/directory.html", results_template="members/_directory_results.html"
    )
