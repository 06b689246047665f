from django.urls import path

from support import views

app_name = "support"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("new/", views.request_create, name="request_create"),
    path("queue/", views.queue, name="queue"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/triage/", views.request_triage, name="request_triage"),
]
