"""Sentence and clause splitting (geodata/events/sentences.py)."""

from geodata.events.sentences import clauses, sentences


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_sentences_split_at_full_stops_not_abbreviations():
    text = "Gen. Smith left on Jan. 3. The convoy followed."
    assert _texts(text, sentences(text)) == ["Gen. Smith left on Jan. 3.", "The convoy followed."]


def test_clauses_split_at_contrast_semicolon_and_a_new_subject():
    text = "Some units stayed in A, while others moved to B; a third group left C and the last convoy was sent to D."
    assert _texts(text, clauses(text, 0, len(text))) == [
        "Some units stayed in A", "others moved to B", "a third group left C", "the last convoy was sent to D."]


def test_a_sentence_with_one_clause_is_itself():
    text = "The troops left A and B on Monday."
    assert clauses(text, 0, len(text)) == [(0, len(text))]
