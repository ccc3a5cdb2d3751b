"""Pages with their sections, and the signs list: the editors' working copy.

Saving keeps a version (content.publishing); parents see it once an inhoudelijk
deskundige who did not write it approves it. Reviewers mark a page as checked here.
"""

import datetime

from django.contrib import admin, messages
from django.db import models
from django.forms import Textarea
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from ..models import Page, Section, Sign
from ..publishing import PublishingError, may_approve, pending_version, record_change
from ..readability import MAX_SENTENCE, TARGET_AVERAGE, measure_page
from ..reviews import mark_reviewed, may_review
from .base import ContentAdmin


class ReviewDueFilter(admin.SimpleListFilter):
    title = "inhoudelijke controle"
    parameter_name = "controle"

    def lookups(self, request, model_admin):
        return [
            ("te-laat", "Controle te laat"),
            ("binnenkort", "Controle binnen 30 dagen"),
            ("nooit", "Nog nooit gecontroleerd"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "te-laat":
            return queryset.review_overdue(today)
        if self.value() == "binnenkort":
            return queryset.filter(
                next_review_due__gte=today,
                next_review_due__lte=today + datetime.timedelta(days=30),
            )
        if self.value() == "nooit":
            return queryset.filter(last_review__isnull=True, review_interval_months__gt=0)
        return queryset


class PendingFilter(admin.SimpleListFilter):
    title = "wijzigingen"
    parameter_name = "wijziging"

    def lookups(self, request, model_admin):
        return [("wacht", "Wacht op goedkeuring")]

    def queryset(self, request, queryset):
        if self.value() == "wacht":
            return queryset.filter(versions__state="pending").distinct()
        return queryset


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["order", "heading", "body", "anchor"]
    ordering = ["order", "pk"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 8})}}


