"""What search engines and link previews read: canonical URL, description, JSON-LD.

Only confirmed facts of the organisation appear here, and a review only when a named
inhoudelijk deskundige made one.
"""

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
    }
    if ctx.facts.email:
        data["email"] = ctx.facts.email
    if ctx.facts.locations:
        data["areaServed"] = [{"@type": "City", "name": name} for name in ctx.facts.locations]
    return data


def page_json_ld(shown, ctx, canonical):
    """WebPage for the home and information pages, MedicalWebPage for the topic guide."""
    page = shown.page
    kind = {
        Page.Kind.TOPIC: "MedicalWebPage",
        Page.Kind.HOME: "WebPage",
    }.get(page.kind, "ContactPage" if page.show_contact_details else "WebPage")
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": shown.title,
        "headline": shown.title,
        "description": shown.description,
        "url": canonical,
        "inLanguage": "nl",
        "isPartOf": {"@type": "WebSite", "name": ctx.organisation_name, "url": absolute_url("/")},
        "publisher": organisation(ctx),
    }
    if page.published_at:
        data["dateModified"] = page.published_at.isoformat()
    if page.kind == Page.Kind.TOPIC:
        data["about"] = {
            "@type": "MedicalCondition",
            "name": "Hechtingsproblemen",
            "alternateName": ["Hechtingsproblematiek", "Onveilige hechting"],
        }
        data["audience"] = {"@type": "PeopleAudience", "audienceType": "ouders en opvoeders"}
    review = shown.review
    if review is not None:
        data["lastReviewed"] = review.reviewed_on.isoformat()
        data["reviewedBy"] = {
            "@type": "Person",
            "name": review.reviewer_name,
            "jobTitle": review.reviewer_profession,
        }
    return data
