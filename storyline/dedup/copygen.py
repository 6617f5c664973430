"""A generator of fictional wire stories, their syndicated copies and look-alike non-copies.

It exists to measure copy detection (``storyline.evaluate.copies``) and to justify the thresholds in
``storyline.settings.dedup``. Everything is invented here: towns, outlets, people and sentences come
from a small grammar (templates with ``{a|b}`` alternatives and ``<slot>`` fills per story), so two
stories on one topic share vocabulary and stock phrasing the way real coverage does, without sharing
whole sentences.

Copies get the edits outlets really make to agency copy, at three strengths:

- ``light``: headline rewritten, quote marks changed (straight to curly or back), the dateline
  dropped, sometimes the last paragraph trimmed, a word changed in ~3% of sentences;
- ``medium``: also 1-3 trailing paragraphs trimmed, a local paragraph inserted, ~10% of sentences
  lightly edited, two paragraphs merged;
- ``heavy``: ~40% of paragraphs trimmed (tail and middle), two local paragraphs inserted, ~25% of
  sentences edited, a paragraph moved up.

Negatives: a different story on the same topic (same people and places), a follow-up that reuses two
background paragraphs of an earlier story word for word, and a different story printed under an
identical headline.
"""

# ruff: noqa: E501  (the sentence grammar below is data: one template per line reads best)
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

Strength = str  # "light" | "medium" | "heavy"
STRENGTHS: tuple[Strength, ...] = ("light", "medium", "heavy")

