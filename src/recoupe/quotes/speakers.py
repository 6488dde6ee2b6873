"""Who speaks: the mention that carries a cue, and the speaker's canonical name.

The mention is what the sentence says ("il", "le soldat", "qui", "le président
Poutine"); the canonical name is what a reader would write in a dossier: the most
informative name of that speaker anywhere in the article ("Vladimir Poutine"), or, for an
unnamed speaker, the fullest description ("un soldat russe", "la mère du soldat").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from recoupe.quotes.tokens import inverted_subject, is_space, strip_hyphen

PRONOUNS = frozenset("il elle ils elles on lui eux elle-même lui-même eux-mêmes "
                     "celui-ci celle-ci ceux-ci celles-ci".split())
RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
# Pronouns that pick members of a group: "un des manifestants", "certains d'entre eux".
QUANTIFIERS = frozenset("un une l'un l'une certains certaines plusieurs aucun aucune "
                        "chacun chacune".split())
# Object clitics, never the speaker of the verb they stand before.
CLITICS = frozenset({"lui", "leur", "me", "m'", "te", "t'", "nous", "vous", "les", "le", "la",
                     "l'", "se", "s'"})
FIRST_SECOND = frozenset("je j' nous vous tu moi".split())
POSSESSIVES = {"sa": "Fem", "son": None, "ses": "Plur", "leur": None, "leurs": "Plur"}
# Deps whose subtrees are not part of a speaker mention.
CUT_DEPS = frozenset({"acl:relcl", "parataxis", "advcl", "punct", "dep", "ccomp", "xcomp",
                      "obl:mod", "advmod", "aux", "aux:tense", "aux:pass", "cop", "mark",
                      "expl:comp", "obj", "iobj", "discourse"})
# Verbs through which a subject is shared ("compte demander", "a dû reconnaître").
RAISING = frozenset("pouvoir devoir vouloir compter aller venir tenir sembler paraître "
                    "entendre oser savoir préférer continuer commencer finir cesser "
                    "souhaiter espérer refuser accepter décider choisir chercher tenter "
                    "essayer".split())
def _speech_verb(verb: Token) -> bool:
    from recoupe.quotes.lexicon import introduces_direct, lemma_of, takes_clause

    lemma = lemma_of(verb)
    return takes_clause(lemma) or introduces_direct(lemma)


# Verbs whose object, not subject, does what the infinitive says ("permettre à X de").
OBJECT_CONTROL = frozenset("permettre pousser amener conduire inciter autoriser obliger "
                           "contraindre forcer inviter encourager".split())
# Nouns that often name an unnamed speaker; used to choose antecedents of pronouns.
SPEAKER_NOUNS = frozenset("""
    ministre président présidente porte-parole avocat avocate procureur procureure juge
    député députée sénateur sénatrice maire directeur directrice responsable expert
    experte enquêteur enquêteurs source sources témoin témoins soldat soldats mère père
    fils fille frère sœur femme mari épouse chauffeur policier policière gendarme
    gendarmes syndicat syndicats organisateur organisateurs auteur auteurs chercheur
    chercheuse scientifique médecin spécialiste analyste dirigeant dirigeants chef
    cheffe secrétaire conseiller conseillère ambassadeur ambassadrice militant militants
    manifestant manifestants habitant habitants agent agents officier général
    commandant capitaine patron patronne gouvernement ministère armée police préfecture
    agence comité commission conseil cour tribunal parquet entreprise société groupe
    association collectif parti institut journal chaîne média médias rapporteur
    rapporteure candidat candidate premier première élu élus opposant opposants
    victime victimes famille proche proches ami amie voisin voisine professeur
    professeure enseignant enseignante élève étudiant étudiante journaliste
    correspondant envoyé envoyée représentant représentante délégué déléguée
    président-directeur fondateur fondatrice directeur-général administration
    préfet préfète commissaire chancelier chancelière roi reine prince princesse pape
    évêque imam rabbin pasteur acteur actrice chanteur chanteuse écrivain écrivaine
    joueur joueuse entraîneur sélectionneur homme femme garçon enfant jeune adolescent
    adolescente individu suspect suspecte agresseur assaillant tireur personne passant
    client cliente patient patiente citoyen citoyenne électeur électrice salarié
    salariée employé employée ouvrier ouvrière agriculteur retraité étudiants avocats
    gouverneur sénateurs députés ministres présidents syndicaliste porte-parole
    opposition majorité sénat assemblée parlement mairie élysée matignon ministère
    ambassade consulat état-major direction rédaction fédération confédération union
    organisation fondation ong onu otan police gendarmerie justice procureur autorités
    autorité diplomatie défense
    riverain riveraine résident résidente locataire propriétaire commerçant commerçante
    artisan spectateur spectatrice supporter supporteur observateur observatrice
    économiste historien historienne sociologue politologue juriste magistrat magistrate
    pompier secouriste sauveteur urgentiste infirmier infirmière chirurgien chirurgienne
    pilote passager passagère rescapé rescapée survivant survivante sinistré otage détenu
    prisonnier réfugié réfugiée migrant migrante consommateur usager utilisateur internaute
    lecteur lectrice auditeur auditrice téléspectateur sportif sportive athlète coureur
    coureuse nageur nageuse cycliste skieur skieuse footballeur footballeuse champion
    championne vainqueur adversaire rival rivale allié alliée partenaire collègue cousin
    cousine oncle tante veuve veuf conjoint conjointe compagnon compagne époux parent
    paysan paysanne éleveur pêcheur médiateur médiatrice négociateur diplomate émissaire
    inspecteur inspectrice ingénieur architecte technicien blogueur humoriste comédien
    comédienne réalisateur réalisatrice cinéaste producteur productrice musicien
    musicienne artiste photographe romancier romancière poète philosophe prêtre cardinal
    archevêque moine militaire colonel lieutenant sergent amiral combattant rebelle insurgé
    gréviste cheminot conducteur conductrice automobiliste édile vice-président
    vice-présidente trésorier coordinateur coordinatrice animateur animatrice
    présentateur présentatrice chroniqueur chroniqueuse éditorialiste rédacteur
    rédactrice reporter interprète notaire bâtonnier climatologue météorologue
    sismologue volcanologue épidémiologiste virologue biologiste physicien physicienne
    astronome astrophysicien archéologue paléontologue géologue mathématicien
    universitaire doctorant doctorante lycéen lycéenne instituteur institutrice proviseur
    entraîneuse coach arbitre manager pdg actionnaire investisseur banquier gérant gérante
    exploitant fabricant constructeur opérateur laboratoire municipalité syndicaliste
    régulateur observatoire douane douanes junte coalition ligue
