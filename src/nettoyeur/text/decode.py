"""Decode: bytes to text, detecting the encoding.

Order of attempts, from the most to the least certain:

1. a byte-order mark: UTF-8-SIG, UTF-32 or UTF-16 (LE/BE);
2. strict UTF-8 (nearly all modern text; invalid UTF-8 is very unlikely to be valid by
   accident, so a successful decode is strong evidence);
3. UTF-16 without a BOM, recognised by its zero bytes on every other position;
4. NUL bytes: a few stray ones (a broken editor or transfer) are removed and the text is
   decoded as below, the encoding reported with ``+nul-removed`` (``utf-8+nul-removed``);
   many of them, or runs of them, are binary data: refused, the file is skipped;
   so are many other control characters;
5. mostly UTF-8 (at least as many UTF-8 lines beyond ASCII as lines that are not UTF-8): the other
   lines alone are decoded in the legacy code page they read best in (``mixed+cp1251``), else
   as cp1252 (``mixed``);
6. a legacy code page that reads clearly better than cp1252 (cp1250, cp1251, KOI8-R, Shift-JIS,
   GB18030, EUC-KR...: see ``legacy.detect_legacy``), the whole file decoding in it strictly;
7. cp1252 (a superset of latin-1's printable range, what "ANSI" files are), with the
   five bytes cp1252 leaves undefined mapped as latin-1 so that nothing fails; a few UTF-8
   lines in it are read as UTF-8 (``mixed``, as in 5).
"""

from __future__ import annotations

import codecs
import re

from nettoyeur import _core
from nettoyeur.text.legacy import detect_legacy

# (mark, codec for the bytes after it, the name reported). UTF-32 LE comes before UTF-16 LE:
# its mark FF FE 00 00 starts with UTF-16 LE's FF FE.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# C0 controls other than tab, LF, VT, FF, CR and ESC (0x00-0x08, 0x0E-0x1A, 0x1C-0x1F), which text
# files almost never hold, are counted in the file's first _HEAD bytes by the core
# (``_core.control_bytes``; its Python definition is the tests' oracle).
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)?")
# The bytes at the start of a file the control-character test reads.
_HEAD = 65536


# A NUL byte is never text, but one that slipped into a text file (a C string's terminator
# written with it, a byte zeroed in a transfer, a broken editor) should not cost the whole
# file. Binary data is NUL-dense: executables, images, office and database files hold
# 5-50 % zero bytes, and even compressed or encrypted data, the sparsest, holds one byte
# value in 256, 3.9 per 1,000 bytes. At most 1 NUL per 1,000 bytes is 4x below that; one is
# always allowed, so that a short file with one stray NUL is text. A small binary file
# that stays under the cap is refused by the control-character limit: 26 of the 256 byte
# values are such controls, ~10 % of random bytes, against a limit of 1 %.
NUL_BYTES_PER_ALLOWED = 1000
# Binary structures put zero bytes side by side (the high bytes of a small integer,
# 0d 00 00 00; alignment padding; zero-filled blocks); a stray NUL comes alone or, rarely,
# doubled. A run of 3 or more is structure: binary.
MAX_NUL_RUN = 2
NUL_REMOVED = "+nul-removed"  # appended to the encoding reported for a file whose stray NULs were removed
_NUL_RUN = b"\x00" * (MAX_NUL_RUN + 1)


class BinaryFileError(ValueError):
    """The bytes are not text in any encoding we read."""


def _cp1252(data: bytes) -> str:
    """Decodes cp1252, mapping its five undefined bytes as latin-1 does."""
    return (
        data.decode("cp1252", errors="strict")
        if not re.search(rb"[\x81\x8d\x8f\x90\x9d]", data)
        else "".join(
            chunk.decode("latin-1") if len(chunk) == 1 and chunk in b"\x81\x8d\x8f\x90\x9d" else chunk.decode("cp1252")
            for chunk in re.split(rb"([\x81\x8d\x8f\x90\x9d])", data)
            if chunk
        )
    )


