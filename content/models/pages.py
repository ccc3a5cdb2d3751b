"""What parents read: pages with their sections, and the list of signs.

A page's own fields and its sections are the editors' working copy. Parents read the
approved copy in ``Page.live`` (see content/publishing.py): a change goes live only when
an inhoudelijk deskundige who did not write it approves it.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify

from ..markdown import html_to_text, render_markdown
from ..redirects import record_move

MARKDOWN_HELP = (
    "Schrijf in gewone tekst. Een witregel begint een nieuwe alinea. "
    "Een opsomming: begin elke regel met '- '. Vet: **woord**. "
    "Een link: [tekst](https://voorbeeld.nl). Een feit van de organisatie (zoals de wachttijd) "
    "als eigen alinea: [[feit:waiting_time]]; de site toont het alleen als het bevestigd is "
    "(zie Inhoud › Feiten van de organisatie). Andere opmaak en HTML worden weggelaten."
)


def describe(meta_description: str, summary_html: str) -> str:
    return meta_description or Truncator(html_to_text(summary_html)).chars(158)


class PageQuerySet(models.QuerySet):
    def published(self):
        """Pages parents can read: published, with an approved (live) copy."""
        return self.filter(is_published=True, published_at__isnull=False)

    def needing_review(self):
        """Published pages that an inhoudelijk deskundige checks at an interval."""
        return self.published().filter(review_interval_months__gt=0)

    def review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(next_review_due__lt=today)

    def with_content(self):
        """Sections in page order, fetched in one extra query however many there are."""
        return self.prefetch_related(
            models.Prefetch("sections", queryset=Section.objects.order_by("order", "pk"))
        )


class LiveCopy:
    """What parents read of a page: its approved copy (``live``), as search and menus use it."""

    @property
    def live_title(self) -> str:
        return (self.live or {}).get("title", "")

    @property
    def live_nav_title(self) -> str:
        live = self.live or {}
        return live.get("menu_title") or live.get("title", "")

    @property
    def live_description(self) -> str:
        live = self.live or {}
        return describe(live.get("meta_description", ""), live.get("summary_html", ""))

    @property
    def has_live_copy(self) -> bool:
        return bool(self.live)

    def build_search_text(self):
        """Plain text of the live copy, for search: what parents can read, nothing else
        (the approved signs too, on the page that lists them)."""
        from ..facts.api import strip_fact_tokens
        from ..publishing import live_signs

        live = self.live or {}
        parts = [html_to_text(live.get("summary_html", ""))]
        for section in live.get("sections", ()):
            parts += [section["heading"], html_to_text(section["body_html"])]
        if self.show_signs:
            parts += [text for _, text in live_signs()]
        return strip_fact_tokens("\n".join(part for part in parts if part))


class PagePresentation(models.Model):
    """How a page is laid out: as a page or a conversation card, with or without the
    "Het is niet uw schuld" block near the top."""

    class Layout(models.TextChoices):
        STANDARD = "standard", "Gewone pagina"
        CONVERSATION_CARD = "conversation_card", "Gesprekskaart (om aan te kruisen en te printen)"

    layout = models.CharField(
        "vorm",
        max_length=20,
        choices=Layout.choices,
        default=Layout.STANDARD,
        help_text="Bijna altijd 'Gewone pagina'. 'Gesprekskaart': elke opsomming in de secties "
        "wordt een lijst met vakjes om aan te kruisen, met lijnen om vragen op te schrijven. "
        "Ouders printen de kaart op één A4 en nemen hem mee naar de huisarts of naar ons. Er "
        "wordt niets verstuurd of bewaard. Houd de kaart kort: ongeveer vier secties met elk "
        "vijf of zes korte punten.",
    )
    show_not_your_fault = models.BooleanField(
        "toon 'Het is niet uw schuld'",
        default=False,
        help_text="Toon bovenaan het blok 'Het is niet uw schuld': hechtingsproblemen hebben "
        "bijna altijd meer oorzaken, en hechting kan herstellen. Gebruik dit op de startpagina, "
        "de pagina over oorzaken en andere pagina's waar ouders zich schuldig kunnen voelen.",
    )

    class Meta:
        abstract = True

    @property
    def template_name(self) -> str:
        if self.layout == self.Layout.CONVERSATION_CARD:
            return "content/conversation_card.html"
        return "content/page.html"


class Page(LiveCopy, PagePresentation, models.Model):
    class Kind(models.TextChoices):
        HOME = "home", "Startpagina"
        TOPIC = "topic", "Onderwerp (gids over hechting)"
        INFO = "info", "Informatiepagina (contact, privacy, toegankelijkheid)"

    class CallToAction(models.TextChoices):
        ASSESSMENT = "assessment", "Onderzoek aanvragen"
        CALLBACK = "callback", "Bel mij terug"
        NONE = "none", "Geen"

    kind = models.CharField(
        "soort pagina",
        max_length=10,
        choices=Kind.choices,
        default=Kind.TOPIC,
        help_text="Onderwerp-pagina's vormen samen de gids, met vorige/volgende-links. "
        "Er is precies één startpagina.",
    )
    title = models.CharField(
        "titel",
        max_length=120,
        help_text="De kop bovenaan de pagina, kort en duidelijk. Bijvoorbeeld: 'Wat is hechting?'",
    )
    slug = models.SlugField(
        "adres (slug)",
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text="Het laatste deel van het webadres, alleen kleine letters, cijfers en "
        "streepjes. Bijvoorbeeld: 'wat-is-hechting'. Let op: als u dit wijzigt, blijft het oude "
        "adres werken (er wordt een doorverwijzing gemaakt).",
    )
    menu_title = models.CharField(
        "menutitel",
        max_length=40,
        blank=True,
        help_text="Korte naam in het menu en de inhoudsopgave. Leeg laten: de titel wordt gebruikt.",
    )
    summary = models.TextField(
        "in het kort",
        blank=True,
        help_text="Twee tot vier korte zinnen die als eerste op de pagina staan. " + MARKDOWN_HELP,
    )
    summary_html = models.TextField(editable=False, blank=True)
    meta_description = models.CharField(
        "omschrijving voor zoekmachines",
        max_length=160,
        blank=True,
        help_text="Eén of twee zinnen (max. 160 tekens) die Google onder de titel toont. "
        "Leeg laten: het begin van 'In het kort' wordt gebruikt.",
    )
    is_published = models.BooleanField(
        "gepubliceerd",
        default=False,
        help_text="Alleen gepubliceerde pagina's zijn voor bezoekers zichtbaar. "
        "Medewerkers zien een voorbeeld met een melding.",
    )
    order = models.PositiveSmallIntegerField(
        "volgorde",
        default=0,
        help_text="Plaats in de gids en het menu: lager staat eerder.",
    )
    show_in_menu = models.BooleanField(
        "in het menu", default=True, help_text="Toon deze pagina in het hoofdmenu."
    )
    call_to_action = models.CharField(
        "afsluitende oproep",
        max_length=12,
        choices=CallToAction.choices,
        default=CallToAction.ASSESSMENT,
        help_text="Welke knop onderaan de pagina staat.",
    )
    show_urgent_help = models.BooleanField(
        "toon 'Direct hulp nodig?'",
        default=False,
        help_text="Toon het blok met 112 en Veilig Thuis. Gebruik dit op pagina's over "
        "oorzaken, signalen en hulp.",
    )
    show_signs = models.BooleanField(
        "toon de lijst met signalen",
        default=False,
        help_text="Toon de lijst 'Signalen' (beheerd onder Inhoud › Signalen) na de eerste sectie.",
    )
    show_contact_details = models.BooleanField(
        "toon de contactgegevens",
        default=False,
        help_text="Toon telefoonnummer, bereikbaarheid, e-mailadres en locaties (beheerd onder "
        "Inhoud › Gegevens van de organisatie). Bedoeld voor de contactpagina.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "controle elke (maanden)",
        default=12,
        help_text="Hoe vaak een inhoudelijk deskundige deze tekst opnieuw controleert. "
        "Meestal 12 maanden. 0: deze pagina hoeft niet inhoudelijk gecontroleerd te worden "
        "(bijvoorbeeld de privacyverklaring).",
    )
    next_review_due = models.DateField(
        "volgende controle",
        null=True,
        blank=True,
        editable=False,
        help_text="Wordt gezet als een inhoudelijk deskundige de pagina controleert.",
    )
    last_review = models.ForeignKey(
        "content.PageReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="laatste inhoudelijke controle",
    )
    # What parents read: the approved copy of title, summary and sections (a snapshot made
    # by content.publishing), the version it came from and when it went live.
    live = models.JSONField(default=dict, blank=True, editable=False)
    live_version = models.ForeignKey(
        "content.Version",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="gepubliceerde versie",
    )
    published_at = models.DateTimeField("live sinds", null=True, blank=True, editable=False)
    editor_note = models.TextField(
        "interne notitie voor redactie",
        blank=True,
        help_text="Alleen zichtbaar in het beheer, nooit op de site. Bijvoorbeeld: "
        "'Concept: laten controleren door de privacyfunctionaris.'",
    )
    # Plain text of the live copy's summary and sections, kept for search; never shown as HTML.
    search_text = models.TextField(editable=False, blank=True)
    # On PostgreSQL: the weighted full-text document of the live copy (content/search/index.py).
    search_document = SearchVectorField(null=True, editable=False)
    # Which seed page this is, so that re-seeding finds it again after a slug change.
    seed_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(
        "aangemaakt", auto_now_add=True, help_text="Wordt automatisch ingevuld."
    )
    updated_at = models.DateTimeField(
        "laatst gewijzigd", auto_now=True, help_text="Wordt automatisch bijgewerkt."
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = "pagina"
        verbose_name_plural = "pagina's"
        ordering = ["kind", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="home"),
                name="content_page_one_home",
                violation_error_message="Er is al een startpagina.",
            ),
        ]
        permissions = [
            ("review_page", "Mag pagina's inhoudelijk controleren (inhoudelijk deskundige)"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.summary_html = render_markdown(self.summary)
        update_fields = kwargs.get("update_fields")
        old_url = None
        if self.pk and (update_fields is None or "slug" in update_fields):
            old_slug = Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            if old_slug and old_slug != self.slug and self.kind != self.Kind.HOME:
                old_url = reverse("content:page", kwargs={"slug": old_slug})
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_url:
                record_move(old_url, self.get_absolute_url())
            if update_fields is None or {"live", "show_signs"} & set(update_fields):
                from ..search.index import reindex

                reindex([self])

    def get_absolute_url(self):
        if self.kind == self.Kind.HOME:
            return reverse("content:home")
        return reverse("content:page", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug and self.kind != self.Kind.HOME:
            # Another part of the site (a form, search, the admin) may own this address.
            try:
                match = resolve(f"/{self.slug}/")
            except Resolver404:
                match = None
            if match is not None and match.view_name != "content:page":
                raise ValidationError(
                    {"slug": "Dit adres is al in gebruik door een ander deel van de site."}
                )

    @property
    def nav_title(self):
        return self.menu_title or self.title

    @property
    def description(self):
        """The meta description, or the start of 'In het kort' when the editor left it empty."""
        return describe(self.meta_description, self.summary_html)


# Ids the frame and the page template use; a section anchor must not take one of them.
RESERVED_ANCHORS = {
    "inhoud",
    "footer-contact",
    "footer-locations",
    "footer-urgent",
    "in-het-kort",
    "op-deze-pagina",
    "direct-hulp-nodig",
    "vervolgstap",
    "alles-over-hechting",
    "hulp-vragen",
    "contactgegevens",
    "locaties",
    "niet-uw-schuld",
    "mijn-vragen",
}


class Section(models.Model):
    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name="pagina",
        help_text="De pagina waar deze sectie op staat.",
    )
    order = models.PositiveSmallIntegerField(
        "volgorde",
        default=0,
        help_text="Plaats op de pagina: lager staat eerder. Tip: nummer 10, 20, 30, dan kunt u "
        "later iets tussenvoegen (bijvoorbeeld 15).",
    )
    heading = models.CharField(
        "tussenkop",
        max_length=120,
        help_text="Kop boven deze sectie; verschijnt ook in 'Op deze pagina'. "
        "Bijvoorbeeld: 'Veilige haven'.",
    )
    anchor = models.SlugField(
        "anker",
        max_length=80,
        blank=True,
        help_text="Wordt automatisch gemaakt uit de tussenkop; gebruikt voor links binnen de "
        "pagina. Maak het leeg om het opnieuw te laten maken.",
    )
    body = models.TextField("tekst", blank=True, help_text=MARKDOWN_HELP)
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "sectie"
        verbose_name_plural = "secties"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = self._unique_anchor(slugify(self.heading)[:70] or "sectie")
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def _unique_anchor(self, base):
        taken = set(RESERVED_ANCHORS)
        if self.page_id:
            taken |= set(
                Section.objects.filter(page_id=self.page_id)
                .exclude(pk=self.pk)
                .values_list("anchor", flat=True)
            )
        anchor, n = base, 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        return anchor


class SignQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True).order_by("order", "pk")


class Sign(models.Model):
    """A sign of attachment problems: on the symptoms page and in the assessment form."""

    text = models.CharField(
        "signaal",
        max_length=200,
        help_text="Eén signaal, zoals ouders het herkennen. Bijvoorbeeld: 'het kind is bang "
        "om in de steek gelaten te worden'. Verschijnt op de pagina over kenmerken én als "
        "keuzevakje in het aanvraagformulier.",
    )
    order = models.PositiveSmallIntegerField(
        "volgorde",
        default=0,
        help_text="Plaats in de lijst: lager staat eerder. Dezelfde volgorde geldt op de site "
        "en in het formulier.",
    )
    is_active = models.BooleanField(
        "actief",
        default=True,
        help_text="Uitzetten haalt het signaal van de site en uit het formulier.",
    )

    objects = SignQuerySet.as_manager()

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text
