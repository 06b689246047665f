from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from escc import views

# The admin login goes through allauth's, so its rate limits and two-factor step apply.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "ESCC"
admin.site.site_title = "ESCC"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("messaging.urls")),
    path("", include("members.urls")),
    path("projects/", include("projects.urls")),
    path("", include("funding.urls")),
    path("living-lab/", include("livinglab.urls")),
    path("services/", include("support.urls")),
    prefix_default_language=True,
)

# Uploaded logos: the embedded mode serves them itself; in production the reverse proxy serves
# MEDIA_ROOT at /media/ (static() adds nothing when DEBUG is off).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
