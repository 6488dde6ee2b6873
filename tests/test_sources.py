"""The source chain, on quotes built by hand (so that these tests judge the source logic,
not the quote extractor)."""

from __future__ import annotations

import pytest

from recoupe import schema
from recoupe.factcheck.chainflags import Graph, circular_relaying
from recoupe.factcheck.parsing import parse, quote


SOLDIER = "un soldat russe furieux"
MOTHER = "la mère du soldat russe furieux"


def desertion_quotes(doc):
    """The quotes of the desertion article, with canonical speaker names as the quote
    component gives them ("La mère" is "la mère du soldat russe furieux")."""
    text = doc._.source_text
    return [
        quote(text, "Ils partent, ils partent, les gens partent.", "un soldat", id="q1",
              cue="a raconté", name=SOLDIER),
        quote(text, "Partir ? Comme s'enfuir ?", "La mère", id="q2", cue="répond",
              name=MOTHER),
        quote(text, "Oui, s'enfuir, quoi d'autre ?", "Le soldat", id="q3", cue="confirme",
              name=SOLDIER),
        quote(text, "C'est une désertion, fais attention.", "la mère inquiète", id="q4",
              cue="dit", name=MOTHER),
        quote(text, "S'ils ne nous laissent pas partir en décembre, nous partirons aussi. "
                    "Vous ne pouvez pas imaginer, nous vivons dans un marécage. Tout fuit, nous "
                    "n'avons pas de sommeil, pas de nourriture, rien !", "le soldat fatigué",
              id="q7", cue="disant", name=SOLDIER),
        quote(text, "En ce qui concerne le problème de l'équipement", "le président Poutine",
              id="q5", cue="a déclaré", name="Vladimir Poutine"),
        quote(text, "Poutine a le dos fermement appuyé contre le mur", "Erin Burnett de CNN",
              id="q6", cue="a déclaré", name="Erin Burnett"),
        quote(text, "les conditions sur la ligne de front se détériorent rapidement",
              "Un appel téléphonique intercepté", id="q8", kind="indirect", cue="révèle",
              name="un appel intercepté"),
    ]


@pytest.fixture(scope="module")
def desertion_chain(nlp, desertion_text):
    doc = parse(nlp, desertion_text, quotes=desertion_quotes, until="recoupe_sources")
    return doc, doc._.sources


def by_name(chain, fragment):
    found = sorted((s for s in chain.sources if fragment in s.name),
                   key=lambda s: s.name != fragment)
    assert found, f"no source named like {fragment!r} in {[s.name for s in chain.sources]}"
    return found[0]


def edge(chain, source, target):
    return next((e for e in chain.edges if e.source == source.id and e.target == target.id),
                None)


def test_desertion_chain_runs_from_the_call_to_this_article(desertion_chain):
    _, chain = desertion_chain
    call = by_name(chain, "appel")
    cnn = by_name(chain, "CNN")
    express = by_name(chain, "Express.co.uk")
    article = next(s for s in chain.sources if s.type == "this_article")
    assert (call.type, cnn.type, express.type) == ("recording", "media_outlet", "media_outlet")
    assert edge(chain, call, cnn).evidence.text == "partagé par CNN"
    assert edge(chain, cnn, express) is not None
    credit = edge(chain, express, article)
    assert credit.relation == "relayed_by" and credit.evidence.text == "Source : Express.co.uk"
    assert article.access == "relayed"


def test_speakers_in_the_call_are_recorded_in_it_and_anonymous(desertion_chain):
    _, chain = desertion_chain
    call = by_name(chain, "appel")
    soldier = by_name(chain, "soldat")
    mother = by_name(chain, "mère")
    assert soldier.type == mother.type == "anonymous_person"
    assert edge(chain, soldier, call).relation == "recorded_in"
    assert edge(chain, mother, call).relation == "recorded_in"
    # "un soldat", "Le soldat" are one source, with both quotes.
    assert set(soldier.quotes) == {"q1", "q3", "q7"} and set(mother.quotes) == {"q2", "q4"}
    assert soldier.access == "first_hand"


def test_a_source_that_speaks_in_quotes_has_the_name_the_quotes_give_it(desertion_chain):
    doc, chain = desertion_chain
    named = {q.id: q.speaker.name for q in doc._.quotes}
    speaking = [s for s in chain.sources if s.quotes]
    assert len(speaking) >= 5
    for source in speaking:
        assert source.name in {named[q] for q in source.quotes}, source
    # "sa mère" in the chain, "la mère du soldat russe furieux" in the quotes: one name.
    assert by_name(chain, "mère").name == MOTHER
    assert by_name(chain, "appel").name == "un appel intercepté"
    flags = " ".join(f.message for f in chain.flags)
    assert "“la mère du soldat russe furieux”" in flags and "“sa mère”" not in flags


def test_the_chain_and_the_quotes_agree_on_names_in_the_whole_analysis(desertion):
    names = {q.id: q.speaker.name for q in desertion.quotes}
    for source in desertion.sources.sources:
        if source.quotes and any(names.get(q) for q in source.quotes):
            assert source.name in {names[q] for q in source.quotes if names.get(q)}


