"""Indirect speech on unseen phrasing: general mechanisms, each with an invented sentence."""

from recoupe.core import analyze


def quotes(text):
    return analyze({"id": "t", "text": text, "language": "fr"}).quotes


def records(text):
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in quotes(text)]


# --- clause boundaries and false alarms ------------------------------------------------


def test_restrictive_ne_que_is_no_clause():
    assert records("Le préfet ne reconnaît pour l'instant que la perte de deux bateaux.") == []


def test_ne_of_an_earlier_verb_is_not_restrictive():
    found = records("La maire ne cesse de répéter que la piscine rouvrira.")
    assert ("indirect", "la piscine rouvrira", "La maire") in found


def test_coordinated_que_after_an_object_belongs_to_the_first_governor():
    found = records("Chacun sait que le club soutient Durand et que la ligue boude le tournoi.")
    assert all(speaker != "le club" for _, _, speaker in found)


def test_adjunct_with_a_comma_between_verb_and_que():
    found = records("La sénatrice a annoncé sur Radio Atlantique ce matin, qu'elle quittait "
                    "son groupe.")
    assert ("indirect", "elle quittait son groupe", "La sénatrice") in found


# --- unmarked incises ------------------------------------------------------------------


def test_unmarked_report_closed_by_an_institution():
    found = records("Le stade restera fermé jusqu'en mai, a annoncé la direction.")
    assert found == [("indirect", "Le stade restera fermé jusqu'en mai", "la direction")]


def test_unmarked_report_closed_by_one_of_a_group():
    found = records("Le chanteur rentrait alors de sa tournée, a précisé un de ses agents.")
    assert found and found[0][1] == "Le chanteur rentrait alors de sa tournée"
    assert found[0][2] == "un de ses agents"


def test_coordinated_verb_with_a_disagreeing_object_is_no_incise():
    assert records("Les élus ont quitté la salle, ont annoncé leur démission.") == []


# --- selon / pour ----------------------------------------------------------------------


def test_adverb_before_a_heading_selon_stays_out_of_the_span():
    found = records("Néanmoins, selon le syndicat, les embauches vont reprendre.")
    assert found == [("indirect", "les embauches vont reprendre", "le syndicat")]


def test_dateline_dash_before_selon():
    found = records("3 avril 2019. – Selon plusieurs témoins, la digue aurait cédé.")
    assert ("indirect", "la digue aurait cédé", "plusieurs témoins") in found


def test_et_comma_selon_starts_a_new_clause():
    found = records("Le maire a quitté la salle et, selon ses collaborateurs, il ne reviendra pas.")
    assert ("indirect", "il ne reviendra pas", "ses collaborateurs") in found


def test_yardstick_after_selon_is_no_source():
    assert records("Par ailleurs, selon la définition de l'Insee, un ménage sur dix est "
                   "pauvre.") == []


def test_issuerless_document_after_selon_is_no_source():
    assert records("Selon un dossier joint à la plainte, 40 salariés ont été licenciés.") == []


def test_agent_nouns_can_be_sources():
    found = records("Selon les libraires, les ventes de romans ont doublé.")
    assert found == [("indirect", "les ventes de romans ont doublé", "les libraires")]


def test_car_pour_lui_heads_an_opinion():
    found = records("Le conseiller a voté contre, car pour lui, la réforme n'est pas urgente.")
    assert ("indirect", "la réforme n'est pas urgente", "lui") in found


# --- lexicon families ------------------------------------------------------------------


def test_forecast_by_an_institution():
    found = records("L'institut Coface prévoit que les faillites vont augmenter.")
    assert ("indirect", "les faillites vont augmenter", "L'institut Coface") in found


def test_forecast_by_a_text_is_no_report():
    assert records("Le projet de loi prévoit que les loyers seront gelés.") == []


def test_conclure_que_reports():
    found = records("L'inspection a conclu que le pilote avait commis une erreur.")
    assert ("indirect", "le pilote avait commis une erreur", "L'inspection") in found


def test_request_to_a_person_described_at_length():
    found = records("Il a demandé à sa cousine qui habitait à Nantes de garder le chien.")
    assert ("indirect", "garder le chien", "Il") in found
    found = records("Il a demandé à sa cousine, une infirmière installée à Nantes, de garder "
                    "le chien.")
    assert ("indirect", "garder le chien", "Il") in found


def test_request_with_marked_words_is_left_to_the_marks():
    found = records("Dans sa lettre, il demande à « ses collègues de respecter son travail » .")
    assert all(kind != "indirect" for kind, _, _ in found)


def test_final_selon_with_a_described_source_and_a_relative():
    found = records("« Le bateau a coulé et c'est un drame » , selon Paul Vidal , l'un de ses "
                    "avocats, qui ajoute que « le capitaine est sauf » .")
    assert ("direct", "Le bateau a coulé et c'est un drame", "Paul Vidal") in found


def test_colon_inside_marked_words_does_not_start_a_selon_clause():
    found = records("« C'est notre meilleure équipe : des rameurs jeunes et prêts à gagner » , "
                    "selon Paul Vidal, entraîneur du club.")
    assert [kind for kind, _, _ in found] == ["direct"]


def test_discourse_formula_before_pour():
    found = records("Ceci dit, pour le vice-recteur, la facture pourrait encore grimper.")
    assert ("indirect", "la facture pourrait encore grimper", "le vice-recteur") in found


def test_role_apposed_to_a_named_source_stays_out_of_the_span():
    found = records("Selon Marc Olivier , vice-président de l'amicale des pêcheurs, « le port "
                    "est à l'abandon » .")
    assert ("direct", "le port est à l'abandon", "Marc Olivier") in found


def test_name_apposed_to_a_role_source_stays_out_of_the_span():
    found = records("Selon le capitaine du port, Marc Olivier, la digue a cédé.")
    assert [text for _, text, _ in found] == ["la digue a cédé"]


# --- span ends -------------------------------------------------------------------------


def test_but_clause_after_a_closing_mark_ends_the_report():
    found = records("La ministre a reconnu avoir « mal jugé la situation » , mais elle "
                    "garderait le soutien du parti.")
    assert found and found[0][1] == "avoir « mal jugé la situation"


