"""The ``tracker`` command line: thin commands over the library modules."""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from functools import wraps

import click
from sqlalchemy import select
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from tracker import checking, db, series
from tracker.models import Flag, Place
from tracker.output import FORMATS, render_rows, write_rows
from tracker.querying import (
    EXPORT_FIELDS,
    ClaimFilter,
    claim_in_context,
    document_rows,
    export_claims,
    metric_rows,
    place_rows,
    query_claims,
    unmapped_labels,
)
from tracker.readers.text import codec_name

CLAIM_COLUMNS = ["id", "doc", "text", "value", "value_high", "unit", "approx", "metric", "year", "place", "kind"]


class AppState:
    """The database chosen for this run, opened and migrated on first use."""

    def __init__(self, url: str):
        self.url = url
        self._engine = None

    @property
    def engine(self):
        """The engine, brought to the newest schema before first use."""
        if self._engine is None:
            try:
                self._engine = db.make_engine(self.url)
                backup = db.ensure_current(self._engine)
            except (ArgumentError, OperationalError, SQLAlchemyError, ImportError) as exc:
                raise click.ClickException(f"cannot open database {self.url}: {_first_line(exc)}") from None
            if backup is not None:
                click.echo(f"Upgraded the schema; the database before it is in {backup}", err=True)
        return self._engine

    def sessions(self):
        """A session factory on the migrated database."""
        return db.session_factory(self.engine)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _known_encoding(_ctx, _param, value: str | None) -> str | None:
    if value is not None:
        try:
            codec_name(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r} (try utf-8, gb18030, big5, utf-16)") from None
    return value


def output_options(command):
    """The output options shared by every command that prints rows."""

    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format: an aligned table, CSV, a JSON array or JSON lines.")
    @wraps(command)
    def wrapper(*args, **kwargs):
        """Run the wrapped command with the output options."""
        return command(*args, **kwargs)

    return wrapper


@click.group()
@click.option("--db", "db_url", metavar="URL", default=None,
              help="Database URL (default: $TRACKER_DB, else sqlite:///tracker.db here).")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """Extract, store, query and check the quantitative claims of Chinese government reports."""
    ctx.obj = AppState(db.resolve_url(db_url))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--encoding", default=None, callback=_known_encoding,
              help="Decode text and HTML files with this encoding (gb2312 and gbk are read as gb18030).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=50_000_000, show_default=True,
              help="Refuse files larger than this.")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="The report year, where the text does not state it.")
@click.option("--place", default=None,
              help="The report's place (a gazetteer name such as 绥中县), where the text names none.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many worker processes (storing stays in this one).")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.pass_obj
def ingest(state: AppState, paths, encoding, max_bytes, year, place, jobs, silent) -> None:
    """Read report files and folders and store every claim found in them.

    Text (.txt .text .md), HTML (.html .htm), Word (.docx; .doc through
    antiword or catdoc) and PDF files; in folders, other files are passed
    over. Identical bytes already present are skipped; a changed file with
    the same name replaces its earlier version. Each bad file gets one line
    on stderr; the others still go in; the exit status is 1 if any failed.
    """
    from tracker import storing  # extraction is loaded only by the commands that extract
    from tracker.reading import collect_paths

    factory = state.sessions()
    files, missing = collect_paths(list(paths))
    try:
        storing.stated_place(place)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--place") from None
    options = {"encoding": encoding, "max_bytes": max_bytes, "year": year, "place": place, "jobs": jobs}
    if silent:
        report = storing.ingest_files(factory, files, missing, **options)
    else:
        with click.progressbar(length=max(1, len(files)), label="ingesting", file=sys.stderr,
                               show_pos=True) as bar:
            report = storing.ingest_files(factory, files, missing, on_file=lambda _path: bar.update(1), **options)
    for message in report.errors:
        click.echo(f"Error: {message}", err=True)
    click.echo(render_rows(report.summary_rows(), "table"), err=True, nl=False)
    if report.failed:
        sys.exit(1)


