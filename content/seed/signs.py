"""The nine signs of the organisation's text, in plain words (B1).

They are the list on the signs page and the checkboxes of the assessment form, so each
stays recognisable as the organisation's sign: same order, same meaning, shorter words.
"""

SIGNS = [
    "het kind heeft weinig vertrouwen in zichzelf en in anderen",
    "het kind zoekt steeds bevestiging: het wil steeds horen dat het goed is",
    "het kind is bang om in de steek gelaten te worden",
    "het kind heeft ernstige gedragsproblemen: agressief gedrag, weglopen, ruzies, drugs, "
    "spijbelen, stoppen met school, overlast of contact met de politie",
    "het kind heeft ernstige emotionele problemen: het voelt zich vaak erg somber of bang",
    "het kind duwt mensen van wie het houdt weg, of vindt het moeilijk als iemand dichtbij komt",
    "het kind klampt zich vast aan opvoeders, gezinsleden of vrienden en wil hen voor zich alleen",
    "het kind stelt opvoeders en andere mensen dichtbij steeds op de proef",
    "het kind speelt opvoeders tegen elkaar uit",
]