def test_comma_after_a_mark_closes_a_fronted_participle():
    found = records("Citant le rapport de 2001 dans lequel celui-ci explique que la pêche "
                    "n'est pas « en soi nuisible aux stocks » , la nouvelle note veut "
                    "rappeler les quotas.")
    assert found and found[0][1] == "la pêche n'est pas « en soi nuisible aux stocks"


def test_nested_report_ends_at_the_full_stop_inside_the_marks():
    found = records("Le pompier a déclaré : « Les habitants nous disent qu'il est bloqué. "
                    "Les renforts arrivent, mais la route est coupée. »")
    assert ("indirect", "il est bloqué", "Les habitants") in found


def test_agent_of_a_passive_directive_is_out_of_the_span():
    found = records("Les parents sont invités à récupérer leurs enfants avant midi par la "
                    "préfecture pour des raisons de sécurité.")
    assert any(text == "récupérer leurs enfants avant midi" for _, text, _ in found)


def test_gerund_about_the_words_after_a_mark_is_out_of_the_span():
    found = records("Le coach a affirmé qu'ils étaient « les meilleurs » , en parlant de ses "
                    "joueurs.")
    assert found and found[0][1] == "ils étaient « les meilleurs"


# --- more families ---------------------------------------------------------------------


def test_accusation_with_de_infinitive():
    found = records("Le syndicat accuse la direction de vouloir vendre l'usine.")
    assert ("indirect", "vouloir vendre l'usine", "Le syndicat") in found


def test_personal_passive_accusation_is_no_report():
    assert records("Il est accusé d'avoir volé un camion.") == []


def test_impersonal_il_of_a_passive_report_is_no_speaker():
    found = records("Il lui est reproché d'avoir falsifié des factures.")
    assert found == [("indirect", "avoir falsifié des factures", None)]


def test_source_made_by_an_organisation():
    found = quotes("Selon les enquêtes menées par l'association Amnesty, les détenus étaient "
                   "privés de soins.")
    assert found and found[0].text == "les détenus étaient privés de soins"
    assert "Amnesty" in found[0].speaker.text


def test_maintenir_que_reports():
    found = records("La directrice maintient que le budget sera tenu.")
    assert ("indirect", "le budget sera tenu", "La directrice") in found


def test_trouver_que_is_an_opinion():
    found = records("La sénatrice trouve que la taxe est injuste.")
    assert ("indirect", "la taxe est injuste", "La sénatrice") in found


def test_promise_with_s_engager():
    found = records("Le club s'est engagé à rembourser les supporters.")
    assert ("indirect", "rembourser les supporters", "Le club") in found


def test_comparative_que_is_no_clause():
    assert records("Ces drones sont aussi avancés que l'étaient les avions en 1930.") == []


def test_pour_with_a_thing_as_head_is_no_source():
    assert records("Pour les vestiaires des joueurs, deux millions ont été votés.") == []


def test_impersonal_framing_is_the_journalists():
    assert records("Il est à noter que les deux maires se connaissent.") == []
    assert records("Il est assez curieux de remarquer que le club a été exclu.") == []


def test_restrictive_ne_before_an_infinitive():
    assert records("Les scores ne seront annoncés qu'à partir de minuit par le jury.") == []


def test_signifier_que_is_no_speech():
    assert records("Le feu est passé au rouge, ce qui signifie que les bus attendent.") == []


def test_name_after_a_document_source_is_the_clause_subject():
    found = records("Selon une enquête du Monde parue mardi, Alice Martin, une responsable du "
                    "parti, a été salariée.")
    assert found and found[0][1].startswith("Alice Martin")


def test_bare_role_apposition_before_a_colon_quote():
    found = records("Ainsi, pour Jean Vidal , membre du bureau du parti : « Pas un mot de la "
                    "presse sur ce drame. »")
    assert [kind for kind, _, _ in found] == ["direct"]


def test_definite_noun_after_a_named_source_is_the_subject():
    found = records("Selon Jean Dupont, la digue, construite en 1900, a cédé.")
    assert found and found[0][1] == "la digue, construite en 1900, a cédé"


def test_one_of_apposition_after_a_named_source():
    found = records("Pour Marc Lenoir, l'un des porte-parole du collectif, il s'agit d'un "
                    "manque de respect.")
    assert ("indirect", "il s'agit d'un manque de respect", "Marc Lenoir") in found


def test_inference_led_by_a_thing_is_no_report():
    assert records("Toutefois, cette comète a permis de conclure que certaines collisions "
                   "sont fréquentes.") == []


def test_conditional_modal_makes_a_possible_report():
    assert records("Mais son avocate pourrait demander à reporter le procès.") == []


def test_ce_que_is_a_relative():
    assert records("Le témoin devrait s'accuser lui-même, ce que proscrit la loi.") == []


def test_a_ce_que_is_a_clause():
    found = records("Les grévistes ont demandé à ce que le directeur démissionne.")
    assert ("indirect", "le directeur démissionne", "Les grévistes") in found


def test_unaccented_a_after_a_call():
    found = records("Le porte-parole appelle a maintenir la pression.")
    assert ("indirect", "maintenir la pression", "Le porte-parole") in found


def test_broadcaster_of_images_is_no_author():
    assert records("Selon des images diffusées par la chaîne Irib, deux voitures ont "
                   "brûlé.") == []


def test_participle_report_ends_where_the_main_verb_resumes():
    found = records("Jean Martin, l'un des conseillers du maire, estimant que le projet est "
                    "trop cher, est en effet opposé au stade.")
    assert found and found[0][1] == "le projet est trop cher"


def test_coordinated_clause_after_a_finite_report_stays():
    found = records("Il a dit qu'il viendrait, puis il est parti.")
    assert found and found[0][1] == "il viendrait"


def test_reporting_verb_tagged_as_a_noun_with_a_subject():
    found = records("La compagnie aérienne annonce, via un message publié sur son site "
                    "officiel, avoir suspendu tous ses vols.")
    assert ("indirect", "avoir suspendu tous ses vols", "La compagnie aérienne") in found