""".split())


# Verbs whose compound tenses take "être" (not a passive: "il est arrivé et déclare").
ETRE_VERBS = frozenset("aller arriver venir revenir devenir parvenir intervenir partir "
                       "repartir entrer rentrer sortir monter descendre naître mourir "
                       "rester tomber retourner passer apparaître".split())


def subject_of(verb: Token, depth: int = 0, shared: bool = False) -> Token | None:
    """The token heading the subject of ``verb``, climbing through shared subjects:
    "ajoutant que" and "compte demander" take the subject of the verb they depend on.
    ``shared``: the subject is wanted for an active verb coordinated with this one."""
    if depth > 5:
        return None
    passive = any(c.dep_ == "aux:pass" for c in verb.children) and not (
        verb.lemma_.lower() in ETRE_VERBS or shared and any(
            c.dep_ == "nsubj:pass" and c.i < verb.i for c in verb.children))
    for child in verb.children:
        if child.dep_ == "obl:agent" and passive:
            return child
        if passive and child.dep_.startswith("obl") and child.i > verb.i and \
                child.pos_ in ("PROPN", "NOUN") and \
                any(c.dep_ == "case" and c.lower_ == "par" for c in child.children):
            return child  # "il a été révélé par Mediapart que": the agent, mislabelled
    # A subject before the verb, even an "il" the parser took for impersonal, wins over a
    # noun after it ("Il a terminé sa déclaration par la célèbre maxime … : « … »").
    before = any(c.i < verb.i and (c.dep_ in ("nsubj", "nsubj:pass") or
                                   c.dep_ == "expl:subj" and c.lower_ in ("il", "elle", "ils",
                                                                          "elles"))
                 for c in verb.children)
    misparsed = False
    for child in _subjects_in_order(verb):
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i < verb.i and (
                _prepositional(child) or _quoted(child) and not _quoted(verb)):
            # "Sur RTL, rappelant que … « 50 milliards », Jeanne M. a dénoncé": a
            # place or medium, or quoted words, taken for the subject.
            misparsed = True
            continue
        if child.dep_ in ("nsubj", "nsubj:pass") and child.lower_ not in ("-t", "t") and \
                not (child.lower_ in ("lui", "leur") and 0 < verb.i - child.i <= 3):
            if passive and child.dep_ == "nsubj:pass":
                return None
            if child.lower_ in ("-il", "-elle", "-ils", "-elles", "-on") or child.i < verb.i:
                return _name_set_off_before(child) or _singular_conjunct(child, verb) or child
            if child.pos_ in ("PROPN", "NOUN", "PRON") and not _clause_between(verb, child) \
                    and not before:
                return child
    pronoun = inverted_subject(verb)
    if pronoun is not None:
        return pronoun
    incise = _object_after_incise(verb)
    if incise is not None:
        return incise
    if misparsed:
        found = _subject_after_fronted_clause(verb.doc[verb.sent.start], verb)
        if found is not None:
            return found
    if passive:
        return None
    inverted = _inverted_after_relative(verb)
    if inverted is not None:
        return inverted
    for child in verb.children:
        # "Il déclare que …" parsed as an impersonal "il": a speech verb has a speaker.
        if child.dep_ == "expl:subj" and child.lower_ in ("il", "elle", "ils", "elles") and \
                child.i < verb.i:
            return child
    head = verb.head
    dep = verb.dep_
    # "a déclaré" is finite through its auxiliary; "avoir théorisé" is not.
    has_aux = any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm")
                  for c in verb.children)
    non_finite = (_is_gerund_or_participle(verb) and not has_aux) or \
        "Inf" in verb.morph.get("VerbForm") or verb.pos_ == "ADJ"
    if head is not verb:
        if dep == "acl" and head.pos_ == "NOUN" and head.dep_ in ("obj", "obl:mod") and \
                head.head.lemma_ == "avoir" and head.head.i < head.i < verb.i and \
                verb.i - head.head.i <= 4 and "Part" in verb.morph.get("VerbForm") and \
                "Past" in verb.morph.get("Tense"):
            # "il avait un temps annoncé que": a compound tense with an adverbial noun
            # phrase between the auxiliary and the participle.
            return subject_of(head.head, depth + 1)
        if head.lower_ in CLITICS and head.i == verb.i - 1 and head.head is not head:
            # "lui disant" parsed as a participle on "lui": the speaker is the
            # subject of the clause "lui" depends on.
            return subject_of(head.head, depth + 1)
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and \
                _is_gerund_or_participle(verb) and any(
                    c.dep_ == "mark" and c.lower_ == "en" and c.i < verb.i
                    for c in verb.children):
            # "… dans un communiqué en expliquant que": a gerund shares the subject of
            # the clause, never the noun the parse hangs it on.
            clause = head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            if clause.pos_ in ("VERB", "AUX") and clause.i != verb.i:
                found = subject_of(clause, depth + 1)
                if found is not None:
                    return found
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and \
                _is_gerund_or_participle(verb) and "Pres" in verb.morph.get("Tense"):
            if _prepositional(head) \
                    and head.head.i > verb.i and head.head.pos_ in ("VERB", "AUX"):
                # "Sur France Info, rappelant que …, Jeanne M. a dénoncé": the participle
                # hung on a place or medium belongs to the main clause, whose subject
                # it shares.
                return _subject_after_fronted_clause(verb, head.head) or \
                    subject_of(head.head, depth + 1)
            if (_prepositional(head) and head.dep_.startswith("obl") or
                    head.dep_ == "obj" and not is_speaker_like(head)) and \
                    head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i and \
                    verb.i > 0 and verb.doc[verb.i - 1].text == ",":
                # (or an object that cannot speak: "X a reconnu sa responsabilité,
                # indiquant que …")
                # "Des émeutes ont éclaté dans la journée, demandant que …": the place
                # or time the participle is hung on cannot speak; the clause's subject.
                found = subject_of(head.head, depth + 1)
                if found is not None:
                    return found
            return head  # "des émeutes … demandant que"
        if dep == "acl" and not non_finite and head.pos_ in ("NOUN", "PROPN") and \
                head.i < verb.i and not any(c.lower_ in RELATIVES or c.dep_ == "mark"
                                            for c in verb.children):
            return head  # "Le Canard enchaîné de ce mardi ajoute que": no relative
        if dep == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
            if _quoted(head) and not _quoted(verb):
                # "… souhaitent « que la hausse … soit supprimée » et redoute …": the
                # parse joins the verb to one inside the quotation.
                coordinated = _coordinated_subject(verb)
                if coordinated is not None:
                    return coordinated
            # "X a été reçu à l'Élysée et déclare …": the subject of the passive is
            # the subject of the active verb coordinated with it.
            return subject_of(head, depth + 1,
                              shared=not any(c.dep_ == "aux:pass" for c in verb.children)
                              and any(c.dep_ == "cc" and c.i < verb.i for c in verb.children)
                              and ("Fin" in verb.morph.get("VerbForm") or any(
                                  c.dep_ == "aux:tense" for c in verb.children)))
        if dep == "xcomp" and head.pos_ in ("VERB", "AUX") and (
                head.lemma_ in RAISING or head.lemma_ in ("être", "avoir")):
            return subject_of(head, depth + 1)
        if depth == 0 and dep == "xcomp" and head.pos_ == "VERB" and \
                head.lemma_ in OBJECT_CONTROL and "Inf" in verb.morph.get("VerbForm") and \
                _speech_verb(verb):
            # "Ce chiffre a permis à la ministre de déclarer que …", "pousse X à
            # reconnaître": the one allowed or led to speak is the speaker.
            for child in head.children:
                if child.i < verb.i and child.pos_ in ("NOUN", "PROPN", "PRON") and (
                        child.dep_ in ("obj", "iobj") or child.dep_ == "obl:arg" and any(
                            c.dep_ == "case" and c.lower_ in ("à", "au", "aux")
                            for c in child.children)) and child.lower_ not in CLITICS:
                    return child
        if dep in ("advcl", "conj", "xcomp", "parataxis", "acl") and non_finite and \
                (head.pos_ in ("VERB", "AUX", "ADJ") or _mistagged_verb(head)):
            if dep == "advcl" and _is_gerund_or_participle(verb) and verb.i > 0 and \
                    verb.doc[verb.i - 1].text == ",":
                # "il pensait que ce dernier avait volé …, estimant que …": a participle
                # set off after a que-clause goes with the clause that governs it.
                while head.dep_ == "ccomp" and head.head.i < head.i and \
                        head.head.pos_ in ("VERB", "AUX"):
                    head = head.head
            return subject_of(head, depth + 1)
    if not non_finite:
        found = _coordinated_subject(verb) or _adjacent_subject(verb) or _nominal_before(verb)
        if found is not None:
            return found
    if depth == 0 and non_finite:
        # A bad parse ("et compte demander", "compte" taken for a noun): the subject of
        # the sentence's main verb, when it comes first.
        root = verb.sent.root
        if root.i < verb.i and root.pos_ in ("VERB", "AUX"):
            for child in root.children:
                if child.dep_ == "nsubj" and child.i < root.i:
                    return child
    if non_finite and _is_gerund_or_participle(verb) and "Pres" in verb.morph.get("Tense"):
        # "Le journal … a publié un rapport … affirmant que …" in a broken parse: the
        # participle's subject is the clause's first bare noun phrase.
        return _nominal_before(verb)
    return None


CLOSING_MARKS = frozenset({"»", "”", "\""})


def _object_after_incise(verb: Token) -> Token | None:
    """"« … » , a confié, à l'AFP, le directeur …": in an incise, the noun phrase after
    the verb is its subject, though the model may call it an object."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    i = first - 1
    while i >= 0 and is_space(doc[i]):
        i -= 1
    if i < 1 or doc[i].text not in (",", "–", "—") or doc[i - 1].text not in CLOSING_MARKS:
        return None
    for child in verb.children:
        if child.i <= verb.i or _clause_between(verb, child):
            continue
        if child.dep_ in ("obj", "obl:arg") and child.pos_ in ("NOUN", "PROPN") and \
                not _prepositional(child) and is_speaker_like(child):
            return child
        if child.dep_.startswith("obl") and _prepositional(child):
            # "a confié, à Reuters, le directeur …": the subject hung on the medium.
            for grand in child.children:
                if grand.dep_ == "appos" and grand.pos_ in ("NOUN", "PROPN") and \
                        not _prepositional(grand) and is_speaker_like(grand) and \
                        _after_comma(grand):
                    return grand
    return None


