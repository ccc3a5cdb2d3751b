"""One reading of the client's address for every limit and the login lock-out.

IPv6 clients are counted per /64 (one household or phone gets a whole /64), and
X-Forwarded-For is believed only from a proxy named in FORWARDED_ALLOW_IPS.
"""

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from requests_app.models import Request
from requests_app.spam import was_rate_limited
from site_config.client_ip import client_ip, parse_forwarded_allow_ips
from tests.factories import make_staff
from tests.helpers.forms import send_callback

PASSWORD = "een-lang-wachtwoord-2026"


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FORWARDED_ALLOW_IPS = parse_forwarded_allow_ips("127.0.0.1,::1")
    return settings


def test_an_ipv6_client_is_counted_by_its_64_network():
    assert address("2001:db8:1:2::1") == "2001:db8:1:2::"
    assert address("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::"
    assert address("2001:db8:1:3::1") == "2001:db8:1:3::"


def test_an_ipv4_client_is_counted_by_its_own_address_also_when_mapped_into_ipv6():
    assert address("203.0.113.7") == "203.0.113.7"
    assert address("::ffff:203.0.113.7") == "203.0.113.7"


def test_without_a_trusted_proxy_the_header_is_never_read(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert address("198.51.100.9", "203.0.113.1") == "198.51.100.9"


def test_the_header_of_a_peer_that_is_not_a_proxy_is_ignored(behind_one_proxy):
    assert address("198.51.100.9", "203.0.113.1") == "198.51.100.9"
    assert address("2001:db8:9:9::5", "203.0.113.1") == "2001:db8:9:9::"


def test_a_proxy_s_header_is_believed_from_the_right(behind_one_proxy):
    assert address("127.0.0.1", "203.0.113.1") == "203.0.113.1"
    # Whatever the client put in front is its own invention; the proxy appended the last.
    assert address("127.0.0.1", "192.0.2.99, 203.0.113.1") == "203.0.113.1"
    assert address("::1", "2001:db8:1:2::abcd") == "2001:db8:1:2::"


def test_two_proxies_take_the_second_entry_from_the_right(behind_one_proxy):
    behind_one_proxy.TRUSTED_PROXY_COUNT = 2
    assert address("127.0.0.1", "192.0.2.99, 203.0.113.1, 10.0.0.2") == "203.0.113.1"
    # Fewer entries than proxies: the client sent none, so the left-most is a proxy's.
    assert address("127.0.0.1", "203.0.113.1") == "203.0.113.1"


def test_proxies_may_be_named_as_networks(behind_one_proxy):
    behind_one_proxy.FORWARDED_ALLOW_IPS = parse_forwarded_allow_ips("10.0.0.0/8, fd00::/8")
    assert address("10.1.2.3", "203.0.113.1") == "203.0.113.1"
    assert address("fd00::17", "203.0.113.1") == "203.0.113.1"
    assert address("127.0.0.1", "203.0.113.1") == "127.0.0.1"


def test_a_star_believes_every_peer(behind_one_proxy):
    behind_one_proxy.FORWARDED_ALLOW_IPS = parse_forwarded_allow_ips("*")
    assert address("198.51.100.9", "203.0.113.1") == "203.0.113.1"


@pytest.mark.parametrize("junk", ["unknown", "", "   ", "203.0.113.1:80:1", "<script>", "x" * 300])
def test_a_malformed_forwarded_entry_never_becomes_the_key(behind_one_proxy, junk):
    # What is stored must always be an address (django-axes keeps it in an inet column).
    assert address("127.0.0.1", junk) == "127.0.0.1"


def test_a_forwarded_entry_with_a_port_is_read_as_its_address(behind_one_proxy):
    assert address("127.0.0.1", "203.0.113.1:51234") == "203.0.113.1"
    assert address("127.0.0.1", "[2001:db8:1:2::1]:443") == "2001:db8:1:2::"


@pytest.mark.parametrize("value", ["127.0.0.1,nonsense", "10.0.0.1/8", "300.1.1.1"])
def test_a_wrong_proxy_list_stops_start_up_with_a_message(value):
    with pytest.raises(ImproperlyConfigured, match="FORWARDED_ALLOW_IPS"):
        parse_forwarded_allow_ips(value)


# --- Through the forms: the rate limit ----------------------------------------------------


@pytest.mark.django_db
def test_fifteen_callbacks_from_one_ipv6_64_hit_the_limit_of_ten():
    statuses = [
        send_callback(
            Client(REMOTE_ADDR=f"2001:db8:1:2::{i:x}"), contact_name=f"Ouder {i}"
        ).status_code
        for i in range(1, 16)
    ]
    assert statuses == [302] * 10 + [429] * 5
    flagged = Request.objects.filter(is_suspected_spam=True)
    assert flagged.count() == 5
    assert all(was_rate_limited(request) for request in flagged)
    # Another /64 is another client.
    assert send_callback(Client(REMOTE_ADDR="2001:db8:1:3::1")).status_code == 302


@pytest.mark.django_db
def test_the_64_limit_also_holds_behind_the_proxy(behind_one_proxy):
    behind_one_proxy.REQUEST_RATE_LIMIT = "3/h"
    statuses = [
        send_callback(Client(HTTP_X_FORWARDED_FOR=f"2001:db8:1:2::{i:x}")).status_code
        for i in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 429, 429]


@pytest.mark.django_db
def test_made_up_forwarded_addresses_from_a_peer_that_is_not_a_proxy_share_one_limit(
    behind_one_proxy,
):
    behind_one_proxy.REQUEST_RATE_LIMIT = "3/h"
    statuses = [
        send_callback(
            Client(REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}")
        ).status_code
        for i in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert sum(was_rate_limited(request) for request in Request.objects.all()) == 2


@pytest.mark.django_db
def test_a_real_proxy_s_header_is_honoured_for_the_limit(behind_one_proxy):
    behind_one_proxy.REQUEST_RATE_LIMIT = "1/h"
    first = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.10")
    second = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.11")
    assert send_callback(first).status_code == 302
    assert send_callback(first).status_code == 429
    assert send_callback(second).status_code == 302


# --- The login lock-out -----------------------------------------------------------------


def login(client, username, password=PASSWORD, **extra):
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    return client.post(reverse("admin:login"), data, **extra)


@pytest.mark.django_db
def test_a_locked_out_account_stays_locked_when_a_header_is_added(behind_one_proxy):
    staff = make_staff(is_superuser=True)
    attacker = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(5):
        login(attacker, staff.username, password="fout-wachtwoord-123")
    assert login(attacker, staff.username).status_code == 429
    for made_up in ["203.0.113.1", "10.0.0.1, 203.0.113.2", "2001:db8::1"]:
        response = login(attacker, staff.username, HTTP_X_FORWARDED_FOR=made_up)
        assert response.status_code == 429, made_up


@pytest.mark.django_db
def test_password_guesses_from_one_ipv6_64_are_counted_together():
    staff = make_staff(is_superuser=True)
    for i in range(1, 6):
        login(
            Client(REMOTE_ADDR=f"2001:db8:1:2::{i:x}"),
            staff.username,
            password="fout-wachtwoord-123",
        )
    response = login(Client(REMOTE_ADDR="2001:db8:1:2:aaaa::1"), staff.username)
    assert response.status_code == 429
    # django-axes keeps the network's first address (an inet value on PostgreSQL).
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["2001:db8:1:2::"]
    # Another network is not locked out.
    assert login(Client(REMOTE_ADDR="2001:db8:1:3::1"), staff.username).status_code == 302


# A real proxy's header is honoured for the lock-out: test_staff_auth.py
# (test_lockout_counts_the_client_address_behind_the_proxy).
