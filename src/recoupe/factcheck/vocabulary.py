"""Words shared by the fact-checking modules."""

from __future__ import annotations

# Verbs that report what someone said, wrote, showed or holds: the subject of one is a
# source ("un appel … révèle que"), a sentence headed by one is reported speech, and
# the past tense of one puts a reported future in the conditional ("a annoncé qu'il
# serait convoqué"), which is then no hedge.
REPORTING_VERBS = frozenset("""
    déclarer affirmer annoncer indiquer préciser révéler rapporter signaler confirmer
    expliquer assurer raconter dire écrire souligner ajouter avancer évoquer dévoiler
    témoigner démentir nier reconnaître admettre accuser dénoncer alerter avertir
    prévenir relater rappeler répondre promettre menacer qualifier contester
    officialiser confier estimer juger considérer penser croire montrer décrire
    suggérer constater établir conclure citer publier
""".split())
