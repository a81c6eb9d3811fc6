"""Which copy of a duplicate cluster is kept: the ``--keep`` rule.

A rule turns into one integer *rank* per analysed paragraph; the keeper of a cluster is
its member of the smallest ``(rank, paragraph id)``. Paragraph ids are positions in
corpus order, so every tie is broken by corpus order and the choice does not depend on
the worker count or on the order files were read in.

============================ =====================================================
rule                         keeps
============================ =====================================================
``first`` (default)          the first copy in corpus order (no rank at all)
``longest``                  the copy of the most words (the container of cut copies)
``FIELD:min``                the record whose field is smallest (the oldest date)
``FIELD:max``                the record whose field is largest (the newest date)
``FIELD=v1,v2,...``          the record whose field is first in the list (a source
                             priority); values not listed come after the listed ones
============================ =====================================================

A record without the field (or with ``null``) ranks after every record that has it. A
field's values are compared as numbers when they are numbers, else as text (a date
written ``YYYY-MM-DD`` sorts by date; Parquet dates and timestamps are compared by their
ISO form), numbers before text. Field rules need record input (JSON Lines, Parquet).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nettoyeur.errors import ConfigError

# A field name: what a JSON key or a Parquet column is usually called; no ':' or '='.
_FIELD = r"[A-Za-z_][A-Za-z0-9_.\-]*"
_SPEC = re.compile(rf"(?P<field>{_FIELD})(?::(?P<order>min|max)|=(?P<values>.+))")

HOW_TO = (
    "use first, longest, FIELD:min, FIELD:max or FIELD=v1,v2,... "
    "(e.g. --keep longest, --keep date:min, --keep source=wiki,news)"
)


@dataclass(frozen=True, slots=True)
class KeepRule:
    """A parsed ``--keep`` value.

    Attributes:
        kind: ``first``, ``longest``, ``min``, ``max`` or ``prefer``.
        field: the record field of ``min``, ``max`` and ``prefer``; None otherwise.
        values: the preference list of ``prefer``, best first.
    """

    kind: str
    field: str | None = None
    values: tuple[str, ...] = ()

    @property
    def needs_records(self) -> bool:
        """True for the rules that read a record field."""
        return self.field is not None


def parse_keep(text: str) -> KeepRule:
    """Parses a ``--keep`` value.

    Raises:
        ConfigError: the value is not a rule, with the forms that are.
    """
    if not isinstance(text, str):
        raise ConfigError(f"keep must be a string, got {text!r}: {HOW_TO}.")
    spec = text.strip()
    if spec in ("first", "longest"):
        return KeepRule(spec)
    match = _SPEC.fullmatch(spec)
    if match is None:
        raise ConfigError(f"keep {text!r} is not a rule: {HOW_TO}.")
    if match["order"]:
        return KeepRule(match["order"], match["field"])
    values = tuple(v.strip() for v in match["values"].split(","))
    if not all(values):
        raise ConfigError(f"keep {text!r} has an empty value in its list: write FIELD=v1,v2 without empty items.")
    if len(set(values)) != len(values):
        raise ConfigError(f"keep {text!r} lists a value twice: name each preferred value once.")
    return KeepRule("prefer", match["field"], values)


def record_value(record: dict[str, Any] | None, rule: KeepRule) -> Any:
    """Returns the rule's field of one record (None when the rule reads no field or the record lacks it)."""
    if rule.field is None or record is None:
        return None
    return record.get(rule.field)


def _order_key(value: Any) -> tuple[int, Any]:
    """Returns a key under which any two field values compare: numbers, then text, then the rest."""
    if isinstance(value, bool):
        return (0, float(value))
    if isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value)):
        return (0, float(value))
    if isinstance(value, str):
        return (1, value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return (1, value.isoformat())
    return (2, json.dumps(value, sort_keys=True, default=str))


def _present(value: Any) -> bool:
    """False for a missing field (None) or a NaN (how Parquet and pandas write a missing number)."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def document_ranks(rule: KeepRule, values: Sequence[Any]) -> np.ndarray:
    """Returns the rank of each document from its field value (smaller is kept first).

    Args:
        rule: a field rule (``min``, ``max`` or ``prefer``).
        values: per document in corpus order, its field value (None: missing).
    """
    present = [_present(v) for v in values]
    if rule.kind == "prefer":
        where = {v: k for k, v in enumerate(rule.values)}
        listed, missing = len(rule.values), len(rule.values) + 1
        ranks = [where.get(_text(v), listed) if ok else missing for v, ok in zip(values, present)]
        return np.array(ranks, dtype=np.int64)
    keys = [_order_key(v) if ok else None for v, ok in zip(values, present)]
    distinct = sorted({k for k in keys if k is not None})
    if rule.kind == "max":
        distinct.reverse()
    position = {k: i for i, k in enumerate(distinct)}
    missing = len(distinct)
    return np.array([missing if k is None else position[k] for k in keys], dtype=np.int64)


def _text(value: Any) -> str:
    """Returns a field value as the text a preference list would name it by (3, true, 2024-01-02)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    return str(value)


def paragraph_ranks(
    rule: KeepRule, n_words: np.ndarray, doc_of: np.ndarray | None = None, values: Sequence[Any] = ()
) -> np.ndarray | None:
    """Returns the rank of each analysed paragraph, or None for ``first`` (the paragraph id decides alone).

    Args:
        rule: the rule.
        n_words: words of each analysed paragraph (``longest``: more words rank first).
        doc_of: the document (index into ``values``) of each analysed paragraph.
        values: per document, its field value (field rules).
    """
    if rule.kind == "first":
        return None
    # int32: 4 bytes a paragraph (the analysis holds ~250); a rank is at most the count of documents.
    if rule.kind == "longest":
        return -np.asarray(n_words, dtype=np.int32)
    assert doc_of is not None
    ranks = document_ranks(rule, values).astype(np.int32)
    return ranks[np.asarray(doc_of, dtype=np.int64)] if len(ranks) else np.zeros(len(doc_of), dtype=np.int32)


def describe(spec: str) -> str:
    """Returns the kept copy's description for ``explain`` (``the first copy in corpus order`` ...)."""
    rule = parse_keep(spec)
    if rule.kind == "first":
        return "the first copy in corpus order"
    if rule.kind == "longest":
        return "the longest copy (most words; ties: the first in corpus order)"
    if rule.kind == "prefer":
        return f"the copy whose {rule.field} comes first in {', '.join(rule.values)} (ties: corpus order)"
    word = "smallest" if rule.kind == "min" else "largest"
    return f"the copy of the {word} {rule.field} (ties: corpus order)"
