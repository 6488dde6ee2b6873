"""What a noun phrase names when the article leans on it as a source.

``describe(head)`` turns the head token of a noun phrase ("un appel intercepté", "la
télévision d'État syrienne", "Erin Burnett", "une source proche du dossier") into a
:class:`SourceMention`: its span, its source type, a display name, and a key under which
two mentions of the same source meet ("un soldat" … "le soldat fatigué").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recoupe.factcheck.outlets import media_description, outlet_at
from recoupe.pipeline.entities import cluster_at, fold, name_words

RECORDING_NOUNS = frozenset("""
    enregistrement vidéo audio conversation écoute bande séquence extrait image
    images photo photographie film interception coup_de_fil message_vocal
""".split())
DOCUMENT_NOUNS = frozenset("""
    communiqué rapport étude document lettre note courrier mail courriel texte sondage
    enquête analyse chiffre statistique bilan estimation donnée relevé procès-verbal
    jugement arrêt décret arrêté plainte dossier archive publication article dépêche
    tweet message post mémo câble fichier registre compte-rendu expertise audit
    recensement résultat comptage
""".split())
INSTITUTION_NOUNS = frozenset("""
    gouvernement ministère police gendarmerie parquet armée mairie préfecture conseil
    commission comité tribunal cour justice autorité administration entreprise groupe
    société syndicat parti association organisation ong fédération institut université
    hôpital direction diplomatie état-major renseignement douane ambassade consulat
    organisateur opposition banque agence service office observatoire fondation
    présidence exécutif assemblée sénat municipalité région département collectif
    laboratoire force secours
""".split())
# People by what they are; with no name attached they are anonymous sources.
PERSON_NOUNS = frozenset("""
    soldat mère père fils fille frère sœur femme mari épouse témoin habitant source
    responsable porte-parole policier policière gendarme ministre président présidente
    maire procureur procureure avocat avocate expert experte chercheur chercheuse
    scientifique médecin officiel diplomate conseiller conseillère enquêteur proche ami
    amie voisin voisine employé employée salarié salariée manifestant militant
    journaliste correspondant analyste observateur dirigeant chef député sénateur élu
    juge magistrat directeur directrice patron représentant délégué secrétaire
    commandant général officier agent victime survivant rescapé passant riverain
    internaute parent élève étudiant enseignant professeur syndicaliste opposant
    candidat homme personne individu spécialiste économiste historien sociologue
    politologue ingénieur pilote chauffeur conducteur capitaine prêtre imam évêque pape
    archevêque préfet ambassadeur chancelier gouverneur commissaire membre participant
    rapporteur rapporteure pompier sapeur-pompier secouriste sauveteur urgentiste
    infirmier infirmière militaire combattant otage détenu prisonnier suspect
""".split())
# Roles that designate one identifiable person when definite ("le maire de Lyon"): the
# person speaks for an institution rather than as an anonymous witness.
OFFICIAL_ROLES = frozenset("""
    ministre président présidente maire procureur procureure porte-parole préfet
    directeur directrice secrétaire ambassadeur chancelier gouverneur commissaire pape
    archevêque évêque juge chef premier avocat avocate rapporteur rapporteure
""".split())
# Nouns of people who speak from what they saw or lived.
WITNESS_NOUNS = frozenset("""
    soldat témoin habitant victime survivant rescapé passant riverain mère père fils
    fille frère sœur femme mari épouse voisin voisine otage participant combattant
    militaire employé salarié manifestant
