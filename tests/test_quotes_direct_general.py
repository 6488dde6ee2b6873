"""Direct and mixed quotes on invented sentences: labels that are not quotes, objects of
speech verbs, predicates, attribution lines, kinds."""

from recoupe.core import analyze


def quotes(text):
    return analyze({"id": "t", "text": text, "language": "fr"}).quotes


def texts(text):
    return [q.text for q in quotes(text)]


def test_marked_words_after_a_common_noun_are_a_label():
    found = texts("Le maire Paul Martin a constitué une liste de militants « sans ambitions "
                  "personnelles » pour les municipales.")
    assert "sans ambitions personnelles" not in found
    found = texts("Le ministre a répondu à la pétition « Pour des trains à l'heure ! » "
                  "lancée par une usagère.")
    assert "Pour des trains à l'heure !" not in found


def test_marked_words_qualifying_or_completing_a_noun_stay_quotes():
    found = quotes("Le porte-parole a parlé, en évoquant une santé « déclinante » .")
    assert [q.text for q in found] == ["déclinante"]
    found = quotes("Le maire a dénoncé les pilleurs « qui se cachent derrière les "
                   "manifestants ».")
    assert [q.text for q in found] == ["qui se cachent derrière les manifestants"]
    assert found[0].speaker.text == "Le maire"


def test_agentless_naming_passive_is_not_a_quote():
    assert texts("Un pilote décrit comme « très expérimenté » était aux commandes.") == []
    assert texts("Un courriel dans lequel est écrit « Vive les cheminots » a été reçu.") == []


def test_naming_passive_with_an_agent_is_the_agents_quote():
    found = quotes("L'épisode a été qualifié de « très marqué » par Météo-France.")
    assert [q.text for q in found] == ["très marqué"]
    assert found[0].speaker.text == "Météo-France"


def test_naming_passive_in_a_document_is_the_issuers_quote():
    found = quotes("Dans une lettre signée par les maires de la région, le projet est jugé "
                   "comme « très risqué ».")
    assert [q.text for q in found] == ["très risqué"]
    assert found[0].speaker.text == "les maires de la région"


def test_marked_object_coordinated_with_a_speech_verbs_object():
    found = quotes("Le syndicat a regretté le manque de moyens des hôpitaux, qui ne sont pas "
                   "équipés, ainsi qu'une « longue suite de promesses oubliées » .")
    assert [q.text for q in found] == ["longue suite de promesses oubliées"]
    assert found[0].speaker.text == "Le syndicat"
    assert found[0].kind == "direct"


def test_marked_predicate_of_a_named_speaker():
    found = quotes("Dans un entretien, Marie Curie est « très heureuse » du résultat de "
                   "cette étude.")
    assert [q.text for q in found] == ["très heureuse"]
    assert found[0].speaker.text == "Marie Curie"
    assert found[0].cue is None
    # A thing's description in marks is no one's words.
    assert texts("Le projet est « très ambitieux » pour la ville.") == []


def test_naming_passive_whose_agent_is_evidence_is_not_a_quote():
    assert texts("Ces incendies sont considérés par les premiers indices de l'enquête "
                 "comme une « vengeance » du clan rival.") == []


def test_quote_paragraph_after_a_colon_belongs_to_the_sentences_subject():
    found = quotes("L'ancien monarque avait exprimé dans son testament le souhait d'être "
                   "enterré en France , pays où il s'était réfugié :\n\n« Je veux que mon "
                   "corps reste auprès des miens. »\n\nLa famille a contesté ce choix.")
    assert len(found) == 1
    assert found[0].kind == "direct"
    assert found[0].speaker.text == "L'ancien monarque"
    assert found[0].cue.text == "avait exprimé"


def test_colon_before_a_quote_in_the_same_paragraph_needs_a_cue():
    # The paragraph rule does not apply inside a paragraph: a list, not a statement.
    found = quotes("Le magasin vendait trois produits : « Alpha », « Beta » et « Gamma ».")
    assert found == []


def test_infinitive_clause_starting_outside_the_marks_is_mixed():
    found = quotes("Sur la réforme, il dit ne pas « être opposé à son principe, mais pas dans "
                   "n'importe quelles conditions ».")
    assert len(found) == 1
    assert found[0].kind == "mixed"
    assert found[0].text.startswith("ne pas « être opposé")
    found = quotes("Le maire affirme « vouloir rester jusqu'au bout ».")
    assert [(q.kind, q.text) for q in found] == [("direct", "vouloir rester jusqu'au bout")]


