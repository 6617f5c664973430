"""The ``storyline`` command: a thin layer over the pipeline, the store and the export contract."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from storyline import __version__
from storyline.errors import StorylineError
from storyline.store.sqlite import Store, default_db_path

app = typer.Typer(
    help="Follow developing news stories across outlets: copies, events, storylines, quotes, coverage.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score storyline against labelled public data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")

console = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Database file (default: $STORYLINE_DB or ./storyline.db).", show_default=False),
]


def _db(db: Path | None) -> str:
    return str(db) if db else default_db_path()


@contextmanager
def open_store(db: Path | None, *, must_exist: bool = True):
    path = _db(db)
    if must_exist and not Path(path).exists():
        err.print(f"[red]error:[/] {escape(path)}: no such database (run `storyline ingest PATH` first)")
        raise typer.Exit(2)
    try:
        store = Store(path)
    except StorylineError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    try:
        yield store
    finally:
        store.close()


@contextmanager
def progress_bar(enabled: bool = True):
    """A Rich progress bar fed by the pipeline's (stage, done, total) callback; shown after a second."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not enabled or not err.is_terminal,
    )
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    with progress:
        yield update


def report_skipped(line: str) -> None:
    """One bad input, on one line however long (a script can grep it)."""
    err.print(f"[yellow]skipped:[/] {escape(line)}", soft_wrap=True)


def _short(text: str | None, width: int = 70) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# -- ingest ----------------------------------------------------------------------------------------
@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, feed files, WARCs or URLs.")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="A file with one URL per line.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching from private and loopback addresses.")
    ] = False,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the final line.")] = False,
) -> None:
    """Read articles, store them, and update copies, events, quotes and analysis for what is new."""
    from storyline.pipeline import ingest_sources

    if not paths and not urls:
        err.print("[red]error:[/] give at least one PATH or --urls FILE")
        raise typer.Exit(2)
    started = time.perf_counter()
    with open_store(db, must_exist=False) as store, progress_bar(not quiet) as update:
        try:
            report = ingest_sources(
                store,
                list(paths or []),
                urls_file=str(urls) if urls else None,
                allow_private=allow_private,
                on_error=report_skipped,
                progress=update,
            )
        except KeyboardInterrupt:
            # the open batch was rolled back; every committed batch is whole
            err.print(
                f"interrupted: {store.article_count()} articles stored, {len(store.pending_articles())} not yet "
                "processed; run the same command again to resume",
                soft_wrap=True,
            )
            raise typer.Exit(130) from None
    took = time.perf_counter() - started
    console.print(
        f"{report.read} read: {report.new} new, {report.revised} revised, {report.unchanged} unchanged, "
        f"{len(report.errors)} errors; {report.processed} processed, {report.events_analysed} events analysed "
        f"in {took:.1f}s → {escape(_db(db))}"
    )
    if report.errors and report.read == 0:
        raise typer.Exit(1)


@app.command()
def process(db: DbOption = None) -> None:
    """Finish processing articles an interrupted run stored but did not process."""
    from storyline.pipeline import process as run_process

    with open_store(db) as store, progress_bar() as update:
        report = run_process(store, progress=update)
    console.print(f"{report.processed} processed, {report.events_analysed} events analysed")


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs or files to poll.")],
    every: Annotated[str, typer.Option("--every", help="Polling interval: 30s, 10m, 1h.")] = "10m",
    iterations: Annotated[int | None, typer.Option("--iterations", help="Stop after N polls.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private")] = False,
    db: DbOption = None,
) -> None:
    """Poll feeds, ingest what is new, and say when a story moves. Ctrl-C stops; state survives restarts."""
    from storyline.ingest.watch import parse_interval, watch_feeds
    from storyline.pipeline import IngestReport, ingest_documents
    from storyline.pipeline import process as run_process
    from storyline.store.fetch_state import SqliteFetchState

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    with open_store(db, must_exist=False) as store:
        state = SqliteFetchState(store.conn)

        def handle(documents: list) -> int:
            before = {e.id: len(e.articles) for e in store.events()}
            report = IngestReport()
            ingest_documents(store, documents, report=report, on_error=report_skipped)
            run_process(store, report=report)
            stamp = datetime.now().strftime("%H:%M:%S")
            console.print(f"{stamp} {report.new} new, {report.revised} revised articles")
            for event in store.events():
                if len(event.articles) != before.get(event.id, 0):
                    verb = "new story" if event.id not in before else "story moved"
                    console.print(
                        f"  {verb}: [bold]{escape(event.title)}[/] ({len(event.articles)} articles) {event.id}"
                    )
            return report.new + report.revised

        try:
            watch_feeds(
                feeds,
                seconds,
                handle,
                state,
                iterations=iterations,
                allow_private=allow_private,
                on_error=lambda m: err.print(f"[yellow]error:[/] {escape(m)}"),
                transaction=store.transaction,
            )
        except KeyboardInterrupt:
            console.print("stopped")


