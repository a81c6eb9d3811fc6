"""The click glue of ``nettoyeur scan`` and ``nettoyeur explain`` (:mod:`nettoyeur.report.explain`).

The two commands, and the format and index options the ``clean`` command shares
(:func:`format_options`), all registered by :mod:`nettoyeur.cli.main`. What they print is
built by :mod:`nettoyeur.report.explain`.
"""

from __future__ import annotations

import copy
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import click

from nettoyeur.config import CleanConfig
from nettoyeur.errors import NettoyeurError
from nettoyeur.report.explain import explain_text, read_report, scan_text

EXIT_OK, EXIT_USAGE, EXIT_IO = 0, 2, 3


def format_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the record-format and index options to a click command."""
    options = [
        click.option(
            "--text-field", default="text", show_default=True, help="Records: the field holding the text to clean."
        ),
        click.option(
            "--id-field", default="id", show_default=True, help="Records: the field naming a record in the report."
        ),
        click.option("--drop-empty", is_flag=True, help="Records: drop a record whose text becomes empty."),
        click.option(
            "--drop-bad-records",
            is_flag=True,
            help="Records: leave out records that cannot be cleaned (broken JSON, no text field ...); "
            "by default they pass through unchanged (both ways, each is named in the summary).",
        ),
        click.option(
            "--index",
            "index",
            default=None,
            help="Dedup against earlier runs: a folder (created if new) or redis://host:port/db?basename=NAME; "
            "this run's kept paragraphs are added to it.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _config_from(params: dict[str, Any]) -> CleanConfig:
    names = {f.name for f in fields(CleanConfig)}
    options = {k: v for k, v in params.items() if k in names}
    if params.get("max_file_mb") is not None:  # the CLI speaks MiB, the config bytes
        options["max_file_bytes"] = round(params["max_file_mb"] * 2**20)
    return CleanConfig().replace(**options)


def make_scan(clean: click.Command) -> click.Command:
    """Returns the ``scan`` command: ``clean``'s options without OUT, and ``--top``."""
    dropped = {"output_dir", "dry_run", "overwrite", "drop_empty", "drop_bad_records", "resume", "review"}
    dropped |= {"annotate", "annotate_field"}
    params = [p for p in clean.params if p.name not in dropped]
    for k, param in enumerate(params):
        if param.name == "index":  # a scan writes nothing: it reads the index, never adds to it
            params[k] = copy.copy(param)
            params[k].help = (  # type: ignore[attr-defined]
                "Dedup against earlier runs: a folder or redis://host:port/db?basename=NAME; "
                "scan only reads it (nothing is added)."
            )
    params.append(click.Option(["--top"], type=int, default=10, show_default=True, help="Clusters and lines shown."))

    def callback(**kw: Any) -> None:
        report = kw.get("report")
        tmp = None if report else tempfile.mkdtemp(prefix="nettoyeur-scan-")
        try:
            from nettoyeur.api import clean

            path = Path(report) if report else Path(tmp) / "scan.report.jsonl"  # type: ignore[arg-type]
            summary = clean(
                kw["input_dir"],
                None,
                config=_config_from(kw),
                report=path,
                dry_run=True,
                quiet=kw.get("quiet", False),
                text_field=kw.get("text_field", "text"),
                id_field=kw.get("id_field", "id"),
                index=kw.get("index"),
            )
            rows, summary = read_report(path)
            click.echo(scan_text(rows, summary, kw["top"]))
            if report:
                click.echo(f"report: {path} (nettoyeur explain {path} FILE:LINE)")
            else:
                click.echo("(pass --report PATH to keep the report for nettoyeur explain)")
        except NettoyeurError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(EXIT_USAGE)
        except OSError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(EXIT_IO)
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
        sys.exit(EXIT_OK)

    return click.Command(
        "scan",
        params=params,
        callback=callback,
        help="Print what clean would remove from IN (counts per reason, largest clusters); write no corpus.",
    )


@click.command("explain")
@click.argument("report", type=click.Path(path_type=Path))
@click.argument("target", metavar="FILE:LINE")
@click.option("--width", type=int, default=None, help="Output width (default: the terminal's).")
def explain_command(report: Path, target: str, width: int | None) -> None:
    """Print why the paragraph at FILE:LINE was removed or kept, beside what it matched."""
    try:
        rows, summary = read_report(report)
        cols = width or shutil.get_terminal_size((100, 24)).columns
        click.echo(explain_text(rows, summary, target, cols))
    except NettoyeurError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(EXIT_USAGE)
