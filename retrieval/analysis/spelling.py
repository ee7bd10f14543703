"""British → American spelling, so "recognise" finds "recognize".

General suffix rules with their exceptions (words where the British-looking
ending is the only spelling), plus the few variants that follow no rule. Applied
to a lower-cased word before lemmatising and stemming.
"""

from __future__ import annotations

import re

# -ise/-isation → -ize/-ization, except words whose -ise is not a variant.
_ISE = re.compile(r"^(?P<stem>[a-z]{3,}?)is(?P<end>e|es|ed|ing|ation|ations|er|ers)$")
_ISE_NOT_VARIANT = frozenset(
    [
        "advertise",
        "advise",
        "apprise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enfranchise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "otherwise",
        "paradise",
        "praise",
        "precise",
        "premise",
        "promise",
        "raise",
        "reprise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "likewise",
        "clockwise",
        "noise",
        "poise",
        "cruise",
        "bruise",
        "anise",
    ]
)

# -yse → -yze (analyse, paralyse, catalyse).
_YSE = re.compile(r"^(?P<stem>[a-z]{3,})ys(?P<end>e|ed|ing|er|ers)$")

# -our → -or (colour, honour, labour, favourite), except words that are not variants.
_OUR = re.compile(r"^(?P<stem>[a-z]{2,}?)our(?P<end>|s|ed|ing|ite|ites|able|ably|ful|less|er|ers)$")
_OUR_NOT_VARIANT = frozenset(
    [
        "our",
        "ours",
        "four",
        "fours",
        "hour",
        "hours",
        "your",
        "yours",
        "flour",
        "pour",
        "pours",
        "poured",
        "pouring",
        "tour",
        "tours",
        "toured",
        "touring",
        "sour",
        "soured",
        "dour",
        "contour",
        "contours",
        "detour",
        "detours",
        "devour",
        "devoured",
        "devouring",
        "scour",
        "scoured",
        "scouring",
        "amour",
        "paramour",
        "troubadour",
        "velour",
        "succour",
        "glamour",
        "glamourous",
    ]
)

# -tre/-bre → -ter/-ber (centre, theatre, fibre), except words spelt -re everywhere.
_RE = re.compile(r"^(?P<stem>[a-z]{2,}[bgt])re(?P<end>|s|d)$")
_RE_NOT_VARIANT = frozenset(
    ["acre", "acres", "massacre", "massacres", "massacred", "ogre", "ogres"]
)

# -logue → -log (catalogue, dialogue).
_LOGUE = re.compile(r"^(?P<stem>[a-z]+)logue(?P<end>|s|d)$")

# Variants no suffix rule covers.
_IRREGULAR = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "pretence": "pretense",
    "licence": "license",
    "licences": "licenses",
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "cheque": "check",
    "cheques": "checks",
    "plough": "plow",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "jewellery": "jewelry",
    "aluminium": "aluminum",
    "kerb": "curb",
    "storey": "story",
    "storeys": "stories",
    "paediatric": "pediatric",
    "encyclopaedia": "encyclopedia",
    "foetus": "fetus",
    "oestrogen": "estrogen",
    "anaemia": "anemia",
    "haemorrhage": "hemorrhage",
}


def americanize(word: str) -> str:
    """The American spelling of a lower-cased English word (the word itself if none)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if match := _ISE.match(word):
        if f"{match['stem']}ise" not in _ISE_NOT_VARIANT and word not in _ISE_NOT_VARIANT:
            return f"{match['stem']}iz{match['end']}"
        return word
    if match := _YSE.match(word):
        return f"{match['stem']}yz{match['end']}"
    if (match := _OUR.match(word)) and word not in _OUR_NOT_VARIANT:
        return f"{match['stem']}or{match['end']}"
    if (match := _RE.match(word)) and word not in _RE_NOT_VARIANT:
        end = "ed" if match["end"] == "d" else match["end"]
        return f"{match['stem']}er{end}"
    if match := _LOGUE.match(word):
        return f"{match['stem']}log{match['end']}"
    return word
