import random
import re

import pytest

from geodata import caseless, events
from geodata.events import lexicon

TEXTS = [
    "The Russian frigate left Tartus on Monday; warships withdrew from the base.",
    "Moscow said the Kremlin and Ankara agreed a ceasefire in Idlib province.",
    "withdrawn withdrew awithdrew with-drew pull them out, pullout 2,500 troops are still in Syria",
    "Türkiye's İstanbul, Straße and Kelvin \u212a; the ſhips left",
    "",
]


def _fuzz(n: int = 2000) -> list[str]:
    rnd = random.Random(7)
    alphabet = "abcdeflmnorstwy ABCDRSTW.,-'’\n0123456789éİſ\u212a"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


def _start(rx: re.Pattern[str], text: str, pos: int) -> int:
    m = rx.search(text, pos)
    return -1 if m is None else m.start()


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:ab|a(?:c|d)e)\b", 0),
    (r"\b(?:ab|a(?:c|d)e)\b", re.I),
    (r"(?:x|y)?z|\bq{2}", 0),
    (r"a|", 0),
    (r"\b(?:[a-c]x|b)|\b(?:\bfoo)", re.I),
    (r"(?:foo|bar)(?:baz|qux)|R(?:ussia|ussian)\b", 0),
    (r"\b(?:Russia|Kremlin|rebels?)\b", 0),
    (r"\b(?:s(?:hip|ea)s?|k\w+)\b", re.I),
    (r"\b(?:[\]a]b|c\[d|e\(f\)|g\\h)", 0),
])
def test_starts_only_matches_where_the_pattern_does(pattern, flags):
    rx = re.compile(pattern, flags)
    fast = caseless.starts_only(rx)
    for text in TEXTS + _fuzz():
        for pos in (0, 1, 3):
            assert _start(fast, text, pos) == _start(rx, text, pos), (pattern, text, pos, fast.pattern)


def test_starts_only_groups_alternatives_by_first_character():
    assert caseless.starts_only(re.compile(r"\b(?:Russia|Russian|Kremlin)\b")).pattern == (
        r"R(?<!\w.)(?:ussia\b|ussian\b)|K(?<!\w.)(?:remlin\b)")
    assert caseless.starts_only(re.compile(r"\b(?:left|leaves?)\b")).pattern == r"(?<!\w)(?:l(?:eft\b|eaves?\b))"


@pytest.mark.parametrize("pattern", [r"(a)b", r"(?i:ab)c", r"(?P<x>a)"])
def test_starts_only_leaves_what_it_cannot_rewrite(pattern):
    rx = re.compile(pattern)
    assert caseless.starts_only(rx) is rx


def test_every_lexicon_finds_where_it_searches():
    lexicons = [v for v in vars(lexicon).values() if isinstance(v, caseless.Lexicon)]
    assert len(lexicons) > 10
    sents = [s for t in TEXTS for s in (t, t.lower())] + _fuzz(500)
    for lex in lexicons:
        for text in sents:
            low = caseless.lowered(text)
            m = lex.search(text, low, 2)
            assert lex.find(text, low, 2) == (-1 if m is None else m.start()), (lex.rx.pattern[:40], text)


def test_trigger_starts_are_each_types_first_trigger():
    sents = TEXTS + [
        "The warships left Tartus and the troops withdrew to Hmeimim air base after talks in Moscow.",
        "Civilians were evacuated by air as the offensive continued; the deal was signed in Ankara.",
        "Russia has about 3,000 troops in Syria, where it keeps an air base.",
    ]
    for text in sents:
        low = caseless.lowered(text)
        starts = events._trigger_starts(text, low)
        for etype, rx in events.TRIGGERS:
            m = rx.search(text)
            assert starts.get(etype) == (None if m is None else m.start()), (etype, text)


@pytest.mark.parametrize("sources", [
    (r"\b(?:Russia|Kremlin)\b", r"\bships?\b", r"\b(?:left|leaves?)\b", r"r\w+"),
    (r"\b(?:ships?|boats?)\b", r"\b(?:left|leaves?|lé\w*)\b", r"\b(?:r\w+|Russia)"),  # all at a word boundary
])
def test_firsts_are_where_each_pattern_first_matches(sources):
    patterns = [re.compile(p) for p in sources]
    firsts = caseless.Firsts(patterns)
    for text in TEXTS + _fuzz() + ["«ships» left—“leaves” é-rain", "shipsleft ships", "Éships rx"]:
        for pos in (0, 1, 4):
            starts = [_start(rx, text, pos) for rx in patterns]
            assert firsts.firsts(text, pos) == {k: at for k, at in enumerate(starts) if at >= 0}, (text, pos)
            assert firsts.find(text, pos) == min((at for at in starts if at >= 0), default=-1)


def test_actors_are_those_whose_pattern_matches():
    for text in TEXTS + ["Putin met Erdogan in Ankara; rebels and the SDF left.", "U.S. forces and Iranian militias"]:
        assert events.actors_in(text) == tuple(name for name, rx in events.ACTORS if rx.search(text))


def test_lowered_only_when_no_character_beyond_ascii_has_case():
    rng = random.Random(11)
    texts = ["".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += TEXTS + ["a\ud800b", "x—“y” ‘z’", "Straße", "ſ", "\u212a", "١٢٣"]
    for text in texts:
        caseless_only = all(ch.lower() == ch == ch.upper() for ch in text if ord(ch) > 127)
        assert caseless.lowered(text) == (text.lower() if caseless_only else None), repr(text)
