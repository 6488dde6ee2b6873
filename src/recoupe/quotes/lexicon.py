"""The words that report speech in French news, by lemma.

Each entry says how the word can introduce what someone said, because that decides what
kind of quote it makes: an assertion with a clause ("affirme que …") is indirect speech;
a directive with a clause or an infinitive ("appelle à manifester") too, by the
annotation guidelines; a bare noun-phrase object ("a annoncé son décès") is no quote at
all unless it holds quoted words.

The lists are data; the functions below are the only way the extractor asks about them,
so that a lemma the model gets wrong can be mended in one place (``LEMMA_FIXES``).
"""

from __future__ import annotations

from functools import lru_cache

# Verbs that assert, report or judge: with a que-clause, an infinitive, a colon or an
# incise, they report speech.
ASSERTIVE = frozenset("""
    déclarer affirmer estimer annoncer préciser indiquer admettre reconnaître assurer
    expliquer révéler signaler confirmer répondre ajouter raconter dire souligner
    dénoncer avertir prévenir rappeler noter observer soutenir prétendre juger
    considérer penser insister marteler répéter clamer proclamer lancer confier
    témoigner écrire tweeter twitter détailler poursuivre continuer conclure commenter
    résumer relever avouer concéder nier démentir contester déplorer regretter
    argumenter arguer plaider justifier protester fustiger ironiser exclamer écrier
    crier hurler chanter scander murmurer glisser lâcher tonner rétorquer répliquer
    renchérir enchaîner reprendre promettre jurer garantir certifier mentionner évoquer
    informer communiquer revendiquer alerter prédire pronostiquer trancher critiquer
    accuser réaffirmer rapporter mettre assumer faire laisser interroger demander
    questionner souffler avancer expliciter confesser déclamer dévoiler divulguer
    claironner objecter opposer terminer achever menacer qualifier traiter décrire
    présenter rectifier corriger nuancer compléter pointer
    relater narrer exposer énoncer spécifier constater convenir attester corroborer
    réfuter contredire récuser infirmer insinuer alléguer réitérer redire reprocher
    asséner assener prophétiser diagnostiquer plaindre lamenter
    prévoir maintenir trouver remarquer notifier exclure rajouter
""".split())

# Forecast verbs: "l'institut prévoit que …" reports a statement only when a person or an
# institution makes the forecast ("le projet prévoit que …" is the text's content).
SPEAKER_SUBJECT_ONLY = frozenset("prévoir".split())

# Verbs that report a charge or a reproach about someone: "accuse le préfet d'avoir menti",
# "reproche au maire de …", "critique X de …" (the content is the "de" infinitive).
ACCUSATIVE_REPORTS = frozenset("accuser reprocher critiquer".split())

# Verbs whose complement is a request, a call or a proposal (indirect by convention).
DIRECTIVE = frozenset("""
    demander appeler exiger proposer menacer inviter recommander exhorter enjoindre
    ordonner sommer prier conseiller suggérer réclamer implorer supplier presser
    avertir prévenir préconiser plaider engager
""".split())

# Verbs that only report speech in a set phrase; the phrase is checked separately.
PHRASAL_ONLY = frozenset("mettre faire laisser terminer achever présenter opposer".split())

# Naming verbs: "qualifie de « terroriste »", "décrit comme …", "évoque X comme …".
NAMING = frozenset("qualifier traiter décrire présenter évoquer juger considérer".split())

# Reflexive reports: "se dit prêt", "s'est déclaré favorable", "se demande si".
REFLEXIVE = frozenset("dire déclarer montrer affirmer estimer demander féliciter réjouir "
                      "plaindre lamenter étonner indigner alarmer inquiéter enthousiasmer "
                      "vanter targuer défendre "
                      "inquiéter interroger exclamer écrier".split())
# Reflexive verbs whose reflexive use is no report of speech: "se rendre", "se montrer".
NOT_REFLEXIVE_REPORT = frozenset("montrer".split())

