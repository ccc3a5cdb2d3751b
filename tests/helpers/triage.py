"""Reading the triage desk back: a request's page and the queue's order."""

from django.urls import reverse


def change_url(request):
    return reverse("admin:requests_app_request_change", args=[request.pk])


def references(response):
    """The references in the queue, in the order shown."""
    return [obj.reference for obj in response.context["cl"].result_list]