@main.command()
@click.option("--metric", help="Metric key, name or label (substring).")
@click.option("--place", help="Place name (prefix).")
@click.option("--year", type=click.IntRange(-9999, 9999), help="Year the amount refers to.")
@click.option("--unit", help="Canonical unit, e.g. 元, %, 所.")
@click.option("--kind", type=click.Choice(["actual", "target"]), help="Achieved or planned.")
@click.option("--doc", help="Document file name or id.")
@output_options
@click.pass_obj
def claims(state: AppState, metric, place, year, unit, kind, doc, fmt) -> None:
    """List claims with their surface text, value and context."""
    with state.sessions()() as session:
        rows = query_claims(session, ClaimFilter(metric, place, year, unit, kind, doc))
    columns = CLAIM_COLUMNS + (["redacted", "sentence"] if fmt != "table" else [])
    click.echo(render_rows(rows, fmt, columns), nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="JSON lines (the claims guide's shape) or CSV with the same fields.")
@click.pass_obj
def export(state: AppState, fmt) -> None:
    """Write every claim in the claims guide's shape, one per line, to stdout."""
    with state.sessions()() as session:
        rows = list(export_claims(session))
    click.echo(render_rows(rows, fmt, EXPORT_FIELDS), nl=False)


@main.command()
@click.option("--unmapped", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many of the most frequent unmapped labels to list after the vocabulary.")
@output_options
@click.pass_obj
def metrics(state: AppState, unmapped: int, fmt) -> None:
    """The metric vocabulary with claim counts, then the unmapped labels.

    In csv/json/jsonl only the vocabulary is printed; the unmapped labels go
    to stderr so that stdout stays one table.
    """
    from tracker.storing import metric_ids

    with state.sessions()() as session:
        metric_ids(session)
        session.commit()
        rows = metric_rows(session)
        missing = unmapped_labels(session, unmapped)
    click.echo(render_rows(rows, fmt), nl=False)
    if missing:
        if fmt == "table":
            click.echo("\nMost frequent labels without a metric:")
            click.echo(render_rows(missing, "table"), nl=False)
        else:
            click.echo(render_rows(missing, "table"), err=True, nl=False)


@main.command()
@click.argument("claim_id", type=int)
@click.pass_obj
def show(state: AppState, claim_id: int) -> None:
    """Print one claim with its sentence, the amount marked 【】, and its neighbours."""
    with state.sessions()() as session:
        found = claim_in_context(session, claim_id)
    if found is None:
        raise click.ClickException(f"no claim with id {claim_id}")
    for key, value in found.claim.items():
        click.echo(f"{key:>12}: {'' if value is None else value}")
    click.echo(f"{'sentence':>12}: {found.marked_sentence}")
    if found.neighbours:
        click.echo("neighbours:")
        click.echo(render_rows(found.neighbours, "table"), nl=False)


@main.command()
@output_options
@click.pass_obj
def places(state: AppState, fmt) -> None:
    """The places found in the reports, each under its parent.

    With claim counts: its own, and with every place under it.
    """
    with state.sessions()() as session:
        rows = place_rows(session)
    if fmt == "table":
        rows = [{**r, "place": "  " * r["depth"] + r["place"]} for r in rows]
        columns = ["id", "place", "level", "code", "claims", "claims_with_children"]
    else:
        columns = None
    click.echo(render_rows(rows, fmt, columns), nl=False)


@main.command()
@output_options
@click.pass_obj
def docs(state: AppState, fmt) -> None:
    """The documents ingested, with place, year, sections, claims and flags."""
    with state.sessions()() as session:
        rows = document_rows(session)
    columns = ["id", "doc", "place", "year", "sections", "claims", "flags", "title"] if fmt == "table" else None
    click.echo(render_rows(rows, fmt, columns), nl=False)


SERIES_TABLE_COLUMNS = ["year", "place", "kind", "value", "approx", "change", "sources", "mark"]


def _series_table_row(row: dict) -> dict:
    docs = list(dict.fromkeys(s["doc"] for s in row["sources"]))
    marks = (["derived"] if row["derived"] else []) + (["conflict: " + " / ".join(row["values"])] if row["conflict"]
                                                       else [])
    if row["children_count"]:
        marks.append(f"children: {row['children_text']} ({row['children_count']})")
    return {**row, "value": row["text"], "change": row["change_text"], "mark": "; ".join(marks),
            "sources": f"{len(docs)}: " + ", ".join(docs)}


@main.command("series")
@click.argument("metric")
@click.option("--place", help="Place name (exact, else a unique prefix).")
@click.option("--include-children", is_flag=True, help="Also the places under it, each on its own rows.")
@click.option("--from", "year_from", type=click.IntRange(-9999, 9999), help="First year.")
@click.option("--to", "year_to", type=click.IntRange(-9999, 9999), help="Last year.")
@click.option("--kind", type=click.Choice(series.KINDS), default="actual", show_default=True,
              help="Achieved values, targets, or both side by side.")
@click.option("--chart", type=click.Path(dir_okay=False), help="Also draw the series to FILE.png or FILE.svg.")
@output_options
@click.pass_obj
def series_command(state: AppState, metric, place, include_children, year_from, year_to, kind, chart, fmt) -> None:
    """One metric year by year, across every report ingested.

    Stated values, values implied by comparisons (derived), disagreements
    between sources, and the change from the previous year present. METRIC is a metric key, a name or alias of the vocabulary, a wording that holds
    one (学前三年毛入园率), or else a part of claims' labels.
    """
    from tracker.storing import metric_ids

    with state.sessions()() as session:
        metric_ids(session)
        session.commit()
        matched = series.match_metric(session, metric)
        if matched is None:
            raise click.ClickException(f"no metric or claim label matches {metric!r} (see tracker metrics)")
        try:
            places = tuple(series.resolve_places(session, place, include_children)) if place else None
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--place") from None
        query = series.SeriesQuery(matched, places, year_from, year_to, kind)
        rows = [row.as_dict() for row in series.build_series(session, query)]
    click.echo(matched.describe(), err=True)
    if chart:
        from tracker import charting
        try:
            charting.draw_series(rows, chart, matched.describe())
        except charting.ChartError as error:
            raise click.ClickException(str(error)) from None
    if fmt == "table":
        click.echo(render_rows([_series_table_row(r) for r in rows], fmt, SERIES_TABLE_COLUMNS), nl=False)
    else:
        click.echo(render_rows(rows, fmt), nl=False)


FLAG_TABLE_COLUMNS = ["id", "check", "severity", "status", "message", "docs"]


def _echo(text: str) -> None:
    """Print ``text`` as it is (a piece of a long output)."""
    click.echo(text, nl=False)


def _flag_rows(flags, fmt: str, doc: str | None = None, place: str | None = None, session=None) -> list[dict]:
    rows = []
    place_ids = None
    if place and session is not None:
        # A prefix, with % and _ taken literally.
        place_ids = set(session.scalars(select(Place.id).where(Place.name.startswith(place, autoescape=True))))
    for flag in flags:
        row = checking.flag_row(flag)
        docs = sorted({c["doc"] for c in row["claims"]})
        if doc and doc not in docs:
            continue
        if place_ids is not None and not place_ids & set((flag.evidence or {}).get("places", [])):
            continue
        if fmt == "table":
            row = {**row, "docs": " ".join(docs)}
        rows.append(row)
    return rows


@main.command()
@click.option("--doc", help="Only flags involving this document (file name).")
@click.option("--place", help="Only flags involving this place (name prefix).")
@click.option("--check", "only", type=click.Choice(checking.CHECKS), help="Run only this check.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
              help="Exit with status 1 when flags at or above this severity exist.")
@click.option("--full", is_flag=True,
              help="Check every claim again, not only the documents added since the last check.")
@output_options
@click.pass_obj
def check(state: AppState, doc, place, only, fail_on, full, fmt) -> None:
    """Recompute stated relations and flag those that cannot hold.

    Flags are stored; a flag raised before keeps its id and its review.
    After documents are added, only they and the metrics and places they
    touch are checked again, and the flags printed are theirs (--full checks
    and prints everything; `tracker flags` lists every stored flag).
    """
    with state.sessions().begin() as session:
        flags = checking.check_database(session, only, full)
        rows = _flag_rows(flags, fmt, doc, place, session)
    columns = FLAG_TABLE_COLUMNS if fmt == "table" else None
    write_rows(rows, fmt, _echo, columns)
    if fail_on and any(checking.severity_at_least(r["severity"], fail_on) for r in rows):
        sys.exit(1)


@main.group("flags", invoke_without_command=True)
@click.option("--status", type=click.Choice(["open", "confirmed", "dismissed"]))
@click.option("--check", "only", type=click.Choice(checking.CHECKS))
@click.option("--severity", type=click.Choice(checking.SEVERITIES))
@click.option("--doc", help="Only flags involving this document (file name).")
@click.option("--place", help="Only flags involving this place (name prefix).")
@output_options
@click.pass_context
def flags_group(ctx: click.Context, status, only, severity, doc, place, fmt) -> None:
    """List stored flags, or show, confirm or dismiss one."""
    if ctx.invoked_subcommand is not None:
        return
    state: AppState = ctx.obj
    with state.sessions()() as session:
        query = select(Flag).order_by(Flag.id)
        if status:
            query = query.where(Flag.status == status)
        if only:
            query = query.where(Flag.check == only)
        if severity:
            query = query.where(Flag.severity == severity)
        rows = _flag_rows(session.scalars(query), fmt, doc, place, session)
    write_rows(rows, fmt, _echo, FLAG_TABLE_COLUMNS if fmt == "table" else None)


@flags_group.command("show")
@click.argument("flag_id", type=int)
@click.pass_obj
def flags_show(state: AppState, flag_id: int) -> None:
    """Print one flag with its sentences, amounts marked 【】."""
    with state.sessions()() as session:
        flag = session.get(Flag, flag_id)
        if flag is None:
            raise click.ClickException(f"no flag with id {flag_id}")
        row = checking.flag_row(flag)
    click.echo(f"flag {row['id']}  {row['check']}  {row['severity']}  {row['status']}")
    click.echo(row["message"])
    click.echo(f"stated: {row['stated']}  computed: {row['computed']}  tolerance: {row['tolerance']}")
    for reading in row["readings"]:
        click.echo("reading: " + ", ".join(f"{k}={v}" for k, v in reading.items()))
    for claim in row["claims"]:
        marked = claim["sentence"].replace(claim["text"], f"【{claim['text']}】", 1)
        click.echo(f"- claim {claim['id']} ({claim['doc']}): {marked}")
    if row["note"]:
        click.echo(f"note: {row['note']}")


def _review(state: AppState, flag_id: int, status: str, note: str | None) -> None:
    with state.sessions().begin() as session:
        flag = session.get(Flag, flag_id)
        if flag is None:
            raise click.ClickException(f"no flag with id {flag_id}")
        flag.status, flag.note, flag.reviewed_at = status, note, datetime.now(timezone.utc)
    click.echo(f"flag {flag_id} {status}")


@flags_group.command("confirm")
@click.argument("flag_id", type=int)
@click.option("--note", help="Why.")
@click.pass_obj
def flags_confirm(state: AppState, flag_id: int, note) -> None:
    """Record that a flag is a real inconsistency."""
    _review(state, flag_id, "confirmed", note)


@flags_group.command("dismiss")
@click.argument("flag_id", type=int)
@click.option("--note", help="Why.")
@click.pass_obj
def flags_dismiss(state: AppState, flag_id: int, note) -> None:
    """Record that a flag is a false alarm."""
    _review(state, flag_id, "dismissed", note)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--print-metadata", is_flag=True,
              help="Print the Datasette metadata (title, named queries) instead, for `datasette DB -m FILE`.")
