"""Publication order: one comparable key for every way a date is printed.

Published values are ISO 8601 dates or datetimes as the source gave them, with or without a time
zone. Ordering compares them in UTC; a bare date sorts after every timed article of that day (its
time is unknown, so it cannot claim to be earlier than an article with a known time), and undated
articles sort after all dated ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from storyline.model import Article


def publication_key(published: str | None) -> tuple[int, str]:
    """(0, comparable UTC string) for a dated article, (1, "") for an undated one."""
    if not published:
        return (1, "")
    value = published.strip()
    if len(value) <= 10:
        return (0, value[:10] + "T~")  # "~" sorts after any digit: end of that day
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return (0, value[:10] + "T~")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (0, moment.isoformat(timespec="seconds"))


def known_publication_date(article: Article) -> str | None:
    """The article's date when it says when the article was published: from metadata, a feed or the
    text. A file's modification time (``date_source == "file"``) is when a copy was saved, so stages
    that reason about time (timelines, time decay) treat such an article as undated."""
    return None if article.date_source == "file" else article.published


def with_known_dates(articles: list[Article]) -> list[Article]:
    """The articles as those stages should see them: file-time dates dropped."""
    return [a if a.date_source != "file" else replace(a, published=None) for a in articles]
