"""Legacy code pages (text/legacy.py): golden cases, the benchmark's texts, a law, and the CLI end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from nettoyeur.cli.main import main
from nettoyeur.text import legacy
from nettoyeur.text.decode import decode
from nettoyeur.text.legacy import CANDIDATES, detect_legacy

CASES = json.loads((DATA / "legacy_encoding_cases.json").read_text(encoding="utf-8"))["cases"]
TEXTS = json.loads((DATA / "legacy_encoding_texts.json").read_text(encoding="utf-8"))


def case_bytes(case: dict) -> bytes:
    """A case's file content: ``hex``, ``parts`` or ``text`` in ``encoding`` (see the data file's ``about``)."""
    if "hex" in case:
        return bytes.fromhex(case["hex"])
    if "parts" in case:
        return b"".join(part["text"].encode(part["encoding"]) for part in case["parts"])
    return case["text"].encode(case["encoding"])


def test_the_golden_file_covers_every_code_page_and_kind() -> None:
    assert {c["label"] for c in CASES} == {"legacy", "western", "ambiguous", "mixed"}
    names = {name for _, name in CANDIDATES} - {"cp1252"}
    assert names <= {c["expected_encoding"] for c in CASES if c["label"] == "legacy"}
    for case in CASES:
        if case["label"] == "legacy":  # the case is one today's cp1252 fallback gets wrong
            assert case_bytes(case).decode("cp1252", errors="replace") != case["expected_text"], case["id"]


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c['label']}:{c['id']}") for c in CASES])
def test_decode_golden(case: dict) -> None:
    assert decode(case_bytes(case)) == (case["expected_text"], case["expected_encoding"])


def _benchmark_samples() -> list:
    """Every benchmark text as a line, a paragraph and an article, in its code page (cp1252: the Western ones)."""
    out = []
    groups = [(codec, item) for codec, items in TEXTS["legacy"].items() for item in items]
    groups += [("cp1252", item) for item in TEXTS["western"]]
    for codec, item in groups:
        article = "\n\n".join([item["line"], "2024-03-15, https://example.org/a/4512.html", *item["paragraphs"]]) * 3
        for kind, text in (("line", item["line"]), ("paragraph", item["paragraphs"][0]), ("article", article)):
            out.append(pytest.param(codec, text + "\n", id=f"{codec}-{item['lang']}-{kind}"))
    return out


@pytest.mark.parametrize(("codec", "text"), _benchmark_samples())
def test_benchmark_texts_decode_right(codec: str, text: str) -> None:
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    # cp932 is Shift-JIS' Windows superset; Hungarian (ő ű) is at the same bytes in ISO-8859-2 and cp1250
    expected = {"shift_jis": {"cp932"}, "iso-8859-2": {"iso-8859-2", "cp1250"}}.get(codec, {codec})
    assert encoding in (expected if not text.isascii() else {"utf-8"})


def test_a_code_page_is_chosen_from_the_bytes_alone() -> None:
    data = TEXTS["legacy"]["cp1251"][0]["paragraphs"][0].encode("cp1251")
    assert detect_legacy(data)[0] == ("cp1251", "cp1251")
    assert detect_legacy(data) == detect_legacy(bytes(data))  # a pure function: no state between calls


def test_a_byte_past_the_sample_that_the_code_page_lacks_falls_back() -> None:
    # cp1251 leaves 0x98 undefined: detection reads the first 4 KB, the whole file must decode too
    text = TEXTS["legacy"]["cp1251"][0]["paragraphs"][0] + "\n"
    data = text.encode("cp1251") * 40 + b"\x98\n"
    decoded, encoding = decode(data)
    assert encoding != "cp1251"
    assert decoded.endswith("\n")


# Words of one Western language at a time (a text is written in one language): any cp1252 text
# made of them decodes back to itself, as cp1252 (or UTF-8 when the bytes happen to be valid).
WESTERN_WORDS = {
    item["lang"]: sorted({w for p in (item["line"], *item["paragraphs"]) for w in p.split()})
    for item in TEXTS["western"]
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(WESTERN_WORDS)).flatmap(
        lambda lang: st.lists(st.sampled_from(WESTERN_WORDS[lang]), min_size=1, max_size=40)
    )
)
def test_western_text_in_cp1252_round_trips(words: list[str]) -> None:
    text = " ".join(words) + "\n"
    data = text.encode("cp1252")
    decoded, encoding = decode(data)
    assert decoded == text
    assert encoding in ("cp1252", "utf-8")


def test_cli_dedups_a_cp1251_file_against_its_utf8_twin(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    russian, ukrainian = TEXTS["legacy"]["cp1251"]
    text = "\n\n".join([*russian["paragraphs"], *ukrainian["paragraphs"]]) + "\n"
    (src / "a-utf8.txt").write_bytes(text.encode("utf-8"))
    (src / "b-cp1251.txt").write_bytes(text.encode("cp1251"))
    # boilerplate off: only duplicates are under test (a last paragraph shared by two files reads as a footer)
    argv = ["clean", str(src), str(tmp_path / "out"), "--workers=1", "--no-boilerplate"]
    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert summary["non_utf8_files"] == {"b-cp1251.txt": "cp1251"}
    assert summary["encodings"] == {"cp1251": 1}
    kept = [(tmp_path / "out" / name).read_text(encoding="utf-8") for name in ("a-utf8.txt", "b-cp1251.txt")]
    assert kept[0] == text  # the first copy is kept whole, the second is all duplicates
    assert kept[1].strip() == ""


def test_long_lines_are_sampled_from_their_start_only() -> None:
    # a 1 MB ASCII line before the first byte beyond ASCII, then a 200 KB line of Russian in
    # cp1251: the sample is the first SAMPLE_BYTES of that line, whatever the lines' length
    # (an earlier regex over whole lines was quadratic in them)
    russian = TEXTS["legacy"]["cp1251"][0]["paragraphs"][0]
    line = (russian + " ").encode("cp1251") * 300 + b"\n"
    data = b"a" * 1_000_000 + b"\n" + line
    assert legacy._sample(data) == line[: legacy.SAMPLE_BYTES]
    text, encoding = decode(data)
    assert (text.count("\n"), encoding) == (2, "cp1251")