def test_noun_with_determiner_and_copula_stays_a_noun():
    found = quotes("C'est d'ailleurs l'analyse de Paul Vidal, économiste : « Le budget ne "
                   "tiendra pas. »")
    assert all(q.speaker is None or q.speaker.text != "C'" for q in found)


# --- round 2: families of reporting constructions --------------------------------------


def test_adverbial_pour_la_premiere_fois_before_que():
    found = records("La grève a commencé en 2010, date à laquelle le syndicat a annoncé pour "
                    "la première fois qu'il bloquerait les routes.")
    assert ("indirect", "il bloquerait les routes", "le syndicat") in found


def test_une_fois_que_is_still_a_conjunction():
    assert records("Le maire partira une fois que les travaux seront finis.") == []


def test_passive_directive_with_its_agent():
    found = records("Le cycliste aurait été sommé par la gendarmerie de descendre.")
    assert ("indirect", "descendre", "la gendarmerie") in found


def test_agentless_passive_directive_has_no_speaker():
    assert records("Les employés ont été invités à quitter les lieux.") == []


def test_directive_participle_with_a_described_object():
    found = records("Le club a lancé un tirage au sort invitant les abonnés désignés à "
                    "rejoindre la tribune.")
    assert any(text == "rejoindre la tribune" for _, text, _ in found)


def test_exclure_de_infinitive_reports():
    found = records("La présidente a exclu de démissionner.")
    assert ("indirect", "démissionner", "La présidente") in found
    assert records("La présidente a exclu toute hausse des tarifs.") == []


def test_opinion_verb_with_a_state_infinitive():
    found = records("Le sénateur a jugé être le mieux placé pour gagner.")
    assert ("indirect", "être le mieux placé pour gagner", "Le sénateur") in found
    assert records("Le sénateur pense partir en vacances.") == []


def test_reporting_verb_tagged_as_an_adjective_noun_before_de_infinitive():
    found = quotes("Le collectif menace de bloquer les routes.")
    assert any(q.text == "bloquer les routes" for q in found)


def test_hyphenated_inverted_pronoun_overrides_a_subject_before_the_incise():
    found = records("Le texte prévoit un vote. Ce serait la seule issue possible à la crise, "
                    "estime-il.")
    assert ("indirect", "Ce serait la seule issue possible à la crise", "il") in found


def test_incise_with_a_document_speaks_for_its_issuer():
    found = records("La ligne a été coupée pendant deux heures dans toute la région, ont "
                    "confirmé des rapports de la société Vialis.")
    assert ("indirect", "La ligne a été coupée pendant deux heures dans toute la région",
            "la société Vialis") in found


def test_verbless_heading_before_a_colon_belongs_to_an_incise_report():
    found = records("Un retard causé par une panne du réseau : habituellement fiable, le "
                    "service est très lent ce mois-ci, explique un communiqué de la "
                    "compagnie Transalp.")
    assert found and found[0][1].startswith("Un retard causé par une panne du réseau")


def test_verb_tagged_as_noun_coordinated_with_a_verb():
    found = records("Le médiateur salue le courage des grévistes et demande aux délégués du "
                    "comité régional d'accepter le compromis.")
    assert any(text == "accepter le compromis" for _, text, _ in found)


def test_relative_after_an_infinitive_complement_is_no_que_clause():
    found = records("La maire demande aux élus d'appliquer la charte de 2012, que son "
                    "prédécesseur avait signée.")
    assert [text for _, text, _ in found] == ["appliquer la charte de 2012"]


def test_background_relative_after_a_complete_report_is_left_out():
    found = records("Le policier a ajouté que des voisins auraient vu le suspect entrer "
                    "dans la cour peu avant l'incendie, qui a détruit trois granges.")
    assert found and found[0][1].endswith("peu avant l'incendie")


def test_relative_inside_the_subject_of_the_report_stays():
    found = records("Le préfet a indiqué que le camion, qui roulait vite, a percuté un mur.")
    assert found and found[0][1] == "le camion, qui roulait vite, a percuté un mur"


def test_stacked_relatives_stay_in_the_report():
    found = records("Des élus affirment que le candidat est un homme qui ne vient pas de la "
                    "politique et qui n'a pas de parti, qui espère séduire les abstentionnistes.")
    assert found and found[0][1].endswith("séduire les abstentionnistes")


def test_selon_a_document_credits_the_issuer_written_after_it():
    found = records("Un incendie a touché un entrepôt à Lille , en France. Selon les "
                    "informations d'un porte-parole des pompiers à l' AFP , un ouvrier de 40 "
                    "ans aurait allumé quelques feux de broussailles dans la cour, avant de "
                    "s'enfuir, vers 10 h heure locale.")
    assert any(speaker and speaker.startswith("un porte-parole") for _, _, speaker in found)


def test_selon_a_document_of_a_time_stays_authorless():
    assert records("Selon les chiffres de la semaine dernière, le chômage baisse.") == []


def test_fronted_participle_report_ends_before_the_main_subject_and_its_apposition():
    found = records("Sur Radio Nord, rappelant que le pont avait coûté cher, Paul Martin, le "
                    "président du syndicat, a dénoncé « un gâchis ».")
    assert ("indirect", "le pont avait coûté cher", "Paul Martin") in found


def test_fronted_participle_after_a_medium_takes_the_main_subject():
    found = records("Sur Radio Nord, soulignant que la digue a été réparée, la préfète, une "
                    "ancienne ingénieure, a salué le travail des équipes.")
    assert ("indirect", "la digue a été réparée", "la préfète") in found


def test_selon_laquelle_after_a_claim_reports_nobody():
    assert records("La rumeur selon laquelle la gérante vendrait le magasin circule depuis "
                   "mardi.") == []


def test_selon_lequel_after_a_person_reports_the_relative():
    found = records("Les gendarmes ont entendu un passant, selon lequel la voiture roulait "
                    "très vite.")
    assert ("indirect", "la voiture roulait très vite", "un passant") in found


