"""A benchmark corpus grown from a folder of real text files, the way real corpora grow.

``e2e.py --real DIR`` measures ``nettoyeur clean`` on the user's own text instead of the synthetic
articles of ``corpus.py``. The folder is read in place (nothing of it is copied into the project)
and a corpus of the asked size is written under the benchmark's temporary folder:

1. First the folder's own files, unchanged (the same bytes), in a seeded order, until the size
   is reached: a size below the folder's is a sample of its pages, not the first of its sets.
2. Past the folder's size, new pages made of its pages, as a crawl finds more of the same web:
   each new page takes one page's *chrome* (its lines before its first prose line and after its
   last: menus, headers, footers, share bars) and puts an article between them, either that
   page's own again (``SAME_PAGE``: the page crawled again, lightly edited) or another page's
   (the article republished on another site). The article comes with the edits republishers
   make, paragraph by paragraph (``EDITS``: a few words changed, a sentence cut, the paragraph
   cut short, the paragraph left out) and, for some, the article cut short after a few paragraphs
   (``TRUNCATED``). A prose line is one of at least ``PROSE_WORDS`` words or ``PROSE_CHARS``
   characters (scripts without spaces); the lines between the first and last prose lines
   (subheadings, captions) travel with the article unchanged.

So the boilerplate step sees each site's chrome again on many pages, and the dedup step sees
exact and near copies of real paragraphs, as in a real crawl. Everything is drawn from one seeded
generator, page after page: the same folder and seed give the same bytes, and a corpus grown to
one size and then to a larger one is the larger one (the sizes are nested). The folder's
unique text bounds the corpus's: past its size, what is new is chrome again and edited copies.

Files are read as bytes and decoded as UTF-8 with ``surrogateescape``, so bytes that are not
UTF-8 (a page's own mojibake or Latin-1) are written back as they were.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A line of at least this many words (or characters, for scripts written without spaces) is
# prose: the article's region runs from the first such line of a page to its last. Menus,
# share bars and footers are shorter; on 1,200 real pages (eval-pages-dev), the median
# paragraph of the gold main text has 31 words and 84% of its lines have 10 or more.
PROSE_WORDS = 10
PROSE_CHARS = 120
# Shares of the new pages that are the template page's own article again (a re-crawl of an
# updated page) rather than another page's article on the template's chrome (a republication).
SAME_PAGE = 0.3
# Shares of the new pages whose article is cut after its first few prose paragraphs (a teaser,
# a truncated syndication feed).
TRUNCATED = 0.15
# Each prose paragraph of a republished article: (edit, share); the rest is left as it was (an
# exact copy). Words are replaced by words of the folder's own prose.
EDITS = (("words_changed", 0.2), ("sentence", 0.1), ("cut", 0.1), ("drop", 0.05))
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


@dataclass
class Page:
    """A source page: its file's bytes and the bounds of its article region, in lines.

    The bytes are kept, not the decoded lines (decoded again for each new page made of it):
    for 1,200 real pages (18 MB, 201,321 lines), 14 MB against 31 MB of the benchmark's own
    memory, which ``e2e.py``'s peak counts in every row.
    """

    data: bytes
    start: int  # first prose line (== end when the page has none)
    end: int  # one past the last prose line

    @property
    def lines(self) -> list[str]:
        """The page's lines (without their newline), decoded with ``surrogateescape``."""
        return split_lines(self.data)

    @property
    def paragraphs(self) -> int:
        """The page's non-blank lines (a clean's paragraphs)."""
        return sum(1 for line in self.lines if line.strip())


def is_prose(line: str) -> bool:
    """True for a line of prose: ``PROSE_WORDS`` words or ``PROSE_CHARS`` characters at least."""
    return len(line.split()) >= PROSE_WORDS or len(line.strip()) >= PROSE_CHARS


def split_lines(data: bytes) -> list[str]:
    """A file's lines (without their newline), decoded with ``surrogateescape`` (any bytes go back as they were)."""
    lines = data.decode("utf-8", errors="surrogateescape").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file's final newline
    return lines


def read_page(data: bytes) -> Page:
    """Returns a page of a file's bytes."""
    lines = split_lines(data)
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    start, end = (prose[0], prose[-1] + 1) if prose else (len(lines), len(lines))
    return Page(data, start, end)