# Verbs that take a direct quotation with a colon or an incise, but not a que-clause
# worth reporting on their own ("chanter : « … »", "crier « … »").
DIRECT_ONLY = frozenset("""
    crier hurler chanter scander murmurer glisser lâcher tonner s'exclamer exclamer
    écrier lancer poursuivre continuer enchaîner reprendre terminer achever
    ironiser interroger questionner souffler déclamer
    réagir insurger étonner réjouir féliciter agacer offusquer plaisanter soupirer
    tempêter pester railler moquer analyser indigner emporter alarmer désoler sourire
    s'exclamer
    enthousiasmer amuser esclaffer excuser vanter targuer exulter
    émouvoir ricaner persifler maugréer grommeler bougonner grogner fulminer vociférer
    rugir chuchoter susurrer marmonner bredouiller balbutier bafouiller saluer
    remercier applaudir condamner blâmer tacler cingler sermonner résumer
""".split())

# Verbs of writing: "a écrit que …", "a twitté que …" report what was written (a
# que-clause, never an infinitive: "écrit vouloir …" is rare and ambiguous).
WRITING = frozenset("écrire tweeter twitter".split())

# Private states and wishes: never reported speech (settled conventions).
NOT_SPEECH = frozenset("supposer espérer souhaiter craindre savoir vouloir croire "
                       "imaginer ignorer".split())

# Nouns naming what someone said or wrote: "dans un communiqué", "selon les propos de".
SPEECH_NOUNS = frozenset("""
    déclaration propos communiqué message tweet lettre interview entretien discours
    annonce avis commentaire réponse réaction appel affirmation précision précisions
    confidence confidences explication explications aveu témoignage texte rapport
    courrier note tribune post publication allocution intervention mot mots terme termes
    formule citation plaidoirie réquisitoire vœux voeux mise_en_garde avertissement
    démenti confirmation promesse engagement revendication requête exigence plainte
    protestation excuses remarque constat argument plaidoyer éditorial chronique billet
    récit version rectificatif accusation accusations critique critiques dénonciation
    révélation révélations allégation allégations assertion assertions
""".split())

# Documents and recordings that can speak for their author: "selon un appel intercepté".
DOCUMENT_NOUNS = frozenset("""
    communiqué texte lettre message rapport document sondage étude enquête appel
    enregistrement vidéo tweet note courrier estimation estimations chiffre chiffres
    bilan statistique statistiques publication article dépêche mail courriel post
    compte-rendu compte rendu arrêt jugement décision information informations
""".split())

# Findings, events and evidence that can "reveal" or "show" but say nothing: their
# subject role names no speaker ("les fouilles ont révélé que …").
EVIDENCE_NOUNS = frozenset("""
    audition auditions perquisition perquisitions fouille fouilles autopsie autopsies
    analyse analyses expertise expertises examen examens image images photo photos
    photographie photographies observation observations découverte découvertes
    recherche recherches test tests prélèvement prélèvements indice indices trace traces
    élément éléments fait faits circonstance circonstances événement événements
    résultat résultats donnée données mesure mesures relevé relevés simulation
    simulations modèle modèles calcul calculs vérification vérifications
""".split())

# Standards and measures: "selon les critères du BIT", "selon la définition de l'Insee"
# mean "by that yardstick", not anybody's statement, whoever set them.
YARDSTICK_NOUNS = frozenset("""
    critère critères définition définitions norme normes règle règles barème barèmes
    méthode méthodes méthodologie principe principes standard standards seuil seuils
    mode modalité modalités nomenclature classification catégorie catégories échelle
    grille référentiel indice indices taux
""".split())

# Documents that state no one's words when no issuer is named ("selon les sondages").
AUTHORLESS = frozenset("""
    code loi constitution règlement traité chiffre chiffres bilan bilans sondage sondages
    statistique statistiques donnée données estimation estimations calcul calculs
    prévision prévisions classement résultat résultats recensement rapports information
    informations document documents dossier dossiers fichier fichiers
""".split())

# Collective bodies, services and media that "selon X" / "d'après X" can credit although
# they are no person nouns of the speaker list: "selon la compagnie", "d'après les
# secours", "selon les services météorologiques", "selon son entourage", "selon la presse
# locale", "selon un vétérinaire".
SOURCE_NOUNS = frozenset("""
    compagnie compagnies secours garde-côte garde-côtes gardes-côtes service services
    office bureau cabinet centre organisme organismes instance instances institution
    institutions entourage camp équipe équipes club firme banque hôpital clinique
    université école presse télévision radio quotidien hebdomadaire mensuel magazine
    revue site blog tabloïd studio forces personnalité personnalités officiel officiels
    vétérinaire vétérinaires marin marins pompiers secouriste secouristes sauveteurs
    gendarmerie douaniers garde gardes ministre-président émission émissions chaîne
    chaînes
""".split())