def test_judgement_adjective_before_de_infinitive():
    found = records("La rectrice estime indispensable de rouvrir les écoles.")
    assert ("indirect", "indispensable de rouvrir les écoles", "La rectrice") in found
    found = records("Le syndic a jugé urgent de réparer la toiture.")
    assert ("indirect", "urgent de réparer la toiture", "Le syndic") in found


def test_conditional_relative_stays_in_the_report():
    found = records("Le journal avait révélé que le maire avait créé une société de conseil, "
                    "qui lui aurait rapporté deux millions d'euros.")
    assert found and found[0][1].endswith("deux millions d'euros")


def test_selon_lequel_takes_the_head_of_the_antecedent_phrase():
    found = records("Même avis au ministère de la Santé, selon lequel le vaccin est sûr.")
    assert any(speaker and speaker.startswith("ministère") or speaker and "ministère" in speaker
               for _, _, speaker in found)


def test_selon_laquelle_after_a_speech_noun_credits_its_issuer():
    found = records("Le maire a démenti une révélation du Courrier picard selon laquelle il "
                    "aurait vendu un terrain communal.")
    assert any(speaker and "Courrier" in speaker for _, _, speaker in found)
    assert records("Les informations selon lesquelles le club serait vendu circulent.") == []


def test_a_rule_requires_nobody_asks():
    found = records("Les plongeurs ont ignoré les consignes de sécurité de la fédération qui "
                    "exigeaient de rester près du bateau.")
    assert all(text != "rester près du bateau" for _, text, _ in found)
    found = records("La fédération exige de rester près du bateau.")
    assert ("indirect", "rester près du bateau", "La fédération") in found


def test_adverbial_pour_la_nieme_fois_before_an_infinitive():
    found = records("La préfète a appelé pour la troisième fois à évacuer la vallée.")
    assert ("indirect", "évacuer la vallée", "La préfète") in found


def test_relative_on_a_heading_source_is_skipped_and_its_report_ends_at_its_comma():
    found = records("Selon Marc Roux, l'un de ses avocats, qui précise que « rien n'est "
                    "joué », le procès aura lieu en mai.")
    assert ("indirect", "le procès aura lieu en mai", "Marc Roux") in found
    assert any(text == "rien n'est joué" for _, text, _ in found)


def test_aux_dires_des_heads_a_report():
    found = records("Aux dires des pêcheurs, la rivière n'a jamais été aussi basse.")
    assert any(text == "la rivière n'a jamais été aussi basse" for _, text, _ in found)


def test_incise_after_a_complete_clause_whose_heading_noun_the_parse_made_its_subject():
    found = records("Un retard causé par une légère baisse de la tension du réseau régional : "
                    "habituellement réglée sur 230 volts , elle est en ce moment de 229 "
                    "volts, explique un communiqué de l'Enerco, l'association regroupant les "
                    "principaux distributeurs d'électricité en Bretagne.")
    assert found and found[0][1].startswith("Un retard causé")


def test_subject_and_apposition_before_a_reporting_verb_make_no_incise():
    assert records("Le maire, ancien médecin, accuse le préfet.") == []


# --- "selon/d'après" + a collective body, a service or a medium -------------------------


def test_selon_a_company_after_the_clause():
    found = records("Le ferry transportait deux cents passagers selon la compagnie.")
    assert ("indirect", "Le ferry transportait deux cents passagers", "la compagnie") in found


def test_d_apres_the_rescue_services_heading_the_sentence():
    found = records("D'après les secours arrivés sur place, aucun blessé n'est à déplorer.")
    assert [(k, t) for k, t, _ in found] == [("indirect", "aucun blessé n'est à déplorer")]


def test_selon_an_entourage_or_a_service_or_officials():
    found = records("Selon son entourage, la chanteuse se repose à la campagne.")
    assert ("indirect", "la chanteuse se repose à la campagne", "son entourage") in found
    found = records("La dépression a faibli, d'après les services météorologiques régionaux.")
    assert [(k, t) for k, t, _ in found] == [("indirect", "La dépression a faibli")]
    found = records("Selon plusieurs officiels, le cortège aurait quitté la ville.")
    assert ("indirect", "le cortège aurait quitté la ville", "plusieurs officiels") in found


def test_selon_a_yardstick_or_evidence_still_reports_nothing():
    assert records("Selon les premiers éléments, la panne viendrait d'un câble.") == []
    assert records("Les dossiers sont classés selon la procédure habituelle.") == []


# --- parse slips around the reporting verb ---------------------------------------------


def test_subject_hung_on_the_auxiliary_before_an_adverbial():
    found = records("Il avait d'ailleurs annoncé vouloir quitter le club.")
    assert ("indirect", "vouloir quitter le club", "Il") in found
    found = records("Elle avait d'ailleurs confirmé vouloir se représenter.")
    assert ("indirect", "vouloir se représenter", "Elle") in found
    found = records("Ils ont d'ailleurs affirmé qu'ils reviendraient au printemps.")
    assert ("indirect", "ils reviendraient au printemps", "Ils") in found


def test_a_multiword_name_after_a_does_not_block_the_que_clause():
    found = records("Le directeur a expliqué au New York Times que l'usine allait fermer.")
    assert ("indirect", "l'usine allait fermer", "Le directeur") in found
    found = records("La chanteuse a confié au Washington Post qu'elle quittait la scène.")
    assert ("indirect", "elle quittait la scène", "La chanteuse") in found
    found = records("Le patron a raconté à la Tribune de Genève que son entreprise recrutait.")
    assert ("indirect", "son entreprise recrutait", "Le patron") in found


def test_a_name_that_is_the_object_still_makes_que_a_relative():
    assert records("Le maire a présenté le projet Grand Paris Express que la région "
                   "finance.") == []



def test_a_name_after_a_fronted_adjunct_is_the_subject_the_parse_missed():
    found = records("Contrairement à ses adversaires, Jean Dupuis a affirmé que la dette "
                    "serait remboursée.")
    assert ("indirect", "la dette serait remboursée", "Jean Dupuis") in found
    found = records("Au terme de la réunion, la CGT a annoncé qu'elle appelait à la grève.")
    assert ("indirect", "elle appelait à la grève", "la CGT") in found
    found = records("Dans un entretien au Monde, Martine Leroux estime que le texte doit "
                    "être réécrit.")
    assert ("indirect", "le texte doit être réécrit", "Martine Leroux") in found


