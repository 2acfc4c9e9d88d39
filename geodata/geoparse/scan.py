"""Recognition, made fast: capitalised tokens found at C speed, names run on token by token, the gazetteer's
name index asked longest name first (exact, then a transliteration skeleton), feature words and locatives
beside a name read with case-insensitive twins on the lower-cased text. What the words mean is
``geodata.geoparse.lexicon``'s; what is kept, ``geodata.geoparse.rules``'.
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache

from geodata import caseless
from geodata.gazetteer.index import MEMO_MAX, Gazetteer
from geodata.gazetteer.normalize import normalize, strip_article
from geodata.geoparse.lexicon import (
    _CONNECTORS,
    _FEATURE_AFTER,
    _FEATURE_BEFORE,
    _LOCATIVE_BEFORE,
    _NAMED_FEATURE_BEFORE,
    _NOT_FUZZY,
    _UNNAMED_FEATURE_NEAR,
    UNIT_WORDS,
    _feature_class,
    _fuzzy_allowed,
)
from geodata.models import Place
from geodata.resolve import FEATURE_KINDS, Span

MAX_TEXT_CHARS = 5_000_000  # longer input is cut here (callers are told via len of the result, never a crash)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:['’‘`ʼ]\w+)*")  # "U.S." is one token
_POSSESSIVES = ("'s", "’s")  # cut off a token: "Syria's" is read as "Syria"
# The cue patterns' twins, for lower-cased text: same matches, faster.
_FEATURE_AFTER_TWIN = caseless.twin(_FEATURE_AFTER)
_FEATURE_BEFORE_TWIN = caseless.twin(_FEATURE_BEFORE)
_LOCATIVE_BEFORE_TWIN = caseless.twin(_LOCATIVE_BEFORE)
_UNNAMED_FEATURE_NEAR_TWIN = caseless.twin(_UNNAMED_FEATURE_NEAR)
# Either ends the window it is looked for in, and holds at most this many words: a feature word of two and its
# preposition ("naval base of"), a locative and "the". Only the window's last words are searched.
_CUE_WORDS = 3


# The next token of a name, group 1, read from the end of the one before: only spaces or hyphens may separate them
# (never a comma or full stop). One new line may end the gap: the full match of the gap this replaces ended in
# ``$``, which also matches before a final new line, and the names found stay the same.
_NEXT_TOKEN = re.compile(r"[ \t\u00a0]*[-‐‑–]?[ \t\u00a0]*\n?(" + _TOKEN.pattern + ")")
# A token starting with a capital (or any letter beyond ASCII), exactly as ``_TOKEN.finditer`` over the whole text
# would read it: it starts at a letter with no word character (or word character and apostrophe) before it, and
# runs as ``_TOKEN`` does ("U.S." whole). Only such tokens start a name, so the text is not cut into its thousand
# tokens: the few after each are read as a name runs on. The pattern opens with a character class, which re skips
# to at C speed: capitals and any character beyond ASCII (two ranges, tested twice as fast as the categories of
# "[^\W\d_a-z]"), the latter then checked to be a letter by a look-behind. It also reads the token after it (group
# 1, as ``_NEXT_TOKEN`` would; None when a mark comes first), in a look-ahead: that one is still read as a token of
# its own, and a name runs on without a second search.
_CAP_TOKEN = re.compile(r"[A-Z\x80-\U0010ffff](?<![\W\d_])(?<!\w\w)(?<!\w['’‘`ʼ]\w)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:['’‘`ʼ]\w+)*)"
                        f"(?:(?={_NEXT_TOKEN.pattern})|)")
# A French elided article before a capitalised word reads as capitalised: "Côte d'Ivoire", "Val d'Isère".
_ELIDED_CAP = re.compile(r"[dlDL]['’‘`ʼ][^\W\d_a-z]")


def _match(text: str, low: str | None, gaz: Gazetteer, key: str, start: int, end: int, fuzzy: bool) -> Span | None:
    """The span for ``key`` at [start, end) if the gazetteer knows it (with a feature word after it, if any).

    ``low``: ``caseless.lowered(text)``, for the feature word's twin pattern (None: the ``re.I`` one on ``text``)."""
    if fuzzy:
        cands = gaz.fuzzy_candidates(key)
        if not cands:
            return None  # a feature word after it would only steer the resolution of candidates
    else:
        cands = gaz.candidates(key) if key in gaz.names else []  # most keys tried are no name: no list built
    fm = _FEATURE_AFTER.match(text, end, end + 40) if low is None else _FEATURE_AFTER_TWIN.match(low, end, end + 40)
    if fm is None:
        return Span(start, end, key, cands, fuzzy=fuzzy) if cands else None
    fclass = _feature_class(fm.group("f"))
    if fclass == "state" and any(p.kind == "country" for p in cands):
        return Span(start, end, key, cands, fuzzy=fuzzy)  # "Mexico state media", "Syria state TV": the country
    full_cands: list[Place] = []
    feat_cands: list[Place] = []
    if not fuzzy:
        full = f"{key} {normalize(fm.group('f'))}"
        full_cands = gaz.candidates(full) or gaz.candidates(strip_article(full))
        feat_cands = [p for p in gaz.feature_candidates(key) + cands if p.kind in FEATURE_KINDS[fclass]]
    if full_cands or feat_cands:
        # "Cairo airport" is the full name of El Cairo Airport (Bolivia) too: the facilities named after the town
        # stay candidates beside it, and resolution weighs them (context, the town they are named after)
        merged = full_cands + [p for p in feat_cands if p not in full_cands]
        return Span(start, fm.end(), key, merged, fclass)
    if cands:
        return Span(start, end, key, cands, fclass, fuzzy=fuzzy)  # the feature only steers resolution
    return None


