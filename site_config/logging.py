"""Logging: plain lines on a laptop, JSON lines in production; never personal data."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed through ``extra=``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            # Django attaches the request object to request logs; never serialise it:
            # it holds form bodies and cookies.
            if key not in _STANDARD and key != "request":
                data[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)


def logging_config(level: str, *, json_lines: bool) -> dict:
    """The LOGGING setting. Request data never reaches a log line (see JsonFormatter)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "site_config.logging.JsonFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json_lines else "plain",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            # 4xx lines name the path only; keep them at WARNING so they are not noise.
            "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
            "django.security.DisallowedHost": {"handlers": [], "propagate": False},
            "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        },
    }
