from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Page


def _visible_pages(request):
    pages = Page.objects.all()
    if not (request.user.is_authenticated and request.user.is_staff):
        pages = pages.published()
    return pages


def home(request):
    page = _visible_pages(request).filter(kind=Page.Kind.HOME).first()
    if page is None:
        raise Http404("Geen startpagina")
    return render(request, "content/home.html", {"page": page})


def page_detail(request, slug):
    page = get_object_or_404(
        _visible_pages(request).exclude(kind=Page.Kind.HOME).prefetch_related("sections"), slug=slug
    )
    return render(request, "content/page.html", {"page": page})


def search(request):
    return render(request, "content/search.html", {"query": request.GET.get("q", "")})