OUTLETS = [
    "The Harrowgate Courier", "Valemouth Evening Post", "Northreach Herald", "The Caddon Ledger",
    "Brightwater Gazette", "Eastmere Daily", "The Solbury Times", "Kestle Valley News",
    "Orrin Bay Chronicle", "The Pellam Star", "Westfold Observer", "Duncairn Record",
]
WIRES = ["Meridian Press", "Continental Wire Service", "Atlas News Agency"]
TOWNS = [
    "Harrowgate", "Valemouth", "Northreach", "Caddon", "Brightwater", "Eastmere", "Solbury", "Kestle",
    "Orrin Bay", "Pellam", "Westfold", "Duncairn", "Lowick", "Ambersham", "Tarnhollow", "Quillby",
]
FIRST = [
    "Mara", "Tomas", "Ilse", "Dev", "Rowan", "Petra", "Anselm", "Yara", "Colm", "Hedda", "Nikolai",
    "Saoirse", "Bram", "Lucia", "Oren", "Talia", "Emeric", "Noor", "Fenna", "Casimir",
]
LAST = [
    "Velden", "Askari", "Brannock", "Ottley", "Castellan", "Mirov", "Quayle", "Sandoval", "Thorne",
    "Lindqvist", "Okafor", "Pellegrin", "Harrow", "Vance-Ruiz", "Dunmore", "Keszler", "Achterberg",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Per topic: who and what the stories are about, headlines and body sentences.
# <p1>, <p2>: people (name); <r1>, <r2>: their roles; <o>: organisation; <t>: town; <n>, <m>:
# numbers; <d>: weekday; <x>: a topic noun. {a|b|c} picks one alternative per use.
TOPICS: dict[str, dict[str, list[str]]] = {
    "port": {
        "roles": ["general secretary of the Dockside Workers Union", "chief executive of the port authority",
                  "harbour master", "a crane operator", "the regional transport minister"],
        "orgs": ["the port authority", "the Dockside Workers Union", "Greyhaven Shipping"],
        "nouns": ["the strike", "the walkout", "the pay dispute", "the stoppage"],
        "titles": ["Dock workers walk out at <t> port", "Strike halts cargo at <t> harbour",
                   "<t> port strike enters day <n>", "Talks fail as <t> dockers stay out"],
        "body": [
            "Dock workers at <t> {walked out|stopped work|downed tools} on <d>, {leaving|stranding} <n> container ships {anchored offshore|waiting in the bay}.",
            "<x> {began|started} after <o> {offered|proposed|put forward} a pay rise of <m> percent, which the union called {an insult|far too little|a real-terms cut}.",
            "\"We will not {back down|give in|go back} until the offer {reflects|matches} what our members {do|are worth},\" said <p1>, <r1>.",
            "<p2>, <r2>, said the {company|authority|port} {remained open to talks|was ready to meet the union|would not negotiate under pressure}.",
            "About <n>00 {lorries|trucks|vehicles} were {queued|backed up|waiting} on the {ring road|approach road|coast road} by {midday|the afternoon|evening}.",
            "Exporters {warned|said|complained} that {perishable goods|fresh fish|frozen produce} worth {millions|several million} were {at risk|spoiling} in {the heat|refrigerated yards}.",
            "The {last|previous} strike at the port, in 201<n>, lasted <m> days and {ended with|was settled by} a {two-year|three-year} pay deal.",
            "{Shipping lines|Two carriers|Several operators} {said they would|were preparing to} divert {vessels|ships} to {neighbouring ports|the river terminals} if <x> {continued|lasted beyond the weekend}.",
            "<p1> said {picket lines|pickets} would {stay in place|be maintained} {around the clock|day and night} at all <m> {gates|entrances}.",
            "{Talks|Negotiations} {are due to|will} {resume|restart} on <d> at the offices of an {independent|arbitration} service, <o> said.",
            "The {regional|local} {chamber of commerce|business council} {estimated|said} that each day of <x> cost the {local economy|region} about <n> million {crowns|marks}.",
            "\"Nobody wants {to see|a} {the ships idle|idle cranes},\" <p2> {told reporters|said} {outside the terminal|at a news conference}. \"But we cannot pay what we {do not have|have not earned}.\"",
        ],
    },
    "flood": {
        "roles": ["head of the river agency", "the mayor", "a local shopkeeper", "chief fire officer",
                  "a hydrologist at the regional university"],
        "orgs": ["the river agency", "the fire service", "the county council"],
        "nouns": ["the flooding", "the flood", "the high water"],
        "titles": ["Hundreds evacuated as river bursts banks in <t>", "Floods swamp <t> after days of rain",
                   "<t> braces for more rain as river peaks", "Flood defences fail in <t>"],
        "body": [
            "{Hundreds of|About <n>00} residents {were evacuated|left their homes|were moved to shelters} in <t> on <d> after the river {burst its banks|rose above the flood wall|overtopped the defences}.",
            "<x> {followed|came after} <m> days of {heavy|persistent|torrential} rain across the {valley|region|uplands}.",
            "\"The water came up {faster than anyone expected|in less than an hour|through the floorboards},\" said <p1>, <r1>.",
            "<p2>, <r2>, said {crews|teams|firefighters} had {rescued|pulled} <n> people from {cars|homes|rooftops} {overnight|since dawn}.",
            "The river {peaked|reached} at <m>.<n> metres, {the highest since records began|a level last seen decades ago|well above the warning mark}, <o> said.",
            "{Schools|Two schools|All schools} in the {area|district} {will stay closed|were shut} {until further notice|on <d>}.",
            "{Forecasters|The weather service} {warned|said} that {more rain|another band of rain|further storms} {was expected|would arrive} {by the weekend|on <d>|later in the week}.",
            "\"We {need|were promised} {proper defences|a new flood wall|investment} {years ago|after the last flood},\" said <p1>.",
            "The county council {opened|set up} {a rest centre|an emergency shelter} at the {sports hall|community centre|town hall}, {where|and} <n>0 people {spent the night|were sleeping}.",
            "{Insurers|Loss adjusters} said the {damage|bill} {could run to|was likely to exceed} <n> million {crowns|marks}.",
            "<o> {has been criticised|faced questions} over {delays to|cuts in} {the flood scheme|maintenance of the embankments}.",
            "Power {was cut|was lost} to <n>00 homes, and {the main bridge|the rail line|the ring road} {remained closed|was shut} on <d>.",
        ],
    },
    "council": {
        "roles": ["leader of the council", "opposition finance spokesperson", "head of a residents' group",
                  "the council's chief executive", "a member of the budget committee"],
        "orgs": ["the council", "the finance committee", "the residents' association"],
        "nouns": ["the budget", "the spending plan", "the tax rise"],
        "titles": ["<t> council approves <m> percent tax rise", "Libraries face cuts in <t> budget",
                   "<t> budget passes after stormy debate", "Councillors split over <t> spending plan"],
        "body": [
            "Councillors in <t> {approved|passed|voted through} a budget on <d> that {raises|lifts} local tax by <m> percent and {cuts|trims} funding for {libraries|parks|youth services}.",
            "The vote was <n> to <m>, {after a debate that lasted|following} {more than five hours|late into the night|a heated session}.",
            "\"These are {hard|painful|difficult} choices, but the alternative {was|would have been} {bankruptcy|a bigger deficit|cuts to care}\", said <p1>, <r1>.",
            "<p2>, <r2>, {called|described} the plan {a betrayal of|a blow to|an attack on} {families|older residents|the town centre}.",
            "<x> {closes|fills} a gap of <n> million {crowns|marks}, which the council {blamed on|attributed to} {rising care costs|lower grants|inflation}.",
            "{Three|Two|Several} libraries will {cut their opening hours|close on <d>s|merge}, and {street lighting|bin collections} will be {reduced|scaled back}.",
            "{Protesters|About <n>0 people|Campaigners} {gathered|rallied} outside the town hall {before the meeting|during the debate|on <d> evening}.",
            "\"We {asked|begged} them to {listen|think again},\" said <p2>. \"They {did not|never} {even read|answer} our {petition|letters}.\"",
            "The council said {investment|spending} on {roads|schools|housing} would {rise|increase} by <m> percent {over two years|next year}.",
            "{An independent audit|Auditors} {had warned|warned} in 201<n> that the council's {reserves|savings} {were running low|would run out}.",
            "<o> {will publish|must publish} {a detailed plan|the full figures} {by the end of the month|before <d>}, officials said.",
        ],
    },
    "trial": {
        "roles": ["former chief executive of Solvane Foods", "the prosecutor", "defence lawyer",
                  "a former finance director", "the presiding judge"],
        "orgs": ["Solvane Foods", "the prosecutor's office", "the district court"],
        "nouns": ["the trial", "the case", "the fraud trial"],
        "titles": ["Food boss denies fraud as <t> trial opens", "Ex-Solvane chief tells court he was misled",
                   "<t> fraud trial hears from finance director", "Verdict due in Solvane case"],
        "body": [
            "<p1>, <r1>, {denied|rejected} {all charges|charges of fraud and false accounting} as {the trial|his trial} {opened|began} at the district court in <t> on <d>.",
            "Prosecutors {say|allege} that {the company|Solvane Foods} {overstated|inflated} its profits by <n> million {crowns|marks} over <m> years.",
            "\"I {trusted|relied on} the figures {I was given|my team gave me},\" <p1> told the court. \"I had no {reason|cause} to doubt them.\"",
            "<p2>, <r2>, told {jurors|the court} that {emails|documents|invoices} {showed|proved} the {accused|defendant} knew {of the losses|about the gap} {as early as|by} <n>9.",
            "The {court heard|prosecution said} that {suppliers|farmers|creditors} lost {about|more than} <m> million {crowns|marks} when the company {collapsed|failed}.",
            "{Shares in|The stock of} Solvane Foods {fell|dropped} <n> percent {in a single day|within a week} when the {accounts|losses} {were revealed|came to light}.",
            "<x> {is expected to|will} {last|run for} {six weeks|about two months|until the summer}, with <n> witnesses {due to testify|listed}.",
            "\"This was {not a mistake|no accident}. It was a {plan|scheme},\" <p2> said in {her|his} opening statement.",
            "The defence {argued|said} that {junior staff|the auditors|outside advisers} were {responsible|to blame} for the {errors|accounts}.",
            "{If convicted|If found guilty}, <p1> {faces|could face} up to <m> years in prison.",
        ],
    },
    "rail": {
        "roles": ["the rail operator's regional director", "a commuter from <t>", "the transport minister",
                  "chair of the passengers' council", "a signalling engineer"],
        "orgs": ["Northline Rail", "the passengers' council", "the transport ministry"],
        "nouns": ["the closure", "the shutdown", "the line closure"],
        "titles": ["<t> rail line to shut for <m> months", "Commuters face long detours as <t> line closes",
                   "Anger over <t> rail closure", "Bus replacement for <t> line 'not good enough'"],
        "body": [
            "The rail line between <t> and the coast will {close|shut} for <m> months from <d> while {a bridge|the tunnel|the track} is {rebuilt|repaired|replaced}, Northline Rail said.",
            "About <n>000 passengers use the line {each day|daily|on weekdays}, {most of them|many of them} {commuters|students|shift workers}.",
            "\"We {know|understand} this is {disruptive|a burden|hard for people},\" said <p1>, <r1>. \"But the {bridge|structure} is {at the end of its life|no longer safe}.\"",
            "Replacement buses will {run|operate} every <m>0 minutes, {adding|which will add} up to {an hour|forty minutes} to {journeys|the trip}.",
            "<p2>, <r2>, said {passengers|commuters} had been {given|told with} {only|barely} <m> weeks' notice.",
            "<x> {will cost|is budgeted at} <n> million {crowns|marks}, {paid for by|funded by} the transport ministry.",
            "{Businesses|Shops|Hotels} in <t> said they {feared|expected} {fewer visitors|lost trade} {during the summer|over the closure}.",
            "\"It {feels like|seems} the {towns|people} on this line {always come last|are an afterthought},\" <p2> said.",
            "{Engineers|Inspectors} {found|discovered} {cracks|corrosion} in the {bridge|viaduct} during a {routine|scheduled} inspection in 201<n>.",
            "Northline Rail said it would {review|look again at} the {bus timetable|replacement service} {after the first month|in the autumn}.",
        ],
    },
    "wildfire": {
        "roles": ["the regional fire chief", "a farmer near <t>", "the interior minister",
                  "a forestry official", "head of the volunteer brigade"],
        "orgs": ["the fire service", "the forestry agency", "the civil protection office"],
        "nouns": ["the fire", "the blaze", "the wildfire"],
        "titles": ["Wildfire forces evacuations near <t>", "Crews battle blaze in hills above <t>",
                   "<t> fire burns <n>000 hectares", "Winds fan wildfire toward <t>"],
        "body": [
            "A wildfire {spread|raced|tore} through {pine forest|scrubland|farmland} above <t> on <d>, {forcing|prompting} the {evacuation|removal} of <n>00 people.",
            "<x> has {burned|destroyed|scorched} about <m>000 hectares {since it started|since it broke out} {on <d>|earlier in the week}.",
            "\"The wind {changed direction|picked up|turned} {in the afternoon|without warning} and we had to {pull back|retreat},\" said <p1>, <r1>.",
            "{More than|About} <n>00 firefighters and <m> {aircraft|water bombers|helicopters} were {deployed|fighting the flames}, the fire service said.",
            "<p2>, <r2>, said {several homes|<m> houses|farm buildings} had been {destroyed|lost}, but {no one|nobody} had been {hurt|seriously injured}.",
            "{Temperatures|The heat} {reached|topped} <n> degrees, and {humidity|rainfall} has been {far below|well under} normal {for weeks|all summer}.",
            "The cause of <x> {is under investigation|was not yet known}, {officials|the forestry agency} said.",
            "\"We {lost|have lost} {everything|the barn and the animals},\" said <p2>. \"It {came over the hill|was here} in minutes.\"",
            "{Roads|The main road} {into|out of} <t> {remained closed|were shut} and {residents|people} were told to {stay away|avoid the area}.",
            "{Forecasters|The weather office} {expect|said} {cooler air|rain} {could arrive|might help} by <d>.",
        ],
    },
}
# Cross-topic lines any story may carry (background, reaction, what comes next).
GENERIC_BODY = [
    "{Officials|A spokesperson for <o>} {said|told reporters} {a further statement|more details} would {follow|be released} {on <d>|later in the week|in the coming days}.",
    "{Opposition politicians|Critics} {called for|demanded} {an inquiry|a full review|answers} into how <o> had {handled|managed} <x>.",
    "{The regional government|Ministers} said they were {monitoring|following} the situation {closely|hour by hour} and {stood ready|were prepared} to {help|step in}.",
    "<p1> {first|had first} {raised concerns|warned about the risks} {in a letter|at a public meeting} {last year|in the spring}, {according to|records published by} <o>.",
    "{Many|Some} {residents|people in <t>} {said|told} the {wire service|agency} they {felt|had felt} {ignored|left in the dark|let down} {for years|for too long}.",
    "{Local radio|A regional broadcaster} {reported|said} that {queues|crowds} had {formed|gathered} {outside|near} the {town hall|main square} {by mid-morning|before noon}.",
    "<o> {declined to comment|did not respond to requests for comment} on {the figures|the criticism} {on <d>|late on <d>}.",
    "{The last time|When} <t> {faced|saw} {anything similar|a crisis on this scale}, in 200<m>, {recovery|the clean-up} took {months|more than a year}.",
]
GENERIC_LOCAL = [
    "In <t>, <p1>, a {local councillor|town councillor|community organiser}, said {residents|people in the town|families} {were worried|had been asking} about what <x> would mean for them.",
    "{Readers|Residents} in <t> {can|may} {call|contact} the council {helpline|information line} on {weekdays|<d>} for {advice|updates}, {the council said|officials added}.",
    "The {Pellam|Duncairn|Lowick} {branch|office} of <o> told {this newspaper|the Courier|us} that {staff|workers} {there|locally} {were|had been} {affected|told to wait}.",
    "{A public meeting|An information evening} {will be held|is planned} at <t> {library|town hall|community centre} on <d> at <m> p.m.",
]
LOCAL_NOTES = ["Additional reporting by", "With reporting from", "Local reporting by"]


@dataclass
class GenArticle:
    """One generated article with its gold label."""

    id: str
    title: str
    text: str
    published: str
    outlet: str
    seq: int = 0
    kind: str = "original"  # original | copy | same_topic | follow_up | same_title
    strength: str | None = None
    gold_copy_of: str | None = None  # the original this is a copy of (None for non-copies)
    lifted_from: str | None = None  # for follow-ups: the story whose paragraphs it reuses
    lifted: list[str] = field(default_factory=list)  # the reused paragraphs, as printed


_ALT = re.compile(r"\{([^{}]*)\}")


def _expand(template: str, slots: dict[str, str], rng: random.Random) -> str:
    text = template
    for _ in range(3):  # alternatives may contain slots; slots may contain alternatives
        text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), text)
        text = re.sub(r"<(\w+)>", lambda m: slots.get(m.group(1), m.group(0)), text)
    return text


