"""The signals :func:`nettoyeur.boilerplate.mark._round` skips when no line is flagged do nothing then.

A round of mark's fixed point that finds no line flagged by the rules it reads runs neither the
notices spared, the comment thread, the teaser lists, the headline runs nor the dated lists: each
acts only on or beside a flagged line. This checks that claim on random pages (shapes of lines
drawn from words, headlines, labels, dates and list items), so a change to one of those signals
that makes it act without a flag fails here instead of changing outputs silently.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate import mark as bp
from nettoyeur.boilerplate.headlines import headline_runs
from nettoyeur.boilerplate.line_shapes import describe

WORDS = ["the", "of", "and", "Related", "stories", "Posted", "on", "12", "March", "2021", "by", "Jane", "Doe"]
WORDS += ["Home", "News", "comments", "Leave", "a", "reply", "cookies", "privacy", "lorem", "ipsum", "dolor"]
WORDS += ["sit", "amet", "Sincerely,", "items:", "•", "1.", "—", "[1]", "|", "said:", "10:42", "@handle", "."]

lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, min_size=1, max_size=40))
def test_the_skipped_signals_do_nothing_without_a_flagged_line(texts):
    infos = [describe(text) for text in texts]
    flags: list = [None] * len(infos)
    bp._spare_article_notices(infos, flags)
    bp._comment_thread(infos, flags)
    bp._teaser_list(infos, flags)
    assert flags == [None] * len(infos)
    assert headline_runs(infos, flags, bp.line_marks([info.text for info in infos])) == {}
    assert bp._keep_dated_list(infos, bp.line_marks([info.text for info in infos]), flags) == {}
    assert flags == [None] * len(infos)


def test_a_flagged_line_lets_them_act():
    # The claim is not vacuous: a flagged "related" heading over headlines with blurbs makes a teaser list.
    blurb = "The of and the lorem ipsum dolor sit amet of the and lorem ipsum dolor sit amet of the and lorem ipsum."
    texts = ["Related stories"] + [line for k in range(3) for line in (f"Lorem Ipsum Dolor {k}", blurb)]
    infos = [describe(text) for text in texts]
    flags: list = [None] * len(infos)
    flags[0] = bp.Verdict("boilerplate:pattern:readalso", detail="related-label")
    bp._teaser_list(infos, flags)
    assert [f.reason for f in flags[1:]] == ["boilerplate:position:teaser-list"] * 6


def test_a_verdict_is_always_true():
    # ``mark`` ends its rounds on ``not any(flags)``: a verdict must never be false, whatever its fields.
    from nettoyeur.records import Verdict

    assert all((Verdict("boilerplate:pattern:nav"), Verdict("", detail=""), Verdict("duplicate", kept_line=0)))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0:00 Intro", 0),
        ("03:15 Why plans slip", 195),
        ("1:02:03 Questions", 3723),
        ("1:75:00 Outro", None),
        ("Intro 0:00", None),
    ],
)
def test_chapter_seconds(text: str, seconds: int | None) -> None:
    """A chapter's opening timestamp in seconds; past an hour, minutes over 59 are no chapter's."""
    assert bp._chapter_seconds(text) == seconds