def test_predicate_of_a_name_with_an_apposition_and_a_follow_up_fragment():
    found = quotes("Dans le journal Le Soir, concernant la pétition pour le climat qui "
                   "attaque l'État, Marie Curie, ministre de la Recherche, est « agréablement "
                   "étonnée » du succès de cette pétition qui « est peut-être aussi une "
                   "réponse aux marches des jeunes ».")
    assert [q.text for q in found] == [
        "agréablement étonnée", "est peut-être aussi une réponse aux marches des jeunes"]
    # The second marked part has no cue of its own: the sentence's speaker says both.
    assert [q.speaker.text for q in found] == ["Marie Curie", "Marie Curie"]


def test_passive_state_of_a_thing_is_not_a_quote():
    assert texts("La maison a été « entièrement détruite » par le feu.") == []


def test_set_phrase_reporting_a_marked_object():
    found = quotes("Le ministre a fait part de sa « profonde tristesse » aux familles.")
    assert [q.text for q in found] == ["profonde tristesse"]
    assert found[0].speaker.text == "Le ministre"


def test_reading_incise_names_the_document():
    found = quotes("« Le service ne fonctionne plus et nous réglons ce problème » , peut-on "
                   "lire sur le site du ministère.")
    assert len(found) == 1
    assert found[0].cue.text.startswith("peut-on lire sur le site")
    assert "site" in found[0].speaker.text


def test_marked_main_verb_is_the_subjects_quote():
    found = quotes("La ministre de la Culture, Marie Curie, « salue chaleureusement » le "
                   "lauréat pour son prix.")
    assert [q.text for q in found] == ["salue chaleureusement"]
    assert found[0].speaker.text == "Marie Curie"


def test_utterance_after_a_colon_in_the_same_paragraph():
    found = quotes("Marie Curie se présente aujourd'hui comme la seule capable de lui tenir "
                   "tête : « Moi, je n'hésite pas à dire ce que je pense, contre tout le "
                   "monde. »")
    assert len(found) == 1
    assert found[0].speaker.text == "Marie Curie"
    found = quotes("Il fait beau : « Nous irons à la plage demain. »")
    assert all(q.speaker.text is None for q in found)


def test_gerund_after_a_marked_complement_ends_the_quote():
    found = quotes("Le Premier ministre Paul Martin a dit « entendre la colère » tout en "
                   "maintenant « le cap » en matière de fiscalité.")
    assert [(q.kind, q.text) for q in found] == [("direct", "entendre la colère"),
                                                 ("direct", "le cap")]
    assert found[1].cue.text == "maintenant"
    found = quotes("Le maire a déclaré « vouloir fermer l'usine » en parlant de la crise.")
    assert [(q.kind, q.text) for q in found] == [("direct", "vouloir fermer l'usine")]


def test_selon_source_with_an_apposition_before_a_fully_marked_clause_is_direct():
    found = quotes("En effet, selon le lieutenant Paul Martin , de l'Office central de lutte "
                   "contre le braconnage (OCLB), « un kilo d'ivoire, c'est 20 000 euros. "
                   "Autant qu'un kilo d'héroïne » .")
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "un kilo d'ivoire, c'est 20 000 euros. Autant qu'un kilo d'héroïne")]
    found = quotes("Selon le maire, le projet « avance bien ».")
    assert [q.kind for q in found] == ["mixed"]


def test_reflexive_marked_verb_after_tandis_que_is_its_subjects_quote():
    found = quotes("Une source proche du dossier précise toutefois que « ce document ne "
                   "concerne pas seulement le maire » tandis que son avocat Paul-Henri "
                   "Martin-Dupont s’ « indigne des fuites dans la presse » , réaffirmant que "
                   "le maire se rendra au tribunal.")
    by_text = {q.text: q for q in found}
    first = by_text["ce document ne concerne pas seulement le maire"]
    assert first.kind == "direct"
    second = by_text["indigne des fuites dans la presse"]
    assert second.kind == "direct"
    assert "Martin-Dupont" in second.speaker.text


def test_marked_verb_inside_a_report_stays_in_the_report():
    found = quotes("Le témoin a dit que le maire « regrette profondément » la décision.")
    assert [q.kind for q in found] == ["mixed"]


def test_verb_taking_que_after_a_marked_name_is_no_incise():
    found = quotes("Vers midi, Paul Martin, porte-parole des « Citoyens en colère », estime "
                   "que la réforme doit être retirée.")
    assert "Citoyens en colère" not in [q.text for q in found]


def test_incise_subject_after_a_comma_framed_complement():
    found = quotes("« Le syndicat a déposé un préavis de grève pour lundi » , a confié, à "
                   "Reuters, le directeur de cabinet du maire, Paul Martin.")
    assert len(found) == 1
    assert found[0].speaker.text is not None
    assert "Paul Martin" in found[0].speaker.text or "directeur" in found[0].speaker.text


