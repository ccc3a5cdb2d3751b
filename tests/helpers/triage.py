"""Reading the triage desk back: a request's page, the queue's order, the dashboard."""

import html
import re

from django.urls import reverse


def change_url(request):
    return reverse("admin:requests_app_request_change", args=[request.pk])


def references(response):
    """The references in the queue, in the order shown."""
    return [obj.reference for obj in response.context["cl"].result_list]


def linked_tiles(response):
    """(label, count, link) for each tile on the admin index, as shown."""
    found = re.findall(
        r'<a href="([^"]+)"><span class="triage-count">(\d+)</span> '
        r'<span class="triage-tile-label">([^<]+)</span></a>',
        response.text,
    )
    return [(label, int(count), html.unescape(href)) for href, count, label in found]