def is_source_noun(word: str) -> bool:
    return word.lower() in SOURCE_NOUNS


# Prepositions that attribute a statement: "selon X, …", "d'après X", "pour X, …".
SOURCE_PREPOSITIONS = ("selon", "d'après", "d’après")
# "pour X, …" attributes an opinion only at the head of a sentence or incise.
OPINION_PREPOSITIONS = ("pour",)
# Multi-word attributions, matched on lower-cased token texts.
SOURCE_PHRASES = (
    ("aux", "yeux", "de"), ("aux", "yeux", "du"), ("aux", "yeux", "des"),
    ("de", "l'", "avis", "de"), ("de", "l'", "avis", "du"), ("à", "en", "croire"),
    ("au", "dire", "de"), ("au", "dire", "du"), ("aux", "dires", "de"),
    ("aux", "dires", "du"), ("selon", "les", "termes", "de"),
    ("aux", "dires", "des"), ("au", "dire", "des"), ("de", "l'", "avis", "des"),
)

# Set phrases that report speech although their verb alone does not.
PHRASAL_CUES = {
    ("faire", "savoir"), ("laisser", "entendre"), ("mettre", "en", "garde"),
    ("mettre", "en", "avant"), ("présenter", "ses", "vœux"), ("terminer", "sa", "déclaration"),
    ("faire", "état"), ("faire", "part"), ("faire", "remarquer"), ("faire", "valoir"),
    ("faire", "observer"), ("faire", "comprendre"), ("terminer", "sa"), ("conclure", "sa"),
    ("achever", "sa"),
}

# Idioms with a reporting verb that report nothing: "déclarer forfait".
IDIOMS = {
    ("déclarer", "forfait"), ("dire", "adieu"), ("faire", "face"), ("rappeler", "à"),
}

# Lemmas the French model gets wrong for forms that matter here.
LEMMA_FIXES = {
    "reconnait": "reconnaître", "reconnaît": "reconnaître", "twitte": "twitter",
    "tweete": "tweeter", "twittent": "twitter", "tweetent": "tweeter",
    "twitté": "twitter", "tweeté": "tweeter", "lui": "lui", "dit": "dire",
    "dixit": "dire", "confie": "confier", "relate": "relater", "martèle": "marteler",
    "rectifiera": "rectifier",
    # Irregular passé simple, frequent in narration.
    "reconnut": "reconnaître", "reconnurent": "reconnaître", "conclut": "conclure",
    "conclurent": "conclure", "admit": "admettre", "admirent": "admettre",
    "promit": "promettre", "promirent": "promettre", "soutint": "soutenir",
    "maintint": "maintenir", "prévint": "prévenir", "dirent": "dire",
    # -tenir verbs, which no first-group ending finds.
    "maintient": "maintenir", "maintiennent": "maintenir", "soutient": "soutenir",
    "soutiennent": "soutenir", "prévient": "prévenir", "préviennent": "prévenir",
}

# Endings of nouns that name people by what they do: "les buralistes", "les promoteurs",
# "les volontaires", "le vice-procureur".
AGENT_ENDINGS = ("eur", "eurs", "euse", "euses", "rice", "rices", "iste", "istes", "ier",
                 "iers", "ière", "ières", "aire", "aires", "ien", "iens", "ienne", "iennes",
                 "ant", "ants", "ante", "antes", "ent", "ents", "ente", "entes", "logue",
                 "logues", "ologue", "naute", "nautes", "crate", "crates")
