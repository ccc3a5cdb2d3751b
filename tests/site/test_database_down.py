"""PostgreSQL unreachable: a friendly Dutch 503 within seconds, never a 500 or a traceback."""

import json

from .test_settings import run_django

DOWN = {
    "DJANGO_ENV": "test",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing_listens_here",
    "DB_POOL_TIMEOUT": "1.5",
    "DB_CONNECT_TIMEOUT": "1",
}


def fetch_with_database_down(*paths):
    code = (
        "import json, time\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "out = []\n"
        f"for path in {list(paths)!r}:\n"
        "    start = time.monotonic()\n"
        "    r = client.get(path)\n"
        "    out.append({'path': path, 'status': r.status_code, 'retry': r.headers.get('Retry-After'),\n"
        "                'seconds': time.monotonic() - start, 'body': r.content.decode()})\n"
        "print(json.dumps(out))\n"
    )
    result = run_django(code, **DOWN)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_pages_answer_503_with_the_phone_number_when_the_database_is_down():
    for outcome in fetch_with_database_down("/", "/wat-is-hechting/", "/bel-mij-terug/"):
        assert outcome["status"] == 503, outcome["path"]
        assert outcome["retry"] == "30"
        assert "De website is even niet beschikbaar" in outcome["body"]
        assert "0493 - 327506" in outcome["body"]
        assert "Traceback" not in outcome["body"]
        # Well under gunicorn's 30 s worker timeout.
        assert outcome["seconds"] < 10, outcome


def test_readiness_says_503_when_the_database_is_down():
    (outcome,) = fetch_with_database_down("/readyz")
    assert outcome["status"] == 503
    assert json.loads(outcome["body"])["database"] == "down"