def _prepositional(noun: Token) -> bool:
    """Does a preposition open the noun's phrase ("Sur RTL")? A partitive or plural
    article the model calls a case marker ("des Gilets jaunes ont …") does not count."""
    return any(c.dep_ == "case" and c.i < noun.i and
               c.lower_ not in ("des", "du", "de", "d'", "d’") for c in noun.children)


def _subject_after_fronted_clause(participle: Token, verb: Token) -> Token | None:
    """The subject between a fronted participle clause and its main verb: the first
    name or noun set off by a comma after which no other verb comes before the main
    one ("rappelant que la route tue …, Jeanne M., la présidente …, a dénoncé")."""
    doc = participle.doc
    regions = doc._.quote_regions or []
    own = {c.i for c in verb.children if c.dep_.startswith("aux")}
    for k in range(participle.i + 1, verb.i):
        tok = doc[k]
        if doc[k - 1].text != "," or tok.dep_ in ("flat:name", "flat") or \
                tok.pos_ not in ("PROPN", "NOUN") or \
                any(r.open <= tok.idx < r.outer_end for r in regions):
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in SPEAKER_NOUNS:
            continue
        if any(doc[m].pos_ in ("VERB", "AUX") and m not in own for m in range(k + 1, verb.i)):
            continue
        return tok
    return None


