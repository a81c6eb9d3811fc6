"""The records that flow through the pipeline.

One :class:`Document` per input file carries its :class:`Paragraph` objects from
reading to writing. Every step only adds information to these records (a repaired
text, a verdict); nothing is re-read or re-split later, so the data flows one way:

    read -> decode -> repair -> split -> boilerplate -> sign -> candidates
         -> verify -> cluster -> keep -> write -> report

A paragraph that a step removes gets a :class:`Verdict` with a *named* reason,
never a bare ``False`` (``duplicate``, ``contained``, ``boilerplate:<signal>:<rule>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Verdict:
    """Why a paragraph was removed.

    Attributes:
        reason: ``duplicate``, ``contained`` or ``boilerplate:<signal>:<rule>``.
        kept_doc: for duplicates, the relative path of the copy that was kept.
        kept_line: for duplicates, the 1-based line of the kept copy.
        kept_text: the kept copy's text (for the report and ``explain``).
        estimated: MinHash estimate of the Jaccard similarity (``None`` when the
            pair was found without signatures, e.g. by exact match).
        jaccard: exact Jaccard similarity of the two shingle sets.
        containment: share of this paragraph's shingles found in the kept copy.
        detail: free-form evidence (the pattern that fired, the file count ...).
        keep: for duplicates and contained copies, the ``--keep`` rule that chose the
            kept copy, when it is not the default ``first``.
    """

    reason: str
    kept_doc: str | None = None
    kept_line: int | None = None
    kept_text: str | None = None
    estimated: float | None = None
    jaccard: float | None = None
    containment: float | None = None
    detail: str | None = None
    keep: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Returns the verdict as a JSON-ready dict, leaving out empty fields (floats to 4 decimals)."""
        out: dict[str, Any] = {"reason": self.reason}
        # Most verdicts are boilerplate (a detail alone): the six fields of a pair are tested
        # at once, and read one by one only for a duplicate or a containment.
        if not (
            self.kept_doc is None
            and self.kept_line is None
            and self.kept_text is None
            and self.estimated is None
            and self.jaccard is None
            and self.containment is None
        ):
            for key in _PAIR_FIELDS:
                value = getattr(self, key)
                if value is not None:
                    out[key] = round(value, 4) if isinstance(value, float) else value
        value = self.detail
        if value is not None:
            out["detail"] = round(value, 4) if isinstance(value, float) else value
        if self.keep is not None:
            out["keep"] = self.keep
        return out


# The fields of a verdict about a pair of paragraphs, in the order of Verdict.to_dict's keys.
_PAIR_FIELDS = ("kept_doc", "kept_line", "kept_text", "estimated", "jaccard", "containment")


@dataclass(slots=True)
class Paragraph:
    """One paragraph: a non-empty line of a document.

    Attributes:
        index: position among the document's paragraphs (0-based).
        line: 1-based physical line number in the input file.
        text: the line's text after encoding repair, without its line ending.
        original: the line as decoded, before repair.
        repairs: names of the ftfy fixes applied (empty when unchanged).
        verdict: why the paragraph is removed; ``None`` while it is kept.
    """

    index: int
    line: int
    text: str
    original: str
    repairs: tuple[str, ...] = ()
    verdict: Verdict | None = None

    @property
    def kept(self) -> bool:
        """True while no step has removed the paragraph."""
        return self.verdict is None


@dataclass(slots=True)
class Document:
    """One input file and everything learned about it.

    Attributes:
        path: path relative to the input root, with ``/`` separators; the sort key
            that defines corpus order.
        encoding: the encoding the bytes were decoded with, followed by ``+nul-removed``
            when stray NUL bytes were dropped (see :mod:`nettoyeur.text.decode`).
        lines: the decoded text split into lines, each with its own line ending.
        paragraphs: the non-empty lines, in order.
        checksum: SHA-256 of the input bytes (for the report).
        size: number of input bytes.
    """

    path: str
    encoding: str = "utf-8"
    lines: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    checksum: str = ""
    size: int = 0


@dataclass(slots=True)
class Skip:
    """An input file that could not be cleaned; counted and reported, never fatal.

    Attributes:
        path: path relative to the input root.
        reason: a short name (``binary``, ``empty``, ``unreadable``, ``not-text`` ...).
        detail: a sentence for a person: what happened and what to do.
    """

    path: str
    reason: str
    detail: str = ""