# -- reading the store -----------------------------------------------------------------------------
@app.command()
def stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many events to list.")] = 50,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only events this outlet covered.")] = None,
) -> None:
    """Events grouped by storyline, newest activity first, with articles, sources, outlets and dates."""
    with open_store(db) as store:
        carried_by = store.event_outlets()
        titles = {s.id: s.title for s in store.storylines()}
        table = Table(title=f"Stories in {_db(db)}", show_lines=False)
        for column in ("event", "storyline", "title", "articles", "sources", "outlets", "dates"):
            table.add_column(column, overflow="fold")
        shown = 0
        for event in store.events():
            outlets = sorted(carried_by.get(event.id, ()))
            if outlet and outlet not in outlets:
                continue
            dates = f"{(event.start or '?')[:10]} → {(event.end or '?')[:10]}"
            table.add_row(
                event.id,
                _short(titles.get(event.storyline, ""), 30),
                _short(event.title, 60),
                str(len(event.articles)),
                str(event.independent_sources),
                ", ".join(outlets),
                dates,
            )
            shown += 1
            if shown >= limit:
                break
        console.print(table)


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="An event, storyline or article id.")],
    db: DbOption = None,
) -> None:
    """One event (summary, timeline, coverage, articles, quotes), storyline or article."""
    with open_store(db) as store:
        if (event := store.event(item_id)) is not None:
            _show_event(store, event)
        elif (storyline := store.storyline(item_id)) is not None:
            _show_storyline(store, storyline)
        elif (article := store.article(item_id)) is not None:
            _show_article(store, article)
        else:
            err.print(f"[red]error:[/] no event, storyline or article with id {escape(item_id)}")
            raise typer.Exit(1)


def _show_event(store: Store, event) -> None:
    articles = {a.id: a for a in store.articles(event.articles)}
    console.rule(f"[bold]{escape(event.title)}[/]")
    console.print(
        f"event {event.id} · storyline {event.storyline} · {len(event.articles)} articles · "
        f"{event.independent_sources} independent sources · {event.start or '?'} → {event.end or '?'}"
    )
    if event.summary:
        console.print("\n[bold]Summary[/]")
        for sentence in event.summary:
            console.print(f"• {escape(sentence.text)} [dim]{', '.join(sentence.sources)}[/]")
    if event.timeline:
        console.print("\n[bold]Timeline[/]")
        for entry in event.timeline:
            console.print(f"{entry.date}  {escape(_short(entry.text, 100))} [dim]{', '.join(entry.sources)}[/]")
    table = Table(title="Articles", show_lines=False)
    for column in ("article", "outlet", "published", "title", "copy of", "opinion", "reused"):
        table.add_column(column, overflow="fold")
    from storyline.export import store_passages

    passages = store_passages(store, articles.values())
    for article_id in event.articles:
        a = articles[article_id]
        reused = [p for p in passages.get(a.id, []) if p.get("origin")]
        table.add_row(
            a.id,
            a.outlet or "?",
            (a.published or "?")[:10],
            _short(a.title, 50),
            a.copy_of or "",
            f"{a.opinion:.2f}",
            f"{len(reused)} passages" if reused else "",
        )
    console.print(table)
    if event.coverage:
        cov = Table(title="Coverage by outlet")
        for column in ("outlet", "articles", "quotes", "unique facts", "missing facts", "opinion"):
            cov.add_column(column, overflow="fold")
        for c in event.coverage:
            cov.add_row(
                c.outlet,
                str(len(c.articles)),
                str(len(c.quotes)),
                "\n".join(_short(f, 60) for f in c.unique_facts[:3]),
                "\n".join(_short(f, 60) for f in c.missing_facts[:3]),
                f"{c.opinion:.2f}",
            )
        console.print(cov)
    quotes = store.quotes(articles=event.articles)
    if quotes:
        console.print("\n[bold]Quotes[/]")
        for q in quotes:
            who = q.speaker_name or q.speaker_text or "?"
            console.print(f"“{escape(_short(q.text, 90))}” — {escape(who)} [dim]({q.cue or ''}; {q.article})[/]")


