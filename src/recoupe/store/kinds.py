"""What kind of speaker a quote has: a person, an organisation, a document, or other.

Documents and institutions speak too ("selon le texte de la plaque", "la police a
indiqué"), and they stay speakers; the kind lets a fact-checker tell them from people.
The evidence, strongest first:

1. the entity cluster of the speaker, when the analysis has one (PER, ORG, LOC: a
   country or a city speaking is its government);
2. the head noun of a description ("le porte-parole du Kremlin" is a person, whatever
   the institution he speaks for);
3. the type of the source the analysis gave the quote (``institution``, ``document``...);
4. otherwise ``other``.
"""

from __future__ import annotations

import re

from recoupe.store.names import DETERMINERS, words

PERSON, ORGANISATION, DOCUMENT, OTHER = "person", "organisation", "document", "other"
KINDS = (PERSON, ORGANISATION, DOCUMENT, OTHER)

ENTITY_KINDS = {"PER": PERSON, "ORG": ORGANISATION, "LOC": ORGANISATION}
SOURCE_KINDS = {
    "named_person": PERSON, "anonymous_person": PERSON, "institution": ORGANISATION,
    "media_outlet": ORGANISATION, "news_agency": ORGANISATION, "document": DOCUMENT,
    "recording": DOCUMENT,
}

# Head nouns, as keys in the singular (see ``_singular``).
PERSON_NOUNS = frozenset("""
    homme femme enfant garcon fille fils pere mere frere soeur mari epouse veuf veuve
    famille parent proche ami amie voisin voisine couple habitant habitante resident
    riverain citoyen citoyenne electeur electrice temoin victime survivant rescape blesse
    passager passagere touriste visiteur spectateur supporter patient patiente malade
    personne individu passant jeune adolescent adolescente retraite internaute client
    cliente consommateur proprietaire locataire voyageur migrant refugie detenu
    prisonnier suspect suspecte accuse prevenu otage agresseur assaillant tireur
    ministre president presidente vice-president chef cheffe porte-parole procureur
    procureure juge avocat avocate magistrat prefet prefete sous-prefet maire adjoint
    depute deputee senateur senatrice elu elue candidat candidate conseiller conseillere
    secretaire ambassadeur ambassadrice consul diplomate directeur directrice
    directeur-general president-directeur dirigeant dirigeante responsable representant
    representante delegue deleguee patron patronne fondateur fondatrice gerant employe
    employee salarie salariee travailleur travailleuse ouvrier ouvriere agriculteur
    eleveur pecheur commercant entrepreneur syndicaliste militant militante manifestant
    manifestante activiste opposant opposante partisan sympathisant adherent leader
    expert experte specialiste analyste chercheur chercheuse scientifique astronome
    meteorologue medecin docteur infirmier infirmiere chirurgien professeur professeure
    enseignant enseignante instituteur etudiant etudiante eleve journaliste reporter
    correspondant correspondante envoye envoyee editorialiste chroniqueur redacteur
    auteur autrice ecrivain ecrivaine artiste acteur actrice chanteur chanteuse
    realisateur joueur joueuse athlete sportif entraineur selectionneur capitaine pilote
    chauffeur conducteur soldat militaire officier general colonel commandant lieutenant
    policier policiere gendarme agent enqueteur enqueteuse inspecteur commissaire pompier
    secouriste sauveteur organisateur organisatrice source interlocuteur homologue
    collegue membre participant negociateur mediateur observateur ingenieur technicien
    economiste historien sociologue politologue psychologue epidemiologiste virologue
    climatologue sismologue volcanologue geologue biologiste physicien astronaute
    commentateur consultant rapporteur rapporteure pape roi reine prince princesse
    eveque cardinal pretre pasteur imam rabbin chancelier gouverneur substitut personnel
    champion championne attaquant defenseur gardien nageur nageuse coureur coureuse
    cycliste skieur skieuse boxeur judoka judokate tennisman footballeur rugbyman
    islamiste djihadiste jihadiste terroriste rebelle insurge combattant
""".split())

ORGANISATION_NOUNS = frozenset("""
    gouvernement ministere executif administration autorite etat pays nation regime
    pouvoir mairie municipalite commune ville region departement prefecture collectivite
    police gendarmerie armee force ambassade consulat parquet tribunal cour
    justice conseil comite commission assemblee parlement senat chambre congres cabinet
    bureau direction service agence office institut institution organisation organisme
    association federation confederation union syndicat parti mouvement coalition
    alliance opposition majorite groupe collectif entreprise societe compagnie firme
    banque constructeur operateur fabricant laboratoire hopital clinique universite
    ecole academie observatoire fondation ong club equipe ligue media presse journal
    quotidien hebdomadaire magazine chaine radio television redaction secretariat
    delegation mission commandement etat-major secours elysee matignon kremlin
    pentagone vatican
""".split())

DOCUMENT_NOUNS = frozenset("""
    texte document rapport etude enquete sondage communique lettre courrier courriel
    mail email message sms tweet post publication article livre ouvrage note memo
    compte-rendu proces-verbal plaque panneau affiche inscription banderole pancarte
    slogan maxime devise citation temoignage declaration discours resolution decret loi
    arrete jugement arret decision verdict avis bilan statistique chiffre donnee releve
    bulletin prevision depeche video film documentaire enregistrement appel conversation
    audio image photo carte graphique estimation
""".split())

# Words after which the head noun has been passed: "le chef [du gouvernement]".
_STOP = frozenset("de du des d a au aux en sur pour par chez dans avec selon qui que "
                  "dont et ou".split())
# How many words of a description are searched for its head noun.
_HEAD_WINDOW = 3
# "les Iraniens", "des Britanniques": people named by where they come from.
_DEMONYM = re.compile(r"^[LlDd]es\s+[A-ZÀ-Ý][^\s]*s$")


def _singular(word: str) -> str:
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"  # journaux, généraux
    if word.endswith(("s", "x")) and len(word) > 3:
        return word[:-1]
    return word


def noun_kind(name: str) -> str | None:
    """The kind the head noun of a description tells, if it is a known one."""
    searched = 0
    for word in words(name):
        if word in DETERMINERS and searched == 0:
            continue
        if word in _STOP or searched >= _HEAD_WINDOW:
            break
        searched += 1
        for form in (word, _singular(word)):
            if form in PERSON_NOUNS:
                return PERSON
            if form in ORGANISATION_NOUNS:
                return ORGANISATION
            if form in DOCUMENT_NOUNS:
                return DOCUMENT
    return PERSON if _DEMONYM.match(name.strip()) else None


def speaker_kind(name: str, entity_type: str | None = None,
                 source_type: str | None = None) -> str:
    """The kind of speaker ``name`` is, given the type of its entity cluster (``PER``,
    ``ORG``...) and of the source that speaks the quote, when the analysis has them."""
    if entity_type in ENTITY_KINDS:
        return ENTITY_KINDS[entity_type]
    return noun_kind(name) or SOURCE_KINDS.get(source_type or "", OTHER)
