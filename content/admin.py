"""Admin for editors, in Dutch: pages with their sections, the signs, the organisation's facts."""

import datetime

from django.contrib import admin, messages
from django.db import models
from django.forms import Textarea
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from .models import Location, Page, Section, Sign, SiteFacts
from .readability import MAX_SENTENCE, TARGET_AVERAGE, measure_page


class ReviewDueFilter(admin.SimpleListFilter):
    title = "controle"
    parameter_name = "controle"

    def lookups(self, request, model_admin):
        return [
            ("te-laat", "Controle te laat"),
            ("binnenkort", "Controle binnen 30 dagen"),
            ("geen-datum", "Geen controledatum"),
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
        if self.value() == "geen-datum":
            return queryset.filter(next_review_due__isnull=True)
        return queryset


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["order", "heading", "body", "anchor"]
    ordering = ["order", "pk"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 8})}}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "order",
        "is_published",
        "review_due",
        "note",
        "updated_at",
        "site_link",
    ]
    list_display_links = ["title"]
    list_filter = ["is_published", ReviewDueFilter, "kind"]
    search_fields = ["title", "slug", "summary", "sections__heading", "sections__body"]
    ordering = ["kind", "order", "pk"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [SectionInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "summary", "is_published"]}),
        (
            "Plaats op de site",
            {"fields": ["kind", "slug", "menu_title", "order", "show_in_menu"]},
        ),
        (
            "Op de pagina",
            {
                "fields": [
                    "call_to_action",
                    "show_urgent_help",
                    "show_signs",
                    "show_contact_details",
                ]
            },
        ),
        ("Zoekmachines", {"fields": ["meta_description"]}),
        (
            "Inhoudelijke controle",
            {
                "fields": ["reviewed_on", "reviewed_by", "next_review_due"],
                "description": "De datum van de laatste controle staat onderaan de pagina.",
            },
        ),
        ("Redactie", {"fields": ["editor_note", "created_at", "updated_at"]}),
    ]

    def view_on_site(self, obj):
        # A relative link: the site and the admin share one host, whatever Site says.
        return obj.get_absolute_url()

    @admin.display(description="Volgende controle", ordering="next_review_due")
    def review_due(self, obj):
        if obj.next_review_due is None:
            return "–"
        label = obj.next_review_due.strftime("%d-%m-%Y")
        if obj.next_review_due < timezone.localdate():
            return format_html('<strong class="review-overdue">{} (te laat)</strong>', label)
        return label

    @admin.display(description="Notitie")
    def note(self, obj):
        return Truncator(obj.editor_note).chars(60) or "–"

    @admin.display(description="Op de site")
    def site_link(self, obj):
        label = "Bekijk op site" if obj.is_published else "Bekijk voorbeeld"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Section:
            _renumber(form.instance)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._readability_hint(request, form.instance)

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
class SignAdmin(admin.ModelAdmin):
    list_display = ["text", "order", "is_active"]
    list_display_links = ["text"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["text"]
    ordering = ["order", "pk"]


class LocationInline(admin.TabularInline):
    model = Location
    extra = 1
    fields = ["name", "order"]
    ordering = ["order", "pk"]


@admin.register(SiteFacts)
class SiteFactsAdmin(admin.ModelAdmin):
    """One form for the one row: no list, no second row, no delete."""

    inlines = [LocationInline]
    fieldsets = [
        (None, {"fields": ["organisation_name", "phone", "email"]}),
        ("Bereikbaarheid", {"fields": ["opens_at", "closes_at", "response_days"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteFacts.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        facts = SiteFacts.load()
        return redirect(reverse("admin:content_sitefacts_change", args=[facts.pk]))