def test_relative_clause_continuing_a_marked_description():
    found = quotes("Des voisins décrivent des gens « réservés » , « bizarres » , qui ne "
                   "« disaient jamais bonjour » .")
    assert [q.text for q in found] == ["réservés", "bizarres", "disaient jamais bonjour"]
    assert {q.speaker.text for q in found} == {"Des voisins"}


def test_marked_adverbial_after_a_noun_is_not_a_label():
    found = quotes("La compagnie annonce dans un communiqué qu'elle remboursera les billets "
                   "de ses clients « dans les meilleurs délais » .")
    assert any("dans les meilleurs délais" in q.text for q in found)


def test_marked_verb_inside_a_que_clause_is_not_its_subjects_quote():
    found = quotes("Les chercheurs ont découvert que douze coureurs « perdaient souvent » "
                   "leurs courses.")
    assert all(q.speaker.text != "douze coureurs" for q in found)


def test_fronted_marked_reason_belongs_to_the_clauses_subject():
    found = quotes("Vers midi, à Lyon, « pour ne pas créer de problèmes », les manifestants "
                   "ont démonté eux-mêmes leur campement.")
    assert [q.text for q in found] == ["pour ne pas créer de problèmes"]
    assert found[0].speaker.text == "les manifestants"
    assert found[0].cue is None
    assert texts("Hier, « pour des raisons de sécurité », la route a été fermée.") == []


def test_incise_after_a_sentence_split_at_the_closing_mark():
    # The segmenter may end the sentence at "» ": the comma goes on with the incise.
    found = quotes("Le vote a eu lieu hier soir. « Je ne céderai rien, je ne céderai à "
                   "personne. », a déclaré Julie Marchand à Lille . Elle part demain.")
    assert [q.text for q in found] == ["Je ne céderai rien, je ne céderai à personne."]
    assert found[0].speaker.text == "Julie Marchand"


def test_a_date_in_an_incise_is_not_its_speaker():
    found = quotes("« Nous sommes prêts », a affirmé le 3 juin 2019 le ministre Paul Girard.")
    assert found[0].speaker.text not in ("juin", "3", "2019")
    assert "Paul Girard" in found[0].speaker.text


def test_marked_words_in_a_relative_clause_before_an_incise_are_direct():
    found = quotes("Le club a présenté son maillot qui est « peut-être le plus beau de son "
                   "histoire » , a déclaré le 12 avril le président du club Marc Durand.")
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "peut-être le plus beau de son histoire")]
    assert "Marc Durand" in found[0].speaker.text
    # A marked main verb still makes the sentence one mixed quote.
    found = quotes("Le nouveau joueur « est très motivé », a déclaré l'entraîneur Jean Roux.")
    assert [q.kind for q in found] == ["mixed"]


def test_a_title_noun_in_another_clause_does_not_make_a_name():
    found = quotes("Ce mot désigne le projet qui est « sans doute le plus ambitieux du "
                   "siècle » , a estimé la directrice Anne Vidal.")
    assert [q.text for q in found] == ["sans doute le plus ambitieux du siècle"]


def test_infinitive_outside_the_marks_makes_a_mixed_quote():
    found = quotes("Il se targue d'être « seulement maladroit » .")
    assert [(q.kind, q.text) for q in found] == [("mixed", "être « seulement maladroit")]
    found = quotes("Le chanteur Paul Mercier affirme sur son blog vouloir « porter plainte "
                   "contre tous ceux qui le harcèlent » , arguant du fait qu'il reçoit des "
                   "menaces.")
    marked = [q for q in found if "porter plainte" in q.text]
    # The participle after the marks does not split the marked words off the report.
    assert [(q.kind, q.text[:20]) for q in marked] == [("mixed", "vouloir « porter pla")]


def test_fronted_naming_participle_names_no_speaker():
    assert texts("Qualifié de « charismatique », il s'oppose ensuite au régime.") == []
    found = quotes("Le projet est jugé « irréaliste » par le syndicat des enseignants.")
    assert [q.text for q in found] == ["irréaliste"]
    assert found[0].speaker.text == "le syndicat des enseignants"


def test_speaking_of_a_marked_noun_reports_it():
    found = quotes("Le gouvernement parle d'un « scandale » et exige que les responsables "
                   "« démissionnent » .")
    assert [(q.kind, q.text) for q in found][0] == ("direct", "scandale")
    assert found[0].speaker.text == "Le gouvernement"


def test_distancing_adjective_before_marks_is_no_label():
    found = quotes("Parmi les messages publiés, on y dénonce une prétendue « injustice » "
                   "envers les salariés.")
    assert [q.text for q in found] == ["injustice"]


def test_on_speaks_for_the_document_of_its_sentence():
    found = quotes("De plus, dans un communiqué, on précise que « la vente aux mineurs "
                   "demeurera une infraction grave » .")
    assert [(q.kind, q.speaker.text) for q in found] == [("direct", "on")]
    assert texts("On dit que « la vie est belle » .") == []


