"""Error pages speak plain Dutch, say what to do next and show the phone number."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.site.error_urls")]

PHONE = "0493 - 327506"


@pytest.fixture
def client_no_raise():
    return Client(raise_request_exception=False)


def assert_dutch_error_page(response, status, heading):
    assert response.status_code == status
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert heading in body
    assert "Wat kunt u doen?" in body or "Probeer het over een paar minuten opnieuw" in body
    assert PHONE in body
    assert body.count("<h1") == 1


def test_404_page(client, site_content):
    response = client.get("/bestaat-niet/")
    assert_dutch_error_page(response, 404, "Deze pagina bestaat niet")
    assert 'name="q"' in response.content.decode()  # a search box to find the way


def test_403_page(client, site_content):
    assert_dutch_error_page(client.get("/test-403/"), 403, "U heeft geen toegang tot deze pagina")


def test_400_page(client, site_content):
    assert_dutch_error_page(
        client.get("/test-400/"), 400, "Wat u stuurde, konden wij niet verwerken"
    )


def test_500_page_needs_no_database_and_shows_the_phone_number(client_no_raise, site_content):
    response = client_no_raise.get("/test-500/")
    assert_dutch_error_page(response, 500, "Sorry, er ging iets mis bij ons")
    assert "Traceback" not in response.content.decode()


def test_database_failure_gives_a_503_with_retry_after(client_no_raise):
    response = client_no_raise.get("/test-503/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "De website is even niet beschikbaar" in body
    assert PHONE in body


def test_csrf_failure_page_explains_the_expired_form(site_content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/bel-mij-terug/", {"name": "Test"})
    assert_dutch_error_page(response, 403, "Het formulier is verlopen")
    assert "niet verstuurd" in response.content.decode()
