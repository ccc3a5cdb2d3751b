"""What search engines and link previews read: canonical URL, description, JSON-LD."""

from django.templatetags.static import static

from .models import Page
from .site_url import absolute_url


def organisation(ctx):
    data = {
        "@type": "Organization",
        "name": ctx.organisation_name,
        "url": absolute_url("/"),
        "logo": absolute_url(static("img/logo.svg")),
        "telephone": ctx.phone_uri.removeprefix("tel:"),
        "email": ctx.email,
    }
    if ctx.locations:
        data["areaServed"] = [{"@type": "City", "name": name} for name in ctx.locations]
    return data


def page_json_ld(page, ctx, canonical):
    """WebPage for the home and information pages, MedicalWebPage for the topic guide."""
    kind = {
        Page.Kind.TOPIC: "MedicalWebPage",
        Page.Kind.HOME: "WebPage",
    }.get(page.kind, "ContactPage" if page.show_contact_details else "WebPage")
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": page.title,
        "headline": page.title,
        "description": page.description,
        "url": canonical,
        "inLanguage": "nl",
        "dateModified": page.updated_at.isoformat(),
        "isPartOf": {"@type": "WebSite", "name": ctx.organisation_name, "url": absolute_url("/")},
        "publisher": organisation(ctx),
    }
    if page.kind == Page.Kind.TOPIC:
        data["about"] = {
            "@type": "MedicalCondition",
            "name": "Hechtingsstoornis",
            "alternateName": ["Hechtingsproblemen", "Hechtingsproblematiek"],
        }
        data["audience"] = {"@type": "PeopleAudience", "audienceType": "ouders en opvoeders"}
    if page.reviewed_on:
        data["lastReviewed"] = page.reviewed_on.isoformat()
        data["reviewedBy"] = {"@type": "Organization", "name": ctx.organisation_name}
    return data
