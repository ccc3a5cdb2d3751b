"""Production logs are JSON lines, and a logged request never carries its body or cookies."""

import json

from .test_settings import run_django


def test_production_logs_are_json_lines_without_the_request():
    result = run_django(
        "import logging\n"
        "from django.test import RequestFactory\n"
        "request = RequestFactory().post('/bel-mij-terug/', {'contact_name': 'Geheime Naam'},"
        " HTTP_COOKIE='sessionid=abc')\n"
        "logging.getLogger('django.request').error('Internal Server Error: %s', request.path,"
        " extra={'status_code': 500, 'request': request})\n",
        DJANGO_ENV="production",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="example.org",
        EMAIL_URL="smtp+tls://relay.example.org:587",
    )
    assert result.returncode == 0, result.stderr
    line = [ln for ln in result.stderr.splitlines() if ln.startswith("{")][-1]
    record = json.loads(line)
    assert record["level"] == "ERROR"
    assert record["logger"] == "django.request"
    assert record["message"] == "Internal Server Error: /bel-mij-terug/"
    assert record["status_code"] == 500
    assert "Geheime" not in line and "sessionid" not in line
    assert "request" not in record
