"""The compiled patterns' cache (``boilerplate/pattern_cache.py``): ``re.compile``'s pattern, whatever the file holds.

A hit is the pattern ``re.compile`` makes (``re.Pattern``'s ``==`` compares the engine's code,
flags and expression), read with Python's compiler made to fail so that only the file can
answer; a corrupt file, a file of another key (another Python, another expression) or an
unwritable folder reads as a miss, and the pattern is compiled (and written again).
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate import mark, pattern_cache, rules
from nettoyeur.boilerplate.pattern_cache import compile_cached
from nettoyeur.boilerplate.rules import MASKS, builtin_rules

RULES = builtin_rules()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, the one the module uses."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(folder))
    return folder


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes Python's compiler fail: only a cached file can answer."""

    def fail(*_args: object) -> None:
        raise AssertionError("compiled although the cache holds the code")

    monkeypatch.setattr(pattern_cache, "_code", fail)
    monkeypatch.setattr(pattern_cache.re, "compile", fail)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("re-*.bin"))


def _same(found: re.Pattern[str], expected: re.Pattern[str]) -> None:
    assert found == expected  # the engine's code, flags and expression
    assert (found.pattern, found.flags, found.groups, found.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )


def test_every_builtin_rule_and_date_search_reads_back_as_re_compile_makes_it(cache, monkeypatch):
    sources = [(r.pattern.pattern, r.pattern._given) for r in RULES]
    sources += [(rules.DATE_SEARCH_SOURCE, re.IGNORECASE), (mark._STAMP_SEARCH.pattern, re.IGNORECASE)]
    expected = [re.compile(p, f) for p, f in sources]
    for (p, f), want in zip(sources, expected):
        _same(compile_cached(p, f), want)  # a miss: compiled and written
    assert len(_files(cache)) == len(set(sources))
    assert not list(cache.glob(".*"))  # no temporary file left behind
    _no_compiling(monkeypatch)
    for (p, f), want in zip(sources, expected):
        _same(compile_cached(p, f), want)  # a hit: read back
    with pytest.raises(AssertionError):
        compile_cached(sources[0][0] + "x", sources[0][1])  # another expression: another key, a miss


def test_the_module_patterns_are_those_of_re_compile():
    assert rules.DATE_SEARCH_SOURCE == r"(?<!\w)(?:" + MASKS["‹date›"] + r")"
    assert rules.DATE_SEARCH_FLAGS == re.IGNORECASE
    stamp = r"(?<!\w)(?:" + MASKS["‹date›"] + "|" + MASKS["‹time›"] + ")"
    assert mark._STAMP_SEARCH == re.compile(stamp, re.IGNORECASE)
    rule = RULES[0]
    assert rule.pattern.compiled() == re.compile(rule.pattern.pattern, rule.pattern._given)


# Expressions from pieces that exercise the compiler: literals (cased, beyond latin-1, astral),
# sets, categories, groups (named, non-capturing, lookarounds), alternations, repeats, anchors,
# back references and inline flags.
_PIECES = st.sampled_from(
    [
        "a", "Z", "é", "ß", "İ", "ı", "Σ", "ς", "日本", "😀", r"\.", " ", r"\d", r"\w+", r"\s*", r"\b",
        "[a-zé]", "[^0-9]", r"[\u0400-\u04ff]", ".", "^", "$", "(?:ab|cd)", "(x)", "(?P<n>y)", "(?=q)",
        "(?<!w)", "a{2,5}", "b*?", "c+", "(?i:k)", "(?P<m>t)(?P=m)", "(e)?", r"(?:\d{1,2}[./])",
    ]
)  # fmt: skip
_FLAGS = st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.IGNORECASE | re.ASCII, re.VERBOSE])


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=8), alternatives=st.integers(1, 3), flags=_FLAGS)
def test_random_expressions_read_back_as_re_compile_makes_them(tmp_path_factory, pieces, alternatives, flags):
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NETTOYEUR_CACHE_DIR", str(folder))
        pattern = "|".join("".join(pieces[k::alternatives]) for k in range(alternatives)) or "a"
        try:
            expected = re.compile(pattern, flags)
        except re.error:
            with pytest.raises(re.error):
                compile_cached(pattern, flags)
            assert not _files(folder)
            return
        _same(compile_cached(pattern, flags), expected)
        _no_compiling(mp)
        _same(compile_cached(pattern, flags), expected)


