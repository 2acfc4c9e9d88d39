"""Events from sentences: typed, dated, located claims with their evidence.

One job per module: ``sentences`` (sentence splitting), ``lexicon`` (the non-trigger lexicons and the actors),
``classify`` (types from the vocabulary's triggers, and status), ``roles`` (place roles, metonymy, a claim's
places), ``extract`` (``extract_events``), ``merge`` (``merge_events``). What other code imports is re-exported here.
"""

from geodata.events.classify import TRIGGERS, _status, _trigger_starts, classify_types
from geodata.events.extract import MAX_LEGS, event_id, extract_events
from geodata.events.lexicon import ACTORS, actors_in
from geodata.events.merge import merge_events
from geodata.events.roles import MAX_PLACES, is_metonym
from geodata.events.sentences import _ABBREVIATIONS, _SENT_END, MAX_SENTENCE, sentences
from geodata.vocabulary import KIND_SPECIFICITY, MOVEMENT_TYPES

__all__ = [
    "ACTORS", "KIND_SPECIFICITY", "MAX_LEGS", "MAX_PLACES", "MAX_SENTENCE", "MOVEMENT_TYPES", "TRIGGERS",
    "_ABBREVIATIONS", "_SENT_END", "_status", "_trigger_starts", "actors_in", "classify_types", "event_id",
    "extract_events", "is_metonym", "merge_events", "sentences",
]
