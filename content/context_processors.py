from .cache import get_site_context


def site(request):
    """Expose the cached site facts and navigation to every template as ``site``."""
    return {"site": get_site_context(request)}