def _cues_before(text: str, low: str | None, start: int) -> tuple[str, bool]:
    """What the 60 characters before a name at ``start`` say: the feature class ("the port of") and whether it
    is a locative ("in", "near the", or a feature word). ``low``: ``caseless.lowered(text)``."""
    before = text[max(0, start - 60):start]
    # the lower-cased window, from the lower-cased text when there is one (lower-casing keeps every offset)
    low = caseless.lowered(before) if low is None else low[max(0, start - 60):start]
    # where the last _CUE_WORDS words of the window start (or before): no cue starts before them
    head = (before if low is None else low).rsplit(None, _CUE_WORDS)
    pos = len(head[0]) if len(head) > _CUE_WORDS else 0
    # The searches below read the window from ``pos`` on, and the character before it (a word boundary): what
    # they say is memoised on that text ("forces in the "), met before most names again and again.
    mkey = ((before if low is None else low)[pos - 1 if pos else 0:], pos == 0, low is None)
    got = _CUES.get(mkey)
    if got is None:
        if len(_CUES) >= MEMO_MAX:
            _CUES.clear()
        if low is None:
            bm, lm = _FEATURE_BEFORE.search(before, pos), _LOCATIVE_BEFORE.search(before, pos)
        else:
            bm, lm = _FEATURE_BEFORE_TWIN.search(low, pos), _LOCATIVE_BEFORE_TWIN.search(low, pos)
        got = _CUES[mkey] = (_feature_class(bm.group("f")) if bm else ""), bool(lm or bm)
    # "an airbase near Latakia": Latakia is the town the installation is near, a locative still (read on the whole
    # window, past the memo's words: rare, as feature words before a name are)
    if got[0] and (_UNNAMED_FEATURE_NEAR.search(before) if low is None else _UNNAMED_FEATURE_NEAR_TWIN.search(low)):
        return "", True
    return got


_CUES: dict[tuple[str, bool, bool], tuple[str, bool]] = {}  # _cues_before's memo


def _possessive(tok: str) -> bool:
    """"Syria's" ends a name (read as "Syria"); "People's" does not ("People's Republic of China")."""
    return tok.endswith(_POSSESSIVES) and not tok.startswith("People")


