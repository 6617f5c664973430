"""The order of the stages, and nothing else: the one module that knows it.

ingest → text → (store) → nlp → dedup → cluster → analyze → store.

``ingest_sources`` cleans documents and stores them in batches, one transaction each; ``process``
then runs the per-article stages over every article whose current revision has not been processed,
in publication order, again one transaction per batch, and finally refreshes the corpus-level
results (speakers, quote families, storylines) and re-analyses only the events that changed. Both
steps resume where an interrupted run stopped: stored articles are never lost, and an article is
marked processed in the same transaction that writes its results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storyline.analyze.event import analyze_event, analyze_storyline
from storyline.analyze.framing import score_opinion
from storyline.cluster import OnlineClusterer, group_title, sort_key
from storyline.cluster.features import features_batch
from storyline.dates import known_publication_date
from storyline.dedup.copies import CopyFinder
from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.model import Article, Event, RawDocument, Storyline
from storyline.nlp.families import build_families
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.speakers import resolve_speakers
from storyline.settings import store as store_settings
from storyline.store.cluster import SqliteClusterIndex, event_rows
from storyline.store.dedup import SqliteCopyIndex
from storyline.store.fetch_state import SqliteFetchState
from storyline.store.sqlite import Store
from storyline.text.clean import clean_document

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


def _silent(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    processed: int = 0
    events_analysed: int = 0


def ingest_sources(
    store: Store,
    paths: list[str],
    *,
    urls_file: str | None = None,
    allow_private: bool = False,
    on_error: Callable[[str], None] | None = None,
    progress: Progress = _silent,
) -> IngestReport:
    """Read every source, store the articles, then process what is new. Bad inputs are reported, not fatal."""
    report = IngestReport()
    fetch_state = SqliteFetchState(store.conn)
    documents = iter_sources(paths, urls_file=urls_file, allow_private=allow_private, fetch_state=fetch_state)
    ingest_documents(
        store, documents, report=report, on_error=on_error, progress=progress, fetch_state=fetch_state
    )
    process(store, report=report, progress=progress)
    return report


def ingest_documents(
    store: Store,
    documents: Iterable[RawDocument | InputError],
    *,
    report: IngestReport,
    on_error: Callable[[str], None] | None = None,
    progress: Progress = _silent,
    fetch_state: SqliteFetchState | None = None,
) -> None:
    """Clean and store documents in batches; each batch is one transaction, which also records what
    was fetched (ETags, seen feed entries) so a URL is never marked done before its article is stored."""
    batch: list[Article] = []

    def flush() -> None:
        if batch or fetch_state is not None:
            with store.transaction():
                result = store.add_articles(_dedupe_ids(batch))
                if fetch_state is not None:
                    fetch_state.flush()
            report.new += len(result.new)
            report.revised += len(result.revised)
            report.unchanged += len(result.unchanged)
            batch.clear()

    for item in documents:
        if isinstance(item, InputError):
            report.errors.append(str(item))
            if on_error:
                on_error(str(item))
            continue
        report.read += 1
        try:
            batch.append(clean_document(item))
        except InputError as exc:
            report.errors.append(str(exc))
            if on_error:
                on_error(str(exc))
        progress("read", report.read, None)
        if len(batch) >= store_settings.INGEST_BATCH:
            flush()
    flush()


def _dedupe_ids(batch: list[Article]) -> list[Article]:
    """Within one batch the last printing of an id wins, as it would across batches."""
    return list({a.id: a for a in batch}.values())


def process(
    store: Store, *, report: IngestReport | None = None, progress: Progress = _silent
) -> IngestReport:
    """Run the stages over every pending article, then refresh corpus-level results and changed events."""
    report = report or IngestReport()
    pending = sorted(store.pending_articles(), key=sort_key)
    total = len(pending)
    done = 0
    for batch in _batches(pending, store_settings.PROCESS_BATCH):
        quotes = extract_quotes(batch)
        with store.transaction() as conn:
            finder = CopyFinder(SqliteCopyIndex(conn))
            clusterer = OnlineClusterer(SqliteClusterIndex(conn))
            touched: set[str] = set()
            # features of the articles still to place, computed together (the embedding is batched)
            unplaced = [a for a in batch if a.event is None]
            features = dict(zip((a.id for a in unplaced), features_batch(unplaced), strict=True))
            for article in batch:
                article.copy_of = finder.add(article)
                finder.save_passages(article)
                # a revised article keeps its event: placing it twice would count it twice
                if article.event is None:
                    article.event = clusterer.assign(article, features[article.id]).event
                touched.add(article.event)
                article.opinion, article.opinion_evidence = score_opinion(article)
                store.replace_quotes(article.id, quotes.get(article.id, []))
                store.save_article_results(article)
            touched |= store.set_copies(finder.take_changes())
            for event_id, storyline_id, title in event_rows(conn, touched):
                event = store.event(event_id) or Event(id=event_id, title=title, articles=[])
                event.storyline = storyline_id
                event.title = event.title or title
                store.save_event(event, dirty=True)
        done += len(batch)
        report.processed += len(batch)
        progress("process", done, total)
    if total:
        refresh_corpus(store, progress=progress)
    report.events_analysed += analyse_dirty(store, progress=progress)
    return report


def _batches(items: list[Article], size: int) -> Iterable[list[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def refresh_corpus(store: Store, *, progress: Progress = _silent) -> None:
    """Corpus-level results recomputed over all quotes (speakers and quote families: a new article can
    name the holder of a role or print an earlier quote), and storyline rows for the events' storylines."""
    progress("speakers", 0, None)
    articles = {a.id: a for a in store.articles()}
    quotes = store.quotes()
    speakers = resolve_speakers(quotes, articles)
    families = build_families(quotes, articles)
    with store.transaction():
        store.set_quote_links(quotes)
        store.replace_speakers(speakers)
        store.replace_families(families)
        store.delete_empty_events()
        storyline_ids = {e.storyline for e in store.events() if e.storyline}
        store.delete_storylines_except(storyline_ids)
        for storyline_id in storyline_ids:
            if store.storyline(storyline_id) is None:
                store.save_storyline(Storyline(id=storyline_id, title="", events=[]), dirty=True)
    progress("speakers", 1, 1)