def test_selon_a_studio():
    found = records("Selon le studio, le film a attiré deux millions de spectateurs.")
    assert ("indirect", "le film a attiré deux millions de spectateurs", "le studio") in found


def test_the_subject_of_a_passive_accusation_is_no_speaker():
    assert records("Le sénateur est accusé d'avoir détourné des fonds publics.") == []
    assert records("La société Durand est quant à elle accusée d'avoir menti.") == []
    assert records("Le club a été accusé de truquer les matchs.") == []


def test_pour_an_ordinal_edition_names_no_source():
    assert records("Pour cette 12 e édition du festival, trente groupes se produiront.") == []
    assert records("Pour la 3 e saison consécutive, le club termine premier.") == []
    assert records("Pour sa 40 ème édition, la course change de parcours.") == []
    found = records("Pour Marc Petit, le festival a perdu son âme.")
    assert ("indirect", "le festival a perdu son âme", "Marc Petit") in found


# --- round 6: the scan from the verb to its "que" ---------------------------------------


def test_adverb_right_after_the_verb_is_the_verbs():
    found = records("Le quotidien régional affirme même que le maire a menti.")
    assert ("indirect", "le maire a menti", "Le quotidien régional") in found


def test_adverb_encore_after_the_verb_in_a_compound_tense():
    found = records("L'avocate a précisé encore qu'aucune plainte n'avait été déposée.")
    assert ("indirect", "aucune plainte n'avait été déposée", "L'avocate") in found


def test_adverb_bien_after_the_verb_with_an_indicative_clause():
    found = records("La direction rappelle bien que les horaires resteront inchangés.")
    assert ("indirect", "les horaires resteront inchangés", "La direction") in found


def test_adverb_toujours_after_the_verb():
    found = records("Le syndicat répète toujours que la fusion coûtera des emplois.")
    assert ("indirect", "la fusion coûtera des emplois", "Le syndicat") in found


def test_concessive_bien_que_with_a_subjunctive_stays_a_conjunction():
    found = records("Le club a confirmé bien que la saison soit finie.")
    assert not any(text.startswith("la saison") for _, text, _ in found)


def test_de_meme_que_stays_a_conjunction():
    found = records("Le maire a démissionné de même que son adjoint l'avait fait.")
    assert found == []


def test_adverb_between_auxiliary_and_participle():
    found = records("Elle a aussi estimé que le budget était insuffisant.")
    assert ("indirect", "le budget était insuffisant", "Elle") in found
    found = records("Les élus avaient plus tard reconnu que la route était dangereuse.")
    assert ("indirect", "la route était dangereuse", "Les élus") in found


def test_comparison_with_a_participle_is_no_report():
    assert records("Les travaux sont aussi avancés que prévu.") == []


def test_capitalised_name_word_tagged_verb_before_que():
    found = records("La ministre a annoncé sur France Inter que la réforme serait reportée.")
    assert ("indirect", "la réforme serait reportée", "La ministre") in found
    found = records("Le patron a confié à Radio Classique qu'il quitterait l'entreprise.")
    assert ("indirect", "il quitterait l'entreprise", "Le patron") in found


def test_participle_modifying_a_noun_between_verb_and_que():
    found = records("Le chef rebelle a démenti dans une vidéo publiée jeudi que ses hommes "
                    "aient attaqué le village.")
    assert ("indirect", "ses hommes aient attaqué le village", "Le chef rebelle") in found
    found = records("Le maire a déclaré lors d'une réunion tenue à Lyon que le pont "
                    "rouvrirait.")
    assert ("indirect", "le pont rouvrirait", "Le maire") in found


def test_part_of_the_day_between_verb_and_que():
    found = records("L'armée annonce cet après-midi que deux soldats ont été blessés.")
    assert ("indirect", "deux soldats ont été blessés", "L'armée") in found
    found = records("Le club a indiqué en fin de matinée que le match était reporté.")
    assert ("indirect", "le match était reporté", "Le club") in found


def test_gerund_set_off_by_commas_between_verb_and_que():
    found = records("Le sénateur a annoncé mardi, en retenant ses larmes, qu'il quittait la "
                    "vie politique.")
    assert ("indirect", "il quittait la vie politique", "Le sénateur") in found
    found = records("La ministre a reconnu, en soupirant, qu'elle s'était trompée.")
    assert ("indirect", "elle s'était trompée", "La ministre") in found


def test_long_adjunct_before_a_comma_que():
    found = records("La fédération et son président ont annoncé lors d'une conférence de presse "
                    "ce jeudi à Lille, en présence des élus de la ville et du département, que "
                    "la finale se jouerait au stade Pierre-Mauroy.")
    assert any(kind == "indirect" and text == "la finale se jouerait au stade Pierre-Mauroy"
               for kind, text, _ in found)


# --- round 6: subjects the parse lost ---------------------------------------------------


def test_name_and_apposition_after_a_fronted_time():
    found = records("Vers 9h30, Paul Lemaire, porte-parole des « Amis du canal », estime que "
                    "le projet doit être revu.")
    assert any(text.startswith("le projet doit être revu") and speaker
               for _, text, speaker in found)
    found = records("Vers 18h, Anne Morel, maire de Bourg, annonce que l'école rouvrira lundi.")
    assert ("indirect", "l'école rouvrira lundi", "Anne Morel") in found


def test_role_then_apposed_name_before_a_verb_read_as_noun():
    found = records("L'entraîneur lyonnais, Marc Gilles, juge que la défaite doit servir de "
                    "leçon.")
    assert any(text.startswith("la défaite doit servir") and speaker == "Marc Gilles"
               for _, text, speaker in found)


