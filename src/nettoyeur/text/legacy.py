"""Which legacy code page a file that is not UTF-8 was written in.

``decode`` reads a file that is not UTF-8 (nor UTF-16, nor mostly UTF-8) as cp1252, Windows'
Western code page. A Russian file in cp1251 or KOI8-R, a Polish one in cp1250, a Japanese one in
Shift-JIS... would come out as garbage (``Ïðèâåò`` for ``Привет``) that ftfy cannot repair: it
is no UTF-8 mojibake. ``detect_legacy`` decodes the file's lines that hold bytes beyond ASCII with
each candidate code page and scores how implausible each reading is (``_cost``); a candidate
other than cp1252 is chosen only when it is clearly more plausible, else none (cp1252, as
before).

The cost of a reading counts its characters no text holds: a C1 control or undefined byte; a
letter of a script the code page is not used for (Latin letters inside Arabic words); a letter
outside the alphabet of the one Latin-script language that covers most of the reading's accented
letters (``Za¿ó³æ``'s ``æ`` next to ``ó``; Czech ``ø`` for ``ř`` next to ``š``); a letter that is
rare in the code page's languages (``ф щ ъ`` for Greek read as cp1251; a Han character outside
the charset's first, common level); a lower-case letter followed by a capital in one word
(KOI8-R read as cp1251 swaps the cases), a quarter as much after a capital; a symbol between
two letters (``³`` in ``Za¿ó³æ``) or a math or box-drawing sign next to one; a vowel point on a
Latin letter; Hebrew final forms and Greek ``ς`` inside a word, ``σ`` at its end; kana in a
Chinese reading, Japanese without any kana; a space between two ideographs.

Measured with ``benchmarks/legacy_decode.py`` (tuned on its texts,
``tests/data/legacy_encoding_texts.json``: 15 legacy texts in 13 code pages, 12 Western cp1252
ones; each as one line, one paragraph and an article of ~2 KB):

- whole texts: 45 of 45 legacy samples right (every code page, every size), 36 of 36 Western ones
  stay cp1252; the golden cases written after the tuning (tests/data/legacy_encoding_cases.json):
  15 of 15 legacy, 10 of 10 Western;
- windows of 12 / 24 / 48 characters cut from the texts: legacy right 317/374, 323/368, 282/305
  (the rest falls back to cp1252, but 9 / 1 / 0 read in another legacy page: a Russian or
  Hebrew word or two), Western 464 of 464 stay cp1252;
- held out (not tuned on, not in the project; ``benchmarks/legacy_catalogs.py``): the system's
  gettext catalogs (/usr/share/locale/*/LC_MESSAGES/*.mo, translated UI strings, 33 language and
  code page pairs), files of 1 / 3 / 20 messages: legacy right 5,453/6,300, 5,934/6,196,
  5,919/5,929 (read in another legacy page: 95, 0, 4, a word or two of Hebrew, Arabic or
  Bulgarian read in another non-Latin page; the rest cp1252); Western (12 languages) 10,345 of
  10,348 right: one read as cp1254 (a German file whose only letter outside German is the Ð of
  ``AÐERTY``, which cp1254 reads as Ğ, the only letter that changes), two hold a line valid as
  UTF-8 (mixed, as before);
- cost, one file, CPU (2 shared cores, median of 15): 10 KB cp1251 3.4 ms (0.1 ms before),
  Shift-JIS 2.6 ms (0.9), cp1250 0.6 ms (0.1), cp1252 0.5 ms (0.1); 100 KB: 4.3, 3.9 (9.3: cp932
  decodes faster than the cp1252 fallback did), 1.6, 1.9 ms (1.1-1.3). A UTF-8 file never gets here.

charset-normalizer 3.5 (MIT, on PyPI, deterministic, mypyc-compiled: 0.2-2 ms a file) was measured
the same way, restricted to the same candidates: 40 of 45 legacy samples, but 22 of 36 Western
ones (cp1250 for French, Swedish, Icelandic, English: ``crème`` -> ``crčme``), None for a Polish
ISO-8859-2 paragraph; windows: legacy 728 of 1,047 right, Western 206 of 464; held-out catalogs,
1 / 3 / 20 messages: legacy 4,940 / 5,680 / 5,747 right, Western 1,896/3,600, 2,234/3,600,
2,370/3,148 (the rest read as cp1250, ISO-8859-2...). Reading Western text in another
page is the regression this module must not make, so no dependency is added.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

# (codec decoded with, name reported). cp1252 is the fallback and is scored first: it wins ties.
# cp932 is Windows' Shift-JIS (a superset: NEC and IBM extensions); the others are Python's.
# EUC-KR comes before the Chinese pages: a word or two of Korean reads as common Chinese
# characters too, and the tie goes to Korean (held out, one-message files: Korean 278 -> 297 of
# 300 right, simplified Chinese 290 -> 287).
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("cp1252", "cp1252"),
    ("cp1250", "cp1250"),
    ("iso8859_2", "iso-8859-2"),
    ("cp1254", "cp1254"),
    ("cp1251", "cp1251"),
    ("koi8_r", "koi8-r"),
    ("cp1253", "cp1253"),
    ("cp1255", "cp1255"),
    ("cp1256", "cp1256"),
    ("cp932", "cp932"),
    ("euc_jp", "euc-jp"),
    ("euc_kr", "euc-kr"),
    ("gb18030", "gb18030"),
    ("big5", "big5"),
)

# Accented letters of Latin-script languages (lower case). A reading's Latin letters are checked
# against the one language that covers most of them: text is written in one language at a time.
LATIN_ALPHABETS: tuple[str, ...] = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóú",  # Catalan
    "áäéèëíïóöüú",  # Dutch
    "æøåéó",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Bosnian, Serbian
    "çğıöşüâîû",  # Turkish
    "äöõüšž",  # Estonian
)

# The common letters of scripts that several code pages read bytes as: a reading full of the
# others is another script's bytes. Russian's 20 most frequent letters make 91 % of its letters
# (о 11 %, е 8.5 %, а 8 % ... з 1.7 %); і (Ukrainian, ~5 %) no other page's reading gives.
# Hebrew has no rare tier (all 27 letters cost nothing; its final forms are checked instead).
CYRILLIC_COMMON = frozenset("оеаинтсрвлкмдпуяыьгзі")
GREEK_COMMON = frozenset("αοιετσνηυρπκμλωςδγίόάέήύχθ")
HEBREW_FINALS = frozenset("ךםןףץ")
ARABIC_COMMON = frozenset("اليمونهرتبعةدفكقسأحج" "یکگپچ")  # Arabic's 20 first, Persian's own letters


@dataclass(frozen=True)
class _Profile:
    """What a code page's text holds: its scripts (beyond ASCII) and how common letters are told."""

    scripts: frozenset[str]
    common: str  # "cyrillic", "greek", "hebrew", "arabic", "latin", "ja", "zh-hans", "zh-hant", "ko"