# Endings that are too often things for a singular noun to count ("selon le calendrier",
# "selon le salaire", "selon le montant").
PLURAL_ONLY_ENDINGS = ("ier", "ière", "aire", "ant", "ante", "ent", "ente", "ien", "ienne")
# Nouns with an agent ending that name things, places or measures.
NOT_AGENTS = frozenset("""
    secteur secteurs facteur facteurs indicateur indicateurs moteur moteurs vecteur vecteurs
    compteur compteurs capteur capteurs ordinateur ordinateurs honneur bonheur malheur
    extérieur intérieur équateur détecteur réacteur tracteur ascenseur radiateur
    amplificateur échangeur valeur valeurs couleur couleurs hauteur longueur largeur
    profondeur grandeur ampleur erreur erreurs faveur humeur rigueur chaleur douleur
    odeur saveur lueur labeur cœur coeur heure heures acteur-clé
    calendrier calendriers quartier quartiers dossier dossiers papier papiers fichier
    fichiers panier premier dernier métier métiers chantier chantiers sentier courrier
    salaire salaires horaire horaires questionnaire dictionnaire commentaire commentaires
    inventaire formulaire formulaires itinéraire anniversaire dispositif budgétaire
    vestiaire vestiaires sanitaires affaire affaires commentaires questionnaires
    anniversaires inventaires itinéraires dictionnaires honoraires exemplaire exemplaires
    annuaire annuaires sommaire sommaires glossaire corollaire
    montant montants moment moments argument arguments élément éléments document
    documents événement événements gouvernement département règlement traitement
    jugement parlement mouvement accident incident contexte restaurant pourcentage
    lien liens bien biens moyen moyens entretien soutien maintien quotidien
    matière matières manière manières frontière frontières carrière rivière lumière
    période taux
""".split())
# Title prefixes of compound person nouns: "vice-procureur", "ex-ministre".
TITLE_PREFIXES = ("vice-", "ex-", "sous-", "co-", "pro-", "anti-", "néo-", "ancien-")


def is_agent_noun(word: str, plural: bool) -> bool:
    """Does the noun name people by what they do ("buralistes", "promoteurs",
    "marins-pompiers", "vice-procureur"), judged by its form? Singular nouns with endings
    that often name things ("calendrier", "salaire") count only in the plural."""
    word = word.lower().replace("’", "'")
    if word in NOT_AGENTS or len(word) < 5:
        return False
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if any(word.startswith(prefix) for prefix in TITLE_PREFIXES) and len(parts) > 1:
            return is_agent_noun(parts[-1], plural) or len(parts[-1]) >= 5
        return any(is_agent_noun(part, plural) for part in parts)
    for ending in AGENT_ENDINGS:
        if word.endswith(ending):
            if not plural and ending in PLURAL_ONLY_ENDINGS:
                return False
            return True
    return False


def is_yardstick(lemma: str) -> bool:
    return lemma in YARDSTICK_NOUNS


# Pronouns and determiners that tell a mention is a pronoun, not a description.
SUBJECT_PRONOUNS = frozenset("il elle ils elles on je nous vous tu lui eux celui-ci "
                             "celle-ci ceux-ci celles-ci ce_dernier qui".split())


# Endings of first-group verb forms, longest first: "estime" → "estimer".
_ER_ENDINGS = ("eraient", "erions", "eriez", "erait", "erons", "eront", "erais", "aient",
               "èrent", "ées", "ant", "ait", "ais", "era", "ent", "ons", "ée", "és", "ez",
               "ai", "as", "es", "é", "e", "a")
_OTHER_ENDINGS = (
    ("irent", ("re", "ir")), ("ivit", ("ire",)), ("it", ("re", "ir", "ire")),
    ("ît", ("re", "ir")), ("is", ("re", "ir")), ("ut", ("re", "oir")),
    ("urent", ("re", "oir")), ("ait", ("re",)),
)
KNOWN_VERBS = None


def _known_verbs() -> frozenset:
    global KNOWN_VERBS
    if KNOWN_VERBS is None:
        KNOWN_VERBS = ASSERTIVE | DIRECTIVE | DIRECT_ONLY | NAMING | NOT_SPEECH
    return KNOWN_VERBS


def known_verbs() -> frozenset:
    """Every verb lemma the lexicon knows, whatever its class."""
    return _known_verbs()