def test_footnote_marks_after_a_selon_quote_keep_it_direct():
    found = quotes("Selon Marie Durand, l'une des chercheuses du projet, « Ces résultats sont "
                   "les premiers de ce genre. Nous avons maintenant des indices » [note 1] [1] .")
    assert [q.kind for q in found] == ["direct"]


def test_marked_verb_phrase_after_its_subject_with_an_incise_is_mixed():
    found = quotes("Cependant, la région, pourtant riche en eau, « refuse de partager ses "
                   "réserves avec ses voisins » , analyse un chercheur auprès du journal.")
    assert [(q.kind, q.text[:9]) for q in found] == [("mixed", "la région")]
    assert found[0].speaker.text.startswith("un chercheur")


def test_impersonal_il_is_no_speaker_of_a_marked_fragment():
    found = quotes("Après le match, il s'agissait « d'une soirée vraiment spéciale » .")
    assert all(q.speaker.text != "il" for q in found)


def test_first_person_marked_words_are_an_utterance():
    found = quotes("Le joueur Marc Lenoir a quitté le terrain. Selon lui, il s'agissait "
                   "« d'un des moments les plus durs de ma vie » .")
    assert any("moments les plus durs de ma vie" in q.text for q in found)


def test_first_person_marked_words_belong_to_the_sentences_subject():
    found = quotes("Le joueur Marc Lenoir a parlé aux journalistes. Il a confié hier soir "
                   "qu'il s'agissait « d'un des moments les plus durs de ma vie » .")
    marked = [q for q in found if "ma vie" in q.text]
    assert marked and marked[0].speaker.text == "Il"


def test_active_naming_verb_split_from_its_auxiliary_keeps_its_subject():
    found = quotes("La voisine avait, il y a quelques jours, qualifié cette rumeur de "
                   "« pure invention » .")
    assert [q.text for q in found] == ["pure invention"]
    assert found[0].speaker.text == "La voisine"


def test_main_verb_tagged_as_an_adjective_is_no_part_of_the_speaker():
    found = quotes("Le syndicat riposte en qualifiant la mesure de « provocation inutile » .")
    assert [q.text for q in found] == ["provocation inutile"]
    assert found[0].speaker.text == "Le syndicat"


def test_marked_object_of_an_action_verb_is_no_quote():
    assert texts("La mairie construira aussi deux centres, à sécurité renforcée, pour y "
                 "accueillir les « jeunes très vulnérables » .") == []
    found = quotes("Les sénateurs veulent limiter « le risque de fraude pour les petits "
                   "commerces » .")
    assert [q.speaker.text for q in found] == ["Les sénateurs"]


def test_passive_participle_after_another_verbs_auxiliary_stays_passive():
    found = quotes("Le directeur aurait, par téléphone, expliqué avoir été renvoyé car jugé "
                   "trop « indépendant ».")
    assert all(q.cue is None or q.cue.text != "jugé" for q in found)


def test_marked_object_of_an_expressive_verb_is_a_quote():
    found = quotes("Le maire a tenu à exprimer sa « profonde tristesse » .")
    assert [q.text for q in found] == ["profonde tristesse"]
    found = quotes("Il prône « associer les habitants à la gestion des parcs » .")
    assert [q.speaker.text for q in found] == ["Il"]


def test_first_person_statement_in_a_narrated_sentence_goes_to_its_subject_by_name():
    found = quotes("Le militant Paul Girard a constitué une liste pour les élections, mais "
                   "sans Marc Petit qui « est en contact avec des gens de notre mouvement qui "
                   "ont tenu des propos violents ».")
    assert len(found) == 1
    assert found[0].speaker.text is None and found[0].speaker.name == "Paul Girard"


def test_name_apposed_right_before_the_verb_is_the_speaker():
    found = quotes("L'ancien maire et actuel adjoint de la ville, Jean Roux parle de "
                   "« centaines de blessés » .")
    assert [q.speaker.text for q in found] == ["Jean Roux"]


def test_two_coordinated_complements_one_marked_are_two_reports():
    found = quotes("Le maire a assuré que « tout sera réparé » et qu'il paierait lui-même "
                   "les dégâts.")
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "tout sera réparé"), ("indirect", "il paierait lui-même les dégâts")]
    found = quotes("La directrice expliquait que l'usine « restera ouverte » et que les "
                   "salariés seraient reclassés.")
    assert [q.kind for q in found] == ["mixed", "indirect"]
    assert found[1].text == "les salariés seraient reclassés"
    found = quotes("L'opposition accuse le gouvernement de vouloir « étouffer l'affaire » et "
                   "de mentir aux électeurs.")
    assert [q.text for q in found] == ["vouloir « étouffer l'affaire", "mentir aux électeurs"]
    assert all(q.speaker.text == "L'opposition" for q in found)
    found = quotes("Le syndicat estimera que la réforme est « injuste » et que les salariés "
                   "« paieront la note ».")
    assert [q.text for q in found] == ["la réforme est « injuste",
                                       "les salariés « paieront la note"]


