"""The context of a streaming run's passes: what every batch task reads besides its own input.

One frozen dataclass, handed to each pass function as its first argument (sent once per
worker process or Ray worker, not with every task). The driver makes a new one, with
:func:`dataclasses.replace`, as the run learns more: the line counts and rules after
pass 1, the spilled texts and the verdicts once dedup has decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nettoyeur.boilerplate.line_counts import LineCounts
from nettoyeur.boilerplate.rules import Rule
from nettoyeur.config import CleanConfig
from nettoyeur.corpus.sources import Source
from nettoyeur.records import Verdict
from nettoyeur.scratch.paragraphs import SpillTexts


@dataclass(frozen=True)
class RunContext:
    """What the batch passes of one run read (see :mod:`nettoyeur.run.passes`).

    Attributes:
        source: where the documents come from.
        config: the run's options.
        snapshot_dir: where pass 1 keeps each document as it read it (None: later passes
            read and check the documents again).
        counts: the corpus-wide line counts (pass 2 and the re-mark; None before pass 1 or
            without boilerplate removal).
        rules: the boilerplate rules (None without boilerplate removal).
        spill_dir: the folder of the run's scratch files (pass 2 spills texts there).
        spill_keys: pass 2 writes band keys and anchors to disk (executors on this machine).
        shapes: pass 2 stores line shapes for the re-mark pass (on this machine, with boilerplate).
        store: the spilled paragraph texts (after pass 2).
        verdicts: the distinct boilerplate verdicts of pass 2, by code - 1.
        render: the sink takes rendered bytes (``write_rendered``): the write pass renders each
            document's file in the core, as :meth:`~nettoyeur.corpus.folder_writer.FolderSink.render` does.
        stager: the sink that workers write staged files through, or None.
        ship_documents: the write pass sends the cleaned documents back to the driver.
        ship_cleaned: with ``ship_documents``, the sink takes a record with its cleaned text
            (``write_cleaned``): a record kept in a snapshot is rendered in the core and sent
            without its lines and paragraphs.
        spill_reports: the write pass's workers write their report lines to files in
            ``spill_dir`` (executors on this machine), not back to the driver.
    """

    source: Source
    config: CleanConfig
    snapshot_dir: str | None = None
    counts: LineCounts | None = None
    rules: list[Rule] | None = None
    spill_dir: str = ""
    spill_keys: bool = False
    shapes: bool = False
    store: SpillTexts | None = None
    verdicts: list[Verdict] | None = None
    render: bool = False
    stager: Any = None
    ship_documents: bool = False
    ship_cleaned: bool = False
    spill_reports: bool = False