def _name_set_off_before(noun: Token) -> Token | None:
    """"Paul X, le PDG du groupe, a …" parsed with the description as the subject: the
    name opening the clause, set off before the description, is the subject."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEAKER_NOUNS:
        return None
    doc = noun.doc
    first = min(t.i for t in noun.subtree if not t.is_punct or t.i == noun.i)
    if first < 2 or doc[first - 1].text != ",":
        return None
    name = doc[first - 2]
    if not (name.ent_type_ == "PER" or name.pos_ == "PROPN" and name.is_title) or \
            _temporal(name) or name.lower_ in TEMPORAL:
        return None  # "Mercredi, le président a déclaré"
    if _capitalised_participle(name) and (name.i == noun.sent.start or doc[name.i - 1].text
                                          in (".", ":", ";") or is_space(doc[name.i - 1])):
        return None  # "Interrogés, des proches …": a participle opening the sentence
    start = name.i
    while start - 1 >= 0 and doc[start - 1].is_title and doc[start - 1].text.isalpha() and \
            (doc[start - 1].ent_type_ == "PER" or doc[start - 1].pos_ in ("PROPN", "NOUN")) \
            and not any(c.dep_ == "det" for c in doc[start - 1].children) and name.i - start < 3:
        start -= 1
    if start != noun.sent.start and doc[start - 1].text not in (".", ":", ";", "\n") and \
            not is_space(doc[start - 1]):
        return None  # "… a rencontré Paul X, le PDG …": the name is no subject
    return name


def _capitalised_participle(token: Token) -> bool:
    """"Interrogés", "Contactée": a past participle of a known verb, capitalised at the
    start of a sentence, that the tagger took for a name."""
    from recoupe.quotes.lexicon import guess_verb_lemma

    low = token.lower_
    return token.ent_type_ != "PER" and low.endswith(
        ("é", "és", "ée", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues")) and \
        guess_verb_lemma(low) is not None


def _inverted_after_relative(verb: Token) -> Token | None:
    """"ce qu'a annoncé le président", "comme l'a confirmé le procureur": after a
    relative or object clitic, the subject follows the verb (the model may call it an
    object)."""
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in ("obj", "iobj")
              and c.lower_ in ("que", "qu'", "qu’", "l'", "l’", "le", "la")]
    if not before:
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("obj", "nsubj", "obl:arg") and \
                child.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case"
                                                            for c in child.children):
            return child
    return None


def _subjects_in_order(verb: Token) -> list[Token]:
    """The verb's children, subjects first in reading order; but "Le ministre de
    l'Intérieur, Christophe Castaner a déclaré" may come out with two subjects, and then
    the name after the comma is the one."""
    children = [c for c in verb.children if not (c.dep_ == "nsubj" and _temporal(c))]
    subjects = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) >= 2:
        last = subjects[-1]
        before = verb.doc[last.i - 1] if last.i > 0 else None
        if last.pos_ == "PROPN" and before is not None and before.text == ",":
            return [last] + [c for c in children if c is not last]
    return children


TEMPORAL = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui "
                     "demain matin soir nuit midi semaine mois année an jour veille "
                     "lendemain janvier février mars avril juin juillet août septembre "
                     "octobre novembre décembre".split())


def _temporal(token: Token) -> bool:
    """"Mercredi, le président a déclaré": the model may take the day for a subject."""
    return token.lower_ in TEMPORAL and token.pos_ in ("NOUN", "ADV", "PROPN")


def _singular_conjunct(subject: Token, verb: Token) -> Token | None:
    """"… des toitures arrachées et la mairie demande …": a singular verb cannot have a
    coordination for its subject; the last conjunct, right before it, is the subject."""
    number = _agreement(verb)
    if not number or "Sing" not in number[1] or _prepositional(subject):
        return None
    conjuncts = [c for c in subject.children if c.dep_ == "conj" and c.i < verb.i and
                 c.pos_ in ("NOUN", "PROPN") and "Plur" not in c.morph.get("Number") and
                 any(g.dep_ == "cc" and g.lower_ in ("et", "mais", "puis") for g in c.children)]
    if not conjuncts:
        return None
    last = conjuncts[-1]
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if max(t.i for t in last.subtree if t.i < first) != first - 1 or \
            not is_speaker_like(last):
        return None
    return last


def _adjacent_subject(verb: Token) -> Token | None:
    """"… et la préfecture du département demande aux habitants de …" parsed with the
    noun phrase as a conjunct of an earlier object: the speaker-like phrase that ends
    right before a subjectless finite verb, agreeing with it in number, is its subject."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if first < 1 or doc[first - 1].is_punct:
        return None
    number = _agreement(verb)
    plural = bool(number) and "Plur" in number[1]
    best = None
    for tok in doc[verb.sent.start:first]:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "conj" or not any(
                c.dep_ == "cc" and c.lower_ in ("et", "mais", "puis") for c in tok.children) \
                or _prepositional(tok) or _quoted(tok) or not is_speaker_like(tok) or \
                _inside_pp(tok, verb):
            continue  # ("le Sénat par la voix de son président X a demandé": not X)
        if max(t.i for t in tok.subtree if t.i < first) != first - 1:
            continue
        if number and ("Plur" in tok.morph.get("Number")) != plural:
            continue
        if any(doc[k].pos_ in ("VERB", "AUX") for k in range(tok.i + 1, first)):
            continue
        best = tok
    return best