def test_marked_noun_phrase_coordinated_with_de_stays_one_report():
    found = quotes("Le ministre a parlé de « réformes nécessaires » et de sacrifices.")
    assert len(found) <= 1


def test_unmarked_first_complement_stays_in_one_mixed_report():
    found = quotes("Le directeur a expliqué que les trains roulaient au ralenti et que la "
                   "panne était « totalement imprévisible ».")
    assert [q.kind for q in found] == ["mixed"]
    assert found[0].text.startswith("les trains roulaient")


def test_relative_que_after_marks_is_no_second_complement():
    found = quotes("Le ministre a dénoncé que des règles qui vont « trop loin » et qu'il juge "
                   "inutiles soient maintenues.")
    assert len([q for q in found if q.kind == "indirect"]) == 0


def test_comparative_que_inside_the_marks_does_not_block_the_split():
    found = quotes("Il a assuré que « personne n'aime autant la police que moi » , et que les "
                   "juges sont « des gens courageux ».")
    assert [q.kind for q in found] == ["direct", "mixed"]


def test_name_after_a_fronted_adjunct_is_the_speaker():
    found = quotes("Sur Twitter , Paul Durand , qui avait échangé avec lui autour d'un "
                   "petit-déjeuner lors de sa visite fin avril dernier, s'est dit « attristé et "
                   "choqué par le meurtre de Jean Roux, personnalité politique, humaniste (…) » .")
    assert [q.speaker.text for q in found] == ["Paul Durand"]
    found = quotes("Vers 16h00, Marie Lenoir, porte-parole des « Amis du canal », estime que "
                   "la situation est « clairement bloquée ».")
    assert [q.speaker.text for q in found if q.kind != "direct" or q.text != "Amis du canal"] \
        == ["Marie Lenoir"]
    found = quotes("Dans la soirée, Luc Morel, ancien ministre, a jugé la mesure « inutile et "
                   "coûteuse ».")
    assert [q.speaker.text for q in found] == ["Luc Morel"]


def test_report_whose_only_marks_hold_a_name_is_indirect():
    found = quotes("Le ministre a affirmé que le sigle « PLU » serait abandonné.")
    assert [q.kind for q in found] == ["indirect"]
    found = quotes("Microsoft a indiqué que le logiciel « EternalBlue » a été volé.")
    assert [q.kind for q in found] == ["indirect"]
    found = quotes("La mairie a annoncé que le festival « Lumières du Nord » était annulé.")
    assert [q.kind for q in found] == ["indirect"]
    found = quotes("Le préfet a dit que l'opération « visait à rassurer les habitants ».")
    assert [q.kind for q in found] == ["mixed"]



# A que-clause in marks whose verb the indirect finder missed: the reader looks back
# from "que" to the speech verb past adverbs, adjuncts, names and clitics.

def test_que_marks_after_an_adverb_between_verb_and_que():
    found = quotes("Le syndicat affirme même que « la direction a menti aux salariés » .")
    assert [(q.text, q.kind, q.speaker.text) for q in found] == [
        ("la direction a menti aux salariés", "direct", "Le syndicat")]


def test_que_marks_after_a_narrative_infinitive():
    found = quotes("Elles d'ajouter à l'intention du préfet que « rien ne justifie une "
                   "telle attente » .")
    assert [(q.text, q.kind, q.speaker.text) for q in found] == [
        ("rien ne justifie une telle attente", "direct", "Elles")]


