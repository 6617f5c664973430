"""Which lines of an article are not the article: captions, embeds, prompts, related-story widgets.

Every rule here is about news-page furniture in general, never about one site. The guiding rule is
"when in doubt, keep": each pattern needs a strong cue (a fixed prompt phrase, a photo-agency credit,
a t.co link) and a length limit, because dropping a paragraph of reporting is worse than keeping a
caption. Subheads are short lines too; nothing here removes a line for being short alone.
"""

from __future__ import annotations

import re

from storyline.settings import text as settings

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


# --- captions and photo credits -------------------------------------------------------------------
_PHOTO_WORDS = (
    r"Getty\s*Images|AP\s*Photo|AFP|EPA|Reuters|Shutterstock|Alamy|iStock|TNS|Pool|Photo|Photograph|"
    r"Picture|Image|Courtesy|Handout|Bloomberg|NurPhoto|SOPA|Anadolu|Xinhua|Sipa|REX|PA\s*Wire|"
    r"Staff|File|via"
)
# "... in Brussels.  (Jane Roe/Getty Images Europe/TNS)" - a credit in brackets closing the line.
_CREDIT_END = re.compile(
    r"[\(\[](?:[^()\[\]]*/[^()\[\]]*|[^()\[\]]*\b(?:" + _PHOTO_WORDS + r")\b[^()\[\]]*)[\)\]]\s*$"
)
_CAPTION_START = re.compile(
    r"^\s*(?:photo|photograph|picture|image|caption|credit|photo credit|image credit|pictured|"
    r"foto|video|watch|gallery|slideshow)s?\s*(?:\(s\))?\s*[:|\-\u2013\u2014]\s*",
    re.IGNORECASE,
)
_CREDIT_ONLY = re.compile(
    r"^\s*(?:(?:photo|image|picture)\s*(?:credit)?\s*[:|]?\s*)?"
    r"(?:[\w.\-' ]{1,40}\s*/\s*)?(?:Getty\s*Images|AP(?:\s*Photo)?|AFP(?:\s*via\s*Getty\s*Images)?|"
    r"Reuters|Shutterstock|EPA(?:-EFE)?|Alamy|iStock(?:photo)?|PA(?:\s*Wire)?|Handout|File photo)"
    r"(?:\s*/\s*[\w.\-' ]{1,40})*\s*$",
    re.IGNORECASE,
)
_PHOTO_BY = re.compile(r"^\s*(?:photo|photograph|image|picture)s?\s+(?:by|courtesy of|via)\s", re.IGNORECASE)
# "Jewels by ..., photos © Studio, 2018" - a copyright sign with a photo word.
_COPYRIGHT_PHOTO = re.compile(r"(?:photo|image|picture)s?\s*(?:\u00a9|\(c\)|copyright)", re.IGNORECASE)


def is_caption(line: str) -> bool:
    """Photo captions and credits: a leading "Photo:", a closing "(Name/Agency)" credit, a bare credit."""
    n = word_count(line)
    if n == 0:
        return False
    if _CREDIT_ONLY.match(line):
        return True
    if n <= 80 and (_CAPTION_START.match(line) or _PHOTO_BY.match(line)):
        return True
    if n <= 80 and _CREDIT_END.search(line) and not _reads_like_quote_attribution(line):
        return True
    return n <= 40 and bool(_COPYRIGHT_PHOTO.search(line))


def _reads_like_quote_attribution(line: str) -> bool:
    # "(Reporting by Jane Roe; Editing by Sam Poe)" ends Reuters copy and is part of the article.
    return bool(re.search(r"\((?:additional\s+)?(?:reporting|writing|editing)\b", line, re.IGNORECASE))


# --- "Read also" / related-story lines ------------------------------------------------------------
_RELATED = re.compile(
    r"^\s*[\-\u2022*>\u25ba\u25b6]?\s*(?:read|see|also|watch|listen|view)?\s*(?:also|more|next|now|"
    r"this|too)?\s*"
    r"(?:read also|also read|read more|more reading|see also|see more|read next|read this|related|"
    r"related stories|related articles|related coverage|related content|related links|more on this|"
    r"more from [\w.\-' ]{1,30}|more|also on [\w\-]+\.[a-z]{2,4}|also see|recommended|recommended for you|"
    r"you may also like|"
    r"you might also like|most read|most popular|trending|editor'?s picks|top stories|don'?t miss|"
    r"must read|further reading|latest news|more stories|keep reading|up next|what to read next|"
    r"popular on [\w.\-]+|most read in [\w ]+|related posts?|also|"
    r"leggi anche|lesen sie auch|lire aussi|leia tamb\u00e9m|lea tambi\u00e9n)"
    r"(?:\b\s*(?:[:|\-\u2013\u2014>\u00bb]|\.{3}|\u2026|$)|(?<=\.[a-z]{2})\s|(?<=\.[a-z]{3})\s)",
    re.IGNORECASE,
)
_RELATED_BRACKET = re.compile(r"^\s*\((?:read|see|leggi|lesen|lire)\s+(?:also|more|anche|auch|aussi)\b", re.I)
# "Headline of another story [VIDEO]" - the tags tabloids put on teaser links.
_TEASER_TAG = re.compile(
    r"\[(?:INSIGHT|VIDEO|PICS|PICTURES|PHOTOS|REACTION|REVEALED|LATEST|NEWS|ANALYSIS|POLL|LIVE|MAP|"
    r"EXPLAINED|UPDATE|GALLERY)\]\s*\|?\s*$",
    re.IGNORECASE,
)


