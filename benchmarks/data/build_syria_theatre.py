"""Build ``syria_theatre.jsonl``: hand-labelled geoparsing gold set, Russian military presence in Syria and region, 2015-2026.

Sentences are short news-style items written from public facts. Gold labels are independent of the
system under test (no project gazetteer code or data was consulted); coordinates are from general
public references (city centres, published airfield/runway positions, conventional centres).

ANNOTATION RULE
---------------
* Annotate every toponym used *literally as a location*: cities, towns, districts, provinces
  (admin1), countries, seas and straits, regions (e.g. "the Middle East", "Golan Heights",
  "Crimea"), and named bases / airports / ports.
* Do NOT annotate:
  - demonyms / adjectives ("Russian", "Syrian", "Turkish", "Kurdish", "Iranian", "US-led");
  - metonymic uses, where a capital, "the Kremlin" or a country name stands for a government or
    state acting as an agent ("Moscow said", "the Kremlin announced", "Ankara insisted",
    "Damascus rejected", "Russia deployed", "Turkey closed", "an agreement with Nicosia");
  - organisation names, including those that contain a place name ("Syrian Democratic Forces",
    "Black Sea Fleet", "Caspian Flotilla", "Islamic State");
  - person names and ship names ("Vladimir Putin", "Admiral Kuznetsov", "Ursa Major");
  - names of agreements, processes, operations or events ("the Sochi memorandum", "the Astana
    process", "the Montreux Convention", "Operation Olive Branch").
* Span: the name only, as it appears in the text (spelling variant kept, e.g. "Khmeimim",
  "Tartous", "al-Qamishli", "Idleb"); feature words and possessive 's are excluded
  ("Qamishli" in "Qamishli airport", "Syria" in "Syria's northeast").
* Coordinates: when the phrase names a facility (airport / air base / port / naval base, e.g.
  "Qamishli airport", "the port of Tartus", "its naval facility at Tartus", "the Hmeimim air base")
  the point is that facility's; otherwise the place itself (city centre; approximate centre of a
  province, country, sea, strait or region). A name appearing without a feature word (e.g.
  "access to Tartus") gets the place's (city) point. Hmeimim is itself the name of the air base,
  so it always gets the airfield point.
* Offsets are 0-based, end-exclusive Python string offsets computed below by searching the text for
  the n-th whole-word occurrence of the name; nothing is typed by hand.

Run:  python benchmarks/data/build_syria_theatre.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "syria_theatre.jsonl"
KINDS = {"city", "air_base", "naval_base", "airport", "port", "admin1", "country", "sea", "region"}

# key: (lat, lon, kind, note)
P: dict[str, tuple[float, float, str, str]] = {
    # --- Syria: cities and towns (city centres, public reference) ---
    "damascus": (33.5138, 36.2765, "city", "city centre, public reference"),
    "aleppo": (36.2021, 37.1343, "city", "city centre, public reference"),
    "idlib": (35.9306, 36.6339, "city", "city centre, public reference"),
    "homs": (34.7308, 36.7094, "city", "city centre, public reference"),
    "hama": (35.1318, 36.7578, "city", "city centre, public reference"),
    "palmyra": (34.5560, 38.2720, "city", "Tadmur town / ancient site, public reference"),
    "deir_ez_zor": (35.3359, 40.1408, "city", "city centre, public reference"),
    "raqqa": (35.9528, 39.0100, "city", "city centre, public reference"),
    "manbij": (36.5281, 37.9549, "city", "town centre, public reference"),
    "kobani": (36.8906, 38.3536, "city", "town centre (Ayn al-Arab), public reference"),
    "afrin": (36.5117, 36.8692, "city", "town centre, public reference"),
    "tal_rifaat": (36.4733, 37.0972, "city", "town centre, public reference"),
    "daraa": (32.6189, 36.1021, "city", "city centre, public reference"),
    "quneitra": (33.1257, 35.8240, "city", "Quneitra town (old city), public reference"),
    "jableh": (35.3619, 35.9256, "city", "town centre, public reference"),
    "baniyas": (35.1822, 35.9403, "city", "town centre, public reference"),
    "latakia": (35.5317, 35.7901, "city", "city centre, public reference"),
    "tartus": (34.8890, 35.8866, "city", "city centre, public reference"),
    "qamishli": (37.0522, 41.2231, "city", "city centre, public reference"),
    "khan_sheikhoun": (35.4414, 36.6511, "city", "town centre, public reference"),
    "saraqib": (35.8644, 36.8006, "city", "town centre, public reference"),
    "jisr": (35.8122, 36.3194, "city", "town centre, public reference"),
    "douma": (33.5722, 36.4028, "city", "town centre, public reference"),
    "al_bab": (36.3706, 37.5156, "city", "town centre, public reference"),
    "jarabulus": (36.8175, 38.0114, "city", "town centre, public reference"),
    "tal_abyad": (36.6975, 38.9567, "city", "town centre, public reference"),
    "ras_al_ain": (36.8519, 40.0706, "city", "town centre, public reference"),
    "ain_issa": (36.3856, 38.8597, "city", "town centre, public reference"),
    "qardaha": (35.4572, 36.0586, "city", "town centre, public reference"),
    "abu_kamal": (34.4536, 40.9186, "city", "town centre (Al-Bukamal), public reference"),
    # --- Syria: facilities ---
    "hmeimim": (35.4011, 35.9487, "air_base", "OSLK runway (Hmeimim air base / Bassel al-Assad airport)"),
    "tartus_naval": (34.9114, 35.8733, "naval_base", "Russian naval facility, northern part of Tartus harbour"),
    "tartus_port": (34.9050, 35.8700, "port", "Tartus commercial harbour"),
    "latakia_port": (35.5220, 35.7720, "port", "Latakia harbour, west of city centre"),
    "qamishli_airport": (37.0206, 41.1914, "airport", "OSKL runway (Qamishli airport)"),
    "damascus_airport": (33.4114, 36.5156, "airport", "OSDI runway (Damascus International)"),
    "aleppo_airport": (36.1807, 37.2244, "airport", "OSAP runway (Aleppo International)"),
    "deir_airport": (35.2854, 40.1760, "airport", "OSDZ runway (Deir ez-Zor airport)"),
    "shayrat": (34.4903, 36.9092, "air_base", "Shayrat airfield runway"),
    "kuweires": (36.1869, 37.5828, "air_base", "Kuweires airfield runway"),
    # --- Syria: provinces (approximate centres) ---
    "idlib_prov": (35.85, 36.60, "admin1", "approximate centre of Idlib governorate"),
    "latakia_prov": (35.60, 36.00, "admin1", "approximate centre of Latakia governorate"),
    "tartus_prov": (34.95, 36.05, "admin1", "approximate centre of Tartus governorate"),
    "hama_prov": (35.20, 37.05, "admin1", "approximate centre of Hama governorate"),
    "aleppo_prov": (36.25, 37.55, "admin1", "approximate centre of Aleppo governorate"),
    "daraa_prov": (32.85, 36.20, "admin1", "approximate centre of Daraa governorate"),
    # --- Syria: regions ---
    "eastern_ghouta": (33.55, 36.42, "region", "approximate centre of Eastern Ghouta"),
    "golan": (33.00, 35.77, "region", "approximate centre of the Golan Heights"),
    # --- Turkey ---
    "hatay_prov": (36.40, 36.25, "admin1", "approximate centre of Hatay province"),
    "gaziantep_prov": (37.05, 37.35, "admin1", "approximate centre of Gaziantep province"),
    "gaziantep": (37.0662, 37.3833, "city", "city centre, public reference"),
    "kilis": (36.7184, 37.1212, "city", "town centre, public reference"),
    "antakya": (36.2025, 36.1606, "city", "city centre, public reference"),
    "nusaybin": (37.0750, 41.2150, "city", "town centre, public reference"),
    "ankara": (39.9334, 32.8597, "city", "city centre, public reference"),
    "istanbul": (41.0082, 28.9784, "city", "city centre (historic peninsula), public reference"),
    "incirlik": (37.0021, 35.4259, "air_base", "LTAG runway (Incirlik air base)"),
    # --- Iraq, Lebanon, Jordan, Iran ---
    "erbil": (36.1911, 44.0092, "city", "city centre, public reference"),
    "baghdad": (33.3152, 44.3661, "city", "city centre, public reference"),
    "mosul": (36.3400, 43.1300, "city", "city centre, public reference"),
    "beirut_port": (33.9013, 35.5188, "port", "Port of Beirut (2020 blast site)"),
    "amman": (31.9454, 35.9284, "city", "city centre, public reference"),
    "hamadan": (34.7989, 48.5146, "city", "city centre, public reference"),
    "nojeh": (35.2117, 48.6533, "air_base", "OIHS runway (Shahid Nojeh air base, Hamadan)"),
    # --- Russia and former Soviet space ---
    "moscow": (55.7558, 37.6173, "city", "city centre, public reference"),
    "sochi": (43.6028, 39.7342, "city", "city centre, public reference"),
    "chkalovsky": (55.8783, 38.0617, "air_base", "UUMU runway (Chkalovsky air base)"),
    "novorossiysk": (44.7235, 37.7686, "city", "city centre, public reference"),
    "sevastopol": (44.6167, 33.5254, "city", "city centre, public reference"),
    "mozdok": (43.7386, 44.6544, "city", "town centre, public reference"),
    "astana": (51.1694, 71.4491, "city", "city centre, public reference"),
    "crimea": (45.30, 34.40, "region", "approximate centre of the Crimean peninsula"),
    # --- Further afield ---
    "benghazi": (32.1167, 20.0667, "city", "city centre, public reference"),
    "tobruk": (32.0836, 23.9764, "city", "city centre, public reference"),
    "port_sudan": (19.6158, 37.2164, "city", "city centre, public reference"),
    "limassol": (34.7071, 33.0226, "city", "city centre, public reference"),
    "cairo": (30.0444, 31.2357, "city", "city centre, public reference"),
    "geneva": (46.2044, 6.1432, "city", "city centre, public reference"),
    # --- Countries (approximate geographic centres) ---
    "syria": (35.00, 38.50, "country", "approximate geographic centre of Syria"),
    "turkey": (39.00, 35.20, "country", "approximate geographic centre of Turkey"),
    "russia": (66.42, 94.25, "country", "official geographic centre of Russia (Lake Vivi area)"),
    "iraq": (33.20, 43.70, "country", "approximate geographic centre of Iraq"),
    "iran": (32.40, 53.70, "country", "approximate geographic centre of Iran"),
    "lebanon": (33.85, 35.86, "country", "approximate geographic centre of Lebanon"),
    "jordan": (31.20, 36.50, "country", "approximate geographic centre of Jordan"),
    "libya": (26.30, 17.20, "country", "approximate geographic centre of Libya"),
    "sudan": (15.90, 30.20, "country", "approximate geographic centre of Sudan (post-2011)"),
    "egypt": (26.80, 30.80, "country", "approximate geographic centre of Egypt"),
    "cyprus": (35.05, 33.20, "country", "approximate centre of the island of Cyprus"),
    "ukraine": (49.00, 31.40, "country", "approximate geographic centre of Ukraine"),
    "spain": (40.30, -3.70, "country", "approximate geographic centre of mainland Spain"),
    "algeria": (28.00, 2.60, "country", "approximate geographic centre of Algeria"),
    # --- Seas, straits, regions ---
    "black_sea": (43.40, 34.30, "sea", "approximate centre of the Black Sea"),
    "mediterranean": (35.00, 18.00, "sea", "approximate centre of the Mediterranean Sea"),
    "caspian": (41.90, 50.60, "sea", "approximate centre of the Caspian Sea"),
    "red_sea": (20.30, 38.50, "sea", "approximate centre of the Red Sea"),
    "bosphorus": (41.12, 29.07, "sea", "strait, approximate midpoint"),
    "dardanelles": (40.20, 26.40, "sea", "strait, approximate midpoint"),
    "gibraltar": (35.97, -5.60, "sea", "strait, approximate midpoint"),
    "middle_east": (29.00, 42.00, "region", "approximate centre of the conventional Middle East"),
}

# (text, [(surface, place_key[, occurrence]) ...], [deliberately unannotated strings, for reviewers])
S: list[tuple[str, list[tuple], list[str]]] = [
    ("Russian warplanes began striking targets in Syria on Wednesday, flying from the Hmeimim air base near Latakia, the Russian defence ministry said.",
     [("Syria", "syria"), ("Hmeimim", "hmeimim"), ("Latakia", "latakia")], ["Russian"]),
    ("Moscow said the strikes targeted Islamic State positions, but rebels in Idlib province said their own bases had been hit.",
     [("Idlib", "idlib_prov")], ["Moscow", "Islamic State"]),
    ("Four warships of the Caspian Flotilla fired 26 Kalibr cruise missiles from the Caspian Sea at targets in Syria, flying over Iran and Iraq.",
     [("Caspian Sea", "caspian"), ("Syria", "syria"), ("Iran", "iran"), ("Iraq", "iraq")], ["Caspian Flotilla"]),
    ("Turkish F-16 jets shot down a Russian Su-24 bomber near the Syrian border on Tuesday; the wreckage fell in Latakia province.",
     [("Latakia", "latakia_prov")], ["Turkish", "Russian", "Syrian"]),
    ("Ankara insisted the jet had violated Turkish airspace over Hatay province, while the Kremlin called the incident a stab in the back.",
     [("Hatay", "hatay_prov")], ["Ankara", "Turkish", "Kremlin"]),
    ("Russia deployed S-400 air defence systems to Khmeimim after the downing, extending its radar coverage deep into Turkey.",
     [("Khmeimim", "hmeimim"), ("Turkey", "turkey")], ["Russia"]),
    ("Government troops backed by Russian air power broke the siege of Kuweires air base east of Aleppo in November 2015.",
     [("Kuweires", "kuweires"), ("Aleppo", "aleppo")], ["Russian"]),
    ("Tu-22M3 bombers flying from Mozdok in southern Russia struck Islamic State targets near Palmyra and Deir ez-Zor.",
     [("Mozdok", "mozdok"), ("Russia", "russia"), ("Palmyra", "palmyra"), ("Deir ez-Zor", "deir_ez_zor")], ["Islamic State"]),
    ("Syrian troops backed by Russian air power recaptured Palmyra from Islamic State in March 2016.",
     [("Palmyra", "palmyra")], ["Syrian", "Russian", "Islamic State"]),
    ("The Mariinsky Theatre orchestra, conducted by Valery Gergiev, performed in the Roman amphitheatre at Palmyra in May 2016.",
     [("Palmyra", "palmyra")], ["Mariinsky Theatre", "Valery Gergiev", "Roman"]),
    ("Long-range bombers took off from an air base near Hamadan in Iran in August 2016 to strike targets near Aleppo, Idlib and Deir ez-Zor.",
     [("Hamadan", "hamadan"), ("Iran", "iran"), ("Aleppo", "aleppo"), ("Idlib", "idlib"), ("Deir ez-Zor", "deir_ez_zor")], []),
    ("Tehran later said Russian use of the Hamadan air base had ended after Iranian lawmakers complained.",
     [("Hamadan", "nojeh")], ["Tehran", "Russian", "Iranian"]),
    ("The aircraft carrier Admiral Kuznetsov passed through the Strait of Gibraltar and into the Mediterranean in late October 2016.",
     [("Strait of Gibraltar", "gibraltar"), ("Mediterranean", "mediterranean")], ["Admiral Kuznetsov"]),
    ("A Su-33 fighter crashed into the sea off the Syrian coast while trying to land on the Admiral Kuznetsov, the ministry said.",
     [], ["Syrian", "Admiral Kuznetsov"]),
    ("Government forces supported by Russian jets completed the recapture of eastern Aleppo in December 2016, and Russian military police deployed in the city.",
     [("Aleppo", "aleppo")], ["Russian"]),
    ("Andrei Karlov, the Russian ambassador, was shot dead while speaking at an art gallery in Ankara on Dec. 19, 2016.",
     [("Ankara", "ankara")], ["Andrei Karlov", "Russian"]),
    ("A Tu-154 carrying the Alexandrov Ensemble to Hmeimim crashed into the Black Sea shortly after refuelling in Sochi, killing all 92 people on board.",
     [("Hmeimim", "hmeimim"), ("Black Sea", "black_sea"), ("Sochi", "sochi")], ["Alexandrov Ensemble"]),
    ("The flight had originated at Chkalovsky air base outside Moscow.",
     [("Chkalovsky", "chkalovsky"), ("Moscow", "moscow")], []),
    ("Russia, Turkey and Iran launched the Astana process in January 2017, hosting talks in Astana alongside UN-led negotiations in Geneva.",
     [("Astana", "astana", 2), ("Geneva", "geneva")], ["Russia", "Turkey", "Iran", "Astana process"]),
    ("Damascus and Moscow signed an agreement in January 2017 allowing Russia to keep its naval facility at Tartus for 49 years.",
     [("Tartus", "tartus_naval")], ["Damascus", "Moscow", "Russia"]),
    ("Under the deal, up to 11 warships, including nuclear-powered vessels, may be moored at the Tartous facility at the same time.",
     [("Tartous", "tartus_naval")], []),
    ("The US fired 59 Tomahawk missiles at Shayrat air base southeast of Homs after a chemical attack on Khan Sheikhoun in April 2017.",
     [("Shayrat", "shayrat"), ("Homs", "homs"), ("Khan Sheikhoun", "khan_sheikhoun")], ["US", "Tomahawk"]),
    ("A joint intelligence centre set up in Baghdad in 2015 by Russia, Iran, Iraq and Syria coordinated operations against Islamic State.",
     [("Baghdad", "baghdad")], ["Russia", "Iran", "Iraq", "Syria", "Islamic State"]),
    ("A monitoring centre for the south-west Syria ceasefire agreed by Russia, the United States and Jordan was set up in Amman in 2017.",
     [("Syria", "syria"), ("Amman", "amman")], ["Russia", "United States", "Jordan"]),
    ("Lieutenant General Valery Asapov, a senior Russian commander, was killed by Islamic State shelling near Deir ez-Zor in September 2017.",
     [("Deir ez-Zor", "deir_ez_zor")], ["Valery Asapov", "Russian", "Islamic State"]),
    ("Government forces broke the three-year Islamic State siege of Deir el-Zour in September 2017, backed by cruise missiles fired from the Mediterranean.",
     [("Deir el-Zour", "deir_ez_zor"), ("Mediterranean", "mediterranean")], ["Islamic State"]),
    ("Islamic State fighters besieged the government-held Deir ez-Zor airport for years, and supplies were dropped by Russian and Syrian aircraft.",
     [("Deir ez-Zor", "deir_airport")], ["Islamic State", "Russian", "Syrian"]),
    ("Raqqa, the self-declared capital of Islamic State, was captured by the US-backed Syrian Democratic Forces in October 2017.",
     [("Raqqa", "raqqa")], ["Islamic State", "Syrian Democratic Forces"]),
    ("US-led coalition aircraft flying from Incirlik air base in southern Turkey struck Islamic State targets in Raqqa and Mosul.",
     [("Incirlik", "incirlik"), ("Turkey", "turkey"), ("Raqqa", "raqqa"), ("Mosul", "mosul")], ["US-led", "Islamic State"]),
    ("Syrian and Iranian-backed forces captured Abu Kamal on the Iraqi border in November 2017 with Russian air support.",
     [("Abu Kamal", "abu_kamal")], ["Syrian", "Iranian-backed", "Iraqi", "Russian"]),
    ("Vladimir Putin made an unannounced stop at Hmeymim on Dec. 11, 2017, and ordered a partial withdrawal of Russian forces from Syria.",
     [("Hmeymim", "hmeimim"), ("Syria", "syria")], ["Vladimir Putin", "Russian"]),
    ("Putin then flew on to Cairo for talks with Egyptian President Abdel Fattah al-Sisi.",
     [("Cairo", "cairo")], ["Putin", "Egyptian", "Abdel Fattah al-Sisi"]),
    ("Militants attacked the Khmeimim air base and the naval facility in Tartus with a swarm of 13 home-made drones in January 2018, the defence ministry said.",
     [("Khmeimim", "hmeimim"), ("Tartus", "tartus_naval")], []),
    ("Russia withdrew its military police from Afrin in January 2018, shortly before Turkey launched Operation Olive Branch.",
     [("Afrin", "afrin")], ["Russia", "Turkey", "Operation Olive Branch"]),
    ("A Russian Su-25 was shot down over Idleb province in February 2018 near the town of Saraqib; the pilot was killed on the ground.",
     [("Idleb", "idlib_prov"), ("Saraqib", "saraqib")], ["Russian"]),
    ("Dozens of Russian contractors were reported killed on Feb. 7, 2018, when US aircraft struck pro-government forces advancing near Deir ez-Zor.",
     [("Deir ez-Zor", "deir_ez_zor")], ["Russian", "US"]),
    ("A Russian An-26 transport plane crashed while landing at Hmeimim in March 2018, killing all 39 people on board.",
     [("Hmeimim", "hmeimim")], ["Russian"]),
    ("Russian military police deployed in Douma after the last rebels left Eastern Ghouta in April 2018.",
     [("Douma", "douma"), ("Eastern Ghouta", "eastern_ghouta")], ["Russian"]),
    ("Russian military police patrolled near the Golan Heights and in Daraa province after a 2018 deal returned southern Syria to government control.",
     [("Golan Heights", "golan"), ("Daraa", "daraa_prov"), ("Syria", "syria")], ["Russian"]),
    ("Thousands of civilians fled from Daraa toward the border with Jordan as the offensive began.",
     [("Daraa", "daraa"), ("Jordan", "jordan")], []),
    ("A Russian Il-20 reconnaissance aircraft with 15 crew was downed by Syrian air defences over the Mediterranean about 35 km off Latakia in September 2018.",
     [("Mediterranean", "mediterranean"), ("Latakia", "latakia")], ["Russian", "Syrian"]),
    ("Moscow blamed Israel for the loss, saying Israeli jets striking targets in Latakia province had used the Russian plane as cover.",
     [("Latakia", "latakia_prov")], ["Moscow", "Israel", "Israeli", "Russian"]),
    ("Meeting in Sochi in September 2018, Vladimir Putin and Recep Tayyip Erdogan agreed to create a demilitarised zone in Idlib province.",
     [("Sochi", "sochi"), ("Idlib", "idlib_prov")], ["Vladimir Putin", "Recep Tayyip Erdogan"]),
    ("The Sochi memorandum was meant to separate government troops from rebel fighters along a buffer strip 15 to 20 km deep.",
     [], ["Sochi"]),
    ("Russian military police moved into Manbij in October 2019 after US troops pulled out of the town.",
     [("Manbij", "manbij")], ["Russian", "US"]),
    ("Russian and Syrian units also deployed to Kobani as Turkey launched an offensive against Kurdish fighters in Syria's northeast.",
     [("Kobani", "kobani"), ("Syria", "syria")], ["Russian", "Syrian", "Turkey", "Kurdish"]),
    ("Russian and Turkish troops began joint patrols on either side of the Turkish operation zone between Tal Abyad and Ras al-Ain, with the city of Qamishli excluded.",
     [("Tal Abyad", "tal_abyad"), ("Ras al-Ain", "ras_al_ain"), ("Qamishli", "qamishli")], ["Russian", "Turkish"]),
    ("Russia set up a helicopter base at Qamishli airport in November 2019, giving it a permanent foothold in the Kurdish-held northeast.",
     [("Qamishli", "qamishli_airport")], ["Russia", "Kurdish-held"]),
    ("Mi-35 and Mi-8 helicopters were seen on the apron at the Kamishli airfield, across the border from the Turkish town of Nusaybin.",
     [("Kamishli", "qamishli_airport"), ("Nusaybin", "nusaybin")], ["Turkish"]),
    ("Aleppo International Airport reopened to civilian flights in February 2020 for the first time since 2012.",
     [("Aleppo", "aleppo_airport")], []),
    ("An air strike in Idlib province killed at least 33 Turkish soldiers in February 2020; Ankara blamed Syrian government forces.",
     [("Idlib", "idlib_prov")], ["Turkish", "Ankara", "Syrian"]),
    ("Putin and Erdogan agreed a ceasefire for Idlib at talks in Moscow on March 5, 2020, including joint patrols along a key east-west highway.",
     [("Idlib", "idlib_prov"), ("Moscow", "moscow")], ["Putin", "Erdogan"]),
    ("Turkish and Russian patrols on the road linking Saraqib with Jisr al-Shughur were repeatedly attacked by militants in 2020.",
     [("Saraqib", "saraqib"), ("Jisr al-Shughur", "jisr")], ["Turkish", "Russian"]),
    ("Ankara has repeatedly threatened an operation against Kurdish fighters in Tal Rifaat and Manbij.",
     [("Tal Rifaat", "tal_rifaat"), ("Manbij", "manbij")], ["Ankara", "Kurdish"]),
    ("Turkish-backed factions hold a strip of territory from Jarabulus to al-Bab north of Aleppo.",
     [("Jarabulus", "jarabulus"), ("al-Bab", "al_bab"), ("Aleppo", "aleppo")], ["Turkish-backed"]),
    ("After the explosion at the port of Beirut in August 2020, Russia flew rescuers and a mobile hospital to Lebanon.",
     [("Beirut", "beirut_port"), ("Lebanon", "lebanon")], ["Russia"]),
    ("The Russian defence ministry said a runway at Hmeimim had been lengthened and rebuilt to handle heavier aircraft.",
     [("Hmeimim", "hmeimim")], ["Russian"]),
    ("Three Tu-22M3 long-range bombers landed at Hmeimim in May 2021, the first time the aircraft had been based in Syria.",
     [("Hmeimim", "hmeimim"), ("Syria", "syria")], []),
    ("Lattakia's port and the airfield at Hmeimim lie less than 30 km apart on the Syrian coast.",
     [("Lattakia", "latakia_port"), ("Hmeimim", "hmeimim")], ["Syrian"]),
    ("The Assad family's home town of Qardaha lies in the hills south-east of Latakia, a short drive from Hmeimim.",
     [("Qardaha", "qardaha"), ("Latakia", "latakia"), ("Hmeimim", "hmeimim")], ["Assad"]),
    ("Tartus, Syria's second port, is home to a large Alawite population.",
     [("Tartus", "tartus"), ("Syria", "syria")], ["Alawite"]),
    ("Turkey closed the Bosphorus and the Dardanelles to warships in late February 2022, invoking the Montreux Convention after Russia invaded Ukraine.",
     [("Bosphorus", "bosphorus"), ("Dardanelles", "dardanelles"), ("Ukraine", "ukraine")], ["Turkey", "Montreux Convention", "Russia"]),
    ("Landing ships shuttling from Sevastopol and Novorossiysk through the Bosphorus to Tartus had become known as the Syrian Express.",
     [("Sevastopol", "sevastopol"), ("Novorossiysk", "novorossiysk"), ("Bosphorus", "bosphorus"), ("Tartus", "tartus")], ["Syrian Express"]),
    ("Ship-spotters in Istanbul logged every Russian vessel transiting the strait.",
     [("Istanbul", "istanbul")], ["Russian"]),
    ("The closure cut the main sea route between Novorossiysk on the Black Sea and the naval facility at Tartus.",
     [("Novorossiysk", "novorossiysk"), ("Black Sea", "black_sea"), ("Tartus", "tartus_naval")], []),
    ("The Black Sea Fleet frigate Admiral Grigorovich remained in the Mediterranean after the straits were closed.",
     [("Mediterranean", "mediterranean")], ["Black Sea Fleet", "Admiral Grigorovich"]),
    ("In April 2022 Ankara closed Turkish airspace to Russian military and civilian planes carrying troops to Syria.",
     [("Syria", "syria")], ["Ankara", "Turkish", "Russian"]),
    ("Russian transport flights to Hmeimim were rerouted over the Caspian Sea, Iran and Iraq.",
     [("Hmeimim", "hmeimim"), ("Caspian Sea", "caspian"), ("Iran", "iran"), ("Iraq", "iraq")], ["Russian"]),
    ("Russia annexed Crimea in 2014, a year before its operation in Syria began.",
     [("Crimea", "crimea"), ("Syria", "syria")], ["Russia"]),
    ("Russian rescue teams flew into Aleppo and Latakia after the earthquake of Feb. 6, 2023, which also devastated Turkey's Hatay and Gaziantep provinces.",
     [("Aleppo", "aleppo"), ("Latakia", "latakia"), ("Turkey", "turkey"), ("Hatay", "hatay_prov"), ("Gaziantep", "gaziantep_prov")], ["Russian"]),
    ("Antakya, the capital of Hatay province, was among the cities worst hit by the 2023 earthquake.",
     [("Antakya", "antakya"), ("Hatay", "hatay_prov")], []),
    ("Kilis and Gaziantep, just across the border from Aleppo province, host hundreds of thousands of Syrian refugees.",
     [("Kilis", "kilis"), ("Gaziantep", "gaziantep"), ("Aleppo", "aleppo_prov")], ["Syrian"]),
    ("Drones launched by Iran-backed militias have targeted US forces near Erbil in northern Iraq.",
     [("Erbil", "erbil"), ("Iraq", "iraq")], ["Iran-backed", "US"]),
    ("Hayat Tahrir al-Sham launched a lightning offensive from Idlib on Nov. 27, 2024, and its fighters entered Aleppo within three days.",
     [("Idlib", "idlib_prov"), ("Aleppo", "aleppo")], ["Hayat Tahrir al-Sham"]),
    ("Russian jets struck rebel columns near Hama as government lines collapsed, but the city fell on Dec. 5.",
     [("Hama", "hama")], ["Russian"]),
    ("Homs was taken two days later, cutting Damascus off from the coast.",
     [("Homs", "homs"), ("Damascus", "damascus")], []),
    ("Bashar al-Assad left Damascus for Hmeimim and was flown to Moscow, where he was granted asylum, the Kremlin said.",
     [("Damascus", "damascus"), ("Hmeimim", "hmeimim"), ("Moscow", "moscow")], ["Bashar al-Assad", "Kremlin"]),
    ("Satellite images showed Il-76 and An-124 transport aircraft being loaded at Hmeimim as Russia pulled equipment back from positions across Syria.",
     [("Hmeimim", "hmeimim"), ("Syria", "syria")], ["Russia"]),
    ("Russian units pulled out of positions around Tal Rifaat and Manbij, moving south toward Homs and the coast.",
     [("Tal Rifaat", "tal_rifaat"), ("Manbij", "manbij"), ("Homs", "homs")], ["Russian"]),
    ("Russian forces also left posts near Ain Issa but kept helicopters at al-Qamishli airport, Kurdish sources said.",
     [("Ain Issa", "ain_issa"), ("al-Qamishli", "qamishli_airport")], ["Russian", "Kurdish"]),
    ("The cargo ship Sparta IV was tracked heading for the port of Tartus to load military equipment, according to ship-tracking data.",
     [("Tartus", "tartus_port")], ["Sparta IV"]),
    ("Another Russian cargo ship, the Ursa Major, sank in the Mediterranean between Spain and Algeria in December 2024 after an explosion in its engine room.",
     [("Mediterranean", "mediterranean"), ("Spain", "spain"), ("Algeria", "algeria")], ["Russian", "Ursa Major"]),
    ("Flight-tracking data showed Russian Il-76 transports flying from Hmeimim to an air base east of Benghazi in eastern Libya.",
     [("Hmeimim", "hmeimim"), ("Benghazi", "benghazi"), ("Libya", "libya")], ["Russian"]),
    ("Analysts said Tobruk and Benghazi were being considered as alternative ports should Russia lose access to Tartus.",
     [("Tobruk", "tobruk"), ("Benghazi", "benghazi"), ("Tartus", "tartus")], ["Russia"]),
    ("Russia has also sought a naval logistics centre at Port Sudan on the Red Sea under a 2020 agreement with Khartoum that has not been implemented.",
     [("Port Sudan", "port_sudan"), ("Red Sea", "red_sea")], ["Russia", "Khartoum"]),
    ("The civil war in Sudan, which began in April 2023, has stalled plans for a Russian naval base on the Red Sea.",
     [("Sudan", "sudan"), ("Red Sea", "red_sea")], ["Russian"]),
    ("The new Syrian authorities cancelled a 49-year contract with a Russian company to run the port of Tartous in January 2025.",
     [("Tartous", "tartus_port")], ["Syrian", "Russian"]),
    ("Russian Deputy Foreign Minister Mikhail Bogdanov held talks in Damascus with Ahmed al-Sharaa in late January 2025, the first senior Russian visit since Assad's fall.",
     [("Damascus", "damascus")], ["Russian", "Mikhail Bogdanov", "Ahmed al-Sharaa", "Assad"]),
    ("Damascus rejected a Russian request to keep both bases without conditions, demanding compensation, sources said.",
     [], ["Damascus", "Russian"]),
    ("Thousands of Alawite civilians sought refuge at the Hmeimim air base in March 2025 as violence swept coastal areas around Jableh and Baniyas.",
     [("Hmeimim", "hmeimim"), ("Jableh", "jableh"), ("Baniyas", "baniyas")], ["Alawite"]),
    ("Security officials said the unrest had spread to the provinces of Latakia, Hama and Tartus.",
     [("Latakia", "latakia_prov"), ("Hama", "hama_prov"), ("Tartus", "tartus_prov")], []),
    ("After Assad's fall, Israeli troops moved into the buffer zone on the Golan Heights and took up positions near Quneitra.",
     [("Golan Heights", "golan"), ("Quneitra", "quneitra")], ["Assad", "Israeli"]),
    ("Israel has carried out hundreds of strikes in Syria, including on targets near Damascus International Airport.",
     [("Syria", "syria"), ("Damascus", "damascus_airport")], ["Israel"]),
    ("Ahmed al-Sharaa met Vladimir Putin in Moscow in October 2025, his first visit to Russia since taking power.",
     [("Moscow", "moscow"), ("Russia", "russia")], ["Ahmed al-Sharaa", "Vladimir Putin"]),
    ("The Kremlin announced that the talks had covered the future of the Russian bases at Hmeimim and Tartus.",
     [("Hmeimim", "hmeimim"), ("Tartus", "tartus_naval")], ["Kremlin", "Russian"]),
    ("Until 2022, Russian warships regularly made port calls in Cyprus, docking at Limassol under a 2015 agreement with Nicosia.",
     [("Cyprus", "cyprus"), ("Limassol", "limassol")], ["Russian", "Nicosia"]),
    ("Russian and Egyptian paratroopers held joint exercises in Egypt in 2016 under the Defenders of Friendship programme.",
     [("Egypt", "egypt")], ["Russian", "Egyptian"]),
    ("Russian military personnel have operated from bases in eastern Libya controlled by commander Khalifa Haftar since at least 2019.",
     [("Libya", "libya")], ["Russian", "Khalifa Haftar"]),
    ("Moscow's intervention in Syria made it the main outside power broker in the Middle East, analysts said.",
     [("Syria", "syria"), ("Middle East", "middle_east")], ["Moscow"]),
    ("Rebels captured Idlib city in March 2015, months before the Russian intervention began.",
     [("Idlib", "idlib")], ["Russian"]),
    ("A spokesman for the Syrian Democratic Forces said contacts with Moscow were continuing.",
     [], ["Syrian Democratic Forces", "Moscow"]),
    ("Vladimir Putin said Russian forces had accomplished their main tasks.",
     [], ["Vladimir Putin", "Russian"]),
    ("The Kremlin declined to comment on reports that troop numbers had been cut.",
     [], ["Kremlin"]),
    ("The defence ministry said all aircraft had returned safely to base after the mission.",
     [], []),
]


def nth_span(text: str, name: str, n: int) -> tuple[int, int]:
    """0-based [start, end) of the n-th (1-based) whole-word occurrence of name in text."""
    hits = list(re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
    if len(hits) < n:
        raise AssertionError(f"{name!r} occurrence {n} not found in {text!r}")
    m = hits[n - 1]
    return m.start(), m.end()


def build() -> list[dict]:
    rows = []
    for i, (text, labels, ignored) in enumerate(S, 1):
        locs = []
        for lab in labels:
            name, key = lab[0], lab[1]
            n = lab[2] if len(lab) > 2 else 1
            lat, lon, kind, note = P[key]
            start, end = nth_span(text, name, n)
            assert text[start:end] == name
            assert kind in KINDS and -90 <= lat <= 90 and -180 <= lon <= 180
            locs.append({"name": name, "start": start, "end": end, "lat": lat, "lon": lon,
                         "kind": kind, "note": note})
        locs.sort(key=lambda d: d["start"])
        for a, b in zip(locs, locs[1:], strict=False):
            assert a["end"] <= b["start"], f"overlapping labels in sentence {i}: {a['name']!r} / {b['name']!r}"
        for s in ignored:
            assert s in text, f"ignored string {s!r} not in sentence {i}"
        rows.append({"id": f"syr-{i:03d}", "text": text, "locations": locs})
    return rows


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    n_loc = sum(len(r["locations"]) for r in rows)
    print(f"wrote {OUT} ({len(rows)} sentences, {n_loc} locations)")


if __name__ == "__main__":
    main()
