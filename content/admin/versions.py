"""Versions of pages and the signs list: compare with what parents see, approve, restore."""

from django.contrib import admin, messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..diffing import compare_pages, compare_signs
from ..models import Version
from ..publishing import (
    PublishingError,
    approve,
    authors_since_live,
    latest_version,
    live_version,
    may_approve,
    restore,
)
from .base import ReadOnlyAdmin


class StateFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Version.State.choices

    def queryset(self, request, queryset):
        if self.value() in Version.State.values:
            return queryset.filter(state=self.value())
        return queryset


@admin.register(Version)
class VersionAdmin(ReadOnlyAdmin):
    list_display = [
        "subject_title",
        "number",
        "state",
        "author_name",
        "created_at",
        "decided",
        "compare_link",
    ]
    list_filter = [StateFilter, "subject", ("page", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["page", "author", "decided_by"]
    ordering = ["-created_at", "-pk"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("content.view_version")

    @admin.display(description="wat", ordering="page__title")
    def subject_title(self, obj):
        return obj.page.title if obj.page_id else obj.get_subject_display()

    @admin.display(description="geschreven door")
    def author_name(self, obj):
        return obj.author_name

    @admin.display(description="goedgekeurd")
    def decided(self, obj):
        if obj.state != Version.State.APPROVED:
            return "–"
        who = obj.decided_by.get_username() if obj.decided_by else "startinhoud"
        return f"{obj.decided_at:%d-%m-%Y %H:%M} door {who}"

    @admin.display(description="")
    def compare_link(self, obj):
        url = reverse("admin:content_version_compare", args=[obj.pk])
        return format_html('<a href="{}">Vergelijken</a>', url)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/vergelijken/", wrap(self.compare_view), name="content_version_compare"),
            path("<int:pk>/goedkeuren/", wrap(self.approve_view), name="content_version_approve"),
            path("<int:pk>/terugzetten/", wrap(self.restore_view), name="content_version_restore"),
            *super().get_urls(),
        ]

    def _version(self, request, pk):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return get_object_or_404(Version.objects.select_related("page", "author"), pk=pk)

    def compare_view(self, request, pk):
        version = self._version(request, pk)
        live = live_version(version.page)
        compare = compare_pages if version.page_id else compare_signs
        rows = compare(live.data if live else {}, version.data)
        latest = latest_version(version.page)
        is_latest_pending = (
            version.state == Version.State.PENDING
            and latest is not None
            and latest.pk == version.pk
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{version}: vergelijken met wat ouders zien",
            "version": version,
            "live": live,
            "rows": rows,
            "changed": [row for row in rows if row.changed],
            "is_live": live is not None and live.pk == version.pk,
            "can_approve": is_latest_pending and may_approve(request.user),
            "wrote_it": request.user.pk in authors_since_live(version),
            "can_restore": may_approve(request.user)
            and not (live is not None and live.pk == version.pk)
            and version.state != Version.State.PENDING,
            "preview_url": (version.page.get_absolute_url() + "?voorbeeld=1")
            if version.page_id
            else "",
        }
        return TemplateResponse(request, "admin/content/version/compare.html", context)

    def approve_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        version = self._version(request, pk)
        try:
            approve(version, reviewer=request.user)
        except PublishingError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:content_version_compare", args=[pk]))
        self.message_user(
            request, f"{version} is goedgekeurd: ouders zien deze versie nu.", messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:content_version_compare", args=[pk]))

    def restore_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        version = self._version(request, pk)
        try:
            new = restore(version, actor=request.user)
        except PublishingError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:content_version_compare", args=[pk]))
        if new is None:
            self.message_user(
                request,
                "Versie teruggezet: die is gelijk aan wat ouders nu zien, er is niets goed te keuren.",
                messages.INFO,
            )
            return HttpResponseRedirect(reverse("admin:content_version_compare", args=[pk]))
        self.message_user(
            request,
            f"Versie {version.number} is teruggezet als versie {new.number}. Een andere "
            "inhoudelijk deskundige moet die goedkeuren.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:content_version_compare", args=[new.pk]))