@click.pass_obj
def serve(state: AppState, host: str, port: int, print_metadata: bool) -> None:
    """Browse the SQLite database in Datasette, read-only.

    Named queries: claims by metric, place and year; a metric year by year;
    open flags.
    """
    from tracker import serving

    try:
        if print_metadata:
            click.echo(json.dumps(serving.metadata(serving.sqlite_path(state.url)), ensure_ascii=False, indent=2))
            return
        sys.exit(serving.serve(state.url, host, port))
    except serving.ServeError as error:
        raise click.ClickException(str(error)) from None


@main.group("db")
def db_group() -> None:
    """Inspect and migrate the database schema."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@click.pass_obj
def db_upgrade(state: AppState, revision: str) -> None:
    """Bring the database schema to a revision (the newest by default)."""
    try:
        engine = db.make_engine(state.url)
        backup = db.upgrade(engine, revision)
        if backup is not None:
            click.echo(f"the database before the upgrade is in {backup}", err=True)
        click.echo(db.current_revision(engine))
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot upgrade {state.url}: {_first_line(exc)}") from None


@db_group.command("current")
@click.pass_obj
def db_current(state: AppState) -> None:
    """Print the schema revision of the database and the newest one available."""
    try:
        current = db.current_revision(db.make_engine(state.url))
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot open {state.url}: {_first_line(exc)}") from None
    click.echo(f"current: {current or '(empty)'}")
    click.echo(f"head: {db.head_revision()}")