def guess_verb_lemma(form: str) -> str | None:
    """The lexicon verb a first-group form belongs to, when the model's lemma is off."""
    form = form.lower().replace("’", "'").lstrip("-")
    known = _known_verbs()
    # Third-group forms, mostly the passé simple of news narration: "répondit",
    # "dit", "écrivit", "reconnut".
    for ending, replacements in _OTHER_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            stem = form[: -len(ending)]
            for replacement in replacements:
                if stem + replacement in known:
                    return stem + replacement
    for ending in _ER_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 1:
            stem = form[: -len(ending)]
            for candidate in (stem + "er", stem.replace("è", "e") + "er",
                              stem.replace("è", "é") + "er", stem.replace("ll", "l") + "er"):
                # ("appellé", a common misspelling of "appelé")
                if candidate in known:
                    return candidate
    return None


def lemma_of(token) -> str:
    """The lemma to look up, with the model's known slips mended."""
    return _lemma(token.lower_, token.lemma_, token.pos_)


@lru_cache(maxsize=65536)
def _lemma(lower: str, model_lemma: str, pos: str) -> str:
    fixed = LEMMA_FIXES.get(lower)
    if fixed is not None:
        return fixed
    lemma = model_lemma.lower()
    if lemma in _known_verbs() or pos not in ("VERB", "AUX", "NOUN", "ADJ", "ADV", "X",
                                              "PROPN"):
        return lemma
    guessed = guess_verb_lemma(lower)
    truncated = pos == "ADJ" and lemma != lower and lower.startswith(lemma) and \
        len(lower) - len(lemma) <= 2 and lemma[-1:] not in "aeéèiy"
    if guessed is not None and (pos in ("VERB", "AUX") or lemma == lower or truncated):
        # "remarque" tagged an adjective with the lemma "remarqu".
        return guessed
    return lemma


def is_directive(lemma: str) -> bool:
    return lemma in DIRECTIVE


def takes_clause(lemma: str) -> bool:
    """Does the verb report speech when it governs a que-clause or an infinitive?"""
    return (lemma in ASSERTIVE or lemma in DIRECTIVE) and lemma not in DIRECT_ONLY \
        and lemma not in PHRASAL_ONLY and lemma not in NOT_SPEECH


def introduces_direct(lemma: str) -> bool:
    """Can the verb introduce a quotation after a colon or in an incise?"""
    return (lemma in ASSERTIVE or lemma in DIRECTIVE or lemma in DIRECT_ONLY) \
        and lemma not in PHRASAL_ONLY and lemma not in NOT_SPEECH


def is_speech_noun(lemma: str) -> bool:
    return lemma in SPEECH_NOUNS


def is_document_noun(lemma: str) -> bool:
    return lemma in DOCUMENT_NOUNS


def phrasal_cue(verb) -> bool:
    """Does the verb start a set phrase that reports speech ("met en avant", "fait
    savoir", "a présenté ses vœux")?"""
    lem = lemma_of(verb)
    doc = verb.doc
    following = [t for t in doc[verb.i + 1: verb.i + 4] if not t.is_space]
    words = [lemma_of(t) if i == 0 else t.lower_ for i, t in enumerate(following)]
    for phrase in PHRASAL_CUES:
        if phrase[0] != lem:
            continue
        rest = list(phrase[1:])
        if [w.lower() for w in (t.lower_ for t in following[:len(rest)])] == rest or \
                words[:len(rest)] == rest:
            return True
    return False


def is_idiom(verb_lemma: str, next_lemma: str) -> bool:
    return (verb_lemma, next_lemma) in IDIOMS


def phrasal_tail(verb) -> bool:
    """Is the infinitive the end of a set phrase the parser built on it ("a fait
    remarquer que": "fait" tagged an auxiliary, the subject on "remarquer")?"""
    if verb.i == 0 or "Inf" not in verb.morph.get("VerbForm"):
        return False
    before = verb.doc[verb.i - 1]
    head = FAIRE_FORMS.get(before.lower_) or lemma_of(before)
    return (head, verb.lower_) in PHRASAL_CUES


# Forms of "faire" and "laisser" the tagger may take for nouns before an infinitive
# ("Nintendo, qui …, fait savoir que …": "fait" tagged a noun).
FAIRE_FORMS = {"fait": "faire", "font": "faire", "faisait": "faire", "faisaient": "faire",
               "fera": "faire", "feront": "faire", "fit": "faire", "firent": "faire",
               "ferait": "faire", "feraient": "faire", "laisse": "laisser",
               "laissent": "laisser", "laissait": "laisser"}