def test_a_role_with_a_name_in_apposition_is_one_named_source(nlp):
    text = ("Ebola : fin de l'épidémie en Guinée\n\n"
            "Lors d'un discours à Conakry, le représentant de l'OMS, Mohammed Belhocine, a "
            "annoncé que l'épidémie était terminée. Mohammed Belhocine a ajouté que la "
            "surveillance continuerait pendant 90 jours.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    people = [s for s in chain.sources if s.type in {"named_person", "anonymous_person"}]
    assert [(s.name, s.type) for s in people] == [("Mohammed Belhocine", "named_person")]
    assert any("représentant" in m.text for m in people[0].mentions)
    assert not any(f.kind == "anonymous_source" for f in chain.flags)


def test_a_role_without_a_name_stays_anonymous(nlp):
    text = ("Scandale au ministère\n\nSelon un conseiller du ministre, Jean Dupont a menti "
            "sur ses comptes.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    adviser = by_name(chain, "conseiller")
    assert adviser.type == "anonymous_person"


def test_putin_is_a_first_hand_named_source_and_burnett_speaks_on_cnn(desertion_chain):
    _, chain = desertion_chain
    putin = by_name(chain, "Poutine")
    assert putin.type == "named_person" and putin.access == "first_hand"
    assert "q5" in putin.quotes
    burnett = by_name(chain, "Burnett")
    assert edge(chain, burnett, by_name(chain, "CNN")).relation == "relayed_by"


def test_desertion_flags(desertion_chain):
    _, chain = desertion_chain
    kinds = {f.kind: f for f in chain.flags}
    assert {"anonymous_source", "unknown_origin", "single_source", "relay_chain"} <= set(kinds)
    assert "appel" in kinds["single_source"].message
    assert "soldat" in kinds["single_source"].message
    assert "CNN → Express.co.uk → this article" in kinds["relay_chain"].message
    assert "intercepté" in kinds["unknown_origin"].message


def test_every_span_points_into_the_text(desertion_chain):
    doc, chain = desertion_chain
    text = doc._.source_text
    spans = [m for s in chain.sources for m in s.mentions]
    spans += [e.evidence for e in chain.edges if e.evidence is not None]
    spans += [ev for f in chain.flags for ev in f.evidence]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_outlets_cited_and_told(nlp):
    text = ("Scandale au ministère\n\nSelon Le Canard enchaîné, le ministre aurait dépensé "
            "2 millions d'euros. Un conseiller a confirmé à Reuters que la somme était exacte.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    canard = by_name(chain, "Canard")
    reuters = by_name(chain, "Reuters")
    adviser = by_name(chain, "conseiller")
    assert canard.type == "media_outlet" and reuters.type == "news_agency"
    assert edge(chain, adviser, reuters).relation == "told"
    assert any(f.kind == "anonymous_source" and "conseiller" in f.message for f in chain.flags)


def test_documents_keep_their_author_and_their_journal(nlp):
    text = ("Le climat change\n\nSelon un rapport de l'ONU publié lundi, les températures ont "
            "augmenté de 1,2 degré. Une étude publiée dans Nature montre que les glaciers "
            "reculent.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    report = by_name(chain, "rapport")
    un = by_name(chain, "ONU")
    assert report.type == "document" and un.type == "institution"
    assert edge(chain, un, report).relation == "issued"
    study = by_name(chain, "étude")
    nature = by_name(chain, "Nature")
    assert edge(chain, study, nature).relation == "published_in"


def test_leaked_document_and_relaying_outlets(nlp):
    text = ("Fuite au gouvernement\n\nUn document obtenu par Mediapart révèle que le projet a "
            "été abandonné. Le Monde, cité par Libération, affirme que le ministre savait.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    document = by_name(chain, "document")
    assert edge(chain, document, by_name(chain, "Mediapart")).relation == "relayed_by"
    assert edge(chain, by_name(chain, "Le Monde"), by_name(chain, "Libération")) is not None
    assert any(f.kind == "unknown_origin" and "obtenu" in f.message for f in chain.flags)


def test_an_article_with_no_source_has_only_itself(nlp):
    text = ("Le maire inaugure l'école\n\nLe maire de Lyon a inauguré lundi une nouvelle école "
            "de 300 élèves. Les travaux ont coûté 12 millions d'euros.")
    chain = parse(nlp, text, quotes=[], until="recoupe_sources")._.sources
    assert [s.type for s in chain.sources] == ["this_article"]
    assert chain.edges == [] and chain.flags == []


def test_a_cycle_of_relays_is_flagged():
    sources = [schema.Source(id="s0", name="this article", type="this_article"),
               schema.Source(id="s1", name="Le Monde", type="media_outlet"),
               schema.Source(id="s2", name="Libération", type="media_outlet")]
    edges = [schema.SourceEdge(source="s1", target="s2"),
             schema.SourceEdge(source="s2", target="s1"),
             schema.SourceEdge(source="s2", target="s0")]
    flags = circular_relaying(Graph(schema.SourceChain(sources=sources, edges=edges)))
    assert len(flags) == 1 and flags[0].kind == "circular_relaying"
    assert "Le Monde" in flags[0].message and "Libération" in flags[0].message
