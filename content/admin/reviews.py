"""Staff profiles of inhoudelijk deskundigen, and the record of clinical reviews."""

from django.contrib import admin

from ..models import PageReview, StaffProfile
from .base import ContentAdmin, ReadOnlyAdmin


@admin.register(StaffProfile)
class StaffProfileAdmin(ContentAdmin):
    list_display = ["public_name", "profession", "user"]
    search_fields = ["public_name", "profession", "user__username"]
    fields = ["user", "public_name", "profession"]


@admin.register(PageReview)
class PageReviewAdmin(ReadOnlyAdmin):
    list_display = [
        "page",
        "reviewer_name",
        "reviewer_profession",
        "reviewed_on",
        "next_review_due",
    ]
    list_filter = [("page", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["page"]
    fields = list_display
