from django.urls import path

from . import views

app_name = "requests_app"

urlpatterns = [
    path("onderzoek-aanvragen/", views.assessment, name="assessment"),
    path(
        "onderzoek-aanvragen/ontvangen/<str:token>/", views.assessment_done, name="assessment_done"
    ),
    path("bel-mij-terug/", views.callback, name="callback"),
    path("bel-mij-terug/ontvangen/<str:token>/", views.callback_done, name="callback_done"),
]