def source_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder`` (hidden ones left out), in sorted order of relative path.

    Raises:
        SystemExit: the folder does not exist or holds no file with a non-blank line.
    """
    if not folder.is_dir():
        raise SystemExit(f"--real: {folder} is not a folder")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.relative_to(folder).as_posix().startswith("."))
    files = [p for p in files if "/." not in p.relative_to(folder).as_posix()]
    if not files:
        raise SystemExit(f"--real: {folder} holds no file")
    return files


class Republisher:
    """The edits a republisher makes to a paragraph (see ``EDITS``), drawn from ``rng``.

    Args:
        rng: the generator every choice is drawn from.
        words: words to put in place of others (the folder's own prose words).
    """

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words or ["text"]

    def edit(self, paragraph: str) -> str | None:
        """Returns the paragraph as republished (unchanged, edited), or None when it is left out."""
        r, at = self.rng.random(), 0.0
        for name, share in EDITS:
            at += share
            if r < at:
                return getattr(self, name)(paragraph)
        return paragraph

    def words_changed(self, paragraph: str) -> str:
        """Replaces one to three words by others (a name updated, a figure corrected, a typo fixed)."""
        tokens = paragraph.split(" ")
        for _ in range(self.rng.randint(1, 3)):
            tokens[self.rng.randrange(len(tokens))] = self.rng.choice(self.words)
        return " ".join(tokens)

    def sentence(self, paragraph: str) -> str:
        """Leaves one sentence out (a paragraph of one sentence gets words changed instead)."""
        sentences = _SENTENCE_END.split(paragraph)
        if len(sentences) < 2:
            return self.words_changed(paragraph)
        del sentences[self.rng.randrange(len(sentences))]
        return " ".join(sentences)

    def cut(self, paragraph: str) -> str:
        """Cuts the paragraph after 40-90% of its words, marked by an ellipsis."""
        tokens = paragraph.split(" ")
        keep = max(1, int(len(tokens) * self.rng.uniform(0.4, 0.9)))
        return " ".join(tokens[:keep]) + " …"

    def drop(self, paragraph: str) -> None:
        """Leaves the paragraph out."""
        return None


class RealWriter:
    """Writes a corpus grown from the files of ``source`` under ``root``, 1,000 files to a folder.

    The same interface as ``corpus.ArticleWriter`` (``extend_to``, ``files``, ``paragraphs``,
    ``bytes``): ``e2e.py`` grows either one to each size in turn.

    Args:
        source: the folder of text files (read in place, never modified).
        root: where the corpus is written.
        seed: the generator's seed.
        per_folder: files per folder of the corpus.

    Raises:
        SystemExit: ``source`` is not a folder or holds no file.
    """

    def __init__(self, source: Path, root: Path, seed: int = 5, per_folder: int = 1000) -> None:
        self.root = root
        self.per_folder = per_folder
        self.rng = random.Random(seed)
        self.source = source
        self.paths = source_files(source)
        self.rng.shuffle(self.paths)
        # The folder's pages, read as they are written (a folder larger than the corpus is never
        # read whole); the new pages are made of all of them.
        self.pages: list[Page] = []
        self.edits: Republisher | None = None
        self.files = self.paragraphs = self.bytes = 0

    def extend_to(self, paragraphs: int) -> None:
        """Writes pages until the corpus holds at least ``paragraphs`` non-blank lines.

        Raises:
            SystemExit: the corpus must grow past the folder's files, and they hold no non-blank line.
        """
        while self.paragraphs < paragraphs:
            if self.files < len(self.paths):
                data = self.paths[self.files].read_bytes()
                self.pages.append(read_page(data))
            else:
                data = self.new_page().encode("utf-8", errors="surrogateescape")
            self.write(data)

    def write(self, data: bytes) -> None:
        """Writes one file of the corpus and counts it."""
        folder = self.root / f"{self.files // self.per_folder:04d}"
        if self.files % self.per_folder == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{self.files:07d}.txt").write_bytes(data)
        self.files += 1
        self.paragraphs += sum(1 for line in data.split(b"\n") if line.strip())
        self.bytes += len(data)

    def prose_words(self) -> Iterator[str]:
        """The words of the folder's prose lines, page after page."""
        for page in self.pages:
            for line in page.lines[page.start : page.end]:
                if is_prose(line):
                    yield from line.split()

    def sample_words(self, about: int) -> list[str]:
        """Every k-th word of the folder's prose (``about`` words or a few more), counted first, then taken.

        Not the list of all words then sliced: at 2.2M words, that list's strings, freed, left
        ~150 MB of the benchmark's heap in use (its peak counts in every row of ``e2e.py``).
        """
        step = max(1, sum(1 for _ in self.prose_words()) // about)
        return [w for i, w in enumerate(self.prose_words()) if i % step == 0]

    def new_page(self) -> str:
        """Returns a new page: a page's chrome around its own article again or another page's, republished.

        Raises:
            SystemExit: the folder's files hold no non-blank line.
        """
        rng = self.rng
        if self.edits is None:
            if not any(page.paragraphs for page in self.pages):
                raise SystemExit(f"--real: {self.source} holds no non-blank line")
            self.edits = Republisher(rng, self.sample_words(200_000))
        template = self.pages[rng.randrange(len(self.pages))]
        donor = template if rng.random() < SAME_PAGE else self.pages[rng.randrange(len(self.pages))]
        chrome = template.lines
        article = (chrome if donor is template else donor.lines)[donor.start : donor.end]
        limit = rng.randint(1, 4) if rng.random() < TRUNCATED else len(article)
        body: list[str] = []
        prose = 0
        for line in article:
            if is_prose(line):
                prose += 1
                if prose > limit:
                    break
                edited = self.edits.edit(line)
                if edited is not None:
                    body.append(edited)
            else:
                body.append(line)
        lines = chrome[: template.start] + body + chrome[template.end :]
        return "\n".join(lines) + "\n"