def _nominal_before(verb: Token) -> Token | None:
    """A subject the parser did not label: the first bare noun phrase of the clause
    before the verb ("récemment le Sénat du Burundi par la voix de … a demandé")."""
    doc = verb.doc
    start = verb.sent.start
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        if doc[i].text in (":", ";", "«", "»", "—", "–") or doc[i].lower_ in ("que", "qu'"):
            start = i + 1
            break
    for tok in doc[start:verb.i]:
        if tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in tok.children) \
                and tok.dep_ not in ("obl:mod", "obj", "nmod", "flat:name", "amod", "flat") \
                and not _temporal(tok) and not _inside_pp(tok, verb) and \
                not (tok.dep_.startswith("nsubj") and tok.head.i != verb.i
                     and _finite(tok.head)):
            return tok
    return None


def _coordinated_subject(verb: Token) -> Token | None:
    """"… qui n'a pas donné de précision, mais a ajouté que …", "l'Élysée affirme que
    … « … » et redoute …": a finite verb after "et"/"mais" without a subject shares the
    subject of the nearest earlier finite verb of the same number and person, outside
    quoted words."""
    doc = verb.doc
    first = min([verb] + [c for c in verb.children if c.dep_.startswith("aux")],
                key=lambda t: t.i)
    i = first.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ == "ADV"):
        i -= 1
    if i < 0 or doc[i].lower_ not in ("et", "mais", "puis", "ou"):
        return None
    agreement = _agreement(verb)
    regions = doc._.quote_regions or []
    for j in range(i - 1, verb.sent.start - 1, -1):
        other = doc[j]
        if other.pos_ != "VERB" or not _finite(other):
            continue
        if any(r.open <= other.idx < r.outer_end for r in regions):
            continue
        if agreement and _agreement(other) and _agreement(other) != agreement:
            continue
        for child in other.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < other.i:
                if _prepositional(child) or _quoted(child):
                    # "Sur RTL, …, Jeanne M. a dénoncé … et demande": not RTL.
                    return subject_of(other, 5)
                return child
    return None


def _quoted(tok: Token) -> bool:
    return any(r.open < tok.idx < r.outer_end for r in tok.doc._.quote_regions or [])


def _agreement(verb: Token) -> tuple:
    """(person, number) of a finite verb or of its finite auxiliary."""
    for tok in [verb] + [c for c in verb.children if c.dep_.startswith("aux")]:
        if "Fin" in tok.morph.get("VerbForm"):
            return tuple(tok.morph.get("Person")), tuple(tok.morph.get("Number"))
    return ()