def _stored(cache: Path, pattern: str, flags: int) -> Path:
    compile_cached(pattern, flags)
    (file,) = _files(cache)
    return file


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b"not zlib at all",
        lambda b: b"",
        lambda b: zlib.compress(b"{not json\n\x00\x00\x00\x00"),
        lambda b: zlib.compress(b'["a list"]\n'),
        lambda b: b[:20] + bytes([b[20] ^ 0x55]) + b[21:],  # a flipped byte (zlib's checksum)
    ],
)
def test_a_corrupt_file_is_ignored_and_written_again(cache, damage):
    pattern, flags = r"(?P<day>\d{1,2}) (?:janvier|février|mars)", re.IGNORECASE
    file = _stored(cache, pattern, flags)
    good = file.read_bytes()
    file.write_bytes(damage(good))
    _same(compile_cached(pattern, flags), re.compile(pattern, flags))
    assert file.read_bytes() == good  # written again, whole


def test_code_the_engine_refuses_is_ignored_and_written_again(cache):
    pattern, flags = r"(a|b)+c", 0
    file = _stored(cache, pattern, flags)
    head, _, _ = zlib.decompress(file.read_bytes()).partition(b"\n")
    file.write_bytes(zlib.compress(head + b"\n" + b"\xff\xff\xff\x7f" * 8))  # a whole file of nonsense code
    _same(compile_cached(pattern, flags), re.compile(pattern, flags))
    assert zlib.decompress(file.read_bytes()).partition(b"\n")[2] != b"\xff\xff\xff\x7f" * 8


def test_a_file_of_another_key_is_a_miss(cache):
    pattern, flags = "publi(?:é|shed) le", re.IGNORECASE
    file = _stored(cache, pattern, flags)
    head, _, code = zlib.decompress(file.read_bytes()).partition(b"\n")
    header = json.loads(head)
    header["key"] = "0" * 64  # a hash collision, or a file from elsewhere
    file.write_bytes(zlib.compress(json.dumps(header).encode() + b"\n" + code))
    _same(compile_cached(pattern, flags), re.compile(pattern, flags))
    assert json.loads(zlib.decompress(file.read_bytes()).partition(b"\n")[0])["key"] != "0" * 64


def test_the_key_holds_the_python_engine_and_unicode_versions(cache, monkeypatch):
    pattern, flags = r"\w+ \d", 0
    file = _stored(cache, pattern, flags)
    key = pattern_cache._key(pattern, flags)
    assert pattern_cache._key(pattern, flags | re.IGNORECASE) != key
    assert pattern_cache._key(pattern + " ", flags) != key
    for module, name, other in [
        (sys, "version", sys.version + " (another build)"),
        (pattern_cache._sre, "MAGIC", pattern_cache._sre.MAGIC + 1),
        (pattern_cache.unicodedata, "unidata_version", "0.0.0"),
    ]:
        with monkeypatch.context() as mp:
            mp.setattr(module, name, other)
            assert pattern_cache._key(pattern, flags) != key, name
            _same(compile_cached(pattern, flags), re.compile(pattern, flags))  # another file, a miss
    assert file in _files(cache) and len(_files(cache)) == 4


def test_what_the_cache_does_not_know_goes_to_re_compile(cache):
    _same(compile_cached("a+b", re.DEBUG), re.compile("a+b", re.DEBUG))  # (DEBUG prints as it compiles)
    assert compile_cached(b"a+b") == re.compile(b"a+b")  # type: ignore[arg-type]  # bytes: not cached
    assert not _files(cache)
    _same(compile_cached("a+b"), re.compile("a+b"))
    assert len(_files(cache)) == 1
    with pytest.raises(re.error):
        compile_cached("(unclosed")
    assert len(_files(cache)) == 1


def test_no_cache_folder_or_an_unwritable_one_still_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", "")
    _same(compile_cached("x[yz]"), re.compile("x[yz]"))
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(blocker / "cache"))  # its parent is a file: mkdir fails
    _same(compile_cached("x[yz]"), re.compile("x[yz]"))
    assert not (blocker.parent / "cache").exists()


def test_only_the_newest_files_are_kept(cache, monkeypatch):
    monkeypatch.setattr(pattern_cache, "CACHE_FILES", 3)
    for k in range(5):
        compile_cached(f"word{k}")
    assert len(_files(cache)) == 3
