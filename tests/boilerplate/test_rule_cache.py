"""The rules' translation cache (``boilerplate/rule_cache.py``): the answer of translating, whatever the file holds.

A hit is the translation itself (checked against :func:`core_regex` and :func:`lower_table`,
with the translator made to fail so that only the file can answer); a corrupt file, a file of
another key (other rules, another package version, another translator) or an unwritable folder
reads as a miss and the run translates; user rules get a file of their own and the same
verdicts as without any cache.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from nettoyeur.boilerplate import rule_cache, rule_regex
from nettoyeur.boilerplate.line_shapes import RuleMatcher, collapse, count_words
from nettoyeur.boilerplate.rule_regex import core_regex, lower_table
from nettoyeur.boilerplate.rules import builtin_rules, load_rules

RULES = builtin_rules()
SOURCES = [(r.pattern.pattern, r.pattern.flags) for r in RULES[:12]]
EXPECTED = (lower_table(), [core_regex(p, f) for p, f in SOURCES])


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, the one the module uses."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(folder))
    return folder


def _no_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes translating fail: only a cached file can answer."""

    def fail(*_args: object) -> None:
        raise AssertionError("translated although the cache holds the answer")

    monkeypatch.setattr(rule_cache, "core_regex", fail)
    monkeypatch.setattr(rule_cache, "lower_table", fail)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.bin"))


def test_a_miss_writes_the_translation_and_a_hit_reads_it_back(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert rule_cache.translate(SOURCES) == EXPECTED
    (file,) = _files(cache)
    assert not list(cache.glob(".*"))  # no temporary file left behind
    _no_translation(monkeypatch)
    assert rule_cache.translate(SOURCES) == EXPECTED
    with pytest.raises(AssertionError):
        rule_cache.translate(SOURCES[:3])  # other rules: another key, a miss
    with pytest.raises(AssertionError):
        rule_cache.translate(SOURCES[::-1])  # the same rules in another order: another key, a miss
    assert _files(cache) == [file]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not zlib at all",
        zlib.compress(b"{not json"),
        zlib.compress(b"[1, 2, 3]"),
        zlib.compress(json.dumps({"key": "x", "lower": [[], [], []], "patterns": []}).encode()),
    ],
)
def test_a_corrupt_file_is_ignored_and_written_again(cache: Path, content: bytes) -> None:
    rule_cache.translate(SOURCES)
    (file,) = _files(cache)
    file.write_bytes(content)
    assert rule_cache.translate(SOURCES) == EXPECTED
    assert rule_cache._read(file, rule_cache._key(SOURCES), len(SOURCES)) is not None  # rewritten whole


def test_a_file_of_the_right_name_but_another_shape_or_key_is_a_miss(cache: Path) -> None:
    rule_cache.translate(SOURCES)
    (file,) = _files(cache)
    good = json.loads(zlib.decompress(file.read_bytes()))
    key = rule_cache._key(SOURCES)
    bad = [
        dict(good, key="0" * 64),  # another key under this name (a hash prefix collision)
        dict(good, patterns=good["patterns"][:-1]),  # one pattern short
        dict(good, patterns=[1] * len(SOURCES)),  # not strings
        dict(good, lower=[good["lower"][0], good["lower"][1][:-1], good["lower"][2]]),  # columns differ
        dict(good, lower=[["a"], ["b"], []]),  # not code points
    ]
    for content in bad:
        file.write_bytes(zlib.compress(json.dumps(content).encode()))
        assert rule_cache._read(file, key, len(SOURCES)) is None
        assert rule_cache.translate(SOURCES) == EXPECTED


def test_another_version_or_translator_is_another_file(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    rule_cache.translate(SOURCES)
    key = rule_cache._key(SOURCES)
    monkeypatch.setattr(rule_cache, "__version__", "999.0")
    assert rule_cache._key(SOURCES) != key
    rule_cache.translate(SOURCES)
    assert len(_files(cache)) == 2
    monkeypatch.undo()
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(cache))
    edited = tmp_path / "rule_regex.py"
    edited.write_bytes(Path(rule_regex.__file__).read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(rule_regex, "__file__", str(edited))
    assert rule_cache._key(SOURCES) != key


def test_user_rules_get_their_own_file_and_the_same_verdicts(cache: Path, tmp_path: Path, monkeypatch) -> None:
    # no cache folder while the rules load (their patterns compile through pattern_cache too)
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", "")
    path = tmp_path / "rules.txt"
    path.write_text("promo: (?i)offre\\s+spéciale.*\nsignature: ‹date›\\s+[A-ZÉ]\\w+\n", encoding="utf-8")
    rules = load_rules(path) + RULES
    lines = [
        "OFFRE SPÉCIALE : -20 % sur tout",
        "3 mars 2023 Éloïse",
        "Partager sur Facebook",
        "Une phrase ordinaire, sans rien de particulier, qui continue un peu.",
    ]
    texts = [collapse(line) for line in lines]
    n_words = [count_words(t) for t in texts]
    plain = RuleMatcher(rules)
    assert not cache.exists()  # an empty NETTOYEUR_CACHE_DIR: no cache at all
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(cache))
    RuleMatcher(RULES)
    first = RuleMatcher(rules)
    assert len(_files(cache)) == 2  # the built-in rules alone, and with the user's
    again = RuleMatcher(rules)  # read from the file
    expected = [r.name if r else None for r in plain.first_many(texts, n_words)]
    assert expected[:3] == ["user-1", "user-2", "share-label"] and expected[3] is None
    for matcher in (first, again):
        assert [r.name if r else None for r in matcher.first_many(texts, n_words)] == expected
        assert matcher._core.candidates(texts, n_words) == plain._core.candidates(texts, n_words)


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", str(blocker / "cache"))  # its parent is a file: mkdir fails
    assert rule_cache.translate(SOURCES) == EXPECTED


def test_at_most_cache_files_translations_are_kept(cache: Path) -> None:
    for k in range(rule_cache.CACHE_FILES + 3):
        rule_cache.translate(SOURCES[: k + 1])
    assert len(_files(cache)) == rule_cache.CACHE_FILES