def _finite(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary ("a explosé"). A
    capitalised "verb" inside a sentence is a name the tagger missed ("Novaïa")."""
    if verb.is_title and verb.i > verb.sent.start:
        return False
    return "Fin" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _inside_pp(tok: Token, verb: Token) -> bool:
    """Is the word part of a prepositional phrase ("par la voix de son président")? A
    name set off by a comma ("Après l'annonce des résultats, Petro, …") is not."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text == "," and tok.pos_ == "PROPN":
        return False
    head = tok
    for _ in range(4):
        if any(c.dep_ == "case" for c in head.children):
            return True
        if head.head.i == head.i or head.head.i == verb.i:
            return False
        head = head.head
    return False


def _mistagged_verb(token: Token) -> bool:
    """"estime-t-il" tagged as an adverb: a lexicon verb form with its inverted subject."""
    from recoupe.quotes.lexicon import known_verbs, lemma_of

    return lemma_of(token) in known_verbs() and inverted_subject(token) is not None


def _clause_between(verb: Token, later: Token) -> bool:
    """Is there a que or a quotation mark between a verb and a word after it?"""
    for tok in verb.doc[verb.i + 1: later.i]:
        if tok.lower_ in ("que", "qu'", "qu", "qu’") or tok.text in "«»“”\"":
            return True
    return False


def _is_gerund_or_participle(verb: Token) -> bool:
    forms = verb.morph.get("VerbForm")
    return "Part" in forms or "Ger" in forms


def is_speaker_like(token: Token) -> bool:
    """Can the mention headed by ``token`` speak: a person, an organisation, a pronoun
    standing for one, or a noun that names people or institutions?"""
    low = token.lower_.lstrip("-")
    if low in PRONOUNS or low in RELATIVES:
        return low not in ("on",)
    if token.ent_type_ in ("PER", "ORG"):
        return True
    if token.pos_ == "PROPN":
        return True
    if _demonstrative_last(token):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEAKER_NOUNS


LAST_MENTIONED = frozenset({"dernier", "dernière", "derniers", "dernières"})


def _demonstrative_last(token: Token) -> bool:
    """"ce dernier", "ces dernières": an anaphor for the last one named (parsed as an
    adjective heading the phrase)."""
    return token.lower_ in LAST_MENTIONED and any(
        c.dep_ == "det" and c.lemma_.lower() == "ce" for c in token.children)


def issuer_of(token: Token) -> Token | None:
    """Who a document speaks for: "le communiqué rédigé par les organisateurs", "un
    communiqué du ministre", "un sondage Ifop"; None when the text names no issuer."""
    from recoupe.quotes.lexicon import is_document_noun, is_speech_noun

    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or not (is_document_noun(lemma) or is_speech_noun(lemma)):
        return None
    for child in token.children:
        if child.i < token.i:
            continue
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        person_like = child.pos_ == "PROPN" or child.ent_type_ in ("PER", "ORG") or \
            child.lemma_.lower() in SPEAKER_NOUNS
        if child.dep_ in ("nmod", "appos", "flat:name") and person_like and \
                (cases & {"de", "d'", "du", "des", "par"} or not cases and (
                    child.pos_ == "PROPN" or child.ent_type_ in ("PER", "ORG"))):
            return child
        if child.dep_ == "amod" and child.is_title and child.i == token.i + 1:
            return child  # "un sondage Odoxa", the name taken for an adjective
        if child.dep_ in ("acl", "acl:relcl"):
            for grand in child.children:
                if grand.dep_ in ("obl:agent", "obl:mod", "obl", "nmod", "obl:arg") and any(
                        c.lower_ == "par" for c in grand.children):
                    return grand
    return None


def mention_span(token: Token) -> tuple[int, int]:
    """Character offsets of the mention headed by ``token``.

    Keeps what belongs to the name ("le président Poutine", "Erin Burnett de CNN", "un
    appel intercepté depuis la ligne de front"); drops relative clauses and comma
    appositions, and prefers the name in "Le porte-parole de la police, Pongsak Semachai,".
    """
    low = token.lower_
    if low in QUANTIFIERS and any(c.dep_ == "nmod" for c in token.children):
        # "un des Gilets jaunes", "l'un d'entre eux": the quantifier and its group.
        last = max(t.i for c in token.children if c.dep_ == "nmod" for t in c.subtree)
        for k in range(token.i + 1, last + 1):
            if _breaks(token.doc[k]):
                last = k - 1  # "l'un d'eux, qui précise que …": the clause after a comma
                break
        while last > token.i and token.doc[last].is_punct:
            last -= 1
        first = min(t.i for t in token.subtree)
        while first < token.i and (token.doc[first].is_punct or is_space(token.doc[first]) or
                                   token.doc[first].pos_ == "ADP"):
            first += 1  # ", l'un de ses avocats", "selon l'un d'eux": no comma, no preposition
        return token.doc[first].idx, token.doc[last].idx + len(token.doc[last].text)
    if token.pos_ == "PRON" or low in PRONOUNS or low in RELATIVES or low.startswith("-"):
        return strip_hyphen(token)
    doc = token.doc
    keep = _subtree_without_cuts(token)
    # The contiguous run around the head, stopped by commas and parentheses' ends.
    left = token.i
    while left - 1 in keep and not _breaks(doc[left - 1]):
        left -= 1
    right = token.i
    while right + 1 in keep and not _breaks(doc[right + 1]):
        right += 1
    while right > left and (doc[right].is_punct and doc[right].text != ")"
                            or doc[right].pos_ in ("CCONJ", "ADP", "DET", "AUX")
                            or doc[right].pos_ == "VERB" and "Fin" in doc[right].morph.get(
                                "VerbForm")
                            or doc[right].lower_ in ("a", "ont", "avait")
                            or right != token.i and doc[right].pos_ == "VERB" and
                            "Part" in doc[right].morph.get("VerbForm") and
                            "Pres" in doc[right].morph.get("Tense")
                            or doc[right].pos_ == "PRON" and right != token.i and
                            doc[right].lower_ in TRAILING_CLITICS):
        right -= 1  # "son avocat X s'« indigne »": the clitic of the verb after it
    while right > token.i and _cue_taken_for_modifier(doc, right):
        right -= 1  # "Le collectif juge que …" parsed with "juge" a noun of the subject
    while left < right and (doc[left].is_punct or doc[left].pos_ in ("ADP", "CCONJ")) and \
            not (token.is_title and _particle_of(doc, left, token)):
        left += 1
    while right + 2 < len(doc) and doc[right + 1].text == "-" and \
            not doc[right].whitespace_ and not doc[right + 1].whitespace_ and \
            doc[right + 2].text[:1].isupper() and right + 2 - token.i <= 8:
        right += 2  # "I-Télé" split by the tokenizer: the name is whole
    if _opens_parenthesis_without_closing(doc, left, right):
        right = _before_parenthesis(doc, left, right)
    if token.ent_type_ in ("PER", "ORG"):
        # "Emmanuel Macron" whose "Macron" the parser hung elsewhere: the whole name.
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                left, right = min(left, ent.start), max(right, ent.end - 1)
                break
    while right > left and right != token.i and _temporal(doc[right]) and \
            not doc[right - 1].like_num and \
            doc[right - 1].lower_ not in ("du", "de", "d'", "d’", "des") and \
            not (doc[right].is_title and doc[right - 1].is_title):
        right -= 1  # "a affirmé l'ONU lundi": the day is no part of the name (but the
        # complement "du dimanche" of a title is)
    name = _apposed_name(token, right)
    if name is None and token.pos_ == "NOUN" and _person_noun(token):
        # "la secrétaire d'État à l'Économie, Prénom Nom, a …": the description's
        # complements cut from the mention, the name apposed after them.
        k = right + 1
        while k < len(doc) and k - right <= 12 and doc[k].text != "," and \
                doc[k].pos_ not in ("VERB", "AUX", "PRON", "SCONJ") and \
                doc[k].text not in ("«", "»", "(", ")", ":", ";", ".") and not is_space(doc[k]):
            k += 1
        if k > right + 1 and k < len(doc) and doc[k].text == "," and \
                k + 1 < len(doc) and doc[k + 1].ent_type_ == "PER":
            name = _apposed_name(token, k - 1)
    if name is not None and token.pos_ == "NOUN":
        return name
    run = name_run_after(token, right) or _name_after_complements(token, right)
    if run is not None:
        right = run[1] - 1  # "La ministre de la Santé Anne X a …" parsed as two subjects
    elif token.pos_ == "NOUN":
        right = _organisation_name_after(token, right)
    if token.pos_ == "PROPN":
        left = _title_before(doc, left)
    return doc[left].idx, doc[right].idx + len(doc[right].text)


CLAUSE_OPENERS = frozenset({"que", "qu'", "qu’", ":", "«", "“"})


def _cue_taken_for_modifier(doc: Doc, i: int) -> bool:
    """A lowercase word closing a mention, right before "que", a colon or quotation
    marks, that is a form of a reporting verb: the cue the parse hung on its subject as
    an adjective or a noun, never part of the mention."""
    from recoupe.quotes.lexicon import guess_verb_lemma, introduces_direct, takes_clause

    tok = doc[i]
    if not tok.is_lower or tok.pos_ not in ("NOUN", "ADJ", "VERB") or i + 1 >= len(doc) or \
            i == 0 or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return False  # (right after the subject's noun: "du juge :" is a complement)
    j = i + 1
    while j < len(doc) and is_space(doc[j]):
        j += 1
    if j >= len(doc) or doc[j].lower_ not in CLAUSE_OPENERS:
        return False
    lemma = guess_verb_lemma(tok.lower_)
    if lemma is None and tok.lemma_.lower() in known_lemma_verbs():
        lemma = tok.lemma_.lower()
    return lemma is not None and (takes_clause(lemma) or introduces_direct(lemma))


def known_lemma_verbs() -> frozenset:
    from recoupe.quotes.lexicon import known_verbs

    return known_verbs()


def _name_after_complements(token: Token, right: int) -> tuple[int, int] | None:
    """"L'ancien candidat à la primaire de la droite Prénom Nom a annoncé": a person's
    full name closing the description's complements, right before the verb, names the
    person the description heads (not one a person noun of the complements heads: "la
    mère de la chanteuse Prénom Nom")."""
    if not _person_noun(token) or token.is_title:
        return None
    doc = token.doc
    k = right + 1
    while k < len(doc) and k - right <= 12 and not (doc[k].ent_iob_ == "B" and
                                                   doc[k].ent_type_ == "PER"):
        if doc[k].pos_ in ("VERB", "AUX", "PRON", "SCONJ") or doc[k].is_punct or \
                is_space(doc[k]):
            return None
        k += 1
    before = doc[k - 1] if k < len(doc) else None
    if before is None or k == right + 1 or not (
            before.pos_ == "NOUN" and not before.is_title and not _person_noun(before) or
            before.pos_ == "PROPN" and before.ent_type_ in ("LOC", "ORG", "MISC")):
        return None  # (a place or body closing the complement: "la mairie de Nantes")
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end - k < 2 or end >= len(doc) or doc[end].pos_ not in ("AUX", "VERB"):
        return None
    return k, end


def _organisation_name_after(token: Token, right: int) -> int:
    """"le quotidien économique Les Échos", "l'organisation X": a description of a kind
    followed, with no comma, by the name of an organisation or title ends on that name,
    whatever the parse hung it on."""
    doc = token.doc
    i = right + 1
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in ("ORG", "MISC") \
            or not doc[i].text[:1].isupper() or token.is_title:
        return right
    if any(doc[k].pos_ not in ("ADJ", "ADV") for k in range(token.i + 1, i)):
        return right  # only the description's own adjectives between
    end = i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    if end - i > 6:
        return right
    return end


TRAILING_CLITICS = frozenset("s s' s’ se m' m’ me t' t’ te l' l’ le la les lui leur en y".split())


def _particle_of(doc: Doc, i: int, name: Token) -> bool:
    """"ajoute de la Morlais": "de" (and "la") open the family name ``name``, where a
    subject stands (after a verb or a comma, not after "aux yeux")."""
    if doc[i].lower_ not in ("de", "d'", "du"):
        return False
    if i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADP", "DET", "ADJ"):
        return False
    j = i + 1
    if j < name.i and doc[j].lower_ in ("la", "l'"):
        j += 1
    return j == name.i and name.is_title and name.pos_ in ("PROPN", "NOUN", "X")


def _title_before(doc: Doc, left: int) -> int:
    """"le policier Mohamed Abdulkadir", "le sénateur LR Bruno Retailleau": a title
    written right before a name belongs to the mention."""
    i = left - 1
    seen_noun = False
    while i >= 0 and left - i <= 6:
        tok = doc[i]
        if tok.pos_ == "NOUN" and not seen_noun:
            seen_noun = True
        elif tok.pos_ in ("ADJ", "PROPN") and tok.text.isupper() or tok.pos_ == "ADJ":
            pass
        elif tok.pos_ == "DET" and seen_noun and tok.lower_ in ("le", "la", "l'", "les", "un",
                                                                "une"):
            return i
        else:
            break
        i -= 1
    return left


def _breaks(token: Token) -> bool:
    return token.text in {",", ";", ":", "«", "»", "—", "–", "\"", "“", "”"} or is_space(token)


def _subtree_without_cuts(token: Token) -> set[int]:
    keep: set[int] = set()
    stack = [token]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in CUT_DEPS and not (child.dep_ == "punct" and child.text in "()") \
                    and not (child.dep_ == "advmod" and tok.pos_ == "ADJ" and
                             tok.i != token.i and child.i == tok.i - 1):
                # (but "non gouvernementale", "très proche": the adverb of an adjective)
                continue
            if child.dep_ == "appos" and _after_comma(child):
                continue
            if child.i < token.i and child.dep_.startswith(("nmod", "obl")):
                # "Selon le chauffeur la direction …": a complement never precedes its noun.
                continue
            if child.dep_.startswith(("nmod", "obl")) and _adverbial_case(child):
                # "a réagi le maire sur Twitter": where or how, not who.
                continue
            if child.dep_ == "conj" and (child.pos_ == "NUM" or any(
                    t.lower_ in ("selon", "après") for t in child.subtree)):
                # "3000 selon la police et 9000 selon les syndicats": a second figure
                # and its own source, not a co-speaker.
                continue
            stack.append(child)
    return keep


ADVERBIAL_CASES = frozenset("sur dans à au aux en pendant lors après avant devant depuis "
                            "vers chez selon avec sans via".split())


def _adverbial_case(token: Token) -> bool:
    cases = [c.lower_ for c in token.children if c.dep_ == "case"]
    return bool(cases) and cases[0] in ADVERBIAL_CASES


def _after_comma(token: Token) -> bool:
    doc = token.doc
    first = min(t.i for t in token.subtree)
    i = first - 1
    while i >= 0 and is_space(doc[i]):
        i -= 1
    return i >= 0 and doc[i].text == ","


def _opens_parenthesis_without_closing(doc: Doc, left: int, right: int) -> bool:
    opened = sum(1 for i in range(left, right + 1) if doc[i].text == "(")
    closed = sum(1 for i in range(left, right + 1) if doc[i].text == ")")
    return opened != closed


def _before_parenthesis(doc: Doc, left: int, right: int) -> int:
    for i in range(left, right + 1):
        if doc[i].text in "()":
            j = i - 1
            while j > left and (doc[j].is_punct or is_space(doc[j])):
                j -= 1
            return max(j, left)
    return right


def _person_noun(token: Token) -> bool:
    low = token.lemma_.lower()
    return token.pos_ == "NOUN" and (low in SPEAKER_NOUNS or token.lower_.endswith(
        ("eur", "euse", "trice", "iste", "ien", "ienne", "ier", "ière", "aute", "ote")))


def name_run_after(token: Token, right: int | None = None) -> tuple[int, int] | None:
    """"Le président élu Prénom Nom a annoncé", "La ministre de la Santé Prénom Nom a
    estimé" whose name the parse split off the title: token indices [start, end) of a
    person's name written right after the description a person noun heads (with at most
    two lowercase adjectives or participles between), followed by a verb or a comma."""
    if not _person_noun(token):
        return None
    doc = token.doc
    if token.is_title and (token.i != token.sent.start or token.ent_iob_ == "B"):
        return None  # "Agence France-Presse": the noun opens a name
    if "Plur" in token.morph.get("Number") and token.lower_.endswith(("s", "x")):
        return None  # "des chercheurs de l'institut X": one name never names a group
    if right is None:
        right = token.i
    i = right + 1
    skipped = 0
    while i < len(doc) and skipped < 2 and not doc[i].is_title and \
            doc[i].pos_ in ("ADJ", "VERB") and "Fin" not in doc[i].morph.get("VerbForm") and \
            (doc[i].pos_ == "ADJ" or "Part" in doc[i].morph.get("VerbForm")):
        i += 1
        skipped += 1
    start = i
    if start >= len(doc) or any(doc[j].pos_ == "VERB" for j in range(token.i + 2, right + 1)):
        return None  # "la commission dirigée par X": the name of someone else
    # A mention cut inside a name ("l'entraîneur Prénom | Nom"): the whole name.
    while start - 1 > token.i and doc[start - 1].is_title and (
            doc[start].dep_.startswith("flat") and doc[start].head.i < start or
            doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "PER"):
        start -= 1
    i = start
    if doc[start - 1].pos_ in ("ADP", "DET") or \
            any(c.dep_ == "case" for c in doc[start].children):
        return None  # "les parents de X", "son président X": a complement, someone else
    while i < len(doc) and (doc[i].is_title and doc[i].is_alpha or
                            doc[i].text in ("-", "‑") and i > start and
                            not doc[i - 1].whitespace_ and not doc[i].whitespace_):
        if doc[i].ent_type_ in ("LOC", "ORG", "MISC") and doc[start].ent_iob_ == "B" or \
                _temporal(doc[i]):
            return None  # a place or organisation's own name, not one the title ran into
        i += 1
    if doc[i - 1].text in ("-", "‑"):
        return None
    words = [t for t in doc[start:i] if t.is_alpha]
    if not words or len(words) > 4 or i >= len(doc):
        return None
    if len(words) < 2 and doc[start].ent_type_ != "PER":
        return None
    if token.is_ancestor(doc[start]):
        node = doc[start]
        while node.i != token.i:
            if any(c.dep_ == "case" for c in node.children) or \
                    node.pos_ == "VERB" and node.i != token.i + 1 or node.head.i == node.i:
                return None  # "la ministre de l'Éducation", "dirigée par X": a complement
            node = node.head
    after = doc[i]
    if not (after.pos_ in ("AUX", "VERB") or after.text in (",", "(")):
        return None
    return start, i


def heads_a_source(token: Token) -> bool:
    """Is the noun the complement of "selon", "d'après" ("Selon le parquet, …")?"""
    return any(c.dep_ == "case" and c.lower_ in ("selon", "d'après", "d’après", "après")
               for c in token.children)


def _apposed_name(token: Token, right: int) -> tuple[int, int] | None:
    """"Le porte-parole de la police, Pongsak Semachai, a déclaré": the name after the
    comma names the speaker the description introduces."""
    doc = token.doc
    i = right + 1
    while i < len(doc) and is_space(doc[i]):
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and is_space(doc[j]):
        j += 1
    if j + 2 < len(doc) and doc[j].pos_ == "DET" and doc[j + 1].is_title and \
            doc[j + 1].ent_type_ != "PER" and doc[j + 2].ent_type_ == "PER" and \
            doc[j + 2].ent_iob_ == "B":
        j += 2  # "la spécialiste des sols, l'Allemande Christiane H.,": past the title
    start = j
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].ent_iob_ == "I"
                            or (doc[j].ent_type_ == "PER" and doc[j].is_title)):
        j += 1
    if j == start:
        return None
    end = j
    k = end
    while k < len(doc) and is_space(doc[k]):
        k += 1
    # The name must close the apposition, before the verb it serves as subject to.
    # A name closing the sentence closes the apposition too ("…, selon le maire de X,
    # Jean Y.").
    closed = k >= len(doc) or doc[k].text in (",", ")", ".", "!", "?", ";") or \
        "\n" in doc[k].text
    # Without a closing comma, only when the parse hangs the name on the description
    # ("Le ministre, Christophe Castaner a déclaré"), not when it is a new subject.
    attached = doc[start].dep_ in ("appos", "nmod", "flat:name") and \
        doc[start].head.i in {t.i for t in token.subtree}
    if not closed and not attached:
        return None
    if not closed and heads_a_source(token) and k < len(doc) and \
            doc[k].pos_ in ("AUX", "VERB"):
        return None  # "Selon le parquet, X aurait menti": X is the reported clause's subject
    if doc[start].ent_type_ not in ("PER", "ORG", "") and \
            token.lemma_.lower() not in SPEAKER_NOUNS:
        # A place after a comma is no name for "le maire de Lyon, Paris, …"; but the
        # model sometimes takes a person for a place ("le porte-parole, Pongsak S.").
        return None
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)