def _run(text: str, first: re.Match[str], max_tokens: int) -> tuple[int, list[int], list[bool], list[str]]:
    """The tokens a name starting at the capitalised token ``first`` may take: joined by spaces or hyphens only,
    each capitalised or a connector, at most ``max_tokens``; as (start, each token's end, whether it is
    capitalised, its normalised form). A possessive is cut off a token and ends the name ("Syria's Idlib")."""
    tok, end = first.group(), first.end()
    possessive = _possessive(tok)
    ends = [end - 2 if possessive else end]
    caps = [True]
    norms = [normalize(tok[:-2] if possessive else tok)]  # normalised only where a name may run (lru-cached)
    m: re.Match[str] | None = first  # group 1: the next token (``first`` read the one after it)
    while not possessive and len(ends) < max_tokens:
        if m is None or m.start(1) < 0:
            break  # a comma, full stop or other mark before the next token, or the end of the text
        tok, end = m.group(1), m.end(1)
        possessive = _possessive(tok)
        norm = normalize(tok[:-2] if possessive else tok)
        # a number after a capitalised word may be part of the name ("Air Base 201")
        cap = tok[:1].isupper() or _ELIDED_CAP.match(tok) is not None or tok.isdigit()
        if not (cap or norm in _CONNECTORS):
            break
        ends.append(end - 2 if possessive else end)
        caps.append(cap)
        norms.append(norm)
        m = _NEXT_TOKEN.match(text, end)
    return first.start(), ends, caps, norms


def _name_at(text: str, low: str | None, gaz: Gazetteer, first: re.Match[str],
             memo: dict | None = None) -> Span | None:
    """The longest gazetteer name starting at the capitalised token ``first`` (a ``_CAP_TOKEN`` match), if any.

    The same as ``_name_at_uncached``, through the gazetteer's memo of plans (``_plan``): the tokens a name may
    take and the names they give are read and looked up once per distinct run of words ("Bashar al-Assad"), not at
    each of its occurrences; only the feature word after each name tried is read from the text every time.
    ``memo``: ``_plans(gaz)``, when the caller has it already."""
    if memo is None:
        memo = _plans(gaz)
    return _replay(text, low, gaz, first.start(), _plan_at(text, first, gaz, memo)[0])


def _plan_at(text: str, first: re.Match[str], gaz: Gazetteer, memo: dict) -> tuple[tuple, str | None]:
    """``_plan(text, first, gaz)`` and ``_stem_key(gaz, first)`` through ``memo`` (``_plans(gaz)``): keyed by the
    run's words as ``_run`` reads them, and the word after them unless it cannot go on the run (``_tail``)."""
    start, end = first.start(), first.end()
    after = first.group(1)  # the next token, None when a mark comes first
    # most tokens are followed by a mark or by a token that cannot go on the run (``_NOT_ON_RUN``: ASCII lower-case
    # letters only, no connector), where ``_tail`` matches nothing: the run is the token alone, no need to match it
    if after is not None and not (after.isascii() and after.isalpha() and after.islower() and after not in _CONNECTORS):
        end = memo[_TAIL].match(text, end).end()
    mkey = (first.end() - start, text[start:end])
    got = memo.get(mkey)
    if got is None:
        got = memo[mkey] = _plan(text, first, gaz), _stem_key(gaz, first)  # (``_plans`` empties a full memo)
    return got


def _replay(text: str, low: str | None, gaz: Gazetteer, start: int, plan: tuple) -> Span | None:
    """The span of the first name of ``plan`` (``_plan``) that holds at ``start``, reading the feature word after
    each as ``_match`` does."""
    for rel_end, key, fuzzy, cands in plan:
        end = start + rel_end
        fm = _FEATURE_AFTER.match(text, end, end + 40) if low is None else _FEATURE_AFTER_TWIN.match(low, end, end + 40)
        if fm is None:  # as ``_match`` without a feature word after the name
            if cands:
                return Span(start, end, key, list(cands), fuzzy=fuzzy)
            continue
        found = _match(text, low, gaz, key, start, end, fuzzy)  # a feature word: ``_match`` reads it (rare)
        if found is not None:
            return found
    return None


