import spacy

import recoupe
from recoupe.core import MAX_TEXT_CHARS, analyze_batch
from recoupe.schema import Analysis, Failure


def test_analyze_accepts_a_string_a_dict_and_keeps_ids():
    a = recoupe.analyze("Titre court\n\nLe maire a inauguré l'école.")
    assert a.article.id == "article-1"
    b = recoupe.analyze({"id": "x42", "text": "Titre\n\nLe maire a inauguré l'école."})
    assert b.article.id == "x42" and b.article.language == "fr"


def test_title_given_apart_is_prepended_so_it_has_offsets():
    a = recoupe.analyze({"id": "t", "title": "Grève à Lyon", "text": "Les bus sont à l'arrêt."})
    assert a.text.startswith("Grève à Lyon\n\n")
    assert a.article.headline.text == "Grève à Lyon"
    assert a.text[a.article.headline.start:a.article.headline.end] == "Grève à Lyon"


def test_batch_goes_on_after_bad_records_and_keeps_order():
    records = [
        {"id": "ok1", "text": "Titre\n\nLe maire a parlé."},
        {"id": "empty", "text": "   \n  "},
        {"id": "huge", "text": "a " * (MAX_TEXT_CHARS // 2 + 10)},
        {"text": None},
        {"id": "ok2", "text": "Titre\n\nLa ministre a répondu."},
    ]
    results = list(analyze_batch(records))
    assert [type(r) for r in results] == [Analysis, Failure, Failure, Failure, Analysis]
    assert "empty article text" in results[1].error
    assert "too long" in results[2].error and "huge" in results[2].error
    assert results[4].article.id == "ok2"


def test_non_french_article_is_segmented_only_and_says_so():
    text = ("Troops discuss mass exodus\n\nThe minister said on Tuesday that the army would leave "
            "the front line before winter, according to officials in London.")
    a = recoupe.analyze({"id": "en", "text": text})
    assert a.article.language == "en"
    assert a.sentences and a.article.headline.text == "Troops discuss mass exodus"
    assert a.entities == [] and a.quotes == []
    assert any("not French" in note for note in a.notes)


def test_workers_give_the_same_results_as_one_process():
    records = [{"id": f"a{i}", "text": f"Titre {i}\n\nLe maire de Lyon a déclaré que l'école ouvrira en {2020 + i}."}
               for i in range(4)]
    serial = [r.model_dump() for r in analyze_batch(records)]
    parallel = [r.model_dump() for r in analyze_batch(records, workers=2, batch_size=2)]
    assert serial == parallel


def test_components_are_spacy_factories_reachable_by_entry_point():
    # A blank pipeline finds recoupe's factories through the spacy_factories entry point.
    nlp = spacy.blank("fr")
    nlp.add_pipe("recoupe_segmenter")
    doc = nlp("Titre\n\nPremier paragraphe.")
    assert [p.text for p in doc._.paragraphs] == ["Titre", "Premier paragraphe."]
    assert doc._.headline.text == "Titre"


def test_results_are_on_doc_extensions(nlp, desertion_text):
    doc = nlp(desertion_text)
    assert doc._.headline.text.startswith("Les troupes russes discutent")
    clusters = doc._.entity_clusters
    putin = [c for c in clusters if c.name == "Vladimir Poutine"]
    assert putin and {m.text for m in putin[0].mentions} == {"Vladimir Poutine", "Poutine"}
