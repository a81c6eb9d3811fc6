"""Boilerplate removal: golden lines and documents, the three signals, laws, user rules."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dates_reference import DATE_SEARCH
from golden_documents import assert_marked
from golden_documents import document as _doc
from golden_documents import reread as _again
from nettoyeur import CleanConfig, clean_folder
from nettoyeur.boilerplate.line_counts import count_lines
from nettoyeur.boilerplate.line_shapes import describe
from nettoyeur.boilerplate.mark import mark
from nettoyeur.boilerplate.rules import builtin_rules, compile_template, load_rules
from nettoyeur.errors import ConfigError
from nettoyeur.records import Document

DATA = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RULES = builtin_rules()
REASON = re.compile(r"boilerplate:(pattern|frequency|position):[\w-]+")

LINES = DATA["lines"]
DOCUMENTS = DATA["documents"]


def _first_rule(text: str):
    info = describe(text)
    return next((r for r in RULES if r.matches(info.text, info.n_words)), None)



# --- golden lines: the pattern signal --------------------------------------------------


def test_golden_lines_cover_five_languages_and_both_verdicts():
    for lang in ("en", "fr", "de", "es", "it"):
        verdicts = {c["expect"] for c in LINES if c["lang"] == lang}
        assert verdicts == {"keep", "remove"}, lang


@pytest.mark.parametrize("case", [c for c in LINES if c["expect"] == "remove"], ids=lambda c: c["text"][:40])
def test_chrome_line_is_matched_by_a_rule_of_its_kind(case):
    rule = _first_rule(case["text"])
    assert rule is not None, "no rule matched"
    assert rule.kind == case["kind"]


@pytest.mark.parametrize("case", [c for c in LINES if c["expect"] == "keep"], ids=lambda c: c["text"][:40])
def test_content_line_is_matched_by_no_rule(case):
    rule = _first_rule(case["text"])
    assert rule is None, f"{rule.kind}:{rule.name} matched {case['why']}"


def _golden_texts(name: str) -> tuple[list[str], int]:
    """Returns the golden lines of a data file (its documents' lines too) and how many of them are chrome."""
    if name == "boilerplate_cases":
        lines, documents = LINES, DOCUMENTS
    else:  # one list of lines a language (tests/boilerplate/test_rule_languages.py)
        data = json.loads((Path(__file__).parents[1] / "data" / f"{name}.json").read_text(encoding="utf-8"))
        lines, documents = [case for cases in data["languages"].values() for case in cases], []
    texts = [c["text"] for c in lines] + [line["text"] for doc in documents for line in doc["lines"]]
    return texts, len([c for c in lines if c["expect"] == "remove"])


@pytest.mark.parametrize("name", ["boilerplate_cases", "boilerplate_languages"])
def test_no_rule_is_kept_from_a_line_its_pattern_matches_by_its_needles(name):
    # Needles only save time: a line that a rule's template matches (within its word
    # limit) must hold one of its needles. Checked on every golden line, chrome and content.
    texts, chrome = _golden_texts(name)
    checked = 0
    for text in texts:
        info = describe(text)
        for rule in RULES:
            if info.n_words <= rule.max_words and rule.pattern.fullmatch(info.text):
                checked += 1
                assert rule.matches(info.text, info.n_words), f"{rule.name}'s needles miss {text!r}"
    assert checked >= chrome


def test_rules_never_match_a_long_paragraph():
    sentence = "Ce site utilise des cookies et nous vous remercions de votre visite sur notre site. "
    info = describe(sentence * 12)
    assert info.n_words > 80
    assert not any(r.matches(info.text, info.n_words) for r in RULES)


# --- golden documents: all three signals in context -------------------------------------


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_document_lines_are_kept_or_removed_with_the_expected_signal(case):
    assert_marked(
        case,
        RULES,
        lambda verdict, expected: bool(REASON.fullmatch(verdict.reason))
        and verdict.reason.split(":")[1] == expected["signal"],
    )


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c["name"])
def test_cleaning_the_output_again_removes_nothing(case):
    doc = _doc([line["text"] for line in case["lines"]])
    mark(doc, RULES, None, 5)
    again = _again(doc)
    assert mark(again, RULES, None, 5) == 0
    assert [p.text for p in again.paragraphs] == [p.text for p in doc.paragraphs if p.kept]


_POOL = [line["text"] for case in DOCUMENTS for line in case["lines"]] + [c["text"] for c in LINES]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=25))
def test_idempotence_holds_for_any_mix_of_lines(lines):
    doc = _doc(lines)
    mark(doc, RULES, None, 5)
    assert mark(_again(doc), RULES, None, 5) == 0