def _show_storyline(store: Store, storyline) -> None:
    console.rule(f"[bold]{escape(storyline.title)}[/]")
    console.print(f"storyline {storyline.id} · {len(storyline.events)} events · {storyline.start} → {storyline.end}")
    for event_id in storyline.events:
        event = store.event(event_id)
        if event:
            console.print(
                f"  {event.start or '?':.10}  {event.id}  {escape(event.title)} ({len(event.articles)} articles)"
            )
    if storyline.summary:
        console.print("\n[bold]Summary[/]")
        for sentence in storyline.summary:
            console.print(f"• {escape(sentence.text)} [dim]{', '.join(sentence.sources)}[/]")
    if storyline.timeline:
        console.print("\n[bold]Timeline[/]")
        for entry in storyline.timeline:
            console.print(f"{entry.date}  {escape(_short(entry.text, 100))} [dim]{', '.join(entry.sources)}[/]")


def _show_article(store: Store, article) -> None:
    from storyline.export import store_passages

    console.rule(f"[bold]{escape(article.title or '(no headline)')}[/]")
    console.print(
        f"{article.id} · {article.outlet or '?'} · {article.published or '?'} ({article.date_source or 'no date'}) · "
        f"by {', '.join(article.authors) or '?'}{' · wire: ' + article.wire if article.wire else ''} · "
        f"language {article.language} · confidence {article.confidence:.2f} · opinion {article.opinion:.2f}"
    )
    if article.copy_of:
        console.print(f"[yellow]copy of {article.copy_of}[/]")
    console.print(escape(article.text))
    reused = [p for p in store_passages(store, [article])[article.id] if p.get("origin")]
    for p in reused:
        console.print(f"[dim]reused passage {p['start']}–{p['end']} from {p['origin']}[/]")
    if article.removed:
        console.print("\n[bold]Removed as boilerplate[/]")
        for line in article.removed:
            console.print(f"[dim]- {escape(_short(line, 100))}[/]")
    revisions = store.revisions(article.id)
    if revisions:
        from storyline.revisions import describe_revision

        console.print(f"\n[bold]Revisions[/] (current: {article.revision})")
        for rev in revisions:
            console.print(f"revision {rev['revision']} replaced {rev['replaced_at']}")
        for change in describe_revision(revisions[-1], article):
            console.print(f"  {escape(change)}")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name or alias (case-insensitive).")] = None,
    story: Annotated[str | None, typer.Option("--story", help="Event or storyline id.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles published on or after YYYY-MM-DD.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 100,
    db: DbOption = None,
) -> None:
    """Quotes with their speakers, outlets and dates."""
    since_date = _parse_date(since) if since else None
    with open_store(db) as store:
        speakers = {s.id: s for s in store.speakers()}
        wanted: set[str] | None = None
        if speaker:
            needle = speaker.casefold()
            wanted = {
                s.id
                for s in speakers.values()
                if needle in s.name.casefold() or any(needle == a.casefold() for a in s.aliases)
            }
            if not wanted:
                err.print(f"[yellow]no speaker matches {escape(speaker)}[/] (see `storyline speakers`)")
                raise typer.Exit(1)
        article_filter = None
        if story:
            event = store.event(story)
            if event is None and store.storyline(story) is not None:
                article_filter = [a for e in store.events(storyline=story) for a in e.articles]
            elif event is not None:
                article_filter = event.articles
            else:
                err.print(f"[red]error:[/] no event or storyline {escape(story)}")
                raise typer.Exit(1)
        rows = store.quotes(articles=article_filter)
        articles = {a.id: a for a in store.articles({q.article for q in rows})}
        table = Table(title="Quotes")
        for column in ("date", "speaker", "quote", "cue", "outlet", "family"):
            table.add_column(column, overflow="fold")
        shown = 0
        for q in rows:
            a = articles[q.article]
            if wanted is not None and q.speaker not in wanted:
                continue
            if since_date and (not a.published or a.published[:10] < since_date):
                continue
            who = speakers[q.speaker].name if q.speaker in speakers else (q.speaker_name or q.speaker_text or "?")
            table.add_row((a.published or "?")[:10], who, _short(q.text, 80), q.cue or "", a.outlet or "?", q.family)
            shown += 1
            if shown >= limit:
                break
        console.print(table)


@app.command()
def speakers(db: DbOption = None, limit: Annotated[int, typer.Option("--limit", "-n")] = 100) -> None:
    """Speakers with their aliases, roles and number of quotes."""
    with open_store(db) as store:
        counts = store.speaker_quote_counts()
        table = Table(title="Speakers")
        for column in ("speaker", "name", "aliases", "roles", "quotes"):
            table.add_column(column, overflow="fold")
        ranked = sorted(store.speakers(), key=lambda s: (-counts.get(s.id, 0), s.name))
        for s in ranked[:limit]:
            name = escape(s.name) if s.kind == "person" else f"[italic]{escape(s.name)}[/] ({s.kind})"
            table.add_row(s.id, name, ", ".join(s.aliases), ", ".join(s.roles), str(counts.get(s.id, 0)))
        console.print(table)


@app.command()
def quote(family_id: Annotated[str, typer.Argument(metavar="FAMILY_ID")], db: DbOption = None) -> None:
    """One quote family: where it appeared first, every appearance and the altered variants."""
    with open_store(db) as store:
        found = store.families([family_id])
        if not found:
            err.print(f"[red]error:[/] no quote family {escape(family_id)}")
            raise typer.Exit(1)
        family = found[0]
        speakers = {s.id: s for s in store.speakers()}
        quotes_by_id = {q.id: q for q in store.quotes(family=family_id)}
        articles = {a.id: a for a in store.articles(a.article for a in family.appearances)}
        who = speakers[family.speaker].name if family.speaker in speakers else "?"
        console.rule(f"[bold]{escape(who)}[/]")
        console.print(f"“{escape(family.text)}”")
        first = articles.get(family.first_seen.article)
        console.print(
            f"first seen: {family.first_seen.article} "
            f"({first.outlet if first else '?'}, {family.first_seen.published or '?'})"
        )
        table = Table(title="Appearances")
        for column in ("date", "outlet", "article", "variant", "as printed"):
            table.add_column(column, overflow="fold")
        for app_ in family.appearances:
            a = articles.get(app_.article)
            q = quotes_by_id.get(app_.quote)
            printed = q.text if q else ""
            if app_.variant == "altered" and app_.diff:
                printed += f"\n[red]differs: {escape(app_.diff)}[/]"
            table.add_row(
                (a.published if a else "?") or "?",
                (a.outlet if a else "?") or "?",
                app_.article,
                app_.variant,
                printed,
            )
        console.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all required); "a phrase" in double quotes.')],
    limit: Annotated[int, typer.Option("--limit", "-n")] = 20,
    db: DbOption = None,
) -> None:
    """Full-text search over titles and texts."""
    with open_store(db) as store:
        hits = store.search(query, limit=limit)
        if not hits:
            console.print(f"no articles match {escape(query)}")
            return
        table = Table(title=f"Search: {query}")
        for column in ("article", "outlet", "date", "title", "event", "snippet"):
            table.add_column(column, overflow="fold")
        for article, snippet in hits:
            table.add_row(
                article.id,
                article.outlet or "?",
                (article.published or "?")[:10],
                _short(article.title, 50),
                article.event or "",
                escape(snippet),
            )
        console.print(table)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or csv.")] = "json",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")] = None,
    table: Annotated[str, typer.Option("--table", help="With csv: which table.")] = "articles",
    db: DbOption = None,
) -> None:
    """Everything as the export contract's JSON (or JSON lines, or one CSV table)."""
    from storyline.export import CSV_TABLES, export_document, iter_jsonl, to_csv

    if fmt not in ("json", "jsonl", "csv"):
        err.print(f"[red]error:[/] unknown format {escape(fmt)} (json, jsonl or csv)")
        raise typer.Exit(2)
    if fmt == "csv" and table not in CSV_TABLES:
        err.print(f"[red]error:[/] unknown table {escape(table)} ({', '.join(CSV_TABLES)})")
        raise typer.Exit(2)
    with open_store(db) as store:
        document = export_document(store)
    if fmt == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = "\n".join(iter_jsonl(document)) + "\n"
    else:
        text = to_csv(document, table)
    if out:
        out.write_text(text, encoding="utf-8")
        err.print(f"wrote {out}")
    else:
        sys.stdout.write(text)