def _story_slots(topic: dict[str, list[str]], rng: random.Random, cast: list[str] | None = None) -> dict[str, str]:
    people = cast or [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
    roles = rng.sample(topic["roles"], 2)
    return {
        "p1": people[0], "p2": people[1], "r1": roles[0], "r2": roles[1],
        "o": rng.choice(topic["orgs"]), "t": rng.choice(TOWNS), "x": rng.choice(topic["nouns"]),
        "n": str(rng.randint(2, 9)), "m": str(rng.randint(2, 9)), "d": rng.choice(DAYS),
    }


def _story(
    topic_name: str, rng: random.Random, slots: dict[str, str] | None = None, extra: int = 0
) -> tuple[str, list[str]]:
    """A headline and paragraphs (1-3 sentences each), ~350-650 words."""
    topic = TOPICS[topic_name]
    slots = slots or _story_slots(topic, rng)
    # each story re-draws the numbers and days per sentence so that stories differ in detail
    body = topic["body"][:]
    rng.shuffle(body)
    sentences = []
    # ``extra`` more sentences re-draw the topic's templates with fresh details (longer stories)
    for template in body + rng.sample(GENERIC_BODY, k=4) + rng.choices(topic["body"] + GENERIC_BODY, k=extra):
        local = dict(slots, n=str(rng.randint(2, 9)), m=str(rng.randint(2, 9)), d=rng.choice(DAYS))
        sentence = _expand(template, local, rng)
        sentences.append(sentence[0].upper() + sentence[1:])
    paragraphs, i = [], 0
    while i < len(sentences):
        k = rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[i : i + k]))
        i += k
    wire = rng.choice(WIRES)
    paragraphs[0] = f"{slots['t'].upper()} ({wire}) \u2014 {paragraphs[0]}"
    return _expand(rng.choice(topic["titles"]), slots, rng), paragraphs