def test_a_heading_between_paragraphs_stays_but_a_menu_label_goes():
    case = next(c for c in DOCUMENTS if c["name"] == "en-article")
    lines = [line["text"] for line in case["lines"]]
    body = [i for i, line in enumerate(case["lines"]) if len(line["text"].split()) > 20]
    heading = "A landmark for fishing crews"
    label = "Gardening"  # shares no word with the article and has no function word
    at = body[1] + 1
    doc = _doc(lines[:at] + [label] + lines[at:])
    mark(doc, RULES, None, 5)
    verdicts = {p.text: p.verdict for p in doc.paragraphs}
    assert verdicts[heading] is None
    assert verdicts[label] is not None and verdicts[label].reason == "boilerplate:position:inline-label"


def test_a_document_without_prose_is_left_to_the_other_signals():
    doc = _doc(["Ingrédients", "200 g de farine", "3 œufs", "Préparation", "Mélanger la farine et les œufs"])
    assert mark(doc, RULES, None, 5) == 0


# --- the frequency signal ---------------------------------------------------------------


def _corpus(n: int, extra: dict[int, list[str]]) -> list[Document]:
    docs = []
    for i in range(n):
        body = (
            f"Article number {i} reports on the annual meeting of the association number {i}, where the members "
            f"discussed the budget and elected a new board for the coming year after a long debate."
        )
        docs.append(_doc([f"Meeting report {i} from the association", body, *extra.get(i, []), body + " Again."]))
    return docs


def test_a_template_block_in_many_files_is_removed_everywhere_with_digits_masked():
    extra = {i: [f"Call the hotline at 0800 {i:03d} 123", "Opening hours and directions"] for i in range(6)}
    docs = _corpus(6, extra)
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    removed = [p for doc in docs for p in doc.paragraphs if p.text.startswith(("Call the hotline", "Opening hours"))]
    assert len(removed) == 12
    assert all(p.verdict.reason == "boilerplate:frequency:recurring-block" for p in removed)


def test_a_line_in_many_files_with_other_neighbours_each_time_is_not_frequency_chrome():
    # "No" and "Australia" shared by unrelated pages, each time beside other lines: data, not a template.
    topics = ["water", "roads", "schools", "parks", "taxes", "housing"]  # digits are masked: words differ
    extra = {i: [f"Happy with the {t}?", "No", f"Born near the {t}", "Australia"] for i, t in enumerate(topics)}
    docs = _corpus(6, extra)
    counts = count_lines(docs)
    assert counts["no"] == 6 and counts["australia"] == 6
    for doc in docs:
        mark(doc, [], counts, 5)
    verdicts = [p.verdict for doc in docs for p in doc.paragraphs if p.text in ("No", "Australia")]
    assert len(verdicts) == 12
    assert not any(v is not None and v.reason.startswith("boilerplate:frequency") for v in verdicts)


def test_figures_never_pair_nor_recur_as_chrome():
    extra = {i: ["Total", "25", "Average", "3.5"] for i in range(6)}
    docs = _corpus(6, extra)
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    figures = [p for doc in docs for p in doc.paragraphs if p.text in ("25", "3.5")]
    assert figures and not any(p.verdict and p.verdict.reason.startswith("boilerplate:frequency") for p in figures)
    assert counts.get("total\n0", 0) == 0  # a line of figures pairs with nothing


def test_a_sentence_shared_by_two_articles_is_not_frequency_boilerplate():
    shared = "The mayor said the decision would be reviewed by the council next month."
    docs = _corpus(6, {0: [shared], 3: [shared]})
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    kept = [p for doc in docs for p in doc.paragraphs if p.text == shared]
    assert len(kept) == 2 and all(p.kept for p in kept)


def _block_reason(docs: list[Document], text: str) -> list[str | None]:
    """The template-block verdicts of the copies of a line (None where another verdict or none)."""
    block = "boilerplate:frequency:recurring-block"
    return [
        block if p.verdict is not None and p.verdict.reason == block else None
        for doc in docs
        for p in doc.paragraphs
        if p.text == text
    ]


def test_below_the_floor_a_line_between_the_same_two_neighbours_in_three_files_is_a_template_block():
    # A site of three pages repeats its sidebar whole; min_files 5 is not reached.
    sidebar = ["Our partners in the region", "Visit the garden shop on Elm Street", "Opening hours and directions"]
    docs = _corpus(6, {0: sidebar, 2: sidebar, 4: sidebar})
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    assert _block_reason(docs, sidebar[1]) == ["boilerplate:frequency:recurring-block"] * 3


