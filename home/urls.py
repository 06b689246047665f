from django.urls import path

from home import views

# Not namespaced: LOGIN_REDIRECT_URL and every template say "home".
urlpatterns = [path("", views.home, name="home")]
