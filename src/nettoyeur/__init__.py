"""nettoyeur: clean text corpora at the paragraph level.

Repairs broken encodings, strips web boilerplate, and removes near-duplicate paragraphs
within and across files with MinHash/LSH, explaining every removal.
"""

from __future__ import annotations

__version__ = "0.1.0"

from nettoyeur.api import Cleaned, Cleaner, clean  # noqa: E402
from nettoyeur.config import CleanConfig  # noqa: E402
from nettoyeur.errors import ConfigError, InputError, MissingExtraError, NettoyeurError  # noqa: E402
from nettoyeur.run.streaming import clean_folder  # noqa: E402

__all__ = [
    "CleanConfig",
    "Cleaned",
    "Cleaner",
    "ConfigError",
    "InputError",
    "MissingExtraError",
    "NettoyeurError",
    "__version__",
    "clean",
    "clean_folder",
]
