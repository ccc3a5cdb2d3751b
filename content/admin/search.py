"""The synonym list for the site search: parents' words for what the site calls otherwise."""

from django.contrib import admin

from ..models import Synonym
from .base import ContentAdmin


@admin.register(Synonym)
class SynonymAdmin(ContentAdmin):
    list_display = ["word", "alternatives"]
    search_fields = ["word", "alternatives"]
    fields = ["word", "alternatives"]
