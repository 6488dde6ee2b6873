"""The Store API on a real SQLite file, with analyses from the real pipeline.

The quotes, claims and sources of the sample articles are set by hand on top of the
real analyses, so that these tests check the store, whatever the quote extractor finds.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from recoupe import schema
from recoupe.core import analyze_batch
from recoupe.store import Store, StoreError
from recoupe.store.keys import content_hash, date_key, name_key, slug

RENTREE = (
    "Rentrée : l'école Jules-Ferry rouvre ses portes\n\n"
    "La maire Élise Lefèvre a déclaré : « L'école est notre priorité. » "
    "Selon l'AFP, les travaux ont coûté deux millions d'euros.\n\n"
    "Lefèvre a ajouté que les élèves reviendront lundi."
)
BUDGET = (
    "Budget : la mairie promet des économies\n\n"
    "« Nous ferons mieux avec moins », a assuré Lefèvre devant le conseil municipal. "
    "L'opposant Paul Martin a répliqué : « Ce budget sacrifie les écoles. »"
)
METEO = "Orages sur la Bretagne\n\nDes orages ont frappé Brest dans la nuit de lundi."


def quote(text: str, start_hint: str, qid: str, name: str | None, mention: str | None,
          kind: str = "direct") -> schema.Quote:
    start = start_hint.index(text)
    speaker = schema.Speaker()
    if mention is not None:
        at = start_hint.index(mention)
        speaker = schema.Speaker(text=mention, start=at, end=at + len(mention), name=name)
    return schema.Quote(id=qid, kind=kind, text=text, start=start, end=start + len(text),
                        speaker=speaker, confidence=0.9, rule="test")


def claim(text: str, article_text: str, cid: str) -> schema.Claim:
    start = article_text.index(text)
    return schema.Claim(id=cid, type="number", text=text, start=start, end=start + len(text),
                        asserted_by=schema.AssertedBy(kind="source", name="l'AFP"), score=0.8)


@pytest.fixture(scope="module")
def samples() -> list[schema.Analysis]:
    records = [
        {"id": "rentree", "text": RENTREE, "date": "2023-01-15"},
        {"id": "budget", "text": BUDGET, "date": "2024-03-02", "source": "Le Monde"},
        {"id": "meteo", "text": METEO, "date": "2024-05-01"},
    ]
    rentree, budget, meteo = analyze_batch(records)
    rentree = rentree.model_copy(update={
        "quotes": [
            quote("L'école est notre priorité.", RENTREE, "q1", "Élise Lefèvre", "Élise Lefèvre"),
            quote("les élèves reviendront lundi", RENTREE, "q2", "Élise Lefèvre", "Lefèvre",
                  kind="indirect"),
        ],
        "claims": [claim("les travaux ont coûté deux millions d'euros", RENTREE, "c1")],
        "sources": schema.SourceChain(sources=[
            schema.Source(id="s1", name="AFP", type="news_agency", access="relayed")]),
    })
    budget = budget.model_copy(update={
        "quotes": [
            quote("Nous ferons mieux avec moins", BUDGET, "q1", "Lefèvre", "Lefèvre"),
            quote("Ce budget sacrifie les écoles.", BUDGET, "q2", "Paul Martin", "Paul Martin"),
        ],
        "claims": [], "sources": schema.SourceChain()})
    meteo = meteo.model_copy(update={"quotes": [], "claims": [], "sources": schema.SourceChain()})
    # Round-trip through validation: the hand-made parts obey the schema too.
    return [schema.Analysis.model_validate(a.model_dump()) for a in (rentree, budget, meteo)]


@pytest.fixture
def store(tmp_path, samples):
    s = Store(tmp_path / "recoupe.db")
    for analysis in samples:
        assert s.add(analysis) is True
    yield s
    s.close()


def test_keys_forget_case_accents_and_punctuation():
    assert name_key("Élise  LEFÈVRE") == name_key("elise-lefevre") == "elise lefevre"
    assert slug("Élise Lefèvre") == "elise-lefevre"
    assert slug("Путин").startswith("p-") and slug("Путин") == slug("путин")
    assert date_key("2024-03-02T10:00:00Z") == "2024-03-02"
    assert date_key("1er janvier 2016") == "2016-01-01"
    assert date_key("hier") is None


def test_add_is_idempotent_by_content_hash(store, samples):
    before = store.stats()
    assert store.add(samples[0]) is False
    assert store.stats() == {**before, "size_bytes": store.stats()["size_bytes"]}
    assert store.has_hash(content_hash(samples[0].text))
    assert not store.has_hash(content_hash(samples[0].text + " "))


def test_get_returns_the_analysis_as_stored(store, samples):
    assert store.get("rentree") == samples[0]
    assert store.get("nope") is None


def test_same_id_different_text_gets_its_own_id(store, samples):
    edited = samples[2].model_copy(update={"text": samples[2].text + " Fin."})
    assert store.add(edited) is True
    ids = [a["id"] for a in store.list_articles(limit=10)[0]]
    new_id = f"meteo-{content_hash(edited.text)[:8]}"
    assert new_id in ids and "meteo" in ids
    assert store.get(new_id).article.id == new_id
    assert store.id_for_hash(content_hash(edited.text)) == new_id
    assert store.id_for_hash(content_hash("never stored")) is None
    assert store.get("meteo").text == samples[2].text


def test_search_is_accent_and_case_insensitive(store):
    results, total = store.search("ECOLE")
    kinds = {(r["kind"], r["article_id"]) for r in results}
    assert ("quote", "rentree") in kinds and ("article", "rentree") in kinds
    assert total == len(results)
    hit = next(r for r in results if r["kind"] == "quote")
    assert hit["snippet"] == "L'[école] est notre priorité."
    assert hit["snippet_html"] == "L'<mark>école</mark> est notre priorité."
    assert hit["speaker"] == "Élise Lefèvre" and hit["quote_id"] == "q1"
    # Quotes come before articles.
    assert [r["kind"] for r in results] == sorted((r["kind"] for r in results),
                                                   key=["quote", "claim", "article"].index)


def test_search_offsets_point_into_the_article_text(store):
    for r in store.search("ecole", kind="quote")[0] + store.search("millions")[0]:
        if r["start"] is not None:
            assert store.get(r["article_id"]).text[r["start"]:r["end"]] == r["text"]


def test_search_filters(store):
    assert {r["article_id"] for r in store.search("", speaker="lefevre", kind="quote")[0]} \
        == {"rentree", "budget"}
    by_martin = store.search("", speaker="Paul Martin")[0]
    assert [(r["kind"], r["quote_id"]) for r in by_martin if r["kind"] == "quote"] \
        == [("quote", "q2")]
    assert [r["claim_id"] for r in store.search("millions", kind="claim")[0]] == ["c1"]
    assert {r["article_id"] for r in store.search("", source="afp", kind="article")[0]} \
        == {"rentree"}
    assert {r["article_id"] for r in store.search("", source="le monde", kind="article")[0]} \
        == {"budget"}
    assert {r["article_id"] for r in store.search("", since="2024-01-01", kind="article")[0]} \
        == {"budget", "meteo"}
    assert store.search("orages", kind="quote") == ([], 0)
    assert store.search("«»") == ([], 0)
    with pytest.raises(ValueError):
        store.search("x", since="demain")
    with pytest.raises(ValueError):
        store.search("x", kind="tweet")


def test_search_pages(store):
    everything, total = store.search("", kind="quote", limit=100)
    assert total == 4 and len(everything) == 4
    pages = store.search("", kind="quote", limit=3)[0] + \
        store.search("", kind="quote", limit=3, offset=3)[0]
    assert pages == everything


def test_search_survives_fts_syntax(store):
    for text in ['"', "AND", "l'école OR", "NEAR(", "*", "école*"]:
        store.search(text)
    assert store.search("ferm*")[1] == 0
    assert store.search("econom*", kind="article")[1] == 1


def test_people_ranked_with_variants_and_merged_by_variant(store):
    people, total = store.people()
    assert total == 2
    first, second = people
    # "Lefèvre" alone in the second article is the person first met as "Élise Lefèvre".
    assert first["id"] == "elise-lefevre" and first["name"] == "Élise Lefèvre"
    assert (first["n_quotes"], first["n_articles"]) == (3, 2)
    assert set(first["variants"]) == {"Élise Lefèvre", "Lefèvre"}
    assert (second["name"], second["n_quotes"]) == ("Paul Martin", 1)
    assert store.people(q="martin")[1] == 1
    assert store.people(limit=1, offset=1)[0][0]["id"] == second["id"]


def test_person_lists_their_quotes(store):
    person = store.person("elise-lefevre")
    assert person["name"] == "Élise Lefèvre"
    assert [(q["article_id"], q["quote_id"]) for q in person["quotes"]] == \
        [("rentree", "q1"), ("rentree", "q2"), ("budget", "q1")]
    assert person["quotes"][1]["kind"] == "indirect"
    assert person["quotes"][0]["headline"].startswith("Rentrée")
    assert store.person("nobody") is None


def test_list_articles(store):
    rows, total = store.list_articles()
    assert total == 3 and [r["id"] for r in rows] == ["meteo", "budget", "rentree"]
    budget = rows[1]
    assert (budget["n_quotes"], budget["source"], budget["date"]) == (2, "Le Monde", "2024-03-02")
    assert budget["headline"] == "Budget : la mairie promet des économies"
    # Whole words ("écoles" is not "école") unless asked for a prefix.
    assert [r["id"] for r in store.list_articles(q="ecole")[0]] == ["rentree"]
    assert [r["id"] for r in store.list_articles(q="ecole*")[0]] == ["budget", "rentree"]
    assert store.list_articles(since="2024-04-01")[1] == 1
    assert store.list_articles(language="en")[1] == 0
    assert store.list_articles(limit=1, offset=2)[0][0]["id"] == "rentree"


def test_errors_are_recorded_counted_and_cleared_by_a_success(store, samples):
    store.add_failure("a.jsonl:3", None, "invalid JSON")
    store.add_failure("a.jsonl:3", None, "invalid JSON")
    store.add_failure("b.txt", "b", "empty article text")
    errors = store.errors()
    assert {(e["origin"], e["id"], e["message"], e["occurrences"]) for e in errors} == {
        ("a.jsonl:3", "", "invalid JSON", 2), ("b.txt", "b", "empty article text", 1)}
    assert all(e["time"] for e in errors)
    fixed = samples[2].model_copy(update={
        "text": samples[2].text + " B.",
        "article": samples[2].article.model_copy(update={"id": "b", "origin": "b.txt"})})
    assert store.add(fixed)
    assert [e["origin"] for e in store.errors()] == ["a.jsonl:3"]


def test_database_is_consistent(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    for table in ("articles_fts", "quotes_fts", "claims_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    # Plain SQL sees plain data: JSON as text, offsets as integers.
    text, start, end, analysis = conn.execute(
        "SELECT q.text, q.start, q.\"end\", a.analysis FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.quote_id = 'q1' "
        "AND a.id = 'rentree'").fetchone()
    assert schema.Analysis.model_validate_json(analysis).text[start:end] == text
    conn.close()


def test_stats(store):
    stats = store.stats()
    assert {k: stats[k] for k in ("articles", "quotes", "claims", "people", "sources")} == \
        {"articles": 3, "quotes": 4, "claims": 1, "people": 2, "sources": 1}
    assert stats["languages"] == {"fr": 3}
    assert stats["size_bytes"] > 0


def test_reads_from_other_threads_while_writing(store, samples):
    seen = []

    def read():
        seen.append(store.search("ecole", kind="quote")[1])

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    store.add_failure("x", None, "y")
    for t in threads:
        t.join()
    assert seen == [1, 1, 1, 1]


def test_reopening_keeps_everything(tmp_path, samples):
    path = tmp_path / "again.db"
    with Store(path) as s:
        s.add(samples[0])
    with Store(path, create=False) as s:
        assert s.get("rentree") == samples[0]
        assert s.add(samples[0]) is False


def test_refuses_missing_foreign_and_other_version_files(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a recoupe database"):
        Store(junk)
    old = tmp_path / "old.db"
    Store(old).close()
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version"):
        Store(old)


def test_deleting_an_article_by_hand_removes_its_rows_and_index_entries(store):
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM articles WHERE id = 'rentree'")
    conn.commit()
    for table in ("quotes", "claims", "sources", "entities"):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = 'rentree'"
                            ).fetchone() == (0,)
    for table in ("articles_fts", "quotes_fts", "claims_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.close()
    assert store.search("ecole", kind="quote") == ([], 0)
    assert store.search("millions") == ([], 0)


def _quote_by(mention: str | None, name: str | None, cluster: str | None = None):
    return schema.Quote(id="q", kind="direct", text="x", start=0, end=1, confidence=1.0,
                        rule="test", speaker=schema.Speaker(text=mention, name=name,
                                                            cluster=cluster))


def test_speaker_variants_are_names_not_descriptions():
    from recoupe.store.rows import speaker_of

    clusters = {"e1": schema.EntityCluster(id="e1", name="Édouard Philippe", type="PER", mentions=[
        schema.Mention(start=0, end=16, text="Édouard Philippe", kind="name"),
        schema.Mention(start=20, end=28, text="Philippe", kind="name"),
        schema.Mention(start=30, end=49, text="le Premier ministre", kind="nominal")])}
    speaker = speaker_of(_quote_by("le Premier ministre", "Édouard Philippe", "e1"), clusters)
    assert speaker.variants == ["Édouard Philippe", "Philippe"]
    assert speaker_of(_quote_by("Édouard", "Édouard Philippe"), {}).variants == \
        ["Édouard Philippe", "Édouard"]
    assert speaker_of(_quote_by("qui", "qui"), {}) is None
    assert speaker_of(_quote_by("il", None), {}) is None
    assert speaker_of(_quote_by("un porte-parole", None), {}).name == "un porte-parole"


def test_only_a_shortening_of_a_name_joins_that_person(tmp_path, samples):
    def said_by(article_id: str, *speakers: tuple[str | None, str]) -> schema.Analysis:
        text = f"Titre {article_id}\n\nCorps de l'article {article_id}."
        return samples[2].model_copy(update={
            "text": text,
            "article": samples[2].article.model_copy(update={"id": article_id}),
            "quotes": [schema.Quote(id=f"q{i}", kind="direct", text=text[:5], start=0,
                                    end=5, confidence=1.0, rule="test",
                                    speaker=schema.Speaker(text=mention, name=name))
                       for i, (mention, name) in enumerate(speakers)]})

    with Store(tmp_path / "p.db") as store:
        store.add(said_by("a", ("le ministre Jean Dupont", "Jean Dupont"),
                          ("Dupont", "Jean Dupont")))
        store.add(said_by("b", ("Dupont", "Dupont"), ("le ministre", "le ministre")))
        store.add(said_by("c", ("Marie Dupont", "Marie Dupont")))
        people = {p["name"]: p for p in store.people()[0]}
        assert set(people) == {"Jean Dupont", "le ministre", "Marie Dupont"}
        assert people["Jean Dupont"]["n_quotes"] == 3
        assert people["Jean Dupont"]["variants"] == ["Jean Dupont", "Dupont"]
        # Once two people go by it, "Dupont" alone is nobody in particular.
        store.add(said_by("d", ("Dupont", "Marie Dupont")))
        assert store.person("marie-dupont")["variants"] == ["Marie Dupont", "Dupont"]
        store.add(said_by("e", ("Dupont", "Dupont")))
        assert store.person("dupont")["n_quotes"] == 1
        assert store.person("jean-dupont")["n_quotes"] == 3


def test_creates_missing_folders(tmp_path, samples):
    with Store(tmp_path / "a" / "b" / "new.db") as store:
        assert store.add(samples[2])


def _article(template: schema.Analysis, article_id: str, speakers: list[dict],
             entities: list[schema.EntityCluster] = (),
             sources: list[schema.Source] = ()) -> schema.Analysis:
    """``template`` with a text of its own and one quote per speaker (``text``, ``name``,
    ``cluster``: the fields of ``schema.Speaker``)."""
    text = f"Titre {article_id}\n\nCorps de l'article {article_id}."
    quotes = [schema.Quote(id=f"q{i}", kind="direct", text=text[:5], start=0, end=5,
                           confidence=1.0, rule="test", speaker=schema.Speaker(**speaker))
              for i, speaker in enumerate(speakers)]
    return template.model_copy(update={
        "text": text, "article": template.article.model_copy(update={"id": article_id}),
        "quotes": quotes, "entities": list(entities),
        "sources": schema.SourceChain(sources=list(sources)), "claims": []})


def _cluster(cid: str, name: str, type_: str) -> schema.EntityCluster:
    return schema.EntityCluster(id=cid, name=name, type=type_, mentions=[
        schema.Mention(start=0, end=len(name), text=name, kind="name")])


def test_case_variants_of_a_speaker_are_one_person_with_one_name(tmp_path, samples):
    """A sentence-initial capital makes no new person and no "other name"."""
    with Store(tmp_path / "case.db") as store:
        store.add(_article(samples[2], "a", [
            {"text": "Des météorologues américains", "name": "des météorologues américains"},
            {"text": "L’Élysée", "name": "L'Élysée"}]))
        store.add(_article(samples[2], "b", [
            {"text": "des météorologues américains", "name": "Des météorologues américains"},
            {"text": "l'Élysée", "name": "l'Élysée"}]))
        people = {p["id"]: p for p in store.people()[0]}
        assert set(people) == {"des-meteorologues-americains", "l-elysee"}
        meteo = people["des-meteorologues-americains"]
        assert (meteo["name"], meteo["n_quotes"], meteo["n_articles"]) == \
            ("des météorologues américains", 2, 2)
        assert meteo["variants"] == ["des météorologues américains"]
        # A name keeps the form first met ("L'Élysée": its capital is no sentence's).
        assert people["l-elysee"]["variants"] == ["L'Élysée"]
        # A capitalised description is no name: it does not join someone by shortening.
        store.add(_article(samples[2], "c", [{"text": "Les autorités sanitaires",
                                              "name": "Les autorités sanitaires"}]))
        store.add(_article(samples[2], "d", [{"text": "Les autorités", "name": "Les autorités"}]))
        assert {p["name"] for p in store.people(q="autorites")[0]} == \
            {"les autorités sanitaires", "les autorités"}


def _speakers_of_every_kind(template: schema.Analysis) -> schema.Analysis:
    return _article(template, "k1", [
        {"text": "Jean Dupont", "name": "Jean Dupont", "cluster": "e1"},
        {"text": "le texte de la plaque", "name": "le texte de la plaque"},
        {"text": "La police", "name": "la police"},
        {"text": "Le Monde", "name": "Le Monde", "cluster": "e2"},
        {"text": "Amaq", "name": "Amaq"},
        {"text": "la suite", "name": "la suite"},
    ], entities=[_cluster("e1", "Jean Dupont", "PER"), _cluster("e2", "Le Monde", "ORG")],
        sources=[schema.Source(id="s1", name="Amaq", type="news_agency", quotes=["q4"])])


def test_people_have_a_kind_persons_can_be_told_from_other_speakers(tmp_path, samples):
    with Store(tmp_path / "kinds.db") as store:
        store.add(_speakers_of_every_kind(samples[2]))
        kinds = {p["name"]: p["kind"] for p in store.people()[0]}
        assert kinds == {"Jean Dupont": "person", "le texte de la plaque": "document",
                         "la police": "organisation", "Le Monde": "organisation",
                         "Amaq": "organisation", "la suite": "other"}
        assert [p["name"] for p in store.people(kind="person")[0]] == ["Jean Dupont"]
        assert store.people(kind="document")[1] == 1
        assert store.person("le-texte-de-la-plaque")["kind"] == "document"
        with pytest.raises(ValueError):
            store.people(kind="robot")
        # A person's kind is what most of their quotes say.
        for article_id in ("k2", "k3"):
            store.add(_article(samples[2], article_id, [
                {"text": "Le Monde", "name": "Le Monde", "cluster": "e1"}],
                entities=[_cluster("e1", "Le Monde", "PER")]))
        assert store.person("le-monde")["kind"] == "person"
        conn = sqlite3.connect(store.path)
        assert conn.execute("SELECT speaker_kind, count(*) FROM quotes WHERE person_id = "
                            "'le-monde' GROUP BY 1 ORDER BY 1").fetchall() == \
            [("organisation", 1), ("person", 2)]
        conn.close()


def test_speaker_kind_heuristics():
    from recoupe.store.kinds import speaker_kind

    assert speaker_kind("Le Monde", "ORG") == "organisation"
    assert speaker_kind("la Corée du Sud", "LOC") == "organisation"
    assert speaker_kind("le porte-parole du Kremlin", None, "institution") == "person"
    assert speaker_kind("le Premier ministre") == "person"
    assert speaker_kind("Des journalistes sur place") == "person"
    assert speaker_kind("les Iraniens") == "person"
    assert speaker_kind("les autorités sud-coréennes") == "organisation"
    assert speaker_kind("les journaux locaux") == "organisation"
    assert speaker_kind("un sondage Ifop") == "document"
    assert speaker_kind("un appel intercepté") == "document"
    assert speaker_kind("Stéphanie", None, "named_person") == "person"
    assert speaker_kind("un délai important dans son trajet") == "other"


def test_the_same_failure_again_adds_no_row(store, samples):
    assert store.add_failure("a.jsonl:3", None, "invalid JSON") is True
    for _ in range(3):
        assert store.add_failure("a.jsonl:3", None, "invalid JSON") is False
    assert store.add_failure("a.jsonl:3", None, "another reason") is True
    rows = {(e["origin"], e["message"]): e for e in store.errors()}
    assert set(rows) == {("a.jsonl:3", "invalid JSON"), ("a.jsonl:3", "another reason")}
    again = rows[("a.jsonl:3", "invalid JSON")]
    assert again["occurrences"] == 4 and again["last_seen"] >= again["first_seen"]
    # The line, fixed, stores an article with an id: its id-less failures are void.
    fixed = samples[2].model_copy(update={
        "text": samples[2].text + " Corrigé.",
        "article": samples[2].article.model_copy(update={"id": "x", "origin": "a.jsonl:3"})})
    assert store.add(fixed)
    assert store.errors() == []


def _as_version_1(path) -> None:
    """Turn a store file into what version 1 of the store wrote."""
    from recoupe.store.tables import FTS_COLUMNS, TOKENIZER

    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX people_kind")
    conn.execute("ALTER TABLE people DROP COLUMN kind")
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_kind")
    for table, columns in FTS_COLUMNS.items():
        conn.execute(f"DROP TABLE {table}_fts")
        conn.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(columns)}, "
                     f"content='{table}', content_rowid='rowid', tokenize='{TOKENIZER}')")
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    # Version 1 kept case variants of a name apart.
    conn.execute("INSERT INTO person_variants VALUES ('elise-lefevre', 'ÉLISE LEFÈVRE', "
                 "'elise lefevre')")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_a_version_1_file_is_migrated_in_place(store, samples):
    """Migrated, an old file answers as if the current store had written it."""
    path = store.path
    store.add(_speakers_of_every_kind(samples[2]))
    people, searched = store.people(), store.search("ecole")
    assert {p["kind"] for p in people[0]} == {"person", "organisation", "document", "other"}
    store.close()
    _as_version_1(path)
    with Store(path, create=False) as migrated:
        assert migrated.stats()["schema_version"] == "2"
        assert migrated.people() == people
        assert migrated.person("elise-lefevre")["variants"] == ["Élise Lefèvre", "Lefèvre"]
        assert migrated.search("ecole") == searched
        assert migrated.search("Lefèvre", kind="quote")[1] == 3
    conn = sqlite3.connect(path)
    for table in ("articles_fts", "quotes_fts", "claims_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.close()


def test_full_text_tables_are_visible_to_datasette(store):
    """Datasette offers a search box on a table when an FTS table names it as
    content="table", in double quotes."""
    conn = sqlite3.connect(store.path)
    for table in ("articles", "quotes", "claims"):
        [(name,)] = conn.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
            (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',)).fetchall()
        assert name == f"{table}_fts"
    conn.close()


def _documented_queries() -> list[str]:
    """The SQL blocks of docs/store.md's section on browsing the file."""
    import re
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "store.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Browsing the file"):]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_documented_sql_queries_answer_on_a_real_store(store, samples):
    store.add(_speakers_of_every_kind(samples[2]))
    store.add_failure("lot.jsonl:7", None, "invalid JSON")
    # A plain connection, as the sqlite3 shell has: none of the store's SQL functions.
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    expected = {
        "name_key = 'elise lefevre'": [
            ("2023-01-15", "rentree", "direct", "L'école est notre priorité."),
            ("2023-01-15", "rentree", "indirect", "les élèves reviendront lundi"),
            ("2024-03-02", "budget", "direct", "Nous ferons mieux avec moins")],
        "p.kind = 'person'": [("Jean Dupont", 1, 1)],
        "AS source, count(*)": [("(none)", 3), ("Le Monde", 1)],
        "s.name_key = 'afp'": [("rentree", samples[0].article.headline.text, "AFP",
                                "news_agency", "relayed")],
        "quotes_fts MATCH": [("rentree", "Élise Lefèvre", "L'[école] est notre priorité.")],
        "articles_fts MATCH 'econom*'": [("budget", "Budget : la mairie promet des économies")],
        "FROM errors": [("lot.jsonl:7", "invalid JSON", 1, store.errors()[0]["last_seen"])],
    }
    queries = _documented_queries()
    assert len(queries) == len(expected)
    for sql in queries:
        [key] = [k for k in expected if k in sql]
        assert conn.execute(sql).fetchall() == expected[key], key
    conn.close()
