"""The ``comments`` option: a comment thread below the article is kept by default and dropped on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from golden_documents import assert_fixed_point
from golden_documents import document as _doc
from nettoyeur import CleanConfig
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.mark import attribution_line, mark
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.cli.main import main
from nettoyeur.errors import ConfigError
from nettoyeur.records import Document

DATA = json.loads((Path(__file__).parents[1] / "data" / "comments_cases.json").read_text(encoding="utf-8"))
DOCUMENTS = DATA["documents"]
RULES = builtin_rules()
THREAD = "boilerplate:structure:comments"


def _marked(case: dict, comments: str) -> Document:
    doc = _doc([line["text"] for line in case["lines"]])
    mark(doc, RULES, None, 5, comments=comments)
    return doc


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_drop_removes_the_thread_and_nothing_of_the_article(case):
    doc = _marked(case, "drop")
    for paragraph, line in zip(doc.paragraphs, case["lines"]):
        role = line["role"]
        if role == "article":
            assert paragraph.kept, f"removed {paragraph.text!r}: {paragraph.verdict}"
        elif role in ("comment", "marker"):
            assert not paragraph.kept and paragraph.verdict.reason == THREAD, paragraph.text
        else:  # attribution, chrome
            assert not paragraph.kept and paragraph.verdict.reason.startswith("boilerplate:"), paragraph.text


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_keep_leaves_the_comments_in(case):
    doc = _marked(case, "keep")
    for paragraph, line in zip(doc.paragraphs, case["lines"]):
        if line["role"] in ("article", "comment"):
            assert paragraph.kept, f"removed {paragraph.text!r}: {paragraph.verdict}"
        assert paragraph.verdict is None or paragraph.verdict.reason != THREAD


def test_the_thread_verdict_names_its_marker_and_counts_the_attribution_lines():
    case = next(c for c in DOCUMENTS if c["name"] == "en-blog-four-comments")
    verdicts = {p.verdict.detail for p in _marked(case, "drop").paragraphs if p.verdict and p.verdict.reason == THREAD}
    assert verdicts == {"thread below the marker '4 Comments' (comments), 4 attribution lines"}


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_cleaning_the_dropped_output_again_removes_nothing(case):
    assert_fixed_point([line["text"] for line in case["lines"]], RULES, comments="drop")


@pytest.mark.parametrize("case", DATA["attribution_lines"], ids=lambda c: c["text"][:30])
def test_attribution_lines_have_a_date_or_time_and_a_name(case):
    assert attribution_line(describe(case["text"]), None) is case["expect"]


def test_comments_is_validated_with_how_to_fix_it():
    assert CleanConfig().comments == "keep"
    assert CleanConfig(comments="drop").replace(threshold=0.4).comments == "drop"
    with pytest.raises(ConfigError, match="comments must be 'keep' or 'drop', got 'remove'"):
        CleanConfig(comments="remove")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="'keep' .* 'drop'"):
        CleanConfig().replace(comments="")


def test_cli_comments_option(tmp_path):
    case = next(c for c in DOCUMENTS if c["name"] == "en-blog-four-comments")
    src = tmp_path / "in"
    src.mkdir()
    (src / "post.txt").write_text("\n".join(line["text"] for line in case["lines"]) + "\n", encoding="utf-8")
    comment = next(line["text"] for line in case["lines"] if line["role"] == "comment")
    article = next(line["text"] for line in case["lines"] if line["role"] == "article")
    runner = CliRunner()
    outputs = {}
    for mode in ("keep", "drop", None):
        out = tmp_path / f"out-{mode}"
        args = ["clean", str(src), str(out), "--quiet"] + (["--comments", mode] if mode else [])
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        outputs[mode] = (out / "post.txt").read_text(encoding="utf-8")
    assert outputs[None] == outputs["keep"]
    assert comment in outputs["keep"] and article in outputs["keep"]
    assert comment not in outputs["drop"] and article in outputs["drop"]
    bad = runner.invoke(main, ["clean", str(src), str(tmp_path / "bad"), "--comments", "remove"])
    assert bad.exit_code == 2 and "'remove' is not one of 'keep', 'drop'" in bad.output
    assert "--comments [keep|drop]" in runner.invoke(main, ["clean", "--help"]).output
