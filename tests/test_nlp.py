"""The spaCy pipeline (loading, the country/region ruler, long texts) and mentions in prose."""

from __future__ import annotations

import json
import logging

import pytest
import spacy

from extractors.model import BBox, Block, BlockRole, Document, Page
from extractors.nlp import BLANK, iter_docs, load_nlp, place_patterns, split_text
from extractors.normalize.countries import to_iso3
from extractors.pdf.read import read_document
from extractors.records import Mention, Source
from extractors.sections.base import Context
from extractors.sections.mentions import clean_entity, is_prose
from extractors.sections.mentions import extract as mentions
from extractors.settings import Settings
from tests.corpus import ROOT

MODEL = Settings().spacy_model
needs_model = pytest.mark.skipif(not spacy.util.is_package(MODEL), reason=f"{MODEL} not installed")


def ents(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_blank_pipeline_has_sentences_and_the_ruler() -> None:
    nlp = load_nlp(BLANK)
    assert nlp.pipe_names == ["sentencizer", "entity_ruler"]
    doc = nlp("Turkey joined. Korea followed.")
    assert [s.text for s in doc.sents] == ["Turkey joined.", "Korea followed."]


def test_pipelines_are_cached_per_name() -> None:
    assert load_nlp(BLANK) is load_nlp(BLANK)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Turkey", "TUR"), ("Türkiye", "TUR"), ("Korea", "KOR"), ("Republic of Korea", "KOR"),
     ("COTE D'IVOIRE", "CIV"), ("Côte d’Ivoire", "CIV"), ("United Kingdom", "GBR")],
)  # fmt: skip
def test_blank_pipeline_tags_countries_with_their_iso_code(text: str, iso3: str) -> None:
    assert ents(load_nlp(BLANK), f"Officials from {text} attended.") == [(text, "GPE", iso3)]


def test_regions_are_locations() -> None:
    found = ents(load_nlp(BLANK), "Cities in Latin America and Sub-Saharan Africa met.")
    assert found == [
        ("Latin America", "LOC", "Latin America"),
        ("Sub-Saharan Africa", "LOC", "Sub-Saharan Africa"),
    ]


def test_ambiguous_short_names_are_not_countries() -> None:
    nlp = load_nlp(BLANK)
    assert ents(nlp, "Join us for a turkey dinner in china bowls.") == []
    assert ents(nlp, "Jordan and Chad spoke.") == []  # given names: left to the model
    assert ents(nlp, "Delegates from the US and the UK.") == [
        ("US", "GPE", "USA"),
        ("UK", "GPE", "GBR"),
    ]


def test_a_country_inside_a_city_name_is_not_the_country() -> None:
    assert ents(load_nlp(BLANK), "Mexico City hosted it.") == [("Mexico City", "GPE", "")]


def test_patterns_have_no_two_letter_codes_matched_loosely() -> None:
    loose = [p for p in place_patterns(load_nlp(BLANK)) if isinstance(p["pattern"], str)]
    assert all(len(p["pattern"]) > 2 for p in loose)
    assert not any(p["pattern"].isupper() for p in loose)


def test_a_missing_model_falls_back_to_blank(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="extractors.nlp"):
        nlp = load_nlp("no_such_model_installed")
    assert nlp.pipe_names == ["sentencizer", "entity_ruler"]
    assert "not installed" in caplog.text


def test_the_model_name_comes_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNUAL_REPORTS_SPACY_MODEL", BLANK)
    assert load_nlp() is load_nlp(BLANK)


def test_split_text_keeps_paragraphs_under_the_limit() -> None:
    paragraphs = [f"Paragraph {i} mentions Peru. " * 5 for i in range(20)]
    pieces = split_text("\n\n".join(paragraphs), limit=400)
    assert len(pieces) > 1 and all(len(p) <= 400 for p in pieces)
    assert "".join(pieces).replace("\n", "") == "".join(paragraphs)
    assert all(len(p) <= 50 for p in split_text("x" * 120, limit=50))


def test_long_texts_are_parsed_in_pieces_and_joined() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Peru"}])
    nlp.max_length = 1_000
    long = "\n\n".join(f"Paragraph {i} is about Peru." for i in range(200))  # ~6,000 chars
    docs = list(iter_docs(nlp, ["Peru first.", long, ""], batch_size=8))
    assert len(docs) == 3
    assert [e.text for e in docs[0].ents] == ["Peru"]
    assert len(docs[1].ents) == 200
    assert len(list(docs[1].sents)) == 200
    assert len(docs[2]) == 0


@pytest.mark.model
@needs_model
def test_model_pipeline_puts_the_ruler_before_ner() -> None:
    nlp = load_nlp()
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert "lemmatizer" not in names
    assert "senter" in names or "parser" in names


