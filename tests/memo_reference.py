"""Plain Python definitions of the line shapes' memo glue the native core runs (the oracles).

These are the Python the core (``nettoyeur._core.memo_shapes`` and ``first_rules``, native/src/memo_py.rs)
replaced in :mod:`nettoyeur.boilerplate.line_shapes` (``ShapeMemo.shapes``, ``LineMemo.remember`` and
``RuleMatcher.first_many``), written plainly: the tests compare the core with them on random pages.
"""

from __future__ import annotations

from typing import Any

from nettoyeur.boilerplate import line_shapes as ls


def remember(memo: ls.LineMemo, line: str, value: Any) -> Any:
    """``LineMemo.remember``: stores ``value`` for a short line (``MEMO_MAX_CHARS``) seen before; returns ``value``."""
    if len(line) <= ls.MEMO_MAX_CHARS:
        key = hash(line)
        if key not in memo._once:
            if len(memo._once) >= ls.MEMO_SIZE:
                memo._once.clear()
            memo._once.add(key)
            return value
        if len(memo) >= ls.MEMO_SIZE:
            memo.clear()
        memo[line] = value
    return value


def first_many(matcher: ls.RuleMatcher, texts: list[str], n_words: list[int]) -> list:
    """``RuleMatcher.first_many``: the first rule that matches each line, the core's candidates tried in order."""
    out: list = [None] * len(texts)
    limit = matcher.max_words
    asked = [i for i, (t, n) in enumerate(zip(texts, n_words)) if n <= limit and len(t) <= ls.RULE_MAX_CHARS]
    if not asked:
        return out
    found = matcher._core.candidates([texts[i] for i in asked], [n_words[i] for i in asked])
    done = -1
    for k in range(0, len(found), 2):
        j = found[k]
        if j == done:
            continue  # this line's first rule is known
        i = asked[j]
        rule = matcher.rules[found[k + 1]]
        if rule.matches(texts[i], n_words[i]):
            out[i], done = rule, j
    return out


def shapes(memo: ls.ShapeMemo, texts: list[str]) -> list[tuple]:
    """``ShapeMemo.shapes`` with rules: the lines the memo lacks described in one call, ruled in another."""
    seen = memo._seen
    hits = list(map(seen.get, texts))
    if None not in hits:
        return hits
    missing = list(dict.fromkeys(text for text, hit in zip(texts, hits) if hit is None))
    infos = ls.describe_many(missing)
    matcher = memo.matcher
    if matcher is not None:
        rules = first_many(matcher, [i.text for i in infos], [i.n_words for i in infos])
    else:
        rules = [None] * len(infos)
    fresh = dict(zip(missing, zip(infos, rules)))
    # (a line twice in ``texts`` is remembered at its second sighting)
    return [
        hit if hit is not None else fresh[text] if len(text) > ls.MEMO_MAX_CHARS else remember(seen, text, fresh[text])
        for text, hit in zip(texts, hits)
    ]