def test_trailing_participle_reports_for_the_main_subject():
    found = records("Il conteste ces accusations, qu'il juge « infondées », affirmant qu'il n'y "
                    "avait aucun doute.")
    assert any(text == "il n'y avait aucun doute" and speaker is not None
               for _, text, speaker in found)
    found = records("La directrice a quitté la réunion, expliquant que le budget était bouclé.")
    assert ("indirect", "le budget était bouclé", "La directrice") in found


def test_narrative_infinitive_with_a_stressed_pronoun():
    found = records("Les syndicats, eux, d'ajouter que la grève continuera.")
    assert ("indirect", "la grève continuera", "Les syndicats") in found
    found = records("Et le maire de répondre que la piscine restera fermée.")
    assert ("indirect", "la piscine restera fermée", "le maire") in found
    found = records("Et la ministre d'assurer que les crédits seront maintenus.")
    assert ("indirect", "les crédits seront maintenus", "la ministre") in found


def test_programme_named_in_marks_as_subject():
    found = records("« Envoyé spécial » a affirmé que le contrat avait été signé en secret.")
    assert any(text == "le contrat avait été signé en secret" and speaker
               for _, text, speaker in found)
    found = records("« Libération » a révélé que deux ministres étaient visés.")
    assert any(text == "deux ministres étaient visés" and speaker for _, text, speaker in found)


def test_programme_closing_an_unmarked_incise():
    found = records("Le ministre aurait employé ses deux fils comme assistants, a révélé lundi "
                    "l'émission de France 2 « Cash Investigation ».")
    assert any(kind == "indirect" and text.startswith("Le ministre aurait employé")
               for kind, text, _ in found)


# --- round 6: more of the scan and the clause ------------------------------------------


def test_tout_de_meme_after_the_verb():
    found = records("L'agence, qui suit l'épidémie, affirme tout de même que le virus "
                    "circule encore.")
    assert ("indirect", "le virus circule encore", "L'agence") in found


def test_passive_clause_after_a_time_noun_is_no_relative():
    found = records("Il avait raconté pendant des décennies qu'il avait été arrêté à Lyon.")
    assert ("indirect", "il avait été arrêté à Lyon", "Il") in found
    found = records("La famille a répété durant des mois qu'elle avait été trompée par "
                    "l'agence.")
    assert any(text.startswith("elle avait été trompée") for _, text, _ in found)


def test_comma_et_que_coordinates_a_second_complement():
    found = records("Le maire a ajouté que les travaux dureront deux ans, et que le coût sera "
                    "élevé.")
    assert any(text == "les travaux dureront deux ans, et que le coût sera élevé"
               for _, text, _ in found)
    found = records("Elle a expliqué que la ligne fermera en mai, et que les bus la "
                    "remplaceront.")
    assert any(text.endswith("les bus la remplaceront") for _, text, _ in found)


def test_broadcaster_name_between_verb_and_que():
    found = records("Le député a déclaré sur France Info que l'enquête était close.")
    assert ("indirect", "l'enquête était close", "Le député") in found
    found = records("La ministre a affirmé sur Europe Soir que le budget serait voté.")
    assert any(text == "le budget serait voté" for _, text, _ in found)


def test_faire_savoir_with_faire_read_as_a_noun():
    found = records("Par ailleurs, Nintendo, qui possède des parts dans la société, fait savoir "
                    "que les ventes explosent.")
    assert ("indirect", "les ventes explosent", "Nintendo") in found
    found = records("La mairie, qui gère le site, fait valoir que les travaux sont terminés.")
    assert any(text == "les travaux sont terminés" for _, text, _ in found)


def test_stance_adverbial_before_an_infinitive():
    found = records("Le gouvernement a annoncé de son côté cesser toute collaboration avec "
                    "l'agence.")
    assert ("indirect", "cesser toute collaboration avec l'agence", "Le gouvernement") in found
    found = records("La direction affirme pour sa part avoir respecté la loi.")
    assert ("indirect", "avoir respecté la loi", "La direction") in found


def test_directive_object_with_a_noun_complement():
    found = records("Le secrétaire général appelle le gouvernement du Burundi à reprendre le "
                    "dialogue.")
    assert ("indirect", "reprendre le dialogue", "Le secrétaire général") in found
    found = records("La ministre invite les habitants de la vallée à quitter leurs maisons.")
    assert ("indirect", "quitter leurs maisons", "La ministre") in found


def test_writing_verbs_with_a_que_clause():
    found = records("Le ministre a tweeté que la manifestation avait réuni 3000 personnes.")
    assert ("indirect", "la manifestation avait réuni 3000 personnes", "Le ministre") in found
    found = records("Dans sa lettre, l'évêque écrit que le diocèse vendra deux églises.")
    assert any(text == "le diocèse vendra deux églises" for _, text, _ in found)
    found = records("La chanteuse a twitté que sa tournée était annulée.")
    assert ("indirect", "sa tournée était annulée", "La chanteuse") in found


def test_writing_verbs_take_no_infinitive_report():
    assert records("Dans sa lettre, elle écrit vouloir partir.") == []


def test_verb_read_as_an_adjective_of_its_subject():
    found = records("La direction juge que la grève est illégale.")
    assert any(text == "la grève est illégale" and speaker and speaker.startswith("La direction")
               for _, text, speaker in found)
    found = records("La société juge que les prix sont trop bas.")
    assert any(text == "les prix sont trop bas" and speaker for _, text, speaker in found)


def test_adverbial_between_auxiliary_and_participle_hides_the_subject():
    found = records("La police a en outre précisé que deux suspects étaient en fuite.")
    assert ("indirect", "deux suspects étaient en fuite", "La police") in found
    found = records("L'avocat a par ailleurs souligné que son client était innocent.")
    assert ("indirect", "son client était innocent", "L'avocat") in found


def test_participle_set_off_by_commas_stops_before_the_main_verb():
    found = records("Le préfet, affirmant que la situation était calme, a levé le couvre-feu.")
    assert ("indirect", "la situation était calme", "Le préfet") in found
    found = records("La ministre, estimant que le texte était prêt, a convoqué les députés.")
    assert any(text == "le texte était prêt" for _, text, _ in found)


