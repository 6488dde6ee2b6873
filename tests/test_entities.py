"""The entity layer: corrections of the model's entities, and mention clusters.

Most tests give the component chosen entities over a text the real pipeline has tagged
and parsed, so that they test a rule, not the statistical model's mood; the founding
example checks the whole chain on the model's own entities.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from recoupe.text import normalize_for_model


def fix(nlp, text: str, ents: list[tuple[str, str]] | None = None):
    """Run the pipeline up to the entity component with ``ents`` (surface text and
    label, each found left to right) in place of the model's, then the component."""
    doc = nlp.make_doc(normalize_for_model(text))
    doc._.source_text = text
    for name, proc in nlp.pipeline:
        if name == "recoupe_entities":
            break
        doc = proc(doc)
    if ents is not None:
        spans, cursor = [], 0
        for surface, label in ents:
            start = text.index(surface, cursor)
            cursor = start + len(surface)
            span = doc.char_span(start, cursor, label=label)
            assert span is not None, f"{surface!r} is not on token boundaries"
            spans.append(span)
        doc.ents = spans
    return nlp.get_pipe("recoupe_entities")(doc)


def entities(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def clusters(doc) -> dict[str, tuple[str, list[str]]]:
    return {c.name: (c.type, [m.text for m in c.mentions]) for c in doc._.entity_clusters}


# --- the founding example, on the model's own entities -----------------------------------


def test_desertion_has_no_spurious_entities(desertion):
    names = {m.text for c in desertion.entities for m in c.mentions}
    assert not names & {"Décrivant", "Source", "Mercredi", "Partir", "Cinq"}
    assert {"Vladimir Poutine", "CNN", "Erin Burnett", "Ukraine"} <= names


def test_desertion_putin_is_one_person(desertion):
    putin = [c for c in desertion.entities if c.name == "Vladimir Poutine"]
    assert len(putin) == 1 and putin[0].type == "PER"
    mentions = putin[0].mentions
    # "le président Poutine", "du président Poutine", "pour Poutine", "Poutine a le dos…".
    assert sum(m.text == "Poutine" for m in mentions) >= 4
    text = desertion.text
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert sum(text[:m.start].endswith("président ") for m in mentions) == 2


def test_desertion_cnn_is_one_organisation(desertion):
    cnn = [c for c in desertion.entities if c.name == "CNN"]
    assert len(cnn) == 1 and cnn[0].type == "ORG" and len(cnn[0].mentions) == 2


# --- corrections ---------------------------------------------------------------------------


def test_capitalised_verb_and_source_word_are_not_names(nlp):
    doc = fix(nlp, "Titre\n\nDécrivant les conditions, un soldat a parlé.\nSource : CNN",
              [("Décrivant", "PER"), ("Source", "PER"), ("CNN", "ORG")])
    assert entities(doc) == [("CNN", "ORG")]


def test_a_day_opening_a_sentence_is_no_organisation(nlp):
    doc = fix(nlp, "Titre\n\nMercredi, le président a parlé aux journalistes.",
              [("Mercredi", "ORG")])
    assert entities(doc) == []


def test_a_capitalised_month_inside_a_sentence_is_a_name(nlp):
    doc = fix(nlp, "Titre\n\nLes chercheurs veulent cultiver des pommes de terre sur Mars "
                   "avant 2040.", [("Mars", "LOC")])
    assert entities(doc) == [("Mars", "LOC")]


def test_lone_letter_and_lone_lower_case_word_are_no_names(nlp):
    doc = fix(nlp, "Titre\n\nLe Groupe C jouera à Lyon, a dit le ministre de la Culture.",
              [("C", "ORG"), ("Lyon", "LOC"), ("ministre de la", "ORG")])
    assert entities(doc) == [("Lyon", "LOC")]


def test_a_name_ends_with_no_article_or_preposition(nlp):
    doc = fix(nlp, "Titre\n\nLe Conseil des droits de l'homme des Nations unies a voté.",
              [("Conseil des droits de l'homme des", "ORG")])
    assert entities(doc) == [("Conseil des droits de l'homme", "ORG")]


def test_lower_case_preposition_and_article_are_trimmed(nlp):
    doc = fix(nlp, "Titre\n\nLe peuple de France rend hommage à l' OMS , dit-il.",
              [("de France", "LOC"), ("l' OMS ,", "ORG")])
    assert entities(doc) == [("France", "LOC"), ("OMS", "ORG")]


def test_spaced_dash_separates_two_names(nlp):
    doc = fix(nlp, "Titre\n\nGroupe C : Pologne - Irlande du Nord , à Nice. Les "
                   "Pyrénées-Atlantiques accueillent la course.",
              [("Pologne - Irlande du Nord", "LOC"), ("Nice", "LOC"),
               ("Pyrénées-Atlantiques", "LOC")])
    assert entities(doc) == [("Pologne", "LOC"), ("Irlande du Nord", "LOC"), ("Nice", "LOC"),
                             ("Pyrénées-Atlantiques", "LOC")]


def test_capitalised_particle_inside_a_sentence_belongs_to_the_name(nlp):
    doc = fix(nlp, "Titre\n\nLe cycliste belge a gagné : De Gendt remporte l'étape, et "
                   "Les Républicains saluent sa victoire.",
              [("Gendt", "PER"), ("Républicains", "ORG")])
    assert entities(doc) == [("De Gendt", "PER"), ("Les Républicains", "ORG")]


def test_article_opening_a_sentence_stays_out_of_a_person_name(nlp):
    doc = fix(nlp, "Titre\n\nLe Pen a parlé hier.", [("Pen", "PER")])
    assert entities(doc) == [("Pen", "PER")]


def test_a_description_led_by_a_common_noun_names_its_capitalised_part(nlp):
    doc = fix(nlp, "Titre\n\nLe tribunal de Paris a jugé l'affaire ; l'avion venait de "
                   "l'aéroport de Rostov-sur-le-Don et le ministère de l'Intérieur enquête.",
              [("tribunal de Paris", "LOC"), ("aéroport de Rostov-sur-le-Don", "LOC"),
               ("ministère de l'Intérieur", "ORG")])
    # A body keeps its full name: "ministère de l'Intérieur" is what it is called.
    assert entities(doc) == [("Paris", "LOC"), ("Rostov-sur-le-Don", "LOC"),
                             ("ministère de l'Intérieur", "ORG")]


def test_a_description_whose_capitalised_part_is_a_common_noun_stays_whole(nlp):
    doc = fix(nlp, "Titre\n\nLa foule s'est réunie place de la République hier soir.",
              [("place de la République", "LOC")])
    assert entities(doc) == [("place de la République", "LOC")]


def test_article_capitalised_by_the_sentence_leaves_a_place_name(nlp):
    doc = fix(nlp, "Titre\n\nLa France est touchée. Le virus circule en France depuis "
                   "mai.\nLa Havane reste calme.",
              [("La France", "LOC"), ("France", "LOC"), ("La Havane", "LOC")])
    # "La Havane" is never written without its article: no evidence to drop it.
    assert entities(doc) == [("France", "LOC"), ("France", "LOC"), ("La Havane", "LOC")]


def test_common_noun_and_its_adjective_make_a_body_name(nlp):
    doc = fix(nlp, "Titre\n\nLes combattants de l'État islamique présents dans la ville "
                   "ont fui.", [("État", "LOC")])
    assert entities(doc) == [("État islamique", "ORG")]


def test_parts_of_a_place_and_compound_nouns_are_no_names(nlp):
    doc = fix(nlp, "Titre\n\nLe froid touche le Nord de l'Italie, et le chef d'État a "
                   "parlé à Rome.", [("Nord", "LOC"), ("État", "LOC"), ("Rome", "LOC")])
    assert entities(doc) == [("Rome", "LOC")]


def test_title_is_not_part_of_a_person_name(nlp):
    doc = fix(nlp, "Titre\n\nLe prince Charles a rencontré le Colonel Désiré Uwamahoro.",
              [("prince Charles", "PER"), ("Colonel Désiré Uwamahoro", "PER")])
    assert entities(doc) == [("Charles", "PER"), ("Désiré Uwamahoro", "PER")]


def test_a_title_without_a_name_is_no_person(nlp):
    doc = fix(nlp, "Titre\n\nLe projet est porté par le Président de la République et le "
                   "Premier ministre.",
              [("Président de la République", "PER"), ("Premier ministre", "PER")])
    assert entities(doc) == []


@pytest.mark.parametrize("text, nationality, person", [
    ("l'Américaine Gwen Jorgensen a gagné.", "Américaine", "Gwen Jorgensen"),
    ("la Bermudienne Flora Duffy a gagné.", "Bermudienne", "Flora Duffy"),
    ("le Français Nicolas Petit a gagné.", "Français", "Nicolas Petit"),
])
def test_nationality_before_a_person_is_no_place(nlp, text, nationality, person):
    doc = fix(nlp, "Titre\n\nDans la course, " + text, [(nationality, "LOC"), (person, "PER")])
    assert entities(doc) == [(nationality, "MISC"), (person, "PER")]


def test_nationality_run_into_a_name_is_split_off(nlp):
    doc = fix(nlp, "Titre\n\nDevant l'Espagnole Caroline Routier, la Grande Bretagne a gagné.",
              [("Espagnole Caroline Routier", "LOC"), ("Grande Bretagne", "LOC")])
    assert entities(doc) == [("Espagnole", "MISC"), ("Caroline Routier", "PER"),
                             ("Grande Bretagne", "LOC")]


def test_nationality_words_are_misc_and_countries_stay_places(nlp):
    doc = fix(nlp, "Titre\n\nLes Britanniques et les Russes se sont affrontés en Suisse, "
                   "puis la Suisse a fermé ses frontières.",
              [("Britanniques", "LOC"), ("Russes", "LOC"), ("Suisse", "LOC"),
               ("Suisse", "LOC")])
    assert entities(doc) == [("Britanniques", "MISC"), ("Russes", "MISC"), ("Suisse", "LOC"),
                             ("Suisse", "LOC")]


def test_every_mention_takes_its_clusters_type(nlp):
    doc = fix(nlp, "Titre\n\nChristopher Froome garde le maillot jaune. Froome a expliqué "
                   "que François Hollande était venu. Hollande est reparti.",
              [("Christopher Froome", "PER"), ("Froome", "MISC"), ("François Hollande", "PER"),
               ("Hollande", "LOC")])
    assert entities(doc) == [("Christopher Froome", "PER"), ("Froome", "PER"),
                             ("François Hollande", "PER"), ("Hollande", "PER")]


# --- clusters ------------------------------------------------------------------------------


def test_name_variants_and_titles_join_the_full_name(nlp):
    doc = fix(nlp, "Titre\n\nVladimir Poutine a parlé. Le président Poutine a ajouté que "
                   "M. Poutine partirait.",
              [("Vladimir Poutine", "PER"), ("Poutine", "PER"), ("M. Poutine", "PER")])
    # Titles and honorifics stay out of the mentions, as out of any name.
    assert clusters(doc) == {
        "Vladimir Poutine": ("PER", ["Vladimir Poutine", "Poutine", "Poutine"])}
    assert doc.text[doc.ents[2].start_char - 3:doc.ents[2].start_char] == "M. "


def test_acronym_joins_the_organisation_it_abbreviates(nlp):
    doc = fix(nlp, "Titre\n\nL'Organisation mondiale de la santé a publié un rapport. "
                   "Selon l'OMS, l'épidémie est finie.",
              [("Organisation mondiale de la santé", "ORG"), ("OMS", "ORG")])
    assert clusters(doc) == {
        "Organisation mondiale de la santé": ("ORG", ["Organisation mondiale de la santé",
                                                      "OMS"])}


def test_repeats_and_acronyms_the_model_missed_join_the_cluster(nlp):
    doc = fix(nlp, "Titre\n\nL'Organisation mondiale de la santé a publié un rapport. "
                   "Selon l'OMS, Pôle emploi recrute. Plus tard, Pôle emploi a démenti.",
              [("Organisation mondiale de la santé", "ORG"), ("Pôle emploi", "ORG")])
    assert clusters(doc) == {
        "Organisation mondiale de la santé": ("ORG", ["Organisation mondiale de la santé",
                                                      "OMS"]),
        "Pôle emploi": ("ORG", ["Pôle emploi", "Pôle emploi"])}


def test_a_one_word_repeat_opening_a_sentence_is_not_taken(nlp):
    doc = fix(nlp, "Titre\n\nIl habite à Lyon depuis 2010.\nLyon accueille la course.",
              [("Lyon", "LOC")])
    assert [m.text for c in doc._.entity_clusters for m in c.mentions] == ["Lyon"]


def test_short_form_of_an_organisation_joins_it(nlp):
    doc = fix(nlp, "Titre\n\nL'Organisation des Nations unies a voté. Les Nations unies "
                   "enverront des troupes.",
              [("Organisation des Nations unies", "ORG"), ("Nations unies", "ORG")])
    assert len(doc._.entity_clusters) == 1


def test_a_place_does_not_join_an_event_named_after_it(nlp):
    doc = fix(nlp, "Titre\n\nAprès les Jeux olympiques de Rio, la ville de Rio respire.",
              [("Jeux olympiques de Rio", "MISC"), ("Rio", "LOC")])
    assert clusters(doc) == {"Jeux olympiques de Rio": ("MISC", ["Jeux olympiques de Rio"]),
                             "Rio": ("LOC", ["Rio"])}


def test_the_place_in_a_lower_case_description_joins_the_place(nlp):
    doc = fix(nlp, "Titre\n\nAprès l'attentat de Nice, la ville de Nice est en deuil.",
              [("attentat de Nice", "MISC"), ("Nice", "LOC")])
    assert clusters(doc) == {"Nice": ("LOC", ["Nice", "Nice"])}


def test_people_sharing_a_first_name_stay_apart(nlp):
    doc = fix(nlp, "Titre\n\nEmmanuel Macron a reçu Emmanuel Todd. Emmanuel a souri.",
              [("Emmanuel Macron", "PER"), ("Emmanuel Todd", "PER"), ("Emmanuel", "PER")])
    found = clusters(doc)
    assert found["Emmanuel Macron"] == ("PER", ["Emmanuel Macron"])
    assert found["Emmanuel Todd"] == ("PER", ["Emmanuel Todd"])
    # A first name alone may be either of them, or someone else: it stays on its own.
    assert found["Emmanuel"] == ("PER", ["Emmanuel"])


def test_a_shared_surname_goes_to_the_person_named_last(nlp):
    text = ("Titre\n\nMarine Le Pen a parlé. Le Pen a dit non. Plus tard, Jean-Marie Le Pen "
            "a répondu. Le Pen a dit oui.")
    doc = fix(nlp, text, [("Marine Le Pen", "PER"), ("Le Pen", "PER"),
                          ("Jean-Marie Le Pen", "PER"), ("Le Pen", "PER")])
    found = clusters(doc)
    assert len(found) == 2
    marine, jean_marie = found["Marine Le Pen"][1], found["Jean-Marie Le Pen"][1]
    assert marine == ["Marine Le Pen", "Le Pen"]
    assert jean_marie == ["Jean-Marie Le Pen", "Le Pen"]
    first_short = text.index("Le Pen a dit non")
    marine_cluster = next(c for c in doc._.entity_clusters if c.name == "Marine Le Pen")
    assert marine_cluster.mentions[1].start == first_short


def test_cluster_ids_and_offsets_point_into_the_original_text(nlp):
    text = ("Titre\n\nL’ONU a parlé. Antonio Guterres, secrétaire général de l’ONU, "
            "a dit non.")
    doc = fix(nlp, text, [("ONU", "ORG"), ("Antonio Guterres", "PER"), ("ONU", "ORG")])
    found = doc._.entity_clusters
    assert [c.id for c in found] == ["e1", "e2"]
    for cluster in found:
        for mention in cluster.mentions:
            assert text[mention.start:mention.end] == mention.text
    assert [m.text for m in found[0].mentions] == ["ONU", "ONU"]


def test_component_keeps_the_model_entities_it_cannot_fault(nlp):
    doc = fix(nlp, "Titre\n\nAngela Merkel a rencontré Emmanuel Macron à Berlin.")
    assert {"Angela Merkel", "Emmanuel Macron", "Berlin"} <= {e.text for e in doc.ents}
    assert isinstance(doc.ents[0], Span)