def test_below_the_floor_one_shared_neighbour_or_two_files_is_not_a_template_block():
    # The same neighbour above only (a heading over different lists), or a whole block in two files only.
    heading, item = "Ingredients for the filling", "Two cups of flour and a pinch of salt"
    one_side = {i: [heading, item, f"Then {word} the dough"] for i, word in zip((0, 2, 4), ("knead", "roll", "fold"))}
    docs = _corpus(6, one_side)
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    assert _block_reason(docs, item) == [None] * 3
    sidebar = ["Our partners in the region", "Visit the garden shop on Elm Street", "Opening hours and directions"]
    docs = _corpus(6, {1: sidebar, 3: sidebar})
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    assert _block_reason(docs, sidebar[1]) == [None] * 2


def test_below_the_floor_a_recurring_block_stays_unless_it_is_an_off_topic_label():
    block = ["Gardening", "Home and Garden"]
    docs = _corpus(6, {0: block, 2: block, 4: ["Association budget"], 5: ["Association budget"]})
    counts = count_lines(docs)
    for doc in docs:
        mark(doc, [], counts, 5)
    verdicts = {(doc.path, p.text): p.verdict for doc in docs for p in doc.paragraphs}
    assert verdicts[("doc.txt", "Gardening")].reason == "boilerplate:frequency:recurring-offtopic"
    assert verdicts[("doc.txt", "Association budget")] is None  # on the article's subject


# --- masks and templates ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["3 mars 2023", "March 3, 2023", "3. März 2023", "3 de marzo de 2023", "3 marzo 2023", "2023-03-03", "03/03/2023"],
)
def test_the_date_mask_reads_dates_in_five_languages(text):
    assert DATE_SEARCH.fullmatch(text)


def test_a_template_masks_dates_times_and_names():
    pattern = compile_template("Publié le ‹date› à ‹time› par ‹name›")
    assert pattern.fullmatch("Publié le 2 mai 2020 à 14h05 par Jean de La Fontaine")
    assert not pattern.fullmatch("Publié le 2 mai 2020 à 14h05 par un lecteur")


def test_an_invalid_template_is_a_config_error():
    with pytest.raises(ConfigError, match="invalid rule"):
        compile_template("nav: (unclosed")


# --- user rules -------------------------------------------------------------------------


