from django.urls import path

from . import views

app_name = "requests_app"

urlpatterns = [
    path("onderzoek-aanvragen/", views.assessment, name="assessment"),
    path("bel-mij-terug/", views.callback, name="callback"),
]
