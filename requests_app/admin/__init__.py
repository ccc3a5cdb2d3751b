"""The triage desk in Django's admin, by concern: queue.py (list, filters, bulk actions),
detail.py (a request's page), export.py (CSV), family.py (AVG pages), logs.py (the
access and purge logs), all registered from requests.py and logs.py."""

from .export import csv_safe
from .logs import AccessLogEntryAdmin, PurgeLogEntryAdmin
from .requests import RequestAdmin

__all__ = ["AccessLogEntryAdmin", "PurgeLogEntryAdmin", "RequestAdmin", "csv_safe"]
