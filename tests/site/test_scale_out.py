"""Two app servers sharing one PostgreSQL and one Redis serve one site.

Starts two real gunicorn instances on different ports (as two hosts behind a load
balancer would run) against a scratch PostgreSQL database and a Redis database, and
checks that they share the rate limit, hand out distinct references under concurrent
submissions, and show an edit made through one of them at once on both.
"""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.helpers.stack import (
    Gunicorn,
    Parent,
    base_env,
    drop_database,
    manage,
    query,
    redis_available,
    scratch_database,
)

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def two_hosts(tmp_path_factory):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    if not redis_available():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    name = f"bjw_scaleout_{uuid.uuid4().hex[:8]}"
    database_url = scratch_database(name)
    env = base_env(
        DJANGO_ENV="local",
        DATABASE_URL=database_url,
        REDIS_URL="redis://127.0.0.1:6379/13",
        CACHE_KEY_PREFIX=name,
        EMAIL_URL="dummy:",
        REQUEST_MIN_FILL_SECONDS="0",
        REQUEST_RATE_LIMIT="3/h",
        TRUSTED_PROXY_COUNT="1",
        WEB_CONCURRENCY="2",
        VAR_DIR=str(tmp_path_factory.mktemp("var")),
    )
    manage("migrate", "--noinput", env=env)
    manage("load_content", env=env)
    logs = tmp_path_factory.mktemp("logs")
    hosts = [Gunicorn(env, log_path=logs / f"host{i}.log").start() for i in (1, 2)]
    yield {"hosts": hosts, "env": env, "database_url": database_url, "logs": logs}
    for host in hosts:
        host.stop()
    drop_database(name)


def test_both_hosts_serve_the_same_site(two_hosts):
    first, second = two_hosts["hosts"]
    assert first.port != second.port
    pages = [Parent(host.url).get("/wat-is-hechting/") for host in (first, second)]
    assert [status for status, _, _ in pages] == [200, 200]
    assert pages[0][2] == pages[1][2]


def test_the_rate_limit_is_shared_between_hosts(two_hosts):
    first, second = two_hosts["hosts"]
    client = {"X-Forwarded-For": "203.0.113.77"}
    outcomes = [
        Parent(host.url, headers=client).send_callback(name=f"Gedeeld adres {i}")[0]
        for i, host in enumerate([first, second, first, second], start=1)
    ]
    assert outcomes == [200, 200, 200, 429]
    # The fourth is kept all the same, flagged for staff to look at.
    stored = query(
        two_hosts["database_url"],
        "SELECT contact_name, is_suspected_spam, spam_reasons FROM requests_app_request "
        "WHERE contact_name LIKE 'Gedeeld adres %%' ORDER BY contact_name",
    )
    assert stored == [
        ("Gedeeld adres 1", False, []),
        ("Gedeeld adres 2", False, []),
        ("Gedeeld adres 3", False, []),
        ("Gedeeld adres 4", True, ["rate_limited"]),
    ]
    # Another parent is not affected.
    assert Parent(first.url, headers={"X-Forwarded-For": "198.51.100.8"}).send_callback()[0] == 200


def test_concurrent_submissions_on_both_hosts_get_distinct_references(two_hosts):
    hosts = two_hosts["hosts"]
    names = [f"Gelijktijdig {i}" for i in range(24)]

    def submit(i):
        parent = Parent(hosts[i % 2].url, headers={"X-Forwarded-For": f"192.0.2.{i + 1}"})
        return parent.send_callback(name=names[i])

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(submit, range(len(names))))

    references = [reference for status, reference in results]
    assert all(status == 200 and reference for status, reference in results), results
    assert len(set(references)) == len(names)
    stored = query(
        two_hosts["database_url"],
        "SELECT reference FROM requests_app_request WHERE contact_name LIKE 'Gelijktijdig %%'",
    )
    assert sorted(r for (r,) in stored) == sorted(references)


def test_a_form_page_one_host_cached_can_be_sent_on_the_other(two_hosts):
    first, second = two_hosts["hosts"]
    assert Parent(second.url).get("/bel-mij-terug/")[0] == 200  # rendered and kept by host 2
    status, reference = Parent(first.url).send_callback(name="Over twee hosts")
    assert status == 200 and reference


def test_a_confirmed_change_shows_on_both_hosts_at_once(two_hosts):
    first, second = two_hosts["hosts"]
    # Every worker of both hosts has the page (and the navigation) in its own memory now.
    for host in (first, second):
        for _ in range(8):
            assert b"0493 - 327506" in Parent(host.url).get("/")[2]
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "from content.facts.changes import confirm, propose; from content.models import Fact; "
        "u = get_user_model().objects.create_superuser('feiten', 'f@example.org', 'x' * 20); "
        "f, _ = Fact.objects.get_or_create(key='phone'); "
        "propose(f, '0493 - 999999', user=u); confirm(f, user=u)",
        env=two_hosts["env"],
    )
    for host in (first, second):
        for _ in range(8):  # whichever worker answers
            assert b"0493 - 999999" in Parent(host.url).get("/")[2]


def test_the_access_log_never_holds_query_strings_or_form_fields(two_hosts):
    first, _ = two_hosts["hosts"]
    Parent(first.url).get("/zoeken/?q=mijn+zoon+Pieter+slaat")
    Parent(first.url, headers={"X-Forwarded-For": "192.0.2.200"}).send_callback(name="Geheime Naam")
    log = (two_hosts["logs"] / "host1.log").read_text()
    assert '"GET /zoeken/ HTTP/1.1" 200' in log
    assert "Pieter" not in log and "zoon" not in log
    assert "Geheime" not in log