# A token that cannot go on a name's run: lower-case ASCII letters only, not a connector (``_run`` reads no further).
_TOKEN_END = r"(?!\w|['’‘`ʼ]\w)"
_NOT_ON_RUN = (r"(?![a-z]+" + _TOKEN_END + r")" if not _CONNECTORS else
               r"(?!(?!(?:" + "|".join(map(re.escape, sorted(_CONNECTORS, key=lambda w: (-len(w), w)))) + ")"
               + _TOKEN_END + r")[a-z]+" + _TOKEN_END + r")")
# gazetteer -> the memo of ``_name_at``'s plans for that gazetteer: (first token's length, run text) -> (plan,
# the first token's stem key: ``_plan_at``)
_PLANS: weakref.WeakKeyDictionary[Gazetteer, dict] = weakref.WeakKeyDictionary()
_TAIL = 0  # the memo's entry for its gazetteer's ``_tail`` pattern (no plan's key is an int)


def _plans(gaz: Gazetteer) -> dict:
    memo = _PLANS.get(gaz)
    if memo is None or len(memo) >= MEMO_MAX:
        memo = _PLANS[gaz] = {_TAIL: _tail(gaz.max_tokens)}
    return memo


@lru_cache(maxsize=16)
def _tail(max_tokens: int) -> re.Pattern[str]:
    """From a first token's end, the tokens ``_run`` may read after it: at most ``max_tokens - 1``, each after the
    gap ``_NEXT_TOKEN`` allows, stopping before a token that cannot go on the run (``_NOT_ON_RUN``). ``_run`` reads
    nothing beyond what this matches but such a token, which ends a run whatever it is: its result (and so the plan
    of ``_name_at``) is a function of the first token's length and the text up to this match's end."""
    gap = _NEXT_TOKEN.pattern[:_NEXT_TOKEN.pattern.index("(")]
    return re.compile(f"(?:{gap}{_NOT_ON_RUN}(?:{_TOKEN.pattern})){{0,{max(0, max_tokens - 1)}}}")


def _plan(text: str, first: re.Match[str], gaz: Gazetteer) -> tuple[tuple[int, str, bool, tuple[Place, ...]], ...]:
    """The names ``_name_at_uncached`` would try at ``first``, in its order, as (end after the start, key, fuzzy,
    candidates). A spelling-variant lookup that finds nothing is left out (``_match`` returns None for it before
    reading the text); an exact key the gazetteer lacks stays, with no candidates (a feature word after it may
    still make a full name: "... airport")."""
    start, ends, caps, norms = _run(text, first, gaz.max_tokens)
    out = []
    for j in range(len(ends), 0, -1):
        if j > 1 and not caps[j - 1]:
            continue
        words = norms[:j]
        key = " ".join(words)
        if not key:
            continue
        cands = tuple(gaz.candidates(key)) if key in gaz.names else ()
        if cands or _may_take_feature(gaz, key):
            out.append((ends[j - 1] - start, key, False, cands))
        if (2 <= j <= 3 and words[-1] not in UNIT_WORDS and _fuzzy_allowed(words)
                and (cands := tuple(gaz.fuzzy_candidates(key)))):
            out.append((ends[j - 1] - start, key, True, cands))
    if norms[0] and norms[0] not in _NOT_FUZZY and (cands := tuple(gaz.fuzzy_candidates(norms[0]))):
        out.append((ends[0] - start, norms[0], True, cands))
    return tuple(out)


