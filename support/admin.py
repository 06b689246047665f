"""Service requests in the admin: the queue's fields to filter on, the thread read-only beside it.

Staff triage and answer on the request's own page (`/services/<id>/`), where the services
stamp the first answer and the close and tell the member; the admin is for finding and
correcting rows, so its thread is read-only and "view on site" leads to the page that writes.
"""

from django.contrib import admin

from support.models import RequestMessage, ServiceRequest


class RequestMessageInline(admin.TabularInline):
    model = RequestMessage
    fields = ["created_at", "author", "from_staff", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = ["subject", "organisation", "service", "status", "assignee", "with_agency", "created_at"]
    list_filter = ["status", "service", "with_agency", "assignee"]
    list_select_related = ["organisation", "assignee"]
    search_fields = ["subject", "organisation__name"]
    raw_id_fields = ["organisation", "requested_by", "project", "call"]
    readonly_fields = ["created_at", "first_answered_at", "closed_at", "language"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    inlines = [RequestMessageInline]