def test_que_marks_after_the_fact_that():
    found = quotes("Les avocats soulignent le fait que « leur client n'a jamais été "
                   "entendu » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("leur client n'a jamais été entendu", "Les avocats")]


def test_que_marks_then_a_coordinated_unmarked_que_clause():
    found = quotes("Elle a aussi précisé que « le dossier est clos » et que son équipe ne "
                   "reviendrait pas dessus.")
    assert [(q.text, q.kind) for q in found] == [
        ("le dossier est clos", "direct"),
        ("son équipe ne reviendrait pas dessus", "indirect")]
    assert {q.speaker.text for q in found} == {"Elle"}


def test_que_marks_with_the_clause_going_on_after_them_is_mixed():
    found = quotes("Le quotidien assure d'ailleurs que « le ministre a touché trois primes » "
                   ", une par an, selon ses calculs.")
    assert found[0].kind == "mixed"
    assert found[0].text.startswith("le ministre a touché trois primes »")
    assert found[0].speaker.text == "Le quotidien"


def test_que_marks_after_a_noun_object_are_no_report():
    assert texts("Le club a la certitude que « les supporters reviendront » .") == []


def test_que_marks_after_a_publishing_verb():
    found = quotes("La députée a publié sur son blog que « la réforme sera votée avant "
                   "l'été » .")
    assert [(q.text, q.kind, q.speaker.text) for q in found] == [
        ("la réforme sera votée avant l'été", "direct", "La députée")]
    found = quotes("Le porte-parole a tweeté dimanche que « aucune décision n'a été prise » .")
    assert [(q.text, q.speaker.text, q.cue.text) for q in found] == [
        ("aucune décision n'a été prise", "Le porte-parole", "a tweeté")]
    found = quotes("La chanteuse Marie Dupont a posté sur Instagram que « la tournée est "
                   "annulée » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("la tournée est annulée", "La chanteuse Marie Dupont")]


# Calls and requests whose complement (with or without their object) is in marks.

def test_call_with_object_and_complement_in_marks_is_no_name():
    found = quotes("La présidente de la région a appelé « les automobilistes à la plus "
                   "grande prudence » .")
    assert [(q.text, q.kind, q.speaker.text) for q in found] == [
        ("les automobilistes à la plus grande prudence", "direct",
         "La présidente de la région")]
    assert texts("Un groupe appelé « Les Amis du Parc à vélo » organise la fête.") == []


def test_call_with_marked_complement_after_a_long_object():
    found = quotes("Le syndicat appelle les salariés de toutes les usines du groupe « à "
                   "cesser le travail jeudi » .")
    assert [(q.text, q.speaker.text, q.cue.text) for q in found] == [
        ("à cesser le travail jeudi", "Le syndicat", "appelle")]
    found = quotes("La directrice invite chacun, « même les plus sceptiques, à venir voir » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("même les plus sceptiques, à venir voir", "La directrice")]


def test_exhortation_with_marked_infinitive_past_an_apposed_object():
    found = quotes("Le ministre avait exhorté ses homologues européens, réunis à Bruxelles, "
                   "à « agir sans attendre » .")
    assert [(q.text, q.kind, q.speaker.text, q.cue.text) for q in found] == [
        ("agir sans attendre", "direct", "Le ministre", "avait exhorté")]


# Marked noun phrases under a verb of stance or judgement.

def test_marked_object_of_a_verb_coordinated_under_one_auxiliary():
    found = quotes("La ministre a exprimé « la gratitude du pays » et salué l'« immense "
                   "courage des bénévoles » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("la gratitude du pays", "La ministre"),
        ("immense courage des bénévoles", "La ministre")]


def test_marked_judgement_seen_in_a_thing():
    found = quotes("Le syndicat y voit une « attaque frontale contre les retraités » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("attaque frontale contre les retraités", "Le syndicat")]
    found = quotes("L'opposition voit dans ce texte un « cadeau fait aux plus riches » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("cadeau fait aux plus riches", "L'opposition")]


def test_marked_fragments_joined_inside_one_object_share_its_cue():
    found = quotes("Le préfet a dénoncé la présence de « casseurs organisés » et de « bandes "
                   "venues d'ailleurs », notamment des « groupes très mobiles » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("casseurs organisés", "Le préfet"), ("bandes venues d'ailleurs", "Le préfet"),
        ("groupes très mobiles", "Le préfet")]


def test_marked_refusal_of_an_entourage():
    found = quotes("L'entourage du ministre se refuse à « tout commentaire sur une enquête "
                   "en cours » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("tout commentaire sur une enquête en cours", "L'entourage du ministre")]


def test_single_capitalised_word_after_an_elided_article_is_a_name():
    assert texts("Les élus jugeaient le texte trop proche de l'« Obamacare » .") == []


# A present participle right after the closing mark, without a comma, is no incise: it has
# no inverted subject; it shares the subject of the clause.

def test_participle_right_after_marks_is_no_incise():
    found = quotes("Le journal trouve la décision « très inquiétante pour la presse » "
                   "qualifiant le texte du gouvernement de « recul historique » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("très inquiétante pour la presse", "Le journal"),
        ("recul historique", "Le journal")]
    found = quotes("L'avocate dénonce une « procédure bâclée » évoquant les erreurs de "
                   "l'enquête.")
    assert [(q.text, q.speaker.text, q.cue.text) for q in found] == [
        ("procédure bâclée", "L'avocate", "dénonce")]
    found = quotes("Le syndicat dénonce une « atteinte aux droits des salariés » qualifiant "
                   "la réforme de « retour en arrière » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("atteinte aux droits des salariés", "Le syndicat"),
        ("retour en arrière", "Le syndicat")]


def test_a_thing_launched_or_named_in_marks_is_no_quote():
    assert texts("Le maire a lancé une « consultation des habitants du quartier » jeudi.") == []
    assert texts("Le peintre avait réalisé trois toiles, qu'il avait appelées « Aube », "
                 "« Midi » et « Soir ».") == []


def test_a_call_for_something_in_marks_is_a_quote():
    found = quotes("Elle appelle « à la reprise du dialogue entre les parties » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("à la reprise du dialogue entre les parties", "Elle")]
    found = quotes("Le président en appelle au ministre « pour sauver ce lieu unique » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("pour sauver ce lieu unique", "Le président")]


# A speech noun with its source, then "que" and marks: the source says the marked words.

def test_que_marks_after_a_speech_noun_and_its_source():
    found = quotes("Les élus ont salué l'annonce du préfet que « la route sera rouverte dès "
                   "lundi » .")
    assert [(q.text, q.kind, q.speaker.text) for q in found] == [
        ("la route sera rouverte dès lundi", "direct", "préfet")]
    found = quotes("Les familles attendaient la confirmation par la mairie que « l'école "
                   "restera ouverte » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("l'école restera ouverte", "la mairie")]


def test_que_marks_after_a_speech_noun_nested_in_a_report():
    found = quotes("Le syndicat indiquait mardi avoir eu l'information de la direction que "
                   "« le plan social ne sera pas appliqué avant juin » .")
    assert [(q.kind, q.speaker.text) for q in found] == [
        ("mixed", "Le syndicat"), ("direct", "la direction")]
    assert found[1].text == "le plan social ne sera pas appliqué avant juin"


def test_two_complements_joined_by_mais_que_are_two_reports():
    found = quotes("Le ministre a déclaré que la réforme n'était pas « parfaite » pour le "
                   "pays, mais qu'il « ne fallait pas reculer devant les difficultés » .")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "la réforme n'était pas « parfaite » pour le pays"),
        ("mixed", "il « ne fallait pas reculer devant les difficultés")]
    found = quotes("La maire a expliqué que le budget était « serré » mais que « aucun "
                   "service ne serait supprimé » .")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "le budget était « serré"), ("direct", "aucun service ne serait supprimé")]


def test_source_after_the_closing_mark_vouches_for_the_marked_words_only():
    found = quotes("Le vote est acquis.\n\n« Ce projet a une valeur historique » selon la "
                   "présidente du conseil, Marie Dupont ( PS ), qui salue le vote.")
    assert [(q.kind, q.text, q.speaker.text) for q in found] == [
        ("direct", "Ce projet a une valeur historique", "Marie Dupont")]
    found = quotes("« Nous avons gagné une bataille » selon le porte-parole du collectif, qui "
                   "appelle à continuer.")
    assert (found[0].kind, found[0].text) == ("direct", "Nous avons gagné une bataille")


def test_bare_company_name_before_a_marked_predicate_speaks():
    for text, name in [
            ("Cette enquête a été ouverte. Airbus « coopère pleinement avec ces deux "
             "organismes » .", "Airbus"),
            ("Une enquête est ouverte. Renault « regrette vivement cet accident » .",
             "Renault")]:
        found = quotes(text)
        assert [(q.kind, q.speaker.text) for q in found] == [("direct", name)]
    found = quotes("Le constructeur « coopère pleinement avec les enquêteurs » .")
    assert found[0].speaker.text == "Le constructeur"


def test_marked_words_cited_as_examples():
    found = quotes("Il en a enfin appelé à des « initiatives européennes pour renforcer la "
                   "protection que les institutions doivent aux ressortissants » , prenant "
                   "pour exemples « l'interconnexion des fichiers et la réforme du système » .")
    assert [(q.text, q.speaker.text) for q in found][1] == (
        "l'interconnexion des fichiers et la réforme du système", "Il")
    assert found[1].cue.text == "prenant pour exemples"
    found = quotes("Le maire a présenté son projet en prenant pour modèle « les villes du nord "
                   "de l'Europe » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("les villes du nord de l'Europe", "Le maire")]
    found = quotes("La ministre a défendu son bilan, citant en exemple « la baisse continue du "
                   "chômage des jeunes » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("la baisse continue du chômage des jeunes", "La ministre")]


def test_headline_after_an_update_line_is_no_quote():
    assert texts("Inondations dans le Sud\n\nMise à jour : 3 mai 2020 — « Var : le maire "
                 "décrète l'état d'urgence »\n\nLa pluie continue.") == []
    assert texts("Élections\n\nDernière version : 12 juin 2019, 10 h — « Vote : la "
                 "participation est en hausse »\n\nLe scrutin est ouvert.") == []
    found = texts("Le maire l'a dit hier — « Nous reconstruirons tout. »")
    assert found == ["Nous reconstruirons tout."]


def test_marked_predicate_of_a_role_with_an_apposed_name():
    found = quotes("La directrice de l'école, Anne Morel, est « très inquiète pour la "
                   "rentrée » .")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("très inquiète pour la rentrée", "Anne Morel")]
    found = quotes("Le président du club, Luc Bernard, était « fier de ses joueurs » .")
    assert [(q.text, q.speaker.text) for q in found] == [("fier de ses joueurs", "Luc Bernard")]


def test_statement_after_a_speech_verb_and_adjuncts_set_off_by_commas():
    found = quotes("Le sélectionneur déclarait ainsi à la radio, en 1998, « nous allons gagner "
                   "cette coupe, j'en suis sûr » .")
    assert [(q.speaker.text, q.cue.text) for q in found] == [("Le sélectionneur", "déclarait")]
    found = quotes("La ministre a confié au quotidien local, lors de sa visite, « je reviendrai "
                   "ici très vite » .")
    assert [q.speaker.text for q in found] == ["La ministre"]
    found = quotes("Il a répondu aux journalistes, mardi, « Nous n'avons rien à cacher » .")
    assert [q.speaker.text for q in found] == ["Il"]
    found = quotes("Le groupe a joué, en 2005, « Nous sommes les champions du monde » .")
    assert [q.cue for q in found] == [None]


def test_first_person_words_after_a_person_noun_and_a_colon():
    found = quotes("Une vingtaine de manifestants ont passé la nuit sur place, dont un "
                   "plombier : « j'aurais pu rester chez moi mais je suis venu. »")
    assert [q.speaker.text for q in found] == ["un plombier"]
    found = quotes("Les secours sont arrivés vite, dont une infirmière : « je n'avais jamais "
                   "vu ça. »")
    assert [q.speaker.text for q in found] == ["une infirmière"]
    found = quotes("Plusieurs exploitants bloquaient la route, dont un agriculteur : « nous "
                   "avons attendu des aides toute l'année. »")
    assert [q.speaker.text for q in found] == ["un agriculteur"]


def test_incise_with_a_verb_that_reports_only_in_its_reflexive_use():
    # "», se défend X", "», s'est défendu X", "», s'inquiète X": the reflexive verb
    # after the marks is an incise naming the speaker.
    for text, speaker in [
        ("« Nous n'avons rien à cacher », se défend la société Vertal.", "la société Vertal"),
        ("« Tout a été payé », s'est défendu Paul Marin devant les juges.", "Paul Marin"),
        ("« Les délais sont trop courts », s'inquiète une mère d'élève.", "une mère d'élève"),
        ("« Nous ne savions rien », se défendait le directeur du club.",
         "le directeur du club"),
    ]:
        found = quotes(text)
        assert len(found) == 1 and found[0].kind == "direct", text
        assert found[0].speaker.text == speaker, text


def test_reflexive_verb_without_marks_before_is_no_incise():
    found = quotes("Paul Marin défend « une école ouverte » devant le conseil.")
    assert [q.speaker.text for q in found] == ["Paul Marin"]


def test_incise_with_a_semi_auxiliary_of_intent_before_the_reporting_infinitive():
    # "», a tenu à préciser X", "», a voulu rappeler X", "», tient à nuancer X": the
    # infinitive reports, the subject follows the group.
    for text, speaker in [
        ("« Rien n'est joué », a cependant tenu à préciser Paul Marin.", "Paul Marin"),
        ("« Rien n'est joué », a voulu rappeler le maire de Lunel.", "le maire de Lunel"),
        ("« Le vote aura lieu », tient à nuancer la directrice.", "la directrice"),
        ("« Tout sera remboursé », avait tenu à rassurer Paul Marin.", "Paul Marin"),
    ]:
        found = quotes(text)
        assert len(found) == 1 and found[0].kind == "direct", text
        assert found[0].speaker.text == speaker, text


def test_marked_organisation_name_inside_a_report_leaves_it_indirect():
    # "l'organisation « Front uni »", "le camp « Armée libre »": a short capitalised name
    # set in apposition to a noun is nobody's words; the report is indirect, and the
    # name is no fragment of its own.
    for text in [
        "Le ministre a indiqué que des soldats tiraient sur le camp « Front populaire » "
        "dans la région.",
        "Selon un témoin, les chars ont visé l'organisation « Armée libre » au nord.",
        "Le préfet a expliqué que le mouvement « Avenir rural » avait quitté la place.",
    ]:
        found = quotes(text)
        assert [q.kind for q in found] == ["indirect"], text


def test_marked_wording_after_a_determiner_keeps_the_report_mixed():
    found = quotes("Le maire a dit que la ville appartenait à la « France oubliée » des "
                   "campagnes.")
    assert [q.kind for q in found] == ["mixed"]