def is_related(line: str) -> bool:
    """ "Read also: ...", "Related: ...", "READ MORE: ...", "DON'T MISS", teaser links with [VIDEO] tags."""
    if word_count(line) > 40:
        return False
    if _RELATED.match(line) or _RELATED_BRACKET.match(line):
        return True
    return word_count(line) <= 25 and bool(_TEASER_TAG.search(line))


def opens_related_block(line: str) -> bool:
    """A heading ("Related:", "DON'T MISS", "You may also like") after which a list of links follows."""
    return is_related(line) and word_count(line) <= 6


# --- embedded social posts ------------------------------------------------------------------------
_TCO = re.compile(r"^\s*(?:\S.*\s)?(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/\w+\s*$", re.I)
_TCO_ONLY = re.compile(r"^\s*(?:(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/\w+\s*)+$", re.I)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "— Jane Roe (@janeroe) March 12, 2026" - the signature of an embedded tweet.
_SIGNATURE = re.compile(
    r"^\s*[\-\u2013\u2014~]+\s*[^()\n]{0,80}\(@\w{1,30}\)\s*(?:"
    + _MONTHS
    + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+"
    + _MONTHS
    + r"\s+\d{4})?\s*$"
)
_INSTAGRAM = re.compile(
    r"^\s*(?:A post shared by .{0,80}|View this post on Instagram|View (?:more )?on Instagram|"
    r"(?:Watch|View) (?:on|this (?:post|video) on) (?:Twitter|X|TikTok|YouTube|Facebook|Instagram)|"
    r"Embedded (?:video|content|tweet)|Twitter (?:post|embed)|Facebook (?:post|embed))\s*$",
    re.IGNORECASE,
)


def is_social_frame(line: str) -> bool:
    """A line that can only be part of an embedded post: a bare t.co link, a "— Name (@handle) Date"
    signature, Instagram's "A post shared by"."""
    return bool(_TCO_ONLY.match(line) or _SIGNATURE.match(line) or _INSTAGRAM.match(line))


def is_bare_post_link(line: str) -> bool:
    return bool(_TCO_ONLY.match(line))


def ends_with_post_link(line: str) -> bool:
    """Tweet text as embedded: the post's words followed by its t.co / pic.twitter.com link."""
    return bool(_TCO.match(line)) and len(line) <= settings.SOCIAL_POST_MAX_CHARS


_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|added|stated|wrote|reported|announced)\b", re.IGNORECASE
)


def could_be_post_text(line: str) -> bool:
    """A neighbour of an embed frame that may be the post it frames: tweet-sized, not reported speech."""
    return (
        0 < len(line) <= settings.SOCIAL_POST_MAX_CHARS
        and not line.rstrip().endswith(":")
        and not _ATTRIBUTION.search(line)
        and not is_subhead_like(line)
    )


def is_subhead_like(line: str) -> bool:
    """A short line without final punctuation (a subhead, a heading)."""
    s = line.strip()
    return 0 < word_count(s) <= 12 and s[-1:] not in ".!?\"'\u201d\u2019:;,)"