""".split())
INDEFINITE = frozenset("un une des plusieurs certains certaines quelques divers "
                       "diverses deux trois".split())
DETERMINERS = frozenset("le la les l' un une des du de d' sa son ses leur leurs ce cet "
                        "cette ces".split())
OF = frozenset({"de", "du", "des", "d'", "d’"})
# Dependents that never belong to the mention of a source.
CUT_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc",
                      "punct", "dep", "obl:mod", "obl", "obj", "iobj", "nsubj",
                      "discourse", "mark", "aux", "aux:tense", "aux:pass", "cop"})


@dataclass
class SourceMention:
    start: int
    end: int
    type: str
    name: str
    key: tuple
    cluster: str | None = None
    head: int | None = None  # token index of the head


def mention_span(head: Token, max_tokens: int = 12) -> Span:
    """The compact noun phrase of ``head``: determiners, adjectives, names, "de X"
    complements and a participle right after it ("intercepté"), without its own
    preposition, relative clauses or incises."""
    doc = head.doc
    keep = {head.i}

    def walk(token: Token, depth: int) -> None:
        for child in token.children:
            if child.dep_ in CUT_DEPS or child.is_space or depth > 2:
                continue
            if child.dep_ == "case" and token.i == head.i:
                continue  # "selon", "par": the phrase, not the source
            if child.dep_ == "acl" and "Part" not in child.morph.get("VerbForm"):
                continue
            if child.dep_ == "nmod" and token.i == head.i and any(
                    c.dep_ == "case" and c.lower_ not in OF for c in child.children):
                continue  # "une source judiciaire à l'AFP": the AFP is someone else
            keep.add(child.i)
            if child.dep_ == "acl":
                continue  # the participle alone: "intercepté", not where from
            walk(child, depth + 1)

    walk(head, 0)
    start, end = min(keep), max(keep) + 1
    # Stop at the first comma or parenthesis after the head (an apposition or an
    # incise), or at a verb the parser wrongly hung on the noun.
    for i in range(head.i + 1, end):
        if doc[i].text in {",", "(", ";", ":", "—", "–", "«", "»", '"'} or (
                doc[i].pos_ in {"AUX", "VERB"} and "Part" not in doc[i].morph.get("VerbForm")):
            end = i
            break
    # A participle is kept only when nothing but adjectives stands between it and the
    # head ("un appel téléphonique intercepté").
    for i in range(head.i + 1, end):
        if doc[i].dep_ == "acl" and any(doc[j].dep_ != "amod" for j in range(head.i + 1, i)):
            end = i
            break
    while end - start > max_tokens and end > head.i + 1:
        end -= 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _display(span: Span) -> str:
    text = span.text
    return text[:1].lower() + text[1:] if span[0].pos_ == "DET" else text


def _entity_cluster(doc: Doc, span: Span, head: Token):
    """The cluster a mention names: a person's name attached to the head ("le président
    Poutine", "le Premier ministre Bernard Cazeneuve") before the head's own cluster."""
    for token in span:
        if token.i == head.i or not token.text[:1].isupper() or _introduced(token, head):
            continue
        found = cluster_at(doc, token.idx, token.idx + len(token.text))
        if found is None:
            # A surname the model missed here but found elsewhere in the article.
            found = next((c for c in doc._.entity_clusters or [] if c.type == "PER"
                          and fold(token.text) in name_words(c.name)), None)
        if found is not None and found.type == "PER":
            return found
    return cluster_at(doc, head.idx, head.idx + len(head.text))


def _apposed_name(head: Token):
    """The person named in apposition to a role noun ("le représentant de l'OMS,
    Mohammed Belhocine,"): their entity cluster and where the name ends, or None."""
    doc = head.doc
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i:
            continue
        words = [child, *(c for c in child.children if c.dep_ == "flat:name")]
        start = min(t.idx for t in words)
        end = max(t.idx + len(t.text) for t in words)
        if not all(t.text[:1].isupper() for t in words):
            continue
        found = cluster_at(doc, start, end)
        if found is not None and found.type == "PER":
            return found, end
    return None


