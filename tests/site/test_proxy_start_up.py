"""gunicorn warns at start when its proxy list cannot match the proxy in front of it."""

import pytest

from site_config.client_ip import parse_forwarded_allow_ips, proxy_set_up_warnings
from tests.helpers.stack import Gunicorn, base_env, free_port

LOOPBACK = parse_forwarded_allow_ips("127.0.0.1,::1")
EVERY = "0.0.0.0"  # noqa: S104 (every interface, as gunicorn reports such a bind)


@pytest.mark.parametrize("hosts", [[EVERY], ["::"], ["10.0.0.4"], ["127.0.0.1", EVERY]])
def test_a_proxy_count_with_the_loopback_list_on_an_open_address_is_warned_about(hosts):
    [warning] = proxy_set_up_warnings(hosts, 1, LOOPBACK)
    assert "FORWARDED_ALLOW_IPS is 127.0.0.1,::1 (loopback only)" in warning
    assert "Set FORWARDED_ALLOW_IPS to the reverse proxy's address" in warning


@pytest.mark.parametrize(
    ("hosts", "count", "allowed"),
    [
        (["127.0.0.1"], 1, LOOPBACK),  # the proxy runs on this host
        (["localhost"], 1, LOOPBACK),
        ([], 1, LOOPBACK),  # only a unix socket
        ([EVERY], 0, LOOPBACK),  # no proxy: the header is never read
        ([EVERY], 1, parse_forwarded_allow_ips("10.0.0.5")),
        ([EVERY], 2, parse_forwarded_allow_ips("10.0.0.0/24, 127.0.0.1")),
    ],
)
def test_a_consistent_set_up_is_not_warned_about(hosts, count, allowed):
    assert proxy_set_up_warnings(hosts, count, allowed) == []


def test_a_star_on_an_open_address_is_warned_about_as_needing_a_closed_network():
    [warning] = proxy_set_up_warnings([EVERY], 1, parse_forwarded_allow_ips("*"))
    assert "believed from every peer" in warning
    assert proxy_set_up_warnings(["127.0.0.1"], 1, parse_forwarded_allow_ips("*")) == []


def test_gunicorn_on_every_interface_with_the_default_list_warns_in_its_log(tmp_path):
    port = free_port()
    env = base_env(
        DJANGO_ENV="local",
        VAR_DIR=str(tmp_path),
        TRUSTED_PROXY_COUNT="1",
        # Listens on every interface for a moment; the test only talks to 127.0.0.1.
        GUNICORN_BIND=f"{EVERY}:{port}",
    )
    env.pop("FORWARDED_ALLOW_IPS", None)
    server = Gunicorn(env, port=port, log_path=tmp_path / "gunicorn.log").start()
    server.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert "[WARNING] TRUSTED_PROXY_COUNT=1 and listening on 0.0.0.0" in log


def test_gunicorn_on_loopback_with_the_default_list_does_not_warn(tmp_path):
    env = base_env(DJANGO_ENV="local", VAR_DIR=str(tmp_path), TRUSTED_PROXY_COUNT="1")
    env.pop("FORWARDED_ALLOW_IPS", None)
    server = Gunicorn(env, log_path=tmp_path / "gunicorn.log").start()
    server.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert "X-Forwarded-For believed from 127.0.0.1,::1 (TRUSTED_PROXY_COUNT=1)" in log
    assert "[WARNING]" not in log
