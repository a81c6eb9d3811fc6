"""Deterministic synthetic text for the benchmarks: paragraphs, planted near-duplicates, article folders.

Nothing here comes from a real corpus. Words are pseudo-words built from syllables (some accented, so
that UTF-8 and mojibake matter), drawn with Zipfian frequencies (rank ``k`` has weight ``1/(k+2.7)``,
the Zipf-Mandelbrot law of natural text) and mixed with the function words of five languages at the
share prose has (35%), so that paragraphs look like prose to the boilerplate signals and shingle
statistics look like those of real text. Everything is drawn from seeded generators: the same
arguments give the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from nettoyeur.text.lexicon import STOPWORDS

_SYLLABLES = (
    "ka ri to ne ma lu se pa di vo re tan ber gen schaf mon lé ré vé ça çu ün ög für ster ment tion "
    "al in or ex pro con de bau wal ter hau que gua cio zi mé fè nè bre tra qui sch ei au ou ie st an"
).split()
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The reference tokenisation every engine is given: case-folded runs of word characters."""
    return _WORD.findall(text.casefold())


class Vocabulary:
    """Pseudo-words with Zipfian frequencies, and the written forms of each.

    Each word id has four forms: plain, capitalised, followed by a comma, followed by a full stop, so
    that a paragraph is one vectorised draw and one join.

    Args:
        size: number of content words (numbers included).
        seed: the generator's seed.
    """

    def __init__(self, size: int = 60_000, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        words: list[str] = []
        seen: set[str] = set(STOPWORDS)
        while len(words) < size:
            if rng.random() < 0.03:
                w = str(int(rng.integers(1, 3000)))
            else:
                w = "".join(_SYLLABLES[int(i)] for i in rng.integers(0, len(_SYLLABLES), int(rng.integers(1, 4))))
            if w not in seen:
                seen.add(w)
                words.append(w)
        stop = sorted(STOPWORDS)
        self.content = len(words)
        base = words + stop
        self.forms = np.array(
            [f for w in base for f in (w, w[:1].upper() + w[1:], w + ",", w + ".")],
            dtype=object,
        )
        weights = 1.0 / (np.arange(size) + 2.7)
        self.cdf = np.cumsum(weights / weights.sum())
        self.n_stop = len(stop)

    def ids(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """Returns ``n`` word ids: about 35% function words, the rest Zipfian content words."""
        content = np.minimum(np.searchsorted(self.cdf, rng.random(n)), self.content - 1)
        stop = self.content + rng.integers(0, self.n_stop, n)
        return np.where(rng.random(n) < 0.35, stop, content)

    def paragraphs(self, rng: np.random.Generator, lengths: np.ndarray) -> list[str]:
        """Returns one prose paragraph per length (in words): sentences, names, numbers, commas."""
        total = int(lengths.sum())
        ids = self.ids(rng, total)
        r = rng.random(total)
        variant = np.where(r < 0.07, 3, np.where(r < 0.14, 2, np.where(r < 0.20, 1, 0)))
        ends = np.cumsum(lengths)
        variant[ends - 1] = 3  # a paragraph ends with a full stop
        starts = ends - lengths
        variant[starts] = 1  # and starts with a capital
        tokens = self.forms[ids * 4 + variant].tolist()
        return [" ".join(tokens[s:e]) for s, e in zip(starts.tolist(), ends.tolist())]


def paragraph_lengths(rng: np.random.Generator, n: int, mean_words: float = 70.0) -> np.ndarray:
    """Returns ``n`` paragraph lengths in words: lognormal around ``mean_words``, at least 8."""
    return np.maximum(8, rng.lognormal(np.log(mean_words) - 0.18, 0.6, n)).astype(np.int64)


def shingle_set(tokens: list[str], n: int) -> set[str]:
    """The word n-grams of a token list, as strings."""
    return {" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def planted_corpus(
    n_paragraphs: int, pairs: int, ngram: int = 5, seed: int = 11, vocab: Vocabulary | None = None
) -> tuple[list[str], list[tuple[int, int, float]]]:
    """Builds paragraphs with planted near-duplicate pairs of known Jaccard similarity.

    Each planted copy is its original with ``k`` words replaced by random words (``k`` drawn so that
    the Jaccard similarities of the word n-gram sets spread evenly over [0.3, 1.0]); the exact
    similarity of each pair is measured on :func:`words_of` n-grams and returned.

    Returns:
        ``(texts, planted)``: the paragraphs in a shuffled order and ``(i, j, jaccard)`` per pair.
    """
    vocab = vocab or Vocabulary()
    rng = np.random.default_rng(seed)
    base = vocab.paragraphs(rng, paragraph_lengths(rng, n_paragraphs - pairs))
    copies: list[str] = []
    sims: list[float] = []
    targets = rng.uniform(0.3, 1.0, pairs)
    for p, target in enumerate(targets.tolist()):
        toks = base[p].split(" ")
        n = len(toks)
        # Each replaced word removes up to ``ngram`` shingles from the m = n-ngram+1 shared ones:
        # J = (m - d) / (m + d) for d distinct lost shingles, so d = m (1 - J) / (1 + J).
        m = max(1, n - ngram + 1)
        lost = m * (1 - target) / (1 + target)
        k = int(round(lost / ngram)) if target < 1.0 else 0
        k = min(k, n)
        pos = rng.choice(n, size=k, replace=False) if k else np.empty(0, dtype=np.int64)
        fresh = vocab.forms[vocab.ids(rng, k) * 4].tolist()
        for i, w in zip(pos.tolist(), fresh):
            toks[i] = w + "x"  # never equal to the word it replaces
        copy = " ".join(toks)
        a, b = shingle_set(words_of(base[p]), ngram), shingle_set(words_of(copy), ngram)
        sims.append(len(a & b) / len(a | b) if a | b else 1.0)
        copies.append(copy)
    texts = base + copies
    order = rng.permutation(len(texts))
    position = np.empty_like(order)
    position[order] = np.arange(len(texts))
    shuffled = [texts[i] for i in order.tolist()]
    planted = [
        (int(min(position[p], position[len(base) + p])), int(max(position[p], position[len(base) + p])), s)
        for p, s in enumerate(sims)
    ]
    return shuffled, planted


# --- article folders ----------------------------------------------------------------------------

_NAV = ["Home", "News", "World", "Politics", "Economy", "Sport", "Culture", "Science", "Opinion", "Video"]
_FOOTER = [
    "© {year} {site}. All rights reserved.",
    "Follow us on Facebook, Twitter and Instagram",
    "Subscribe to our newsletter",
    "We use cookies to improve your browsing experience. By continuing you accept our use of cookies.",
    "Share this article",
    "Leave a comment",
]


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as cp1252: the commonest damage (é becomes Ã©)."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


class ArticleFactory:
    """Writes article-shaped text files: site chrome, title, byline, prose, syndicated copies, mojibake.

    Each of ``sites`` sites has its own menu and footer lines (the boilerplate signals' business);
    about 8% of body paragraphs are copies of earlier ones (a third of them with a typo or cut short:
    the deduplicator's business), and 3% of files have a paragraph with mojibake (the repair step's).

    Args:
        seed: the generator's seed.
        sites: number of distinct sites.
    """

    def __init__(self, seed: int = 5, sites: int = 60) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab = Vocabulary(seed=seed + 1)
        self.sites = []
        for s in range(sites):
            name = self.vocab.paragraphs(self.rng, np.array([2]))[0].rstrip(".")
            nav = [_NAV[int(i)] for i in self.rng.permutation(len(_NAV))[: int(self.rng.integers(3, 8))]]
            sections = self.vocab.paragraphs(self.rng, self.rng.integers(1, 3, 4))
            self.sites.append(
                {
                    "name": name,
                    "header": [name, " | ".join(nav)] + [x.rstrip(".") for x in sections],
                    "footer": [f.format(year=2000 + s % 25, site=name) for f in _FOOTER],
                }
            )
        self.pool: list[str] = []  # earlier body paragraphs, for syndicated copies

    def article(self) -> str:
        """Returns one article's text."""
        rng, vocab = self.rng, self.vocab
        site = self.sites[int(rng.integers(0, len(self.sites)))]
        n_body = int(rng.integers(5, 22))
        lengths = paragraph_lengths(rng, n_body + 1, mean_words=65.0)
        lengths[0] = int(rng.integers(5, 12))
        paras = vocab.paragraphs(rng, lengths)
        title, body = paras[0].rstrip("."), paras[1:]
        for k in range(len(body)):
            if self.pool and rng.random() < 0.08:
                copy = self.pool[int(rng.integers(0, len(self.pool)))]
                r = rng.random()
                if r < 0.15:
                    cut = copy.split(" ")
                    copy = " ".join(cut[: max(5, len(cut) * 2 // 3)]) + " …"
                elif r < 0.33:
                    i = int(rng.integers(0, max(1, len(copy) - 2)))
                    copy = copy[:i] + copy[i + 1 : i + 2] + copy[i : i + 1] + copy[i + 2 :]
                body[k] = copy
            elif len(self.pool) < 20_000:
                self.pool.append(body[k])
            else:
                self.pool[int(rng.integers(0, len(self.pool)))] = body[k]
        if rng.random() < 0.03:
            k = int(rng.integers(0, len(body)))
            body[k] = _mojibake(body[k])
        lines = list(site["header"]) + [title, f"By {site['name']} staff, {int(rng.integers(1, 28))} March 2024"]
        lines += body
        lines += [f"Read also: {vocab.paragraphs(rng, np.array([8]))[0]}"] + site["footer"]
        sep = "\n\n" if rng.random() < 0.6 else "\n"
        return sep.join(lines) + "\n"


class ArticleWriter:
    """Writes article files under ``root``, 1,000 to a folder, and can be asked for more later.

    Growing one corpus (rather than writing one per size) keeps the benchmark's sizes nested:
    the 1-million-paragraph corpus is the 300,000 one plus more articles.
    """

    def __init__(self, root: Path, seed: int = 5, per_folder: int = 1000) -> None:
        self.root = root
        self.factory = ArticleFactory(seed)
        self.per_folder = per_folder
        self.files = self.paragraphs = self.bytes = 0

    def extend_to(self, paragraphs: int) -> None:
        """Writes articles until the corpus holds at least ``paragraphs`` paragraphs."""
        while self.paragraphs < paragraphs:
            text = self.factory.article()
            folder = self.root / f"{self.files // self.per_folder:04d}"
            if self.files % self.per_folder == 0:
                folder.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            (folder / f"{self.files:07d}.txt").write_bytes(data)
            self.files += 1
            self.paragraphs += sum(1 for line in text.split("\n") if line.strip())
            self.bytes += len(data)


def write_articles(root: Path, target_paragraphs: int, seed: int = 5) -> tuple[int, int, int]:
    """Writes article files under ``root`` until about ``target_paragraphs`` paragraphs are written.

    Returns:
        ``(files, paragraphs, bytes)`` written.
    """
    writer = ArticleWriter(root, seed)
    writer.extend_to(target_paragraphs)
    return writer.files, writer.paragraphs, writer.bytes