def test_user_rules_are_read_and_name_their_kind(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("# my site\npromo: Offre spéciale jusqu'au ‹date›\n\n", encoding="utf-8")
    rules = load_rules(path)
    assert [(r.kind, r.name) for r in rules] == [("promo", "user-2")]
    doc = _doc(["Offre spéciale jusqu'au 12 mai 2024"])
    mark(doc, rules, None, 5)
    assert doc.paragraphs[0].verdict.reason == "boilerplate:pattern:promo"
    assert doc.paragraphs[0].verdict.detail == "user-2"


@pytest.mark.parametrize("content", ["just a regex without kind\n", "nav: (broken\n", "9bad: x\n"])
def test_a_bad_rules_line_is_a_config_error_naming_the_line(tmp_path, content):
    path = tmp_path / "rules.txt"
    path.write_text("# header\n" + content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.txt:2"):
        load_rules(path)


def test_an_unreadable_rules_file_is_a_config_error(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_bytes(b"nav: \xff\xfe caf\xe9\n")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_rules(path)


def test_user_rules_run_in_a_clean(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("nav: OpenAI s’installe à Paris.*\n", encoding="utf-8")
    summary = clean_folder(SAMPLES, tmp_path / "out", CleanConfig(rules_file=rules, workers=1), quiet=True)
    assert summary["counts"].get("boilerplate:pattern:nav", 0) >= 1
    assert "OpenAI s’installe à Paris" not in (tmp_path / "out" / "001_28e2ffa53ec5a871.txt").read_text("utf-8")


# --- samples acceptance -----------------------------------------------------------------


def _sample_report(tmp_path, config: CleanConfig) -> list[dict]:
    clean_folder(SAMPLES, tmp_path / "out", config, report=tmp_path / "report.jsonl", quiet=True)
    lines = (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if "paragraph" in r and r.get("reason")]


def test_samples_lose_their_chrome_and_nothing_else(tmp_path):
    removed = {r["text"]: r["reason"] for r in _sample_report(tmp_path, CleanConfig(workers=1))}
    boilerplate = {text: reason for text, reason in removed.items() if reason.startswith("boilerplate:")}
    assert set(boilerplate) == {
        "Site icon Freenews",
        "Quitter la version mobile",
        "Sommaire",
        "Publié le 13 octobre 2024 par Enpause @EnPause",
    }
    assert all(REASON.fullmatch(reason) for reason in boilerplate.values())
    for heading in (
        "Un objectif aussi politique",
        "Vers un avenir innovant",
        "Accéder au vivier de talents français",
        "Un Sommet Mondial sur l’IA en France",
        "OpenAI ouvre des bureaux à Paris et Bruxelles : l’IA américaine s’invite en Europe",
    ):
        assert heading not in boilerplate


def test_boilerplate_can_be_turned_off(tmp_path):
    reasons = Counter(r["reason"] for r in _sample_report(tmp_path, CleanConfig(boilerplate=False, workers=1)))
    assert reasons and not any(reason.startswith("boilerplate:") for reason in reasons)


# --- lines in context: blocks apart from the article, languages without rules ------------


_ARTICLE = [
    "The town council approved the plan to rebuild the old wooden bridge over the river, which was closed to traffic "
    "after the spring floods damaged two of its piers.",
    "Engineers will replace the damaged piers with stone ones and keep the original oak deck, which the council "
    "considers part of the town's history and wants visitors to see.",
    "Work on the bridge should begin in September and last about eight months, during which a temporary footbridge "
    "will carry pedestrians and cyclists across the river.",
    "The council will pay for most of the work from its own budget, and a regional fund for historic structures has "
    "promised to cover the cost of restoring the oak deck and the railings.",
    "Shops on both banks of the river have lost customers since the bridge closed, and their owners hope that the "
    "footbridge will bring back the visitors who used to cross on foot.",
    "The last major repair of the bridge took place more than sixty years ago, when the council replaced the railings "
    "and strengthened the deck after a lorry hit one of the piers.",
]
_CHROME = ["Home", "Contact us", "Newsletter", "Privacy policy", "Terms of use"]


def test_a_block_apart_from_the_article_goes_but_its_continuation_stays():
    teasers = [
        "A celebrity chef has opened a restaurant by the sea that serves only the vegetables of the farms around it.",
        "Five cheap gadgets for camping holidays",
    ]
    more = ["The council said the bridge would reopen in the spring with its oak deck and new stone piers."]
    doc = _doc([*_ARTICLE, *_CHROME, *teasers, *_CHROME, *more])
    mark(doc, RULES, None, 5)
    verdicts = {p.text: p.verdict for p in doc.paragraphs}
    assert verdicts[teasers[0]].reason == "boilerplate:position:outlying-block"  # prose, off the subject
    assert verdicts[teasers[1]].reason.startswith("boilerplate:position:")  # a headline beside chrome
    assert all(verdicts[t] is None for t in _ARTICLE + more)  # on the article's subject: its continuation


def test_a_long_menu_in_a_language_no_rule_reads_is_cut_off():
    menu = ["Vijesti", "Sport", "Kultura", "Zabava", "Tehnologija", "Putovanja", "Zdravlje", "Automobili", "Nekretnine"]
    menu = menu + [f"{label} danas" for label in menu] + ["Horoskop", "Vrijeme", "Kolumne"]
    tail = ["Sva prava pridržana su, a sadržaj se ne smije koristiti bez dopuštenja."]
    doc = _doc([*_ARTICLE, *_ARTICLE, *menu, *tail])
    mark(doc, RULES, None, 5)
    assert all(not p.kept for p in doc.paragraphs if p.text in menu + tail)
    assert all(p.kept for p in doc.paragraphs if p.text in _ARTICLE)


@pytest.mark.parametrize(
    "text",
    [
        "O conselho da cidade aprovou o plano para reconstruir a velha ponte de madeira sobre o rio.",
        "Gradsko vijeće odobrilo je plan da se obnovi stari drveni most preko rijeke koji je zatvoren.",
        "Městská rada schválila plán na obnovu starého dřevěného mostu přes řeku, který je od jara zavřený.",
        "我们在周末去了河边的小镇，那里的居民正在修复一座很老的木桥，他们说这座桥已经有两百年的历史了。",
    ],
)
def test_sentences_of_languages_without_rules_are_prose(text):
    assert describe(text).prose


@pytest.mark.parametrize("text", ["新闻中心", "体育频道", "Crna kronika", "Notícias locais"])
def test_menu_labels_of_languages_without_rules_are_labels(text):
    assert describe(text).label
