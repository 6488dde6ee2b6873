"""Loaded language: the lexicon, lemma matching, masked profanity and the summary."""

from __future__ import annotations

import pytest

from recoupe.factcheck.lexicons import loaded_entries
from recoupe.factcheck.loaded import CATEGORIES, MASKED
from recoupe.factcheck.parsing import parse


def loaded(nlp, text):
    return parse(nlp, text, quotes=[])._.loaded_language


def test_lexicon_entries_have_known_categories_and_no_duplicates():
    seen = set()
    for entries in loaded_entries().values():
        for entry in entries:
            assert entry.category in CATEGORIES
            assert (entry.lemmas, entry.pos) not in seen
            seen.add((entry.lemmas, entry.pos))
    assert len(seen) > 150


@pytest.mark.parametrize("text, term, category", [
    ("Une désertion massive des troupes.", "massive", "exaggeration"),
    ("Des soldats furieux ont quitté le front.", "furieux", "emotional"),
    ("Un scandale retentissant secoue le club.", "scandale", "sensational"),
    ("La situation est extrêmement tendue.", "extrêmement", "intensifier"),
    ("Une hausse sans précédent des prix.", "sans précédent", "exaggeration"),
    ("Il a crié : « Putain, on est foutus ! »", "Putain", "profanity"),
    ("« Cinq p****** de jours sous la pluie. »", "p******", "profanity"),
])
def test_terms_are_found_by_lemma_with_their_category(nlp, text, term, category):
    result = loaded(nlp, "Titre\n\n" + text)
    assert (term, category) in [(t.text, t.category) for t in result.terms]


def test_a_pos_constraint_keeps_literal_uses_out(nlp):
    # "massif" the noun (a mountain range) is no exaggeration.
    result = loaded(nlp, "Randonnée\n\nLe massif du Mont-Blanc attire les randonneurs.")
    assert result.terms == []


def test_masked_profanity_pattern():
    assert [m.group() for m in MASKED.finditer("Cinq p****** de jours, m*rde, f*ck.")] == [
        "p******", "m*rde", "f*ck"]
    # Arithmetic and footnote stars are no masked words.
    assert [m.group() for m in MASKED.finditer("Le prix est de 5 * 3 euros (*).")] == []


def test_summary_counts_rate_and_places(nlp, desertion_text):
    result = loaded(nlp, desertion_text)
    assert set(result.counts) == set(CATEGORIES)
    assert sum(result.counts.values()) == len(result.terms)
    assert result.counts["profanity"] >= 1 and result.counts["exaggeration"] >= 2
    assert result.per_1000_words > 0
    assert "in the headline" in result.summary and "inside quotations" in result.summary
    for term in result.terms:
        assert desertion_text[term.start:term.end] == term.text
    # The credit line is the outlet's name, not loaded language.
    assert all(term.start < desertion_text.index("Source :") for term in result.terms)


def test_plain_text_has_no_loaded_language(nlp):
    result = loaded(nlp, "Conseil municipal\n\nLe conseil municipal a voté le budget mardi.")
    assert result.terms == [] and result.per_1000_words == 0.0
    assert result.summary == "No loaded language found."