def test_connective_between_a_directive_and_its_object():
    found = records("Ses alliés pressent en effet les rebelles à quitter la ville.")
    assert any(text == "quitter la ville" for _, text, _ in found)
    found = records("Le syndicat invite par ailleurs les salariés à rejoindre le cortège.")
    assert ("indirect", "rejoindre le cortège", "Le syndicat") in found


def test_report_by_a_named_third_party_inside_quoted_words():
    found = records("« Le suspect a dit qu'il avait paniqué et qu'il avait fui » , a indiqué le "
                    "procureur.")
    assert any(kind == "indirect" and text.startswith("il avait paniqué") and speaker == "Le suspect"
               for kind, text, speaker in found)
    found = records("« La voisine a expliqué qu'elle avait entendu des cris » , raconte le "
                    "policier.")
    assert any(kind == "indirect" and text == "elle avait entendu des cris"
               for kind, text, _ in found)


def test_terms_of_an_agreement_are_no_source():
    assert records("Selon les termes du contrat, le club peut rompre l'accord en juin.") == []
    assert records("Selon les termes de la convention, chaque pays paiera sa part.") == []


def test_results_passed_on_by_their_issuer():
    found = records("Selon les chiffres communiqués par le ministère, le chômage a baissé.")
    assert ("indirect", "le chômage a baissé", "le ministère") in found
    found = records("Selon les résultats transmis par la commission électorale, le sortant "
                    "est réélu.")
    assert any(text == "le sortant est réélu" for _, text, _ in found)


def test_abstract_subject_of_another_verb_inside_quoted_words_is_no_speaker():
    found = records("Le ministre avait précisé que « La franchise m'oblige à vous dire que je "
                    "ne partirai pas » .")
    assert not any(speaker == "La franchise" for _, _, speaker in found)


def test_ainsi_que_with_an_inverted_subject_vouches_for_the_clause():
    found = records("La ligne fermera en mai, ainsi que l'a annoncé la direction.")
    assert ("indirect", "La ligne fermera en mai", "la direction") in found
    found = records("Le festival est annulé, ainsi que l'a confirmé le maire.")
    assert ("indirect", "Le festival est annulé", "le maire") in found


def test_participle_on_a_heading_source_is_no_part_of_the_clause():
    found = records("D'après le maire, interrogé par la radio locale, le pont sera reconstruit.")
    assert ("indirect", "le pont sera reconstruit", "le maire") in found
    found = records("Selon la préfète, citée par le quotidien, trois routes restent coupées.")
    assert any(text == "trois routes restent coupées" for _, text, _ in found)
    found = records("Selon le maire, à Paris, la situation est calme.")
    assert any(text.endswith("la situation est calme") for _, text, _ in found)


def test_relative_set_off_by_commas_stops_before_the_main_predicate():
    found = records("Le maire, qui a affirmé que le pont serait reconstruit, a quitté la salle.")
    assert any(text == "le pont serait reconstruit" for _, text, _ in found)
    found = records("La ministre, qui a rappelé que la loi était votée, est ensuite partie.")
    assert any(text == "la loi était votée" for _, text, _ in found)


# --- round 6: the way to an infinitive --------------------------------------------------


def test_subject_after_a_fronted_adjunct_lost_by_the_parse():
    found = records("Deux ans après la première alerte de Paul Martin , des chercheurs de "
                    "l'institut Pasteur ont annoncé avoir isolé le virus.")
    assert any(text == "avoir isolé le virus" and speaker for _, text, speaker in found)


def test_indirect_object_with_a_noun_complement_before_de_infinitive():
    found = records("La préfecture a de surcroît demandé aux habitants de la vallée d'éviter "
                    "les routes.")
    assert any(text == "éviter les routes" for _, text, _ in found)
    found = records("Le maire a demandé aux riverains du canal de fermer leurs volets.")
    assert ("indirect", "fermer leurs volets", "Le maire") in found


def test_part_of_a_month_before_an_infinitive():
    found = records("Le groupe a affirmé fin janvier avoir accepté un contrôle fiscal.")
    assert ("indirect", "avoir accepté un contrôle fiscal", "Le groupe") in found
    found = records("La ministre a annoncé début mars vouloir réformer le code.")
    assert any(text == "vouloir réformer le code" for _, text, _ in found)


def test_parenthetical_adverbial_between_auxiliary_and_participle():
    found = records("L'opérateur Orange a, à son tour, menacé de couper le signal.")
    assert any(text == "couper le signal" and speaker for _, text, speaker in found)
    found = records("Le syndicat a, de son côté, annoncé vouloir porter plainte.")
    assert any(text == "vouloir porter plainte" and speaker for _, text, speaker in found)


def test_medium_before_a_call_to_act():
    found = records("Vers 18h, Paul Roux, porte-parole du collectif, appelle sur RTL à "
                    "manifester samedi.")
    assert any(text == "manifester samedi" for _, text, _ in found)
    found = records("Le militant a appelé sur Facebook les habitants à bloquer le rond-point.")
    assert ("indirect", "bloquer le rond-point", "Le militant") in found


def test_misspelled_double_consonant_participle():
    found = records("Le syndicat a appellé les salariés à cesser le travail.")
    assert ("indirect", "cesser le travail", "Le syndicat") in found


def test_direct_object_after_the_indirect_one_makes_no_report():
    found = records("Le tribunal a garanti à tout salarié de la firme le droit de contester "
                    "son licenciement.")
    assert not any(text.startswith("contester") for _, text, _ in found)


def test_year_and_set_adverbials_before_an_infinitive():
    found = records("Le bilan est lourd, le maire promettant dès 2015 de rénover les écoles.")
    assert any(text == "rénover les écoles" for _, text, _ in found)
    found = records("Le coureur pense du même coup avoir gardé son titre.")
    assert ("indirect", "avoir gardé son titre", "Le coureur") in found
    found = records("La ministre a annoncé une nouvelle fois vouloir fermer la centrale.")
    assert any(text == "vouloir fermer la centrale" for _, text, _ in found)


