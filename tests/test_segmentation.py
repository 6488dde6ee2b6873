import recoupe


def analyse(text, id="t"):
    return recoupe.analyze({"id": id, "text": text})


def test_headline_is_its_own_sentence_even_without_punctuation():
    a = analyse("Le gouvernement annonce une réforme\nLe ministre a présenté le texte mardi. Il sera voté.")
    assert a.article.headline.text == "Le gouvernement annonce une réforme"
    assert a.sentences[0].text == "Le gouvernement annonce une réforme"
    assert a.sentences[1].text == "Le ministre a présenté le texte mardi."
    assert a.paragraphs[0].is_headline and not a.paragraphs[1].is_headline


def test_no_sentence_boundary_inside_a_quotation():
    a = analyse("Titre\n\nLe ministre a déclaré : « Nous partirons. Nous reviendrons. Rien ne change. » Il est parti.")
    texts = [s.text for s in a.sentences]
    assert "Le ministre a déclaré : « Nous partirons. Nous reviendrons. Rien ne change. »" in texts
    assert "Il est parti." in texts


def test_quotation_over_a_paragraph_break_is_one_sentence():
    a = analyse("Titre\n\nIl a dit : « Nous partirons demain.\nEt nous reviendrons. » Puis il est sorti.")
    assert any("partirons demain.\nEt nous reviendrons." in s.text for s in a.sentences)


def test_dialogue_dash_opens_a_new_turn():
    a = analyse("Titre\n\n— Tu viens ?\n— Oui, j'arrive.")
    assert [s.text for s in a.sentences[1:]] == ["— Tu viens ?", "— Oui, j'arrive."]


def test_credit_line_is_recognised_not_body(desertion):
    assert desertion.article.credit.text == "Source : Express.co.uk"
    assert desertion.article.credited_source == "Express.co.uk"
    credit_paragraphs = [p for p in desertion.paragraphs if p.is_credit]
    assert [p.text for p in credit_paragraphs] == ["Source : Express.co.uk"]


def test_agency_credits():
    for line, name in [("(AFP)", "AFP"), ("Avec Reuters", "Reuters"), ("Source : Le Monde", "Le Monde")]:
        a = analyse(f"Titre\n\nUn texte de corps assez long pour être un article.\n{line}")
        assert a.article.credited_source == name, line
    a = analyse("Titre\n\nPARIS (AFP) - Le gouvernement a annoncé mardi une réforme.")
    assert a.article.credit.text == "(AFP)" and a.article.credited_source == "AFP"


def test_every_span_points_into_the_text(desertion):
    text = desertion.text
    spans = list(desertion.paragraphs) + list(desertion.sentences)
    spans += [m for e in desertion.entities for m in e.mentions]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_credit_name_stops_before_a_footnote():
    a = analyse("Titre\n\nUn texte de corps assez long pour être un article.\n"
                "Source : winterbiketoworkday.org [1] Dernière mise à jour : 7 février 2016 à 19:15 (UTC)")
    assert a.article.credited_source == "winterbiketoworkday.org"


def test_a_capital_after_a_finished_quotation_starts_a_sentence():
    a = analyse("Titre\n\nIl a dit : « Nous partirons demain. » Selon la police, rien ne bouge.")
    assert [s.text for s in a.sentences[1:]] == [
        "Il a dit : « Nous partirons demain. »", "Selon la police, rien ne bouge."]
    b = analyse("Titre\n\n« Nous partirons demain. », a-t-il dit.")
    assert [s.text for s in b.sentences[1:]] == ["« Nous partirons demain. », a-t-il dit."]
