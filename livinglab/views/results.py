"""A campaign's results for its owner and staff: figures and charts, free text, the CSV export."""

import csv

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from livinglab import charts, results
from livinglab.forms_campaigns import ProfileFilterForm
from livinglab.models import Campaign, Question
from livinglab.permissions import get_campaign_for


@login_required
@require_GET
def campaign_results(request, pk):
    campaign = get_campaign_for(request.user, pk, queryset=Campaign.objects.with_owner())
    form = ProfileFilterForm(request.GET or None)
    figures = results.results_for(campaign, profile_filter=form.profile_filter())
    context = {
        "campaign": campaign,
        "form": form,
        "results": figures,
        "minimum_group": results.MINIMUM_GROUP,
        "query": request.GET.urlencode(),
    }
    return render(request, "livinglab/campaign_results.html", context)


@login_required
@require_GET
def campaign_results_csv(request, pk):
    campaign = get_campaign_for(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="campaign-{campaign.pk}-feedback.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    for row in results.csv_rows(campaign):
        writer.writerow([_inert(cell) for cell in row])
    return response


def _inert(cell):
    # A spreadsheet runs a cell that starts like a formula; testers' free text must stay text.
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


@login_required
@require_GET
@csp_update({"style-src": ["'unsafe-inline'"]})
def campaign_results_chart(request, pk, question_pk):
    campaign = get_campaign_for(request.user, pk)
    form = ProfileFilterForm(request.GET or None)
    figures = results.results_for(campaign, profile_filter=form.profile_filter())
    result = next((r for r in figures.questions if r.question.pk == question_pk and r.bars), None)
    if result is None or figures.too_few or result.question.kind == Question.Kind.TEXT:
        raise Http404
    response = HttpResponse(charts.bar_chart_svg(result.question.text, result.bars), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=60"
    return response