_PROFILES = {
    "cp1252": _Profile(frozenset({"latin"}), "latin"),
    "cp1250": _Profile(frozenset({"latin"}), "latin"),
    "iso8859_2": _Profile(frozenset({"latin"}), "latin"),
    "cp1254": _Profile(frozenset({"latin"}), "latin"),
    "cp1251": _Profile(frozenset({"cyrillic"}), "cyrillic"),
    "koi8_r": _Profile(frozenset({"cyrillic"}), "cyrillic"),
    "cp1253": _Profile(frozenset({"greek"}), "greek"),
    "cp1255": _Profile(frozenset({"hebrew"}), "hebrew"),
    "cp1256": _Profile(frozenset({"arabic"}), "arabic"),
    "cp932": _Profile(frozenset({"han", "kana"}), "ja"),
    "euc_jp": _Profile(frozenset({"han", "kana"}), "ja"),
    "gb18030": _Profile(frozenset({"han"}), "zh-hans"),
    "big5": _Profile(frozenset({"han"}), "zh-hant"),
    "euc_kr": _Profile(frozenset({"hangul"}), "ko"),
}

# Detection reads the lines holding bytes beyond ASCII, up to this many bytes: the decision is
# made on those, then the whole file is decoded with the code page chosen. 1 KB (~500 Cyrillic
# letters, ~350 ideographs) decides as 4 KB does on every benchmark sample, at a quarter of the
# CPU (10 KB cp1251: 3.4 ms against 13.6).
SAMPLE_BYTES = 1024
# A longer sample is scored in two steps: every candidate on its first SHORTLIST_BYTES, then
# cp1252 and the SHORTLIST cheapest on all of it: the same choices on every benchmark sample,
# 20-50 % less CPU (10 KB cp1251 3.1 ms against 3.9, EUC-JP 3.0 against 5.9).
SHORTLIST_BYTES = 256
SHORTLIST = 3
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# A candidate other than cp1252 is chosen when its cost is at most COST_SHARE of its non-ASCII
# characters and below cp1252's by at least MIN_GAIN and by half.
COST_SHARE = 0.2
MIN_GAIN = 1.0
_INWORD_SYMBOL_OK = frozenset("’·‐\u00ad")
# Symbols that touch no letter in text (they go with numbers, or stand alone): next to a letter
# they are the reading of a letter in another code page.
_ODD_SYMBOLS = frozenset("¦¶±¼½¾¤¨¯´¸¬¢¥×÷")


