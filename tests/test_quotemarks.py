from recoupe.pipeline.quotemarks import find_quote_regions


def contents(text):
    return [text[r.start:r.end] for r in find_quote_regions(text)]


def test_french_guillemets_with_and_without_inner_spaces():
    text = "Il a dit : « Nous partirons » puis «\u00a0demain\u00a0» et «ensuite»."
    assert contents(text) == ["Nous partirons", "demain", "ensuite"]


def test_incise_inside_a_quote_gives_two_regions():
    text = "« Nous », a-t-il dit, « partirons »."
    assert contents(text) == ["Nous", "partirons"]


def test_nested_quotes_are_both_found_with_depth():
    text = "Il dit : « Ils criaient “ Allah akbar ” en courant »."
    regions = find_quote_regions(text)
    assert [(text[r.start:r.end], r.depth) for r in regions] == [
        ("Ils criaient “ Allah akbar ” en courant", 0),
        ("Allah akbar", 1),
    ]


def test_straight_quotes_pair_by_context():
    text = 'Il a admis qu\'il y a des "problèmes d\'équipement" pour les troupes. Elle : " Oui ! "'
    assert contents(text) == ["problèmes d'équipement", "Oui !"]


def test_quote_reopened_on_next_paragraph_is_a_continuation():
    text = 'Le soldat confirme : "Oui, quoi d\'autre ?\n"Cinq jours sans dormir. "'
    regions = find_quote_regions(text)
    assert contents(text) == ["Oui, quoi d'autre ?", "Cinq jours sans dormir."]
    assert not regions[0].closed and regions[1].continues


def test_directional_quote_over_a_paragraph_break_is_kept_whole():
    text = "Il a dit : « Premier paragraphe.\nSecond paragraphe. » Fin."
    assert contents(text) == ["Premier paragraphe.\nSecond paragraphe."]


def test_unclosed_quote_stops_at_the_paragraph_end():
    text = "Il a dit : « jamais fermée\nAutre paragraphe sans guillemet."
    assert contents(text) == ["jamais fermée"]


def test_offsets_point_into_the_text():
    text = "Titre\n\n« Un » et “deux” et ‹ trois ›"
    for region in find_quote_regions(text):
        assert text[region.open] in "«“‹"
        assert text[region.close] in "»”›"
