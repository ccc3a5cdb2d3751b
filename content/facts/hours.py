"""Opening hours per weekday, as the organisation confirms them, in plain Dutch."""

import datetime
from dataclasses import dataclass

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NOON = datetime.time(12, 0)
SIX_PM = datetime.time(18, 0)


def clock(t: datetime.time) -> str:
    """9.00, 17.30: how Dutch texts write a time."""
    return f"{t.hour}.{t.minute:02d}"


@dataclass(frozen=True)
class OpeningHours:
    """Hours per ISO weekday (1 = Monday); a day that is missing is closed."""

    days: tuple[tuple[int, datetime.time, datetime.time], ...]

    @classmethod
    def from_json(cls, value) -> "OpeningHours | None":
        if not isinstance(value, dict):
            return None
        days = []
        for key, span in sorted(value.items(), key=lambda item: int(item[0])):
            if span:
                opens, closes = (datetime.time.fromisoformat(t) for t in span)
                days.append((int(key), opens, closes))
        return cls(tuple(days)) if days else None

    def on(self, day: datetime.date) -> tuple[datetime.time, datetime.time] | None:
        for weekday, opens, closes in self.days:
            if weekday == day.isoweekday():
                return opens, closes
        return None

    def groups(self):
        """Runs of consecutive weekdays with the same hours: (first, last, opens, closes)."""
        runs = []
        for weekday, opens, closes in self.days:
            last = runs[-1] if runs else None
            if last and last[1] == weekday - 1 and last[2:] == (opens, closes):
                runs[-1] = (last[0], weekday, opens, closes)
            else:
                runs.append((weekday, weekday, opens, closes))
        return runs

    def __str__(self) -> str:
        """'maandag tot en met vrijdag van 9.00 tot 17.00 uur'."""
        parts = []
        for first, last, opens, closes in self.groups():
            if first == last:
                days = f"op {WEEKDAYS[first - 1]}"
            elif last == first + 1:
                days = f"op {WEEKDAYS[first - 1]} en {WEEKDAYS[last - 1]}"
            else:
                days = f"{WEEKDAYS[first - 1]} tot en met {WEEKDAYS[last - 1]}"
            parts.append(f"{days} van {clock(opens)} tot {clock(closes)} uur")
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + " en " + parts[-1]
