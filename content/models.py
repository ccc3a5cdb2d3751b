"""What parents read: pages with their sections, the list of signs, and the site's facts."""

import datetime

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify

from .markdown import html_to_text, render_markdown
from .redirects import record_move

MARKDOWN_HELP = (
    "Schrijf in gewone tekst. Een witregel begint een nieuwe alinea. "
    "Een opsomming: begin elke regel met '- '. Vet: **woord**. "
    "Een link: [tekst](https://voorbeeld.nl). Andere opmaak en HTML worden weggelaten."
)


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(next_review_due__lt=today)

    def with_content(self):
        """Sections in page order, fetched in one extra query however many there are."""
        return self.prefetch_related(
            models.Prefetch("sections", queryset=Section.objects.order_by("order", "pk"))
        )


class Page(models.Model):
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
    reviewed_on = models.DateField(
        "laatst gecontroleerd op",
        null=True,
        blank=True,
        help_text="Datum waarop een deskundige de tekst inhoudelijk heeft gecontroleerd. "
        "Staat onderaan de pagina.",
    )
    reviewed_by = models.CharField(
        "gecontroleerd door",
        max_length=120,
        blank=True,
        help_text="Naam of functie. Bijvoorbeeld: 'GZ-psycholoog Bijzonder Jeugdwerk'. "
        "Staat onderaan de pagina.",
    )
    next_review_due = models.DateField(
        "volgende controle",
        null=True,
        blank=True,
        help_text="Wanneer de tekst opnieuw gecontroleerd moet worden (meestal na een jaar).",
    )
    editor_note = models.TextField(
        "interne notitie voor redactie",
        blank=True,
        help_text="Alleen zichtbaar in het beheer, nooit op de site. Bijvoorbeeld: "
        "'Concept: laten controleren door de privacyfunctionaris.'",
    )
    # Plain text of the summary and sections, kept for search; never shown as HTML.
    search_text = models.TextField(editable=False, blank=True)
    # Which seed page this is, so that re-seeding finds it again after a slug change.
    seed_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(
        "aangemaakt", auto_now_add=True, help_text="Wordt automatisch ingevuld."
    )
    updated_at = models.DateTimeField(
        "laatst gewijzigd",
        auto_now=True,
        help_text="Wordt automatisch bijgewerkt, ook als een sectie verandert.",
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

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.summary_html = render_markdown(self.summary)
        self.search_text = self.build_search_text()
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
        if self.meta_description:
            return self.meta_description
        return Truncator(html_to_text(self.summary_html)).chars(158)

    def build_search_text(self):
        parts = [html_to_text(self.summary_html)]
        if self.pk:
            for heading, body_html in self.sections.order_by("order", "pk").values_list(
                "heading", "body_html"
            ):
                parts += [heading, html_to_text(body_html)]
        return "\n".join(part for part in parts if part)

    def refresh_search_text(self):
        """Store the search text after a section changed; sitemaps see the page as changed."""
        self.search_text = self.build_search_text()
        self.updated_at = timezone.now()
        Page.objects.filter(pk=self.pk).update(
            search_text=self.search_text, updated_at=self.updated_at
        )


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


class SiteFacts(models.Model):
    """The one row of facts every page shows: name, phone, e-mail, opening hours."""

    SINGLETON_PK = 1

    organisation_name = models.CharField(
        "naam organisatie",
        max_length=120,
        default="Bijzonder Jeugdwerk",
        help_text="Staat in de kop en voettekst van elke pagina en in zoekmachines. "
        "Bijvoorbeeld: 'Bijzonder Jeugdwerk'.",
    )
    phone = models.CharField(
        "telefoonnummer",
        max_length=30,
        default="0493 - 327506",
        help_text="Zoals het op de site staat. Bijvoorbeeld: '0493 - 327506'. Staat op elke pagina.",
    )
    email = models.EmailField(
        "e-mailadres",
        default="info@bijzonderjeugdwerk.nl",
        help_text="Algemeen e-mailadres voor ouders. Staat op de contactpagina en in de voettekst.",
    )
    opens_at = models.TimeField(
        "bereikbaar vanaf",
        default=datetime.time(9, 0),
        help_text="Op werkdagen. Bijvoorbeeld: 9:00.",
    )
    closes_at = models.TimeField(
        "bereikbaar tot",
        default=datetime.time(17, 0),
        help_text="Op werkdagen. Bijvoorbeeld: 17:00.",
    )
    response_days = models.PositiveSmallIntegerField(
        "reactietermijn (werkdagen)",
        default=3,
        help_text="Binnen hoeveel werkdagen wij reageren op een aanvraag. Dit belooft de site "
        "aan ouders en bepaalt de 'uiterlijk'-datum in de wachtrij.",
    )
    updated_at = models.DateTimeField(
        "laatst gewijzigd", auto_now=True, help_text="Wordt automatisch bijgewerkt."
    )

    class Meta:
        verbose_name = "gegevens van de organisatie"
        verbose_name_plural = "gegevens van de organisatie"

    def __str__(self):
        return self.organisation_name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK  # there is only ever one row
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("De gegevens van de organisatie kunnen niet worden verwijderd.")

    def clean(self):
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": "De eindtijd moet na de begintijd liggen."})
        try:
            phonenumbers.parse(self.phone, "NL")
        except phonenumbers.NumberParseException:
            raise ValidationError({"phone": "Dit is geen geldig telefoonnummer."}) from None

    @classmethod
    def load(cls):
        obj, _ = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return obj

    @property
    def phone_uri(self):
        """The phone number as a tel: URI in international form, e.g. tel:+31493327506."""
        try:
            number = phonenumbers.parse(self.phone, "NL")
        except phonenumbers.NumberParseException:
            return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @property
    def opening_hours(self):
        """Plain Dutch, e.g. 'maandag tot en met vrijdag van 9.00 tot 17.00 uur'."""
        return (
            f"maandag tot en met vrijdag van {self.opens_at:%-H.%M} tot {self.closes_at:%-H.%M} uur"
        )


class Location(models.Model):
    """A place the organisation works from; staff keep the list."""

    facts = models.ForeignKey(
        SiteFacts, on_delete=models.CASCADE, related_name="locations", default=1, editable=False
    )
    name = models.CharField(
        "plaats", max_length=80, help_text="Plaatsnaam. Bijvoorbeeld: 'Helmond'."
    )
    order = models.PositiveSmallIntegerField(
        "volgorde", default=0, help_text="Plaats in de lijst: lager staat eerder."
    )

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name
