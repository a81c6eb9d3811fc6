"""A document's site, and the line keys the frequency signal counts within it (issue 13).

Boilerplate is a site's chrome: a line that recurs in the pages of one site is its template,
a line that pages of unrelated sites share (a country, "No", a quoted sentence) is not. Where
a document's site is known (``CleanConfig.site``, :func:`document_site`), pass 1 counts each
of its line and pair keys twice: corpus-wide, as for every document, and within its site
(:func:`scoped_keys`: the key mixed with the site's hash, a key of its own in the same count
table), so the frequency signal can tell "in 4 files of example.com" from "in 4 files"
(:mod:`nettoyeur.boilerplate.mark`, ``_site_pass``). The site-scoped keys live beside the
corpus-wide ones in every table that holds counts (:class:`~nettoyeur.boilerplate.line_counts.LineCounts`,
the merged batches, the corpus index), so those need no change; a document without a site
adds and reads none.

The settings (``site``):

``auto``
    a record's ``url`` field's host (lower-cased, without ``www.`` or a port), else its
    ``domain`` or ``site`` field; a plain file has none (a folder is not a site unless asked).
``folder``
    the first folder of the document's path under IN: one folder per site (a file directly
    under IN has none).
``none``
    no document has a site: the frequency signal counts files corpus-wide only.
``field:NAME``
    the record's field NAME (a URL gives its host, another value is the site's name).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from nettoyeur.errors import ConfigError
from nettoyeur.records import Document
from nettoyeur.text.hashing import hash64

SITE_MODES = ("auto", "folder", "none")
FIELD_PREFIX = "field:"
# The record fields ``auto`` reads, in order: a URL's host first, then a field that names the site.
URL_FIELD = "url"
NAME_FIELDS = ("domain", "site")
_MASK = (1 << 64) - 1


def check_site_setting(value: object) -> None:
    """Checks a ``site`` setting.

    Raises:
        ConfigError: the value is not ``auto``, ``folder``, ``none`` or ``field:NAME``, with the choices.
    """
    if isinstance(value, str) and (value in SITE_MODES or (value.startswith(FIELD_PREFIX) and value[6:].strip())):
        return
    raise ConfigError(
        f"site must be 'auto', 'folder', 'none' or 'field:NAME', got {value!r}: 'auto' (the default) reads a "
        "record's url, domain or site field, 'folder' takes the first folder under IN as the site, 'none' "
        "counts recurring lines corpus-wide only, 'field:NAME' reads the record field NAME."
    )


def site_name(value: Any) -> str | None:
    """Returns the site a field's value names: a URL's host, else the value itself, lower-cased, without ``www.``.

    None for an empty value or one that is not a string.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if "://" in text or text.startswith("//"):
        try:
            host = urlsplit(text).hostname
        except ValueError:  # a malformed URL ("http://[::1"): no site rather than a failed run
            return None
        if not host:
            return None
        text = host
    text = text.lower().rstrip(".")
    return text.removeprefix("www.") or None


def document_site(doc: Document, setting: str) -> str | None:
    """Returns the site of ``doc`` under the ``site`` setting (see the module), or None.

    ``doc`` is the document as its source loaded it (a record's fields are on
    :attr:`~nettoyeur.corpus.shards.RecordDocument.record`; a view without its long lines has none),
    or pass 1's decoded text of a folder's file (``corpus.folder_reader.DecodedText``: a path, no record).
    """
    if setting == "none":
        return None
    if setting == "folder":
        folder, slash, _ = doc.path.partition("/")
        return folder if slash and folder else None
    record = getattr(doc, "record", None)
    if not isinstance(record, dict):
        return None
    if setting.startswith(FIELD_PREFIX):
        return site_name(record.get(setting[len(FIELD_PREFIX) :]))
    found = site_name(record.get(URL_FIELD))
    for name in NAME_FIELDS:
        if found is not None:
            break
        found = site_name(record.get(name))
    return found


def site_salt(site: str) -> int:
    """Returns the 64-bit number that scopes a key to ``site`` (``hash64`` of a prefix no line key has)."""
    return hash64("\x00site\x00" + site)


def scope_key(key: int, salt: int) -> int:
    """Returns ``key`` scoped to the site of ``salt``: SplitMix64's finaliser of their XOR.

    A bijection of the XOR: two keys of one site never collide, and a scoped key meets a
    corpus-wide key only by a 64-bit chance.
    """
    z = ((key ^ salt) + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def scoped_keys(keys: list[int], site: str) -> list[int]:
    """Returns each key scoped to ``site`` (distinct keys stay distinct)."""
    salt = site_salt(site)
    return [scope_key(key, salt) for key in keys]