def test_a_people_as_subject_behind_adverbs():
    found = records("Les Tchèques ont eux aussi souvent accusé les Slovaques de fermer la "
                    "frontière.")
    assert any(text == "fermer la frontière" and speaker for _, text, speaker in found)


def test_the_fact_stated_after_the_verb():
    found = records("La CGT dénonce le fait que les salaires stagnent.")
    assert ("indirect", "les salaires stagnent", "La CGT") in found
    found = records("Le président insiste sur le fait que la réforme est nécessaire.")
    assert ("indirect", "la réforme est nécessaire", "Le président") in found
    found = records("L'ONG alerte notamment sur le fait que des enfants sont enrôlés.")
    assert ("indirect", "des enfants sont enrôlés", "L'ONG") in found


def test_mention_stops_before_a_verb_read_as_its_adjective():
    found = records("Le syndicat juge que les salaires sont trop bas.")
    assert ("indirect", "les salaires sont trop bas", "Le syndicat") in found


def test_refusal_to_say_is_no_report():
    assert records("Le porte-parole a refusé de confirmer que le ministre démissionnerait.") == []
    assert records("La ministre s'est gardée de dire que la réforme échouerait.") == []
    assert records("Le club a évité de commenter la décision de l'arbitre.") == []


def test_document_under_a_preposition_before_que():
    found = records("La commission estime dans son rapport que la police a failli.")
    assert ("indirect", "la police a failli", "La commission") in found
    found = records("Le parquet a indiqué dans un communiqué que l'enquête avançait.")
    assert ("indirect", "l'enquête avançait", "Le parquet") in found



def test_relative_on_a_document_with_a_later_que_is_no_report_of_the_relative():
    found = records("Le ministre a expliqué dans la lettre qu'il a envoyée que le budget "
                    "baisserait.")
    assert not any(text.startswith("il a envoyée") for _, text, _ in found)


def test_l_on_is_nobody_in_particular():
    found = records("Le médecin affirme que le virus circule encore même si l'on peut estimer "
                    "que l'épidémie recule.")
    assert not any(speaker in ("l'", "l'on", "on") for _, _, speaker in found)


def test_unmarked_list_after_a_noun_object_and_a_colon_is_no_report():
    found = records("Le porte-parole confirme la suppression du cinquième thème : fiscalité, "
                    "écologie et démocratie.")
    assert not any(text.startswith("fiscalité") for _, text, _ in found)
    found = records("La ministre a présenté ses vœux : la France doit rester unie.")
    assert any(text == "la France doit rester unie" for _, text, _ in found)


def test_story_told_after_a_colon_is_reported():
    found = records("En mai, le suspect avait raconté une histoire différente : il était resté "
                    "chez lui toute la soirée.")
    assert any(text.startswith("il était resté chez lui") for _, text, _ in found)


def test_coordinated_verb_shares_a_subject_found_by_the_fallbacks():
    found = records("La police a en outre précisé l'heure du drame et ajouté que deux suspects "
                    "étaient en fuite.")
    assert ("indirect", "deux suspects étaient en fuite", "La police") in found


def test_name_before_its_apposed_role_speaks():
    found = records("Laurent Roux, le porte-parole du syndicat, a estimé que la grève durerait.")
    assert ("indirect", "la grève durerait", "Laurent Roux") in found
    found = records("Vers 9h30, Paul Lemaire, porte-parole des « Amis du canal », estime que le "
                    "projet doit être revu.")
    assert any(text.startswith("le projet doit être revu") and speaker == "Paul Lemaire"
               for _, text, speaker in found)


def test_name_apposed_to_a_role_speaks():
    found = records("Le porte-parole de la police, Jean Martin, affirme que trois personnes ont "
                    "été arrêtées.")
    assert ("indirect", "trois personnes ont été arrêtées", "Jean Martin") in found


RAJOUTER_CASES = [
    ("Le ministre a parlé longtemps aux journalistes. Il rajoute : « Nous ne céderons pas. »",
     "le ministre"),
    ("La maire rajoute que les travaux dureront encore deux mois.", "la maire"),
    ("« Rien n'est décidé », rajoute le porte-parole du syndicat.",
     "le porte-parole du syndicat"),
]


def test_rajouter_reports_like_ajouter():
    for text, speaker in RAJOUTER_CASES:
        found = quotes(text)
        assert len(found) == 1, text
        assert found[0].speaker.name == speaker, text


def test_pour_a_title_with_a_capitalised_article_attributes():
    # A paper's title the tagger reads as a common noun still credits the opinion.
    found = records("Pour Le Matin, il s'agit d'une « faute lourde du gouvernement ».")
    assert any(speaker == "Le Matin" and "faute lourde" in text for _, text, speaker in found)
    found = records("Selon les syndicats, le vote a lieu demain. Pour La Gazette, c'est "
                    "« un recul sans précédent ».")
    assert any(speaker == "La Gazette" and "recul" in text for _, text, speaker in found)
    found = records("Pour L'Écho du soir, ce budget reste « introuvable ».")
    assert any(speaker and speaker.startswith("L'Écho") for _, _, speaker in found)


def test_pour_a_lowercase_thing_is_no_source():
    assert records("Pour la saison prochaine, le club recrute trois joueurs.") == []
    assert records("Pour les vacances, la ville ouvre deux piscines.") == []


def test_report_after_a_fronted_adjunct_without_a_comma():
    # A prepositional phrase fronted without a comma does not hide the subject.
    found = records("Dans son discours la présidente affirme que la crise est terminée.")
    assert ("indirect", "la crise est terminée", "la présidente") in found
    found = records("Lors de la conférence le ministre a annoncé que les impôts baisseraient.")
    assert ("indirect", "les impôts baisseraient", "le ministre") in found
    found = records("Dans une lettre ouverte les maires expliquent que les routes sont "
                    "dangereuses.")
    assert any(text == "les routes sont dangereuses" and speaker == "les maires"
               for _, text, speaker in found)


def test_fronted_adjunct_without_a_comma_needs_a_speaker_after_it():
    # The noun phrase after the adjunct must name someone who can speak.
    assert records("Dans la vallée le brouillard annonce que l'hiver arrive.") == []
