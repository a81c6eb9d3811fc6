"""``--annotate``: record outputs keep every paragraph and say what a clean would have done.

With ``--annotate`` (records only: JSON Lines, Parquet), nothing is removed or changed:
each record is written with its text exactly as read, plus one field (``--annotate-field``,
default ``nettoyeur``) listing the verdicts of its paragraphs, so that a downstream
pipeline can decide. Each entry is one paragraph that the clean would remove or repair:

============== ===================================================================
key            meaning
============== ===================================================================
``start``      first character of the paragraph in the record's text (code points)
``end``        one past its last character (``text[start:end]`` is the paragraph)
``line``       its 1-based line in the text; ``paragraph``: its index among the
               record's paragraphs (as in the report)
``reason``     ``duplicate``, ``contained``, ``boilerplate:<signal>:<rule>``,
               ``encoding:<fix>`` ... (the report's reasons)
``kept_doc``   for a copy: the key (``shard#row``) of the record holding the kept
               copy, ``kept_line`` its line there
``estimated``, ``jaccard``, ``containment``: the pair's similarity (copies)
``detail``     the rule's evidence (boilerplate); ``keep``: the ``--keep`` rule
``repaired``   the text after encoding repair, when it differs
============== ===================================================================

Paragraphs kept untouched are not listed; a record with none gets an empty list.
"""

from __future__ import annotations

from typing import Any

from nettoyeur.records import Document

# The default field name: the tool's name, unlikely to clash with a corpus's own fields.
DEFAULT_FIELD = "nettoyeur"

# The keys of an entry and their Parquet types (a list of structs; absent keys are null).
_INT_KEYS = ("start", "end", "line", "paragraph", "kept_line")
_FLOAT_KEYS = ("estimated", "jaccard", "containment")
_TEXT_KEYS = ("reason", "detail", "kept_doc", "keep", "repaired")


def original_text(doc: Document) -> str:
    """Returns the record's text exactly as read."""
    return "".join(doc.lines)


def annotations(doc: Document) -> list[dict[str, Any]]:
    """Returns the entries of the paragraphs of ``doc`` that a clean would remove or repair, in order."""
    starts = [0]
    for line in doc.lines:
        starts.append(starts[-1] + len(line))
    out = []
    for p in doc.paragraphs:
        if p.verdict is None and not p.repairs:
            continue
        start = starts[p.line - 1]
        entry: dict[str, Any] = {"start": start, "end": start + len(p.original), "line": p.line, "paragraph": p.index}
        if p.verdict is not None:
            entry.update({k: v for k, v in p.verdict.to_dict().items() if k != "kept_text"})
        else:
            entry["reason"] = "encoding:" + "+".join(p.repairs)
        if p.repairs:
            entry["repaired"] = p.text
        out.append(entry)
    return out


def parquet_field(name: str) -> Any:
    """Returns the Parquet (pyarrow) field of the annotations: a list of structs of fixed keys."""
    import pyarrow as pa

    entry = pa.struct(
        [pa.field(k, pa.int64()) for k in _INT_KEYS]
        + [pa.field(k, pa.float64()) for k in _FLOAT_KEYS]
        + [pa.field(k, pa.string()) for k in _TEXT_KEYS]
    )
    return pa.field(name, pa.list_(entry))
