"""Settle: a last position pass, so that cleaning the output again removes nothing.

The position signal (:mod:`nettoyeur.boilerplate`) finds an article's body between its
first and last prose paragraphs, and it runs before the deduplicator. When the
deduplicator then removes a prose paragraph at the edge of a body (a copy of a
paragraph kept elsewhere), a short line that stood inside the body stands outside it
in the output, and a second clean would remove it: the first clean was not finished.

So the position signal runs once more over the paragraphs that are left, and again
until nothing changes. A paragraph it removes may be the kept copy of a cluster; the
copies that pointed at it must not all be lost, so the first of them in corpus order
is kept instead (and the others now point at it), and the position pass looks at that
document again. Each round removes at least one paragraph, so this ends; on real
corpora one round changes nothing or a handful of lines.
"""

from __future__ import annotations

from nettoyeur import boilerplate
from nettoyeur.records import Document, Paragraph
from nettoyeur.rules import Rule
from nettoyeur.shingle import exact_key, words

_POINTING = ("duplicate", "contained")


def settle(docs: list[Document], rules: list[Rule], min_files: int) -> int:
    """Re-applies the position signal to what dedup left, until nothing changes.

    Args:
        docs: the documents (or views of them without the over-long lines), in corpus order.
        rules: the pattern rules (they give the same answers as before on the same text).
        min_files: passed through to :func:`boilerplate.mark` (its frequency signal is off here).

    Returns:
        the number of paragraphs this pass removed, less those it had to keep instead.
    """
    by_path = {doc.path: doc for doc in docs}
    followers: dict[tuple[str, int], list[tuple[str, Paragraph]]] = {}
    for doc in docs:
        for p in doc.paragraphs:
            v = p.verdict
            if v is not None and v.reason in _POINTING and v.kept_doc is not None and v.kept_line is not None:
                followers.setdefault((v.kept_doc, v.kept_line), []).append((doc.path, p))
    todo = list(docs)
    removed_total = 0
    while todo:
        gone: list[tuple[str, Paragraph]] = []
        for doc in todo:
            before = [p for p in doc.paragraphs if p.kept]
            boilerplate.mark(doc, rules, None, min_files)
            gone.extend((doc.path, p) for p in before if not p.kept)
        removed_total += len(gone)
        again: dict[str, Document] = {}
        for path, keeper in gone:
            for new_path, _ in _rehome(followers, path, keeper):
                again[new_path] = by_path[new_path]
                removed_total -= 1
        todo = sorted(again.values(), key=lambda d: d.path)
    return removed_total


def _rehome(
    followers: dict[tuple[str, int], list[tuple[str, Paragraph]]], path: str, keeper: Paragraph
) -> list[tuple[str, Paragraph]]:
    """Keeps instead the first copy that pointed at ``keeper``; returns the paragraphs kept again."""
    pointing = followers.pop((path, keeper.line), [])
    if not pointing:
        return []
    dups = [(fp, f) for fp, f in pointing if f.verdict is not None and f.verdict.reason == "duplicate"]
    inner = [(fp, f) for fp, f in pointing if f.verdict is not None and f.verdict.reason != "duplicate"]
    restored: list[tuple[str, Paragraph]] = []
    if dups:
        (new_path, new), rest = dups[0], dups[1:] + inner
        new.verdict = None
        restored.append((new_path, new))
        for _, f in rest:
            assert f.verdict is not None
            f.verdict.kept_doc, f.verdict.kept_line, f.verdict.kept_text = new_path, new.line, new.text
        followers.setdefault((new_path, new.line), []).extend(rest)
        return restored
    # Only paragraphs contained in the one that went: each distinct text is kept once more.
    first_of: dict[str, tuple[str, Paragraph]] = {}
    for fp, f in inner:
        key = exact_key(words(f.text)) or f.text
        if key not in first_of:
            first_of[key] = (fp, f)
            f.verdict = None
            restored.append((fp, f))
        else:
            kp, k = first_of[key]
            assert f.verdict is not None
            f.verdict.reason = "duplicate"
            f.verdict.kept_doc, f.verdict.kept_line, f.verdict.kept_text = kp, k.line, k.text
            followers.setdefault((kp, k.line), []).append((fp, f))
    return restored