@app.command()
def new(
    since: Annotated[
        str | None, typer.Option("--since", help="YYYY-MM-DD: what was not reported before this date.")
    ] = None,
    seen: Annotated[
        Path | None,
        typer.Option("--seen", help="A file of article ids already read (one per line); updated after."),
    ] = None,
    db: DbOption = None,
) -> None:
    """What is new: per event, the facts and quotes not reported before a date or outside what you have read."""
    from storyline.analyze.event import whats_new

    if not since and not seen:
        err.print("[red]error:[/] give --since DATE or --seen FILE")
        raise typer.Exit(2)
    since_date = _parse_date(since) if since else None
    seen_ids: set[str] = set()
    if seen and seen.exists():
        seen_ids = {line.strip() for line in seen.read_text(encoding="utf-8").splitlines() if line.strip()}
    with open_store(db) as store:
        all_ids: list[str] = []
        anything = False
        names = {s.id: s.name for s in store.speakers()}
        for event in store.events():
            articles = store.articles(event.articles)
            all_ids.extend(event.articles)
            quotes = store.quotes(articles=event.articles)
            news = whats_new(event, articles, quotes, since=since_date, seen=seen_ids if seen else None)
            if not news["facts"] and not news["quotes"]:
                continue
            anything = True
            console.rule(f"[bold]{escape(event.title)}[/] [dim]{event.id}[/]")
            for fact in news["facts"]:
                console.print(f"• {escape(fact['text'])} [dim]{', '.join(fact['sources'])}[/]")
            for q in news["quotes"]:
                sources = ", ".join(q.get("articles") or [])
                console.print(
                    f"“{escape(_short(q['text'], 100))}” — "
                    f"{escape(names.get(q.get('speaker') or '', '?'))} [dim]{sources}[/]"
                )
        if not anything:
            console.print("nothing new")
        if seen:
            seen.write_text("\n".join(sorted(set(all_ids) | seen_ids)) + "\n", encoding="utf-8")


