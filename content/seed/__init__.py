"""The seed content: the organisation's own text about attachment, plus draft pages.

``hechtingsstoornis.txt`` is the organisation's page as it was handed over; the pages below
carry every heading and bullet of it in its own words (only obvious slips mended: the lost
line break in "hechtingsproblematiek.Gedrag", the stray ". " before "De NIKA-interventie",
"5 a 6" written as "5 à 6"). Text that is new here (summaries, home, contact, privacy,
accessibility) is marked "concept, laten controleren" in the admin-only editor note.
"""