def analyse_dirty(store: Store, *, progress: Progress = _silent) -> int:
    """Re-analyse the events whose articles changed, then their storylines; nothing else is recomputed."""
    dirty = store.dirty_event_ids()
    storylines_touched: set[str] = set()
    for i, event_id in enumerate(dirty, 1):
        event = store.event(event_id)
        if event is None:
            continue
        articles = store.articles(event.articles)
        quotes = store.quotes(articles=event.articles)
        analysed = analyze_event(event, articles, quotes)
        analysed.title = group_title(articles) or analysed.title
        analysed.start, analysed.end = _date_span(articles)
        with store.transaction():
            store.save_event(analysed, dirty=False)
        if analysed.storyline:
            storylines_touched.add(analysed.storyline)
        progress("analyse", i, len(dirty))
    for storyline_id in sorted(storylines_touched):
        storyline = store.storyline(storyline_id) or Storyline(id=storyline_id, title="", events=[])
        events = store.events(storyline=storyline_id)
        storyline.events = [e.id for e in events]
        articles = store.articles(a for e in events for a in e.articles)
        if len(events) == 1:  # a one-event storyline reads as its event: no second analysis
            storyline.summary, storyline.timeline = events[0].summary, events[0].timeline
            analysed_storyline = storyline
        else:
            analysed_storyline = analyze_storyline(storyline, events, articles)
        analysed_storyline.title = _storyline_title(events, articles)
        analysed_storyline.start, analysed_storyline.end = _date_span(articles)
        with store.transaction():
            store.save_storyline(analysed_storyline, dirty=False)
    return len(dirty)


def _date_span(articles: list[Article]) -> tuple[str | None, str | None]:
    """First and last publication dates the articles state (file times are not publication dates)."""
    dates = sorted(d for d in map(known_publication_date, articles) if d)
    return (dates[0], dates[-1]) if dates else (None, None)


def _storyline_title(events: list[Event], articles: list[Article]) -> str:
    """The title of the central article of the storyline's largest event: drawn from the articles."""
    if not events:
        return ""
    largest = max(events, key=lambda e: (len(e.articles), e.end or ""))
    members = set(largest.articles)
    return group_title([a for a in articles if a.id in members]) or largest.title