def _swap_quotes(text: str, rng: random.Random) -> str:
    """Straight quotes to curly (as a print CMS does) or curly to straight (as a web CMS does)."""
    if "\u201c" in text or "\u2019" in text:
        return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r'"(?=\w)', "\u201c", text)
    text = text.replace('"', "\u201d")
    return re.sub(r"(?<=\w)'", "\u2019", text)


_EDITS = [
    (r"\bsaid\b", "says"), (r"\bpercent\b", "per cent"), (r"\babout\b", "around"),
    (r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"\1"),
    (r"\bmore than\b", "over"), (r"\bwill\b", "would"), (r"\btold reporters\b", "told journalists"),
    (r"\b([2-9])\b", lambda m: ["", "", "two", "three", "four", "five", "six", "seven", "eight", "nine"][int(m.group(1))]),
]


def _edit_sentence(sentence: str, rng: random.Random) -> str:
    """One copy-desk edit: house style (per cent, numbers in words), a tense or a synonym."""
    options = [(p, r) for p, r in _EDITS if re.search(p, sentence)]
    if not options:
        words = sentence.split()
        if len(words) > 6:  # cut a word or two, as a sub-editor tightening a line
            del words[rng.randrange(2, len(words) - 1)]
        return " ".join(words)
    pattern, repl = rng.choice(options)
    return re.sub(pattern, repl, sentence, count=1)