def announce_version(modeladmin, request, version):
    if version is None:
        return
    modeladmin.message_user(
        request,
        f"Uw wijziging is bewaard als versie {version.number}. Ouders zien de nieuwe tekst "
        "pas als een inhoudelijk deskundige die hem niet schreef, hem goedkeurt.",
        messages.INFO,
    )


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = [
        "title",
        "kind",
        "order",
        "is_published",
        "version_state",
        "review_due",
        "note",
        "site_link",
    ]
    list_display_links = ["title"]
    list_filter = ["is_published", PendingFilter, ReviewDueFilter, "kind"]
    search_fields = ["title", "slug", "summary", "sections__heading", "sections__body"]
    ordering = ["kind", "order", "pk"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "review_line"]
    inlines = [SectionInline]
    save_on_top = True
    change_form_template = "admin/content/page/change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": ["title", "summary", "is_published"],
                "description": "Wijzigingen in titel, 'In het kort' en secties worden een "
                "nieuwe versie. Ouders zien die pas na goedkeuring door een inhoudelijk "
                "deskundige die de wijziging niet zelf schreef.",
            },
        ),
        (
            "Plaats op de site",
            {"fields": ["kind", "slug", "menu_title", "order", "show_in_menu"]},
        ),
        (
            "Op de pagina",
            {
                "fields": [
                    "layout",
                    "show_not_your_fault",
                    "call_to_action",
                    "show_urgent_help",
                    "show_signs",
                    "show_contact_details",
                ]
            },
        ),
        ("Zoekmachines", {"fields": ["meta_description"]}),
        ("Inhoudelijke controle", {"fields": ["review_interval_months", "review_line"]}),
        ("Redactie", {"fields": ["editor_note", "created_at", "updated_at"]}),
    ]

    def view_on_site(self, obj):
        # A relative link: the site and the admin share one host, whatever Site says.
        return obj.get_absolute_url()

    @admin.display(description="Versie")
    def version_state(self, obj):
        if any(v.state == "pending" for v in obj.versions.all()):
            return format_html(
                '<strong class="content-pending">{}</strong>', "Wacht op goedkeuring"
            )
        if not obj.published_at:
            return "Nog niet goedgekeurd"
        return "Gepubliceerd"

    @admin.display(description="Volgende controle", ordering="next_review_due")
    def review_due(self, obj):
        if obj.review_interval_months == 0:
            return "–"
        if obj.next_review_due is None:
            return "Nog nooit"
        label = obj.next_review_due.strftime("%d-%m-%Y")
        if obj.next_review_due < timezone.localdate():
            return format_html('<strong class="review-overdue">{} (te laat)</strong>', label)
        return label

    @admin.display(description="Laatste controle")
    def review_line(self, obj):
        review = obj.last_review
        if review is None:
            return "Nog niet inhoudelijk gecontroleerd: de pagina toont geen controleregel."
        return (
            f"Gecontroleerd door {review.reviewer_name}, {review.reviewer_profession}, op "
            f"{review.reviewed_on:%d-%m-%Y}. Volgende controle: {review.next_review_due:%d-%m-%Y}."
        )

    @admin.display(description="Notitie")
    def note(self, obj):
        return Truncator(obj.editor_note).chars(60) or "–"

    @admin.display(description="Op de site")
    def site_link(self, obj):
        label = "Bekijk op site" if obj.is_published and obj.published_at else "Bekijk voorbeeld"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)

    def get_queryset(self, request):
        return (
            super().get_queryset(request).prefetch_related("versions").select_related("last_review")
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Section:
            _renumber(form.instance)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        announce_version(self, request, record_change(form.instance, author=request.user))
        self._readability_hint(request, form.instance)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        page = self.get_object(request, object_id)
        extra = {}
        if page is not None:
            extra = {
                "pending": pending_version(page),
                "can_approve": may_approve(request.user),
                "can_review": may_review(request.user) and bool(page.live),
                "versions_url": reverse("admin:content_version_changelist")
                + f"?page__id__exact={page.pk}",
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def get_urls(self):
        return [
            path(
                "<int:pk>/gecontroleerd/",
                self.admin_site.admin_view(self.mark_reviewed_view),
                name="content_page_mark_reviewed",
            ),
            *super().get_urls(),
        ]

    def mark_reviewed_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = get_object_or_404(Page, pk=pk)
        try:
            review = mark_reviewed(page, reviewer=request.user)
        except PublishingError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            self.message_user(
                request,
                f"‘{page.live_title}’ is gemarkeerd als gecontroleerd door "
                f"{review.reviewer_name}. Volgende controle: {review.next_review_due:%d-%m-%Y}.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:content_page_change", args=[page.pk]))

    def _readability_hint(self, request, page):
        result = measure_page(page)
        if not result.sentences:
            return
        average = f"{result.average:.1f}".replace(".", ",")
        text = (
            f"Leesbaarheid (B1): gemiddeld {average} woorden per zin "
            f"(streef naar 5 tot {TARGET_AVERAGE}, nooit meer dan {MAX_SENTENCE})."
        )
        long_ones = result.too_long or result.longest[:1]
        if long_ones:
            text += " Langste zinnen: " + " ".join(
                f"“{Truncator(sentence).words(25)}” ({count} woorden)."
                for count, sentence in long_ones
            )
        self.message_user(request, text, messages.SUCCESS if result.ok else messages.WARNING)


def _renumber(page):
    """Number sections 10, 20, 30 … in their current order, so editors can slot one in."""
    for i, section in enumerate(page.sections.order_by("order", "pk"), start=1):
        if section.order != i * 10:
            Section.objects.filter(pk=section.pk).update(order=i * 10)


@admin.register(Sign)
class SignAdmin(ContentAdmin):
    """The signs list: a change is a new version of the whole list, approved like a page."""

    list_display = ["text", "order", "is_active"]
    list_display_links = ["text"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["text"]
    ordering = ["order", "pk"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "form-TOTAL_FORMS" in request.POST:
            request._signs_changed = True  # edited in the list: one version for all rows
        else:
            announce_version(self, request, record_change(None, author=request.user))

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if getattr(request, "_signs_changed", False):
            announce_version(self, request, record_change(None, author=request.user))
        return response

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        announce_version(self, request, record_change(None, author=request.user))

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        announce_version(self, request, record_change(None, author=request.user))
