"""What a fact-checker does after the quotes, as plain functions over a parsed ``Doc``.

    lexicons      the French word lists under ``recoupe/data`` (outlets, loaded words,
                  synonyms and idioms, intensity scales), loaded once
    words         lemma keys, a light derivational stemmer, synonym and scale look-ups
    outlets       media outlets and news agencies named in a text
    mentions      who or what a noun phrase names as a source (person, institution,
                  document, recording, outlet)
    provenance    the source chain: sources, who relayed what to whom
    chainflags    what a fact-checker looks for in it: anonymous, single, hidden,
                  circular or far-relayed sources
    attribution   which source a stretch of the text is attributed to
    vocabulary    words shared by the modules (reporting verbs)
    hedges        conditional mood, "selon", "il semblerait", "présumé"
    checkworthy   claim type and check-worthiness features of a sentence
    commentary    marks of commentary: figures of speech, judgements, guesses
    assertions    a headline split into the clauses that each assert something
    support       how far the body supports a headline assertion
    evidence      which body sentences to show for an assertion, best first
    loaded        loaded language: intensifiers, emotion, sensationalism, profanity,
                  exaggeration
    parsing       running the pipeline part of the way, quotes given by hand (tests)

The spaCy components in ``recoupe.pipeline`` (sources, claims, headline,
loaded_language) call these and store schema objects on ``Doc._``.
"""
