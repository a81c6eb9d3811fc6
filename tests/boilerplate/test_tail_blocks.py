"""The page's last block cut off by chrome (nettoyeur.boilerplate.tail_blocks); golden documents: en-outlying-tail-*."""

from __future__ import annotations

from nettoyeur.boilerplate.tail_blocks import TAIL_GAP, _last_block
from nettoyeur.records import Verdict

X = Verdict("boilerplate:pattern:nav")


def test_the_last_block_starts_under_the_last_cut_of_enough_flagged_lines():
    flags = [None, None, *[X] * TAIL_GAP, None, X, None, X]
    assert _last_block(flags) == (2, 2 + TAIL_GAP, 2 + TAIL_GAP + 2)


def test_a_shorter_run_of_flagged_lines_does_not_cut():
    assert _last_block([None, *[X] * (TAIL_GAP - 1), None, None]) is None


def test_a_cut_at_the_top_of_the_page_leaves_nothing_above_the_block():
    assert _last_block([*[X] * TAIL_GAP, None, None]) is None
    assert _last_block([X, X]) is None
