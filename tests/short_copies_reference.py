"""The pair-by-pair reading of ``stage.short_copies_alone`` (the tests' oracle of its numpy form).

A short pair ``(x, y)`` is backed when a neighbour of ``x`` in its document (not ``y``) pairs,
in ``others``, with a neighbour of ``y`` in its document (not ``x``). With ``kept``, a
paragraph's neighbours are the nearest paragraphs of ``kept`` before and after it.
"""

from __future__ import annotations

import numpy as np


def short_copies_alone(
    pairs: np.ndarray, n_words: np.ndarray, doc_of: np.ndarray, min_words: int, others: np.ndarray,
    kept: np.ndarray | None = None,
) -> np.ndarray:
    """Returns, per pair, True for a short pair (longer side under ``min_words``) that no neighbour backs.

    ``kept``: sorted ids of the paragraphs that stay (None: every one).
    """
    alone = np.zeros(len(pairs), dtype=bool)
    if not len(pairs) or not min_words:
        return alone
    n = len(doc_of)
    partners: dict[int, set[int]] = {}
    for x, y in np.asarray(others).reshape(-1, 2).tolist():
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)

    stays = set(range(n) if kept is None else np.asarray(kept).tolist())

    def beside(p: int) -> list[int]:
        before = [q for q in range(p) if q in stays]
        after = [q for q in range(p + 1, n) if q in stays]
        nearest = before[-1:] + after[:1]
        return [q for q in nearest if doc_of[q] == doc_of[p]]

    for k, (x, y) in enumerate(np.asarray(pairs).tolist()):
        if max(n_words[x], n_words[y]) >= min_words:
            continue
        around_y = set(beside(y)) - {x}  # two copies side by side do not back each other
        alone[k] = not any(partners.get(q, set()) & around_y for q in beside(x) if q != y)
    return alone
