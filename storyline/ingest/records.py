"""JSON records to RawDocuments: the ``{id?, url?, title?, text|html, published?, outlet?, authors?}`` shape.

A few common aliases of other dump formats are accepted (``author``, ``date``, ``publisher``) so that a
user's existing export does not need rewriting; the documented names win when both are present.
"""

from __future__ import annotations

from typing import Any

from storyline.errors import InputError
from storyline.model import RawDocument

_ALIASES: dict[str, tuple[str, ...]] = {
    "record_id": ("id", "_id", "uuid"),
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "datePublished", "pubdate"),
    "updated": ("updated", "modified", "updated_at", "dateModified"),
    "outlet": ("outlet", "publisher", "site_name", "sitename"),
}


def record_to_document(record: Any, source: str, *, file_mtime: str | None = None) -> RawDocument:
    """One JSON value to a RawDocument; raise InputError naming ``source`` when it is not a record.

    A record with both ``text`` and ``html`` keeps ``text``: a dump that carries extracted text next to
    the page chose that text, and re-extracting the HTML could only differ from it.
    """
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, found {_json_type(record)}")
    text = _string(record.get("text"))
    html = _string(record.get("html"))
    if text is None and html is None:
        if "text" in record or "html" in record:
            raise InputError(source, 'record has an empty "text"/"html"')
        raise InputError(source, 'record has neither "text" nor "html"')
    fields = {name: _first(record, keys) for name, keys in _ALIASES.items()}
    published = fields["published"]
    return RawDocument(
        source=source,
        text=text if text is not None else None,
        html=html if text is None else None,
        url=fields["url"],
        record_id=fields["record_id"],
        title=fields["title"],
        published=published,
        updated=fields["updated"],
        date_source="metadata" if published else None,
        outlet=fields["outlet"],
        authors=_authors(record.get("authors", record.get("author"))),
        file_mtime=file_mtime,
    )


def records_in_json(value: Any) -> list[Any] | None:
    """The records a whole .json file holds: one object, a list, or ``{"articles": [...]}``."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in ("articles", "records", "documents", "items"):
            inner = value.get(key)
            if isinstance(inner, list) and "text" not in value and "html" not in value:
                return inner
        return [value]
    return None


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            return str(value)
        text = _string(value)
        if text is not None:
            return text.strip()
    return None


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    return None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        names: list[str] = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("name")
            if isinstance(item, str) and item.strip():
                names.append(item.strip())
        return names
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"].strip()]
    return []


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
