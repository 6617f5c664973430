"""Fictional news articles for the cluster tests: four events, two of them one storyline.

Every outlet, person and place here is invented.

- strike: dockworkers at the port of Kestrel Bay walk out (three outlets, two days);
- flood: the Amberlin river floods the town of Sorrel Ford (three outlets);
- breach: Quillon Systems discloses a data breach (two outlets);
- talks-open and talks-deal: trade minister Odile Marchetti opens fishing-quota talks with Tarvonia
  in Corvath, and two weeks later signs the agreement there: two events, one storyline.
"""

from __future__ import annotations

from storyline.model import Article

_RAW: list[tuple[str, str, str, str, str, str]] = [
    # (id, event, outlet, published, title, text)
    ("s1", "strike", "Harbour Courier", "2031-04-02T07:10:00",
     "Kestrel Bay dockworkers walk out over night-shift pay",
     "Dockworkers at the port of Kestrel Bay walked off the job on Wednesday after talks over "
     "night-shift pay collapsed, leaving container ships waiting in the outer harbour.\n\n"
     "The Kestrel Bay Stevedores Union said about 1,400 members joined the strike. Union secretary "
     "Brannock Hale said the port authority had refused to restore the night allowance cut last year.\n\n"
     "The port authority said it regretted the stoppage and that perishable cargo would be diverted "
     "to Fenwick Harbour until the dispute is settled."),
    ("s2", "strike", "Northline Post", "2031-04-02T11:45:00",
     "Strike halts container traffic at Kestrel Bay port",
     "Container traffic at Kestrel Bay came to a standstill as 1,400 dockworkers began an open-ended "
     "strike over the night-shift allowance.\n\n"
     "Brannock Hale of the Kestrel Bay Stevedores Union told reporters the walkout would continue "
     "until the port authority put the allowance back. Eleven ships were anchored outside the harbour "
     "by midday, and some perishable cargo was sent on to Fenwick Harbour."),
    ("s3", "strike", "Valley Ledger", "2031-04-03T09:00:00",
     "Kestrel Bay port strike enters second day as ships queue",
     "The dockworkers' strike at the port of Kestrel Bay entered its second day on Thursday, with "
     "fourteen ships now waiting offshore.\n\n"
     "The Stevedores Union, led by Brannock Hale, rejected a port authority offer to restore half of "
     "the night-shift allowance. Exporters warned that the stoppage was costing them millions."),
    ("f1", "flood", "Valley Ledger", "2031-04-02T06:30:00",
     "Amberlin river bursts its banks, flooding Sorrel Ford",
     "The Amberlin river burst its banks overnight after three days of heavy rain, flooding dozens "
     "of homes in the low-lying town of Sorrel Ford.\n\n"
     "Emergency crews evacuated about 300 residents to the Sorrel Ford community hall. Mayor Ines "
     "Calloway said the water had reached the market square by dawn and urged people to stay away "
     "from the old stone bridge."),
    ("f2", "flood", "Harbour Courier", "2031-04-02T10:20:00",
     "Hundreds evacuated as Amberlin floods Sorrel Ford",
     "Around 300 people were evacuated from Sorrel Ford after the Amberlin river flooded the town "
     "following days of torrential rain.\n\n"
     "Mayor Ines Calloway said the market square was under water and the old stone bridge had been "
     "closed. Forecasters expect more rain in the Amberlin valley on Thursday."),
    ("f3", "flood", "Northline Post", "2031-04-03T08:15:00",
     "Sorrel Ford flood: water recedes but more rain forecast",
     "Floodwater in Sorrel Ford began to recede on Thursday, but forecasters warned that more rain "
     "could push the Amberlin river over its banks again.\n\n"
     "Mayor Ines Calloway said the 300 evacuated residents would stay at the community hall for at "
     "least another night while crews inspect the old stone bridge."),
    ("b1", "breach", "Northline Post", "2031-04-02T14:00:00",
     "Quillon Systems says hackers stole customer records",
     "Software company Quillon Systems said on Wednesday that hackers had stolen the names, e-mail "
     "addresses and billing details of about 2.3 million customers.\n\n"
     "Chief executive Mireille Sato said the intrusion was discovered last Friday and that the firm "
     "had informed the data protection regulator. Passwords were not affected, the company said."),
    ("b2", "breach", "Harbour Courier", "2031-04-02T18:30:00",
     "Data of 2.3 million Quillon customers exposed in cyberattack",
     "Billing details and e-mail addresses of 2.3 million Quillon Systems customers were exposed in "
     "a cyberattack, the company disclosed.\n\n"
     "Mireille Sato, Quillon's chief executive, apologised to customers and said the breach had been "
     "reported to the data protection regulator. The company urged users to watch for phishing e-mails."),
    ("t1", "talks-open", "Harbour Courier", "2031-03-03T09:00:00",
     "Marchetti opens fishing quota talks with Tarvonia in Corvath",
     "Trade minister Odile Marchetti opened talks with Tarvonia in Corvath on Monday on the fishing "
     "quotas that have divided the two countries for a decade.\n\n"
     "Marchetti said she hoped to agree shared quotas for the northern banks before the summer season. "
     "Tarvonian negotiator Lukas Brevik said his delegation had come to Corvath in good faith."),
    ("t2", "talks-open", "Northline Post", "2031-03-03T15:30:00",
     "Fishing quota talks between Marchetti and Tarvonia begin in Corvath",
     "Negotiations on fishing quotas for the northern banks began in Corvath, with trade minister Odile "
     "Marchetti and Tarvonian negotiator Lukas Brevik leading the two delegations.\n\n"
     "Fishing crews from both countries gathered outside the conference centre in Corvath calling for "
     "a fair deal on the quotas."),
    ("t3", "talks-deal", "Valley Ledger", "2031-03-17T12:00:00",
     "Marchetti and Tarvonia sign fishing quota agreement in Corvath",
     "Trade minister Odile Marchetti and Tarvonian negotiator Lukas Brevik signed an agreement in "
     "Corvath on Monday that splits the northern banks fishing quotas between the two countries.\n\n"
     "The deal ends a decade-long dispute over the quotas. Marchetti said the signed agreement would "
     "take effect before the summer season, and Brevik called it a fair settlement."),
    ("t4", "talks-deal", "Harbour Courier", "2031-03-17T16:45:00",
     "Fishing quota deal signed: Tarvonia and Marchetti end decade-long dispute",
     "A fishing quota agreement signed in Corvath ends the decade-long dispute between the two "
     "countries over the northern banks, trade minister Odile Marchetti said.\n\n"
     "Under the signed deal the quotas are split and reviewed every two years. Tarvonian negotiator "
     "Lukas Brevik said fishing crews would welcome the settlement."),
]

GOLD: dict[str, str] = {row[0]: row[1] for row in _RAW}
STORYLINE_GOLD: dict[str, str] = {
    aid: ("talks" if event.startswith("talks") else event) for aid, event in GOLD.items()
}


def articles(dated: bool = True) -> list[Article]:
    """The fixture articles (fresh objects), with or without publication dates, seq in list order."""
    return [
        Article(id=aid, source=f"fixture:{aid}", text=text, title=title, outlet=outlet,
                published=published if dated else None, seq=i)
        for i, (aid, _event, outlet, published, title, text) in enumerate(_RAW)
    ]