def _looks_utf16(data: bytes) -> str | None:
    """Returns ``utf-16-le``/``utf-16-be`` when every other byte is mostly zero."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def without_stray_nuls(data: bytes) -> bytes:
    """Returns ``data`` without its NUL bytes when they are few and apart (see ``NUL_BYTES_PER_ALLOWED``).

    Args:
        data: bytes that hold at least one NUL.

    Returns:
        the bytes with every NUL removed.

    Raises:
        BinaryFileError: more than one NUL per 1,000 bytes, or a run of more than
            ``MAX_NUL_RUN`` of them: binary data.
    """
    count = data.count(0)
    allowed = max(1, len(data) // NUL_BYTES_PER_ALLOWED)
    if count > allowed:
        raise BinaryFileError(
            f"it contains {count:,} NUL bytes, more than 1 per {NUL_BYTES_PER_ALLOWED:,} bytes (a binary file?)"
        )
    if _NUL_RUN in data:
        raise BinaryFileError(f"it contains a run of more than {MAX_NUL_RUN} NUL bytes (a binary file?)")
    return data.replace(b"\x00", b"")


def decode(data: bytes) -> tuple[str, str]:
    """Decodes bytes to text.

    Args:
        data: the raw file content.

    Returns:
        ``(text, encoding)`` where encoding is the codec's name (``utf-16-le``,
        ``utf-8-sig`` for UTF-8 with a byte-order mark, ``cp1251``, ``euc-kr`` ... for a
        legacy code page), ``mixed`` when some lines were UTF-8 and others cp1252,
        ``mixed+cp1251`` when the others were cp1251; followed by ``+nul-removed`` when stray
        NUL bytes were removed (``utf-8+nul-removed``).

    Raises:
        BinaryFileError: the data is binary (many NUL bytes, runs of them, or many
            control characters).
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8" and b"\x00" in body:  # UTF-16/32 hold zero bytes: only UTF-8's are stray
                body, name = without_stray_nuls(body), name + NUL_REMOVED
            try:
                return body.decode(codec), name
            except UnicodeDecodeError:
                break
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    suffix = ""
    if b"\x00" in data:
        data, suffix = without_stray_nuls(data), NUL_REMOVED
    # Counted by the core: ``bytes.translate``, which counted them, copied the first 64 KiB (0.048 -> 0.011 CPU-s on
    # c300).
    if _core.control_bytes(data, _HEAD) > max(8, min(len(data), _HEAD) // 100):
        raise BinaryFileError("more than 1% of its bytes are control characters (a binary file?)")
    try:
        return data.decode("utf-8"), "utf-8" + suffix
    except UnicodeDecodeError:
        pass
    lines = [m.group(0) for m in _LINE.finditer(data) if m.group(0)]
    good = 0
    bad: list[int] = []  # the lines that are not UTF-8
    out = []
    for number, line in enumerate(lines):
        try:
            out.append(line.decode("utf-8"))
            good += any(b > 0x7F for b in line)
        except UnicodeDecodeError:
            out.append("")
            bad.append(number)
    legacy = detect_legacy(b"".join(lines[i] for i in bad))
    if good < len(bad):  # not mostly UTF-8: a line valid as UTF-8 by chance does not make it so
        for codec, name in legacy:
            try:
                return data.decode(codec), name + suffix
            except UnicodeDecodeError:  # a byte past the sample the detection read is not in this code page
                continue
    if good:
        text, name = _mixed(lines, out, bad, legacy[0] if legacy else ("cp1252", "cp1252"))
        return text, name + suffix
    return _cp1252(data), "cp1252" + suffix


def _mixed(lines: list[bytes], out: list[str], bad: list[int], legacy: tuple[str, str]) -> tuple[str, str]:
    """A mostly-UTF-8 file's text and name: its other lines in the legacy code page found, else cp1252."""
    codec, name = legacy
    try:
        for number in bad:
            out[number] = _cp1252(lines[number]) if codec == "cp1252" else lines[number].decode(codec)
    except UnicodeDecodeError:  # a line the code page lacks a byte of: all of them as cp1252, as before
        return _mixed(lines, out, bad, ("cp1252", "cp1252"))
    return "".join(out), "mixed" if codec == "cp1252" else f"mixed+{name}"