# --- newsletter, share, follow, app and comment prompts -------------------------------------------
_PROMPT = re.compile(
    r"(?:^|\b)(?:"
    r"sign up (?:for|to)|sign up now|sign up today|subscribe (?:to|for|now|today|here)|"
    r"get (?:our|the) [\w' ]{0,40}newsletter|our newsletter|daily newsletter|"
    r"delivered (?:straight |right )?to your inbox|in your inbox|thanks for signing up|"
    r"thank you for (?:signing up|subscribing)|error processing your subscription|"
    r"share (?:this|on) (?:article|story|facebook|twitter|whatsapp|linkedin|email)|"
    r"share it with a friend|click (?:here|to share)|tap here|download (?:the|our) [\w' ]{0,30}app|"
    r"get the [\w' ]{0,30}app|follow (?:us|[\w' .]{1,40}) on (?:twitter|facebook|instagram|x|"
    r"tiktok|youtube|linkedin|threads|bluesky)|like us on facebook|"
    r"join the (?:conversation|discussion)|leave a comment|tell us what you think|"
    r"view comments|show comments|"
    r"print (?:this )?article|order reprints|reprints? (?:&|and) permissions|"
    r"this copy is for your personal, non-commercial use|"
    r"have a (?:news )?tip\?|got a (?:news )?tip\?|send us a tip|"
    r"(?:write|email|e-mail|reach|contact) (?:to )?[\w' .]{1,40} at [\w.\-+]+@[\w.\-]+|"
    r"sponsored content|story continues below|article continues below|"
    r"continue reading (?:below|the main story)|scroll (?:down )?to continue|"
    r"an error has occurred|please try again later|we're sorry, this feature|"
    r"listen to (?:this|the) article|"
    r"copyright\s*[\u00a9\u24d2]|[\u00a9\u24d2]\s*(?:copyright\s*)?\d{4}|all rights reserved|^\s*copyright\b|"
    r"your inbox|^[\w'\u2019 .\-]{1,40} newsletter\s*$|reach the (?:reporter|writer|author)s?\b|"
    r"^\s*[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*$|"
    r"^\s*(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram|tiktok|threads)\.(?:com|net)/[\w.]+/?\s*$"
    r")",
    re.IGNORECASE,
)


def is_prompt(line: str) -> bool:
    """Newsletter sign-ups, share/follow buttons, app plugs, comment counters, reprint links."""
    n = word_count(line)
    if n == 0 or n > 45:
        return False
    m = _PROMPT.search(line)
    if not m:
        return False
    # In a longer line the prompt must open a sentence ("... Sign up for our newsletter."), not sit
    # inside one ("you can sign up for a bundle").
    before = line[: m.start()].rstrip()
    return n <= 15 or not _WORD.search(before) or before[-1:] in ".!?|\u2022"


# --- cookie banners and paywalls ------------------------------------------------------------------
_COOKIE = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|"
    r"settings|preferences|consent)|by continuing to (?:use|browse) (?:this|our) (?:site|website)|"
    r"manage (?:your )?(?:cookie|privacy) (?:settings|preferences)|consent to (?:the use of )?cookies)\b",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"\b(?:subscribe to (?:continue|keep) reading|to continue reading|continue reading with|"
    r"already (?:a subscriber|have an account)|subscribers? only|for subscribers|this (?:article|"
    r"content|story) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)|"
    r"sign in to (?:continue|read)|log in to (?:continue|read)|create (?:a )?free account to "
    r"(?:continue|read)|you(?:'ve| have) reached (?:your|the) (?:free )?(?:article )?limit|"
    r"unlock (?:this|full) (?:article|story|access)|start your (?:free )?trial|"
    r"members get all of our content|no paywalls)\b",
    re.IGNORECASE,
)


def is_cookie_banner(line: str) -> bool:
    return word_count(line) <= 80 and bool(_COOKIE.search(line))


def is_paywall(line: str) -> bool:
    return word_count(line) <= 80 and bool(_PAYWALL.search(line))


# --- widgets --------------------------------------------------------------------------------------
_WIDGET = re.compile(
    r"^\s*(?:share|tweet|email|print|save|comment|comments|facebook|twitter|whatsapp|linkedin|"
    r"pinterest|reddit|copy link|copied|menu|search|home|close|skip to (?:main )?content|"
    r"sign in|log in|log out|register|subscribe|advertisement|ad|sponsored|loading\.*|\d*\s*comments?|"
    r"tags?|topics?|filed under|more|next|previous|back to top|top|show more|see more|load more|"
    r"arrow-(?:right|left|up|down)(?: \w+)?|camera|icon|play|pause|video|audio|photos?|gallery|"
    r"sorry!?|thank you|thanks|(?:\d*\s*comments?\s*){2,3}|\d+\s*min(?:ute)?s?\s+read|"
    r"(?:reading time|read time|tempo de leitura|lesezeit|temps de lecture)\s*:?\s*\d+\s*\w*)\s*[:|]?\s*$",
    re.IGNORECASE,
)
_TAG_LIST = re.compile(
    r"^\s*(?:tags?|topics?|filed under|categories|category)(?:\s*[:|]\s*\S|\s+[^,]+,[^,]+,)", re.IGNORECASE
)


def is_widget(line: str) -> bool:
    """Button labels and UI text that survived extraction ("Share", "Comments", "Tags: ...")."""
    return bool(_WIDGET.match(line) or (_TAG_LIST.match(line) and word_count(line) <= 40))
