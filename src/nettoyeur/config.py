"""One frozen, validated configuration object shared by the CLI and the Python API.

Build it once, override what you need, and every step reads from it::

    from nettoyeur import CleanConfig
    config = CleanConfig(threshold=0.6)
    config = config.replace(num_perm=256)

Invalid values raise :class:`ConfigError` with a sentence that says how to fix them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from nettoyeur.boilerplate.sites import check_site_setting
from nettoyeur.dedup.keep import parse_keep
from nettoyeur.dedup.lsh import optimal_bands
from nettoyeur.errors import ConfigError

ContainmentMode = Literal["remove", "report", "off"]
CommentsMode = Literal["keep", "drop"]


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Every knob of a clean, with the reason for each default.

    Attributes:
        threshold: Jaccard similarity (word shingles) at which the LSH index is tuned
            to find candidate pairs. Candidates are then verified exactly, so this is a
            recall knob, set below the similarity of the copies to find: 0.3 gives 37
            bands x 3 rows (``lsh.optimal_bands``), and a pair of Jaccard s becomes a
            candidate with probability 1-(1-s^3)^37: 0.993 at s = 0.5, 0.9997 at 0.6,
            0.64 at 0.3, 0.26 at 0.2. With 0.5 (25 x 5: 0.55 at s = 0.5, 0.87 at 0.6)
            two dev-corpus copies of Jaccard 0.5-0.6 (short paragraphs with one typo,
            which erases up to 3 of a dozen shingles) were never candidates; with 0.3
            none is missed and the candidate pairs grow by 3% (345 -> 354).
        num_perm: MinHash permutations. 128 keeps the standard error of the Jaccard
            estimate at about 1/sqrt(128) = 0.088 while a signature costs 512 bytes.
        seed: seed of the permutations; the same as ``datasketch.MinHash(seed=1)``.
        ngram: words per shingle. Measured on eval-dev (``nettoyeur clean --ngram N``,
            threshold 0.3, everything else default; duplicates precision / recall,
            candidate pairs verified, share of the optional low-similarity copies, word
            3-gram Jaccard < 0.5, that were still found):

            ====== ========= ====== ========== ========================
            ngram  precision recall candidates optional copies found
            ====== ========= ====== ========== ========================
            2      0.991     1.000  1009       30/30
            3      0.991     1.000  354        26/30
            4      0.991     1.000  270        24/30
            5      0.991     0.996  237        17/30
            ====== ========= ====== ========== ========================

            Precision does not move (every candidate is verified; the 6 false positives
            left are boilerplate's). 5-grams lose required copies: one typo erases 5
            shingles, so a short near copy falls below any usable threshold. 2-grams find
            every copy but make 2.9 times the candidates of 3-grams, because unrelated
            paragraphs of one language share function-word pairs ("of the", "de la"),
            and that count grows with the corpus. 3 finds every required copy at a third
            of the cost.
        min_jaccard: a verified pair with no change of statement whose exact Jaccard
            reaches this, and whose shorter side is matched for 80% or more, is a
            duplicate even when the longer side is not covered to 80%.
        containment: what to do with a cut copy of a longer paragraph (a teaser, a copy
            truncated with "…", a copy without its first or last sentence): ``remove`` it
            (the default: the longer copy carries all of its text), only ``report`` it,
            or look for no containment at all (``off``). A passage from the middle of a
            longer paragraph (a pull quote, a heading restating a sentence) is reported
            with its container and kept in every mode but ``off``.
        containment_threshold: share of the shorter paragraph's words that must be
            found, in order, in the longer one. 0.85 tolerates a truncation mark, a few
            typos or a reworded attribution ("ajoute-t-elle" for "a-t-elle déclaré")
            while a paragraph that shares one sentence of three is not hit.
        min_contained_words: shorter paragraphs are never removed as contained, so a
            heading is not removed because the body repeats its words.
        min_lone_copy_words: a paragraph of fewer words that recurs, in another document
            or in its own, is a copy only when a neighbour of it recurs beside the other copy
            (a republished article's title beside its body, a block repeated at the end of a
            page): "1", "Australia", "Yes", "$294.95" or a table's "25" that unrelated pages or
            two rows share say nothing of either (chrome that recurs is the boilerplate
            signals' to find, from template evidence). 8: below it, lines shared across files
            are labels, cells and figures; from it up they are sentences (eval-pages-dev: lines
            of 1-7 words removed as copies were 4,600 words of real content; removal precision
            0.905 -> 0.931, while eval-dev keeps 684 of its 689 planted removals). 0: every
            copy counts.
        anchor_modulus: one word shingle in this many is an "anchor" (its hash is
            0 modulo this number); a contained paragraph's anchors are all in its
            container, which finds containment candidates without comparing all pairs.
        boilerplate: strip boilerplate (site chrome) at all.
        rules_file: extra user rules (one regular expression per line, see README).
        min_files: a short line recurring (digits masked) in at least this many files,
            and in as many with the same neighbour above or below it (a block of a site's
            template), is boilerplate. 5: the dev corpus has syndicated paragraphs in up to
            4 files, which are content for the deduplicator to thin, not chrome.
        max_line_chars: lines longer than this are kept but not analysed (no
            boilerplate rules, no signatures), which bounds memory and time on a
            hostile input; each such line is listed in the summary (``long_lines``).
        max_file_bytes: files larger than this are skipped unread (reason
            ``too-large``). Reading a file costs about 5 bytes of memory per input byte
            at peak (the bytes, the decoded text, its lines and the output; 480 MB
            measured for a 100 MB file), so 128 MiB bounds one file in flight to about
            640 MB per worker, while the longest books are a few MB of text: a larger
            .txt is a dump to split, not a document.
        max_file_lines: files with more lines than this are skipped (reason
            ``too-many-lines``) before they are split. Line count, not size, is what
            costs memory: a paragraph takes 1 to 1.5 KB through the analysis (5.4 GB
            measured for a 10 MB file of 5 million one-letter lines), so 200,000 lines
            bound one file to about 300 MB (320 MB measured), while a 1,000-page book
            has about 40,000 lines.
        workers: processes for the parallel steps (0 = all cores).
        snapshot: the first pass keeps a decoded copy of each document in the temporary
            folder for the later passes (about the corpus's size on disk while the run
            lasts), so that each file is read and decoded once; False reads every file
            again in each pass (for a small temporary disk; 15-20% more CPU). Runs on
            Ray never keep one. The output is the same either way.
        keep: which copy of a duplicate cluster is kept (:mod:`nettoyeur.dedup.keep`): ``first``
            in corpus order (the default: a reader meets the text where it first appears,
            and the choice needs no more data), ``longest``, ``FIELD:min``, ``FIELD:max``
            or ``FIELD=v1,v2,...`` (record inputs). Ties go to corpus order.
        comments: what to do with the readers' comments under an article (a blog's comment
            thread, the replies after a forum's first post): ``keep`` them (the default, as
            trafilatura's ``include_comments``: many corpora want the discussion, and the
            sets that label it disagree on whether it is content), or ``drop`` the thread
            (``boilerplate:structure:comments``): from a comments marker below the article (a
            line of the comments rules: "12 Comments", "Leave a reply", "Reply") to the end of
            the page, when at least three attribution lines (a name or handle with a date or a
            time) follow it. See the README's Quality section for what each choice costs.
        site: where a document's site comes from (:mod:`nettoyeur.boilerplate.sites`): ``auto`` (the
            default: a record's ``url`` host, else its ``domain`` or ``site`` field; plain files have
            none), ``folder`` (the first folder under IN, one per site), ``none``, or ``field:NAME``.
            For a document with a site, recurrence within its site is the frequency signal's
            evidence (a line in ``min_files`` files of its site goes, with the same neighbours or
            not, unless it is prose), and recurrence across sites weak (only a three-line block
            of a template in ``min_files`` files goes); a document without one is read as before.
    """

    threshold: float = 0.3
    num_perm: int = 128
    seed: int = 1
    ngram: int = 3
    min_jaccard: float = 0.8
    containment: ContainmentMode = "remove"
    containment_threshold: float = 0.85
    min_contained_words: int = 8
    min_lone_copy_words: int = 8
    anchor_modulus: int = 4
    boilerplate: bool = True
    rules_file: Path | None = None
    min_files: int = 5
    max_line_chars: int = 1_000_000
    max_file_bytes: int = 128 * 2**20
    max_file_lines: int = 200_000
    workers: int = 0
    snapshot: bool = True
    keep: str = "first"
    comments: CommentsMode = "keep"
    site: str = "auto"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Checks every field.

        Raises:
            ConfigError: a value is out of range (or ``keep`` is not a rule), with how to fix it.
        """
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"threshold must be between 0 and 1 (exclusive), got {self.threshold}: try 0.3.")
        if not 0.0 < self.min_jaccard <= 1.0:
            raise ConfigError(f"min_jaccard must be in (0, 1], got {self.min_jaccard}: try 0.8.")
        if not isinstance(self.num_perm, int) or self.num_perm < 2:
            raise ConfigError(
                f"num_perm must be an integer >= 2, got {self.num_perm!r}: did you forget to set it? Try 128."
            )
        if not isinstance(self.ngram, int) or not 1 <= self.ngram <= 10:
            raise ConfigError(f"ngram must be an integer between 1 and 10, got {self.ngram!r}: try 3.")
        if self.containment not in ("remove", "report", "off"):
            raise ConfigError(f"containment must be 'remove', 'report' or 'off', got {self.containment!r}.")
        if not 0.5 <= self.containment_threshold <= 1.0:
            raise ConfigError(
                f"containment_threshold must be between 0.5 and 1, got {self.containment_threshold}: try 0.85."
            )
        if self.min_contained_words < 1:
            raise ConfigError(f"min_contained_words must be >= 1, got {self.min_contained_words}.")
        if self.min_lone_copy_words < 0:
            raise ConfigError(
                f"min_lone_copy_words must be >= 0, got {self.min_lone_copy_words}: try 8 (0: every copy counts)."
            )
        if self.anchor_modulus < 1:
            raise ConfigError(f"anchor_modulus must be >= 1, got {self.anchor_modulus}: try 4.")
        if self.min_files < 2:
            raise ConfigError(
                f"min_files must be >= 2, got {self.min_files}: a line in one file is not recurring. Try 5."
            )
        if self.max_line_chars < 1000:
            raise ConfigError(f"max_line_chars must be >= 1000, got {self.max_line_chars}.")
        if not isinstance(self.max_file_bytes, int) or self.max_file_bytes < 1:
            raise ConfigError(f"max_file_bytes must be a positive integer, got {self.max_file_bytes!r}.")
        if not isinstance(self.max_file_lines, int) or self.max_file_lines < 1:
            raise ConfigError(f"max_file_lines must be a positive integer, got {self.max_file_lines!r}.")
        if self.workers < 0:
            raise ConfigError(f"workers must be >= 0 (0 = all cores), got {self.workers}.")
        parse_keep(self.keep)
        if self.comments not in ("keep", "drop"):
            raise ConfigError(
                f"comments must be 'keep' or 'drop', got {self.comments!r}: 'keep' (the default) leaves readers' "
                "comments in, 'drop' removes a comment thread found below the article."
            )
        check_site_setting(self.site)
        if self.rules_file is not None and not Path(self.rules_file).is_file():
            raise ConfigError(f"rules file {self.rules_file} does not exist: give the path of a text file of rules.")

    @property
    def bands_rows(self) -> tuple[int, int]:
        """The LSH ``(bands, rows)`` of ``threshold`` and ``num_perm``: the one place every step reads them.

        :func:`~nettoyeur.dedup.lsh.optimal_bands` computes them once per pair of values (cached).
        """
        return optimal_bands(self.threshold, self.num_perm)

    def replace(self, **overrides: Any) -> CleanConfig:
        """Returns a copy with some fields changed (validated again).

        Raises:
            ConfigError: an unknown field name or an invalid value.
        """
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise ConfigError(f"unknown option(s) {', '.join(unknown)}; known options: {', '.join(sorted(names))}.")
        return dataclasses.replace(self, **overrides)

    def to_dict(self) -> dict[str, Any]:
        """Returns the fields as JSON-ready values (for the report and the index)."""
        out = dataclasses.asdict(self)
        out["rules_file"] = str(self.rules_file) if self.rules_file else None
        return out