@pytest.mark.model
@needs_model
@pytest.mark.parametrize(
    ("text", "iso3"), [("Turkey", "TUR"), ("Türkiye", "TUR"), ("Korea", "KOR")]
)
def test_model_tags_countries_with_their_iso_code(text: str, iso3: str) -> None:
    doc = load_nlp()(f"The delegation from {text} visited the Secretariat in Geneva.")
    assert (text, "GPE", iso3) in [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert len(list(doc.sents)) == 1


@pytest.mark.model
@needs_model
def test_model_finds_people_and_organizations() -> None:
    doc = load_nlp()("Barack Obama met the World Bank in Washington on 3 May 2021.")
    labels = {e.label_ for e in doc.ents}
    assert {"PERSON", "ORG", "DATE"} <= labels


# ---- mentions in prose ------------------------------------------------------------------------


def _block(text: str, role: BlockRole = BlockRole.BODY, page: int = 1) -> Block:
    lines = tuple(text.split("\n"))
    return Block(" ".join(lines), BBox(50, 100, 500, 140), page, 9.5, False, role, lines=lines)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The Secretariat is located in Lyon, France, with offices in Cusco (Peru), Accra "
         "(Ghana) and Hanoi (Vietnam).", True),
        ("As a follow-up event to the June seminar, the network organized a workshop on", True),
        ("PERU", False),
        ("Mayor of Springfield, Freedonia", False),
        ("Area: 12 km²\nPopulation: 5,000\nMayor: Ann Lee", False),
        ("• Ambassador of the Embassy of Freedonia to Norland", False),
        ("• The partners met twice in Freedonia to plan the next steps together.", True),
        ("Pacific Smart Ports Network (PSPN) Workshop Digital Harbour Planning: Geographical "
         "Information Systems in Oceania", False),
    ],
)  # fmt: skip
def test_prose_is_running_text(text: str, prose: bool) -> None:
    assert is_prose(_block(text)) is prose


def test_headings_and_captions_are_not_prose() -> None:
    text = "Delegates from Peru and Chile met in Lima to discuss smart transport."
    assert not is_prose(_block(text, BlockRole.CAPTION))
    assert not is_prose(_block(text, BlockRole.HEADING))


def _document(*blocks: Block) -> Document:
    doc = Document("test", "test.pdf", "0" * 64, 1)
    page = Page(1, 595, 842)
    page.blocks = list(blocks)
    doc.pages.append(page)
    return doc


def test_mentions_need_a_pipeline() -> None:
    assert mentions(Context(_document(_block("Officials from Peru and Chile met in Lima.")))) == []


def test_mentions_keep_sentence_and_block_provenance() -> None:
    doc = _document(
        _block("PERU"),
        _block("The network grew. Officials from the Republic of Korea's cities and Peru met."),
    )
    found = mentions(Context(doc, load_nlp(BLANK)))
    assert [(m.text, m.label) for m in found] == [("Republic of Korea", "GPE"), ("Peru", "GPE")]
    assert found[0].sentence == "Officials from the Republic of Korea's cities and Peru met."
    assert found[0].source == Source(1, BBox(50, 100, 500, 140), "Republic of Korea")


def _country_f1(found: list[Mention], gold: list[dict[str, str]]) -> float:
    predicted = {clean_entity(m.text).casefold() for m in found if m.label == "GPE"}
    predicted = {t for t in predicted if to_iso3(t)}
    expected = {g["text"].casefold() for g in gold}
    return 2 * len(predicted & expected) / (len(predicted) + len(expected))


@pytest.fixture(scope="module")
def sample() -> Document:
    return read_document(ROOT / "raw_reports" / "wego_2021_annual_report.pdf")


MENTIONS_GOLD = ROOT / "tests" / "gold" / "wego_2021_mentions.json"
MEASURED_COUNTRY_F1 = 1.0  # blank pipeline and the model alike
MARGIN = 0.05


def test_sample_report_countries_in_prose_with_a_blank_pipeline(sample: Document) -> None:
    gold = json.loads(MENTIONS_GOLD.read_text())
    found = mentions(Context(sample, load_nlp(BLANK)))
    assert _country_f1(found, gold) >= MEASURED_COUNTRY_F1 - MARGIN


@pytest.mark.model
@needs_model
def test_sample_report_mentions_with_the_model(sample: Document) -> None:
    gold = json.loads(MENTIONS_GOLD.read_text())
    found = mentions(Context(sample, load_nlp()))
    assert _country_f1(found, gold) >= MEASURED_COUNTRY_F1 - MARGIN
    assert {"PERSON", "ORG", "DATE"} <= {m.label for m in found}
    assert all(m.sentence and m.text in m.sentence for m in found)
