"""The lexicons the extraction rules read besides the triggers: clause cues, place-role cues, status words, actors.

Data and patterns only (the triggers themselves come from the vocabulary, ``geodata/data/vocabulary.toml``).
The lexicons are matched through geodata.caseless: on a sentence's lower-cased text when it has no character
whose case re.I folds specially, with case-sensitive twins five times faster than re.I.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from geodata import caseless
from geodata.vocabulary import VOCABULARY


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.I)


# the words for armed forces, as the triggers of the vocabulary name them
_FORCES = VOCABULARY.fragment("forces")

_PEOPLE = r"(?:civilians|residents|families|refugees|diplomats|(?:embassy|diplomatic|consular|un|aid|humanitarian|medical|civilian) staff|wounded|nationals|citizens|evacuees)"

# Purpose and justification clauses say why, not what happened ("deployed police to Aleppo to monitor the
# evacuation", "struck targets in retaliation for an attack on its troops", "moved in, saying the army had
# abandoned its posts"): their words trigger no event and
# their places locate none. They run to the end of the clause.
_WHY = re.compile(r"\b(?:to (?:help )?(?:monitor|oversee|observe|support|secure|protect|guard|facilitate|assist|"
                  r"escort|ensure|prevent|deter|counter|fight|combat|fend off|back|supervise|verify|defend|avoid|evade)|"
                  r"(?:method|way|means) of avoiding|to (?:watch|look) out for|"
                  r"in (?:retaliation|response|revenge) (?:for|to)|"
                  r"(?:(?<!\w )|(?<=\bthat ))(?:if|unless|should the)(?= (?:the |a |an |any |its |their )?[\w-]+))\b[^,;:.]*"
                  r"|,\s+(?:saying|claiming|citing|arguing|alleging)\b[^,;:.]*", re.I)
_WHY_TWIN = caseless.twin(_WHY)
# People, not forces, on the move: leaving, being flown out or driven away is an evacuation.
_CIVILIANS = caseless.Lexicon(_rx(_PEOPLE))
_FORCE_WORDS = caseless.Lexicon(_rx(_FORCES.replace("(?:", "(?:jets|bombers|warships?|ships?|vessels?|frigates?|tanks|"
                                                    "troop|systems?|missiles?|batteries|drones?|equipment|weapons|armou?r|vehicles|hardware|army|navy|engineers|"
                                                    "battalions?|brigades?|divisions?|regiments?|paratroopers|mercenar(?:y|ies)|"
                                                    "instructors|trainers|peacekeepers|commandos|militiamen|submarines?|destroyers?|"
                                                    "carriers?|carrier (?:strike )?groups?|", 1)))
# (A conditional clause, "If the attacks start again, ...", is no happening either: "even if" and "asked if" aside.)
# The closing attribution (", the Defence Ministry in Moscow said.") names who spoke, not where it happened.
_ATTRIBUTION = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?[^,;:]{0,60}?\b(?:said|says|told|reported|announced|added|stated|"
                          r"according to)\b[^,;:]{0,40}$", re.I)
_ATTRIBUTION_TWIN = caseless.twin(_ATTRIBUTION)
# "Erbil, the capital of the Kurdistan region": the appositive describes the place named before it.
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:capital|city|town|village|province|region|part|port|"
                         r"heart|seat|centre|center|outskirts|suburb)\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_SINCE = re.compile(r"\b(?:since|until|till|by)\s+$", re.I)
# A base's future asserted by someone ("the bases will remain", "no final decisions") is a statement.
_FUTURE_OF_BASE = caseless.Lexicon(_rx(r"will|would|future|fate|remain|keep|retain|decision|discuss\w*|premature|too early"))
# Reported words about a named base's future are a statement, even when they mention the talks held about it.
_BASE_FUTURE = caseless.Lexicon(_rx(r"(?:future|fate|status) of\b[^.]{0,50}\b(?:bases?|facilit(?:y|ies)|military presence)"))
# Combat aircraft flying themselves ("the jets were flown to Syria") deploy; transport flights carry cargo.
_SELF_FLOWN = caseless.Lexicon(_rx(r"(?:aircraft|jets|warplanes|bombers|fighters|helicopters|drones|mig-\d+|su-\d+)\b[^.,;]{0,25}\bflown"))
_CARGO = caseless.Lexicon(_rx(r"cargo|transport (?:planes?|aircraft|flights?)|equipment|supplies|il-76|an-124|airlift\w*|by air"))
# A relative clause asserting a presence ("where it has kept a base", "which the army has used as a garrison").
_PRESENCE_CLAUSE = caseless.Lexicon(_rx(r"(?:where|which) (?:[\w-]+ ){0,2}(?:has |have |had )?(?:kept|keeps|maintained|maintains|"
                                        r"operated|operates|stationed|used|uses) (?:[\w-]+ ){0,3}(?:bases?|garrison|troops|forces)"))
_SPEECH = caseless.Lexicon(_rx(r"said|says|told|stated|statement|announced|reported|according to"))

_ORIGIN_WORDS = re.compile(r"\b(?:from|out of|left|leaving|leave|leaves|departed|departing|departs)\b", re.I)
_DEST_WORDS = re.compile(r"\b(?:to|towards|toward|into|for|reached|bound for|headed for|"
                         r"(?:dock|land|berth|anchor)(?:ed|ing|s)? (?:at|in|off)|arriv(?:e|ed|es|ing) (?:at|in|off)|"
                         r"ent(?:ered|ering|ers))\b", re.I)
# "to" opening an infinitive whose own phrase holds the place ("to call at the port", "to take a route over
# the sea") marks no destination: a lower-case word that is no determiner, adjective or plural noun ("to
# airports in Russia", "to military bases in X" are destinations), then a locative preposition.
_INFINITIVE_TO = re.compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|all|both|other|"
                            r"northern|southern|eastern|western|central|north|south|east|west|coastal|neighbouring|"
                            r"neighboring|nearby|military|naval|air|army|established|existing|several|new|two|three|"
                            r"some|various)\b)(?![a-z]*[^s\W]s\b)(?-i:[a-z])\w*\b.*\b(?:at|over|in|on|near|off|across|around|through)\b", re.I)
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\s+(?!then\b)[^,;:]{0,40}$", re.I)
_CLAUSE_BREAK = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)  # a relative clause: its cues are not the journey's
# A contrasting clause starts a journey of its own ("part will move to A while others return to B"): cues before it
# give no role to a place after it, cues after it do.
_CONTRAST = re.compile(r"\b(?:while|whereas|but)\b|[;:]|,\s+(?:and\s+)?(?:others|the rest|some|most|many)\b|"
                       r"\band\s+(?:also\s+|later\s+)?(?:sent|deployed|dispatched|flew|shipped|redeployed|relocated)\b", re.I)
_ROLE_CUES_TWINS = (caseless.twin(_CLAUSE_BREAK), caseless.twin(_ORIGIN_WORDS), caseless.twin(_DEST_WORDS),
                    caseless.twin(_CONTRAST))
# Going home: the doer's own country is the destination ("the troops returned home").
_HOME = caseless.Lexicon(_rx(r"(?:return\w*|went|gone|go|going|head\w*|sent|flown|brought|travel\w*|back) home|repatriat\w+"))
# A leg that goes on from where the last one ended ("The troops will then travel back to France").
_THEN = caseless.Lexicon(_rx(r"then|from there|onward|onwards"))
# A reporting verb's place is where it was said, not where it happened ("the minister said in Ankara").
# (the place's own name in parentheses after it too: "a correspondent reporting from Western Kurdistan (Rojava)")
_SAID_AT = re.compile(r"\b(?:said|says|told|announced|stated|speaking|spoke|reported|reporting|added|wrote|writing|"
                      r"briefing|news conference|press conference)\s+(?:[\w-]+\s+){0,3}?(?:in|from|at)\s+(?:the\s+)?"
                      r"(?:(?:[\w'’-]+\s+){1,3}\(\s*)?$", re.I)
# Metonymy: "Moscow views", "Moscow's ally", "Ankara said": the capital stands for its government.
_METONYM_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:(?-i:[a-z]+ly)\s+)?(?:moved|sent|deployed|withdrew|pulled|launched|invaded|invades|began|ordered|said|says|say|views?|viewed|made|makes|(?:has|had|have|is|was|were)(?!\s+(?:been\s+|being\s+)?(?:[a-z]+ly\s+)?(?:hit|struck|attacked|shelled|bombed|captured|seized|taken|retaken|recaptured|surrounded|besieged|targeted|evacuated|abandoned|vacated|handed|damaged|destroyed|occupied|encircled|liberated|overrun|cut off)\b)|will|would|wants?|wanted|asked|"
    r"asks|agreed|denied|insists?|insisted|warned|claims?|claimed|accused|granted|hopes?|seeks?|sought|supports?)\b)",
    re.I,
)
# (A place that "was hit", "was captured" is where it happened, not an agent.)
# A metonym is an agent, never the object of a preposition ("the evacuation of Aleppo would continue").
_PREP_BEFORE = re.compile(r"\b(?:of|in|at|from|to|into|near|for|on|over|across|around|towards?|via|through)\s+(?:the\s+)?$", re.I)
# "deployed to Poland, Romania and Germany to demonstrate": the last of names listed after a preposition is its object too
_PREP_LIST_BEFORE = re.compile(r"\b(?:of|in|at|from|to|into|near|for|on|over|across|around|towards?|via|through)\s+(?:the\s+)?"
                               r"(?:(?-i:[A-Z])[\w'’.-]*\s*){1,4}(?:,\s*(?:(?-i:[A-Z])[\w'’.-]*\s*){1,4})*,?\s*(?:and|or)\s+$", re.I)
# "urged Ankara to close", "want Russia to keep": the capital or country as the agent of an infinitive.
_AGENT_OF_INFINITIVE = re.compile(r"^\s+to\s+(?:(?-i:[a-z])\w+)\s+(?!(?-i:[A-Z]))", re.I)
_ADJECTIVAL = re.compile(r"^-(?:controlled|held|backed|led|based|occupied|allied|supported|run)\b", re.I)
# "surprised Moscow", "warned Washington", "accused Kyiv of": a government as the object of words, feelings or pressure.
_METONYM_OBJECT = re.compile(r"\b(?:surprised|angered|alarmed|irritated|warned|urged|accused|told|pressed|pressured|"
                             r"critici[sz]ed|condemned|blamed|thanked|praised|reassured|informed|notified|asked|"
                             r"called on|appealed to|lobbied|courted|snubbed|rebuked)\s+$", re.I)
# A non-restrictive relative clause (", which had travelled from Bamako,"): background to the claim, not its place.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*(?:,|$)", re.I)

_PLANNED = caseless.Lexicon(_rx(r"will|would|plans?|planned|planning|intends?|to be (?:moved|sent|withdrawn|evacuated|transported)|are to|seeks?|seeking|expected to|requested|asked"))
_DENIED = caseless.Lexicon(_rx(r"denied|denies|not currently|did not|does not|no plans|was not|were not|is not|are not|no final decisions"))
_ONGOING = caseless.Lexicon(_rx(r"is \w+ing|are \w+ing|was \w+ing|were \w+ing|continu\w+|ongoing|underway"))
_COMPLETED = caseless.Lexicon(_rx(r"withdrew|left|evacuated|departed|sailed|arrived|returned|traveled|travelled|moved|transferred|has withdrawn"))
# Looked for together (one scan for any of them), on the sentence or with their twins on its lower-cased text.
_STATUS_WORDS = {"denied": _DENIED, "planned": _PLANNED, "ongoing": _ONGOING, "completed": _COMPLETED}
_STATUS_FIRSTS = caseless.Firsts([lex.rx for lex in _STATUS_WORDS.values()])
_STATUS_FIRSTS_TWIN = caseless.Firsts([lex.twin for lex in _STATUS_WORDS.values()])

# Diplomacy about fighting is no fighting ("appealed to X for a diplomatic resolution of the fighting").
_DIPLOMACY = caseless.Lexicon(_rx(r"appeal\w*|urg\w+|call\w* (?:on|for)|diplomatic|mediat\w+|de-?escalat\w+|"
                                  r"peaceful (?:resolution|solution|settlement)"))
# An agreement ended, cut or torn up is a statement about it, not an agreement.
_ENDED = caseless.Lexicon(_rx(r"(?:terminat\w+|cut|cuts|ended|ends|ending|tor[en] up|tear\w* up|scrap\w*|cancel\w*|revok\w*|"
                              r"(?:severance|termination|cancellation|suspension|revocation|denunciation|end) of|"
                              r"annul\w*|suspend\w*|denounc\w*|renounc\w*|withdr[ae]w\w* from|pull\w* out of|exit\w* from)\s+"
                              r"(?:[\w'’-]+\s+){0,5}?(?:agreements?|accords?|deals?|treat(?:y|ies)|pacts?|cooperation|lease)|"
                              r"(?:agreements?|accords?|deals?|treat(?:y|ies)|pacts?|lease) (?:[\w-]+ ){0,2}?"
                              r"(?:ended|expired|lapsed|collapsed|was terminated|was cancel\w+)"))
# A movement or a meeting only named ("the withdrawal comes amid ...", "Putin's visit follows ..."): the nouns are
# their types' in the vocabulary (``nouns``); a meeting's is one unless a place follows the noun ("talks in X").
_PLACE_AFTER = re.compile(r"\s+(?:(?:held|by\s+[\w-]+(?:\s+[\w-]+){0,2})\s+)?(?:to|in|at)\s+(?:the\s+)?[A-Z]")
# Told to leave ("ordered the U.S. to withdraw"): a statement, not a movement (a deadline given is the withdrawal's).
# (an initial's full stop, "the U.S.", is read across)
_TOLD_TO = r"(?:order\w*|ask\w*|demand\w*|told|urg\w+|call\w* on|requir\w+)\b(?:[^.;]|(?<=\b\w)\.){0,60}\bto "
# (and "demanded that France withdraw", "seeks the withdrawal of French troops": a demand or a wish, no move yet)
_TOLD_TO_LEAVE = caseless.Lexicon(_rx(_TOLD_TO + r"(?:withdraw|leave|pull out|remove|depart|quit|end)|"
                                      r"(?:demand\w*|ask\w*|insist\w*|requir\w+|request\w*) that (?:[\w'’.-]+ ){1,4}?"
                                      r"(?:withdraw|leave|pull out|remove|depart|quit)|"
                                      r"(?:seek\w*|sought|want\w*|demand\w*|call\w* for|urg\w+|request\w*) (?:the |a |an )?"
                                      r"(?:full |complete |total |immediate |swift )?(?:withdrawal|departure|pull-?out|removal|exit)"))
# A presence asked to end ("Senegal has asked France to close its bases"): a demand, the bases still there.
_TOLD_TO_CLOSE = caseless.Lexicon(_rx(_TOLD_TO + r"(?:withdraw|leave|pull out|remove|close|vacate|dismantle|shut)"))
# A move decided ("Putin ordered the deployment", "announced a partial pullout"): the decision is news too.
_DECIDED = caseless.Lexicon(_rx(r"(?:order\w*|announc\w*|decid\w*|approv\w*)\s+(?:a|an|the)\s+(?:[\w“”\"-]+\s+){0,3}?"
                                r"(?:withdrawal|pullout|drawdown|deployment)"))
# An agreement named as the basis or the past of a state ("established in 1971 under a bilateral agreement",
# "since the 1970s, when the Soviet Union signed a deal"): no agreement reported.
_BASIS = re.compile(r"(?:\bunder|\bper|\bthrough|\bin line with|\baccording to|,\s+when\b[^,;]*?)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                    r"(?:[\w-]+\s+){0,3}\Z", re.I)
# Materiel, not people: what an "evacuation of military equipment" moves.
_MATERIEL = caseless.Lexicon(_rx(r"equipment|weapons|weaponry|vehicles|hardware|armou?r|ammunition|supplies|materiel|"
                                 r"air defen[cs]e systems?|missiles?"))
# Forces as what is evacuated ("to evacuate its military staff", "the troops were evacuated"): forces leaving, a
# withdrawal (an evacuation takes people, not forces, out of danger).
_FORCES_EVACUATED = caseless.Lexicon(_rx(r"evacuat\w* (?:all |some |the |its |their |remaining |last )?(?:[\w-]+ ){0,2}?" + _FORCES +
                                         r"|" + _FORCES + r" (?:were|was|are|is|being|been|will be) (?:[a-z]+ly )?evacuated"))
# "Servicemen from Tajikistan left", "Kyrgyzstan's peacekeepers departed": forces of a country leaving a place go home
_FORCES_FROM_BEFORE = re.compile(r"\b" + _FORCES + r"\s+from\s+(?:the\s+)?$", re.I)
_FORCES_OF_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?" + _FORCES + r"\b", re.I)
_LEFT_AFTER = re.compile(r"\s+(?:(?:have|has|had|will)\s+)?(?:[a-z]+ly\s+)?(?:left|leave|departed|depart|withdr[ae]w|withdrawn)\b", re.I)
# A move stopped or refused ("blocked a Russian vessel from evacuating equipment"): a statement about it.
_BLOCKED = caseless.Lexicon(_rx(r"(?:block\w*|prevent\w*|barr\w*|ban\w*|stopp\w*|halt\w*)\s+(?:[\w-]+\s+){0,4}?from"))
# A force's presence asserted as a state beside a move only named ("keeps 2,000 troops in Syria despite the pullout").
_STATE_BESIDE = caseless.Lexicon(_rx(r"\b(?:keeps?|kept|keeping|maintains?|maintained|ha[sd]|have|remains?|remained|"
                                     r"stay(?:s|ed)?|still)\b"))
# A force's state, not its move: "are still stationed in X", "remain based at Y", "is currently deployed in Z".
_STATIONED = caseless.Lexicon(_rx(r"\b(?:(?:are|is|remains?|remained|still|currently|now|permanently) (?:still |currently |now |"
                                  r"permanently )?(?:stationed|based|garrisoned|(?<=still |ently )deployed)|" + _FORCES +
                                  r" (?:permanently )?(?:stationed|based|garrisoned)|"
                                  # "there are 350 servicemen deployed in X" (not "troops were deployed in X": a move)
                                  r"(?<!were )(?<!was )(?<!been )(?<!be )(?<!being )" + _FORCES +
                                  r" (?:currently |now |still |permanently )?deployed|"
                                  # "the military base deployed in X": where a base is
                                  r"(?:base|bases|facility|facilities) (?:currently |now )?(?:deployed|located|situated)) (?:in|at|near|outside|around)\b"))
# A force's move told after a force named where it is ("personnel stationed outside X will be deployed in the
# country"): the station only says who the movers are.
_MOVED_AFTER = caseless.Lexicon(_rx(r"(?:will|would|shall|to|are to|is to|were|was|ha(?:ve|s|d) been|are being|is being) "
                                    r"(?:be |soon |now |also )?(?:re)?deployed\b"))
# A deployment or mission extended or renewed ("voted to extend the deployment of troops"): a decision, no new move.
_EXTENDED = caseless.Lexicon(_rx(r"(?:extend\w*|renew\w*|prolong\w*)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                                 r"(?:deployment|mandate|mission|presence|stay)"))
# Agreed to go on talking ("the sides agreed to continue consultations"): what is said, not a deal reached.
_AGREED_TO_TALK = caseless.Lexicon(_rx(r"agreed to (?:continue|resume|hold|keep up|pursue)\b[^.;]{0,30}?\b(?:them|talks|"
                                       r"consultations|discussions|dialogue|negotiations|contacts)"))
# Analysis, not a happening: what a presence aims at or means ("likely aims to protect its position", "part of a
# larger strategy to establish a base", "a nod to the significance of the presence", "marks a realignment").
_ANALYSIS = caseless.Lexicon(_rx(r"significance|strategy|strategic (?:goal|aim|interest|importance|value)|aims? to|"
                                 r"a nod to|realignment"))
# No force left or remaining ("not a single Danish soldier is left in Kandahar", "no troops remain at the camp"): an
# absence, no presence.
_NO_FORCES = caseless.Lexicon(_rx(r"(?:not (?:one|a single)|no) (?:[\w-]+ ){0,2}?" + _FORCES +
                                  r" (?:(?:is|are|was|were) (?:still )?(?:left|there|present|stationed)|remains?|remained)"))
# A noun naming a past happening as a time ("since the ceasefire", "since the invasion"): no event of its own.
_SINCE_NOUN = re.compile(r"\b(?:since|before|until)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}\Z", re.I)
# A presence asserted beside other news ("fewer than 500 troops will remain in Erbil, while others move to Kuwait",
# "a drone attack on a base for US forces at the airport"): reported as well as the movement or the attack.
_PRESENCE_BESIDE = caseless.Lexicon(_rx(_FORCES + r"(?:,? [\w-]+){0,5}?,? (?:will )?(?:remain|stay)\w* (?:in|at)|"
                                        r"ha[sd] (?:about |some |around |roughly |more than |nearly |over |up to |at least )?"
                                        r"[\d,]+ (?:[\w-]+ ){0,2}?" + _FORCES + r" (?:in|at|stationed|based|deployed)\b|"
                                        r"bases? (?:for|of|hosting|housing|used by) (?:the )?(?:[\w-]+ ){0,2}" + _FORCES))
# A move with its own date after it ("leading to a full withdrawal in September 2026"): a planned move of its own.
_DATED_AFTER = re.compile(r"[^,;.]{0,30}?\b(?:in|by|on|from|before)\s+(?:early |mid-|late |the end of )?(?:January|February|"
                          r"March|April|May|June|July|August|September|October|November|December|\d{4})\b")
# Warships on a port call ("the frigate's visit to Tobruk"): a ship's visit, no talks.
_SHIPS = caseless.Lexicon(_rx(r"(?:hms|hmcs|hmas|uss) [\w.-]+|warships?|ships?|vessels?|frigates?|cruisers?|destroyers?|corvettes?|submarines?|flotilla|"
                              r"(?:aircraft )?carriers?|fleet"))
# A visit to a military site or to the troops ("the minister visited a French air base in Jordan", "visited troops at
# the front"): an inspection, no talks.
_VISITED_FORCES = caseless.Lexicon(_rx(r"visit\w* (?:a |an |the |its |their |[\w-]+['’]s )?(?:[\w-]+ ){0,3}?"
                                       r"(?:air ?bases?|bases?|naval (?:bases?|facilit(?:y|ies))|airfields?|garrisons?|"
                                       r"front ?lines?|the front|positions|troops|soldiers|units|barracks)"))
# Not events (GUIDELINE): exercises ("joint drills", "simulated strikes") are no attacks; phone and video calls no talks.
_EXERCISE = caseless.Lexicon(_rx(r"drills?|exercises?|war ?games?|manoeuvres|maneuvers|simulat\w+|mock (?:attacks?|strikes?)|"
                                 r"rehears\w+"))
_REMOTE_TALKS = caseless.Lexicon(_rx(r"phone|telephone|video ?(?:call|conference|link)|videoconferenc\w*|virtual\w*|online"))
# Agreements only named in the plural, none reached ("relies on agreements with", "respect for previous agreements").
_AGREEMENTS_NAMED = re.compile(r"\b(?:agreements|deals|accords|treaties)\b", re.I)
# A military intervention or build-up sends forces even when none are named ("intervening in the civil war in 2015").
_INTERVENED = caseless.Lexicon(_rx(r"interven\w+ (?:militarily )?in|military (?:interven\w+|build-?up)"))
# Flights or sailings cancelled or suspended: no movement.
_CANCELLED = caseless.Lexicon(_rx(r"(?:cancel\w*|suspend\w*|halt\w*|ground\w*|stop\w*)\s+(?:[\w-]+\s+){0,3}?"
                                  r"(?:flights?|sailings?|voyages?|crossings?)"))
# A happening only named again, as the subject of a clause about something else ("The attacks in Syria come after",
# "that the attack took place when", "The jihadist blockade is already hampering"): reported before, not news.
_NAMED_AGAIN = re.compile(r"(?:^|\b(?:that|said|says|indicated|added|noted|confirmed)\s+)(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?P<noun>attacks?|strikes?|"
                          r"airstrikes?|offensive|raids?|assault|blockade|withdrawal|pullout|departure|arrival|visit|talks|meeting|"
                          r"handover|hand-over|handing over)"
                          r"(?:\s+(?:in|on|at|against|of|by|from)\s+[^,;]{0,40}?)?\s+(?:comes?|came|follows?|followed|"
                          r"marks?|marked|took place|happened|(?:is|was|has|had) already)\b", re.I)
# A title is no place ("the special envoy for the Middle East and Africa").
_TITLE_FOR = re.compile(r"\b(?:envoy|minister|ambassador|representative|director|commissioner|coordinator|secretary|"
                        r"correspondent|spokes(?:man|woman|person)|desk)\s+(?:for|to|on)\s+(?:the\s+)?$", re.I)

# A locative phrase just before a place ("in", "at the port of"), and places coordinated with nothing between.
_AT = re.compile(r"\b(?:in|at|near|off|over|outside|inside|across|around|into|on|to|from|of)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,3}$", re.I)
_BARE_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or)?\s*$", re.I)


def _load_actors() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, str]]:
    """The actor lexicon (``data/actors.csv``: actor, its home country's ISO code or "", pattern), most specific
    first ("Wagner Group" before "Russia")."""
    data = Path(__file__).resolve().parent.parent / "data"
    with open(data / "actors.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows += _country_actors(data / "gazetteer", {r["country_code"] for r in rows} | {r["actor"] for r in rows})
    return [(r["actor"], re.compile(r["pattern"])) for r in rows], {r["actor"]: r.get("country_code") or "" for r in rows}


def _country_actors(gazetteer: Path, listed: set[str]) -> list[dict[str, str]]:
    """An actor for every other country, by its demonyms ("Philippine", "Filipino", "Kuwaiti forces"), after the
    curated rows (which name a theatre's forces, leaders and capitals too). Not by its name: a country named
    bare is as often where forces go ("others will move to Kuwait") as who acts."""
    demonyms: dict[str, list[str]] = {}
    with open(gazetteer / "demonyms.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            demonyms.setdefault(r["iso2"], []).append(" ".join(w.capitalize() for w in r["demonym"].split()))
    out = []
    with open(gazetteer / "countries.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["iso2"] in listed or r["name"] in listed:
                continue
            words = demonyms.get(r["iso2"], [])
            if not words:
                continue
            alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
            out.append({"actor": r["name"], "country_code": r["iso2"], "pattern": rf"\b(?:{alternation})\b"})
    return out


ACTORS, ACTOR_COUNTRY = _load_actors()


def _firsts(patterns: list[re.Pattern[str]]) -> caseless.Firsts | None:
    """The patterns asked together where each first matches (None when they cannot be: groups, several flags)."""
    try:
        return caseless.Firsts(patterns) if patterns else None
    except (ValueError, re.error):
        return None


_ACTOR_FIRSTS = _firsts([rx for _, rx in ACTORS])


def actors_in(sentence: str) -> tuple[str, ...]:
    """The actors the sentence names, in lexicon order (found together: most sentences name none)."""
    if _ACTOR_FIRSTS is None:
        return tuple(name for name, rx in ACTORS if rx.search(sentence))
    return tuple(ACTORS[k][0] for k in sorted(_ACTOR_FIRSTS.firsts(sentence)))



_CLAUSE_START = re.compile(r"[,;:(]\s*(?!(?:which|who|that)\b)|\b(?:while|whereas|but|after|before|when|as)\s", re.I)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?", re.I)


def doer(sentence: str, at: int, named: tuple[str, ...]) -> tuple[str, ...]:
    """Who did what the trigger at offset ``at`` tells: of the actors the sentence names (``named``), the one nearest
    before the trigger in its clause, else the first named before it in the sentence, else the agent of a passive
    ("was struck by Ukrainian drones"), else the first one named."""
    if len(named) < 2 or at < 0:
        return named[:1]
    found = sorted((m.start(), m.end(), name) for name, rx in ACTORS if name in named for m in rx.finditer(sentence))
    # "Russian peacekeepers", "Turkish-backed fighters": the nationality before a force's name is who they are
    spans = [(a, name) for k, (a, _, name) in enumerate(found)
             if not (k and 0 <= a - found[k - 1][1] <= 1 and found[k - 1][2] != name)]
    before = [(p, name) for p, name in spans if p < at]
    clause = max((c.end() for c in _CLAUSE_START.finditer(sentence, 0, at)), default=0)
    own = [name for p, name in before if p >= clause]
    if own:
        return (own[-1],)
    if before:
        return (before[0][1],)
    by = _BY_AGENT.search(sentence, at, at + 80)
    if by:
        after = [name for p, name in spans if by.end() <= p <= by.end() + 30]
        if after:
            return (after[0],)
    return (spans[0][1],) if spans else named[:1]
