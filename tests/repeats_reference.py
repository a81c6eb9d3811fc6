"""The plain Python of ``repeats.repeated_controls`` before the core named its phrases (the oracle)."""

from __future__ import annotations

from collections import Counter

from nettoyeur.boilerplate import repeats as r
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict


def repeated_controls(infos: list[LineInfo], flags: list[Verdict | None]) -> dict[int, Verdict]:
    """``repeats.repeated_controls`` as it was written: every line of words enough case folded in Python."""
    if len(infos) < r.CONTROL_REPEATS:
        return {}
    # Count first, test the shape of the few phrases that recur often enough (most pages have none).
    keys = [
        info.text.casefold() if r.CONTROL_MIN_WORDS <= info.n_words <= r.CONTROL_MAX_WORDS else None for info in infos
    ]
    # A page with fewer phrases than one control's copies has none; the others are counted in C
    # (``Counter`` of the list, None with them). Replaying pass 2's marking of the benchmark corpus,
    # this function cost 6.7 us a document in the first round with a generator feeding the Counter.
    if len(keys) - keys.count(None) < r.CONTROL_REPEATS:
        return {}
    counts = Counter(keys)
    often = {key for key, n in counts.items() if n >= r.CONTROL_REPEATS and key is not None}
    if not often:
        return {}
    out: dict[int, Verdict] = {}
    for k, key in enumerate(keys):
        if key in often and flags[k] is None and r._control_shaped(infos[k]):
            out[k] = Verdict("boilerplate:position:repeated-control", detail=f"{counts[key]} times in the page")
    return out
