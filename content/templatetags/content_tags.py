import itertools
import json
import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: characters that could end the <script> element or start a comment.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(data):
    """Render ``data`` as a JSON-LD block (not executed, so the CSP allows it)."""
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


# A list item of sanitised Markdown (no nested list inside it).
_LIST_ITEM = re.compile(r"<li>((?:(?!<li[\s>]).)*?)</li>", re.S)


@register.filter(is_safe=True)
def checklist(html, group):
    """Every item of the lists in a section as a box to tick, with its text as the label
    (the conversation card). The boxes belong to no form: nothing is sent or stored."""
    numbers = itertools.count(1)

    def box(match):
        box_id = f"vakje-{group}-{next(numbers)}"
        return (
            f'<li class="form-check checklist__item"><input class="form-check-input" '
            f'type="checkbox" id="{box_id}"><label class="form-check-label" for="{box_id}">'
            f"{match.group(1)}</label></li>"
        )

    html = re.sub(r"<(ul|ol)>", r'<\1 class="checklist">', str(html))
    # Only markup is added around the sanitised HTML (content/markdown.py).
    return mark_safe(_LIST_ITEM.sub(box, html))


@register.simple_tag(takes_context=True)
def fact_sentence(context, key, fallback=True):
    """A confirmed fact in its own sentence ("Wij zijn bereikbaar ..."), its fallback, or
    nothing: the one wording of each fact (content/facts/registry.py)."""
    site = context.get("site")
    if site is None:
        return ""
    return site.facts.sentence(key, fallback=fallback)


@register.inclusion_tag("admin/content/worklist.html", takes_context=True)
def content_worklist(context):
    """On the admin index: what waits for this staff member in content."""
    from content.worklists import work_for

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"work": None}
    return {"work": work_for(user)}