def _may_take_feature(gaz: Gazetteer, key: str) -> bool:
    """Whether a feature word after ``key``, a key the gazetteer lacks, could make ``_match`` find a place: a
    facility of that name, or a name that runs on from it, as is or without its article ("... airport"). When
    not, the plan leaves the key out (``_match`` would return None whatever word came after it)."""
    if key in gaz.feature_names:
        return True
    keys = gaz.names.keys_list  # sorted
    for prefix in {key + " ", strip_article(key + " x")[:-1]}:  # the full name's start, as is and stripped
        i = bisect.bisect_left(keys, prefix)
        if i < len(keys) and keys[i].startswith(prefix):
            return True
    return False


def _name_at_uncached(text: str, low: str | None, gaz: Gazetteer, first: re.Match[str]) -> Span | None:
    """``_name_at`` read afresh (what its plans are checked against)."""
    start, ends, caps, norms = _run(text, first, gaz.max_tokens)
    # Longest first; a multi-word spelling variant ("Tal Rifaat" ~ "Tall Rif'at", at most three words) beats a
    # shorter exact name ("Tal"), and a one-word variant is tried only when no exact name starts here.
    for j in range(len(ends), 0, -1):
        if j > 1 and not caps[j - 1]:
            continue  # a name does not end on a connector
        words = norms[:j]
        key = " ".join(words)
        if not key:
            continue
        found = _match(text, low, gaz, key, start, ends[j - 1], False)
        # no spelling variant ending on a feature word: "Donetsk Oblast" is Donetsk + "oblast", not "Donetska oblast"
        if found is None and 2 <= j <= 3 and words[-1] not in UNIT_WORDS and _fuzzy_allowed(words):
            found = _match(text, low, gaz, key, start, ends[j - 1], True)
        if found is not None:
            return found
    if norms[0] and norms[0] not in _NOT_FUZZY:  # _fuzzy_allowed of the one word, asked of most capitalised words
        return _match(text, low, gaz, norms[0], start, ends[0], True)
    return None


def _stem_key(gaz: Gazetteer, first: re.Match[str]) -> str | None:
    """The key of the capitalised token ``first`` when it is a facility's stem (``gaz.feature_names``), else None."""
    tok = first.group()
    key = normalize(tok[:-2] if _possessive(tok) else tok)
    return key if key in gaz.feature_names else None


def _stem_after_feature(text: str, low: str | None, gaz: Gazetteer, first: re.Match[str], key: str) -> Span | None:
    """A facility's bare stem after a feature word before it ("the air base at Dyagilevo", "the airfield near
    Shaykovka"): a word that is no name, only a facility's stem (``key``, ``_stem_key``), which otherwise matches
    before a feature word."""
    feature, _ = _cues_before(text, low, first.start())
    kinds = FEATURE_KINDS.get(feature) if feature else None
    cands = [p for p in gaz.feature_candidates(key) if p.kind in kinds] if kinds else []
    return Span(first.start(), first.end() - (2 if _possessive(first.group()) else 0), key, cands, feature) if cands else None


def recognise(text: str, gaz: Gazetteer) -> list[Span]:
    """Candidate spans: the longest gazetteer name starting at each capitalised token."""
    text = text[:MAX_TEXT_CHARS]
    low = caseless.lowered(text)
    spans: list[Span] = []
    resume = 0  # where the last name found ends: no name starts inside it
    memo = _plans(gaz)
    for m in _CAP_TOKEN.finditer(text):
        start = m.start()
        if start < resume or not text[start].isupper():
            continue  # inside the last name, or a letter without case (or lower case beyond ASCII)
        plan, stem = _plan_at(text, m, gaz, memo)  # _name_at's, without a call to replay the many empty ones ("The")
        found = _replay(text, low, gaz, start, plan) if plan else None
        if found is None:
            found = _stem_after_feature(text, low, gaz, m, stem) if stem is not None else None
            if found is not None:
                found.locative = True
                spans.append(found)
                resume = found.end
            continue
        feature, locative = _cues_before(text, low, found.start)
        if feature and not found.feature and not _NAMED_FEATURE_BEFORE.search(text, max(0, found.start - 30), found.start):
            found.feature = feature
        found.locative = locative
        spans.append(found)
        resume = found.end
    return spans


