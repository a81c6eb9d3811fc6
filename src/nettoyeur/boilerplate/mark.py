"""Boilerplate: remove site chrome, keep titles and headings.

Three independent signals; each removal names the one that fired
(``boilerplate:<signal>:<rule>``):

``pattern``
    templates of navigation, share, cookie, subscribe, copyright, "read also",
    comments, ads, bylines and dates in five languages (:mod:`nettoyeur.boilerplate.rules`), plus
    the user's ``--rules``. A rule only fires on a short line (each rule has a word
    limit), so an article sentence that mentions cookies is never a banner. A line of eight
    short terms or more between commas, with no function word, is a site's keywords or tags
    (``keyword-list``, :mod:`nettoyeur.boilerplate.keyword_lists`).
``frequency``
    a line that recurs, digits masked, in at least ``min_files`` files of the corpus is
    the site's chrome and every copy goes (the cc_net idea). The floor keeps two
    articles that quote the same sentence safe: those are for the deduplicator, which
    keeps one copy. Below the floor, a line seen in two files goes only when it is a
    label (not a sentence) that shares no word with its own article.
``position``
    jusText's idea with the article's shape: the *body* runs from the first to the last
    prose paragraph (long, with function words). Short lines before it are the header
    (menus, section names) except title-like lines about the article's subject, the
    title just above the body and the one line between it and the body (a section's heading,
    the author's name); short lines after it are the footer, except what still
    continues the article (a closing sentence on its subject, a list, references, the
    attribution of a quote). Short lines *inside* the body stay (headings, list items)
    unless they share no word with the article and are labels (no function word, no figure),
    telegraphic headlines of other articles, or stand beside a line another signal
    flagged; a long run of short lines that other signals flagged in good part is a
    sidebar or a menu, and its other lines without figures go too (``chrome-run``).
    Headlines each over a blurb, listed under a "related" heading, are teasers of other
    articles (``teaser-list``), found before the body is, since their blurbs are prose; so is
    a run of four headlines or more just beside chrome whose words are not the article's: a
    list of links to other pages (``headline-run``,
    :mod:`nettoyeur.boilerplate.headlines`). A run of links that each end with a count in
    brackets, not about the article, is a site's categories or threads (``counted-list``,
    :mod:`nettoyeur.boilerplate.link_lists`); so is a run of three links or more that each end with the
    same pointer ("Send a Tip »", ``pointer-list``), and a run of three excerpts of other pages or more,
    each cut off by an ellipsis at about one length by a machine, beside a much longer article whose
    words they do not share (a blog roll, recent posts: ``excerpt-list``); a short phrase the page
    repeats under each of many entries is a control ("reply to this comment": ``repeated-control``,
    :mod:`nettoyeur.boilerplate.repeats`). The page's last block, cut off by three flagged lines,
    small and off the article's topic, is the site's footer blurb or sidebar (``outlying-tail``: the
    blocks apart from the article with a shorter cut, see ``TAIL_GAP``). A page that is no article (a
    product, a results table, a listing: little prose, runs of prices, fields or rows of figures) keeps
    its records and the particulars above its short text where these signals would cut them
    (:mod:`nettoyeur.boilerplate.page_kind`); the rules' verdicts stand on every page.

With ``comments="drop"`` (off by default), a fourth signal, ``structure``, removes a comment
thread below the article as a whole (``boilerplate:structure:comments``, see
:func:`_comment_thread`).

Removing chrome can change what the signals that read the article see (the body's first
or last paragraph, the blocks of the page, a hard-wrapped unit that ran into a block set
apart): :func:`mark` runs them again on the lines it kept until they remove nothing, so
cleaning the output again finds nothing more to remove (a fixed point).

"On-topic" is measured against the article's own prose: a line's *stems* (the first
letters of its longer words) are looked up in the stems of the body paragraphs. A
heading announces what follows ("Vers un avenir innovant" over a paragraph about
innovation); a menu label from a site template ("Wellness", "Faits divers") does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, partial
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

from nettoyeur import _core
from nettoyeur.boilerplate.content_guards import FIELD_LABEL_WORDS, spared_args
from nettoyeur.boilerplate.headlines import headline_runs
from nettoyeur.boilerplate.keyword_lists import KEYWORD_CANDIDATES, keyword_lists
from nettoyeur.boilerplate.line_shapes import (
    ASKED_BEFORE_SET,
    LABEL_MAX_WORDS,
    PROSE_MIN_STOPWORDS,
    PROSE_MIN_WORDS,
    LineInfo,
    count_words,
    describe,
    describe_many,
    frequency_key,
    has_fewer_words,
    memo_for,
    shapes_core,
)
from nettoyeur.boilerplate.link_lists import (
    COUNTED_RUN_MIN,
    CUT_CANDIDATES,
    EXCERPT_RUN_MIN,
    POINTER_RUN_MIN,
    POINTERS,
    counted_link,
    counted_lists,
    cut_excerpts,
    excerpt_lists,
    pointer_links,
    pointer_lists,
)
from nettoyeur.boilerplate.page_kind import removed_prose, spared_lines
from nettoyeur.boilerplate.pattern_cache import compile_cached
from nettoyeur.boilerplate.repeats import repeated_controls
from nettoyeur.boilerplate.rules import MASKS, Rule, date_search
from nettoyeur.boilerplate.sites import scope_key, site_salt
from nettoyeur.records import Document, Paragraph, Verdict

__all__ = ["LineInfo", "count_words", "counted", "describe", "frequency_key", "mark", "shapes"]

_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
# What the native core tells of each line of a document in one call (:func:`line_marks`,
# native/src/mark.rs; the plain regular expressions are the tests' oracles, tests/mark_reference.py):
# a letter (``[^\W\d_]``), a digit (``\d``), a menu of separated links (see ``MENU_MIN_PARTS``;
# :func:`_first_pass` tests its function words), and the matches at its start of
# ``[—–]\s*\S`` ("— Name (@handle) date": the attribution line under a quoted post or quotation),
# ``\[\d{1,3}\]\s*\S`` ("[1] Author, Title, Journal": a numbered reference under the article) and
# ``(?:[•▪◦‣·○►→✓*–-]|\d{1,2}[.)])\s+\S`` ("• item", "- item", "3. item": a list that goes on below
# the last paragraph); whether it ends with a stop (one of ``.!?…。！？।॥؟۔።፧។៕။։།༎:;``); and whether it holds
# ``LONG_MENU_MIN_PARTS - 1`` of ``[|¦·•»]`` and opens with no "|" (the lines :func:`_long_item_menu` reads).
LETTER, DIGIT, MENU, ATTRIBUTION, REFERENCE, LIST_ITEM, STOP_END, SEPARATED = 1, 2, 4, 8, 16, 32, 64, 128

# Lines with at least this many words are never frequency-removed (prose is the
# deduplicator's business: it keeps one copy).
FREQUENCY_MAX_WORDS = 25
# A line that recurs between the same two neighbours (the middle of a three-line block of
# a template) in this many files is chrome even below ``min_files``: a site of a few pages
# repeats its menus, sidebars and footers whole, unrelated pages never share three lines in
# a row. On eval-pages-dev (several pages per site in some groups): 3 files remove 6,100
# more chrome words (words recall 0.674 -> 0.686) for 215 content words lost with no copy
# and no change in removal precision; 2 files, 11,200 for 1,440 (mostly the article's tail
# cut off as a block apart); one shared neighbour in 3 files, 7,100 for 580.
ENCLOSED_MIN_FILES = 3
# A document with a site (``CleanConfig.site``, :mod:`nettoyeur.boilerplate.sites`) reads its
# site's counts: recurrence within a site is a template's evidence, across sites weak (issue 13).
# Within its site, a line goes on the rules without sites (with the same neighbour in
# ``min_files`` files, between the same neighbours in ``ENCLOSED_MIN_FILES``, an off-topic label
# in ``OFFTOPIC_MIN_FILES``), each counted in files of the site, and also alone: a line with a
# letter that is not prose, in ``min_files`` files of its site whatever its neighbours, is the
# site's chrome (``recurring-in-site``: a menu item, a tagline, a byline, digits masked), unless
# it ends with ":" (a field's label over the page's own value). Prose recurring within a site
# without a block around it is left to the deduplicator (one copy kept), as across the corpus.
# Across sites, pages share a line or a pair by chance ("No" under "Country:" on five unrelated
# pages): only a three-line block, the line between the same two neighbours in ``min_files``
# files of the corpus, goes (a widget every site of a CMS carries). Measured with
# benchmarks/sites.py (generated records: 40 sites, 3,000 pages, a url each, chrome labelled):
# chrome recall 0.979 -> 1.000 (the sites' bylines, which no block holds) for no content line
# more; with a two-line fact box ("Country:" / a country) in 5% of the pages, content lines
# removed as boilerplate 349 -> 127; with a four-line box (a three-line block across sites) 665
# -> 634, and in a third of the pages (recurring within each site too) 3,909 -> 3,909. Without
# the ":" exception the lone rule itself removed 806 "Country:" lines there (the total is the
# same: the off-topic and position signals take those labels beside their removed values).
SITE_LONE = "boilerplate:frequency:recurring-in-site"
# The position verdicts of the short lines inside the body (see :func:`_article_signals`; the core weighs
# them in native/src/position.rs).
_INLINE = "boilerplate:position:inline-"
_HEADER = "boilerplate:position:header"
_FOOTER = "boilerplate:position:footer"
# ``_core.first_pass`` with this floor gives no block verdict (its enclosed floor is the one read).
_NO_FLOOR = 1 << 62
# Below ``min_files``, an off-topic label seen in this many files is chrome: two sites
# rarely share a label by chance, and the off-topic test protects shared headings. A line with
# function words or OFFTOPIC_TITLE_WORDS words may be a syndicated title or heading: one more
# file is needed.
OFFTOPIC_MIN_FILES = 2
OFFTOPIC_TITLE_WORDS = 3
# A run of at most this many short lines inside the body with a single foreign label in it
# is a caption beside a heading; longer runs are tables and lists. On eval-pages-dev,
# content lost with no copy kept: 9.6% of lines with 2, 9.8% with no limit, 9.1% without
# this evidence at all (which keeps "Immobilier" between two paragraphs of an article).
LONE_RUN = 2
# A lead-in ends with ":" and has function words and this many words; the lines under a
# kept one, up to LIST_MAX_ITEMS, are its items. Below the body, a heading that ends with ":"
# right under a kept line and shares a stem with the article ("Our members:" under a paragraph
# about them) opens a list too: in any language, a site's own headings there ("Tags:", "Follow
# us:") name nothing of the article. A list of people or references runs long. On eval-pages-dev,
# the heading with 200 items keeps 178 words of content (a member list, a list of references;
# content lost with no copy kept 27,254 -> 27,076 words) and 27 of chrome (a login box under
# "Member ID:"), chrome recall by words 0.758 either way; with 30 items, 100 words of content.
# Inside the body too, the short lines under a lead-in (up to LIST_MAX_ITEMS, no flagged line or
# prose between) are its list, not labels foreign to the article ("Thanks to everyone who contributed
# to this release:" over a hundred names, which went as ``inline-label`` beside a forum's dates):
# on eval-pages-dev (issue 13), content lost with no copy kept 25,504 -> 25,383 words for 25 chrome
# words kept more (chrome recall by words 0.757 either way); eval-dev and audits 17/18 unchanged.
LEAD_IN_WORDS = 3
LIST_MAX_ITEMS = 200
# A letter's closing: at most this many words ending with ","; the SIGNATURE_LINES lines
# under a kept one are the signature (name, title, organisation).
CLOSING_WORDS = 6
SIGNATURE_LINES = 3
# Blocks of a page are cut where this many flagged lines follow one another; a block with
# less than OUTLYING_SHARE of the article's prose words and less than OUTLYING_TOPIC of
# its stems in the article is apart from it. Measured on eval-pages-dev (from the report):
# gap 5 / share 0.2 / topic 0.5 removes 34,700 more chrome words for 3,600 content words;
# gap 4 or share 0.3 remove ~41,000 for 5,600-7,100; no topic test, 41,300 for 9,200.
OUTLYING_GAP = 5
OUTLYING_SHARE = 0.2
OUTLYING_TOPIC = 0.5
# A block that fails the topic test may hold a run of sentences about the article all the same: the
# article itself, cut off above its comment thread (which outweighs it) by the list of other
# articles' headlines it stands under, whose words drown its own. A run is OUTLYING_RUN_LINES prose
# lines or more that end like sentences, each at most OUTLYING_RUN_SPAN lines below the one before it,
# with OUTLYING_RUN_WORDS words or more, and the line just above its first sentence when that is no
# sentence (its heading); tested alone against the article's stems, it stays when it passes (the
# block's other lines go). On eval-pages-dev (issue 13): content lost with no copy kept 25,935 ->
# 25,504 words for 75 chrome words kept more (chrome recall by words 0.758 either way); without
# the heading, 25,632 for 79; with
# 25 words, -393 for 138 chrome words (a category menu between two comments); with one sentence,
# -433 for 783 (teasers with a one-sentence blurb); prose lines that do not end like sentences (lists
# of headlines, book titles) also joining, -393 for 938. eval-dev and the held-out audits unchanged.
OUTLYING_RUN_LINES = 2
OUTLYING_RUN_WORDS = 40
OUTLYING_RUN_SPAN = 2
# A block set apart that ends just above the article (no prose line no signal flagged between) may end with the
# article's headline, cut off from its body by the byline, the dates and the share buttons under it (a block of other
# articles' headlines above it). Its last line stays when it is title-like (``TITLE_MIN_CHARS``, ``TITLE_MIN_WORDS``,
# at most ``TEASER_TITLE_WORDS`` words, no statement), when a line of the date or byline rules (``_DATED_KINDS``) stands
# at most HEADLINE_BYLINE_LINES lines under it, and when ``HEAD_KEEP_STEMS`` of its stems and ``OUTLYING_TOPIC`` of them
# are the article's: a title over its byline, about its article. On eval-pages-dev (issue 13): 2 headlines kept (18
# content words lost with no copy fewer), no chrome line kept more; without the byline, 35 content words for 50 of
# chrome (a "Printer-Friendly Version", a follow-us line, a teaser that shares the article's words); with
# ``HEAD_KEEP_SHARE`` of its stems in place of ``OUTLYING_TOPIC``, 19 chrome words more (a menu). eval-dev, the pairs
# and the held-out audits unchanged.
HEADLINE_BYLINE_LINES = 3
# A run of this many bare labels (a menu in a language no rule reads) cuts blocks too; a
# block cut off by such runs only is apart below OUTLYING_LABEL_SHARE of the article's
# prose. On eval-pages-dev: 20 labels / 0.05 remove the 300-line menu of the Chinese page
# (its chrome recall 0.27 -> 0.99) for +0.2 point of content lines lost (12: +0.6, 40:
# the menu is missed, as a label with a function character breaks the run).
# A block without prose cut off by such runs only is a piece of the list they make (a long list
# of names, where "Dr. J. Smith" or "Mr & Mrs Lee" is no bare label and breaks the run): it is no
# candidate, and stays as the runs do. On eval-pages-dev: 185 words of a member list kept, no
# chrome word more (chrome recall by words 0.758 either way).
OUTLYING_LABELS = 20
OUTLYING_LABEL_SHARE = 0.05
# The page's last block is cut off by a shorter run, TAIL_GAP flagged lines (nothing of the article
# comes after the footer's chrome): under an article, pages print a block of their own below the
# share bar and the menus (what the site is, "The Courier is the county's paper since 1884 ...", a
# notice of its terms, an advertisement, the teasers of other pages). Its sentences are prose, so the
# article's body ran down to it and the short lines between (menus no rule read) stayed inside the
# body. Cut off by a run shorter than OUTLYING_GAP, the block goes (``position:outlying-tail``) when
# it holds TAIL_MIN_LINES unflagged lines or more, less than TAIL_SHARE of the prose words above its
# cut, and less than OUTLYING_TOPIC of the stems of that prose; cut off by OUTLYING_GAP lines or more,
# it is a candidate as any block too, and read as the last block once the blocks apart are set. The
# core reads it with the blocks apart (``_core.outlying_blocks``, ``ArticleSignals``), after them, on the
# verdicts of the article alone: what the page keeps. Measured on eval-pages-dev when this was a walk
# of its own, run after :func:`_article_signals` (its outputs are unchanged since, byte for byte; over the
# keyword lists; chrome words removed more / content words lost with no copy kept more): 3 / 0.2,
# +2,911 / +443 (chrome recall by words 0.746 -> 0.752; the content: sidebars and "about the author"
# blocks that the gold of a few pages keeps); a cut of 2 lines, about +3,800 / +713 (0.754); 4,
# about +1,500 / +154 (0.749); a share of 0.3, about +4,400 / +1,395 (0.755). eval-dev: chrome
# recall 0.916 -> 0.917, no content line lost more. TAIL_MIN_LINES: a paragraph alone under a
# paywall's or a newsletter's call is the article's last ("Pour lire la suite" / "Opinion" / the
# paragraph), whatever its words (eval-dev's only loss to this cut; 119 chrome words on eval-pages-dev).
# Read before the blocks apart instead, as one of them (the last block split off by the shorter cut,
# weighed and tested against the main block): eval-pages-dev's chrome words removed 385,934 ->
# 385,839, content words lost with no copy 26,901 -> 26,956 (the blocks cut otherwise, and a sidebar
# under a block of teasers set apart is the last block only once they are); tested against the main
# block's vocabulary only, 385,688 / 26,987.
#
# A page of entries (a forum topic, a blog's dated posts) prints the same chrome between each entry
# and the next ("Back to top", "Posted by ... | Comments (3)"): its last entry is cut off by such a
# separator and may be about something else. The last block stays when a line of its cut, digits
# masked (its frequency key), also stands above the cut; and when a line of the cut is the comments
# rules' ("Leave a reply", ``_THREAD_MARKER``), the block is the comment thread, which stays by
# default (a product decision). Without the separator's test, eval-pages-dev removed +1,420 chrome
# words more for +170 content words, and 360 words more of the comments its scorer leaves out;
# without the comments rule's test, +415 / +148, and 850 words more of comments.
TAIL_GAP = 3
TAIL_SHARE = 0.2
TAIL_MIN_LINES = 2
# A block of at least ABOVE_THREAD_PROSE prose lines that ends at most ABOVE_THREAD_GAP lines above the
# main block, with a line of the comments rules between ("Comments", "Leave a reply"), is the article
# and the main block its comment thread (the comments outweigh it): it is not apart (see :func:`_article_signals`).
# On eval-pages-dev: two blog posts kept whole (358 content words, 27 chrome words of one's permalink
# bar); the other blocks above a comments line there stand 51 lines or more above the main block.
ABOVE_THREAD_PROSE = 3
ABOVE_THREAD_GAP = 10
# A document with this many dates or bylines each above an entry is a dated list.
DATED_LIST_MIN = 3
# Every date of the mask holds a decimal digit (``\d``; tests/boilerplate/test_dates.py), so the core
# searches a line for a date (:func:`~nettoyeur.boilerplate.rules.date_search`) only when its line flags
# have ``DIGIT``: on the benchmark corpus (300,000 paragraphs) the search of the title-like lines above
# the body cost 0.24 s of the 9.6 s of the analyse pass under cProfile, and few of those lines hold a figure.
# The longest line a date or byline rule reads (their word limits: 25 at most).
DATED_MAX_WORDS = 25
# A title-like line has at least this many characters and words ("Home" is not). A line of one word is
# title-like from twice TITLE_MIN_CHARS characters (the core's ``title_like``): a headline in Khmer, Lao,
# Thai or Myanmar, written without spaces, is one run of word characters, and the title just above a
# Khmer notice went with its menu (audit20, written by the team); no word of the spaced scripts runs to 24
# letters above an article of eval-pages-dev (its figures unchanged).
TITLE_MIN_CHARS = 12
TITLE_MIN_WORDS = 2
# A line written without spaces (Chinese, Japanese: each word two characters, no word longer) is title-like from
# this many words, ten characters, whatever TITLE_MIN_CHARS says: such a headline says in ten characters what a
# spaced one says in twenty letters, and audit 21's Japanese recipe and press release lost theirs (content lost
# 41 -> 39 of 327 lines); a button of six ("ツイートする") is none. The core's copy: native/src/mark.rs. eval-pages-dev,
# eval-dev and audits 17-20 unchanged.
UNSPACED_TITLE_WORDS = 5
# Above the body, a line is kept as a title or heading when it has this many words and
# this share of its stems in the article: a headline is about its article.
HEAD_KEEP_WORDS = 3
HEAD_KEEP_SHARE = 0.3
HEAD_KEEP_STEMS = 2
# Below the body, a sentence is kept when this share of its stems is the article's.
TAIL_KEEP_SHARE = 0.5
# Inside the body, a headline with this many stems, none in the article, and few function words
# is a teaser for another article: headings have articles and prepositions ("La Grosse
# pomme a la gueule de bois" has 3 in 8 words), teasers are telegraphic.
TEASER_MIN_STEMS = 3
TEASER_MAX_STOPWORDS = 0.25
# Under a "related" heading (the rule's ``related-label``: "Related", "Also on ...", "Most
# read"), a list of at least this many entries, each a headline (no sentence end, at most
# TEASER_TITLE_WORDS words) with one paragraph of blurb under it, is the teasers of other
# articles (position:teaser-list). Up to TEASER_SKIP flagged lines or bare labels may stand
# between the heading and the first entry ("Loading slideshow"). An article's headings under an
# advertisement are not under such a heading; its "See also: <title>" is another rule.
TEASER_LIST_MIN = 3
TEASER_TITLE_WORDS = 20
TEASER_SKIP = 3
# The "read also" label's verdict: a prose-like headline just under it is a teaser, not the body's end.
# With the closing sentence below (TAIL_*), on eval-pages-dev: 9 chrome lines more removed, 7 kept that
# went (3 of them a comment's header over a short reply, read as a table and its closing), no content
# line changed; the held-out pages: the first teaser under "read also" of es, pt, it and ja goes.
READ_ALSO = "boilerplate:pattern:readalso"
# What ``_core.teaser_list`` reads (native/src/entries_py.rs): the verdict of a "related" heading, and the limits.
_RELATED_HEADING = (READ_ALSO, "related-label")
_TEASER_LIMITS = (TITLE_MIN_WORDS, TEASER_TITLE_WORDS, TEASER_SKIP, TEASER_LIST_MIN)
# A sentence of at least TAIL_SENTENCE_WORDS words, below the last prose paragraph with the
# article's table between (TAIL_MIN_ROWS to TAIL_MAX_LINES unflagged lines with figures or fields
# ("Goalkeeper: A. Name"), under a heading), ends the body. On eval-pages-dev: without the figures
# (any unflagged lines between), 17 more chrome lines kept ("Back to the Welcome Page.") for 7
# content lines; a letter's closing ("Best wishes,") in place of the sentence, 10 more chrome lines
# kept. The sentence needed function words (PROSE_MIN_STOPWORDS) until issue 13's held-out pages: a
# closing sentence in Indonesian or Bengali has few the lists know ("Pemerintah berencana menggelar
# operasi pasar ...": none); without the test, eval-pages-dev keeps 70 content words more (a list of
# references under its heading) for 4 chrome words, and the held-out pages 8 lines of content more
# (and 5 more with the rows of fields: a team's line-up); no chrome line kept more there.
# ... a statement: a question or an exclamation under a list or a "read also" label is a teaser's
# ("Can you pick the winner?": the core's ``ASKS``, after any of ``"'”’»)]``).
TAIL_SENTENCE_WORDS = 5
TAIL_MIN_ROWS = 2
TAIL_MAX_LINES = 12
# Below the last paragraph of a page that opens as a letter, a closing formula at most this many lines
# down (none flagged between) ends the body (see :func:`_article_signals`). On eval-pages-dev no page opens with
# a salutation over such a tail: nothing changes there; without the salutation, a list of songs under an
# article ("Sincerely - The Platters" 14 lines down) was kept whole, 74 chrome words.
LETTER_TAIL_LINES = 30
# Inside the body, a run of at least CHROME_RUN_LINES short lines of which at least
# CHROME_RUN_SHARE are flagged by other signals is a sidebar or a menu between two prose
# blocks (the article and its comments or teasers): its other short lines without figures go
# too (position:chrome-run). An article's own list or table has few flagged lines in it.
CHROME_RUN_LINES = 30
CHROME_RUN_SHARE = 0.25
# The position signal (``_core.ArticleSignals``, see :func:`_article_signals`):
# - Header: the title and the headings about the article stay (``HEAD_KEEP_WORDS`` words,
#   ``HEAD_KEEP_STEMS`` stems and ``HEAD_KEEP_SHARE`` of them the article's); the rest is chrome.
#   The nearest title-like line above the body is the title even when it shares no word with the
#   article ("Need for Speed" over a review), dated lines skipped (an unknown byline: "Marie Dupont
#   | 9 décembre 2019"; only a line with a figure is searched, see ``DATED_LIST_MIN``). Not when the
#   body opens with a line that does not end like a sentence: that line is the title itself. The
#   title's stems are not looked up (20,657 of the 28,879 lookups above the body on the benchmark
#   corpus). A header that the rules cleared but for one line of words just above the body
#   ("Toggle navigation" / "pix-bavaria" / the article) holds no menu left to tell the title from:
#   that line names the page or the site, and a name is short ("Axios Future", 12 characters, or
#   "pix-bavaria", 11, are not title-like). It needs ``TITLE_MIN_WORDS`` words, a letter and no
#   figure (a dateline or a count is not a title). The one line between a kept line of the header (the
#   title, a headline about the article) and the body, no flagged line between, stays too
#   (``under_head`` in native/src/mark.rs): the article's head runs into its body, and what stands there
#   alone is its own (a section's heading, "Abstract", the author's name, a subtitle too short to be
#   title-like); a menu is two lines or more. A dated line there stays too: the post's date or its
#   "Date: ... | Author: ..." line between the title and the text (it still goes in the title's place).
#   On eval-pages-dev (issue 13): content lost with no copy kept 25,144 -> 25,071 words for 30 chrome
#   words kept more (chrome recall by words 0.7566 either way, removal precision 0.9424 -> 0.9427);
#   the dated lines, 24,754 -> 24,650 of the scorer's tokens for 42 chrome tokens (recall by words
#   0.75659 -> 0.75651, removal precision 0.94321 -> 0.94333; audits 17-20 unchanged; eval-dev chrome
#   recall 0.916 either way; a dated list's foreign first head still goes: ``_foreign_first_head``).
#   Two lines or more between: 32 content words more for 23 chrome words with two, 19 for 28 with three
#   (of the main's removals); left out.
#   eval-dev: two chrome lines kept more (a label under a title: chrome recall 0.917 -> 0.916).
# - Footer: the short lines below the body go but what continues the article: a sentence with
#   function words about it (``TAIL_KEEP_SHARE`` of its stems, or one on its subject right under
#   it: a closing remark); the attribution of the quote just above ("— Name (@handle) date" under
#   a quoted post); a numbered reference ("[2] Author, Title") or a list item right under the body
#   or under another kept one, and the lead-in of such a list ("What to bring:"); the items, up to
#   ``LIST_MAX_ITEMS``, under a kept lead-in ("Things that help are:": ``LEAD_IN_WORDS`` words with
#   function words, ending with ":"), and the signature (``SIGNATURE_LINES``) under a kept closing
#   ("Sincerely,": at most ``CLOSING_WORDS`` words ending with ",").
# - Inside the body: a line in a run of chrome goes (``IN_CHROME``). Another goes when it is
#   off-topic and either a label (``IN_LABEL``) whose run shows chrome and that does not end with
#   ":", else a line beside chrome (``IN_BLOCK``), else a telegraphic headline (``IN_TEASER``, with
#   ``TEASER_MIN_STEMS`` stems) whose run shows chrome. A run shows chrome when another signal
#   flagged a line of it or beside it (``IN_EVIDENCE``), or (``IN_ASK``) when it is a short run
#   (``LONE_RUN``) with a single label foreign to the article, without figures (a widget's caption
#   among the article's headings; a run of such labels without chrome beside it is a table or a
#   list of the article). A label with figures ("Lane 4", "Q3 2021", "7:42.5") is a cell of the
#   article's table or list (the core marks none ``IN_LABEL`` or ``IN_TEASER``): data, as the policy
#   has it. On eval-pages-dev, 1,390 chrome lines and 520 content lines were such labels: sparing
#   them, content lost with no copy 7.3% -> 6.6% of lines (1.43% -> 1.36% of words), removal
#   precision 0.932 -> 0.935, chrome recall by words 0.686 -> 0.680. A candidate's stems are looked
#   up last, for a line that would go (the 9,373 other short lines inside the body of the benchmark
#   corpus need none). A line under a field's label (an unflagged short line ending with ":",
#   "Scheduled:" over "Tues., Jan 23 and 30") is the field's value and does not go as a line beside
#   chrome (``_field_value``: a time or a date that a rule flagged beside it is the record's, not a
#   menu). On eval-pages-dev: 109 words of content kept, 23 of chrome (form fields under "Password:").
# What the walks of ``_core.position_flags`` read of the limits above, in its order (native/src/position_py.rs).
_POSITION_LIMITS = (
    TITLE_MIN_CHARS,
    TITLE_MIN_WORDS,
    HEAD_KEEP_WORDS,
    LABEL_MAX_WORDS,
    LONE_RUN,
    CHROME_RUN_LINES,
    CHROME_RUN_SHARE,
    TEASER_MAX_STOPWORDS,
)
# What the weighing of ``_core.position_flags`` reads of the limits above, in its order (native/src/position_py.rs).
_WEIGH_LIMITS = (
    HEAD_KEEP_STEMS,
    HEAD_KEEP_SHARE,
    TAIL_KEEP_SHARE,
    PROSE_MIN_STOPWORDS,
    LEAD_IN_WORDS,
    LIST_MAX_ITEMS,
    CLOSING_WORDS,
    SIGNATURE_LINES,
    TEASER_MIN_STEMS,
)
# What makes a line inside the body a candidate of ``_core.position_flags`` (native/src/mark.rs,
# ``Inside``; see :func:`_article_signals`): a run of chrome, a label without figures, beside chrome, a
# telegraphic line; its run shows chrome, or does when the article says its single label is foreign.
IN_CHROME, IN_LABEL, IN_BLOCK, IN_TEASER, IN_EVIDENCE, IN_ASK = 1, 2, 4, 8, 16, 32
# ``comments="drop"``: a comment thread starts at a line of the comments rules (the marker)
# below at least THREAD_ARTICLE_WORDS words of unflagged prose (the article; a "12 comments"
# link under the title has none above it), and needs THREAD_MIN_ATTRIBUTIONS attribution
# lines below the marker: a short line (at most ATTRIBUTION_MAX_WORDS words) with a date or a
# time and a name-like token (a capitalised word, an "@handle"), or a byline. It runs to the
# end of the page. On eval-pages-dev with --comments drop (README, Quality): 100 words and 3
# lines give chrome recall 0.841 / 0.730 (lines / words), content lines lost with no copy 9.7%;
# 50 words lose 55 content lines more for no more chrome, 200 words find 0.003 less of it; 2
# lines find 0.003 more (a byline and a date under an article are two), 5 lines 0.007 less.
THREAD_ARTICLE_WORDS = 100
THREAD_MIN_ATTRIBUTIONS = 3
ATTRIBUTION_MAX_WORDS = 16


def counted(text: str) -> bool:
    """True for a line the frequency signal counts: fewer than ``FREQUENCY_MAX_WORDS`` words.

    Pass 1 asks this of every distinct line of the corpus; :func:`has_fewer_words` reads a
    line only up to the limit.
    """
    return has_fewer_words(text, FREQUENCY_MAX_WORDS)


def pair_key(first: str, second: str) -> str:
    """Returns the frequency key of two adjacent lines (their keys joined by a newline, which no line holds)."""
    return first + "\n" + second


def paired(text: str) -> bool:
    """True for a counted line that can pair with its neighbours: it has a letter.

    A line of figures ("12", "$4.99", "2-1") is data: masked, every table of every site
    would share its pairs.
    """
    return counted(text) and _LETTER.search(text) is not None


# Links joined by separators: "Home | News | Sport", "About · Contact · Jobs", "Books » Music"
# (not "/": "2 Bedrooms / 2 Baths / 1 Terrace" is a listing's data); the core splits a line at
# ``\s*[|¦]\s*|\s+»\s+|\s*[·•]\s*`` and strips `` []()`` off each item. A menu of separated
# links (a navigation bar, ``boilerplate:pattern:nav``): at least this many items, each with a
# letter and at most this many words (:func:`count_words`), none ending like a sentence
# (:func:`~nettoyeur.boilerplate.line_shapes.ends_sentence`) or a field with its value ("Date:
# May 5 | Author: Jane Doe" is a byline, "Letters: Roads | Taxes" a title), and this share of
# function words at most ("Terms of Use | Privacy" has 1 in 4); a line that opens with "|" is
# a row of a Markdown table, and a line of figures is data.
MENU_MIN_PARTS = 3
MENU_PART_WORDS = 8
MENU_MAX_STOPWORDS = 0.3
# A menu of many short items may hold more function words: "Home | About Us | Contact Us |
# Terms of Use" has 3 in 9 ("us", "of"), over ``MENU_MAX_STOPWORDS``, but each of its items is
# a name of two or three words, where a sentence cut by separators has longer parts. With at
# least this many items, of at most this many words on average, the share may reach
# ``SHORT_MENU_MAX_STOPWORDS``. On eval-pages-dev (dev figures) it flags 16 lines more: 173
# words of chrome, 13 of a partly-gold line, no gold content; at 4 words per item on average it
# would flag 2 lines of gold content (57 words), at 0.6 one chrome line more.
SHORT_MENU_MIN_PARTS = 4
SHORT_MENU_ITEM_WORDS = 3.0
SHORT_MENU_MAX_STOPWORDS = 0.5
_MENU_SEPARATOR = re.compile("[|\u00a6\u00b7\u2022\u00bb]")
# A long menu may hold a few long items ("Radiology Atlas - Cases of the Chest and Abdomen"):
# with at least LONG_MENU_MIN_PARTS items, LONG_MENU_SHORT_SHARE of them within the limits of a
# menu's items (``MENU_PART_WORDS`` words, no sentence end) make it a menu; no item may hold
# ":" (a field with its value). On eval-pages-dev (dev figures): 1,065 more words of chrome and
# 391 of partly-gold lines removed for 92 of gold content (a blog's list of its own posts in one
# line); chrome recall 0.705 -> 0.706 by words, precision 0.935; eval-dev unchanged (with ":"
# allowed in a fifth of the items, a title "Letters: Roads | Taxes | ..." went).
LONG_MENU_MIN_PARTS = 5
LONG_MENU_SHORT_SHARE = 0.8


def line_marks(texts: list[str] | list[LineInfo]) -> list[int]:
    """Returns the flags of each line (:data:`LETTER` ...), found by the native core in one call.

    Args:
        texts: the lines, or their shapes (the core reads their ``text``).

    Raises:
        TypeError: an item of ``texts`` is neither a string nor a ``LineInfo`` whose ``text`` is one.
    """
    return _core.line_marks(shapes_core(), texts, MENU_MIN_PARTS, MENU_PART_WORDS, LONG_MENU_MIN_PARTS)


# A kept line's 64-bit frequency key and those of its pairs with the lines above and below
# it (None: that neighbour does not pair), as :func:`neighbours` gives them.
Near = tuple[int, int | None, int | None]
NO_COUNTS: Near = (0, None, None)
# The reason of a line blanked by repair: pass 1 never counted it (no neighbour of another).
_BLANKED = "blank-after-repair"


def neighbours(doc: Document, paras: list[Paragraph], infos: list[LineInfo]) -> list[Near]:
    """Returns, for each kept paragraph, the 64-bit keys of its line and of its pairs with the lines above and below it.

    The key of a line is ``hash64(frequency_key(line))``, of a pair ``hash64(pair_key(...))``
    (pass 1 counted the same, :func:`nettoyeur.boilerplate.line_counts.document_line_keys`).
    The neighbours are those pass 1 counted: every analysable line the document had when
    it was loaded, removed since or not (a line blanked by repair was never counted), so
    marking again after dedup reads the same pairs. A neighbour that does not pair
    (a long line, figures only) gives None. Only the lines of fewer than ``FREQUENCY_MAX_WORDS``
    words are asked about (the frequency signals read no other): the others get :data:`NO_COUNTS`.
    The native core finds them all in one call (``Shapes.document_neighbours``,
    native/src/shapes_py.rs; the plain Python is the tests' oracle, tests/mark_reference.py).

    Args:
        doc: the document.
        paras: its kept paragraphs.
        infos: their shapes.

    Raises:
        ValueError: ``infos`` is not as long as ``paras``.
    """
    return shapes_core().document_neighbours(doc.paragraphs, paras, infos, FREQUENCY_MAX_WORDS, _BLANKED)


def _scoped(around: list[Near], site: str) -> list[Near]:
    """Returns the keys of ``around`` scoped to ``site`` (:func:`~nettoyeur.boilerplate.sites.scope_key`).

    :data:`NO_COUNTS` (a line the frequency signals do not read) stays as it is.
    """
    salt = site_salt(site)
    out: list[Near] = []
    for near in around:
        if near == NO_COUNTS:
            out.append(NO_COUNTS)
            continue
        code, above, below = near
        out.append(
            (
                scope_key(code, salt),
                None if above is None else scope_key(above, salt),
                None if below is None else scope_key(below, salt),
            )
        )
    return out


def _first_pass(
    lines: list[tuple[LineInfo, Rule | None]],
    marks: list[int],
    file_counts: Mapping[int, int] | None,
    min_files: int,
    around: list[Near],
    site: str | None = None,
    site_around: list[Near] | None = None,
    keywords: list[int] | None = None,
) -> list[Verdict | None]:
    """Pattern and corpus-frequency verdicts, line by line (shapes and rules from the memo).

    A line's rule, else a separated menu (see ``MENU_MIN_PARTS``), else the frequency
    signal, else a list of keywords (:mod:`nettoyeur.boilerplate.keyword_lists`): a
    recurring line is chrome only when it recurs with the same neighbour (a block of a
    template), in ``min_files`` files, or between the same neighbours in
    ``ENCLOSED_MIN_FILES``: a figure, a word or a sentence that unrelated pages share is
    not. The native core walks the lines (``_core.first_pass``, native/src/mark.rs). A
    document with a site (``site_around``: its keys scoped to it) counts files of its site
    instead (:func:`_site_pass`, see ``SITE_LONE``). ``keywords``: the candidates of the keyword lists
    (:attr:`_Lines.keywords`), or None: found here.
    """
    flags: list[Verdict | None] = [None] * len(lines)
    # The menus that a limit of MENU misses rank before the frequency signal, as MENU does (they
    # have no rule, and the core gave them no MENU verdict): their verdict replaces the core's.
    loose = _loose_menus(lines, marks)
    if site is None or site_around is None or file_counts is None:
        _core_pass(lines, marks, around, file_counts, min_files, ENCLOSED_MIN_FILES, flags)
    else:
        _site_pass(lines, marks, file_counts, min_files, around, site, site_around, flags)
    for k, detail in loose.items():
        flags[k] = Verdict("boilerplate:pattern:nav", detail=detail)
    for k, verdict in keyword_lists(lines, flags, keywords).items():
        flags[k] = verdict
    return flags


def _core_pass(
    lines: list[tuple[LineInfo, Rule | None]],
    marks: list[int],
    around: list[Near],
    file_counts: Mapping[int, int] | None,
    min_files: int,
    enclosed_files: int,
    flags: list[Verdict | None],
    where: str = "",
    enclosed_only: bool = False,
) -> int:
    """``_core.first_pass`` with floors ``min_files`` (a block) and ``min(min_files, enclosed_files)`` (enclosed).

    The core sets the verdicts of the lines without one in ``flags`` (in place; with ``enclosed_only``,
    only those of a line between the same neighbours), ``where`` in their details after "in N files":
    a rule's (``boilerplate:pattern:<kind>``, its name), else a separated menu's, else a recurring
    block's. It builds them itself: on the benchmark corpus (300,000 paragraphs, one worker) the Python
    loop that made the 138,329 verdicts of the core's answers was 0.2 s of the 0.26 s of
    ``_first_pass`` under cProfile.

    Returns:
        how many lines got a verdict.
    """
    return _core.first_pass(
        lines,
        marks,
        around,
        file_counts,
        min_files,
        min(min_files, enclosed_files),
        FREQUENCY_MAX_WORDS,
        MENU_MIN_PARTS,
        MENU_MAX_STOPWORDS,
        flags,
        Verdict,
        where,
        enclosed_only,
    )


def _site_pass(
    lines: list[tuple[LineInfo, Rule | None]],
    marks: list[int],
    file_counts: Mapping[int, int],
    min_files: int,
    around: list[Near],
    site: str,
    site_around: list[Near],
    flags: list[Verdict | None],
) -> None:
    """The first pass of a document of ``site``: sets its verdicts in ``flags`` (in place).

    Within the site (``site_around``), the rules of :func:`_first_pass` and a line alone in
    ``min_files`` files (``SITE_LONE``: a letter, not prose); across sites (``around``), a
    three-line block in ``min_files`` files only (see ``SITE_LONE``).
    """
    _core_pass(lines, marks, site_around, file_counts, min_files, ENCLOSED_MIN_FILES, flags, f" of {site}")
    _core_pass(lines, marks, around, file_counts, _NO_FLOOR, min_files, flags, " across sites", enclosed_only=True)
    for k, (info, _) in enumerate(lines):
        if flags[k] is not None or not marks[k] & LETTER or info.prose or info.n_words >= FREQUENCY_MAX_WORDS:
            continue
        if info.text.endswith(":"):
            continue  # a field's label ("Country:") announces the site's data, not its chrome
        n_files = file_counts.get(site_around[k][0], 0)
        if n_files >= min_files:
            flags[k] = Verdict(SITE_LONE, detail=f"in {n_files} files of {site}")


def _loose_menus(lines: list[tuple[LineInfo, Rule | None]], marks: list[int]) -> dict[int, str]:
    """Returns the separated menus that a limit of ``MENU`` misses, with their verdict's detail.

    A line with a rule is left to the rule (``_first_pass`` names it first). Only the lines the
    core marks ``MENU`` (short items, see :func:`_short_item_menu`) or ``SEPARATED`` without
    ``MENU`` (long items, see :func:`_long_item_menu`) are read: the core names them
    (``_core.marked``; a Python loop over every line's flags was 0.05 s of marking's 2.1 s under
    cProfile, the benchmark corpus, one worker).
    """
    found = {}
    for k in _core.marked(marks, MENU | SEPARATED):
        if lines[k][1] is not None:
            continue
        info, line = lines[k][0], marks[k]
        if line & MENU and _short_item_menu(info):
            found[k] = "separated-menu-short-items"
        elif not line & MENU and _long_item_menu(info):
            found[k] = "separated-menu-long-items"
    return found


def _short_item_menu(info: LineInfo) -> bool:
    """A menu that only its function words kept from ``MENU``: a bar of short names ("About Us | Contact Us").

    Its function-word share is over ``MENU_MAX_STOPWORDS`` but at most
    ``SHORT_MENU_MAX_STOPWORDS``, with at least ``SHORT_MENU_MIN_PARTS`` items of at most
    ``SHORT_MENU_ITEM_WORDS`` words on average.
    """
    if not MENU_MAX_STOPWORDS < info.stop_share <= SHORT_MENU_MAX_STOPWORDS:
        return False
    items = sum(1 for part in _MENU_SEPARATOR.split(info.text) if _LETTER.search(part))
    return items >= SHORT_MENU_MIN_PARTS and info.n_words <= SHORT_MENU_ITEM_WORDS * items


def _long_item_menu(info: LineInfo) -> bool:
    """A menu with a few items too long for ``MENU`` (see ``LONG_MENU_MIN_PARTS``)."""
    if info.stop_share > MENU_MAX_STOPWORDS:
        return False
    parts = [part.strip(" -[]()") for part in _MENU_SEPARATOR.split(info.text)]
    parts = [part for part in parts if _LETTER.search(part)]
    if any(":" in part for part in parts):
        return False  # a field with its value: "Letters: Roads | Taxes" is a title, as for MENU
    short = sum(1 for item in describe_many(parts) if item.n_words <= MENU_PART_WORDS and not item.sentence)
    return len(parts) >= LONG_MENU_MIN_PARTS and short >= LONG_MENU_SHORT_SHARE * len(parts)


# Date and byline rules whose lines, when they head entries, make a dated list.
_DATED_KINDS = ("boilerplate:pattern:date", "boilerplate:pattern:byline")


# Rules that read whole notices (a cookie banner, a newsletter call) and so can hit an
# article's own sentence about privacy, cookies or a mailing list.
_NOTICE_RULES = ("cookie-banner", "privacy-notice", "newsletter")
# Of those, the rules whose words an article's sentence uses as often as a notice does ("another reader
# of this newsletter", "this is an e-newsletter only"): a hit of MENTION_MIN_WORDS words or more is
# spared also between one prose paragraph and a line of MENTION_LINE_WORDS words or more. A newsletter
# box stands among a widget's bare labels (a name, "Subscribe") and its call is short ("Join the
# Society and receive our monthly e-newsletter": 9 words); a banner about cookies closes the page just
# under the article, over a short line as often ("Privacy & Cookies Policy"), so those rules keep prose
# on both sides. On eval-pages-dev: content words lost with no copy kept by the newsletter rule 298 ->
# 201, no chrome line kept more; eval-dev unchanged. Without the hit's length, 4 calls of 9 to 11 words
# stayed, one of them in a block of chrome that then no longer went whole (chrome recall by words
# 0.7577 -> 0.7570); with the cookie and privacy rules too, eval-dev's chrome recall 0.917 -> 0.915
# (two cookie banners over "Privacy & Cookies Policy").
_MENTION_RULES = ("newsletter",)
MENTION_MIN_WORDS = 15
MENTION_LINE_WORDS = 3


def _spare_article_notices(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """Unflags a notice rule's hit on a prose paragraph between two unflagged prose paragraphs, in place.

    A banner stands apart from the article, among the page's chrome; a paragraph of the
    article that speaks of cookies, trackers or privacy has the article on both sides. A long
    hit of the ``_MENTION_RULES`` (a newsletter) needs the article on one side only, with a
    line of ``MENTION_LINE_WORDS`` words or more on the other (a heading of the article). The
    native core walks the lines (``_core.spare_notices``, native/src/entries_py.rs; the plain
    loop is the tests' oracle, tests/mark_reference.py).

    Raises:
        ValueError: ``flags`` is not as long as ``infos``.
    """
    _core.spare_notices(infos, flags, _NOTICE_RULES, _MENTION_RULES, (MENTION_MIN_WORDS, MENTION_LINE_WORDS))


def _dated_rules(lines: list[tuple[LineInfo, Rule | None]]) -> list[Verdict | None]:
    """Returns the verdicts of the date and byline rules alone (the lines kept as a dated list).

    When only the signals that read the article run again (after dedup), a dated list
    may have lost entries to dedup: its dates are weighed again, as a second clean would.
    ``lines``: the shapes and first matching rules of the lines (a rule is read on lines of
    at most ``DATED_MAX_WORDS`` words). The native core walks the lines (``_core.dated_rules``,
    native/src/entries_py.rs; the plain loop is the tests' oracle, tests/mark_reference.py).
    """
    return _core.dated_rules(lines, _DATED_KINDS, DATED_MAX_WORDS, Verdict)


# A date rule takes a bare time or duration ("06:05", "45 min") for the stamp of a post; in a table written
# a cell a line (a timetable's departures, a comparison's running times) they stand in a column, one under
# the other: a run of at least this many consecutive lines that a date rule flagged, each of at most
# STAMP_CELL_WORDS words and opening with a figure, is a table's data ("March 2005" over "February 2005",
# an archive's months, opens with a word and stays chrome). Issue 13's audit19: content lost 70 -> 60 of 371
# lines, a product comparison's table (its durations flagged made the cells around them chrome beside chrome,
# a headline run); eval-dev, the pairs and eval-pages-dev byte-identical (the pages have no such run).
STAMP_CELL_RUN = 3
STAMP_CELL_WORDS = 2


def _table_stamps(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """Unflags the date rules' lines that stand in a table's column (see ``STAMP_CELL_RUN``), in place.

    A cell: a line that a date rule flagged, of at most ``STAMP_CELL_WORDS`` words, a figure first
    (``text[:1].isdigit()``). Called in every round: the native core reads the verdicts and only the lines a
    date rule flagged (none, in most rounds; ``_core.table_stamps``, native/src/walks_py.rs; the plain loop
    is the tests' oracle, tests/mark_reference.py).
    """
    _core.table_stamps(infos, flags, _DATED_KINDS[0], STAMP_CELL_WORDS, STAMP_CELL_RUN)


# A podcast's or a video's chapters: lines that open with a timestamp and name a part ("00:00 Intro", "03:15 Why
# plans slip"), the first at the very start (0:00, as video sites require of chapters), each later than the one
# above. A date rule takes such a time for a post's stamp: in a run of at least CHAPTER_MIN such lines, its
# verdicts go. Issue 13's audit23 (podcast pages in zh, tl, it): 4 chapter lines lost as date-lines, and the rest
# of each list kept (content lost 102 -> 98 of 491 lines with the other fixes of the branch); a live blog's or a
# timetable's times start at the hour, not at 0:00. eval-dev, the pairs and eval-pages-dev byte-identical.
CHAPTER_MIN = 3
_CHAPTER = re.compile(r"(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)\s+\S")


def _chapter_seconds(text: str) -> int | None:
    """The seconds of the timestamp that opens a chapter line ("01:02:03 Title"), else None (also "1:75:00")."""
    found = _CHAPTER.match(text)
    if found is None:
        return None
    hours, minutes, seconds = (int(part or 0) for part in found.groups())
    if found.group(1) is not None and minutes > 59:  # past an hour, minutes are a clock's
        return None
    return (hours * 60 + minutes) * 60 + seconds


def _chapter_lists(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """Unflags the date rules' verdicts on the lines of a list of chapters (see ``CHAPTER_MIN``), in place.

    A list opens with a line a date rule flagged whose timestamp is 0:00 and runs down while each line opens
    with a later timestamp.
    """
    for k, flag in enumerate(flags):
        if flag is None or not infos[k].text.startswith("0") or not flag.reason.startswith(_DATED_KINDS):
            continue
        if _chapter_seconds(infos[k].text) != 0:
            continue
        end, last = k + 1, 0
        while end < len(infos) and (seconds := _chapter_seconds(infos[end].text)) is not None and seconds > last:
            end, last = end + 1, seconds
        if end - k >= CHAPTER_MIN:
            for j in range(k, end):
                if (found := flags[j]) is not None and found.reason.startswith(_DATED_KINDS):
                    flags[j] = None


def _keep_dated_list(infos: list[LineInfo], marks: list[int], flags: list[Verdict | None]) -> dict[int, Verdict]:
    """Unflags the dates and bylines that head the entries of a dated list, in place.

    A date above a line no signal flagged (an entry of a diary, a schedule, a news list, a forum's posts), found
    at least ``DATED_LIST_MIN`` times in the document, is part of the content; a date above another date (an
    archive's months over its posts' stamps: a line that is not prose and holds a date) or alone above an
    article (a byline) is not. An entry that is prose heads its list whatever dates it names ("Mars 2024" over
    "La mairie a confirmé le 12 mars 2024 que ..."): a digest's entries restate their day. On eval-pages-dev:
    157 content words kept more and 19 lost (the scorer's content lost with no copy 24,388 -> 24,272 tokens), 33
    chrome words kept (chrome recall by words 0.7565 either way, removal precision 0.9437 -> 0.9441); eval-dev
    and the audits unchanged. A date just above such a head that is a byline ("06-29-2004, 09:31 AM" over
    "Originally posted by Name", a forum post's header) heads the entry too; a byline above a date is the
    signature of the entry before ("Name 6/04/2005 06:35 PM |"), and stays flagged. On eval-pages-dev: a forum
    thread's 8 post dates and the 5 names above them kept (27 content words), no chrome line kept more.
    ``marks``: the lines' :func:`line_marks`. The entries are searched for a date only on a page with enough
    heads, and only those with a figure (see ``DATED_LIST_MIN``): the search of a long paragraph under each
    byline of a page cost 0.8 s of the 5 s of the marking of eval-pages-dev under cProfile. The native core
    walks the lines (``_core.dated_heads``, native/src/entries_py.rs; the plain loop is the tests' oracle,
    tests/mark_reference.py).

    Returns:
        the verdicts taken off, by line (:func:`mark` puts them back when too few entries stay).

    Raises:
        ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
    """
    return _core.dated_heads(infos, flags, marks, _DATED_KINDS, DATED_LIST_MIN, date_search())


def _teaser_list(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """Flags the entries of a teaser list under a "related" heading, in place (position:teaser-list).

    The heading is a line the ``related-label`` rule flagged ("Related stories", "Also on
    the site:"); the list starts after it and at most ``TEASER_SKIP`` flagged lines or bare
    labels ("Loading slideshow", an advertisement), and needs ``TEASER_LIST_MIN`` entries: an
    entry is an unflagged headline (it does not end like a sentence, it has ``TITLE_MIN_WORDS``
    to ``TEASER_TITLE_WORDS`` words) and the unflagged prose paragraph just under it. A headline
    over a blurb, again and again, is how other articles are announced. The blurbs are prose, so
    without this they would stretch the article's body down to the last of them. The native core
    walks the lines (``_core.teaser_list``, native/src/entries_py.rs; the plain loop is the tests'
    oracle, tests/mark_reference.py).

    Raises:
        ValueError: ``flags`` is not as long as ``infos``.
    """
    _core.teaser_list(infos, flags, _RELATED_HEADING, _TEASER_LIMITS, Verdict)


# A page on which no line is prose has no body for the position signal to measure from, and its menus and footer all
# stay: so reads a page in a language whose function words the lexicon lacks (Lithuanian, Estonian, Georgian,
# Norwegian or Turkish in few words). There, and only there, the prose is found by its shape alone: a sentence of
# TERSE_PROSE_WORDS words or more (the prose test's length) broken into clauses (a clause break: one of
# ``,;،、，；.!?।。።፣፤។၊။`` with white space after it, inside it) makes the page an article, and each unflagged sentence
# of it of TERSE_SENTENCE_WORDS words or more with a clause break is prose. A menu item, a field or a title seldom
# ends like a sentence with a clause inside. Issue 13's audit18 (32 pages in 26 languages): chrome lines kept 242 ->
# 142 of 966, content lines lost 58 -> 59 of 534 (with the table's rows of page_kind.py; a docs page's title over its
# only paragraph goes as its header); audit17: chrome kept 60 -> 53, content lost unchanged. Every sentence prose (no
# clause break asked) lost a job advert's lists around its one-sentence description (audit17: 12 lines) and kept a
# classified ad's questions to its seller as its body; the long sentence alone as the body lost a docs page's code and
# table under it as its footer (26 lines). eval-dev, the pairs and eval-pages-dev byte-identical.
TERSE_PROSE_WORDS = PROSE_MIN_WORDS
TERSE_SENTENCE_WORDS = 4
# On a page that has prose, a sentence of an agglutinative language (Turkish, Finnish, Hungarian: its
# postpositions and particles are written onto the word) reaches PROSE_MIN_WORDS with 5-15% of function
# words, under PROSE_MIN_STOPWORDS, so an FAQ's answers or a notice's paragraphs were cut as the header or
# footer around the one that passed. A sentence of TERSE_PROSE_WORDS words or more with a clause break and
# at least this share of function words is prose there too (a menu or a title has none, a line of names
# with commas none either). Issue 13's audit19 (30 pages in 29 languages): content lost 83 -> 70 of 371
# lines (333 -> 216 words), chrome kept 102 -> 104 of 544 (a recipe's readers' comment); audit17: 33 -> 26
# of 363 (a Ukrainian wiki's infobox and lead), chrome kept 54 -> 59 (its licence sentence under the body
# now closes it); eval-pages-dev: content lost with no copy 25,935 -> 25,721
# tokens, removal precision 0.9416 -> 0.9418, chrome recall by words 0.7576 -> 0.7568; eval-dev: unique
# content lost 3 -> 1 of 1,858.
CLAUSE_PROSE_STOPWORDS = 0.05
# A language of long words (Tamil, whose vowel signs are marks: "விக்கெட்! ராகுல் ... வெளியேறினார்." is 8 words
# and 58 letters) says in 6 to 9 words what English says in 10: there a sentence of clauses of TERSE_SENTENCE_WORDS
# words and TERSE_PROSE_LETTERS letters or marks makes the page an article too (an English sentence of 10 words
# has 40 to 50). Audit18: a Tamil live page's menu (9 chrome lines) goes, nothing else changes; audit17, eval-dev,
# the pairs and eval-pages-dev byte-identical.
TERSE_PROSE_LETTERS = 50
_ROUND_PROSE_LIMITS = (TERSE_PROSE_WORDS, TERSE_SENTENCE_WORDS, TERSE_PROSE_LETTERS, CLAUSE_PROSE_STOPWORDS)


def _round_prose(infos: list[LineInfo], flags: list[Verdict | None], marks: list[int]) -> list[LineInfo]:
    """Returns the shapes with each line of hard-wrapped prose marked prose, then the sentences of a page of none.

    Lines that continue a sentence (a line that ends mid-sentence, no stop, no colon:
    :data:`STOP_END`, over one that opens in lower case, neither flagged: hard-wrapped prose,
    "Residents of the town voted on" / "Monday to ...") are one unit for the position signal: when
    the unit, joined, is prose, each of its lines is, so the first and last lines of a wrapped
    paragraph (short on their own) are neither header nor footer. Then, on a page with no prose,
    its sentences of clauses (see ``TERSE_PROSE_WORDS`` and ``TERSE_PROSE_LETTERS``), and on a page with
    prose, its long sentences of clauses with a few function words (see ``CLAUSE_PROSE_STOPWORDS``). The
    native core walks the lines (``_core.round_prose``, native/src/walks_py.rs; the plain Python is the
    tests' oracle, tests/mark_reference.py ``wrapped_prose``, ``clause_prose`` and ``terse_prose``): on the
    benchmark corpus (300,000 paragraphs, one worker) the two first Python walks were 0.38 s of the rounds'
    2.9 s under cProfile.

    Returns:
        ``infos`` itself when no line changed, else a new list.

    Raises:
        ValueError: ``flags`` or ``marks`` is not as long as ``infos``.
    """
    return _core.round_prose(shapes_core(), infos, flags, marks, _ROUND_PROSE_LIMITS)


# A date or a time anywhere in a line; a capitalised word or an "@handle" left once they are taken out.
_STAMP_SEARCH = compile_cached(r"(?<!\w)(?:" + MASKS["‹date›"] + "|" + MASKS["‹time›"] + ")", re.IGNORECASE)
# The rules whose lines sign a comment (who and when) or mark a thread.
_THREAD_MARKER = "boilerplate:pattern:comments"
_SIGNED_KINDS = ("boilerplate:pattern:byline",)
_SIGNED_RULES = ("comment-header",)
# A dated list's entries that went with the page's last block went whole, their dates with them (see
# :func:`_round`). The last block was a walk of its own run after the dated list's count; counting its
# entries as gone keeps that order's outputs (eval-pages-dev and eval-dev byte for byte; counted as
# entries left, the list is read again with its dates flagged, which cut its last block up: one page,
# 198 chrome words kept more, 100 content words fewer lost). Counting the blocks apart too
# (``outlying-block``), one page loses 31 content words more: not taken.
_APART = ("boilerplate:position:outlying-tail",)


def attribution_line(info: LineInfo, flag: Verdict | None) -> bool:
    """True for the line that signs a comment or a post: who wrote it and when.

    A byline or a comment header the rules found ("Name on ‹date› said:"), or a short line
    (at most ``ATTRIBUTION_MAX_WORDS`` words) with a date or a time and, besides them, a
    name-like token: a word with a capital letter ("Jane Doe", "jdoe_77 / Moderator") or an
    "@handle". Language-general: dates and times in the masks' forms, names by their case.
    """
    if flag is not None and (flag.reason.startswith(_SIGNED_KINDS) or flag.detail in _SIGNED_RULES):
        return True
    if info.n_words > ATTRIBUTION_MAX_WORDS or not _DIGITS.search(info.text):
        return False
    rest, stamps = _STAMP_SEARCH.subn(" ", info.text)
    return stamps > 0 and any(word[:1].isupper() or (word[:1] == "@" and len(word) > 1) for word in rest.split())


def _comment_thread(infos: list[LineInfo], flags: list[Verdict | None]) -> None:
    """Flags a comment thread below the article, in place (``boilerplate:structure:comments``).

    The thread starts at the first line of the comments rules (a count, a "leave a reply", a
    comment's controls) that has at least ``THREAD_ARTICLE_WORDS`` words of unflagged prose
    above it, when at least ``THREAD_MIN_ATTRIBUTIONS`` attribution lines (see
    :func:`attribution_line`) stand below it, and runs to the end of the page: the comments
    and the chrome under them. Lines other rules flagged keep their verdicts. A dated list
    inside the article (an interview's timed turns, a diary) has no comments marker above
    it, or not one below the article.
    """
    article_words = 0
    below: list[int] | None = None  # attribution lines below each line, counted at the first candidate marker
    for k, (info, flag) in enumerate(zip(infos, flags)):
        if flag is None:
            article_words += info.n_words if info.prose else 0
            continue
        if flag.reason != _THREAD_MARKER or article_words < THREAD_ARTICLE_WORDS:
            continue
        if below is None:
            below = [0] * (len(infos) + 1)
            for j in range(len(infos) - 1, k, -1):
                below[j] = below[j + 1] + attribution_line(infos[j], flags[j])
        signed = below[k + 1]
        if signed < THREAD_MIN_ATTRIBUTIONS:
            continue
        detail = f"thread below the marker {infos[k].text[:40]!r} ({flag.detail}), {signed} attribution lines"
        for j in range(k, len(infos)):
            if j == k or flags[j] is None:
                flags[j] = Verdict("boilerplate:structure:comments", detail=detail)
        return


def shapes(paras: list[Paragraph], rules: list[Rule]) -> list[tuple[LineInfo, Rule | None]]:
    """Returns the shape and first matching rule of each paragraph."""
    return memo_for(rules).shapes([p.text for p in paras])


def mark(
    doc: Document,
    rules: list[Rule],
    file_counts: Mapping[int, int] | None,
    min_files: int,
    protect: frozenset[int] = frozenset(),
    line_signals: bool = True,
    lines: list[tuple[LineInfo, Rule | None]] | None = None,
    comments: str = "keep",
    around: list[Near] | None = None,
    marks: list[int] | None = None,
    site: str | None = None,
) -> int:
    """Sets a boilerplate verdict on each chrome paragraph of ``doc``.

    Args:
        doc: the document; paragraphs already removed are left alone.
        rules: the pattern rules (built-in and user).
        file_counts: files per 64-bit frequency key over the whole corpus (``hash64`` of the key,
            :class:`~nettoyeur.boilerplate.line_counts.LineCounts`; None: no signal).
        min_files: the frequency floor.
        protect: indices of paragraphs never to flag (the kept copies that removed
            duplicates point at: removing them would lose every copy).
        line_signals: False when every kept paragraph is known to pass the signals that
            read a line alone (the rules and the ``min_files`` floor), as after an earlier
            :func:`mark` with the same rules and counts: only the signals that read the
            article around a line run.
        lines: the shape and first matching rule of each kept paragraph, in order, as
            :func:`shapes` gives them (with ``line_signals`` False only the date and byline
            rules are read: :func:`_dated_rules`); None: found here.
        comments: ``drop`` flags a comment thread below the article (:func:`_comment_thread`;
            with ``line_signals`` only: the re-mark after dedup finds the thread gone);
            ``keep`` leaves comments to the other signals.
        around: the frequency keys of each kept paragraph's line and pairs, in order, as
            :func:`neighbours` gives them (the re-mark pass reads those pass 2 found); None:
            found here.
        marks: the :func:`line_marks` of each kept paragraph, in order (the re-mark pass reads
            those pass 2 found); None: found here.
        site: the document's site (:func:`~nettoyeur.boilerplate.sites.document_site`): its
            frequency signals count files of that site (see ``SITE_LONE``); None: of the corpus.

    Returns:
        the number of paragraphs marked, over every round (the signals that read the
        article run again on the lines kept until they mark nothing more).

    Raises:
        ValueError: ``lines``, ``around`` or ``marks`` does not hold one entry per kept paragraph.
    """
    paras = [p for p in doc.paragraphs if p.verdict is None]  # (``p.kept``: a property call each)
    if lines is None:
        lines = shapes(paras, rules)
    elif len(lines) != len(paras):
        raise ValueError(f"{doc.path}: {len(lines)} shapes given for {len(paras)} kept paragraphs")
    infos = list(map(_SHAPE, lines))
    marks, around = line_data(doc, paras, infos, file_counts is not None, marks, around)
    site_around = None if site is None or file_counts is None else _scoped(around, site)
    page = _Lines.of(lines, infos, marks, around, site_around)
    removed = _Once(partial(removed_prose, doc))  # asked only of a page of little prose (page_kind.py)
    marked = 0
    while True:
        flags = _round(page, file_counts, min_files, line_signals, comments, site, removed)
        # ``any`` reads each verdict's truth in C; ``flags.count(None)`` called the dataclass's ``__eq__``
        # in Python for every flagged line: 0.119 s of ``mark``'s 2.56 s under cProfile (the benchmark
        # corpus, one worker), 6.3 M of the 446 M instructions of marking 600 of its documents.
        if not any(flags):
            return marked  # the last round of each document (a verdict is always true: no ``__bool__``)
        # The core sets the verdicts (``_core.set_verdicts``, native/src/walks_py.rs): the loop over the
        # round's paragraphs and the list of those left were 0.07 s of ``mark``'s 2.1 s under cProfile
        # (the benchmark corpus, one worker).
        found, left = _core.set_verdicts(paras, flags, protect)
        if not found:
            return marked
        marked += found
        # The output must be what a second clean leaves: that clean reads the page without
        # the lines removed here (its body's bounds, its blocks, its hard-wrapped units
        # change), so the signals that read the article run again on the lines kept, until
        # they remove nothing (the line signals already passed them). A line's shape, frequency
        # keys and flags do not change with what was removed around it: they are passed on, not
        # found again (neighbours and line flags were 0.5 s of a round's 2.3 s, benchmark corpus).
        paras, page = [paras[k] for k in left], page.keep(left)
        line_signals = False


class _Once:
    """A function's value, found at the first call and kept for the next ones.

    ``functools.cache`` did this with a wrapper made for each document (``update_wrapper``
    copies the function's attributes): 2.4% of the analyse pass's samples on c300 (py-spy,
    one worker); this object costs an allocation.
    """

    __slots__ = ("_function", "_value")

    def __init__(self, function: Callable[[], int]) -> None:
        self._function = function
        self._value: int | None = None

    def __call__(self) -> int:
        """Returns the function's value (called the first time only)."""
        if self._value is None:
            self._value = self._function()
        return self._value


_NONE: frozenset[int] = frozenset()
_NO_POINTERS: Mapping[int, str] = MappingProxyType({})
_SHAPE = itemgetter(0)  # a line's shape, of its (shape, rule)


class _Lines(NamedTuple):
    """A document's kept lines as a round of :func:`mark` reads them; what a line alone tells is found once.

    Attributes:
        lines: the shape and first matching rule of each (``mark``'s ``lines``).
        infos: their shapes alone.
        marks: their :func:`line_marks`.
        around: their frequency keys (:func:`neighbours`).
        links: the lines that end with a count (:func:`~nettoyeur.boilerplate.link_lists.counted_link`):
            the counted lists' runs are made of them.
        site_around: their frequency keys scoped to the document's site (:func:`_scoped`), or
            None (no site, or no counts).
        pointers: the lines that end with a pointer after a title, each with its pointer
            (:func:`~nettoyeur.boilerplate.link_lists.pointer_links`): the pointer lists' runs are made of them.
        excerpts: the lines cut off by an ellipsis (:func:`~nettoyeur.boilerplate.link_lists.cut_excerpts`):
            the excerpt lists' runs are made of them.
        keywords: the candidates of the keyword lists, increasing (``_core.line_ends``, see
            :func:`~nettoyeur.boilerplate.keyword_lists.keyword_lists`): read by the first round only.
    """

    lines: list[tuple[LineInfo, Rule | None]]
    infos: list[LineInfo]
    marks: list[int]
    around: list[Near]
    links: frozenset[int]
    site_around: list[Near] | None
    pointers: Mapping[int, str]
    excerpts: frozenset[int] = _NONE
    keywords: list[int] | None = None

    @classmethod
    def of(
        cls,
        lines: list[tuple[LineInfo, Rule | None]],
        infos: list[LineInfo],
        marks: list[int],
        around: list[Near],
        site_around: list[Near] | None = None,
    ) -> _Lines:
        """Returns the lines of a document with what their shapes and flags tell.

        The arguments are ``mark``'s (``infos``: the shapes of ``lines`` alone).
        """
        # A counted link ends with ")" (and has a figure: the regular expression's \d); a page with fewer such
        # lines than a counted list needs has none (``links`` is read only where it has ``COUNTED_RUN_MIN``:
        # :func:`_structure_signals`). Most pages have no line that ends with a pointer ("Send a Tip »").
        # The core reads the lines' last characters, words and function-word shares (``_core.line_ends``,
        # native/src/walks_py.rs): on the benchmark corpus (300,000 paragraphs, one worker) the joined lines'
        # count of ")\n" and the set of their last characters in Python were 0.17 s of the 2.1 s of ``mark``
        # under cProfile, the walks of the cut excerpts and keyword lists 15% of its samples (py-spy).
        closed, pointed, cut, keywords = _core.line_ends(infos, POINTERS, CUT_CANDIDATES, KEYWORD_CANDIDATES)
        links = _NONE
        if len(closed) >= COUNTED_RUN_MIN:
            links = frozenset(k for k in closed if marks[k] & DIGIT and counted_link(infos[k].text))
        pointers: Mapping[int, str] = _NO_POINTERS
        if pointed:
            pointers = pointer_links([info.text for info in infos])
        # Found once a document, like the links: a line's text and words do not change between rounds.
        return cls(lines, infos, marks, around, links, site_around, pointers, cut_excerpts(infos, cut), keywords)

    def keep(self, left: list[int]) -> _Lines:
        """Returns the lines at the positions ``left`` (increasing): those a round kept.

        The keyword lists' candidates are not carried: only the first round reads them.
        """
        lines, infos = list(map(self.lines.__getitem__, left)), list(map(self.infos.__getitem__, left))
        marks, around = list(map(self.marks.__getitem__, left)), list(map(self.around.__getitem__, left))
        site_around = None if self.site_around is None else list(map(self.site_around.__getitem__, left))
        links, pointers, excerpts = self.links, self.pointers, self.excerpts
        if links or pointers or excerpts:
            at = {k: j for j, k in enumerate(left)}
            if links:
                links = frozenset(at[k] for k in links if k in at)
            if pointers:
                pointers = {at[k]: mark for k, mark in pointers.items() if k in at}
            if excerpts:
                excerpts = frozenset(at[k] for k in excerpts if k in at)
        return _Lines(lines, infos, marks, around, links, site_around, pointers, excerpts)


def _round(
    page: _Lines,
    file_counts: Mapping[int, int] | None,
    min_files: int,
    line_signals: bool,
    comments: str,
    site: str | None = None,
    removed: int | Callable[[], int] = 0,
) -> list[Verdict | None]:
    """Returns the verdicts of one round of :func:`mark` on the kept lines ``page`` (the rest: ``mark``'s arguments).

    ``removed``: the words of the page's prose that another step removed, or a function that returns them
    (:func:`~nettoyeur.boilerplate.page_kind.removed_prose`).
    """
    lines, infos, marks, around, site_around = page.lines, page.infos, page.marks, page.around, page.site_around
    read_at, where = (around, "") if site_around is None else (site_around, f" of {site}")
    if line_signals:
        flags = _first_pass(lines, marks, file_counts, min_files, around, site, site_around, page.keywords)
    else:
        flags = _dated_rules(lines)
    _table_stamps(infos, flags)
    _chapter_lists(infos, flags)
    known = list(flags)  # the verdicts of the rules that know a line (page_kind.py reads them)
    # The notices spared, the comment thread, the teaser lists, the headline runs and the dated
    # lists each act on or beside a flagged line only: with no line flagged yet (most rounds of
    # the fixed point), they are not run (on the benchmark corpus, 0.2 s of the rounds' 1.4 s
    # under cProfile).
    if any(flags):
        _spare_article_notices(infos, flags)
        if comments == "drop" and line_signals:
            _comment_thread(infos, flags)
    infos = _round_prose(infos, flags, marks)
    flags = _structure_signals(infos, page.links, flags, page.pointers, page.excerpts)
    heads: dict[int, Verdict] = {}
    if any(flags):
        _teaser_list(infos, flags)
        for k, verdict in headline_runs(infos, flags, marks).items():
            flags[k] = verdict
        heads = _keep_dated_list(infos, marks, flags)
    line_flags = flags
    flags = _article_signals(infos, marks, line_flags, file_counts, read_at, where)
    if heads:
        # A date or byline that heads an entry stays while its entry does, also beside the chrome
        # under the entry before it (its "Posted at 8:41 PM | 3 comments" line), which made it
        # ``position:inline-*``: the dated list said it is content. On eval-pages-dev: 134 words
        # of content fewer lost with no copy kept (1.441% -> 1.435%), 65 words of chrome fewer
        # removed (chrome recall by words 0.722 either way); eval-dev unchanged. The header's and
        # the footer's verdicts stand (with them too: eval-dev's chrome recall 0.916 -> 0.913, the
        # bylines above its articles).
        for k in heads:
            flag = flags[k]
            if flag is not None and flags[k + 1] is None and flag.reason.startswith(_INLINE):
                flags[k] = None
        _list_below_body(infos, heads, line_flags, flags)
        alive = [k for k in heads if flags[k] is None and flags[k + 1] is None]
        apart = [k for k in heads if flags[k] is not None and flags[k].reason in _APART]  # went whole
        if len(alive) + len(apart) < DATED_LIST_MIN:
            # Too few entries are left for a dated list: the article is read again with
            # its dates flagged, as a second clean would read it.
            for k, flag in heads.items():
                line_flags[k] = flag
            flags = _article_signals(infos, marks, line_flags, file_counts, read_at, where)
        else:
            _foreign_first_head(infos, marks, heads, alive, flags)
            _first_entry_head(infos, heads, alive, flags)
            for k, flag in heads.items():  # a date whose entry went goes with it
                if k not in alive and flags[k] is None:
                    flags[k] = flag
    # The controls a page repeats under each entry go last: as flagged lines they would make their
    # neighbours (the entries' names and figures) chrome beside chrome (see repeats.py).
    for k, verdict in repeated_controls(infos, flags).items():
        flags[k] = verdict
    # A page that is no article (a product, a results table, a listing: page_kind.py) keeps its records and
    # its head where the signals above read it as an article and cut them as its header or footer (with no
    # line flagged, as in most rounds of the fixed point, there is nothing to spare).
    if any(flags):
        for k in spared_lines(infos, known, flags, READ_ALSO, _DATED_KINDS, removed):
            flags[k] = None
    return flags


def _list_below_body(
    infos: list[LineInfo], heads: dict[int, Verdict], line_flags: list[Verdict | None], flags: list[Verdict | None]
) -> None:
    """Keeps a dated list that the footer took just below the body, in place (``heads``: the list's heads).

    An event listing, a programme, a diary's days under an introduction: its heads ("Friday, 11 December") and
    its entries (a title, a place, a time, a price) are short lines, so the position signal read them as the
    footer of the one paragraph above. When the list's first head stands just under the body's last prose line
    and the footer flagged every line from there to the end of the last head's entry (the lines under it no
    rule flagged, no longer than the list's longest entry), those lines are the article's. Issue 13's audit18:
    an event listing's days and entries (11 content lines, 47 words) kept, no chrome line more; audit17,
    eval-dev, the pairs and eval-pages-dev byte-identical. Without "every line" (lines no signal flagged
    allowed), a blog's dated posts, the body itself, ran into its sidebar (eval-pages-dev: 17 chrome lines).
    """
    at = sorted(heads)
    if len(at) < 2:
        return
    first, last = at[0], at[-1]
    above = first - 1
    if above < 0 or flags[above] is not None or not infos[above].prose:
        return
    longest = max(b - a for a, b in zip(at, at[1:]))
    end = last + 1
    while end < min(len(infos), last + longest) and line_flags[end] is None:
        end += 1
    if end == last + 1 or any(flags[k] is None or flags[k].reason != _FOOTER for k in range(first, end)):
        return
    for k in range(first, end):
        flags[k] = None


def _first_entry_head(
    infos: list[LineInfo], heads: dict[int, Verdict], alive: list[int], flags: list[Verdict | None]
) -> None:
    """Keeps the head of a dated list's first entry that the header took, in place (``alive``: the heads kept).

    The list's first head stands just above the body's first paragraph, so the position signal read it as the
    header ("11:42 Uhr" over a live blog's latest entry, "16:45"). It stays when it is a head of the same rule
    as the list's other heads kept (the same detail: a byline above an article over a list of dated comments is
    not one) and its entry, the prose under it, is kept. Issue 13's audit18: two live blogs lost their latest
    entry's time. On eval-pages-dev: 10 content lines (50 words: "by John on July 15, 2012" over a post) kept
    more, 5 chrome lines (14 words); content words lost with no copy kept 26,560 -> 26,514; eval-dev unchanged.
    """
    details = {heads[k].detail for k in alive}
    for k, flag in heads.items():
        verdict = flags[k]
        if verdict is None or verdict.reason != _HEADER or flags[k + 1] is not None or not infos[k + 1].prose:
            continue
        if flag.detail in details:
            flags[k] = None
            alive.append(k)


def _foreign_first_head(
    infos: list[LineInfo], marks: list[int], heads: dict[int, Verdict], alive: list[int], flags: list[Verdict | None]
) -> None:
    """Flags a dated list's first head as the header's where the header's line under the title kept it, in place.

    The head is dated, stands between a kept line that is not prose (the title) and the body's first paragraph, and
    no other head kept is of its rule: a byline with a date above an article over its dated comments ("Posted on
    March 3, 2024 by Anna" over the comments' dates) heads no entry of that list, as :func:`_first_entry_head`
    reads it (``alive`` loses it). An undated one stayed there before and stays, and so does one over a line that
    is not prose (eval-pages-dev: 3 undated bylines under a post's title, and a dated one over a count of comments,
    all content, that went without these two limits).
    """
    first = min(heads)
    if first not in alive or first == 0 or flags[first - 1] is not None or infos[first - 1].prose:
        return
    if not infos[first + 1].prose:  # not over the body's first paragraph (alive: it is unflagged)
        return
    if not (marks[first] & DIGIT and date_search().search(infos[first].text)):
        return
    if heads[first].detail not in {heads[k].detail for k in alive if k != first}:
        flags[first] = Verdict(_HEADER, detail="short line above the article body")
        alive.remove(first)


def _structure_signals(
    infos: list[LineInfo],
    links: frozenset[int],
    flags: list[Verdict | None],
    pointers: Mapping[int, str] = _NO_POINTERS,
    excerpts: frozenset[int] = _NONE,
) -> list[Verdict | None]:
    """Returns ``flags`` with the verdicts of the signals that read a run of lines by its structure.

    Runs of links with counts (:func:`~nettoyeur.boilerplate.link_lists.counted_lists`; ``links``: the
    lines that end with a count): a page with fewer than ``COUNTED_RUN_MIN`` of them has no run. Runs
    of links with the same pointer (:func:`~nettoyeur.boilerplate.link_lists.pointer_lists`;
    ``pointers``: the lines that end with one, each with its pointer). Runs of excerpts cut off by an
    ellipsis (:func:`~nettoyeur.boilerplate.link_lists.excerpt_lists`; ``excerpts``: the lines cut so).
    """
    if len(links) >= COUNTED_RUN_MIN:
        for k, verdict in counted_lists(infos, flags, links).items():
            flags[k] = verdict
    if len(pointers) >= POINTER_RUN_MIN:
        for k, verdict in pointer_lists(infos, flags, dict(pointers)).items():
            flags[k] = verdict
    if len(excerpts) >= EXCERPT_RUN_MIN:
        for k, verdict in excerpt_lists(infos, flags, excerpts).items():
            flags[k] = verdict
    return flags


def line_data(
    doc: Document,
    paras: list[Paragraph],
    infos: list[LineInfo],
    counts: bool,
    marks: list[int] | None = None,
    around: list[Near] | None = None,
) -> tuple[list[int], list[Near]]:
    """Returns the line flags and frequency keys of the kept paragraphs: those given, else found (:func:`mark`).

    ``counts``: whether the frequency signal runs (without it every key is :data:`NO_COUNTS`).

    Raises:
        ValueError: ``marks`` or ``around`` does not hold one entry per kept paragraph.
    """
    if marks is None:
        marks = line_marks(infos)
    elif len(marks) != len(paras):
        raise ValueError(f"{doc.path}: {len(marks)} line flags given for {len(paras)} kept paragraphs")
    if not counts:
        around = [NO_COUNTS] * len(paras)
    elif around is None:
        around = neighbours(doc, paras, infos)
    elif len(around) != len(paras):
        raise ValueError(f"{doc.path}: {len(around)} frequency keys given for {len(paras)} kept paragraphs")
    return marks, around


def _article_signals(
    infos: list[LineInfo],
    marks: list[int],
    line_flags: list[Verdict | None],
    file_counts: Mapping[int, int] | None,
    around: list[Near],
    where: str = "",
) -> list[Verdict | None]:
    """Returns the verdicts once the signals that read the article have run over ``line_flags`` (left as is).

    The recurring labels foreign to the article, then the position signal; when blocks
    stand apart from the article, the position signal runs again on the article alone; then
    the page's last block.
    ``around``: the keys the counts are read at (a document's site's, scoped, when it has
    one); ``where`` names the site in the verdicts (" of example.com"). The native core runs
    them in one call (``_core.ArticleSignals``, native/src/article_py.rs; the plain Python it
    replaced is the tests' oracle, tests/mark_reference.py ``article_signals``): on the benchmark
    corpus (300,000 paragraphs, one worker) the Python between its five core calls (the article's
    lines, the body's end, the position signal, the content guards, the blocks) was 0.25 s of the
    0.74 s of this function under cProfile. In order:

    - The article's lines (the prose no signal flagged), and the labels seen in a few files (see
      ``OFFTOPIC_MIN_FILES``), which go when they share no stem with the article.
    - The body's start (``body_start`` in the oracle): the article's first line, or its lead above it.
      The lead is the run of sentences of ``PROSE_MIN_WORDS`` words or more, flagged by no signal,
      just above the first prose paragraph: the article's opening paragraphs with too few function
      words to count as prose (a terse news lead, a language whose function words are few or short:
      "Sähkön keskihinta pörssissä laski maaliskuussa lähes kolmanneksen ..." has one in 14 words).
      Read as the header, the nearest such sentence took the title's place and the title above it
      went, unless it shared stems enough with the article (issue 13's held-out Finnish, Ukrainian,
      Bengali and Indonesian news pages lost their headlines so). On eval-pages-dev few pages have
      such a lead: 12 content words and 10 chrome words of leads, all kept already, and the line
      above them taken for the title keeps 3 chrome words and 3 content words more.
    - The body's end (``body_end`` in the oracle): the article's last line, two cases aside. The
      first teaser under a "read also" label (``READ_ALSO``) that has function words enough to be
      prose is a headline (no statement's end: a question may be a teaser's; at most
      ``TEASER_TITLE_WORDS`` words), not the article's last paragraph: the body ends at the last
      unflagged line above the label. And a closing sentence (``TAIL_SENTENCE_WORDS`` words) under
      the article's own table is still the article's: the body ends with it, so that the table is
      inside the body. A table is ``TAIL_MIN_ROWS`` to ``TAIL_MAX_LINES`` unflagged lines, none a
      sentence, each with a figure or a field (a label of at most ``FIELD_LABEL_WORDS`` words, ": "
      and a value: "Goalkeeper: A. Name") but its heading (the first). Then a page that opens as a
      letter (a salutation: ``SALUTATION_WORDS`` words at most opening with a formula of
      ``content_guards.SALUTATIONS``, just above one of the body's first two prose paragraphs: "Dear
      friends,") runs to its closing formula (``CLOSING_WORDS`` words at most, no sentence, a formula
      of ``content_guards.CLOSINGS`` first: "With love,", "Cu drag,"; the core matches both,
      :func:`~nettoyeur.boilerplate.content_guards.formulas`), when
      one stands below the article's end within ``LETTER_TAIL_LINES`` lines that no signal flagged:
      what stands between is the letter's (its lists, its costs), and the footer's walk keeps the
      closing and the signature under it.
    - The position signal (``_POSITION_LIMITS``, ``_WEIGH_LIMITS``: native/src/mark.rs names the
      lines that may go, native/src/position.rs weighs them), asking the article's stems and the
      dates' search (:func:`~nettoyeur.boilerplate.rules.date_search`) of the few lines that need them, then the
      content guards (:mod:`nettoyeur.boilerplate.content_guards`: a letter's salutation, closing and signature, a
      field's value, signed entries are content by their structure): what it keeps and flags above,
      inside and below the body is told above ``_POSITION_LIMITS``.
    - The blocks apart from the article (``outlying`` in the oracle): the flagged lines cut the page
      into blocks wherever ``OUTLYING_GAP`` of them follow one another (a menu, a share bar, a footer),
      and so do as many bare labels in a row (a menu in a language no rule reads); the block with the
      most prose words is the article. A block cut off by chrome (above or below) is a candidate below
      ``OUTLYING_SHARE`` of the article's prose, one cut off by bare labels only (which may be the
      article's own list) below ``OUTLYING_LABEL_SHARE``; a candidate is set apart when fewer than
      ``OUTLYING_TOPIC`` of its stems are the article's (its lead's words with its prose's: a headline
      cut off from the article by its byline, dates and share buttons is about the lead as much as
      about the rest): the teasers of other articles, a blurb about the site, a sidebar. A block about
      the article (the rest of it after an advertisement, its comments) stays, and so does the article
      just above its comment thread (see ``ABOVE_THREAD_PROSE``); of a block set apart, a run of
      sentences about the article stays (see ``OUTLYING_RUN_LINES``), and so does the article's headline over
      its byline at the end of a block just above the article (see ``HEADLINE_BYLINE_LINES``). The article
      is then the main block alone: its shape and vocabulary are read again without the blocks set apart,
      so cleaning the output again finds the same.
    - The page's last block (``tail`` in the oracle), on the verdicts of the article alone: the
      blocks' cut, shorter at the page's end (``TAIL_GAP`` flagged lines), sets off the last block,
      which goes when it is light beside the prose above its cut and off its topic, unless its cut
      separates the entries of a page of entries (``position:outlying-tail``; see ``TAIL_GAP``).

    Raises:
        ValueError: ``line_flags``, ``marks`` or ``around`` is not as long as ``infos``.
    """
    return _signals().run(shapes_core(), infos, line_flags, marks, around, file_counts, where)


@cache
def _signals() -> _core.ArticleSignals:
    """The process's ``_core.ArticleSignals``: the limits above, the dates' search and the content guards.

    Raises:
        Untranslatable: see :func:`~nettoyeur.boilerplate.rules.date_search`.
        RuntimeError: see :func:`~nettoyeur.boilerplate.content_guards.formulas`.
    """
    return _core.ArticleSignals(
        ASKED_BEFORE_SET,
        (OFFTOPIC_MIN_FILES, FREQUENCY_MAX_WORDS, OFFTOPIC_TITLE_WORDS),
        (OUTLYING_GAP, OUTLYING_LABELS, OUTLYING_SHARE, OUTLYING_LABEL_SHARE, OUTLYING_TOPIC)
        + (TAIL_GAP, TAIL_MIN_LINES, TAIL_SHARE),
        (TEASER_TITLE_WORDS, TAIL_SENTENCE_WORDS, TAIL_MIN_ROWS, TAIL_MAX_LINES, PROSE_MIN_WORDS)
        + (FIELD_LABEL_WORDS, LETTER_TAIL_LINES),
        READ_ALSO,
        _POSITION_LIMITS,
        _WEIGH_LIMITS,
        _DATED_KINDS,
        spared_args(),
        date_search(),
        Verdict,
        count_words,
        (ABOVE_THREAD_PROSE, ABOVE_THREAD_GAP, _THREAD_MARKER),
        (OUTLYING_RUN_LINES, OUTLYING_RUN_WORDS, OUTLYING_RUN_SPAN, HEADLINE_BYLINE_LINES),
    )
