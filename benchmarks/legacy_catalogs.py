"""Held-out check of legacy code page detection on the system's gettext catalogs.

Reads the translated messages of /usr/share/locale/LANG/LC_MESSAGES/*.mo (UI strings of many
programs; nothing of it is in the project), encodes files of 1, 3 and 20 messages in the code
page each language was written in before UTF-8, and counts how often decode() gives them back
(right), falls back to cp1252, or reads them in another page. ``--charset-normalizer`` scores
charset-normalizer instead (see legacy_decode.py).

    python benchmarks/legacy_catalogs.py [--charset-normalizer] [--verbose]
"""

from __future__ import annotations

import argparse
import gettext
import glob
import random
import re
from collections import defaultdict

from legacy_decode import charset_normalizer_decode
from nettoyeur.text.decode import decode

LANGS = {
    **dict.fromkeys(["fr", "de", "es", "it", "pt", "nl", "da", "sv", "fi", "ca", "is", "nb"], "cp1252"),
    **dict.fromkeys(["pl", "cs", "sk", "hr", "sl", "ro"], "cp1250"),
    "hu": "iso-8859-2",
    **dict.fromkeys(["ru", "uk", "bg"], "cp1251"),
    "ru:koi8": "koi8-r",
    "el": "cp1253",
    "tr": "cp1254",
    "he": "cp1255",
    "ar": "cp1256",
    "fa": "cp1256",
    "ja": "shift_jis",
    "ja:euc": "euc-jp",
    "zh_CN": "gb18030",
    "zh_TW": "big5",
    "ko": "euc-kr",
}


def messages(lang: str, codec: str) -> list[str]:
    """The language's distinct translated messages beyond ASCII that ``codec`` can encode, shuffled."""
    out = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
        if "iso_" in path:
            continue
        try:
            with open(path, "rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        except Exception:  # a catalog Python cannot read (a charset it lacks): skipped
            continue
        for key, value in catalog.items():
            if not key or not isinstance(value, str):
                continue
            value = re.sub(r"%[-+ #0-9.]*[a-zA-Z]|\{[^}]*\}|_", "", value).strip()
            if len(value) < 8 or value.isascii():
                continue
            try:
                value.encode(codec)
            except UnicodeEncodeError:
                continue
            out.add(value)
    shuffled = sorted(out)
    random.Random(7).shuffle(shuffled)
    return shuffled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--charset-normalizer", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    reader = charset_normalizer_decode if args.charset_normalizer else decode
    for key, codec in LANGS.items():
        texts = messages(key.split(":")[0], codec)
        tally: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right, cp1252, another, total
        for size in (1, 3, 20):
            for start in range(0, min(len(texts) - size, 300 * size), size):
                text = "\n".join(texts[start : start + size]) + "\n"
                got, name = reader(text.encode(codec))
                row = tally[size]
                row[3] += 1
                if got == text:
                    row[0] += 1
                elif name.startswith("cp1252") or name == "mixed":
                    row[1] += 1
                else:
                    row[2] += 1
                    if args.verbose or codec == "cp1252":
                        print(f"WRONG {key} {size} as {name}: {text[:80]!r}")
        print(
            f"{key:8} {codec:10} "
            + "  ".join(f"{n} msg: right {a}/{t}, cp1252 {b}, another {c}" for n, (a, b, c, t) in tally.items())
        )


if __name__ == "__main__":
    main()
