"""CSV export of the filtered queue: only with a dedicated permission, free text only with
a second one, safe to open in a spreadsheet. Answers come from the questions."""

import csv

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from ..access_log import log_access
from ..answers import csv_answer
from ..choices import AccessAction
from ..questions import CSV_COLUMNS, CSV_FREE_TEXT, yes_no
from ..workdays import due_date

PERM_EXPORT = "requests_app.export_request"
PERM_EXPORT_WORRIES = "requests_app.export_request_worries"

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Columns about the request itself, before the answers' columns (questions.CSV_COLUMNS).
REQUEST_COLUMNS = {
    "referentie": lambda r: r.reference,
    "soort": lambda r: r.get_kind_display(),
    "ontvangen": lambda r: timezone.localtime(r.created_at).strftime("%d-%m-%Y %H:%M"),
    "prioriteit": lambda r: r.get_priority_display(),
    "status": lambda r: r.get_status_display(),
    "toegewezen aan": lambda r: r.assigned_to.get_username() if r.assigned_to_id else "",
    "uiterlijk reageren": lambda r: due_date(r.created_at).strftime("%d-%m-%Y"),
    "over de termijn": lambda r: yes_no(getattr(r, "is_late", False)),
}


def csv_safe(value) -> str:
    """Text for one CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def export_header(with_worries: bool) -> list[str]:
    return [*REQUEST_COLUMNS, *CSV_COLUMNS, *([CSV_FREE_TEXT] if with_worries else [])]


def export_row(obj, with_worries: bool) -> list[str]:
    answers = [csv_answer(obj, column) for column in CSV_COLUMNS]
    if with_worries:
        answers.append(csv_answer(obj, CSV_FREE_TEXT))
    return [*(cell(obj) for cell in REQUEST_COLUMNS.values()), *answers]


def export_view(model_admin, request):
    """The queue as it is filtered now, as a CSV download (POST only)."""
    if not (model_admin.has_view_permission(request) and request.user.has_perm(PERM_EXPORT)):
        raise PermissionDenied
    # The filters come in the URL; the search term (personal data) in the body.
    if SEARCH_VAR in request.POST:
        request.GET = request.GET.copy()
        request.GET[SEARCH_VAR] = request.POST[SEARCH_VAR]
    try:
        cl = model_admin.get_changelist_instance(request)
    except IncorrectLookupParameters:
        return HttpResponseRedirect(reverse("admin:requests_app_request_changelist"))
    rows = list(cl.queryset.select_related("assessmentrequest", "callbackrequest"))
    with_worries = request.user.has_perm(PERM_EXPORT_WORRIES)
    detail = "CSV-export" + (" met vrije tekst" if with_worries else "")
    log_access(request.user, AccessAction.EXPORT, rows, detail)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aanvragen-{stamp}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    # A byte-order mark and semicolons: what Excel with Dutch settings expects.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_ALL)
    writer.writerow(export_header(with_worries))
    for obj in rows:
        writer.writerow([csv_safe(v) for v in export_row(obj, with_worries)])
    return response
