"""Small corpora the tests write themselves, in the scraped style of real news pages.

Their facts are invented and their page furniture differs from the seeds' (other
menus, other footers, other date and byline forms), so a test that passes on
them shows a general mechanism at work, not knowledge of the seed files.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

PORT_ARTICLE = """\
Home | World | Business | Sport
Port authority opens third container terminal in Valmora
Posted 14 March 2023
Coastal Herald – The Valmora Port Authority opened its third container terminal on Monday, adding room for 1.2 million containers a year on the northern quay.
The terminal cost 480 million euros and was built by Kestrel Engineering over four years, after a long dispute with fishing cooperatives about the dredging of the bay.
Port director Helena Marsh said the expansion would create 2,300 jobs in the region and end the queues of ships that wait for a berth every autumn.
The Valmora Port Authority (VPA) was founded in 1952 and today handles most of the country's grain exports, as well as a growing share of its car imports.
Share this article
You may also like
Why are lighthouse keepers disappearing from the coast?
Ten beaches you must visit this summer before the crowds arrive...
"""

COUNCIL_ARTICLE = """\
Menu
City council votes to close Linden Street to cars
Wednesday, 5/17/2023
BY THE DAILY LEDGER STAFF
The city council of Ostrava Nova voted 31 to 12 on Tuesday evening to close Linden Street to private cars from the first of September.
Mayor Tomas Brandl, who proposed the plan last winter, said buses, bicycles and delivery vans would still be allowed to use the street during the morning hours.
Shop owners along the street had collected 4,100 signatures against the closure, arguing that their customers arrive by car.
The council also approved a budget of 12 million crowns to plant trees and widen the pavements along the street.
Advertisement
Most Read
Celebrity chef opens a restaurant on the moon...
"""

# "founded" appears nowhere; every paragraph names the club with a date, one says when it began.
CLUB_ARTICLE = """\
Harbour Rovers reach the cup final after a late winner
Posted 2 May 2024
Harbour Rovers beat Millbrook Athletic 2-1 on Saturday to reach the cup final for the first time since 1987, when Harbour Rovers lost to Eastgate.
The Rovers' manager, Petra Lind, said Harbour Rovers had waited since 2005 for a day like this and thanked the supporters who travelled north.
The club was established in 1898 by dock workers who played on the sand at low tide, and moved to its present ground in 1921.
Harbour Rovers will meet the winner of Sunday's match between Eastgate and Norland in the final in June 2024.
"""


# The first paragraph's first sentence repeats the festival's words; its second names who opened it.
FESTIVAL_ARTICLE = """\
Harbour festival returns to Valdera
Posted 4 June 2024
The harbour festival in Valdera drew more visitors to the harbour festival than ever this year, and the festival's stalls stayed open until midnight on both days of the festival. The mayor, Ingrid Solberg, opened it on Saturday with a speech on the quay.
The harbour board said on Monday that a second pier would open next spring.
"""


# The same two sentences as two articles: the first repeats the festival's words, the other names
# who opened it.
FESTIVAL_CROWDS = """\
Harbour festival returns to Valdera
Posted 4 June 2024
The harbour festival in Valdera drew more visitors to the harbour festival than ever this year, and the festival's stalls stayed open until midnight on both days of the festival.
"""
FESTIVAL_OPENING = """\
Festival opened by the mayor
Posted 4 June 2024
The mayor, Ingrid Solberg, opened it on Saturday with a speech on the quay.
"""


def write_corpus(directory: Path, articles: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def write_news_corpus(directory: Path) -> Path:
    """Two unrelated articles: a port and a city council."""
    return write_corpus(directory, {"port.txt": PORT_ARTICLE, "council.txt": COUNCIL_ARTICLE})


MINE_ARTICLE = """\
Skip to content
Business
Copper mine in Tallinor to reopen after two-year closure
By Maria Keller | Reuters
March 3, 2024 10:45 AM
Updated: March 4, 2024
TALLINOR (Reuters) - The Okavi copper mine in northern Tallinor will reopen in June, its owner Brannock Resources said on Sunday, two years after a landslide killed 14 workers and forced its closure.
Brannock said it had invested $310 million in new safety systems, including seismic sensors and a second evacuation tunnel.
Chief executive Laura Menzies said the company would hire 1,200 people, most of them from the nearby town of Sefwi.
Read more:
Gold prices hit record as investors seek safety
© 2024 Reuters. All rights reserved.
"""

ELECTION_ARTICLE = """\
# Opposition wins majority in Velland election

*Published 12 October 2023*

**Velland Daily —** The opposition Green Alliance won 54 of the 101 seats in Sunday's parliamentary election, ending twelve years of rule by the National Party.

Turnout was 71 percent, the highest since 1998, the electoral commission said.

The outgoing prime minister, Arvid Lund, conceded defeat on Monday morning and congratulated the winners.

## Related

- Why the National Party lost the youth vote
"""


SQUAD_ARTICLES = {
    "Harbour_of_Velmar": [
        (
            "The harbour of Velmar was built by the engineer Tomas Brenn in 1871. It handles "
            "twelve million tonnes of grain a year and employs 2,300 dockers.",
            [
                ("Who built the harbour of Velmar?", "Tomas Brenn"),
                ("When was the harbour of Velmar built?", "1871"),
            ],
        ),
    ],
    "Orlan_Railway": [
        (
            "The Orlan railway crosses the Kessel mountains through a tunnel 14 kilometres "
            "long. Its first train ran in March 1902, carrying the governor Ilse Marr.",
            [("How long is the tunnel of the Orlan railway?", "14 kilometres")],
        ),
    ],
}


def write_squad(path: Path, unanswerable: str | None = None) -> Path:
    """A gzipped SQuAD file of two invented articles (and an unanswerable question each)."""
    data = []
    for title, paragraphs in SQUAD_ARTICLES.items():
        entries = []
        for number, (context, questions) in enumerate(paragraphs):
            qas: list[dict[str, object]] = [
                {
                    "id": f"{title}-{number}-{n}",
                    "question": question,
                    "answers": [{"text": answer, "answer_start": context.index(answer)}],
                }
                for n, (question, answer) in enumerate(questions)
            ]
            if unanswerable:
                qas.append(
                    {
                        "id": f"{title}-x",
                        "question": unanswerable,
                        "answers": [],
                        "is_impossible": True,
                    }
                )
            entries.append({"context": context, "qas": qas})
        data.append({"title": title, "paragraphs": entries})
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        json.dump({"version": "test", "data": data}, stream)
    return path