def _introduced(token: Token, head: Token) -> bool:
    """Is ``token`` inside a complement with its own preposition ("l'administration de
    Barack Obama")? Then it names someone else."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if any(c.dep_ == "case" for c in current.children):
            return True
        current = current.head
    return False


def _looks_like_person_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def key_text(text: str) -> str:
    """A mention without its determiner, folded: "Le comité Nobel" ~ "comité Nobel"."""
    words = fold(text).replace("'", "' ").replace("[", "").replace("]", "").split()
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def describe(head: Token, span: Span | None = None) -> SourceMention | None:
    """The source a noun phrase headed by ``head`` names, or None if it names none.
    ``span`` is the mention when the caller knows it (a quote's speaker)."""
    doc = head.doc
    if head.pos_ in {"DET", "ADP", "VERB", "AUX", "ADV", "PUNCT", "SCONJ", "CCONJ"}:
        return None
    if head.pos_ == "PRON" and not head.text[:1].isupper():
        return None  # "il", "qui": the quote component resolves them, not this module
    if span is None:
        span = mention_span(head)
    start, end = span.start_char, span.end_char
    outlet = outlet_at(doc, start, end) or outlet_at(doc, head.idx, head.idx + len(head.text),
                                                     overlapping=True)
    media = media_description(head)
    # The outlet is what the phrase names when it is the head ("CNN") or what a media
    # word describes ("le quotidien britannique The Guardian"); "Erin Burnett de CNN"
    # names a person.
    if outlet is not None and (media is not None or
                               outlet.start <= head.idx < outlet.end):
        return SourceMention(start, end, outlet.outlet.type, outlet.outlet.name,
                             ("outlet", outlet.outlet.name), head=head.i)
    lemma = _lemma(head)
    named = _apposed_name(head) if lemma in PERSON_NOUNS else None
    if named is not None:
        # "le représentant de l'OMS, Mohammed Belhocine,": one named person.
        cluster, name_end = named
        return SourceMention(start, max(end, name_end), "named_person", cluster.name,
                             ("cluster", cluster.id), cluster=cluster.id, head=head.i)
    cluster = _entity_cluster(doc, span, head)
    if cluster is not None and media is None:
        person = cluster.type == "PER" or (cluster.type == "MISC"
                                           and _looks_like_person_name(cluster.name))
        kind = "named_person" if person else "institution"
        return SourceMention(start, end, kind, cluster.name, ("cluster", cluster.id),
                             cluster=cluster.id, head=head.i)
    name = _display(span)
    if media is not None:
        return SourceMention(start, end, media, name, ("outlet", key_text(name)), head=head.i)
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if lemma in RECORDING_NOUNS or (lemma == "appel" and _is_call(head)):
        return SourceMention(start, end, "recording", name, ("recording", lemma), head=head.i)
    if lemma in DOCUMENT_NOUNS:
        return SourceMention(start, end, "document", name,
                             ("document", lemma, _issuer_key(head)), head=head.i)
    institution = SourceMention(start, end, "institution", name,
                                ("institution", key_text(name)), head=head.i)
    if lemma in INSTITUTION_NOUNS:
        return institution
    if lemma in PERSON_NOUNS:
        determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
        definite = bool(determiner) and determiner not in INDEFINITE
        plural = "Plur" in head.morph.get("Number")
        # "le maire de Lyon" is one identifiable person speaking for an office; "les
        # enquêteurs" a body; "un soldat", "des sources policières" are anonymous.
        if definite and (lemma in OFFICIAL_ROLES or plural):
            return institution
        # "une source policière" and "une source judiciaire" are two sources; "un
        # soldat" and "le soldat fatigué" are one.
        key = ("person", lemma, _qualifiers(head)) if lemma == "source" else ("person", lemma)
        return SourceMention(start, end, "anonymous_person", name, key, head=head.i)
    return None


def _is_call(head: Token) -> bool:
    words = {fold(t.lemma_) for t in head.subtree}
    return bool(words & {"telephonique", "intercepter", "enregistrer", "telephone",
                         "entre"})


def _issuer_key(head: Token) -> str:
    for child in head.children:
        if child.dep_ == "nmod" and child.pos_ in {"PROPN", "NOUN"}:
            return fold(child.text)
    return ""


def _qualifiers(head: Token) -> tuple[str, ...]:
    return tuple(sorted(fold(c.lemma_) for c in head.children
                        if c.dep_ in {"amod", "nmod"} and c.pos_ in {"ADJ", "NOUN", "PROPN"}))