# The scripts of the letters beyond ASCII, by code point range: ``(first, past the last, script)``,
# in order and apart, so that one bisection finds a letter's.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0000, 0x0250, "latin"),
    (0x0370, 0x0400, "greek"),
    (0x0400, 0x0530, "cyrillic"),
    (0x0590, 0x0600, "hebrew"),
    (0x0600, 0x0780, "arabic"),
    (0x1E00, 0x1F00, "latin"),
    (0x1F00, 0x2000, "greek"),
    (0x3040, 0x3100, "kana"),
    (0x3400, 0xA000, "han"),
    (0xAC00, 0xD7A4, "hangul"),
    (0xF900, 0xFB00, "han"),
    (0xFB1D, 0xFB50, "hebrew"),
    (0xFB50, 0xFF00, "arabic"),
)
_SCRIPT_FIRSTS = [first for first, _, _ in _SCRIPT_RANGES]


def _script(char: str) -> str:
    """The script of a non-ASCII letter, by code point range (``_SCRIPT_RANGES``), else ``"other"``."""
    cp = ord(char)
    first, past, script = _SCRIPT_RANGES[bisect_right(_SCRIPT_FIRSTS, cp) - 1]
    return script if cp < past else "other"


def _level_one(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    """The characters a double-byte charset puts in its common rows (its first level)."""
    out = set()
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                try:
                    out.add(bytes([lead, trail]).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(out)


@cache
def _common_han(kind: str) -> frozenset[str]:
    """The Han characters of a charset's first level: GB2312 (3,755), Big5 (5,401), JIS X 0208 (2,965)."""
    if kind == "zh-hans":
        return _level_one("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))
    if kind == "zh-hant":
        return _level_one("big5", range(0xA4, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF)))
    return _level_one("euc_jp", range(0xB0, 0xD0), (range(0xA1, 0xFF),))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_NEUTRAL_LETTERS = frozenset("ªºµ")  # ordinal indicators and micro: letters, but of no language


def _letter_cost(char: str, script: str, profile: _Profile) -> float:
    """What a non-ASCII letter of ``script`` costs in a reading of ``profile`` (its case aside)."""
    if script not in profile.scripts:
        return 1.0
    lower = char.lower()
    if profile.common == "cyrillic":
        return 0.0 if lower in CYRILLIC_COMMON else 0.5
    if profile.common == "greek":
        return 0.0 if lower in GREEK_COMMON else 0.5
    if profile.common == "arabic":
        return 0.0 if char in ARABIC_COMMON else 0.5
    if script == "han" and profile.common in ("ja", "zh-hans", "zh-hant"):
        return 0.0 if char in _common_han(profile.common) else 0.5
    return 0.0


def _cost(text: str, profile: _Profile) -> tuple[float, int]:
    """How implausible a reading is (see the module's docstring) and its number of non-ASCII characters."""
    cost = 0.0
    latin: Counter[str] = Counter()
    count = 0
    end = len(text)
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        char = match.group()
        count += 1
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < end else " "
        category = unicodedata.category(char)
        if category[0] == "L":
            if char in _NEUTRAL_LETTERS:
                continue
            script = _script(char)
            if script == "latin" and "latin" in profile.scripts:
                lower = char.lower()
                latin[lower if len(lower) == 1 else char] += 1  # İ lowers to i + a combining dot
            else:
                cost += _letter_cost(char, script, profile)
                if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
                    cost += 1.0  # glued to a Latin letter: Jφvυ, Bugόn
            if category == "Lu" and before.isalpha():
                # a capital after a lower-case letter; less so, after a capital: KOI8-R and cp1251
                # read each other with the cases swapped, and text is seldom all capitals
                cost += 1.0 if before.islower() else 0.25
            if (script == "hebrew" and char in HEBREW_FINALS or char == "ς") and after.isalpha():
                cost += 1.0  # a final form inside a word (Hebrew's ך ם ן ף ץ, Greek's ς)
            if char == "σ" and before.isalpha() and not after.isalpha():
                cost += 1.0  # Greek writes ς at a word's end
            if script in ("han", "kana") and after == " " and i + 2 < end and _script(text[i + 2]) in ("han", "kana"):
                cost += 1.0  # Chinese and Japanese put no space between ideographs
        elif category[0] == "M":
            cost += 0.0 if before.isalpha() and not before.isascii() else 1.0  # a mark on no letter, or on a
            # Latin one (cp1255's vowel points for À Ç)
        elif category in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd":
            cost += 10.0  # a C1 control, an undefined byte
        else:
            cost += _symbol_cost(char, before, after)
    if latin:
        covered = max(sum(latin[c] for c in alphabet) for alphabet in LATIN_ALPHABETS)
        cost += sum(latin.values()) - covered
    if profile.common == "ja" and not _KANA.search(text):
        cost += 0.5 * len(_HAN.findall(text))  # Japanese without kana: Korean read as EUC-JP
    return cost, count


def _symbol_cost(char: str, before: str, after: str) -> float:
    """What a character that is no letter, mark or control costs between ``before`` and ``after``."""
    inword = char not in _INWORD_SYMBOL_OK and ord(char) < 0x2000
    if inword and before.isalpha() and after.isalpha() and ord(before) < 0x2000 > ord(after):
        return 1.0  # a symbol between two letters (Za¿ó³æ)
    if char in _ODD_SYMBOLS and (before.isalpha() or after.isalpha()):
        return 1.0  # ¶liwki, s± (Polish ISO-8859-2 read as cp1252)
    if char in "¹²³" and not (before.isascii() and after.isascii()):
        return 1.0  # m², a footnote¹; but ó³ is Polish cp1250 read as cp1252
    if 0x2200 <= ord(char) < 0x2600:  # math, box drawing, blocks: KOI8-R's reading of other pages
        return 1.0 if before.isalpha() or after.isalpha() else 0.5
    return 0.0


def _sample(data: bytes) -> bytes:
    """The file's lines that hold a byte beyond ASCII, joined, cut at ``SAMPLE_BYTES``.

    A line starts at a character's first byte in every candidate (no multi-byte sequence holds
    a line feed), so each reading starts in step; the cut at the end is left to the decoder.
    """
    out: list[bytes] = []
    size = 0
    position = 0
    while size < SAMPLE_BYTES:
        high = _HIGH_BYTE.search(data, position)
        if high is None:
            break
        start = data.rfind(b"\n", position, high.start()) + 1 or position
        end = data.find(b"\n", high.start()) + 1 or len(data)
        out.append(data[start:end])
        size += end - start
        position = end
    return b"".join(out)[:SAMPLE_BYTES]


def _reading(sample: bytes, codec: str, whole: bool) -> str | None:
    """The sample decoded with ``codec``, or None; unless ``whole``, a sequence cut at its end is left out."""
    if codec == "cp1252":
        return sample.decode("cp1252", errors="replace")  # its five undefined bytes cost as U+FFFD
    try:
        return codecs.getincrementaldecoder(codec)().decode(sample, final=whole)
    except UnicodeDecodeError:
        return None


def detect_legacy(data: bytes) -> list[tuple[str, str]]:
    """The legacy code pages ``data`` reads better in than in cp1252, best first.

    Args:
        data: bytes that are not UTF-8 (nor UTF-16), NUL bytes removed.

    Returns:
        ``(codec, name reported)`` pairs, the most plausible first; empty when cp1252 (the
        fallback) reads as well or the evidence is too thin (see ``MIN_GAIN``, ``COST_SHARE``).
    """
    sample = _sample(data)
    if not sample:
        return []
    candidates = list(enumerate(CANDIDATES))
    if len(sample) > SHORTLIST_BYTES:  # the head of the sample picks the candidates the whole sample scores
        head = sorted(_costs(sample[:SHORTLIST_BYTES], candidates[1:], False))[:SHORTLIST]
        candidates = [candidates[0]] + sorted((order, CANDIDATES[order]) for _, _, order in head)
    scored = _costs(sample, candidates, len(sample) < SAMPLE_BYTES)
    base = next(cost for cost, _, order in scored if order == 0)
    return [
        CANDIDATES[order]
        for cost, count, order in sorted(scored, key=lambda row: (row[0], row[2]))  # ties: CANDIDATES' order
        if order and cost <= COST_SHARE * count and base - cost >= max(MIN_GAIN, base / 2)
    ]


def _costs(sample: bytes, candidates: list[tuple[int, tuple[str, str]]], whole: bool) -> list[tuple[float, int, int]]:
    """``(cost, non-ASCII characters, order)`` of each candidate's reading of ``sample`` that decodes."""
    out = []
    for order, (codec, _) in candidates:
        text = _reading(sample, codec, whole)
        if text is not None:
            out.append((*_cost(text, _PROFILES[codec]), order))
    return out
