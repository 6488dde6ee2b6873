"""The lemmatizer's lemma index as sets: faster, and the same lemmas."""

from recoupe.pipeline.lemma_index import index_as_sets


def test_index_is_made_of_sets(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(table[key], frozenset) for key in table.keys())
    assert "soldat" in table.get("noun")


def test_lemmas_are_the_stock_lemmatizers(nlp):
    doc = nlp("Les soldats russes partaient et disaient qu'ils étaient épuisés.")
    assert [t.lemma_ for t in doc if not t.is_punct] == [
        "le", "soldat", "russe", "partir", "et", "dire", "que", "il", "être", "épuiser"]


def test_making_sets_twice_changes_nothing(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    before = {key: table[key] for key in table.keys()}
    index_as_sets(nlp)
    assert {key: table[key] for key in table.keys()} == before