def _edit_sentences(paragraphs: list[str], share: float, rng: random.Random) -> list[str]:
    out = []
    for p in paragraphs:
        sentences = re.split(r"(?<=[.!?\"\u201d])\s+(?=[\"\u201cA-Z])", p)
        sentences = [_edit_sentence(s, rng) if rng.random() < share else s for s in sentences]
        out.append(" ".join(sentences))
    return out


def _local_paragraph(topic_name: str, rng: random.Random) -> str:
    slots = _story_slots(TOPICS[topic_name], rng)
    return _expand(rng.choice(GENERIC_LOCAL), slots, rng)


def make_copy(
    original: GenArticle, topic_name: str, strength: Strength, rng: random.Random
) -> tuple[str, str]:
    """(headline, body) of a syndicated copy of ``original`` with edits of the given strength."""
    paragraphs = original.text.split("\n\n")
    topic = TOPICS[topic_name]
    title = _expand(rng.choice(topic["titles"]), _story_slots(topic, rng), rng)
    # the dateline goes: "HARROWGATE (Meridian Press) — " is dropped by most outlets
    paragraphs[0] = re.sub(r"^[A-Z ]+ \([^)]*\) \u2014 ", "", paragraphs[0])
    n = len(paragraphs)
    if strength == "light":
        if rng.random() < 0.5:
            paragraphs = paragraphs[:-1]
        paragraphs = _edit_sentences(paragraphs, 0.03, rng)
    elif strength == "medium":
        paragraphs = paragraphs[: n - rng.randint(1, 3)]
        paragraphs = _edit_sentences(paragraphs, 0.10, rng)
        paragraphs.insert(rng.randint(2, len(paragraphs)), _local_paragraph(topic_name, rng))
        j = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[j : j + 2] = [paragraphs[j] + " " + paragraphs[j + 1]]
    else:
        keep = max(3, round(n * 0.6))
        paragraphs = paragraphs[: keep + 1]
        del paragraphs[rng.randrange(2, len(paragraphs))]
        paragraphs = _edit_sentences(paragraphs, 0.25, rng)
        for _ in range(2):
            paragraphs.insert(rng.randint(1, len(paragraphs)), _local_paragraph(topic_name, rng))
        j = rng.randrange(3, len(paragraphs))
        paragraphs.insert(1, paragraphs.pop(j))
    text = _swap_quotes("\n\n".join(paragraphs), rng)
    if rng.random() < 0.3:
        text += f"\n\n{rng.choice(LOCAL_NOTES)} {rng.choice(FIRST)} {rng.choice(LAST)}."
    return title, text


