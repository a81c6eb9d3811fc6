"""The report's JSON lines and records: the fast paths give what the plain definitions give."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.records import Document, Paragraph, Verdict
from nettoyeur.report import report_file
from nettoyeur.report.report_file import dumps_line, dumps_lines, dumps_lines_utf8, reason_counts, report_records
from nettoyeur.text.split import split_lines
from render_reference import records
from report_lines_reference import reference_line

CASES = json.loads((Path(__file__).parents[1] / "data" / "report_linecount_cases.json").read_text(encoding="utf-8"))
# 150 examples, not 300: its two core-vs-encoder laws took 40 s of the suite's 1,715 (2 busy cores).
LAW = settings(max_examples=150, deadline=None)


def plain_line(record: dict) -> str:
    """A report line as the report defines it: sorted keys, UTF-8 text unless it cannot be, no raw separators."""
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(record, ensure_ascii=True, sort_keys=True)
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# Text with what makes the fast path differ from json.dumps if it is wrong: lone surrogates
# (high and low), the three separators str.splitlines breaks at, quotes, backslashes,
# control characters, accents, CJK, an astral character.
_ALPHABET = st.sampled_from(list('aé日 "\\\t\n\x00\x1f\x7f\x85\u2028\u2029\ud800\udc80\udfff\U0001f600'))
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=40), st.text(max_size=40))
values = st.one_of(
    texts,
    st.integers(),
    st.floats(),  # NaN and infinities included: json writes NaN, Infinity
    st.none(),
    st.booleans(),
    st.lists(texts, max_size=3),
)
KEYS = ["file", "id", "line", "paragraph", "text", "reason", "kept_doc", "kept_line", "kept_text", "estimated"]
keys = st.one_of(st.sampled_from(KEYS + ["jaccard", "containment", "detail", "repairs", "original"]), texts)
record_dicts = st.dictionaries(keys, values, max_size=12)


@LAW
@given(record_dicts)
def test_fast_line_is_the_plain_definition(record):
    assert dumps_line(record) == plain_line(record)


# Lone surrogates as a file name not in UTF-8 gives them (surrogateescape: U+DC80-U+DCFF). A
# high surrogate before a low one would read back as the pair's astral character, in JSON.
_ESCAPED = st.sampled_from(list('aé日 "\\\t\n\x00\x1f\x85\u2028\u2029\udc80\udcff\U0001f600'))
round_texts = st.one_of(st.text(alphabet=_ESCAPED, max_size=40), st.text(max_size=40))
round_keys = st.one_of(st.sampled_from(KEYS), round_texts)


@LAW
@given(
    st.dictionaries(round_keys, st.one_of(round_texts, st.integers(), st.lists(round_texts, max_size=3)), max_size=12)
)
def test_a_line_is_one_line_that_reads_back_as_the_record_with_sorted_keys(record):
    line = dumps_line(record)
    assert line.splitlines() == [line]  # no break str.splitlines() would take
    assert json.loads(line) == record
    assert list(json.loads(line)) == sorted(record)
    strings = [*record, *(v for v in record.values() if isinstance(v, str))]
    strings += [s for v in record.values() if isinstance(v, list) for s in v]
    if any("\udc80" <= c <= "\udcff" for s in strings for c in s):
        assert line.isascii()  # a lone surrogate anywhere: the whole line is ASCII escapes
    else:  # readable UTF-8: every other character beyond ASCII is written as itself
        assert all(c in line for s in strings for c in s if ord(c) > 127 and c not in "\x85\u2028\u2029")


# Every kind of text the core reads differently: one, two or four bytes a code point in Python's
# storage (Latin-1, BMP, astral), CJK, combining marks, İ/ı, ß, Σ/ς, every kind of white space
# and line break, C0 and C1 controls, DEL, quotes and backslashes, lone surrogates high and low.
_WIDE = st.sampled_from(
    list('aZ~ "\\/\x00\x01\x08\x0c\x1b\x1f\x7f\x80\x85\x9f\xa0\xe9\xff\u0100\u0130\u0131\xdf\u03a3\u03c2\u0301\u0308')
    + list("\t\n\x0b\r\x1c\x1d\x1e\u1680\u2000\u2007\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\ufffd\uffff")
    + list("\u65e5\u672c\ud7ff\ue000\ud800\udbff\udc00\udcff\udfff\U00010000\U0001f600\U00020000\U0010ffff")
)
wide_texts = st.one_of(st.text(alphabet=_WIDE, max_size=30), st.text(max_size=30))
leaves = st.one_of(
    wide_texts,
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.none(),
    st.booleans(),
)
nested = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), wide_texts), inner, max_size=4),
    ),
    max_leaves=12,
)
wide_records = st.dictionaries(st.one_of(st.sampled_from(KEYS), wide_texts), nested, max_size=10)


@LAW
@given(st.lists(wide_records, max_size=6))
def test_the_core_writes_the_lines_the_former_encoder_wrote(batch):
    assert dumps_lines(batch) == "".join(reference_line(r) + "\n" for r in batch)
    assert dumps_lines_utf8(batch) == "".join(reference_line(r) + "\n" for r in batch).encode("utf-8")
    for record in batch:
        assert dumps_line(record) == reference_line(record) == plain_line(record)


@LAW
@given(st.lists(wide_records, max_size=4), st.sampled_from([{1: "a"}, {"a": {2.5: None}}, {"a": [{True: 1}]}]))
def test_what_the_core_does_not_write_is_the_plain_definition_s(batch, odd):
    # Keys that are not strings: json's own conversion (the core hands the record to the plain definition).
    lines = batch + [odd] + batch
    assert dumps_lines(lines) == "".join(reference_line(r) + "\n" for r in lines)
    assert dumps_lines_utf8(lines) == dumps_lines(lines).encode("utf-8")


def test_deep_nesting_and_unwritable_values_take_the_plain_path():
    deep: list = []
    for _ in range(100):  # past the core's depth limit: json writes it all the same
        deep = [deep]
    assert dumps_lines([{"a": deep}]) == reference_line({"a": deep}) + "\n"
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_lines([{"file": "a.txt"}, {"file": "b.txt", "repairs": {"a set"}}])
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_lines([{"file": "a.txt", "text": b"bytes"}])
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_lines_utf8([{"file": "a.txt"}, {"file": "b.txt", "repairs": {"a set"}}])
    assert dumps_lines([]) == "" and dumps_lines_utf8([]) == b""
    # A file name not in UTF-8 (a lone surrogate) is written in ASCII escapes, as bytes too.
    assert dumps_lines_utf8([{"file": "caf\udce9.txt"}]) == dumps_lines([{"file": "caf\udce9.txt"}]).encode("ascii")


@pytest.mark.parametrize("case", CASES["report_lines"], ids=lambda c: c["label"])
def test_report_line_golden(case):
    line = dumps_line(case["record"])
    assert line == plain_line(case["record"]) == reference_line(case["record"])
    assert line.isascii() == case["ascii"]
    for text in case["readable"] + case["escaped"]:
        assert text in line, text
    for text in case["absent"]:
        assert text not in line, text
    assert json.loads(line) == case["record"]


def test_a_value_json_cannot_write_is_json_s_own_error():
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_line({"file": "a.txt", "text": object()})
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises((ValueError, RecursionError)):
        dumps_line({"file": "a.txt", "repairs": cycle})
    assert dumps_line({"file": "a.txt"}) == '{"file": "a.txt"}'  # the encoder is whole after an error


# --- records ---------------------------------------------------------------------------------------------------


def plain_verdict_dict(verdict: Verdict) -> dict:
    """Verdict.to_dict as first written: each field in order, left out when None, floats to 4 decimals."""
    out = {"reason": verdict.reason}
    for key in ("kept_doc", "kept_line", "kept_text", "estimated", "jaccard", "containment", "detail"):
        value = getattr(verdict, key)
        if value is not None:
            out[key] = round(value, 4) if isinstance(value, float) else value
    return out


def maybe(strategy):
    return st.one_of(st.none(), strategy)


verdicts = st.builds(
    Verdict,
    reason=st.sampled_from(["duplicate", "contained", "boilerplate:pattern:nav"]),
    kept_doc=maybe(st.text(max_size=5)),
    kept_line=maybe(st.integers(1, 99)),
    kept_text=maybe(st.text(max_size=5)),
    estimated=maybe(st.floats(0, 1)),
    jaccard=maybe(st.floats(0, 1)),
    containment=maybe(st.floats(0, 1)),
    detail=maybe(st.one_of(st.text(max_size=5), st.floats(0, 100))),
)


@LAW
@given(verdicts)
def test_verdict_dict_is_the_plain_definition_in_the_same_key_order(verdict):
    assert list(verdict.to_dict().items()) == list(plain_verdict_dict(verdict).items())


def plain_records(doc: Document) -> list[dict]:
    """report_file.records as first written."""
    rid = getattr(doc, "record_id", None)
    named = {"id": rid} if rid is not None else {}
    out = []
    for p in doc.paragraphs:
        if p.verdict is not None:
            record = {"file": doc.path, **named, "line": p.line, "paragraph": p.index, "text": p.text}
            record.update(plain_verdict_dict(p.verdict))
            if p.repairs:
                record["repairs"] = list(p.repairs)
                record["original"] = p.original
            out.append(record)
        elif p.repairs:
            out.append(
                {
                    **named,
                    "file": doc.path,
                    "line": p.line,
                    "paragraph": p.index,
                    "text": p.text,
                    "reason": "encoding:" + "+".join(p.repairs),
                    "original": p.original,
                }
            )
    return out


class _Record(Document):
    """A document read from a record file: it has an id."""

    __slots__ = ("record_id",)


paragraph_lists = st.lists(
    st.tuples(maybe(verdicts), st.lists(st.sampled_from(["fix_latin1", "fix_c1_controls"]), max_size=2)), max_size=6
)


@LAW
@given(paragraph_lists, maybe(st.text(max_size=4)))
def test_records_are_the_plain_definition_in_the_same_key_order(paras, record_id):
    doc = _Record(path="d/a.txt") if record_id is not None else Document(path="d/a.txt")
    if record_id is not None:
        doc.record_id = record_id
    doc.paragraphs = [
        Paragraph(index=k, line=2 * k + 1, text=f"t{k}", original=f"o{k}", repairs=tuple(fixes), verdict=v)
        for k, (v, fixes) in enumerate(paras)
    ]
    counts: Counter = Counter({"kept": 1})  # added to, not replaced
    got, want = records(doc, counts), plain_records(doc)
    assert [list(r.items()) for r in got] == [list(r.items()) for r in want]
    assert len(got) == sum(1 for v, fixes in paras if v is not None or fixes)  # negatives: kept, unrepaired: none
    assert [list(r.items()) for r in records(doc)] == [list(r.items()) for r in want]
    # Fields given for the verdicts that paragraphs share are the ones used for them (and only them).
    shared = {id(p.verdict): {"reason": "given"} for p in doc.paragraphs[:1] if p.verdict is not None}
    given_fields = records(doc, shared=shared)
    assert [r["reason"] == "given" for r in given_fields] == [
        id(p.verdict) in shared for p in doc.paragraphs if p.verdict is not None or p.repairs
    ]
    # The counts of the same walk are reason_counts', with no entry for a reason no paragraph has.
    assert counts == reason_counts([doc]) + Counter({"kept": 1})
    assert all(n > 0 for n in counts.values())


@st.composite
def split_documents(draw: st.DrawFn) -> Document:
    """A document as a run holds it: split from its text, some paragraphs removed, some repaired (some left blank)."""
    text = draw(st.lists(st.tuples(texts, st.sampled_from(["\n", "\r\n", "\n\n"])), max_size=6))
    doc = _Record(path=draw(st.sampled_from(["a.txt", "d/\udcff.txt"])))
    doc.lines, doc.paragraphs = split_lines("".join(t + e for t, e in text))
    doc.record_id = draw(st.none() | st.text(max_size=4) | st.integers())
    for p in doc.paragraphs:
        if draw(st.booleans()):
            p.text = draw(texts.map(lambda t: t.replace("\n", " ")) | st.sampled_from(["\xa0", " "]))
            p.repairs = tuple(draw(st.lists(st.sampled_from(["fix_latin1", "unescape_html"]), min_size=1, max_size=2)))
        p.verdict = draw(maybe(verdicts))
    return doc


@LAW
@given(split_documents())
def test_the_core_writes_the_records_of_documents_that_carry_their_verdicts(doc):
    """The in-memory run's report and the API's records: the core's lines are the reference's records' lines.

    The API's records are those lines read back (a pair of lone surrogates, which only a str
    made in Python holds, reads back as the character it encodes, as any reader of the report sees it).
    """
    want = records(doc)
    lines = dumps_lines_utf8(want)
    writer = report_file.document_writer()
    report_file.add_document(writer, doc)
    assert writer.take_report() == lines
    assert report_records(doc) == [json.loads(line) for line in lines.splitlines()]
    assert len(want) == sum(1 for p in doc.paragraphs if p.verdict is not None or p.repairs)  # none for the others


def test_report_file_lines_are_the_records_lines(tmp_path):
    doc = Document(path="a.txt")
    doc.lines, doc.paragraphs = split_lines("Menu\nkept\nCafÃ©\n")
    doc.paragraphs[0].verdict = Verdict("boilerplate:pattern:nav", detail="nav\u2028x")
    doc.paragraphs[2].text, doc.paragraphs[2].repairs = "Café", ("fix_latin1",)
    path = tmp_path / "x.report.jsonl"
    report_file.write_report(path, [doc], {"contained_reported": []})
    assert path.read_text(encoding="utf-8") == "".join(plain_line(r) + "\n" for r in plain_records(doc))
    assert "\\u2028" in path.read_text(encoding="utf-8") and len(plain_records(doc)) == 2
