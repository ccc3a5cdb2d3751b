#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings")
    # A checkout with no configuration at all is a developer's machine: commands run as
    # DJANGO_ENV=local there. Anything configured (DJANGO_ENV, SECRET_KEY or a .env file)
    # is taken as it is, and the web server (wsgi.py) never gets this default.
    configured = {"DJANGO_ENV", "SECRET_KEY"} & os.environ.keys()
    if not configured and not (Path(__file__).resolve().parent / ".env").exists():
        os.environ["DJANGO_ENV"] = "local"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