@app.command()
def report(
    item_id: Annotated[str | None, typer.Argument(metavar="[EVENT|STORYLINE]")] = None,
    html: Annotated[Path, typer.Option("--html", help="The HTML file to write.")] = Path("storyline-report.html"),
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report (summary, timeline chart, coverage matrix, quotes, opinion)."""
    from storyline.analyze.report import render_report

    with open_store(db) as store:
        if item_id is None:
            events, storylines = store.events(), store.storylines()
            title = "All stories"
        elif (event := store.event(item_id)) is not None:
            events, storylines = [event], [s for s in store.storylines() if s.id == event.storyline]
            title = event.title
        elif (storyline := store.storyline(item_id)) is not None:
            events, storylines = store.events(storyline=storyline.id), [storyline]
            title = storyline.title
        else:
            err.print(f"[red]error:[/] no event or storyline {escape(item_id)}")
            raise typer.Exit(1)
        article_ids = [a for e in events for a in e.articles]
        articles = store.articles(article_ids)
        page = render_report(title, events, storylines, articles, store.quotes(articles=article_ids), store.speakers())
    html.write_text(page, encoding="utf-8")
    console.print(f"wrote {html} ({len(page) // 1024} KB)")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    allow_write: Annotated[
        bool,
        typer.Option("--allow-write", help="Accept POST /api/ingest with the token in $STORYLINE_TOKEN."),
    ] = False,
) -> None:
    """Serve the web app and JSON API (read-only unless --allow-write)."""
    import uvicorn

    from storyline.web.app import create_app

    path = _db(db)
    if not Path(path).exists():
        err.print(f"[red]error:[/] {escape(path)}: no such database")
        raise typer.Exit(2)
    try:
        application = create_app(path, allow_write=allow_write)
    except StorylineError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    console.print(f"storyline {__version__} serving {escape(path)} on http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def demo(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Where to build the demo database (default: a temporary file)."),
    ] = None,
) -> None:
    """Ingest the bundled fictional corpus into a fresh database and show stories, quotes and outlets."""
    from storyline.pipeline import ingest_sources

    corpus = resources.files("storyline.demo") / "corpus"
    tmpdir = None
    if db is None:
        tmpdir = tempfile.mkdtemp(prefix="storyline-demo-")
        db = Path(tmpdir) / "demo.db"
    elif db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    with resources.as_file(corpus) as corpus_path, open_store(db, must_exist=False) as store:
        with progress_bar() as update:
            result = ingest_sources(
                store,
                [str(corpus_path)],
                on_error=report_skipped,
                progress=update,
            )
        took = time.perf_counter() - started
        console.print(
            f"[bold]storyline demo[/]: {result.new} articles ingested and analysed in {took:.1f}s → {escape(str(db))}"
        )
        _demo_summary(store)
    if tmpdir:
        console.print(f"\nExplore it: storyline stories --db {db}   ·   storyline serve --db {db}")


def _demo_summary(store: Store) -> None:
    articles = {a.id: a for a in store.articles()}
    table = Table(title="Storylines and their events")
    for column in ("storyline", "event", "title", "articles", "sources", "dates"):
        table.add_column(column, overflow="fold")
    for storyline in store.storylines():
        for position, event_id in enumerate(storyline.events):
            event = store.event(event_id)
            if event is None:
                continue
            table.add_row(
                _short(storyline.title, 36) if position == 0 else "",
                event.id,
                _short(event.title, 56),
                str(len(event.articles)),
                str(event.independent_sources),
                f"{(event.start or '?')[:10]} → {(event.end or '?')[:10]}",
            )
        table.add_section()
    console.print(table)
    speakers = {s.id: s for s in store.speakers()}
    families = store.families()
    families.sort(
        key=lambda f: (
            -len({articles[a.article].outlet for a in f.appearances if a.article in articles}),
            f.id,
        )
    )
    qt = Table(title="Top quotes (by outlets carrying them)")
    for column in ("speaker", "quote", "outlets", "first seen", "variants"):
        qt.add_column(column, overflow="fold")
    for family in families[:8]:
        outlets = {articles[a.article].outlet for a in family.appearances if a.article in articles}
        variants = Counter(a.variant for a in family.appearances)
        who = speakers[family.speaker].name if family.speaker in speakers else "?"
        first = articles.get(family.first_seen.article)
        qt.add_row(
            who,
            _short(family.text, 70),
            str(len(outlets)),
            (first.outlet or "?") if first else "?",
            ", ".join(f"{v} {k}" for k, v in sorted(variants.items())),
        )
    console.print(qt)
    ot = Table(title="Outlets")
    for column in ("outlet", "articles", "originals", "mean opinion"):
        ot.add_column(column)
    opinions: dict[str, list[float]] = defaultdict(list)
    for a in articles.values():
        opinions[a.outlet or "(unknown)"].append(a.opinion)
    for outlet, n, originals in store.outlets():
        scores = opinions.get(outlet, [0.0])
        ot.add_row(outlet, str(n), str(originals), f"{sum(scores) / len(scores):.2f}")
    console.print(ot)


# -- evaluation ------------------------------------------------------------------------------------
def _print_metrics(title: str, metrics: dict[str, object]) -> None:
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in metrics.items():
        if isinstance(value, float) and not (value.is_integer() and abs(value) > 1):
            shown = f"{value:.4f}"
        else:
            shown = str(int(value)) if isinstance(value, float) else str(value)
        table.add_row(key, shown)
    console.print(table)


DataOption = Annotated[Path, typer.Option("--data", help="The labelled data (file or folder).")]


def _check_data(data: Path) -> None:
    if not data.exists():
        err.print(f"[red]error:[/] {escape(str(data))}: no such file or folder")
        raise typer.Exit(2)


@evaluate_app.command("clustering")
def evaluate_clustering(
    data: DataOption,
    fmt: Annotated[str, typer.Option("--format", help="mmds, jsonl or timeline17.")] = "mmds",
    shuffles: Annotated[int, typer.Option(
        "--shuffles", min=0,
        help="Also cluster undated articles in this many seeded random orders (shuffled_* = mean scores).")] = 5,
) -> None:
    """Event clustering: pairwise and B-cubed precision/recall/F1.

    Undated articles arrive in file order; label_runs = 1.0 means the file is sorted by its labels (MMDS2025
    is), which an online clusterer profits from, so the shuffled_* scores are printed beside the file-order ones."""
    from storyline.evaluate.clustering import evaluate

    _check_data(data)
    _print_metrics(f"clustering on {data}", evaluate(data, format=fmt, shuffles=shuffles))


@evaluate_app.command("quotes")
def evaluate_quotes(data: DataOption) -> None:
    """Direct quotes on PolNeAR: precision/recall/F1 (overlap ≥ 0.8), exact-span F1, speaker accuracy."""
    from storyline.evaluate.quotes import evaluate

    _check_data(data)
    _print_metrics(f"quotes on {data}", evaluate(data))


@evaluate_app.command("extraction")
def evaluate_extraction(data: DataOption) -> None:
    """HTML main text: token 4-gram shingle precision/recall/F1 averaged over pages."""
    from storyline.evaluate.extraction import evaluate

    _check_data(data)
    _print_metrics(f"extraction on {data}", evaluate(data))


@evaluate_app.command("timeline")
def evaluate_timeline(data: DataOption) -> None:
    """Timelines on Timeline17: date F1 and alignment-based ROUGE-1/2 F."""
    from storyline.evaluate.timeline import evaluate

    _check_data(data)
    _print_metrics(f"timeline on {data}", evaluate(data))


@evaluate_app.command("copies")
def evaluate_copies(
    seed: Annotated[int, typer.Option("--seed", help="Generator seed (thresholds were chosen on seed 5).")] = 11,
    stories: Annotated[int, typer.Option("--stories", help="Original stories per edit strength.")] = 200,
) -> None:
    """Copy detection on generated copies with realistic edits: precision/recall per edit strength."""
    from storyline.evaluate.copies import evaluate

    _print_metrics("copy detection on generated copies", evaluate(None, seed=seed, stories=stories))


def _parse_date(value: str) -> str:
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        err.print(f"[red]error:[/] {escape(value)}: not a date (YYYY-MM-DD)")
        raise typer.Exit(2) from None


@app.command()
def version() -> None:
    """Print the version, the language model in use and whether article embeddings are on."""
    from storyline.cluster import embed
    from storyline.nlp.spacy_model import load_nlp, nlp_status

    load_nlp()
    embeddings = (f"embeddings {embed.MODEL_NAME}" if embed.available()
                  else "no embeddings (install the 'multilingual' extra for cross-language events)")
    console.print(f"storyline {__version__}; {nlp_status()}; {embeddings}")


def main() -> None:  # pragma: no cover - the console script calls app directly
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
