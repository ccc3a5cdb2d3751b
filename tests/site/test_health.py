"""/healthz tells a load balancer whether this instance can reach its database."""

import json

import pytest
from django.urls import reverse

from .test_settings import run_django

pytestmark = pytest.mark.django_db


def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down():
    # A real PostgreSQL URL on a port where nothing listens: the database is down.
    result = run_django(
        "from django.test import Client; import json;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json(),"
        " 'retry': r.headers.get('Retry-After')}))",
        DJANGO_ENV="test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing_here",
        DB_POOL_TIMEOUT="1",
        DB_CONNECT_TIMEOUT="1",
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"] == {"status": "unavailable", "database": "down"}
    assert outcome["retry"]


@pytest.mark.parametrize("admin_path", ["beheer/", "medewerkers-7f3k/"])
def test_robots_txt_points_at_the_sitemap_and_never_names_the_admin_path(
    client, settings, admin_path
):
    # A chosen admin path is pointless once robots.txt publishes it. The admin keeps
    # crawlers out itself: every admin page says <meta name="robots" content="NONE,...">.
    settings.ADMIN_PATH = admin_path
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body
    assert admin_path.strip("/") not in body
    assert "Disallow: /zoeken/" in body


def test_the_admin_login_page_tells_crawlers_to_stay_away(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert '<meta name="robots" content="NONE,NOARCHIVE">' in html