def generate(
    stories: int = 120,
    copies_per_story: int = 3,
    strength: Strength = "medium",
    negatives_per_story: int = 2,
    seed: int = 7,
    extra_sentences: int = 0,
) -> list[GenArticle]:
    """A shuffled corpus: originals, their copies at ``strength``, and hard negatives.

    Ids and ``seq`` follow ingest order (shuffled, so copies may be ingested before their original);
    ``published`` puts every copy after its original. The same seed gives the same corpus. Stories run
    ~210 words; ``extra_sentences`` adds that many (about 20 words each) for longer articles.
    """
    rng = random.Random(seed)
    start = datetime(2025, 3, 1, 6, 0)
    docs: list[GenArticle] = []
    originals: list[tuple[GenArticle, str, dict[str, str]]] = []
    for s in range(stories):
        topic_name = rng.choice(sorted(TOPICS))
        slots = _story_slots(TOPICS[topic_name], rng)
        title, paragraphs = _story(topic_name, rng, slots, extra_sentences)
        when = start + timedelta(hours=rng.randint(0, 24 * 60))
        orig = GenArticle(f"s{s}", title, "\n\n".join(paragraphs), when.isoformat(), rng.choice(WIRES))
        docs.append(orig)
        originals.append((orig, topic_name, slots))
        for c in range(copies_per_story):
            c_title, c_text = make_copy(orig, topic_name, strength, rng)
            c_when = when + timedelta(minutes=rng.randint(5, 600))
            docs.append(
                GenArticle(f"s{s}c{c}", c_title, c_text, c_when.isoformat(), rng.choice(OUTLETS),
                           kind="copy", strength=strength, gold_copy_of=orig.id)
            )
    for s, (orig, topic_name, slots) in enumerate(originals):
        for k in range(negatives_per_story):
            kind = ("same_topic", "follow_up", "same_title")[(s + k) % 3]
            when = datetime.fromisoformat(orig.published) + timedelta(hours=rng.randint(-48, 72))
            # same people and town as the earlier story: the hardest same-topic case
            same_cast = dict(_story_slots(TOPICS[topic_name], rng), p1=slots["p1"], p2=slots["p2"], t=slots["t"])
            title, paragraphs = _story(topic_name, rng, same_cast, extra_sentences)
            doc = GenArticle(f"s{s}n{k}", title, "", when.isoformat(), rng.choice(OUTLETS), kind=kind)
            if kind == "follow_up":
                background = orig.text.split("\n\n")[1:]
                lifted = rng.sample(background, k=min(2, len(background)))
                paragraphs = paragraphs[:-2] + lifted
                doc.lifted_from, doc.lifted = orig.id, lifted
                doc.published = (datetime.fromisoformat(orig.published) + timedelta(hours=rng.randint(6, 72))).isoformat()
            elif kind == "same_title":
                doc.title = orig.title
            doc.text = "\n\n".join(paragraphs)
            docs.append(doc)
    rng.shuffle(docs)
    for i, d in enumerate(docs):
        d.seq = i + 1
    return docs
