"""Backups that restore: encrypted nightly dumps, and erasures that survive a restore.

``manage.py backup`` streams ``pg_dump`` through age encryption into one file (``dump``),
with a manifest of what it holds (``manifest``, ``archive``). ``manage.py restore`` checks
a file completely before it writes anything, loads it into an empty database, and then
erases again what was erased after the backup, from the erasure journal (``journal``),
which lives outside the database. Reference counters continue above the highest number
ever issued (``references``), so no reference is handed out twice.
"""
